using Anvil.Core.Display;
using Anvil.Store.Records;

namespace Anvil.Web.Html;

/// <summary>
/// A figure as analysts write it (3.68万亿元, ≈3600亿元, &gt;254万家, ≈+35%), through Core's <see cref="FigureFormatter"/>, as
/// every renderer for people does. The JSON API keeps value, unit and qualifier in base units.
/// </summary>
internal static class Figures
{
    public static string Format(FactRow fact) => Format(fact.Kind, fact.Value, fact.Unit, fact.UnitText, fact.Qualifier);

    public static string Format(string kind, double value, string unit, string? unitText, string qualifier) =>
        FigureFormatter.Default.Format(FigureParts.FromSpecNames(kind, value, null, unit, unitText, qualifier));

    /// <summary>An axis tick: the value alone in the series' unit, with no hedge and no sign of a change (0 is written 0).</summary>
    public static string Tick(double value, string unit, string? unitText) =>
        FigureFormatter.Default.Format(FigureParts.FromSpecNames("value", value, null, unit, unitText, "eq"));
}
