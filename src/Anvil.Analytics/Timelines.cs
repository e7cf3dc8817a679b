using Anvil.Core.Facts;
using Anvil.Store.Periods;
using Anvil.Store.Records;

namespace Anvil.Analytics;

/// <summary>One period of a timeline: when it holds (<see cref="Label"/> for people) and what its statements come to.</summary>
public sealed record TimelinePoint(string Label, PeriodRange? Period, FigureSummary Summary);

/// <summary>One statement of a full listing: when it holds and the fact that states it.</summary>
public sealed record TimelineStatement(string Label, PeriodRange? Period, FactRow Fact);

/// <summary>An indicator over time: one line per period (and scope, kind, status, basis), or every statement.</summary>
public static class Timelines
{
    /// <summary>
    /// Oldest first, by when a period ends (2024-H1 before 2024); the lines of one period by kind, status, basis and scope;
    /// figures without a time last.
    /// </summary>
    public static IReadOnlyList<TimelinePoint> Build(IEnumerable<FigureSummary> summaries)
    {
        var points = summaries.Select(s => new TimelinePoint(EffectivePeriod.Label(s), EffectivePeriod.Of(s), s)).ToList();
        points.Sort((a, b) =>
        {
            int c = EffectivePeriod.CompareOldestFirst(a.Period, b.Period);
            return c != 0 ? c : CompareFigures(a.Summary.Fact, b.Summary.Fact);
        });
        return points;
    }

    /// <summary>Every statement, in the order of <see cref="Build"/>, statements of one line by document: today's full listing.</summary>
    public static IReadOnlyList<TimelineStatement> Statements(IEnumerable<FactRow> facts)
    {
        var points = facts.Select(f => new TimelineStatement(EffectivePeriod.Label(f), EffectivePeriod.Of(f), f)).ToList();
        points.Sort((a, b) =>
        {
            int c = EffectivePeriod.CompareOldestFirst(a.Period, b.Period);
            if (c == 0)
            {
                c = CompareFigures(a.Fact.Fact, b.Fact.Fact);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Fact.Doc, b.Fact.Doc);
            }

            return c == 0 ? a.Fact.Start.CompareTo(b.Fact.Start) : c;
        });
        return points;
    }

    private static int CompareFigures(Fact a, Fact b)
    {
        int c = string.CompareOrdinal(a.Kind.ToSpecName(), b.Kind.ToSpecName());
        if (c == 0)
        {
            c = a.Status.CompareTo(b.Status);
        }

        if (c == 0)
        {
            c = Nullable.Compare(a.Basis, b.Basis);
        }

        return c == 0 ? string.CompareOrdinal(a.Scope, b.Scope) : c;
    }
}
