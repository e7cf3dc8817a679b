namespace Anvil.Core.Reading;

/// <summary>What the caller says about a document before it is read.</summary>
public sealed record ReadOptions
{
    /// <summary>The default size limit: larger files are refused before a byte is read.</summary>
    public const long DefaultMaxBytes = 64L * 1024 * 1024;

    public static ReadOptions Default { get; } = new();

    /// <summary>
    /// The caller's publication date (<c>--date</c>) for a document that states none; a date the document states
    /// (its metadata, a dateline near the top) wins unless <see cref="ForceDate"/>.
    /// </summary>
    public DateOnly? Date { get; init; }

    /// <summary><see cref="Date"/> wins over a date the document states (<c>--force-date</c>).</summary>
    public bool ForceDate { get; init; }

    /// <summary>The document id; the file name without its extension when null.</summary>
    public string? Id { get; init; }

    /// <summary>Files larger than this many bytes are refused with <see cref="ReadErrorCodes.TooLarge"/>.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;
}
