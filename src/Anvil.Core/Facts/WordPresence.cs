using Anvil.Core.Lexicons;

namespace Anvil.Core.Facts;

/// <summary>
/// Whether a stretch of text holds any word of a list, in one walk over it: a bit per character says where a word can
/// start, and only there is the trie asked. The fact components look for the last of each word of a list in turn (a
/// few dozen searches, several times per figure); where the stretch holds none of them, this one walk answers for all.
/// </summary>
internal sealed class WordPresence
{
    private readonly WordTrie<bool> _words = new();
    private readonly bool _hasEmpty; // an empty word is in every stretch, as the word-by-word search finds it

    public WordPresence(IEnumerable<string> words)
    {
        foreach (var w in words)
        {
            _hasEmpty |= w.Length == 0;
            _words.Add(w, true);
        }
    }

    public bool AnyIn(ReadOnlySpan<char> text)
    {
        if (_hasEmpty)
        {
            return true;
        }

        for (int i = 0; i < text.Length; i++)
        {
            if (_words.CanStartWith(text[i]) && _words.LongestMatch(text, i, out _) > 0)
            {
                return true;
            }
        }

        return false;
    }
}
