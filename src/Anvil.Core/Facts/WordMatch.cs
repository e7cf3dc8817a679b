namespace Anvil.Core.Facts;

/// <summary>Whether text is, starts or ends with one of a data file's words: the loops the fact parts ask for a word list.</summary>
internal static class WordMatch
{
    // loops over a span, not Any with a lambda: asked per figure, a closure each time adds up
    public static bool StartsWithAny(ReadOnlySpan<char> text, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (text.StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static bool EndsWithAny(ReadOnlySpan<char> text, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (text.EndsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    public static bool EqualsAny(ReadOnlySpan<char> text, ReadOnlySpan<string> words)
    {
        foreach (var word in words)
        {
            if (text.SequenceEqual(word))
            {
                return true;
            }
        }

        return false;
    }
}
