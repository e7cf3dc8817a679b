namespace Anvil.Core.Entities;

/// <summary>
/// The lexicon's names of one text by the position where they end, each end's names in the order recorded: the
/// patterns ask which known name (a place, a company) ends right before their word. One flat list linked by end,
/// not a list per end: a text records a name at about one character in sixty, and a list of its own for each end
/// was most of what the entity stage allocated for its lexicon step.
/// </summary>
internal sealed class NamesByEnd
{
    private readonly Dictionary<int, (int First, int Last)> _ends = [];
    private readonly List<(EntityCandidate Name, int Next)> _names = [];

    public void Add(EntityCandidate name)
    {
        int at = _names.Count;
        _names.Add((name, -1));
        if (_ends.TryGetValue(name.End, out var chain))
        {
            _names[chain.Last] = (_names[chain.Last].Name, at);
            _ends[name.End] = (chain.First, at);
        }
        else
        {
            _ends[name.End] = (at, at);
        }
    }

    /// <summary>Forgets every name; a dictionary emptied this way records ends in order again.</summary>
    public void Clear()
    {
        _ends.Clear();
        _names.Clear();
    }

    /// <summary>The ends in the order their first name was recorded.</summary>
    public Dictionary<int, (int First, int Last)>.KeyCollection Ends => _ends.Keys;

    /// <summary>The first name of the type that ends at <paramref name="end"/>, in the order recorded.</summary>
    public EntityCandidate? First(int end, EntityType type)
    {
        foreach (var name in EndingAt(end))
        {
            if (name.Type == type)
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>The names that end at <paramref name="end"/>, in the order recorded.</summary>
    public Enumerator EndingAt(int end) => new(_names, _ends.TryGetValue(end, out var chain) ? chain.First : -1);

    public struct Enumerator(List<(EntityCandidate Name, int Next)> names, int first)
    {
        private int _next = first;

        public EntityCandidate Current { get; private set; }

        public readonly Enumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_next < 0)
            {
                return false;
            }

            (Current, _next) = names[_next];
            return true;
        }
    }
}
