using Anvil.Core.Lexicons;

namespace Anvil.Core.Normalization;

/// <summary>
/// A read-only trie of replacements (key → value, both UTF-16 strings) matched by longest key at a
/// position. Built once from dictionaries; lookups allocate nothing and are safe across threads.
/// </summary>
/// <remarks>
/// A bit map of first characters answers for a character that starts no key (most of a Simplified
/// text) without touching the trie; each step into it is one hash lookup (<see cref="TrieEdges"/>),
/// and deeper steps are taken only where a longer key exists.
/// </remarks>
internal sealed class ReplacementTable
{
    private readonly CharSet _first;           // characters that start a key
    private readonly Node[] _nodes;            // node 0 is the root, holding no value
    private readonly TrieEdges _children;      // (node, char) -> node
    private readonly string[] _values;

    // the first step by character (0: none): a Traditional text starts a key at nearly every character, and a
    // table by character keeps the common ones' steps in a few cache lines where the edges' hash spreads them
    private readonly int[] _rootChildren = new int[char.MaxValue + 1];

    // by character, what a character that begins no longer key becomes: its one-character value, or itself where it begins no
    // key; the characters that need the trie (they begin a longer key, or their value is of another length) are in _needsMatch.
    // A Simplified text begins a key at about a fifth of its characters, mostly keys of one character alone (the script
    // table's entries for shared characters): their replacement is read here, without a walk.
    private readonly char[] _direct = new char[char.MaxValue + 1];
    private readonly CharSet _needsMatch = new();

    private ReplacementTable(CharSet first, Node[] nodes, TrieEdges children, string[] values, bool allSameLength)
    {
        _first = first;
        _nodes = nodes;
        _children = children;
        _values = values;
        AllSameLength = allSameLength;
        children.ChildrenOf(0, _rootChildren);
        for (int c = 0; c <= char.MaxValue; c++)
        {
            _direct[c] = (char)c;
            int node = _rootChildren[c];
            if (node == 0)
            {
                continue;
            }

            if (nodes[node].ChildBits == 0 && nodes[node].Value >= 0 && values[nodes[node].Value].Length == 1)
            {
                _direct[c] = values[nodes[node].Value][0];
            }
            else
            {
                _needsMatch.Add((char)c);
            }
        }
    }

    /// <summary>
    /// Whether a match at a character needs <see cref="Match"/>: false where the character begins no key longer than itself and
    /// its own key (if any) has a value of one character, which <see cref="Direct"/> gives (what <see cref="Match"/> would).
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool NeedsMatch(char c) => _needsMatch.Contains(c);

    /// <summary>What a character for which <see cref="NeedsMatch"/> is false becomes: its key's value, or itself.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public char Direct(char c) => _direct[c];

    /// <summary>Whether every value has its key's length, so replacing never moves a position.</summary>
    public bool AllSameLength { get; }

    /// <summary>Whether some key starts with <paramref name="c"/>: where not, <see cref="Match"/> finds nothing.</summary>
    public bool CanStart(char c) => _first.Contains(c);

    /// <summary>
    /// The longest key that starts at <paramref name="pos"/> and ends within <paramref name="text"/>:
    /// returns its length (0 when none) and its value.
    /// </summary>
    public int Match(ReadOnlySpan<char> text, int pos, out string value)
    {
        int node = _rootChildren[text[pos]];
        if (!_first.Contains(text[pos]) || node == 0)
        {
            value = "";
            return 0;
        }

        int bestLength = 0;
        int bestValue = -1;
        int length = 1;
        while (true)
        {
            ref readonly Node n = ref _nodes[node];
            if (n.Value >= 0)
            {
                bestLength = length;
                bestValue = n.Value;
            }

            if (pos + length >= text.Length || (n.ChildBits & (1UL << text[pos + length])) == 0
                || !_children.TryGet(node, text[pos + length], out node))
            {
                break;
            }

            length++;
        }

        value = bestValue >= 0 ? _values[bestValue] : "";
        return bestLength;
    }

    private struct Node
    {
        public int Value;        // index into _values, -1 when no key ends here

        // the low six bits of the characters its children are reached by: most keys' first character also starts
        // longer keys (國 of 國家), and a text seldom goes on as one of them, which this says without a lookup
        public ulong ChildBits;
    }

    /// <summary>Collects entries; a later <see cref="Add"/> of the same key replaces the earlier value.</summary>
    public sealed class Builder
    {
        private readonly List<Node> _nodes;
        private readonly Dictionary<long, int> _children; // (node << 16 | char) -> node; node 0 is the root
        private readonly List<string> _values;
        private readonly List<int> _keyLengths;

        public Builder()
        {
            _nodes = [new Node { Value = -1 }];
            _children = [];
            _values = [];
            _keyLengths = [];
        }

        private Builder(Builder other)
        {
            _nodes = [.. other._nodes];
            _children = new Dictionary<long, int>(other._children);
            _values = [.. other._values];
            _keyLengths = [.. other._keyLengths];
        }

        /// <summary>A builder holding the same entries, to add to without changing this one; reading this one meanwhile is safe.</summary>
        public Builder Copy() => new(this);

        /// <summary>Adds or replaces an entry; an empty key or value adds nothing.</summary>
        public void Add(string key, string value)
        {
            if (key.Length == 0 || value.Length == 0)
            {
                return;
            }

            int node = 0;
            for (int i = 0; i < key.Length; i++)
            {
                long edge = ((long)node << 16) | key[i];
                if (!_children.TryGetValue(edge, out int child))
                {
                    child = NewNode();
                    _children[edge] = child;
                    var parent = _nodes[node];
                    parent.ChildBits |= 1UL << key[i];
                    _nodes[node] = parent;
                }

                node = child;
            }

            var end = _nodes[node];
            if (end.Value >= 0)
            {
                _values[end.Value] = value;
            }
            else
            {
                end.Value = _values.Count;
                _values.Add(value);
                _keyLengths.Add(key.Length);
                _nodes[node] = end;
            }
        }

        /// <summary>Adds entries in order; later entries replace earlier ones with the same key.</summary>
        public Builder AddRange(IEnumerable<KeyValuePair<string, string>> entries)
        {
            foreach (var (key, value) in entries)
            {
                Add(key, value);
            }

            return this;
        }

        public ReplacementTable Build()
        {
            var first = new CharSet();
            var children = new TrieEdges();
            foreach (var (edge, child) in _children)
            {
                int parent = (int)(edge >> 16);
                char c = (char)(edge & 0xFFFF);
                children.Add(parent, c, child);
                if (parent == 0)
                {
                    first.Add(c);
                }
            }

            return new(first, [.. _nodes], children, [.. _values],
                _values.Select((v, i) => v.Length == _keyLengths[i]).All(same => same));
        }

        private int NewNode()
        {
            _nodes.Add(new Node { Value = -1 });
            return _nodes.Count - 1;
        }
    }
}
