using Anvil.Core.Documents;
using Anvil.Core.Lexicons;
using Anvil.Core.Quantities;

namespace Anvil.Core.Facts;

// The measure a clause before the figure names: a clause that states no figure of its own (本地研发总开支相对本地生产总值的比率，
// 由0.73%), one that says its measure grew (经济恢复正增长，介乎3.5%至5.5%), a 从…来看 frame and a clause framing the items after it.
internal partial class MeasureReader
{
    /// <summary>The words of the clause before this one, when it holds no figure (本地研发总开支相对本地生产总值的比率，由0.73%).</summary>
    public string? OfPreviousClause(TextSpan sentence, TextSpan clause, SubjectAttribution subjects, Discourse discourse)
    {
        if (clause.Start <= sentence.Start + 1)
        {
            return null;
        }

        var previous = doc.ClauseAround(sentence, clause.Start - 2);
        if (doc.FiguresWithin(previous.Start, previous.End).Any())
        {
            return null;
        }

        var subject = subjects.In(previous.Start, previous.End, -1, discourse);
        int from = subject is not null ? Math.Max(previous.Start, subject.View.End) : previous.Start;
        return WithoutGrowthEnd(Framed(phrase.TrimEnds(phrase.Clean(from, previous.End, out _))));
    }

    /// <summary>
    /// 从经济增速来看: the words a 从…来看 frame (or 分…看, 按…来看: facts/measure-cues.tsv, frame-around) holds where they name a measure, and
    /// nothing where they name a dimension the figures are broken down by (从地区来看); other words as they are.
    /// </summary>
    private string Framed(string words)
    {
        foreach (var (open, close) in _cues.FrameAround)
        {
            if (words.Length > open.Length + close.Length && words.StartsWith(open, StringComparison.Ordinal) && words.EndsWith(close, StringComparison.Ordinal))
            {
                string inner = words[open.Length..^close.Length];
                return IsMeasure(inner) || _data.Indicators.ContainsKey(inner) || WithoutGrowthEnd(inner) != inner ? inner : "";
            }
        }

        return words;
    }

    /// <summary>
    /// 经济恢复正增长，介乎3.5%至5.5%: a clause that says its measure grew ends with the word of growth and the verbs before
    /// it; what is left names the measure (经济). The words as they are when they do not end so, or nothing is left.
    /// </summary>
    private string WithoutGrowthEnd(string words)
    {
        if (doc.Words is not { } dictionary)
        {
            return words;
        }

        foreach (var w in _data.KindWordsBefore)
        {
            if (w.Kind != FactKind.Growth || words.Length <= w.Word.Length || !words.EndsWith(w.Word, StringComparison.Ordinal))
            {
                continue;
            }

            var rest = words.AsSpan(0, words.Length - w.Word.Length);
            Span<int> cuts = rest.Length <= 128 ? stackalloc int[rest.Length + 1] : new int[rest.Length + 1];
            int count = dictionary.Segment(rest, cuts);
            int last = count - 1;
            while (last > 0 && dictionary.ClassOf(rest[cuts[last - 1]..cuts[last]]) is WordClass.Verb or WordClass.Function)
            {
                last--;
            }

            return last > 0 ? rest[..cuts[last]].ToString() : words;
        }

        return words;
    }

    /// <summary>
    /// The measure a clause before the figure names (<see cref="OfPreviousClause"/>'s words): a frame over the items after it
    /// (营收方面, GDP十强城市中, 科技股方面) names one only where the words before its marker hold a known measure; null where they do not
    /// (科技股: a group of shares, no measure).
    /// </summary>
    public MeasureSplit? SplitClauseBefore(string words, QuantityMention q)
    {
        if (BeforeFrameMarker(words) is { } framed)
        {
            var split = Split(framed, q);
            return split.Known || _data.Indicators.ContainsKey(split.Indicator) ? split : null;
        }

        return Split(words, q);
    }

    /// <summary>The words before the frame marker they end with (工业产品产量 + 中, 科技股 + 方面; facts/measure-cues.tsv), or null.</summary>
    private string? BeforeFrameMarker(string words)
    {
        foreach (var marker in _cues.FrameMarkers)
        {
            if (words.Length > marker.Length && words.EndsWith(marker, StringComparison.Ordinal))
            {
                return words[..^marker.Length];
            }
        }

        return null;
    }

    /// <summary>
    /// The measure a clause before this one frames the sentence's items with (工业产品产量中，锂电池增长41.2%: 产量):
    /// that clause holds no figure and ends with a known measure and a frame marker (facts/measure-cues.tsv).
    /// </summary>
    public string? FramingMeasure(TextSpan sentence, TextSpan clause, SubjectAttribution subjects, Discourse discourse, QuantityMention q)
    {
        if (OfPreviousClause(sentence, clause, subjects, discourse) is not { } words || BeforeFrameMarker(words) is not { } framed)
        {
            return null;
        }

        var split = Split(framed, q);
        return split.Known && split.Indicator.Length > 0 ? split.Indicator : null;
    }
}
