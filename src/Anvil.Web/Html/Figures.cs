using Anvil.Analytics;
using Anvil.Core.Display;
using Anvil.Core.Facts;
using Anvil.Core.Quantities;
using Anvil.Store.Records;

namespace Anvil.Web.Html;

/// <summary>
/// A figure as analysts write it, exactly as the CLI's tables write it (Core's <see cref="FigureFormatter"/>: 3.68万亿元,
/// ≈+35%, &gt;254万家, 第3), and how a summary's figure was chosen, with the range of the values stated in the same form.
/// </summary>
internal static class Figures
{
    public static string Format(FactRow fact) => Format(fact.Fact);

    public static string Format(Fact fact) => FigureFormatter.Default.Format(fact);

    /// <summary>A figure from the spec's names, as a series keeps them (<c>growth</c>, <c>approx</c>).</summary>
    public static string Format(string kind, double value, double? valueHigh, string unit, string? unitText, string qualifier) =>
        FigureFormatter.Default.Format(FigureParts.FromSpecNames(kind, value, valueHigh, unit, unitText, qualifier));

    /// <summary>Another value (or range) of a figure like this one: the same kind, unit and classifier.</summary>
    public static string Format(Fact like, double value, Qualifier qualifier, double? high = null) => SummaryText.Like(like, value, qualifier, high);

    /// <summary><c>3 of 5 documents · 3200～3600亿元 · conflict</c>, <c>latest of 4 documents</c>, <c>2 documents</c> when all agree.</summary>
    public static string Describe(FigureSummary s) => SummaryText.Describe(s);

    /// <summary>An axis tick: the value alone in the series' unit, with no hedge and no sign of a change (0 is written 0).</summary>
    public static string Tick(double value, string unit, string? unitText) =>
        FigureFormatter.Default.Format(FigureParts.FromSpecNames("value", value, null, unit, unitText, "eq"));
}
