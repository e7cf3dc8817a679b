namespace Anvil.Core.Lexicons;

/// <summary>
/// A character trie over a word list, built once and then read-only (safe to share across threads).
/// Matching walks forward from a position and reports every word that ends on the way, so the
/// longest match, or all matches, at each position cost one walk. Transitions live in one hash
/// table keyed by (node, char) (<see cref="TrieEdges"/>), so the whole trie is four arrays, not a node graph.
/// </summary>
/// <typeparam name="TValue">What a word maps to (for example its lexicon entries).</typeparam>
public sealed class WordTrie<TValue>
{
    private readonly TrieEdges _next = new();
    private readonly CharSet _canStart = new();

    /// <summary>The first characters for a vectorised search (<see cref="NextStart"/>): made on first use, dropped when a word is added.</summary>
    private System.Buffers.SearchValues<char>? _starts;
    private TValue?[] _values = new TValue?[4];
    private bool[] _terminal = new bool[4];
    private int _nodes = 1; // the root
    private int _rootEdges;

    /// <summary>
    /// The root's children by character, once the trie has <see cref="RootTableFrom"/> first characters (a lexicon of
    /// names; the pattern lists stay small): a match is tried at nearly every position of a text, and its first step
    /// was a probe into the whole edge table, most often a cache miss. The deeper steps still probe.
    /// </summary>
    private int[]? _rootChildren;

    private const int RootTableFrom = 1024;

    /// <summary>
    /// With the root table: a bit per hash of the first two characters of every word of two or more (2^20 bits, 128 KB,
    /// within the second-level cache). A lexicon walk tried at nearly every character of a text mostly ends at its second
    /// step, a probe into the whole edge table (megabytes) that mostly missed the cache only to find no edge; where the
    /// bit is clear there is none (<see cref="MayContinue"/>).
    /// </summary>
    private ulong[]? _pairFilter;

    private const int PairFilterBits = 20;

    public int Count { get; private set; }

    /// <summary>Adds a word, or replaces the value of an existing word through <paramref name="merge"/>.</summary>
    public void Add(ReadOnlySpan<char> word, TValue value, Func<TValue, TValue, TValue>? merge = null)
    {
        if (word.IsEmpty)
        {
            return;
        }

        int node = 0;
        foreach (char c in word)
        {
            if (!_next.TryGet(node, c, out int child))
            {
                child = NewNode();
                _next.Add(node, c, child);
                if (node == Root)
                {
                    AddRootEdge(c, child);
                }
            }

            node = child;
        }

        _canStart.Add(word[0]);
        _starts = null;
        if (_pairFilter is not null && word.Length >= 2)
        {
            SetPair(_pairFilter, word[0], word[1]);
        }

        if (_terminal[node])
        {
            _values[node] = merge is null ? value : merge(_values[node]!, value);
        }
        else
        {
            _terminal[node] = true;
            _values[node] = value;
            Count++;
        }
    }

    private void AddRootEdge(char c, int child)
    {
        _rootEdges++;
        if (_rootChildren is not null)
        {
            _rootChildren[c] = child;
        }
        else if (_rootEdges >= RootTableFrom)
        {
            _rootChildren = new int[char.MaxValue + 1];
            _next.ChildrenOf(Root, _rootChildren);

            // the pairs of the words so far: each edge from a child of the root (the words added later set their own)
            var firstOf = new Dictionary<int, char>();
            for (int first = 0; first <= char.MaxValue; first++)
            {
                if (_rootChildren[first] != 0)
                {
                    firstOf[_rootChildren[first]] = (char)first;
                }
            }

            var filter = new ulong[(1 << PairFilterBits) / 64];
            _next.ForEach((parent, second, _) =>
            {
                if (firstOf.TryGetValue(parent, out char first))
                {
                    SetPair(filter, first, second);
                }
            });
            _pairFilter = filter;
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static int PairBit(char first, char second) => (int)(((((uint)first << 16) | second) * 0x9E3779B1u) >> (32 - PairFilterBits));

    private static void SetPair(ulong[] filter, char first, char second)
    {
        int bit = PairBit(first, second);
        filter[bit >> 6] |= 1UL << bit;
    }

    /// <summary>
    /// False only when no word begins with <paramref name="first"/> and <paramref name="second"/> (the walk's second step would
    /// find no edge); true where one may. Always true for a small trie, which keeps no filter.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool MayContinue(char first, char second)
    {
        if (_pairFilter is not { } filter)
        {
            return true;
        }

        int bit = PairBit(first, second);
        return (filter[bit >> 6] & (1UL << bit)) != 0;
    }

    /// <summary>One step down the trie; from the root through its table where it has one.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private bool Step(int node, char c, out int next)
    {
        if (node == Root && _rootChildren is { } first)
        {
            next = first[c];
            return next != 0;
        }

        return _next.TryGet(node, c, out next);
    }

    private int NewNode()
    {
        if (_nodes == _values.Length)
        {
            Array.Resize(ref _values, _nodes * 2);
            Array.Resize(ref _terminal, _nodes * 2);
        }

        return _nodes++;
    }

    public bool TryGet(ReadOnlySpan<char> word, out TValue value)
    {
        int node = 0;
        foreach (char c in word)
        {
            if (!Step(node, c, out node))
            {
                value = default!;
                return false;
            }
        }

        value = _values[node]!;
        return _terminal[node];
    }

    /// <summary>The node a walk starts from.</summary>
    public const int Root = 0;

    /// <summary>One step of a walk: the node after <paramref name="c"/>, if any word continues with it.</summary>
    public bool TryStep(int node, char c, out int next) => Step(node, c, out next);

    /// <summary>True when the walk so far spells a whole word.</summary>
    public bool IsWord(int node) => _terminal[node];

    /// <summary>The value of the word the walk spells (see <see cref="IsWord"/>).</summary>
    public TValue ValueOf(int node) => _values[node]!;

    /// <summary>True when some word starts with this character (a cheap filter before walking).</summary>
    public bool CanStartWith(char c) => _canStart.Contains(c);

    /// <summary>
    /// The first position at or after <paramref name="from"/> whose character begins a word, or -1: a scan for the few
    /// first characters of a short list runs many characters a step, where asking <see cref="CanStartWith"/> of each
    /// character is a lookup and a branch apiece.
    /// </summary>
    public int NextStart(ReadOnlySpan<char> text, int from)
    {
        if (from >= text.Length)
        {
            return -1;
        }

        var starts = _starts ??= System.Buffers.SearchValues.Create(_canStart.ToArray()); // two threads may both make it: the same set
        int at = text[from..].IndexOfAny(starts);
        return at < 0 ? -1 : from + at;
    }

    /// <summary>The length of the longest word at <paramref name="start"/>, 0 for none or past the end of the text.</summary>
    public int WordAt(ReadOnlySpan<char> text, int start) => start < text.Length ? LongestMatch(text, start, out _) : 0;

    /// <summary>The longest word starting at <paramref name="start"/>; its length, or 0 when none.</summary>
    public int LongestMatch(ReadOnlySpan<char> text, int start, out TValue value)
    {
        value = default!;
        if (!_canStart.Contains(text[start]))
        {
            return 0;
        }

        int node = 0, best = 0;
        for (int i = start; i < text.Length; i++)
        {
            if (!Step(node, text[i], out node))
            {
                break;
            }

            if (_terminal[node])
            {
                best = i - start + 1;
                value = _values[node]!;
            }
        }

        return best;
    }

    /// <summary>
    /// For a trie of reversed words: the longest word that <paramref name="text"/>[..<paramref name="end"/>] ends with,
    /// read from <paramref name="end"/> backwards; its length, or 0 when none.
    /// </summary>
    public int LongestMatchBackward(ReadOnlySpan<char> text, int end, out TValue value)
    {
        value = default!;
        if (end == 0 || !_canStart.Contains(text[end - 1]))
        {
            return 0;
        }

        int node = 0, best = 0;
        for (int i = end - 1; i >= 0; i--)
        {
            if (!Step(node, text[i], out node))
            {
                break;
            }

            if (_terminal[node])
            {
                best = end - i;
                value = _values[node]!;
            }
        }

        return best;
    }

    /// <summary>Calls <paramref name="onMatch"/> with (length, value) for every word starting at <paramref name="start"/>.</summary>
    public void AllMatches(ReadOnlySpan<char> text, int start, Action<int, TValue> onMatch)
    {
        if (!_canStart.Contains(text[start]))
        {
            return;
        }

        int node = 0;
        for (int i = start; i < text.Length; i++)
        {
            if (!Step(node, text[i], out node))
            {
                break;
            }

            if (_terminal[node])
            {
                onMatch(i - start + 1, _values[node]!);
            }
        }
    }
}
