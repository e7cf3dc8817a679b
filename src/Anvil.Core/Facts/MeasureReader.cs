using Anvil.Core.Entities;
using Anvil.Core.Lexicons;
using Anvil.Core.Quantities;

namespace Anvil.Core.Facts;

/// <summary>
/// A measure's scope and indicator as the words name them; <see cref="WasClause"/> when the words were a clause that
/// names no measure (他说我们在全国有26个), so the figure takes none from a sentence before.
/// </summary>
internal sealed record MeasureSplit(string? Scope, string Indicator, bool WasClause = false)
{
    /// <summary>The indicator ends with a measure the thesaurus knows (it may carry words before it that are no sector).</summary>
    public bool Known { get; init; }

    public static readonly MeasureSplit Empty = new(null, "");
}

/// <summary>
/// Reads the measure of a figure from the words before it: the longest known indicator at their end (facts/indicators.tsv)
/// with the sector before it as scope (人工智能 + 产业规模), a counted noun (人工智能企业超2800家 → 企业数量), a verb and the
/// noun after the figure (增发1万亿元国债), or the class counted after it (12家国家级高新技术企业).
/// </summary>
internal sealed partial class MeasureReader(FactDocument doc, MeasurePhrase phrase)
{
    private readonly string _text = doc.Text;
    private readonly FactData _data = doc.Data;
    private readonly MeasureCues _cues = doc.Data.Measures;

    /// <summary>Splits "人工智能产业规模" into scope 人工智能 and indicator 产业规模.</summary>
    public MeasureSplit Split(string measure, QuantityMention q)
    {
        measure = phrase.TrimEnds(phrase.CutComparison(phrase.TrimEnds(measure)));
        if (measure.Length > 0 && !_data.Vocabulary.Knows(measure))
        {
            measure = phrase.TrimEnds(Content(measure));
        }

        if (measure.Length == 0)
        {
            return MeasureSplit.Empty;
        }

        if (_data.Vocabulary.Knows(measure))
        {
            return new MeasureSplit(null, measure) { Known = true }; // the whole words a known measure (经济增长5%)
        }

        // the longest known measure at the end of the words
        for (int len = Math.Min(_data.LongestIndicator, measure.Length); len >= 1; len--)
        {
            string tail = measure[^len..];
            if (_data.Indicators.ContainsKey(tail))
            {
                return SplitAt(measure, tail);
            }
        }

        // a count of things: 人工智能企业超2800家 → scope 人工智能, indicator 企业数量
        if (q.Unit is "count" or "")
        {
            foreach (var counted in _cues.Counted)
            {
                if (measure.EndsWith(counted.Noun, StringComparison.Ordinal))
                {
                    string scope = phrase.TrimEnds(measure[..^counted.Noun.Length]);
                    // 民营企业有约90万家: the class counted, with its noun, as 民营企业数量 gives it
                    if (scope.Length > 0 && counted.CompletesScope && IsScope(scope + counted.Noun))
                    {
                        scope += counted.Noun;
                    }

                    return new MeasureSplit(scope.Length == 0 ? null : scope, counted.Indicator);
                }
            }
        }

        if (_data.ScopeTerms.Contains(measure))
        {
            return new MeasureSplit(measure, "");
        }

        if (q.Unit is "count" && ActionAndThing(measure) is { } made)
        {
            return made;
        }

        // a known measure inside the words (GDP十强城市中, 增速为全市各行政区)
        for (int len = Math.Min(_data.LongestIndicator, measure.Length - 1); len >= 2; len--)
        {
            for (int at = measure.Length - len - 1; at >= 0; at--)
            {
                string inner = measure.Substring(at, len);
                if (_data.Indicators.ContainsKey(inner))
                {
                    // 海上风电累计装机规模: a word naming only the measure's size after it leaves the words before as its scope
                    return Array.IndexOf(_cues.SizeNouns, measure[(at + len)..]) >= 0
                        ? SplitAt(measure[..(at + len)], inner)
                        : new MeasureSplit(null, inner);
                }
            }
        }

        // words that are a clause (他说我们在全国有26个) name no measure: what follows the last marker may
        // (公司可以把 + 物流成本), else the figure's kind and unit will
        int clause = EndOfLastClauseMarker(measure);
        if (clause > 0)
        {
            measure = phrase.TrimEnds(measure[clause..]);
            if (measure.Count(TextClasses.IsHan) < 2 || !measure.All(c => TextClasses.IsHan(c) || TextClasses.IsAsciiLetterOrDigit(c))
                || _data.NotMeasureStarts.Contains(measure[0]))
            {
                return MeasureSplit.Empty with { WasClause = true };
            }
        }

        // otherwise the words themselves name the measure: after the last 的 or 按 when that leaves a word
        // (所有工厂加起来的总占地面积 → 总占地面积), and never a running count of years (连续10年); a thing before 的 is
        // what the measure is taken of (小程序的月活跃账户数 → scope 小程序)
        string? owner = null;
        foreach (char cut in _cues.MeasureCuts)
        {
            int at = measure.LastIndexOf(cut);
            if (at >= 0 && measure.Length - at - 1 >= 2)
            {
                string before = phrase.TrimEnds(measure[..at]);
                owner = cut == _cues.NameStop && IsOwner(before) ? before : null;
                measure = measure[(at + 1)..];
            }
        }

        measure = WithoutWordsAfterMeasure(measure);
        if (measure.StartsWith(_cues.RunningCount.Start, StringComparison.Ordinal) && measure.EndsWith(_cues.RunningCount.End, StringComparison.Ordinal))
        {
            return MeasureSplit.Empty;
        }

        if (ThingAndMeasure(measure) is { } parts)
        {
            return parts with { Scope = parts.Scope ?? owner };
        }

        return new MeasureSplit(owner, measure.Length > 16 ? measure[^16..] : measure);
    }

    /// <summary>
    /// 过户宗数 + 有望冲, 运量 + 预计: adverbs, verbs, words of the statement's kind (预计) and of its basis (按月) after words
    /// that end as a measure does say how the figure came about, not what it measures, so the measure ends before them. Words that end as no
    /// measure stay whole: what they name is decided with the figure's kind (集装箱 + 预计 still grows as a thing).
    /// </summary>
    private string WithoutWordsAfterMeasure(string words)
    {
        if (doc.Words is not { } dictionary || words.Length < 3)
        {
            return words;
        }

        Span<int> cuts = words.Length <= 128 ? stackalloc int[words.Length + 1] : new int[words.Length + 1];
        int count = dictionary.Segment(words, cuts);
        int last = count - 1; // words [0, last) by their cut indexes
        while (last > 1 && (ClassOfWord(dictionary, words, cuts, last - 1) is WordClass.Verb or WordClass.Function
            || IsCueWord(_data.BasisCues, words.AsSpan(cuts[last - 1], cuts[last] - cuts[last - 1]))
            || IsCueWord(_data.StatusCues, words.AsSpan(cuts[last - 1], cuts[last] - cuts[last - 1]))))
        {
            last--;
        }

        if (last == count - 1 || cuts[last] < 2)
        {
            return words;
        }

        string head = words[..cuts[last]];
        return IsMeasure(head) ? head : words;
    }

    /// <summary>
    /// Words no thesaurus entry ends that still end as a measure does (新能源汽车保有量, 风电新增并网容量): the thing measured
    /// is the longest run of nouns of the word dictionary (two characters or more each) at their start that leaves a
    /// measure of two characters or more; verbs that open the words (新增, 累计) belong to the measure. Null when there
    /// is no such cut.
    /// </summary>
    private MeasureSplit? ThingAndMeasure(string words)
    {
        if (doc.Words is not { } dictionary || words.Length < 4 || !IsMeasure(words))
        {
            return null;
        }

        Span<int> cuts = words.Length <= 128 ? stackalloc int[words.Length + 1] : new int[words.Length + 1];
        int count = dictionary.Segment(words, cuts);
        int lead = 0; // the opening verbs' end, as a cut index
        while (lead < count - 2 && ClassOfWord(dictionary, words, cuts, lead) == WordClass.Verb)
        {
            lead++;
        }

        // the nouns after the opening verbs, as far as they go
        int nouns = lead;
        while (nouns < count - 2 && ((ClassOfWord(dictionary, words, cuts, nouns) == WordClass.Content && cuts[nouns + 1] - cuts[nouns] >= 2)
            || IsLatinNamePart(words.AsSpan(cuts[nouns], cuts[nouns + 1] - cuts[nouns]))))
        {
            nouns++;
        }

        for (int end = nouns; end > lead; end--)
        {
            string thing = WithoutWholeWord(words[cuts[lead]..cuts[end]]);
            string rest = words[cuts[end]..];
            // a generic measure (数量, 金额) is no measure without its thing: 基本专利数量 stays whole
            if (_cues.DefaultIndicators.Values.Contains(rest, StringComparer.Ordinal))
            {
                return null;
            }

            if (rest.Length >= 2 && IsMeasure(rest))
            {
                return new MeasureSplit(thing, words[..cuts[lead]] + rest);
            }
        }

        return null;
    }

    /// <summary>
    /// 新建 + 充电桩, 累计建成 + 各类换电站 before a count: an action verb (facts/action-verbs.tsv) at the start of the words, after
    /// a word or two at most (累计), says what was done; the thing after it is what was counted, the scope, and the count
    /// of the action its measure (新建数量). Null when no action opens the words or what follows names no thing or a measure.
    /// </summary>
    private MeasureSplit? ActionAndThing(string measure)
    {
        foreach (var verb in _data.ActionVerbs)
        {
            int at = measure.IndexOf(verb, StringComparison.Ordinal);
            if (at < 0 || at > 2)
            {
                continue;
            }

            int end = at + verb.Length;
            string thing = Content(phrase.TrimEnds(measure[end..]));
            // a thing ends as a noun does (充电 + 桩, which the dictionary does not know whole, is one): 新增 + 就业 names none
            if (thing.Length < 2 || IsMeasure(thing) || _data.Indicators.ContainsKey(thing) || EndsWithVerb(thing) || !HasLetter(thing))
            {
                return null;
            }

            return new MeasureSplit(thing, measure[..end] + _cues.CountIndicator);
        }

        return null;
    }

    /// <summary>A known indicator at the end of the words: what stands before it is its scope, if it is a sector.</summary>
    private MeasureSplit SplitAt(string measure, string tail)
    {
        string scope = phrase.TrimEnds(measure[..^tail.Length]);
        // as written: the thesaurus gives the canonical name once the subject is known (GDP of a city → 地区生产总值)
        string indicator = tail;
        if (_data.Indicators.ContainsKey(scope))
        {
            // 地区生产总值（GDP）, 工业生产者出厂价格指数(PPI): the measure, then its abbreviation
            return new MeasureSplit(null, scope) { Known = true };
        }

        if (measure.AsSpan(0, measure.Length - tail.Length).TrimEnd().EndsWith('('))
        {
            // 除息税折旧及摊销前盈利(EBITDA): a known measure in brackets names the words before it, its long form, however
            // they are written; they are no scope
            return new MeasureSplit(null, indicator) { Known = true };
        }

        int clauseEnd = EndOfLastClauseMarker(scope);
        if (clauseEnd > 0)
        {
            // 李明称有信心 + 国内生产总值: a clause before the measure names neither it nor a scope, unless what follows
            // its last marker is a sector (他说 + 新能源汽车 + 销量)
            scope = phrase.TrimEnds(scope[clauseEnd..]);
            return new MeasureSplit(scope.Length > 0 && IsScope(scope) ? scope : null, indicator) { Known = true };
        }

        if (_data.WholeWords.Contains(scope))
        {
            return new MeasureSplit(null, indicator) { Known = true }; // 整体 + 营业收入: the whole, no part of it
        }

        // 新能源汽车国内 + 销量: a modifier at the end of the scope belongs to the measure
        foreach (var modifier in _data.MeasureModifiers)
        {
            if (scope.Length > modifier.Length && scope.EndsWith(modifier, StringComparison.Ordinal))
            {
                scope = scope[..^modifier.Length];
                indicator = modifier + indicator;
                break;
            }
        }

        // 民营 + 企业数量: the counted class completes the scope (民营企业)
        foreach (var noun in _cues.FirmNouns)
        {
            if (scope.Length > 0 && !IsScope(scope) && indicator.StartsWith(noun, StringComparison.Ordinal) && IsScope(scope + noun))
            {
                scope += noun;
            }
        }

        if (OwnerBeforeOf(scope) is { } owner)
        {
            // 小程序的合并 + 月活账户数: the thing before 的 is what the measure is taken of; a word or two after it only
            // qualifies the measure the thesaurus knows
            return new MeasureSplit(owner, indicator) { Known = true };
        }

        if (scope.Length > 0 && !IsScope(scope) && IsOneVerb(scope))
        {
            // 派 + 末期息: a lone verb says what was done with the measure, not what it is
            return new MeasureSplit(null, indicator) { Known = true };
        }

        if (scope.Length > 0 && !IsScope(scope) && ThingBeforeComplement(scope) is { } thing)
        {
            // 居民消费 + 对经济增长的 + 贡献率: what the measure is taken towards is neither its scope nor part of it
            return new MeasureSplit(thing, indicator) { Known = true };
        }

        if (scope.Length > 0 && !IsScope(scope) && !IsNounPhrase(scope))
        {
            // 通过公共网络实现的 + 商品零售额: words that are no thing measured stay part of the measure
            return new MeasureSplit(null, scope + indicator) { Known = true };
        }

        return new MeasureSplit(scope.Length == 0 ? null : scope, indicator) { Known = true };
    }

    /// <summary>The thing before the last 的 of words that are no scope, where at most two characters follow the 的; else null.</summary>
    private string? OwnerBeforeOf(string scope)
    {
        int of = scope.LastIndexOf(_cues.NameStop);
        if (of <= 0 || scope.Length - of - 1 > 2 || IsScope(scope))
        {
            return null;
        }

        string owner = phrase.TrimEnds(scope[..of]);
        return IsOwner(owner) ? owner : null;
    }

    /// <summary>Words before 的 that name a thing a measure can be taken of: a noun phrase, no verb at its end, no place or company.</summary>
    private bool IsOwner(string words) =>
        IsNounPhrase(words) && !EndsWithVerb(words) && Content(words) == words && !doc.PlaceAndCompanyNames.Contains(words);

    /// <summary>
    /// 增发1万亿元国债: a verb of the action list (facts/action-verbs.tsv) before the figure and the nouns after it name the
    /// measure.
    /// </summary>
    public string? Action(string measure, Figure figure)
    {
        string? verb = null;
        foreach (var v in _data.ActionVerbs)
        {
            if (measure.EndsWith(v, StringComparison.Ordinal))
            {
                verb = v;
                break;
            }
        }

        // a verb after the figure (投放逾百亿元推动…) names nothing the verb moved
        if (verb is null || NounAfter(figure) is null)
        {
            return null;
        }

        int k = figure.View.End;
        int end = k;
        while (end < _text.Length && end - k < 6 && TextClasses.IsHan(_text[end]) && _text[end] != _cues.NameStop)
        {
            end++;
        }

        return end - k >= 2 ? verb.TrimEnd(_cues.ActionTrim) + _text[k..end] : null;
    }
}
