using System.Buffers;

namespace Anvil.Core.Documents;

/// <summary>
/// Finds the first place any of a few phrases starts, ordinally: a vectorised scan for the phrases' first characters,
/// then a comparison only where one stands. For phrases in Chinese, <see cref="SearchValues{T}"/> of strings falls back
/// to a trie walk that looks every character of the text up in a dictionary; the boilerplate marker asks this of every
/// line of every document, and a phrase's first character is rare in news text.
/// </summary>
internal sealed class PhraseSearch
{
    private readonly string[] _phrases;
    private readonly SearchValues<char> _firstChars;

    public PhraseSearch(IEnumerable<string> phrases)
    {
        _phrases = [.. phrases.Where(p => p.Length > 0).Distinct(StringComparer.Ordinal)];
        _firstChars = SearchValues.Create([.. _phrases.Select(p => p[0]).Distinct()]);
    }

    /// <summary>Where the first phrase in <paramref name="text"/> starts, or -1 when none is in it.</summary>
    public int IndexOfAny(ReadOnlySpan<char> text)
    {
        int from = 0;
        while (from < text.Length)
        {
            int hit = text[from..].IndexOfAny(_firstChars);
            if (hit < 0)
            {
                return -1;
            }

            int at = from + hit;
            if (LongestAt(text[at..]) > 0)
            {
                return at;
            }

            from = at + 1;
        }

        return -1;
    }

    public bool ContainsAny(ReadOnlySpan<char> text) => IndexOfAny(text) >= 0;

    /// <summary>The length of the longest phrase <paramref name="text"/> starts with; 0 when it starts with none.</summary>
    public int LongestAt(ReadOnlySpan<char> text)
    {
        int best = 0;
        foreach (var phrase in _phrases)
        {
            if (phrase.Length > best && text.StartsWith(phrase, StringComparison.Ordinal))
            {
                best = phrase.Length;
            }
        }

        return best;
    }
}
