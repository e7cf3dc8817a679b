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

    public bool IsText => Text is not null;

    /// <summary>Size in bytes (UTF-16 bytes for a text input).</summary>
    public int Size => Text is null ? Bytes.Length : Text.Length * 2;

    /// <summary>The extension a saved copy of the input gets: the reader's format is chosen by it.</summary>
    public string Extension => Text is not null ? ".utf16" : Path.GetExtension(FileName ?? "") is { Length: > 0 } e ? e : ".stdin";
}
