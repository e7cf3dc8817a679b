using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Lexicons;
using Anvil.Core.Quantities;

namespace Anvil.Core.Facts;

/// <summary>What kind of figure a quantity states, its sign, the words left to name its measure, and the kind word after it if one decided.</summary>
/// <remarks>Field is, for a rank, the words between its verb and the figure: what it ranks among (居中部地区城市第1位).</remarks>
/// <remarks>Whole is what a share is of where the text names it after 占 (出口额占全省的65% → 全省), else empty.</remarks>
internal sealed record KindReading(FactKind Kind, int Sign, string Measure, string AfterWord = "", string Field = "", string Whole = "");

/// <summary>
/// Decides whether a figure is a value, a growth, a change, a share or a rank from the kind words around it
/// (facts/kind-words.tsv: the rightmost before it decides, or one right after it: 以31.8%的增速) and from its unit
/// (percentage points are changes, fractions shares, multiples growths), and says which words are left to name
/// the measure. A percent with no kind word is a share, a rate (facts/kind-cues.tsv) or, in a sentence about
/// growth, a growth.
/// </summary>
internal sealed partial class KindClassifier(FactDocument doc)
{
    private readonly string _text = doc.Text;
    private readonly FactData _data = doc.Data;
    private readonly KindCues _cues = doc.Data.Kinds;

    private static readonly List<FactData.KindWord> NoWords = []; // where the words hold no kind word, none is looked for

    /// <summary>The kind of the figure given the words before it; null when it states no fact (5G的容量是4G的20倍).</summary>
    public KindReading? Read(Figure figure, string phrase, TextSpan sentence)
    {
        var reading = ReadKind(figure, phrase, sentence);
        return reading is { Kind: FactKind.Share } ? WithWhole(reading, phrase) : reading;
    }

    private KindReading? ReadKind(Figure figure, string phrase, TextSpan sentence)
    {
        var q = figure.Quantity;
        if (q.Unit == "rank")
        {
            var (measure, field) = SplitAtRankVerb(phrase);
            return new KindReading(FactKind.Rank, 1, Array.IndexOf(_cues.RankGeneric, measure) >= 0 ? "" : measure, Field: field);
        }

        // a kind word right after the figure: 以31.8%的增速
        var after = _text.AsSpan(figure.View.End, Math.Min(8, _text.Length - figure.View.End));
        foreach (var w in _data.KindWordsAfter)
        {
            if (after.StartsWith(w.Word, StringComparison.Ordinal) && (q.IsPercent || w.Kind != FactKind.Growth))
            {
                return new KindReading(w.Kind, w.Sign, phrase.EndsWith(_cues.AfterTrim) ? phrase[..^1] : phrase, w.Word);
            }
        }

        if (q.IsPercent && GrowthOfNounAfter(figure) is { } grown)
        {
            return new KindReading(FactKind.Growth, 1, grown);
        }

        // the rightmost kind word in the phrase decides; the words before it name the measure
        int bestAt = -1;
        FactData.KindWord? best = null;
        foreach (var w in _data.KindWordsBeforeWords.AnyIn(phrase) ? _data.KindWordsBefore : NoWords)
        {
            int at = phrase.AsSpan().LastIndexOf(w.Word);
            while (at >= 0 && InsideIndicatorWord(phrase, at, w.Word.Length))
            {
                at = at == 0 ? -1 : phrase.LastIndexOf(w.Word, at - 1, StringComparison.Ordinal);
            }

            if (w.Adjacent && at >= 0 && at + w.Word.Length != phrase.Length)
            {
                continue;
            }

            if (at >= 0 && OpensRatioComplement(phrase, at + w.Word.Length))
            {
                continue;
            }

            if (at >= 0 && (best is null || at + w.Word.Length > bestAt + best.Word.Length || (at + w.Word.Length == bestAt + best.Word.Length && w.Word.Length > best.Word.Length)))
            {
                // a one-character growth word only counts right before the figure (升3%, not 升级)
                if (w.Word.Length == 1 && w.Kind == FactKind.Growth && at + 1 < phrase.Length - 1)
                {
                    continue;
                }

                best = w;
                bestAt = at;
            }
        }

        string beforeBest = bestAt >= 0 ? phrase[..bestAt] : phrase;
        if (q.Unit == "pp")
        {
            int sign = ContainsAny(phrase, _cues.Narrowing) ? -1 : best?.Sign ?? 1;
            return new KindReading(FactKind.Delta, sign, beforeBest);
        }

        if (q.IsMultiple)
        {
            // 增长1.5倍 is a growth; 5G的容量是4G的20倍 compares two things and is none
            return best is null && !ContainsAny(q.UnitText, _cues.Doubling) ? null : new KindReading(FactKind.Growth, best?.Sign ?? 1, beforeBest);
        }

        if (q.IsFraction)
        {
            return new KindReading(FactKind.Share, 1, beforeBest);
        }

        if (q.IsPercent && IsRate(phrase))
        {
            return new KindReading(FactKind.Value, 1, best is { Kind: FactKind.Growth } ? beforeBest : phrase);
        }

        // 提高到66.2%, 降低至8.25%, 增加至1.5%: a new level, not a change
        if (best is not null && q.IsPercent && best.Kind == FactKind.Growth)
        {
            string rest = phrase[(bestAt + best.Word.Length)..];
            // 增长为5% is a growth of 5%; 股权比例下降为33% is a new level
            if (StartsWithAny(rest, _cues.ToLevel)
                || (rest.StartsWith(_cues.AsLevel, StringComparison.Ordinal) && (NamesARatio(beforeBest) || ContainsAny(beforeBest, _cues.RatioWords))))
            {
                // 增速回落至5.1%, 通胀率升至2.5%, 同比回落至3.2%: the level a growth moves to is a growth, not a share of a whole;
                // a ratio's level is a share though a word of basis says how it moved (毛利率同比提升至31%)
                return new KindReading(EndsInAGrowth(beforeBest) && !IsRatioMovedOnBasis(beforeBest) ? FactKind.Growth : FactKind.Share, 1, beforeBest);
            }
        }

        if (best is null && q.IsPercent && NamesARatio(phrase))
        {
            return new KindReading(FactKind.Share, 1, phrase);
        }

        if (best is null)
        {
            // 毛利率提升2个百分点至30%: the level the change of the sentence moved its measure to
            if (q.IsPercent && LevelAfterChange(sentence, figure.View.Start) is { } level)
            {
                return new KindReading(level, 1, phrase);
            }

            // 分别减少近17%及15%: the word of growth before both gives the second its sign too
            int sign = SignOfGrowthBefore(sentence, figure.View.Start);
            if (q.IsPercent && (sign != 0 || BracketedBeforeGrowth(figure, sentence)))
            {
                return new KindReading(FactKind.Growth, sign == 0 ? 1 : sign, phrase);
            }

            return new KindReading(q.IsPercent ? (IsRate(phrase) ? FactKind.Value : FactKind.Share) : FactKind.Value, 1, phrase);
        }

        if (best.Kind == FactKind.Share)
        {
            return q.IsPercent ? new KindReading(FactKind.Share, 1, beforeBest) : new KindReading(FactKind.Value, 1, phrase);
        }

        // growth words before an amount make an absolute change (增加1200亿元); 增至 / 增加至 is a level
        if (!q.IsPercent)
        {
            string tail = phrase[(bestAt + best.Word.Length)..];
            bool toLevel = StartsWithAny(tail, _cues.ToLevel) || tail.StartsWith(_cues.AsLevel, StringComparison.Ordinal);
            // a one-character move word right before the amount is its change (跌551点, 升1.2美元); one character
            // further (增发1万亿元, 裁减一万) it is part of a verb that names the amount itself, and after 连 the amount
            // counts the moves (连升6个交易日)
            return toLevel || (best.Word.Length == 1 && (bestAt + 1 < phrase.Length || WordMatch.EndsWithAny(phrase.AsSpan(0, bestAt), _cues.RunMarks)))
                || Array.IndexOf(_cues.LevelGrowthWords, best.Word) >= 0
                ? new KindReading(FactKind.Value, 1, beforeBest)
                : new KindReading(FactKind.Delta, best.Sign, beforeBest);
        }

        // 通胀率为2.6%, 通胀放缓至2.6%: a word of growth that is itself a measure (facts/indicators.tsv) names it too; the
        // names of a growth as such (增速, 跌幅; facts/measure-cues.tsv, growth-word) do not
        bool namesMeasure = _data.Indicators.ContainsKey(best.Word) && Array.IndexOf(_data.Measures.GrowthWords, best.Word) < 0;
        return new KindReading(FactKind.Growth, best.Sign, namesMeasure ? phrase[..(bestAt + best.Word.Length)] : beforeBest);
    }

    /// <summary>The words end in a growth (投资增速, 通胀率升幅, 零售总额同比): two characters or more of a word of growth.</summary>
    private bool EndsInAGrowth(string words)
    {
        string w = words.TrimEnd(_cues.RatioTrim);
        foreach (var k in _data.KindWordsBefore)
        {
            if (k.Kind == FactKind.Growth && k.Word.Length >= 2 && w.EndsWith(k.Word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Words that end with a word of basis (同比, 环比) after a ratio that is no growth itself (毛利率同比): the basis says
    /// how the ratio moved, and the ratio's level is what follows.
    /// </summary>
    private bool IsRatioMovedOnBasis(string words)
    {
        string measure = _data.WithoutBasisWord(words);
        return measure.Length < words.Length && NamesARatio(measure) && !EndsInAGrowth(measure);
    }

    /// <summary>The words name a ratio of a whole (失业率, 城镇化率, 比重, 份额): its level is a share.</summary>
    public bool NamesARatio(string phrase)
    {
        string p = phrase.TrimEnd(_cues.RatioTrim);
        foreach (var ending in _cues.RatioEndings)
        {
            if (p.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The words from <paramref name="end"/> are the complement mark and a ratio's name (增长 + 的贡献率): the kind word before
    /// them says what the ratio is of, so it does not make the figure a growth.
    /// </summary>
    private bool OpensRatioComplement(string phrase, int end) =>
        string.CompareOrdinal(phrase, end, _cues.RatioComplement, 0, _cues.RatioComplement.Length) == 0
        && end + _cues.RatioComplement.Length < phrase.Length
        && NamesARatio(phrase[(end + _cues.RatioComplement.Length)..]);

    /// <summary>True when a kind word at <paramref name="at"/> is part of a longer measure word (增加 in 增加值).</summary>
    private bool InsideIndicatorWord(string phrase, int at, int length)
    {
        var trie = _data.IndicatorTrie;
        for (int start = Math.Max(0, at - _data.LongestIndicator); start <= at; start++)
        {
            int node = WordTrie<bool>.Root;
            for (int k = start; k < phrase.Length && trie.TryStep(node, phrase[k], out node); k++)
            {
                int len = k - start + 1;
                if (trie.IsWord(node) && len > length && k + 1 >= at + length)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Tax, interest and tariff rates are levels, not shares of a whole (the gold's convention).</summary>
    private bool IsRate(string phrase)
    {
        if (ContainsAny(phrase, _cues.RateExceptions))
        {
            return false;
        }

        if (ContainsAny(phrase, _cues.RateWords))
        {
            return true;
        }

        string name = phrase.TrimEnd(_cues.RateTrim);
        foreach (var ending in _cues.RateEndings)
        {
            if (name.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 录得3.2%经济增长, 有5%的GDP增速: the short noun between a percent (and one 的) and a growth word after it
    /// (facts/kind-cues.tsv, growth-after-noun), which names what grew; null when the noun is no content word of the word
    /// dictionary or another figure follows in the clause (30%的企业营收增长超过10% gives the firms a share).
    /// </summary>
    private string? GrowthOfNounAfter(Figure figure)
    {
        if (doc.Words is not { } dictionary)
        {
            return null;
        }

        int start = figure.View.End;
        if (start < _text.Length && _text[start] == _data.Measures.NameStop)
        {
            start++;
        }

        int end = start;
        while (end < _text.Length && end - start < 6 && (TextClasses.IsHan(_text[end]) || char.IsAsciiLetterUpper(_text[end])))
        {
            end++;
        }

        var run = _text.AsSpan(start, end - start);
        foreach (var word in _cues.GrowthAfterNoun)
        {
            int at = run.IndexOf(word);
            if (at < 1 || at > 4)
            {
                continue;
            }

            var noun = run[..at];
            bool latin = !noun.ContainsAnyExceptInRange('A', 'Z');
            if (!latin && dictionary.ClassOf(noun) != WordClass.Content)
            {
                return null;
            }

            int clauseEnd = start + at + word.Length;
            while (clauseEnd < _text.Length && !Punctuation.ClauseEnds.Contains(_text[clauseEnd]))
            {
                if (char.IsAsciiDigit(_text[clauseEnd]))
                {
                    return null;
                }

                clauseEnd++;
            }

            return noun.ToString();
        }

        return null;
    }

    /// <summary>The words before the first rank verb (GDP位居 → GDP) and those after it (what it ranks among), or the words and "".</summary>
    private (string Measure, string Field) SplitAtRankVerb(string phrase)
    {
        foreach (var verb in _cues.RankVerbs)
        {
            int at = phrase.IndexOf(verb, StringComparison.Ordinal);
            if (at >= 0)
            {
                return (phrase[..at], phrase[(at + verb.Length)..]);
            }
        }

        return (phrase, "");
    }

    internal static bool ContainsAny(string text, string[] words)
    {
        foreach (var w in words)
        {
            if (text.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal static bool StartsWithAny(string text, string[] words)
    {
        foreach (var w in words)
        {
            if (text.StartsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
