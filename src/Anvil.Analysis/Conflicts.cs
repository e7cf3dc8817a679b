using Anvil.Store.Records;

namespace Anvil.Analytics;

/// <summary>Two statements of the same figure whose values cannot both be true; <see cref="Gap"/> is how far apart they are (0.125 = 12.5%).</summary>
public sealed record Conflict(FactRow First, FactRow Second, double Gap);

/// <summary>
/// Finds figures stated with values that disagree beyond what their qualifiers allow. Each value stands for a range:
/// <c>eq</c> the value itself, <c>approx</c> the value ± a tolerance, <c>gt</c>/<c>ge</c> the value or more,
/// <c>lt</c>/<c>le</c> the value or less (a boundary is not a conflict: 超3000 against 3000 is rounding). Two statements
/// conflict when their ranges do not meet. 超2800 against 3000 is no conflict; 3600亿 against 3200亿 is.
/// </summary>
public static class Conflicts
{
    /// <summary>The tolerance of <c>approx</c> (约, 近, 左右) unless the caller gives another: 10%.</summary>
    public const double DefaultTolerance = 0.10;

    /// <summary>
    /// Pairs of facts with the same subject, scope, indicator, kind, period and unit whose ranges do not meet.
    /// A figure without a period counts for its document's date; one with neither is left out. Two figures of one
    /// document count only with <paramref name="withinDocuments"/>: a text that gives one figure two values is nearly
    /// always giving two measures extraction could not tell apart (环比 and 同比 growth), not disagreeing with itself.
    /// </summary>
    public static IReadOnlyList<Conflict> Find(IEnumerable<FactRow> facts, double tolerance = DefaultTolerance, bool withinDocuments = false)
    {
        var conflicts = new List<Conflict>();
        var groups = facts
            .Where(f => EffectivePeriod.Key(f).Length > 0)
            .GroupBy(f => (f.Subject, f.Scope, f.Indicator, f.Kind, Period: EffectivePeriod.Key(f), f.Unit));
        foreach (var group in groups.OrderBy(g => g.Key.Subject, StringComparer.Ordinal).ThenBy(g => g.Key.Indicator, StringComparer.Ordinal)
                     .ThenBy(g => g.Key.Period, StringComparer.Ordinal))
        {
            var list = group.OrderBy(f => f.Doc, StringComparer.Ordinal).ThenBy(f => f.Start).ToList();
            for (int i = 0; i < list.Count; i++)
            {
                for (int j = i + 1; j < list.Count; j++)
                {
                    if ((withinDocuments || list[i].Doc != list[j].Doc) && Disagree(list[i], list[j], tolerance))
                    {
                        double a = list[i].Value, b = list[j].Value;
                        conflicts.Add(new Conflict(list[i], list[j], Math.Abs(a - b) / Math.Max(Math.Abs(a), Math.Abs(b))));
                    }
                }
            }
        }

        return conflicts;
    }

    /// <summary>True when the two statements' ranges do not meet.</summary>
    public static bool Disagree(FactRow a, FactRow b, double tolerance = DefaultTolerance)
    {
        var (aLow, aHigh) = Range(a.Value, a.Qualifier, tolerance);
        var (bLow, bHigh) = Range(b.Value, b.Qualifier, tolerance);
        double slack = 1e-9 * Math.Max(1, Math.Max(Math.Abs(a.Value), Math.Abs(b.Value)));
        return aHigh < bLow - slack || bHigh < aLow - slack;
    }

    /// <summary>The values a statement allows.</summary>
    public static (double Low, double High) Range(double value, string qualifier, double tolerance = DefaultTolerance) => qualifier switch
    {
        "approx" => (value - (Math.Abs(value) * tolerance), value + (Math.Abs(value) * tolerance)),
        "gt" or "ge" => (value, double.PositiveInfinity),
        "lt" or "le" => (double.NegativeInfinity, value),
        _ => (value, value),
    };
}
