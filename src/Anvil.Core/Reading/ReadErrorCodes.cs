namespace Anvil.Core.Reading;

/// <summary>
/// Stable codes of <see cref="DocumentReadException"/>. Scripts and tests key on these, so a code never changes
/// meaning; a new failure gets a new code.
/// </summary>
public static class ReadErrorCodes
{
    /// <summary>The file does not exist.</summary>
    public const string NotFound = "E0201";

    /// <summary>The file has no bytes, or no text once decoded.</summary>
    public const string Empty = "E0202";

    /// <summary>The file is larger than <see cref="ReadOptions.MaxBytes"/>.</summary>
    public const string TooLarge = "E0203";

    /// <summary>The bytes are binary (NUL or control bytes), not text.</summary>
    public const string Binary = "E0204";

    /// <summary>The bytes are UTF-8 with damaged or truncated sequences.</summary>
    public const string InvalidUtf8 = "E0205";

    /// <summary>The bytes are none of UTF-8, UTF-16 (with BOM), GB18030/GBK or Big5.</summary>
    public const string Undecodable = "E0206";

    /// <summary>A PDF without a text layer (scanned pages).</summary>
    public const string PdfWithoutText = "E0207";

    /// <summary>A PDF that cannot be parsed (damaged, truncated, encrypted).</summary>
    public const string BrokenPdf = "E0208";

    /// <summary>The file exists but cannot be read (a folder, no permission, an I/O error).</summary>
    public const string Unreadable = "E0209";

    /// <summary>An HTML page without readable text.</summary>
    public const string HtmlWithoutText = "E0210";

    /// <summary>A failure the reader did not foresee; the message carries the underlying error.</summary>
    public const string Unexpected = "E0299";
}
