using Anvil.Core.Lexicons;

namespace Anvil.Core.Quantities;

/// <summary>
/// A longest-match trie over folded characters, read forward from a start index or backward from an
/// end index (for words that stand before a number, such as 超过 or 人民币). Built once; lookups
/// never allocate and are safe from several threads (the dictionaries are only read).
/// </summary>
internal sealed class CharTrie<T>
{
    private readonly Node _root = new();
    private readonly CharSet _first = new(); // the characters a key is read from first: most positions start none
    private readonly bool _backward;

    public CharTrie(bool backward = false)
    {
        _backward = backward;
    }

    public int Count { get; private set; }

    /// <summary>Adds a folded key. A key added twice keeps its first value.</summary>
    public void Add(string key, T value)
    {
        var node = _root;
        if (key.Length > 0)
        {
            _first.Add(_backward ? key[^1] : key[0]);
        }

        for (int k = 0; k < key.Length; k++)
        {
            char c = _backward ? key[key.Length - 1 - k] : key[k];
            node.Children ??= [];
            if (!node.Children.TryGetValue(c, out var child))
            {
                child = new Node();
                node.Children[c] = child;
            }

            node = child;
        }

        if (!node.Terminal)
        {
            node.Terminal = true;
            node.Value = value;
            Count++;
        }
    }

    /// <summary>
    /// The length of the longest key of at most <paramref name="maxLength"/> characters that starts at
    /// <paramref name="index"/> (forward trie) or ends just before it (backward trie); 0 when none.
    /// </summary>
    public int Longest(string text, int index, CharFold fold, out T value, int maxLength = int.MaxValue)
    {
        value = default!;
        int first = _backward ? index - 1 : index;
        if (first < 0 || first >= text.Length || !_first.Contains(fold[text[first]]))
        {
            return 0;
        }

        int best = 0;
        var node = _root;
        for (int k = 0; k < maxLength; k++)
        {
            int p = _backward ? index - 1 - k : index + k;
            if (p < 0 || p >= text.Length || node.Children is null
                || !node.Children.TryGetValue(fold[text[p]], out var child))
            {
                break;
            }

            node = child;
            if (node.Terminal)
            {
                best = k + 1;
                value = node.Value;
            }
        }

        return best;
    }

    private sealed class Node
    {
        public Dictionary<char, Node>? Children;
        public bool Terminal;
        public T Value = default!;
    }
}
