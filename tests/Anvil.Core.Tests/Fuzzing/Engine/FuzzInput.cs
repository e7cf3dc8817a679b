namespace Anvil.Core.Tests.Fuzzing;

/// <summary>
/// One fuzz input: bytes for the reader, named so the reader picks a format (<see cref="FileName"/> null: the
/// format is sniffed from the bytes, as for standard input), or, for the extraction half alone, a text that
/// becomes a <see cref="Documents.Document"/> directly (<see cref="Text"/>), which is how strings no reader
/// produces (lone surrogates) reach the pipeline. <see cref="Recipe"/> says how it was made, for reports.
/// </summary>
internal sealed record FuzzInput(string Recipe, byte[] Bytes, string? FileName, string? Text = null)
{
    public static FuzzInput FromText(string recipe, string text) => new(recipe, [], null, text);

    /// <summary>The caller's publication date (<c>--date</c>), which relative periods (去年, 上月) resolve against.</summary>
    public DateOnly? Date { get; init; }

    public bool IsText => Text is not null;

    /// <summary>Size in bytes (UTF-16 bytes for a text input).</summary>
    public int Size => Text is null ? Bytes.Length : Text.Length * 2;

    /// <summary>
    /// The ending a saved copy of the input gets: the caller's date if any (<c>.date-0001-01-01</c>), then the extension
    /// that chooses the reader's format (<c>.stdin</c>: none, sniffed; <c>.utf16</c>: a text given to the pipeline).
    /// </summary>
    public string Extension =>
        (Date is { } d ? ".date-" + d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : "")
        + (Text is not null ? ".utf16" : Path.GetExtension(FileName ?? "") is { Length: > 0 } e ? e : ".stdin");

    /// <summary>Reads a saved input back: the inverse of <see cref="Extension"/>.</summary>
    public static FuzzInput Load(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        string ext = Path.GetExtension(path);
        var input = ext switch
        {
            ".utf16" => FromText(path, System.Text.Encoding.Unicode.GetString(bytes)),
            ".stdin" => new FuzzInput(path, bytes, null),
            _ => new FuzzInput(path, bytes, "input" + ext),
        };

        string rest = Path.GetFileNameWithoutExtension(path);
        int at = rest.LastIndexOf(".date-", StringComparison.Ordinal);
        return at >= 0 && DateOnly.TryParseExact(rest.AsSpan(at + 6), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date)
            ? input with { Date = date }
            : input;
    }
}
