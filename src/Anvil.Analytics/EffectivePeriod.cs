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
    public static PeriodRange? Of(FactRow fact) => Of(fact.Fact.Period, fact.Date);

    /// <summary>The period's days, or for a current figure its date, or null.</summary>
    public static PeriodRange? Of(FigureSummary summary) => Of(summary.Fact.Period, summary.Date);

    private static PeriodRange? Of(string? period, string? date) =>
        PeriodRange.TryParse(period, out var range) ? range
        : period is null && PeriodRange.TryParse(date, out var day) ? day
        : null;

    /// <summary>The period as written, or <c>2025-02-07 (current)</c> for a figure of its document's date, or <c>—</c>.</summary>
    public static string Label(FactRow fact) => Label(fact.Fact.Period, fact.Date);

    public static string Label(FigureSummary summary) => Label(summary.Fact.Period, summary.Date);

    private static string Label(string? period, string? date) => period ?? (date is { } d ? d + " (current)" : "—");

    /// <summary>Latest first: by the period's end, then its start; facts without a time last.</summary>
    public static int CompareLatestFirst(PeriodRange? a, PeriodRange? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        ({ } x, { } y) => x.End != y.End ? y.End.CompareTo(x.End) : y.Start.CompareTo(x.Start),
    };

    /// <summary>Oldest first: by the period's end, then its start; facts without a time last.</summary>
    public static int CompareOldestFirst(PeriodRange? a, PeriodRange? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => 1,
        (_, null) => -1,
        ({ } x, { } y) => x.End != y.End ? x.End.CompareTo(y.End) : x.Start.CompareTo(y.Start),
    };
}
