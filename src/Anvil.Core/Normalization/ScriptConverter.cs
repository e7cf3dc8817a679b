namespace Anvil.Core.Normalization;

/// <summary>
/// OpenCC's Traditional → Simplified conversions as OpenCC defines them, over its own dictionaries
/// and nothing else: <see cref="TraditionalToSimplified"/> (<c>t2s</c>), <see cref="HongKongToSimplified"/>
/// (<c>hk2s</c>) and <see cref="TaiwanToSimplified"/> (<c>tw2s</c>). Checked against OpenCC's test cases.
/// </summary>
/// <remarks>
/// Matching uses <see cref="TextNormalizer"/>, which adds width folding, regional vocabulary and
/// converter fixes on top of these; this class is the reference conversion, e.g. for tests and for
/// comparing with <c>opencc</c>.
/// </remarks>
public sealed class ScriptConverter
{
    private readonly Func<ReplacementTable?> _variants;

    private ScriptConverter(string name, Func<ReplacementTable?> variants)
    {
        Name = name;
        _variants = variants;
    }

    /// <summary>OpenCC <c>t2s</c>: standard Traditional to Simplified.</summary>
    public static ScriptConverter TraditionalToSimplified { get; } = new("t2s", () => null);

    /// <summary>OpenCC <c>hk2s</c>: Hong Kong variants to standard Traditional, then to Simplified.</summary>
    public static ScriptConverter HongKongToSimplified { get; } = new("hk2s", () => OpenCcTables.HongKongVariants);

    /// <summary>OpenCC <c>tw2s</c>: Taiwan variants to standard Traditional, then to Simplified.</summary>
    public static ScriptConverter TaiwanToSimplified { get; } = new("tw2s", () => OpenCcTables.TaiwanVariants);

    /// <summary>OpenCC's name of the configuration (<c>t2s</c>, <c>hk2s</c>, <c>tw2s</c>).</summary>
    public string Name { get; }

    /// <summary>The converter named as OpenCC names its configuration, or null.</summary>
    public static ScriptConverter? ByName(string name) => name switch
    {
        "t2s" => TraditionalToSimplified,
        "hk2s" => HongKongToSimplified,
        "tw2s" => TaiwanToSimplified,
        _ => null,
    };

    public string Convert(string text)
    {
        var variants = _variants();
        if (variants is null)
        {
            return Replacer.ToView(text, OpenCcTables.TraditionalToSimplified).Text;
        }

        var buffer = text.ToCharArray();
        Replacer.ApplySameLength(buffer, variants);
        return Replacer.ToView(buffer, OpenCcTables.TraditionalToSimplified).Text;
    }

    public override string ToString() => Name;
}
