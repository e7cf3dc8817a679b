using Anvil.Store.Periods;
using Anvil.Store.Records;

namespace Anvil.Analytics;

/// <summary>
/// When a fact holds: its period, or for a figure stated without one (目前, 现在) the date of its document, which
/// the spec says it belongs to. Facts with neither have no time and sort last.
/// </summary>
public static class EffectivePeriod
{
    /// <summary>The period's days, or the document's date, or null.</summary>
    public static PeriodRange? Of(FactRow fact) =>
        PeriodRange.TryParse(fact.Fact.Period, out var range) ? range
        : fact.Fact.Period is null && PeriodRange.TryParse(fact.Date, out var day) ? day
        : null;

    /// <summary>The period as written, or <c>2025-02-07 (current)</c> for a figure of its document's date, or <c>—</c>.</summary>
    public static string Label(FactRow fact) =>
        fact.Fact.Period ?? (fact.Date is { } date ? date + " (current)" : "—");

    /// <summary>Latest first: by the period's end, then its start; facts without a time last.</summary>
    public static int CompareLatestFirst(PeriodRange? a, PeriodRange? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        ({ } x, { } y) => x.End != y.End ? y.End.CompareTo(x.End) : y.Start.CompareTo(x.Start),
    };

    internal static string Key(FactRow fact) =>
        fact.Fact.Period ?? fact.Date ?? string.Empty;
}
