using Anvil.Core.Display;
using Anvil.Core.Facts;
using Anvil.Core.Quantities;
using Anvil.Store.Records;

namespace Anvil.Web.Html;

/// <summary>
/// A figure as analysts write it (3.68万亿元, ≈3600亿元, &gt;254万家, ≈+35%), through Core's <see cref="FigureFormatter"/>, as
/// every renderer for people does. The JSON API keeps value, unit and qualifier in base units.
/// </summary>
internal static class Figures
{
    public static string Format(FactRow fact) => Format(fact.Fact);

    public static string Format(Fact fact) => FigureFormatter.Default.Format(FigureParts.Of(fact));

    public static string Format(double value, Unit unit, Qualifier qualifier, double? high = null) =>
        FigureFormatter.Default.Format(new FigureParts(FactKind.Value, value, high, unit.Code ?? "", null, qualifier));

    public static string Format(string kind, double value, string unit, string? unitText, string qualifier) =>
        FigureFormatter.Default.Format(FigureParts.FromSpecNames(kind, value, null, unit, unitText, qualifier));

    /// <summary>An axis tick: the value alone in the series' unit, with no hedge and no sign of a change (0 is written 0).</summary>
    public static string Tick(double value, string unit, string? unitText) =>
        FigureFormatter.Default.Format(FigureParts.FromSpecNames("value", value, null, unit, unitText, "eq"));
}
