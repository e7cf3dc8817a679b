namespace Anvil.Core.Reading;

/// <summary>
/// A document that cannot be read. <see cref="Exception.Message"/> is one line naming the file and the reason,
/// ready for standard error; <see cref="Code"/> is stable (see <see cref="ReadErrorCodes"/>).
/// </summary>
public sealed class DocumentReadException : Exception
{
    public DocumentReadException(string code, string file, string reason, Exception? inner = null)
        : base($"{code}: {file}: {OneLine(reason)}", inner)
    {
        Code = code;
        File = file;
        Reason = OneLine(reason);
    }

    /// <summary>The stable error code, such as <c>E0203</c>.</summary>
    public string Code { get; }

    /// <summary>The file as the caller named it (or the stream's name).</summary>
    public string File { get; }

    /// <summary>Why it cannot be read, and what to do where there is something to do.</summary>
    public string Reason { get; }

    // Underlying library messages may span lines; standard error gets one line per file.
    private static string OneLine(string text) =>
        text.Contains('\n', StringComparison.Ordinal) || text.Contains('\r', StringComparison.Ordinal)
            ? string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            : text;
}
