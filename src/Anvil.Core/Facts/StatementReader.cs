using Anvil.Core.Documents;
using Anvil.Core.Periods;

namespace Anvil.Core.Facts;

/// <summary>
/// What kind of statement a figure is (facts/statement-cues.tsv): a goal someone set (力争, 目标, 拟), an expectation
/// (预计, 有望, 料), or what happened; and what its growth or change is measured against: the same period a year before
/// (同比, 按年), the month before (按月, 比上月) or the quarter before (按季); 环比 is either, by the period of the figure.
/// A growth that names no basis compares with the year before, as statistics releases do; a list continues the basis
/// of its first figure (比上月增长1.7%，其中美洲（4.2%）…).
/// </summary>
internal sealed class StatementReader(FactDocument doc)
{
    private readonly string _text = doc.Text;

    public FactStatus Status(Figure figure, TextSpan sentence)
    {
        int partStart = doc.PartStart(sentence, figure.View.Start);
        // a word of the kind right after the figure says it of the figure itself (超越330亿美元目标, 5%的预期)
        var cue = CueRightAfter(figure.View.End, doc.Data.StatusCuesAfter)
            ?? Nearest(partStart, figure.View.Start, doc.Data.StatusCues, doc.Data.StatusCueWords);
        return cue?.Role switch
        {
            "target" or AfterRole + "target" => FactStatus.Target,
            "forecast" or AfterRole + "forecast" => FactStatus.Forecast,
            _ => FactStatus.Actual,
        };
    }

    /// <summary>The longest cue written at the position, or after one 的 there (预期目标 over 预期); null when none is.</summary>
    private StatementCue? CueRightAfter(int position, List<StatementCue> cues)
    {
        var text = doc.Text.AsSpan(position);
        if (text.Length > 0 && text[0] == doc.Data.Subjects.Possessive)
        {
            text = text[1..];
        }

        StatementCue? longest = null;
        foreach (var cue in cues)
        {
            if (text.StartsWith(cue.Word, StringComparison.Ordinal) && cue.Word.Length > (longest?.Word.Length ?? 0))
            {
                longest = cue;
            }
        }

        return longest;
    }

    public GrowthBasis? Basis(Figure figure, TextSpan clause, FactKind kind, string? period, Carried? lastInSentence, bool yearOnYearByDefault = true)
    {
        if (kind is not (FactKind.Growth or FactKind.Delta))
        {
            return null;
        }

        var cue = Nearest(clause.Start, figure.View.Start, doc.Data.BasisCues, doc.Data.BasisCueWords);
        if (cue is not null)
        {
            return cue.Role switch
            {
                "yoy" => GrowthBasis.Yoy,
                "mom" => GrowthBasis.Mom,
                "qoq" => GrowthBasis.Qoq,
                _ => Sequential(period),
            };
        }

        if (ComparedPeriod(clause.Start, figure.View.Start, period) is { } compared)
        {
            return compared;
        }

        if (lastInSentence is { Basis: { } carried } && lastInSentence.Kind == kind)
        {
            return carried;
        }

        return kind == FactKind.Growth && yearOnYearByDefault ? GrowthBasis.Yoy : null;
    }

    /// <summary>A cue of what kind of statement a figure is: a goal or an expectation.</summary>
    internal static bool IsStatusCue(StatementCue cue) => cue.Role is "target" or "forecast";

    /// <summary>The role prefix of a cue that counts only right after its figure (facts/statement-cues.tsv: after-target).</summary>
    internal const string AfterRole = "after-";

    /// <summary>A noun of the statement's kind that says it of the figure right before it (330亿美元目标).</summary>
    internal static bool IsStatusCueAfter(StatementCue cue) => cue.Role is AfterRole + "target" or AfterRole + "forecast";

    /// <summary>A cue of what a growth is measured against.</summary>
    internal static bool IsBasisCue(StatementCue cue) => cue.Role is "yoy" or "mom" or "qoq" or "sequential";

    /// <summary>环比: with the period before, a quarter's or a month's.</summary>
    private static GrowthBasis Sequential(string? period) =>
        period is { Length: 7 } p && p[4] == '-' && p[5] == 'Q' ? GrowthBasis.Qoq : period is { Length: 7 } ? GrowthBasis.Mom : GrowthBasis.Qoq;

    /// <summary>比2022年提升2.7个百分点: a comparison with the year before the figure's period is year on year.</summary>
    private GrowthBasis? ComparedPeriod(int from, int to, string? period)
    {
        if (PeriodResolver.FirstYear(period) is not int year)
        {
            return null;
        }

        foreach (var p in doc.PeriodsWithin(from, to))
        {
            if (p.IsComparison && PeriodResolver.FirstYear(p.Value) == year - 1 && p.Granularity == PeriodGranularity.Year)
            {
                return GrowthBasis.Yoy;
            }
        }

        return null;
    }

    /// <summary>The cue nearest before <paramref name="to"/> in [from, to), the longest where several end together.</summary>
    private StatementCue? Nearest(int from, int to, List<StatementCue> cues, WordPresence cueWords)
    {
        StatementCue? best = null;
        int bestEnd = -1;
        if (to <= from)
        {
            return null;
        }

        var words = _text.AsSpan(from, to - from);
        if (!cueWords.AnyIn(words))
        {
            return null;
        }

        foreach (var cue in cues)
        {
            for (int at = words.LastIndexOf(cue.Word, StringComparison.Ordinal); at >= 0; at = at == 0 ? -1 : words[..at].LastIndexOf(cue.Word, StringComparison.Ordinal))
            {
                if (at > 0 && cue.NotAfter.Contains(words[at - 1], StringComparison.Ordinal))
                {
                    continue;
                }

                int end = at + cue.Word.Length;
                if (end > bestEnd || (end == bestEnd && cue.Word.Length > best!.Word.Length))
                {
                    best = cue;
                    bestEnd = end;
                }

                break;
            }
        }

        return best;
    }
}
