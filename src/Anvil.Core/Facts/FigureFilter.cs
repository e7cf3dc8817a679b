using Anvil.Core.Documents;
using Anvil.Core.Quantities;

namespace Anvil.Core.Facts;

/// <summary>Which quantities state no fact about a subject: durations, index levels, ordinals, references and labels.</summary>
internal static class FigureFilter
{
    /// <summary>Durations, index levels and ordinals are not facts about a subject.</summary>
    public static bool IsNeverAFact(QuantityMention q) => IsDuration(q) || q.IsOrdinal;

    /// <summary>A length of time: 39年, 三个月, 14天.</summary>
    public static bool IsDuration(QuantityMention q) =>
        q.Unit is "year" or "month" or "week" or "day" or "hour" or "h" or "min" or "minute" or "s" or "second";

    /// <summary>
    /// A number of months that measures how long a stock of money would pay for spending or imports (财政储备相当于12个月政府
    /// 开支; 外汇储备减少，跌至8个月): a figure about its subject, where other months are durations.
    /// </summary>
    public static bool CountsMonthsCovered(string text, QuantityMention q, TextSpan view, FigureCues cues)
    {
        if (q.Unit != "month")
        {
            return false;
        }

        // spending or imports within a few characters after (个月政府开支, 个月的进口)
        var after = text.AsSpan(view.End, Math.Min(MonthsCoverReach, text.Length - view.End));
        foreach (var word in cues.MonthsCoverAfter)
        {
            if (after.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        int sentenceStart = text.AsSpan(0, view.Start).LastIndexOfAny(Punctuation.SentenceEnds) + 1;
        var before = text.AsSpan(sentenceStart, view.Start - sentenceStart);
        foreach (var word in cues.MonthsCoverBefore)
        {
            if (before.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How far after a number of months the spending it would pay for may be named (个月的政府开支).</summary>
    private const int MonthsCoverReach = 5;

    /// <summary>A demonstrative before the number (这两座), a kind counted with one numeral, or a quoted label (「90%」) state no figure.</summary>
    public static bool IsNotAFigure(FactDocument doc, Figure figure)
    {
        var text = doc.Text;
        var cues = doc.Data.Figures;
        int start = figure.View.Start, end = figure.View.End;
        if (start > 0 && cues.Demonstratives.Contains(text[start - 1], StringComparison.Ordinal))
        {
            return true;
        }

        // 两个市场, 九大基地, 三种资源: a count written as one numeral character lists kinds of things in policy
        // prose; the figures analysts compare are written out (2.5万家, 138家)
        var number = text.AsSpan(figure.NumberView.Start, Math.Max(0, figure.NumberView.Length));
        // (五万个 is written out: its numeral has a magnitude after it)
        if (figure.Quantity.Unit == "count" && number.Length == 1 && cues.SingleNumerals.Contains(number[0], StringComparison.Ordinal) && figure.Quantity.Value <= 10)
        {
            return true;
        }

        // a number opening a quoted slogan names it, it counts nothing
        if (start > 0 && Punctuation.OpeningQuotes.Contains(text[start - 1], StringComparison.Ordinal))
        {
            int close = text.IndexOfAny(Punctuation.ClosingQuotes, end, Math.Min(10, text.Length - end));
            if (close >= 0)
            {
                return true;
            }
        }

        return start > 0 && end < text.Length && Punctuation.OpeningQuotesOrStraight.Contains(text[start - 1], StringComparison.Ordinal)
            && Punctuation.ClosingQuotesOrStraight.Contains(text[end], StringComparison.Ordinal);
    }
}
