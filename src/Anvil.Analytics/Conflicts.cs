using Anvil.Core.Facts;
using Anvil.Core.Quantities;
using Anvil.Store.Records;

namespace Anvil.Analytics;

/// <summary>
/// Values of one figure that agree with each other: stated values whose allowed ranges chain together, with how many
/// documents and statements give them and one fact that does (its quote and source).
/// </summary>
public sealed record ValueCluster(double Low, double High, int Documents, int Statements, IReadOnlyList<StatedValue> Values, long FactId);

/// <summary>
/// A conflict: one figure (subject, scope, indicator, kind, unit, status, basis) in one period stated with values that cannot
/// all be true, as the clusters of values that do agree, most stated first; <see cref="ClustersTotal"/> counts them all.
/// </summary>
public sealed record ConflictGroup(FigureSummary Summary, IReadOnlyList<ValueCluster> Clusters, int ClustersTotal);

/// <summary>
/// When stated values disagree beyond what their qualifiers allow. Each value stands for a range: <c>eq</c> the value
/// itself, <c>approx</c> the value ± a tolerance, <c>gt</c>/<c>ge</c> the value or more, <c>lt</c>/<c>le</c> the value or less
/// (a boundary is not a conflict: 超3000 against 3000 is rounding), <c>range</c> its low to its high end. Values
/// conflict when their ranges do not meet. 超2800 against 3000 is no conflict; 3600亿 against 3200亿 is. The store finds
/// the figures whose values conflict (<see cref="Anvil.Store.IKnowledgeStore.ConflictGroups"/>); this groups their values.
/// </summary>
public static class Conflicts
{
    /// <summary>The tolerance of <c>approx</c> (约, 近, 左右) unless the caller gives another: 10%.</summary>
    public const double DefaultTolerance = 0.10;

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

    /// <summary>
    /// The stated values (lowest first, as the store lists them) in clusters: a value joins the cluster before it when its
    /// range meets the ranges gathered so far. Most documents first, then lowest.
    /// </summary>
    public static IReadOnlyList<ValueCluster> Clusters(IReadOnlyList<StatedValue> values, double tolerance = DefaultTolerance)
    {
        var clusters = new List<List<StatedValue>>();
        double reach = double.NegativeInfinity;
        foreach (var v in values.OrderBy(v => Range(v.Value, v.ValueHigh, v.Qualifier, tolerance).Low))
        {
            var (low, high) = Range(v.Value, v.ValueHigh, v.Qualifier, tolerance);
            double slack = 1e-9 * Math.Max(1, Math.Abs(v.Value));
            if (clusters.Count == 0 || low > reach + slack)
            {
                clusters.Add([]);
                reach = high;
            }

            clusters[^1].Add(v);
            reach = Math.Max(reach, high);
        }

        return [.. clusters
            .Select(c => new ValueCluster(c.Min(v => v.Value), c.Max(v => v.ValueHigh ?? v.Value), c.Sum(v => v.Documents), c.Sum(v => v.Statements), c,
                c.OrderByDescending(v => v.Documents).ThenByDescending(v => v.FactId).First().FactId))
            .OrderByDescending(c => c.Documents).ThenBy(c => c.Low)];
    }
}
