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
/// One row of a comparison: per subject, the facts that state it (several when several documents do).
/// <see cref="Note"/> says why a row stands apart (only one subject states it, or the others state it for another
/// scope, unit or period).
/// </summary>
public sealed record ComparisonRow(CompareKey Key, PeriodRange? Period, IReadOnlyDictionary<string, IReadOnlyList<FactRow>> Cells, string? Note);

/// <summary>Rows two or more subjects state (<see cref="Comparable"/>) and rows they do not (<see cref="Apart"/>), latest period first.</summary>
public sealed record Comparison(IReadOnlyList<string> Subjects, IReadOnlyList<ComparisonRow> Comparable, IReadOnlyList<ComparisonRow> Apart);

/// <summary>Lines up the facts of several subjects (places, companies) indicator by indicator.</summary>
public static class Comparisons
{
    /// <summary>
    /// Aligns facts by <see cref="CompareKey"/> (indicator, scope, kind, period, unit, status, basis). Figures stated without a period (目前, 现在) are current
    /// figures: they line up with each other, and sort by their documents' dates. Rows are ordered latest period
    /// first, then by indicator, scope and kind.
    /// </summary>
    public static Comparison Compare(IReadOnlyList<(string Subject, IReadOnlyList<FactRow> Facts)> subjects)
    {
        var rows = new Dictionary<CompareKey, Dictionary<string, List<FactRow>>>();
        foreach (var (subject, facts) in subjects)
        {
            foreach (var fact in facts)
            {
                var key = CompareKey.Of(fact.Fact);
                if (!rows.TryGetValue(key, out var cells))
                {
                    rows[key] = cells = new Dictionary<string, List<FactRow>>(StringComparer.Ordinal);
                }

                if (!cells.TryGetValue(subject, out var list))
                {
                    cells[subject] = list = [];
                }

                if (!list.Any(f => f.Id == fact.Id))
                {
                    list.Add(fact);
                }
            }
        }

        var all = rows.Select(r => (Key: r.Key, Cells: r.Value, Period: Latest(r.Value.Values.SelectMany(f => f)))).ToList();
        var comparable = new List<ComparisonRow>();
        var apart = new List<ComparisonRow>();
        foreach (var (key, cells, period) in all)
        {
            var readOnly = cells.ToDictionary(c => c.Key, c => (IReadOnlyList<FactRow>)c.Value, StringComparer.Ordinal);
            if (cells.Count >= 2)
            {
                comparable.Add(new ComparisonRow(key, period, readOnly, null));
            }
            else
            {
                apart.Add(new ComparisonRow(key, period, readOnly, WhyApart(key, cells.Keys.First(), all.Select(a => (a.Key, (IReadOnlyCollection<string>)a.Cells.Keys)))));
            }
        }

        return new Comparison([.. subjects.Select(s => s.Subject)], Order(comparable), Order(apart));
    }

    /// <summary>The row's period, or for current figures the latest of their documents' dates.</summary>
    private static PeriodRange? Latest(IEnumerable<FactRow> facts)
    {
        PeriodRange? latest = null;
        foreach (var period in facts.Select(EffectivePeriod.Of))
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
