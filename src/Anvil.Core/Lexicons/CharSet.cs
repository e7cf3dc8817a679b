using System.Runtime.CompilerServices;

namespace Anvil.Core.Lexicons;

/// <summary>
/// A set of UTF-16 code units as a map of 65,536 bits (8 KB). Matchers ask it of every character whether a word
/// can start there; a bool per character (64 KB) for each of a score of word lists crowded each other out of the
/// processor's caches, where these maps all fit. Built once, then read-only and safe across threads.
/// </summary>
internal sealed class CharSet
{
    private readonly ulong[] _bits = new ulong[(char.MaxValue + 1) / 64];

    public void Add(char c) => _bits[c >> 6] |= 1UL << c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(char c) => (_bits[c >> 6] & (1UL << c)) != 0;

    /// <summary>The characters in the set, in order.</summary>
    public char[] ToArray()
    {
        var chars = new List<char>();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (Contains((char)c))
            {
                chars.Add((char)c);
            }
        }

        return [.. chars];
    }
}
