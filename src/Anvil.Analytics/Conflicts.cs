using Anvil.Core.Facts;
using Anvil.Core.Quantities;
using Anvil.Store.Records;

namespace Anvil.Analytics;

/// <summary>Two statements of the same figure whose values cannot both be true; <see cref="Gap"/> is how far apart they are (0.125 = 12.5%).</summary>
public sealed record Conflict(FactRow First, FactRow Second, double Gap);

/// <summary>
/// Finds figures stated with values that disagree beyond what their qualifiers allow. Each value stands for a range:
/// <c>eq</c> the value itself, <c>approx</c> the value ± a tolerance, <c>gt</c>/<c>ge</c> the value or more,
/// <c>lt</c>/<c>le</c> the value or less (a boundary is not a conflict: 超3000 against 3000 is rounding), <c>range</c> its
/// low to its high end. Two statements conflict when their ranges do not meet. 超2800 against 3000 is no conflict; 3600亿 against 3200亿 is.
/// </summary>
public static class Conflicts
{
    /// <summary>The tolerance of <c>approx</c> (约, 近, 左右) unless the caller gives another: 10%.</summary>
    public const double DefaultTolerance = 0.10;

    /// <summary>
    /// Pairs of facts of the same figure (<see cref="FigureKey"/>: subject, scope, indicator, kind, period, unit, status and
    /// basis) whose ranges do not meet.
    /// A figure without a period counts for its document's date; one with neither is left out. Two figures of one
    /// document count only with <paramref name="withinDocuments"/>: a text that gives one figure two values is nearly
    /// always giving two measures extraction could not tell apart (环比 and 同比 growth), not disagreeing with itself.
    /// </summary>
    public static IReadOnlyList<Conflict> Find(IEnumerable<FactRow> facts, double tolerance = DefaultTolerance, bool withinDocuments = false) =>
        ConflictSet.Of(facts, tolerance, withinDocuments).Page(0, int.MaxValue);

    /// <summary>True when the two statements' ranges do not meet.</summary>
    public static bool Disagree(FactRow a, FactRow b, double tolerance = DefaultTolerance) => Disagree(a.Fact, b.Fact, tolerance);

    /// <summary>True when the two statements' ranges do not meet.</summary>
    public static bool Disagree(Fact a, Fact b, double tolerance = DefaultTolerance)
    {
        var (aLow, aHigh) = Range(a, tolerance);
        var (bLow, bHigh) = Range(b, tolerance);
        double slack = 1e-9 * Math.Max(1, Math.Max(Math.Abs(a.Value), Math.Abs(b.Value)));
        return aHigh < bLow - slack || bHigh < aLow - slack;
    }

    /// <summary>The values a statement allows.</summary>
    public static (double Low, double High) Range(Fact fact, double tolerance = DefaultTolerance) =>
        Range(fact.Value, fact.ValueHigh, fact.Qualifier, tolerance);

    /// <summary>The values a statement allows; <paramref name="high"/> is a range's high end.</summary>
    public static (double Low, double High) Range(double value, double? high, Qualifier qualifier, double tolerance = DefaultTolerance) => qualifier switch
    {
        Qualifier.Approx => (value - (Math.Abs(value) * tolerance), value + (Math.Abs(value) * tolerance)),
        Qualifier.Gt or Qualifier.Ge => (value, double.PositiveInfinity),
        Qualifier.Lt or Qualifier.Le => (double.NegativeInfinity, value),
        Qualifier.Range when high is { } h => (Math.Min(value, h), Math.Max(value, h)),
        _ => (value, value),
    };
}

/// <summary>
/// The conflicts among a set of facts (<see cref="Conflicts.Find"/>), counted once and read a page at a time. Many
/// documents stating one figure make pairs by the square of their number, far more than a page shows, so only the groups
/// of facts that disagree are kept, each with how many conflicts it holds, and a page is paired when it is read.
/// </summary>
public sealed class ConflictSet
{
    private readonly List<List<FactRow>> _groups;
    private readonly List<long> _counts;
    private readonly double _tolerance;
    private readonly bool _withinDocuments;

    private ConflictSet(List<List<FactRow>> groups, List<long> counts, double tolerance, bool withinDocuments)
    {
        _groups = groups;
        _counts = counts;
        _tolerance = tolerance;
        _withinDocuments = withinDocuments;
        Count = counts.Sum();
    }

    /// <summary>How many conflicts there are in all.</summary>
    public long Count { get; }

    /// <summary>The conflicts of the facts, in the order of <see cref="Conflicts.Find"/>.</summary>
    public static ConflictSet Of(IEnumerable<FactRow> facts, double tolerance = Conflicts.DefaultTolerance, bool withinDocuments = false)
    {
        var groups = new List<List<FactRow>>();
        var counts = new List<long>();
        var grouped = facts
            .Where(f => EffectivePeriod.Key(f).Length > 0)
            .GroupBy(FigureKey.Of);
        foreach (var group in grouped.OrderBy(g => g.Key.Subject, StringComparer.Ordinal).ThenBy(g => g.Key.Indicator, StringComparer.Ordinal)
                     .ThenBy(g => g.Key.Period, StringComparer.Ordinal))
        {
            var list = group.OrderBy(f => f.Doc, StringComparer.Ordinal).ThenBy(f => f.Start).ToList();
            long count = 0;
            for (int i = 0; i < list.Count; i++)
            {
                for (int j = i + 1; j < list.Count; j++)
                {
                    if (Pair(list[i], list[j], tolerance, withinDocuments))
                    {
                        count++;
                    }
                }
            }

            if (count > 0)
            {
                groups.Add(list);
                counts.Add(count);
            }
        }

        return new ConflictSet(groups, counts, tolerance, withinDocuments);
    }

    /// <summary>At most <paramref name="limit"/> conflicts after the first <paramref name="offset"/>.</summary>
    public IReadOnlyList<Conflict> Page(long offset, int limit)
    {
        var page = new List<Conflict>();
        long skip = Math.Max(0, offset);
        for (int g = 0; g < _groups.Count && page.Count < limit; g++)
        {
            if (skip >= _counts[g])
            {
                skip -= _counts[g]; // the whole group lies before the page
                continue;
            }

            var list = _groups[g];
            for (int i = 0; i < list.Count && page.Count < limit; i++)
            {
                for (int j = i + 1; j < list.Count && page.Count < limit; j++)
                {
                    if (!Pair(list[i], list[j], _tolerance, _withinDocuments))
                    {
                        continue;
                    }

                    if (skip > 0)
                    {
                        skip--;
                        continue;
                    }

                    double a = list[i].Fact.Value, b = list[j].Fact.Value;
                    page.Add(new Conflict(list[i], list[j], Math.Abs(a - b) / Math.Max(Math.Abs(a), Math.Abs(b))));
                }
            }
        }

        return page;
    }

    private static bool Pair(FactRow a, FactRow b, double tolerance, bool withinDocuments) =>
        (withinDocuments || a.Doc != b.Doc) && Conflicts.Disagree(a, b, tolerance);
}

/// <summary>
/// What makes two statements the same figure, so that their values may disagree: the same subject, scope, indicator,
/// kind, period (a figure without one: its document's date), unit, status and basis. A target and an actual, or a
/// year-on-year and a month-on-month growth, are different figures however far apart their values are.
/// </summary>
public sealed record FigureKey(string Subject, string? Scope, string Indicator, FactKind Kind, string Period, Unit Unit, FactStatus Status, GrowthBasis? Basis)
{
    public static FigureKey Of(FactRow row)
    {
        var f = row.Fact;
        return new(f.Subject, f.Scope, f.Indicator, f.Kind, EffectivePeriod.Key(row), f.Unit, f.Status, f.Basis);
    }
}
