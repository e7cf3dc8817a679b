namespace Anvil.Core.Entities;

/// <summary>A possible entity in view coordinates, before overlaps are resolved.</summary>
internal readonly record struct EntityCandidate(int Start, int End, string Name, EntityType Type, int Priority, string Source)
{
    public int Length => End - Start;

    /// <summary>Names of which at least one must also be found in the text (see LexiconEntry.RequiresContext).</summary>
    public IReadOnlyList<string>? RequiresContext { get; init; }
}
