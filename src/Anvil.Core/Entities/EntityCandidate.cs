namespace Anvil.Core.Entities;

/// <summary>A possible entity in view coordinates, before overlaps are resolved.</summary>
internal readonly record struct EntityCandidate(int Start, int End, string Name, EntityType Type, int Priority, string Source)
{
    public int Length => End - Start;
}
