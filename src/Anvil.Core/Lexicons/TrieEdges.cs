using System.Runtime.CompilerServices;

namespace Anvil.Core.Lexicons;

/// <summary>
/// The edges of a character trie, (parent node, character) → child node, in one open-addressing table of
/// 64-bit slots: the parent's 24 bits and the character's 16, then the child's 24. A step costs a multiply and
/// nearly always one memory read; the <c>Dictionary&lt;long, int&gt;</c> this replaces read a bucket and then an
/// entry elsewhere, and its lookups were the largest single cost of extraction (a tenth of it). Children are
/// numbered from 1 (0 is the root, never anyone's child), so an empty slot reads 0. Grows while edges are
/// added; once built, reads are safe across threads.
/// </summary>
internal sealed class TrieEdges
{
    /// <summary>Node numbers must stay below this (24 bits); the largest trie Anvil builds has well under a million.</summary>
    public const int MaxNodes = 1 << 24;

    private const ulong Fibonacci = 0x9E3779B97F4A7C15UL;

    private ulong[] _slots = new ulong[16];
    private int _shift = 64 - 4;
    private int _count;

    /// <summary>The number of edges.</summary>
    public int Count => _count;

    /// <summary>The child of <paramref name="node"/> along <paramref name="c"/>, if there is one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryGet(int node, char c, out int child)
    {
        ulong key = ((ulong)(uint)node << 16) | c;
        var slots = _slots;
        int mask = slots.Length - 1;
        int i = (int)((key * Fibonacci) >> _shift);
        while (true)
        {
            ulong slot = slots[i];
            if (slot == 0)
            {
                child = 0;
                return false;
            }

            if (slot >> 24 == key)
            {
                child = (int)(slot & (MaxNodes - 1));
                return true;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>Adds an edge; the pair must not have one yet.</summary>
    public void Add(int node, char c, int child)
    {
        if ((uint)node >= MaxNodes || child <= 0 || child >= MaxNodes)
        {
            throw new InvalidOperationException($"a trie holds at most {MaxNodes - 1} nodes");
        }

        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        Insert(_slots, _shift, ((((ulong)(uint)node << 16) | c) << 24) | (uint)child);
        _count++;
    }

    /// <summary>Writes the children of <paramref name="node"/> into <paramref name="children"/> by character (0 where none).</summary>
    public void ChildrenOf(int node, int[] children)
    {
        foreach (ulong slot in _slots)
        {
            if (slot != 0 && (slot >> 40) == (ulong)(uint)node)
            {
                children[(char)(slot >> 24)] = (int)(slot & (MaxNodes - 1));
            }
        }
    }

    /// <summary>Calls <paramref name="edge"/> with (parent, character, child) for every edge, in no order.</summary>
    public void ForEach(Action<int, char, int> edge)
    {
        foreach (ulong slot in _slots)
        {
            if (slot != 0)
            {
                edge((int)(slot >> 40), (char)(slot >> 24), (int)(slot & (MaxNodes - 1)));
            }
        }
    }

    private void Grow()
    {
        var bigger = new ulong[_slots.Length * 2];
        int shift = _shift - 1;
        foreach (ulong slot in _slots)
        {
            if (slot != 0)
            {
                Insert(bigger, shift, slot);
            }
        }

        _slots = bigger;
        _shift = shift;
    }

    private static void Insert(ulong[] slots, int shift, ulong slot)
    {
        int mask = slots.Length - 1;
        int i = (int)(((slot >> 24) * Fibonacci) >> shift);
        while (slots[i] != 0)
        {
            i = (i + 1) & mask;
        }

        slots[i] = slot;
    }
}
