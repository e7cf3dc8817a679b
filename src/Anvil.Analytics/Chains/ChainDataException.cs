namespace Anvil.Analytics.Chains;

/// <summary>
/// Stable codes of <see cref="ChainDataException"/>: a chain template, regions file, company lexicon or placements
/// file that does not follow its format, or a stage or place the chain data does not know.
/// </summary>
public static class ChainErrorCodes
{
    /// <summary>A chain template (<c>*.yaml</c> with <c>stages:</c>) that does not follow the format; names the file and line.</summary>
    public const string BadTemplate = "E0701";

    /// <summary>A placements file (<c>company, stage, city, evidence</c>) that does not follow the format, or names an unknown stage.</summary>
    public const string BadPlacements = "E0702";

    /// <summary>A regions file, a company lexicon or the text-evidence file that does not follow its format.</summary>
    public const string BadSupportFile = "E0703";

    /// <summary>A stage no chain template has (<c>chains shock --cut</c>).</summary>
    public const string UnknownStage = "E0704";

    /// <summary>A chains folder that does not exist, or a file that cannot be read.</summary>
    public const string CannotRead = "E0705";

    /// <summary>A place neither Anvil's places nor the knowledge base know (<c>chains shock --outside</c>).</summary>
    public const string UnknownPlace = "E0706";
}

/// <summary>Chain data that cannot be used. <see cref="Exception.Message"/> is one line naming the file and line where there is one.</summary>
public sealed class ChainDataException : Exception
{
    public ChainDataException(string code, string message)
        : base(message)
    {
        Code = code;
    }

    public string Code { get; }
}
