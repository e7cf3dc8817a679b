namespace Anvil.Core.Reading;

/// <summary>
/// A document that cannot be read. <see cref="Exception.Message"/> is one line, <c>path: reason</c>, ready for
/// standard error after the stable <see cref="Code"/> (see <see cref="ReadErrorCodes"/>):
/// <c>anvil: E0203: big.txt: file too large: …</c>.
/// </summary>
public sealed class DocumentReadException : Exception
{
    public DocumentReadException(string path, string reason, string code, Exception? inner = null)
        : base($"{path}: {OneLine(reason)}", inner)
    {
        Path = path;
        Reason = OneLine(reason);
        Code = code;
    }

    /// <summary>The file as the caller named it (or the name given to standard input).</summary>
    public string Path { get; }

    /// <summary>Why it cannot be read, and what to do where there is something to do.</summary>
    public string Reason { get; }

    /// <summary>The stable error code, such as <c>E0203</c>.</summary>
    public string Code { get; }

    // Underlying library messages may span lines; standard error gets one line per file.
    private static string OneLine(string text) =>
        text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
            ? string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : text;
}
