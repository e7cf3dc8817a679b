namespace Anvil.Core.Entities;

/// <summary>A possible entity in view coordinates, before overlaps are resolved.</summary>
internal readonly record struct EntityCandidate(int Start, int End, string Name, EntityType Type, int Priority, string Source)
{
    public int Length => End - Start;

    /// <summary>Names of which at least one must also be found in the text (see LexiconEntry.RequiresContext).</summary>
    public IReadOnlyList<string>? RequiresContext { get; init; }

    /// <summary>
    /// The name begins before a known name of its type that ends where it ends, and rightly so (印度 + 外交部): Resolve
    /// keeps it though the lexicon says where that known name starts.
    /// </summary>
    public bool OwnStart { get; init; }

    /// <summary>
    /// The name is what the text means at this span only (罗马 read as the club named for the city): elsewhere the same
    /// characters are what they usually are, so FindAgain does not look for it in the rest of the text.
    /// </summary>
    public bool NotFoundAgain { get; init; }
}
