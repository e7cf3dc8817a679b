namespace Anvil.Core.Reading;

/// <summary>What the caller says about a document before it is read.</summary>
public sealed record ReadOptions
{
    /// <summary>The default size limit: larger files are refused before a byte is read.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    public static ReadOptions Default { get; } = new();

    /// <summary>The caller's publication date (<c>--date</c>); it wins over any date the text states.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The document id; the file name without its extension when null.</summary>
    public string? Id { get; init; }

    /// <summary>Files larger than this many bytes are refused with <see cref="ReadErrorCodes.TooLarge"/>.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;
}
