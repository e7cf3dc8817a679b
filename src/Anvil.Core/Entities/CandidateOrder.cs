using System.Buffers;
using System.Runtime.InteropServices;

namespace Anvil.Core.Entities;

/// <summary>
/// Sorts candidates in text order by sorting small keys (the compared fields and an index) and moving each candidate
/// once, instead of swapping whole candidates (six fields and two more) at every step of the sort. The keys are
/// sorted by the same sort with the same comparison of the same fields, and that sort's steps depend only on what
/// the comparisons answer: candidates that compare equal end in the very order sorting the candidates gave them.
/// </summary>
internal static class CandidateOrder
{
    private readonly record struct Key(int Start, int End, int Index);

    private static readonly Comparison<Key> StartOnly = (a, b) => a.Start.CompareTo(b.Start);

    private static readonly Comparison<Key> StartThenLongerFirst = (a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End);

    /// <summary>As <c>list.Sort((a, b) =&gt; a.Start.CompareTo(b.Start))</c>.</summary>
    public static void ByStart(List<EntityCandidate> list) => Sort(CollectionsMarshal.AsSpan(list), StartOnly);

    /// <summary>By start, the longer first at one start: as sorting by that comparison of the candidates themselves.</summary>
    public static void ByStartLongerFirst(Span<EntityCandidate> candidates) => Sort(candidates, StartThenLongerFirst);

    private static void Sort(Span<EntityCandidate> candidates, Comparison<Key> comparison)
    {
        int n = candidates.Length;
        if (n < 2)
        {
            return;
        }

        var keys = ArrayPool<Key>.Shared.Rent(n);
        var copy = ArrayPool<EntityCandidate>.Shared.Rent(n);
        for (int i = 0; i < n; i++)
        {
            keys[i] = new Key(candidates[i].Start, candidates[i].End, i);
        }

        keys.AsSpan(0, n).Sort(comparison);
        candidates.CopyTo(copy);
        for (int i = 0; i < n; i++)
        {
            candidates[i] = copy[keys[i].Index];
        }

        ArrayPool<Key>.Shared.Return(keys);
        ArrayPool<EntityCandidate>.Shared.Return(copy, clearArray: true); // it holds strings
    }
}
