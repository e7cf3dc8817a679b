using Anvil.Core.Lexicons;

namespace Anvil.Core.Quantities;

/// <summary>
/// A longest-match trie over folded characters, read forward from a start index or backward from an
/// end index (for words that stand before a number, such as 超过 or 人民币). Built once; lookups
/// never allocate and are safe from several threads (the tables are only read). Its edges are one
/// <see cref="TrieEdges"/> table, as a <see cref="WordTrie{TValue}"/>'s are: a node graph with a
/// dictionary per node cost a lookup in a different dictionary at every step.
/// </summary>
internal sealed class CharTrie<T>
{
    private readonly TrieEdges _edges = new();
    private readonly CharSet _first = new(); // the characters a key is read from first: most positions start none
    private readonly bool _backward;
    private bool[] _terminal = new bool[4];
    private T[] _values = new T[4];
    private int _nodes = 1; // the root

    public CharTrie(bool backward = false)
    {
        _backward = backward;
    }

    public int Count { get; private set; }

    /// <summary>Adds a folded key. A key added twice keeps its first value.</summary>
    public void Add(string key, T value)
    {
        int node = 0;
        if (key.Length > 0)
        {
            _first.Add(_backward ? key[^1] : key[0]);
        }

        for (int k = 0; k < key.Length; k++)
        {
            char c = _backward ? key[key.Length - 1 - k] : key[k];
            if (!_edges.TryGet(node, c, out int child))
            {
                child = NewNode();
                _edges.Add(node, c, child);
            }

            node = child;
        }

        if (!_terminal[node])
        {
            _terminal[node] = true;
            _values[node] = value;
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
        int node = 0;
        for (int k = 0; k < maxLength; k++)
        {
            int p = _backward ? index - 1 - k : index + k;
            if (p < 0 || p >= text.Length || !_edges.TryGet(node, fold[text[p]], out node))
            {
                break;
            }

            if (_terminal[node])
            {
                best = k + 1;
                value = _values[node];
            }
        }

        return best;
    }

    private int NewNode()
    {
        if (_nodes == _terminal.Length)
        {
            Array.Resize(ref _terminal, _nodes * 2);
            Array.Resize(ref _values, _nodes * 2);
        }

        return _nodes++;
    }
}
