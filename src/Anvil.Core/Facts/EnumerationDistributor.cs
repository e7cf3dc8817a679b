using Anvil.Core.Documents;

namespace Anvil.Core.Facts;

/// <summary>
/// The item of a 分别 list a figure takes, its position in the list, and the discourse with the list remembered; with
/// where the word stands and how many figures the list has (periods listed before the word pair with them too).
/// </summary>
internal readonly record struct ListReading(ListItem? Item, int Position, Discourse Discourse)
{
    public int Marker { get; init; } = -1;

    public int Count { get; init; }
}

/// <summary>
/// 分别: the i-th figure of a list takes the i-th item named before the word: subjects (北京和广州分别…), scopes
/// (房地产业、金融业、住宿餐饮业增加值分别增长…) or measures (营收和毛利分别…; 产销分别完成…, facts/compound-indicators.tsv).
/// A list with no items of its own (同比分别增长) takes the items of the list before, in the same order.
/// </summary>
internal sealed partial class EnumerationDistributor(FactDocument doc, MeasurePhrase phrase, MeasureReader measures)
{
    private readonly string _text = doc.Text;
    private readonly FactData _data = doc.Data;
    private readonly FigureCues _cues = doc.Data.Figures;
    private readonly char[] _subjectSeparators = [.. doc.Data.Figures.ItemSeparators, .. Punctuation.Commas];

    public ListReading Distribute(FigureContext f)
    {
        var figure = f.Figure;
        var clause = f.Clause;
        // the search runs back from the figure to the clause's first character, which may be the marker itself (，分别…)
        int marker = _text.LastIndexOf(_cues.Distributive, figure.View.Start, figure.View.Start - clause.Start + 1, StringComparison.Ordinal);
        if (marker < 0)
        {
            return new ListReading(null, -1, f.Discourse);
        }

        // the figures of the list: those after the marker in this clause (loops: a closure per figure added up)
        var list = new List<Figure>();
        for (int i = 0; i < f.SentenceFigures.Count; i++)
        {
            var x = f.SentenceFigures[i];
            if (x.View.Start > marker && x.View.Start < clause.End && doc.ClauseAround(clause, x.View.Start) == clause)
            {
                list.Add(x);
            }
        }

        int position = -1;
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i].View == figure.View)
            {
                position = i;
                break;
            }
        }

        if (position < 0 || list.Count < 2)
        {
            return new ListReading(null, position, f.Discourse);
        }

        // 客流和车流，分别超过…: a marker that opens its clause distributes the items of the clause before, when that one
        // states no figure of its own
        string before = WithoutPeriods(clause.Start, marker);
        var (itemsStart, itemsEnd) = (clause.Start, marker);
        if (before.Trim().Trim(Punctuation.ClauseMarks).Length == 0 && clause.Start > f.Sentence.Start + 1)
        {
            var previous = doc.ClauseAround(f.Sentence, clause.Start - 2);
            if (!doc.FiguresWithin(previous.Start, previous.End).Any())
            {
                before = WithoutPeriods(previous.Start, previous.End).TrimEnd(Punctuation.ClauseMarks);
                (itemsStart, itemsEnd) = (previous.Start, previous.End);
            }
        }

        var items = SubjectItems(itemsStart, itemsEnd, list.Count) ?? SplitItems(before, list.Count, figure.Quantity);
        if (items is not null)
        {
            return new ListReading(items[position], position, f.Discourse with { LastList = items }) { Marker = marker, Count = list.Count };
        }

        // 同比分别增长: the items of the list before, in the same order
        var last = f.Discourse.LastList;
        return new ListReading(last is not null && last.Count == list.Count ? last[position] : null, position, f.Discourse) { Marker = marker, Count = list.Count };
    }

    private List<ListItem>? SplitItems(string before, int count, Quantities.QuantityMention q)
    {
        before = _data.WithoutBasisWord(before.Trim()); // 增加值同比分别…: the basis says how, not what, grew
        if (CollectiveItems(before, count) is { } collective)
        {
            return collective;
        }

        foreach (var (word, measures) in _data.CompoundIndicators)
        {
            int at = before.LastIndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && measures.Length == count)
            {
                string scope = phrase.TrimEnds(StripSubjectWords(before[..at]));
                return [.. measures.Select(m => new ListItem(null, scope.Length == 0 ? null : scope, m))];
            }
        }

        // 北京和广州分别…: the items are subjects
        var raw = before.Split(_subjectSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (raw.Length >= count && raw.TakeLast(count).All(doc.PlaceAndCompanyNames.Contains))
        {
            return [.. raw.TakeLast(count).Select(n => new ListItem(n, null, ""))];
        }

        var whole = Items(before);
        if (whole.Count >= count && whole.TakeLast(count).All(IsMeasureItem))
        {
            // 营收和毛利分别…; what the measures are of, before 的 (民营企业所占的户数和金额), is every item's scope
            string? owner = whole.Count == count ? OwnerOf(before) : null;
            return WithScopeOfPair([.. whole.TakeLast(count).Select(p => AsMeasure(p, owner, q))]);
        }

        // a shared measure at the end (…住宿餐饮业增加值): split it off first, unless it is the list's last item itself
        // (A和进口: the words before it end with a separator)
        string shared = "";
        for (int len = Math.Min(_data.LongestIndicator, before.Length); len >= 2; len--)
        {
            if (_data.Indicators.TryGetValue(before[^len..], out var canonical)
                && !(before.Length > len && Array.IndexOf(_cues.ItemSeparators, before[^(len + 1)]) >= 0))
            {
                shared = canonical;
                before = before[..^len];
                break;
            }
        }

        var parts = ItemsByStructure(before, count) ?? Items(before);
        if (parts.Count < count)
        {
            return null;
        }

        parts = WithSharedHead(parts, count);

        if (shared.Length == 0 && SharedMeasureOfLast(parts, count, q) is { } measure)
        {
            // 电子、机械、五金工具买家数: a measure no thesaurus lists, written once after the last item, is every item's
            shared = measure;
            parts[^1] = parts[^1][..^measure.Length];
        }

        // an item that is itself a measure (营收和毛利) is the indicator, not a scope
        return [.. parts.Skip(parts.Count - count).Select(p => _data.Indicators.ContainsKey(p) ? new ListItem(null, null, p) : new ListItem(null, p, shared))];
    }

    /// <summary>
    /// The words of the text between two positions without the periods written among them (前三季度 + 全市工业增加值、出口):
    /// a period dates the list's figures and is no part of its first item.
    /// </summary>
    private string WithoutPeriods(int start, int end)
    {
        var words = new System.Text.StringBuilder(end - start);
        int at = start;
        foreach (var p in FactDocument.Within(doc.Periods, start, end, x => x.Span))
        {
            if (p.Span.Start >= at && p.Span.End <= end)
            {
                words.Append(_text, at, p.Span.Start - at);
                at = p.Span.End;
            }
        }

        return words.Append(_text, at, end - at).ToString();
    }

    /// <summary>
    /// A list's measure item read as it would be alone before its figure (规模以上工业增加值 → scope 规模以上工业, indicator
    /// 增加值); the owner named before 的 for the whole list, where there is one, stays the scope.
    /// </summary>
    private ListItem AsMeasure(string item, string? owner, Quantities.QuantityMention q)
    {
        if (owner is null && !_data.Indicators.ContainsKey(item) && measures.Split(item, q) is { Scope: { Length: > 0 } scope, Indicator.Length: > 0 } split
            && item.EndsWith(split.Indicator, StringComparison.Ordinal))
        {
            return new ListItem(null, scope, split.Indicator);
        }

        return new ListItem(null, owner, item);
    }

    /// <summary>
    /// Measures that make a pair one word names (产量和销量: 产销, facts/compound-indicators.tsv) are of one thing, written
    /// once before the first (新能源汽车产量和销量): every item takes the first one's scope. Other lists (工业增加值和投资) are
    /// left as they are.
    /// </summary>
    private List<ListItem> WithScopeOfPair(List<ListItem> items)
    {
        if (items[0].Scope is not { } scope || items.Skip(1).Any(i => i.Scope is not null))
        {
            return items;
        }

        foreach (var (_, pair) in _data.CompoundIndicators)
        {
            if (pair.Length == items.Count && items.Select((item, i) => pair[i].StartsWith(item.Indicator, StringComparison.Ordinal)).All(x => x))
            {
                return [.. items.Select(i => i with { Scope = scope })];
            }
        }

        return items;
    }

    /// <summary>
    /// The measure the last item ends with, where the items before it name none (电子、机械 + 五金工具买家数 → 买家数): the
    /// measure reader's own split of that item, when it leaves a scope before the measure. Null otherwise.
    /// </summary>
    private string? SharedMeasureOfLast(List<string> parts, int count, Quantities.QuantityMention q)
    {
        string last = parts[^1];
        if (!measures.IsMeasure(last) || measures.IsMeasure(parts[^count]))
        {
            return null;
        }

        var split = measures.Split(last, q);
        return split.Scope is { Length: > 0 } && split.Indicator.Length > 0 && last.EndsWith(split.Indicator, StringComparison.Ordinal)
            && split.Indicator.Length < last.Length ? split.Indicator : null;
    }

    /// <summary>
    /// The items of a word that names a fixed list (三次产业 → 第一产业, 第二产业, 第三产业) as the scopes of the figures,
    /// where the list has as many items as there are figures; the words after it name the measure as they would after
    /// any scope. Null where no such word stands before 分别.
    /// </summary>
    private List<ListItem>? CollectiveItems(string words, int count)
    {
        foreach (var (word, items) in _cues.Collectives)
        {
            if (items.Length == count && words.Contains(word, StringComparison.Ordinal))
            {
                return [.. items.Select(i => new ListItem(null, i, ""))];
            }
        }

        return null;
    }

    /// <summary>
    /// Items written as numerals that share the head written once after the last and the ordinal prefix written once
    /// before the first (第一、二、三产业 → 第一产业, 第二产业, 第三产业; 一、二、三产业 alike). The first item may carry words of
    /// the clause before its numeral (市一 of 杭州市一、二、三产业); they are not part of it. Other lists are left as they are.
    /// </summary>
    private List<string> WithSharedHead(List<string> parts, int count)
    {
        var items = parts.GetRange(parts.Count - count, count);
        string last = items[^1];
        if (last.Length < 2 || !IsNumeral(last[0]) || IsNumeral(last[1]))
        {
            return parts;
        }

        for (int i = 1; i < count - 1; i++)
        {
            if (items[i].Length != 1 || !IsNumeral(items[i][0]))
            {
                return parts;
            }
        }

        string first = items[0];
        if (first.Length == 0 || !IsNumeral(first[^1]))
        {
            return parts;
        }

        string prefix = first.Length >= 2 && Array.IndexOf(_cues.OrdinalPrefixes, first[^2]) >= 0 ? first[^2].ToString() : "";
        string head = last[1..];
        var spelled = parts.GetRange(0, parts.Count - count);
        spelled.Add(prefix + first[^1] + head);
        for (int i = 1; i < count; i++)
        {
            spelled.Add(prefix + items[i][0] + head);
        }

        return spelled;
    }

    private bool IsNumeral(char c) => _cues.SingleNumerals.Contains(c, StringComparison.Ordinal);

    /// <summary>An item that names a measure (营收, 出口额, 进口): a known one, or words that end as a measure does.</summary>
    private bool IsMeasureItem(string item)
    {
        if (_data.Indicators.ContainsKey(item))
        {
            return true;
        }

        foreach (var ending in _data.MeasureEndings)
        {
            if (item.Length > ending.Length && item.EndsWith(ending, StringComparison.Ordinal) || item == ending && ending.Length >= 2)
            {
                return true;
            }
        }

        return false;
    }

    private List<string> Items(string words) => Cleaned(words.Split(_cues.ItemSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>
    /// One item per figure where the list's own structure gives it, since a conjunction may stand inside an item
    /// (批发和零售业, 化学原料及化学制品业): the list commas break first; where they leave one item too few, the last
    /// item breaks at the one conjunction it holds (A、B和C; A与B). Null when the structure does not fit the figures.
    /// </summary>
    private List<string>? ItemsByStructure(string words, int count)
    {
        var byCommas = words.Split(_cues.ListCommas, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (byCommas.Length == count)
        {
            return OnePerFigure(Cleaned(byCommas), count);
        }

        if (byCommas.Length != count - 1)
        {
            return null;
        }

        string last = byCommas[^1];
        foreach (char conjunction in _cues.ItemConjunctions)
        {
            int at = last.IndexOf(conjunction);
            if (at > 0 && at < last.Length - 1 && at == last.LastIndexOf(conjunction))
            {
                return OnePerFigure(Cleaned([.. byCommas[..^1], last[..at], last[(at + 1)..]]), count);
            }
        }

        return null;
    }

    private static List<string>? OnePerFigure(List<string> items, int count) => items.Count == count ? items : null;

    /// <summary>The items without subject words, stating words or an owner before 的 (港珠澳大桥的客流 → 客流).</summary>
    private List<string> Cleaned(IEnumerable<string> parts) =>
        [.. parts.Select(p => phrase.TrimEnds(AfterOwner(StripSubjectWords(p)))).Where(p => p.Length > 0)];

    /// <summary>
    /// What the words before the last 的 of a list's first item name, where that is a scope (a sector or a group of
    /// firms: 民营企业所占的户数 → 民营企业) and not the subject; null otherwise (某大桥的客流和车流).
    /// </summary>
    private string? OwnerOf(string words)
    {
        int end = words.IndexOfAny(_cues.ItemSeparators);
        string first = end > 0 ? words[..end] : words;
        int at = first.LastIndexOf(_data.Measures.NameStop);
        if (at <= 0)
        {
            return null;
        }

        string owner = phrase.TrimEnds(StripSubjectWords(first[..at]));
        return owner.Length >= 2 && measures.IsScope(owner) && !doc.PlaceAndCompanyNames.Contains(owner) ? owner : null;
    }

    private string AfterOwner(string item)
    {
        int at = item.TrimEnd().LastIndexOf(_data.Measures.NameStop);
        return at >= 0 && at < item.TrimEnd().Length - 1 ? item[(at + 1)..] : item;
    }

    /// <summary>Drops a leading subject or reference word from a list item (杭州规模以上工业 → 规模以上工业).</summary>
    private string StripSubjectWords(string s)
    {
        int comma = s.LastIndexOfAny(Punctuation.ItemBreaks);
        if (comma >= 0)
        {
            s = s[(comma + 1)..];
        }

        foreach (var m in doc.ListWordsToStrip)
        {
            if (s.StartsWith(m, StringComparison.Ordinal) && s.Length > m.Length)
            {
                s = s[m.Length..];
            }
        }

        foreach (var w in _cues.ItemPrefixes)
        {
            if (s.StartsWith(w, StringComparison.Ordinal))
            {
                s = s[w.Length..];
            }
        }

        return s;
    }
}
