using Anvil.Core.Facts;
using Anvil.Store.Periods;
using Anvil.Store.Records;

namespace Anvil.Analytics;

/// <summary>
/// What makes two subjects' figures comparable: the same indicator, scope, kind, period and unit, and the same status
/// and basis (a target never lines up with an actual, nor a year-on-year growth with a month-on-month one).
/// </summary>
public sealed record CompareKey(string Indicator, string? Scope, FactKind Kind, string? Period, Unit Unit, FactStatus Status = FactStatus.Actual,
    GrowthBasis? Basis = null)
{
    public static CompareKey Of(Fact f) => new(f.Indicator, f.Scope, f.Kind, f.Period, f.Unit, f.Status, f.Basis);
}

/// <summary>
/// One row of a comparison: per subject, the summary of what its documents state (<see cref="FigureSummary"/>: the figure
/// most agree on or the latest, how many state it, the range, a conflict flag). <see cref="Note"/> says why a row stands
/// apart (only one subject states it, or the others state it for another status, basis, scope, unit or period).
/// </summary>
public sealed record ComparisonRow(CompareKey Key, PeriodRange? Period, IReadOnlyDictionary<string, FigureSummary> Cells, string? Note);

/// <summary>Rows two or more subjects state (<see cref="Comparable"/>) and rows they do not (<see cref="Apart"/>), latest period first.</summary>
public sealed record Comparison(IReadOnlyList<string> Subjects, IReadOnlyList<ComparisonRow> Comparable, IReadOnlyList<ComparisonRow> Apart);

/// <summary>Lines up what several subjects (places, companies) state, indicator by indicator, from the store's summaries.</summary>
public static class Comparisons
{
    /// <summary>
    /// Aligns summaries by <see cref="CompareKey"/>. Figures stated without a period (目前, 现在) are current figures: they
    /// line up with each other, each subject's latest date counting. Rows are ordered latest period first, then by
    /// indicator, scope and kind.
    /// </summary>
    public static Comparison Compare(IReadOnlyList<(string Subject, IReadOnlyList<FigureSummary> Summaries)> subjects)
    {
        var rows = new Dictionary<CompareKey, Dictionary<string, FigureSummary>>();
        foreach (var (subject, summaries) in subjects)
        {
            foreach (var summary in summaries)
            {
                var key = CompareKey.Of(summary.Fact);
                if (!rows.TryGetValue(key, out var cells))
                {
                    rows[key] = cells = new Dictionary<string, FigureSummary>(StringComparer.Ordinal);
                }

                // several summaries of one subject in a row: current figures of several dates (the latest stands), or a
                // subject stated under two entities (the one stated by more documents stands)
                if (!cells.TryGetValue(subject, out var kept) || Better(summary, kept))
                {
                    cells[subject] = summary;
                }
            }
        }

        var all = rows.Select(r => (Key: r.Key, Cells: r.Value, Period: Latest(r.Value.Values))).ToList();
        var comparable = new List<ComparisonRow>();
        var apart = new List<ComparisonRow>();
        foreach (var (key, cells, period) in all)
        {
            if (cells.Count >= 2)
            {
                comparable.Add(new ComparisonRow(key, period, cells, null));
            }
            else
            {
                apart.Add(new ComparisonRow(key, period, cells, WhyApart(key, cells.Keys.First(), all.Select(a => (a.Key, (IReadOnlyCollection<string>)a.Cells.Keys)))));
            }
        }

        return new Comparison([.. subjects.Select(s => s.Subject)], Order(comparable), Order(apart));
    }

    private static bool Better(FigureSummary candidate, FigureSummary kept) =>
        string.CompareOrdinal(candidate.Date, kept.Date) is var c && c != 0 ? c > 0 : candidate.Documents > kept.Documents;

    /// <summary>The row's period, or for current figures the latest of their dates.</summary>
    private static PeriodRange? Latest(IEnumerable<FigureSummary> summaries)
    {
        PeriodRange? latest = null;
        foreach (var period in summaries.Select(EffectivePeriod.Of))
        {
            if (period is { } p && (latest is null || p.End > latest.Value.End))
            {
                latest = p;
            }
        }

        return latest;
    }

    private static List<ComparisonRow> Order(List<ComparisonRow> rows)
    {
        rows.Sort((a, b) =>
        {
            int c = EffectivePeriod.CompareLatestFirst(a.Period, b.Period);
            if (c == 0)
            {
                c = string.CompareOrdinal(a.Key.Indicator, b.Key.Indicator);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Key.Scope, b.Key.Scope);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Key.Kind.ToSpecName(), b.Key.Kind.ToSpecName());
            }

            if (c == 0)
            {
                c = a.Key.Status.CompareTo(b.Key.Status);
            }

            if (c == 0)
            {
                c = Nullable.Compare(a.Key.Basis, b.Key.Basis);
            }

            if (c == 0)
            {
                c = string.CompareOrdinal(a.Key.Period, b.Key.Period);
            }

            return c == 0 ? string.CompareOrdinal(a.Key.Unit.Code, b.Key.Unit.Code) : c;
        });
        return rows;
    }

    /// <summary>Why only one subject states this row: the nearest row of another subject differs in status, basis, scope, unit or period.</summary>
    private static string WhyApart(CompareKey key, string subject, IEnumerable<(CompareKey Key, IReadOnlyCollection<string> Subjects)> all)
    {
        var others = all.Where(r => r.Key.Indicator == key.Indicator && r.Key.Kind == key.Kind && r.Subjects.Any(s => s != subject)).Select(r => r.Key).ToList();
        if (others.Count > 0 && !others.Any(o => o.Status == key.Status && o.Basis == key.Basis))
        {
            return others.Any(o => o.Status == key.Status) ? "different basis" : "different status";
        }

        others.RemoveAll(o => o.Status != key.Status || o.Basis != key.Basis);
        if (others.Count == 0)
        {
            return $"only {subject}";
        }

        if (others.Any(o => o.Scope == key.Scope && o.Period == key.Period))
        {
            return "different unit";
        }

        if (others.Any(o => o.Scope == key.Scope))
        {
            return "different period";
        }

        return "different scope";
    }
}
