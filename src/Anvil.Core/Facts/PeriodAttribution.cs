using Anvil.Core.Documents;
using Anvil.Core.Periods;

namespace Anvil.Core.Facts;

/// <summary>
/// When a figure holds. Within the part of the sentence the figure stands in (up to the last semicolon), the nearest
/// period whose clause states figures, or else the first one (二季度扭转了一季度…的局面，实现营收… belongs to 二季度); a
/// part without a period takes the sentence's opening one (上半年…，6月环比下降0.1%；工业生产者出厂价格同比下降1.7%
/// belongs to 上半年); else the period carried on from before. A figure said to be current (目前) has none: the
/// document's date dates it.
/// </summary>
internal sealed class PeriodAttribution(FactDocument doc)
{
    private readonly string _text = doc.Text;

    public string? Read(Figure figure, TextSpan sentence, Carried? lastInSentence, bool inherited)
    {
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

        return governing?.Value;
    }

    private PeriodMention? Governing(Figure figure, TextSpan sentence)
    {
        int position = figure.View.Start;
        int partStart = doc.PartStart(sentence, position);
        var figureClause = doc.ClauseAround(sentence, position);
        // a day (7月20日发布…, 北京8月10日电) dates an event, not the figures of other clauses, unless it is an as-at date
        PeriodMention? first = null, chosen = null;
        foreach (var p in doc.PeriodsWithin(partStart, position))
        {
            if (!p.IsComparison && p.Value is not null && (p.Granularity != PeriodGranularity.Day || p.IsAsAt || figureClause.Contains(p.Span)))
            {
                first ??= p;
                var clause = doc.ClauseAround(sentence, p.Span.Start);
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
