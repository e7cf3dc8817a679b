using Anvil.Core.Documents;

namespace Anvil.Core.Facts;

/// <summary>
/// The items of a list sorted by start whose spans lie inside [from, to) (<see cref="FactDocument.Within{T}"/>). A
/// struct walked by a struct enumerator: the fact components ask for the names, figures and periods of a stretch of
/// text many times per figure, and an iterator object for each question was a fifth of what they allocated.
/// </summary>
internal readonly struct ItemsWithin<T>
{
    private readonly List<T> _list;
    private readonly int _first;
    private readonly int _to;
    private readonly Func<T, TextSpan> _span;

    public ItemsWithin(List<T> list, int first, int to, Func<T, TextSpan> span)
    {
        _list = list;
        _first = first;
        _to = to;
        _span = span;
    }

    public Enumerator GetEnumerator() => new(this);

    /// <summary>True when any item lies inside.</summary>
    public bool Any()
    {
        foreach (var _ in this)
        {
            return true;
        }

        return false;
    }

    public List<T> ToList()
    {
        int count = 0;
        foreach (var _ in this)
        {
            count++;
        }

        var items = new List<T>(count); // counted first: most sentences hold no figure or one, and none grows
        foreach (var item in this)
        {
            items.Add(item);
        }

        return items;
    }

    public struct Enumerator
    {
        private readonly ItemsWithin<T> _items;
        private int _next;

        internal Enumerator(ItemsWithin<T> items)
        {
            _items = items;
            _next = items._first;
            Current = default!;
        }

        public T Current { get; private set; }

        public bool MoveNext()
        {
            var list = _items._list;
            while (_next < list.Count)
            {
                var item = list[_next++];
                var span = _items._span(item);
                if (span.Start >= _items._to)
                {
                    _next = list.Count;
                    return false;
                }

                if (span.End <= _items._to)
                {
                    Current = item;
                    return true;
                }
            }

            return false;
        }
    }
}
