using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Lexicons;

namespace Anvil.Core.Facts;

// What words are, as the word dictionary and the fact data class them: a thing, an action, a scope, a measure; and the
// names built from them (a growth, a share).
internal partial class MeasureReader
{
    private static bool IsCueWord(List<StatementCue> cues, ReadOnlySpan<char> word)
    {
        foreach (var cue in cues)
        {
            if (word.SequenceEqual(cue.Word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A thing without a word saying it is taken whole at its end (iPhone + 整体): the whole is no part of it.</summary>
    private string WithoutWholeWord(string thing)
    {
        foreach (var whole in _data.WholeWords)
        {
            if (thing.Length > whole.Length && thing.EndsWith(whole, StringComparison.Ordinal))
            {
                return thing[..^whole.Length];
            }
        }

        return thing;
    }

    /// <summary>A part of a name in Latin letters or digits, or the space between two (Mate + 60, Model + Y): a thing's name.</summary>
    private static bool IsLatinNamePart(ReadOnlySpan<char> word) =>
        word.Length > 0 && !word.ContainsAnyExcept(LatinNameChars);

    private static readonly System.Buffers.SearchValues<char> LatinNameChars =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 ");

    /// <summary>
    /// The words without the function words at their ends, as the word dictionary classes them (仍, 由 + 过去, 其 + 净利润,
    /// 一度); "" when what is left names no thing: verbs and function words only (已 + 获得, 共 + 涉及), or one
    /// character that is no indicator (大, 微). Without a dictionary the words stay as they are.
    /// </summary>
    internal string Content(string words)
    {
        if (doc.Words is not { } dictionary || words.Length == 0)
        {
            return words;
        }

        Span<int> cuts = words.Length <= 128 ? stackalloc int[words.Length + 1] : new int[words.Length + 1];
        int count = dictionary.Segment(words, cuts);
        int first = 0, last = count - 1; // words [first, last) by their cut indexes
        while (first < last && ClassOfWord(dictionary, words, cuts, first) == WordClass.Function)
        {
            first++;
        }

        while (last > first && ClassOfWord(dictionary, words, cuts, last - 1) == WordClass.Function)
        {
            last--;
        }

        bool namesAThing = false;
        for (int k = first; k < last && !namesAThing; k++)
        {
            var word = words.AsSpan(cuts[k], cuts[k + 1] - cuts[k]);
            // a Latin word names a measure when it is an abbreviation (GDP, EBITDA), not a markup key or an English
            // word in lower case (title: in a page's front matter)
            namesAThing = dictionary.ClassOf(word) is WordClass.Content or WordClass.Unknown && word.ContainsAnyExcept(Punctuation.PhraseTrim)
                && !(word.Length > 1 && word.ContainsAnyInRange('a', 'z') && !word.ContainsAnyInRange('A', 'Z') && !word.ContainsAnyExceptInRange('a', 'z'));
        }

        string kept = namesAThing ? words[cuts[first]..cuts[last]] : "";
        return kept.Length == 1 && !_data.Indicators.ContainsKey(kept) ? "" : kept;
    }

    /// <summary>The class of the k-th word of a segmentation (between cuts k and k + 1).</summary>
    private static WordClass ClassOfWord(WordDictionary dictionary, ReadOnlySpan<char> words, ReadOnlySpan<int> cuts, int k) =>
        dictionary.ClassOf(words[cuts[k]..cuts[k + 1]]);

    /// <summary>
    /// True when the words are nouns only, as the word dictionary classes them, or names in Latin letters (常规水电, 公共充电桩,
    /// 5G基站; not 美联维持, 每平方公里).
    /// </summary>
    public bool IsThing(string words)
    {
        if (doc.Words is not { } dictionary || words.Length < 2)
        {
            return false;
        }

        Span<int> cuts = words.Length <= 128 ? stackalloc int[words.Length + 1] : new int[words.Length + 1];
        int count = dictionary.Segment(words, cuts);
        for (int k = 0; k + 1 < count; k++)
        {
            if (ClassOfWord(dictionary, words, cuts, k) != WordClass.Content && !IsLatinNamePart(words.AsSpan(cuts[k], cuts[k + 1] - cuts[k])))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A scope as it can name a thing: without function words or a 的 at its ends, and none at all when what is left
    /// ends with a verb (预计, 所有工厂加起来), holds no letter (a stock code, 301348), is a noun that names no thing
    /// measured (数据, 当局; facts/scopes.tsv, generic) or picks one of many (最大, facts/measure-cues.tsv, superlative).
    /// </summary>
    public string? ThingOrNone(string? scope)
    {
        if (scope is null)
        {
            return null;
        }

        string words = Content(phrase.TrimEnds(scope).TrimEnd(_cues.NameStop));
        return words.Length == 0 || !HasLetter(words) || NamesAnAction(words) || _data.GenericNouns.Contains(words) || OpensWithStatusCue(words)
            || words.StartsWith(_cues.Superlative, StringComparison.Ordinal)
            ? null
            : words;
    }

    /// <summary>拟建设, 计划新增: words opening with a word of plan or expectation (facts/statement-cues.tsv) say what is intended, not what.</summary>
    private bool OpensWithStatusCue(string words)
    {
        foreach (var cue in _data.StatusCueTexts)
        {
            if (words.Length > cue.Length && words.StartsWith(cue, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLetter(string words)
    {
        foreach (char c in words)
        {
            if (TextClasses.IsHan(c) || char.IsAsciiLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// True when the words say what was done rather than name a thing, as the word dictionary classes them (one
    /// segmentation for both): they end with a verb (预计, 所有工厂加起来), or open with a verb of one character standing
    /// alone and then another verb (会 + 供 + 股: "will issue rights"). 可 + 再生能源 and 占 + 全市 go on with nouns.
    /// </summary>
    private bool NamesAnAction(string words)
    {
        if (doc.Words is not { } dictionary)
        {
            return false;
        }

        Span<int> cuts = words.Length <= 128 ? stackalloc int[words.Length + 1] : new int[words.Length + 1];
        int count = dictionary.Segment(words, cuts);
        bool endsWithVerb = count > 1 && ClassOfWord(dictionary, words, cuts, count - 2) == WordClass.Verb;
        bool auxiliaryAndVerb = count > 3 && cuts[1] == 1 && ClassOfWord(dictionary, words, cuts, 0) == WordClass.Verb
            && ClassOfWord(dictionary, words, cuts, 1) == WordClass.Verb;
        return endsWithVerb || auxiliaryAndVerb;
    }

    /// <summary>True when the words are one word of the word dictionary, classed as a verb (派, 录得).</summary>
    private bool IsOneVerb(string words)
    {
        if (doc.Words is not { } dictionary)
        {
            return false;
        }

        Span<int> cuts = words.Length <= 128 ? stackalloc int[words.Length + 1] : new int[words.Length + 1];
        return dictionary.Segment(words, cuts) == 2 && ClassOfWord(dictionary, words, cuts, 0) == WordClass.Verb;
    }

    /// <summary>
    /// True when the words end with a verb, as the word dictionary classes them (录得, 面临, 预计提供): they say what happened
    /// to the figure, not what it measures.
    /// </summary>
    public bool EndsWithVerb(string words)
    {
        if (doc.Words is not { } dictionary || words.Length == 0)
        {
            return false;
        }

        Span<int> cuts = words.Length <= 128 ? stackalloc int[words.Length + 1] : new int[words.Length + 1];
        int count = dictionary.Segment(words, cuts);
        return count > 1 && ClassOfWord(dictionary, words, cuts, count - 2) == WordClass.Verb;
    }

    /// <summary>True when the words open or end with a verb, as the word dictionary classes them (报复 + 对美, 直接 + 挥别).</summary>
    public bool OpensOrEndsWithVerb(string words)
    {
        if (doc.Words is not { } dictionary || words.Length == 0)
        {
            return false;
        }

        Span<int> cuts = words.Length <= 128 ? stackalloc int[words.Length + 1] : new int[words.Length + 1];
        int count = dictionary.Segment(words, cuts);
        return count > 1 && (ClassOfWord(dictionary, words, cuts, 0) == WordClass.Verb || ClassOfWord(dictionary, words, cuts, count - 2) == WordClass.Verb);
    }

    /// <summary>
    /// The verb the words end with, as the word dictionary classes it, when it is two characters or more, follows no noun
    /// (other than a name the text holds) and is no verb of reaching a figure (facts/measure-cues.tsv, light-verb: 录得, 达到): 共涉及 → 涉及, 借出 → 借出; else
    /// null.
    /// </summary>
    public string? LastVerb(string words)
    {
        if (doc.Words is not { } dictionary || words.Length < 2)
        {
            return null;
        }

        Span<int> cuts = words.Length <= 128 ? stackalloc int[words.Length + 1] : new int[words.Length + 1];
        int count = dictionary.Segment(words, cuts);
        if (count < 2 || cuts[count - 1] - cuts[count - 2] < 2 || ClassOfWord(dictionary, words, cuts, count - 2) != WordClass.Verb)
        {
            return null;
        }

        // a noun before the verb makes it a noun too (资本 + 开支, 全社会 + 研发 + 投入): the words name a measure; a name of
        // the text (哈萨克斯坦 + 接连 + 签下) is who did it, and so are nouns around a preposition of whom it was done for
        // (政府 + 将 + 向 + 市民 + 派发: the actor before it, the recipient after it)
        bool forSomeone = false, afterNoun = false;
        for (int k = 0; k < count - 2; k++)
        {
            var word = words.AsSpan(cuts[k], cuts[k + 1] - cuts[k]);
            forSomeone |= WordMatch.EqualsAny(word, _cues.RecipientPrepositions);
            afterNoun |= word.Length >= 2 && dictionary.ClassOf(word) == WordClass.Content && !doc.PlaceAndCompanyNames.Contains(word.ToString());
        }

        if (afterNoun && !forSomeone)
        {
            return null;
        }

        string verb = words[cuts[count - 2]..];
        return Array.IndexOf(_cues.LightVerbs, verb) >= 0 ? null : verb;
    }

    /// <summary>Words that can name what a measure is taken of (社交网络, 陆上风电, 充电桩): name characters only, short.</summary>
    internal static bool IsNounPhrase(string words) =>
        words.Length is >= 2 and <= 10 && words.All(c => TextClasses.IsNameChar(c) || c == ' ') && words.Any(c => TextClasses.IsHan(c) || char.IsAsciiLetter(c))
        && words[0] != ' ' && words[^1] != ' ';

    /// <summary>
    /// The thing before an object preposition that opens the words (居民消费 + 对全省经济增长), where it is a sector or a noun
    /// phrase; else null.
    /// </summary>
    private string? ThingBeforeComplement(string scope)
    {
        foreach (var preposition in _cues.ObjectPrepositions)
        {
            int at = scope.IndexOf(preposition, StringComparison.Ordinal);
            if (at > 0 && at + preposition.Length < scope.Length)
            {
                string thing = phrase.TrimEnds(scope[..at]);
                return thing.Length > 0 && (IsScope(thing) || IsNounPhrase(thing)) ? thing : null;
            }
        }

        return null;
    }

    /// <summary>The measure of a count of the things the words end with (整车企业 → 企业数量; facts/measure-cues.tsv, counted), or null.</summary>
    public string? CountIndicatorOf(string things)
    {
        foreach (var counted in _cues.Counted)
        {
            if (things.EndsWith(counted.Noun, StringComparison.Ordinal))
            {
                return counted.Indicator;
            }
        }

        return null;
    }

    /// <summary>A sector, industry, product class or group of firms (facts/scopes.tsv).</summary>
    public bool IsScope(string words) => _data.ScopeTerms.Contains(words) || EndsWithAny(words, _data.ScopeEndings);

    /// <summary>Words ending as a measure does (成交额, 产量), not as the thing measured.</summary>
    public bool IsMeasure(string words) => EndsWithAny(words, _data.MeasureEndings);

    /// <summary>Words naming a sum of money (研发开支, 现金补贴; facts/measure-cues.tsv, money-measure), which no count measures.</summary>
    public bool NamesMoney(string words) => WordMatch.EndsWithAny(words, _cues.MoneyMeasureEndings);

    // a loop, not Any with a lambda: asked several times per figure, a closure each time added up
    private static bool EndsWithAny(string words, List<string> endings, int minLength = 1)
    {
        foreach (var e in endings)
        {
            if (e.Length >= minLength && words.EndsWith(e, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The share of a counted measure: 企业数量 → 企业占比, 出口量 → 出口量占比.</summary>
    public string ShareOf(string indicator) =>
        WordMatch.EndsWithAny(indicator, _data.Kinds.RatioEndings) ? indicator // 毛利率 is a ratio already: no 毛利率占比
        : (indicator.EndsWith(_cues.CountIndicator, StringComparison.Ordinal) ? indicator[..^_cues.CountIndicator.Length] : indicator) + _cues.ShareSuffix;

    /// <summary>The name of a growth whose words name only what grows (服务机器人增长25.8% → 增长).</summary>
    public string GrowthName(string words, string afterWord)
    {
        foreach (var (word, mode) in _cues.GrowthNames)
        {
            bool found = mode switch
            {
                "with-after" => (words + afterWord).Contains(word, StringComparison.Ordinal),
                "phrase" => words.Contains(word, StringComparison.Ordinal),
                _ => true,
            };
            if (found)
            {
                return word;
            }
        }

        return _cues.GrowthNames[^1].Word;
    }

    /// <summary>Where the last clause marker (facts/clause-markers.tsv) in the words ends; 0 when there is none.</summary>
    private int EndOfLastClauseMarker(string words)
    {
        int end = 0;
        if (!_data.ClauseMarkerWords.AnyIn(words))
        {
            return end;
        }

        foreach (var marker in _data.ClauseMarkers)
        {
            int at = words.AsSpan().LastIndexOf(marker);
            if (at >= 0)
            {
                end = Math.Max(end, at + marker.Length);
            }
        }

        return end;
    }
}
