using Anvil.Core.Entities;

namespace Anvil.Core.Facts;

/// <summary>
/// A 分别 list whose items are places or companies with words after them (北京、上海、深圳地区生产总值分别…; 甲汽车乘用车、
/// 乙客车、丙汽车的出口量分别…): the items are the subjects of the figures, in order. The words between an item's name and
/// the next separator are that item's scope; the words after the last name are the measure every figure shares, read as
/// they would be for one figure.
/// </summary>
internal sealed partial class EnumerationDistributor
{
    /// <summary>The longest item no recogniser knows that a list of names may still take as a name.</summary>
    private const int LongestUnknownItem = 8;

    /// <summary>The scope of an item that says it has none (<see cref="ListItem.Scope"/> null keeps the scope read from the words).</summary>
    public const string NoScope = "";

    /// <summary>
    /// The list's items as subjects, where the last <paramref name="count"/> items before the marker each open with a place
    /// or company the text names; between such items, one item no recogniser knows (a short run of characters that is no
    /// dictionary word) is a name too, since the list sets it beside names. Null where the list is not one of names.
    /// </summary>
    private List<ListItem>? SubjectItems(int start, int end, int count)
    {
        var names = new List<Mention>();
        foreach (var m in doc.MentionsWithin(start, end))
        {
            if (m.Type is EntityType.Place or EntityType.Company && !m.IsReference && m.View.End <= end)
            {
                names.Add(m);
            }
        }

        if (names.Count < count - 1 || names.Count < 2)
        {
            return null; // most lists: no names, or fewer than the items
        }

        var segments = Segments(start, end, names);
        if (segments.Count < count)
        {
            return null;
        }

        var items = new List<ListItem>(count);
        int unknown = 0;
        for (int k = segments.Count - count; k < segments.Count; k++)
        {
            var (from, to) = segments[k];
            bool first = k == segments.Count - count, last = k == segments.Count - 1;
            var name = NameOpening(names, from, to, first);
            if (name is null)
            {
                string written = _text[from..to].Trim();
                if (first || last || count < 3 || ++unknown > 1 || !MayBeUnknownName(written))
                {
                    return null;
                }

                items.Add(new ListItem(written, null, ""));
                continue;
            }

            string rest = last ? "" : phrase.TrimEnds(_text[name.View.End..to]);
            items.Add(new ListItem(name.Name, rest.Length == 0 ? null : rest, ""));
        }

        // where some items name their own scope (甲汽车乘用车、乙客车…), an item that names none has none: the first item's
        // words are not the others'
        if (items.Exists(i => i.Scope is not null))
        {
            items = items.ConvertAll(i => i.Scope is null ? i with { Scope = NoScope } : i);
        }

        return items;
    }

    /// <summary>The stretches between item separators, a separator inside a name (和 of a company's name) being no break.</summary>
    private List<(int From, int To)> Segments(int start, int end, List<Mention> names)
    {
        var segments = new List<(int, int)>();
        int from = start, next = 0;
        for (int i = start; i < end; i++)
        {
            while (next < names.Count && names[next].View.End <= i)
            {
                next++;
            }

            if (next < names.Count && names[next].View.Start <= i)
            {
                i = names[next].View.End - 1; // inside a name
                continue;
            }

            if (Array.IndexOf(_cues.ItemSeparators, _text[i]) >= 0)
            {
                segments.Add((from, i));
                from = i + 1;
            }
        }

        segments.Add((from, end));
        return segments;
    }

    /// <summary>
    /// The name an item opens with: the first item may have other words of its clause before it (今年 + 北京), so its last
    /// name counts; any other item must start with its name.
    /// </summary>
    private Mention? NameOpening(List<Mention> names, int from, int to, bool first)
    {
        Mention? found = null;
        foreach (var m in names)
        {
            if (m.View.Start >= from && m.View.End <= to)
            {
                if (!first)
                {
                    return _text.AsSpan(from, m.View.Start - from).Trim().Length == 0 ? m : null;
                }

                found = m;
            }
        }

        return found;
    }

    /// <summary>Words that may be a name no recogniser knows: short, with no figure, and no word of the dictionary.</summary>
    private bool MayBeUnknownName(string written)
    {
        if (written.Length < 2 || written.Length > LongestUnknownItem || doc.Words is not { } words || words.IsCommonWord(written))
        {
            return false;
        }

        foreach (char c in written)
        {
            if (char.IsDigit(c) || char.IsPunctuation(c) || char.IsSymbol(c))
            {
                return false;
            }
        }

        return true;
    }
}
