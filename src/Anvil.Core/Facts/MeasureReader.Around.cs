using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Lexicons;
using Anvil.Core.Quantities;

namespace Anvil.Core.Facts;

// The words around a figure that complete its measure: the noun after it, the class counted after it, the verb the
// figure is the object of or the sum was spent on.
internal partial class MeasureReader
{
    /// <summary>
    /// The nouns right after a figure (录得1200亿元赤字 → 赤字, 2%的经济增长 → 经济): a run of words of two characters or
    /// more that the word dictionary classes as content, after one 的 at most; null when a verb, a function word or a
    /// stop comes first, or the nouns name a level reached (facts/measure-cues.tsv, level-noun) or a place or company.
    /// </summary>
    public string? NounAfter(Figure figure)
    {
        if (doc.Words is not { } dictionary)
        {
            return null;
        }

        var (k, end) = HanRunAfter(figure, 8);
        if (end - k < 2)
        {
            return null;
        }

        var words = _text.AsSpan(k, end - k);
        Span<int> cuts = stackalloc int[words.Length + 1];
        int count = dictionary.Segment(words, cuts);
        int last = 0;
        while (last + 1 < count && cuts[last + 1] - cuts[last] >= 2 && dictionary.ClassOf(words[cuts[last]..cuts[last + 1]]) == WordClass.Content)
        {
            last++;
        }

        if (last == 0 && count == 2 && CountedByClassifier(figure) && (end == _text.Length || !TextClasses.IsHan(_text[end]))
            && dictionary.ClassOf(words) == WordClass.Verb && ObjectOrHead(figure))
        {
            // 收到45宗申请。: after a verb and a classifier, the word that ends the clause is the thing counted, even one
            // the dictionary knows as a verb (申请, 投诉); where the figure opens its clause, it says what they did (45宗获批)
            last = 1;
        }

        if (last == 0)
        {
            return CountedAtClauseEnd(figure, dictionary);
        }

        // a level reached (站上2万亿元台阶) or a name (第十，南京8316亿元) is no measure
        string nouns = words[..cuts[last]].ToString();
        foreach (var level in _cues.LevelNouns)
        {
            if (nouns.StartsWith(level, StringComparison.Ordinal))
            {
                return null;
            }
        }

        return doc.PlaceAndCompanyNames.Contains(nouns) || doc.PlaceAndCompanyNames.Contains(words[..cuts[1]].ToString()) ? null : nouns;
    }

    /// <summary>
    /// 估计有一万个空货柜箱。, 另有6个处于规划阶段的新发展区。: after a verb and a classifier, a short end of the clause (after
    /// its last 的) made of words that can name a thing is what is counted, also where its first word is one character
    /// (空, 新), where the run of nouns above stops. Null unless the words reach the clause's end.
    /// </summary>
    private string? CountedAtClauseEnd(Figure figure, WordDictionary dictionary)
    {
        if (!CountedByClassifier(figure) || !ObjectOrHead(figure))
        {
            return null;
        }

        var (k, end) = HanRunAfter(figure, 16);
        if (end < _text.Length && !Punctuation.ClauseEnds.Contains(_text[end]))
        {
            return null;
        }

        int of = _text.AsSpan(k, end - k).LastIndexOf(_cues.NameStop);
        k += of + 1;
        if (end - k is < 2 or > 8)
        {
            return null;
        }

        var words = _text.AsSpan(k, end - k);
        Span<int> cuts = stackalloc int[words.Length + 1];
        int count = dictionary.Segment(words, cuts);
        bool longWord = false;
        for (int w = 0; w + 1 < count; w++)
        {
            var word = words[cuts[w]..cuts[w + 1]];
            if (dictionary.ClassOf(word) != WordClass.Content)
            {
                return null;
            }

            longWord |= word.Length >= 2;
        }

        string nouns = words.ToString();
        return longWord && !doc.PlaceAndCompanyNames.Contains(nouns) && !WordMatch.StartsWithAny(words, _cues.LevelNouns) ? nouns : null;
    }

    /// <summary>
    /// True when the figure is the object of a verb or the head of a phrase: a verb among the Han characters right before
    /// it (批出 + 45宗, 增至去年 + 295宗), or 的 right before it (2015年的 + 270宗); false where it opens its clause (其中 + 45宗).
    /// </summary>
    private bool ObjectOrHead(Figure figure)
    {
        int start = figure.View.Start;
        if (doc.Words is not { } dictionary || start == 0)
        {
            return false;
        }

        if (_text[start - 1] == _cues.NameStop)
        {
            return true;
        }

        while (start > 0 && figure.View.Start - start < 8 && TextClasses.IsHan(_text[start - 1]))
        {
            start--;
        }

        var words = _text.AsSpan(start, figure.View.Start - start);
        Span<int> cuts = stackalloc int[words.Length + 1];
        int count = dictionary.Segment(words, cuts);
        for (int w = 0; w + 1 < count; w++)
        {
            if (ClassOfWord(dictionary, words, cuts, w) == WordClass.Verb)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A count written with a classifier (45宗, 3艘), not a bare number or a multiple (万, 亿).</summary>
    private static bool CountedByClassifier(Figure figure) =>
        figure.Quantity.Unit == "count" && figure.Quantity.UnitText.Length > 0 && TextClasses.IsHan(figure.Quantity.UnitText[^1]);

    /// <summary>
    /// 12家国家级高新技术企业, 7407辆新能源汽车: the class of things counted, written after the figure, perhaps after one 的
    /// (2000亿美元的中国产品).
    /// </summary>
    public string? ScopeAfter(Figure figure)
    {
        int k = figure.View.End;
        if (k < _text.Length && _text[k] == _cues.NameStop)
        {
            k++;
        }

        int end = k;
        while (end < _text.Length && end - k < 12 && (TextClasses.IsHan(_text[end]) || char.IsAsciiLetter(_text[end])) && _text[end] != _cues.NameStop)
        {
            end++;
        }

        // the class ends where a word ends (国家 + 开展业务 has no 国家开展业)
        var run = _text.AsSpan(k, end - k);
        Span<int> cuts = stackalloc int[run.Length + 1];
        int count = doc.Words is { } dictionary ? dictionary.Segment(run, cuts) : 0;
        for (int e = end; e - k >= 2; e--)
        {
            if (count > 0 && cuts[..count].IndexOf(e - k) < 0)
            {
                continue;
            }

            string words = _text[k..e];
            // a class alone (公司, 企业) narrows nothing; 国家级高新技术企业, 新能源汽车 do
            if ((words.Length >= 3 || _data.ScopeTerms.Contains(words)) && IsScope(words)
                && !EndsWithAny(words, _data.MeasureEndings, minLength: 2))
            {
                return words;
            }
        }

        return null;
    }

    /// <summary>
    /// 对2000亿美元中国产品加征关税: where the words before a figure end with a preposition that makes it the object of a
    /// verb after it (facts/measure-cues.tsv, object-preposition), the verb and its object after the things named
    /// (加征关税); "" when the preposition stands there and no verb follows; null when it does not stand there.
    /// </summary>
    public string? ActionOnObject(string measure, Figure figure)
    {
        if (doc.Words is not { } dictionary || !EndsWithObjectPreposition(dictionary, measure))
        {
            return null;
        }

        var (k, end) = HanRunAfter(figure, 16);
        var run = _text.AsSpan(k, end - k);
        Span<int> cuts = stackalloc int[run.Length + 1];
        int count = dictionary.Segment(run, cuts);
        int w = 0;
        while (w + 1 < count && ClassOfWord(dictionary, run, cuts, w) is WordClass.Content or WordClass.Unknown)
        {
            w++;
        }

        if (w + 1 >= count || ClassOfWord(dictionary, run, cuts, w) != WordClass.Verb)
        {
            return "";
        }

        // the verb and what follows it up to a function word: 加征 + 关税, 加征 + 报复性 + 关税. A verb inside the object
        // (中国输美产品, 出口商品) only qualifies it: a verb after the object's nouns is the one acting on it
        int first = w;
        while (w + 1 < count && ClassOfWord(dictionary, run, cuts, w) is WordClass.Verb or WordClass.Content && cuts[w + 1] - cuts[first] <= 8)
        {
            if (w > first && ClassOfWord(dictionary, run, cuts, w) == WordClass.Verb && ClassOfWord(dictionary, run, cuts, w - 1) == WordClass.Content)
            {
                first = w;
            }

            w++;
        }

        return w - first >= 1 && cuts[w] - cuts[first] >= 2 ? run[cuts[first]..cuts[w]].ToString() : "";
    }

    /// <summary>
    /// True when the words end with a preposition that makes the figure the object of a verb after it, the preposition a
    /// word of its own, perhaps with a word that is no verb between it and the figure: a determiner (对另外2670亿美元) or
    /// whom the act is aimed at (对美600亿美元货品).
    /// </summary>
    private bool EndsWithObjectPreposition(WordDictionary dictionary, string measure)
    {
        if (WordMatch.EndsWithAny(measure, _cues.ObjectPrepositions))
        {
            return true;
        }

        int from = Math.Max(0, measure.Length - MaxObjectGap - 3);
        var tail = measure.AsSpan(from);
        Span<int> cuts = stackalloc int[tail.Length + 1];
        int count = dictionary.Segment(tail, cuts);
        for (int w = count - 2; w >= 1 && tail.Length - cuts[w] <= MaxObjectGap; w--)
        {
            if (WordMatch.EqualsAny(tail[cuts[w - 1]..cuts[w]], _cues.ObjectPrepositions))
            {
                return !ContainsVerb(dictionary, tail[cuts[w]..], cuts[w..count]);
            }
        }

        return false;
    }

    /// <summary>The most characters that stand between an object preposition and its figure (另外, 其余, 美).</summary>
    private const int MaxObjectGap = 2;

    /// <summary>True when one of the words (cuts relative to the text the words start in) is a verb.</summary>
    private static bool ContainsVerb(WordDictionary dictionary, ReadOnlySpan<char> words, ReadOnlySpan<int> cuts)
    {
        for (int w = 0; w + 1 < cuts.Length; w++)
        {
            if (dictionary.ClassOf(words[(cuts[w] - cuts[0])..(cuts[w + 1] - cuts[0])]) == WordClass.Verb)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 斥资10亿元收购…, 动用20亿元回购股份: after a verb of spending (facts/measure-cues.tsv, spending-verb), the verb right after
    /// the sum says what it was spent on; null when the words do not end with such a verb or no verb follows the sum.
    /// </summary>
    public string? PurposeOfSpending(string measure, Figure figure)
    {
        if (doc.Words is not { } dictionary || !WordMatch.EndsWithAny(measure, _cues.SpendingVerbs))
        {
            return null;
        }

        var (k, end) = HanRunAfter(figure, 8);
        if (end - k < 2)
        {
            return null;
        }

        var run = _text.AsSpan(k, end - k);
        Span<int> cuts = stackalloc int[run.Length + 1];
        int count = dictionary.Segment(run, cuts);
        return count > 1 && cuts[1] >= 2 && ClassOfWord(dictionary, run, cuts, 0) == WordClass.Verb ? run[..cuts[1]].ToString() : null;
    }

    /// <summary>Where the Han characters right after a figure (after one 的 at most) start and end, at most maxLength of them.</summary>
    private (int Start, int End) HanRunAfter(Figure figure, int maxLength)
    {
        int start = figure.View.End;
        if (start < _text.Length && _text[start] == _cues.NameStop)
        {
            start++;
        }

        int end = start;
        while (end < _text.Length && end - start < maxLength && TextClasses.IsHan(_text[end]))
        {
            end++;
        }

        return (start, end);
    }
}
