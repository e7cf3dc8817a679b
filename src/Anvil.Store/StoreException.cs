namespace Anvil.Store;

/// <summary>
/// A knowledge base that cannot be opened, read or written. <see cref="Exception.Message"/> is one line naming the
/// database (never its password) and saying what to do; <see cref="Code"/> is one of <see cref="StoreErrorCodes"/>.
/// </summary>
public sealed class StoreException : Exception
{
    public StoreException(string code, string message, Exception? inner = null)
        : base(OneLine(message), inner)
    {
        Code = code;
    }

    public string Code { get; }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
