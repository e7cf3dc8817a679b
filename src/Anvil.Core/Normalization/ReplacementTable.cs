namespace Anvil.Core.Normalization;

/// <summary>
/// A read-only trie of replacements (key → value, both UTF-16 strings) matched by longest key at a
/// position. Built once from dictionaries; lookups allocate nothing and are safe across threads.
/// </summary>
/// <remarks>
/// The first character indexes a flat table, so a character that starts no key costs one array
/// read; deeper levels use one hash lookup per character and only where a longer key exists.
/// </remarks>
internal sealed class ReplacementTable
{
    private readonly int[] _first;             // first char -> node, 0 = no key starts with it
    private readonly Node[] _nodes;            // node 0 is unused
    private readonly Dictionary<long, int> _children; // (node << 16 | char) -> node
    private readonly string[] _values;

    private ReplacementTable(int[] first, Node[] nodes, Dictionary<long, int> children, string[] values, bool allSameLength)
    {
        _first = first;
        _nodes = nodes;
        _children = children;
        _values = values;
        AllSameLength = allSameLength;
    }

    /// <summary>Whether every value has its key's length, so replacing never moves a position.</summary>
    public bool AllSameLength { get; }

    /// <summary>
    /// The longest key that starts at <paramref name="pos"/> and ends within <paramref name="text"/>:
    /// returns its length (0 when none) and its value.
    /// </summary>
    public int Match(ReadOnlySpan<char> text, int pos, out string value)
    {
        int node = _first[text[pos]];
        if (node == 0)
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

            if (!n.HasChildren || pos + length >= text.Length
                || !_children.TryGetValue(((long)node << 16) | text[pos + length], out node))
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
        public bool HasChildren;
    }

    /// <summary>Collects entries; a later <see cref="Add"/> of the same key replaces the earlier value.</summary>
    public sealed class Builder
    {
        private readonly int[] _first = new int[char.MaxValue + 1];
        private readonly List<Node> _nodes = [new Node { Value = -1 }];
        private readonly Dictionary<long, int> _children = [];
        private readonly List<string> _values = [];
        private readonly List<int> _keyLengths = [];

        /// <summary>Adds or replaces an entry; an empty key or value adds nothing.</summary>
        public void Add(string key, string value)
        {
            if (key.Length == 0 || value.Length == 0)
            {
                return;
            }

            int node = _first[key[0]];
            if (node == 0)
            {
                node = NewNode();
                _first[key[0]] = node;
            }

            for (int i = 1; i < key.Length; i++)
            {
                long edge = ((long)node << 16) | key[i];
                if (!_children.TryGetValue(edge, out int child))
                {
                    child = NewNode();
                    _children[edge] = child;
                    var parent = _nodes[node];
                    parent.HasChildren = true;
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

        public ReplacementTable Build() =>
            new((int[])_first.Clone(), [.. _nodes], new Dictionary<long, int>(_children), [.. _values],
                _values.Select((v, i) => v.Length == _keyLengths[i]).All(same => same));

        private int NewNode()
        {
            _nodes.Add(new Node { Value = -1 });
            return _nodes.Count - 1;
        }
    }
}
