using Anvil.Core.Facts;
using Anvil.Store.Periods;
using Anvil.Store.Records;

namespace Anvil.Analytics;

/// <summary>One figure of a timeline: when it holds (<see cref="Label"/> for people) and the fact that states it.</summary>
public sealed record TimelinePoint(string Label, PeriodRange? Period, FactRow Fact);

/// <summary>An indicator over time, from every source that states it.</summary>
public static class Timelines
{
    /// <summary>
    /// Oldest first, by when a period ends (2024-H1 before 2024), figures of the same period side by side (by kind,
    /// status, basis, scope, then document); figures without a time last.
    /// </summary>
    public static IReadOnlyList<TimelinePoint> Build(IEnumerable<FactRow> facts)
    {
        var points = facts.Select(f => new TimelinePoint(EffectivePeriod.Label(f), EffectivePeriod.Of(f), f)).ToList();
        points.Sort((a, b) =>
        {
            int c = (a.Period, b.Period) switch
            {
                (null, null) => 0,
                (null, _) => 1,
                (_, null) => -1,
                ({ } x, { } y) => x.End != y.End ? x.End.CompareTo(y.End) : x.Start.CompareTo(y.Start),
            };
            if (c == 0)
            {
                c = string.CompareOrdinal(a.Fact.Fact.Kind.ToSpecName(), b.Fact.Fact.Kind.ToSpecName());
            }

            if (c == 0)
            {
                c = a.Fact.Fact.Status.CompareTo(b.Fact.Fact.Status);
            }

            if (c == 0)
            {
                c = Nullable.Compare(a.Fact.Fact.Basis, b.Fact.Fact.Basis);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Fact.Fact.Scope, b.Fact.Fact.Scope);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Fact.Doc, b.Fact.Doc);
            }

            return c == 0 ? a.Fact.Start.CompareTo(b.Fact.Start) : c;
        });
        return points;
    }
}
