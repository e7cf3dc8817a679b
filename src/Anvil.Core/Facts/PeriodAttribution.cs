using Anvil.Core.Documents;
using Anvil.Core.Periods;

namespace Anvil.Core.Facts;

/// <summary>
/// When a figure holds. Within the part of the sentence the figure stands in (up to the last semicolon), the nearest
/// period whose clause states figures, or else the first one (二季度扭转了一季度…的局面，实现营收… belongs to 二季度); a part without a
/// period takes the sentence's opening one (上半年…，6月环比下降0.1%；工业生产者出厂价格同比下降1.7% belongs to 上半年); else the period carried
/// on from before (from an earlier paragraph, only a period that opens its clause). A figure said to be current (目前)
/// has none: the document's date dates it. A 分别 list of figures after a list of as many periods pairs them in order.
/// </summary>
internal sealed class PeriodAttribution(FactDocument doc)
{
    /// <summary>The months of a year in which its own results cannot be in: its first half.</summary>
    private const int MonthsBeforeYearsResults = 6;

    private readonly string _text = doc.Text;

    /// <param name="yearFromContext">the period is one whose year the text did not write (全年, 上半年): the document's date or
    /// an earlier mention gave it</param>
    public string? Read(FigureContext f, bool inherited, ListReading list, out bool yearFromContext)
    {
        yearFromContext = false;
        if (Listed(f, list) is { } listed)
        {
            return listed;
        }

        var (figure, sentence, lastInSentence) = (f.Figure, f.Sentence, f.LastInSentence);
        var governing = Governing(figure, sentence);
        // 目前 / 现在 after the governing period: a current figure, dated by the document
        int since = governing is null ? sentence.Start : Math.Max(sentence.Start, governing.Span.End);
        if (since < figure.View.Start && doc.Data.CurrentWords.AnyIn(_text.AsSpan(since, figure.View.Start - since)))
        {
            return null;
        }

        if (governing is null && inherited && lastInSentence is not null)
        {
            return lastInSentence.Period;
        }

        yearFromContext = governing is { IsYearInferred: true, HasExplicitYear: false };
        return governing?.Value;
    }

    /// <summary>
    /// An actual figure of a whole year whose year the text left to its date (公布全年业绩 in March), written in that year's
    /// first half, is of the year before: no year's results are in before most of it has gone. A half or a quarter is left
    /// as it is: written early in it, its words more often look ahead (下半年 in August) than a year back. Other periods
    /// are returned as they are.
    /// </summary>
    public static string? EarlierIfUnfinished(string? period, DateOnly written) =>
        period is { Length: 4 } && int.TryParse(period, out int year) && year == written.Year && year > 1 && written.Month <= MonthsBeforeYearsResults
            ? PeriodResolver.ShiftYears(period, -1)
            : period;

    /// <summary>
    /// 2021年、2022年、2023年营收分别为…: the i-th figure of a 分别 list holds in the i-th of as many periods listed (one
    /// separator between each) before the word in the sentence, or in the i-th year of a span of as many years
    /// (2020年至2022年营收分别为…).
    /// </summary>
    private string? Listed(FigureContext f, ListReading list)
    {
        if (list.Marker < 0)
        {
            return null; // no 分别 list of two figures or more
        }

        var periods = new List<PeriodMention>();
        foreach (var p in doc.PeriodsWithin(f.Sentence.Start, list.Marker))
        {
            if (p.IsComparison || p.Value is null)
            {
                return null;
            }

            // the periods of a list stand one separator apart (2021年、2022年和2023年)
            if (periods.Count > 0 && !IsSeparator(periods[^1].Span.End, p.Span.Start, doc.Data.Figures.ItemSeparators))
            {
                periods.Clear();
            }

            periods.Add(p);
        }

        if (periods.Count == 1 && periods[0].Granularity == PeriodGranularity.Range && YearsOf(periods[0].Value!) is var (first, last)
            && last - first + 1 == list.Count)
        {
            return (first + list.Position).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return periods.Count == list.Count ? periods[list.Position].Value : null;
    }

    /// <summary>The first and last year of a span of whole years (2020-01/2022-12), or null.</summary>
    private static (int First, int Last)? YearsOf(string value)
    {
        return value is { Length: 15 } && value[4] == '-' && value.AsSpan(5, 3).SequenceEqual("01/") && value.AsSpan(12).SequenceEqual("-12")
            && int.TryParse(value.AsSpan(0, 4), out int first) && int.TryParse(value.AsSpan(8, 4), out int last)
            ? (first, last) : null;
    }

    /// <summary>
    /// A period written right before the figure, or with only a linking character between (的, 为; facts/figure-cues.tsv),
    /// is the figure's own: 2014年32万辆, 比2019年的30万辆, 较上年同期的87.3亿元, 较去年同期为2000万支. That holds for the base of a comparison too, because the figure written
    /// after the base is the base's value, not the value compared with it.
    /// </summary>
    private PeriodMention? Adjoining(int position, TextSpan sentence)
    {
        PeriodMention? last = null;
        foreach (var p in doc.PeriodsWithin(sentence.Start, position))
        {
            last = p;
        }

        if (last is null || last.Value is null || last.IsSince || last.Granularity == PeriodGranularity.Day && !last.IsAsAt)
        {
            return null;
        }

        int gap = position - last.Span.End;
        return gap == 0 || (gap == 1 && Array.IndexOf(doc.Data.Figures.PeriodLinks, _text[last.Span.End]) >= 0) ? last : null;
    }

    /// <summary>
    /// 一季度增长6.5%，二季度增长5.8%，四季度增长6.3%: sub-year periods that break one sentence's figures down date their own
    /// figures only. Carried past their sentence, the last of them gives way to the period before the first (the year the
    /// breakdown was of); any other period is returned as it is.
    /// </summary>
    private PeriodMention? BeforeBreakdown(PeriodMention carried)
    {
        var periods = doc.GoverningPeriods;
        int k = PeriodResolver.LastStartingBefore(periods, carried.Span.Start + 1); // a search, not a walk: a long text has thousands
        int first = k;
        while (first > 0 && BreaksDownWith(periods[first - 1], periods[first]))
        {
            first--;
        }

        return first == k ? carried : PeriodResolver.Governing(periods, periods[first].Span.Start, _text);
    }

    /// <summary>
    /// Two periods of the same part of one year, each with figures of its own, in one sentence (not 于2022年6月设立…，2023年2月增资:
    /// a story told in dates).
    /// </summary>
    private bool BreaksDownWith(PeriodMention before, PeriodMention after) =>
        before.Granularity == after.Granularity && before.Granularity is PeriodGranularity.Half or PeriodGranularity.Quarter or PeriodGranularity.Month
        && before.Value != after.Value && SameYear(before.Value, after.Value) && before.Span.End <= after.Span.Start
        && _text.AsSpan(before.Span.End, after.Span.Start - before.Span.End).IndexOfAny(Punctuation.SentenceEnds) < 0
        && doc.FiguresWithin(before.Span.End, after.Span.Start).Any();

    private static bool SameYear(string? a, string? b) => a is { Length: >= 4 } && b is { Length: >= 4 } && a.AsSpan(0, 4).SequenceEqual(b.AsSpan(0, 4));

    private bool IsSeparator(int from, int to, char[] separators) =>
        to - from == 1 && Array.IndexOf(separators, _text[from]) >= 0;

    private PeriodMention? Governing(Figure figure, TextSpan sentence)
    {
        int position = figure.View.Start;
        if (Adjoining(position, sentence) is { } own)
        {
            return own;
        }

        int partStart = doc.PartStart(sentence, position);
        var figureClause = doc.ClauseAround(sentence, position);
        // a day (7月20日发布…, 北京8月10日电) dates an event, not the figures of other clauses, unless it is an as-at date or
        // dates figures of its own clause (今天上午收报62.3元，…，下午收报63.1元: a trading day's quotes)
        PeriodMention? first = null, chosen = null;
        foreach (var p in doc.PeriodsWithin(partStart, position))
        {
            var clause = doc.ClauseAround(sentence, p.Span.Start);
            if (!p.IsComparison && p.Value is not null
                && (p.Granularity != PeriodGranularity.Day || p.IsAsAt || figureClause.Contains(p.Span) || doc.FiguresWithin(p.Span.End, clause.End).Any()))
            {
                first ??= p;
                // the last one whose clause holds the figure or states figures of its own
                if (clause.Contains(figure.View) || doc.FiguresWithin(clause.Start, clause.End).Any())
                {
                    chosen = p;
                }
            }
        }

        if (first is not null)
        {
            return chosen ?? first;
        }

        if (partStart > sentence.Start)
        {
            foreach (var p in doc.PeriodsWithin(sentence.Start, partStart))
            {
                if (!p.IsComparison && p.Value is not null && (p.Granularity != PeriodGranularity.Day || p.IsAsAt))
                {
                    return p;
                }
            }
        }

        var carried = PeriodResolver.Governing(doc.GoverningPeriods, position, _text);
        if (carried is not null && carried.Span.Start < sentence.Start)
        {
            carried = BeforeBreakdown(carried);
        }

        if (carried is not null && carried.Span.End < position && _text.AsSpan(carried.Span.End, position - carried.Span.End).Contains('\n'))
        {
            // from an earlier paragraph only a period that frames what follows carries on
            carried = PeriodResolver.Governing(doc.FramingPeriods, position);
        }

        if (carried is not null && carried.Span.Start < doc.ItemStart(position))
        {
            carried = null; // an item of a news feed is a text of its own: no period carries into it from the item before
        }

        PeriodMention? dayInClause = null;
        foreach (var p in doc.PeriodsWithin(figureClause.Start, position))
        {
            if (!p.IsComparison && p.Value is not null && p.Granularity == PeriodGranularity.Day)
            {
                dayInClause = p;
            }
        }

        return dayInClause is not null && (carried is null || dayInClause.Span.Start > carried.Span.Start) ? dayInClause : carried;
    }
}
