using Anvil.Analytics;
using Anvil.Core.Facts;
using Anvil.Core.Quantities;
using Anvil.Store.Records;

namespace Anvil.Web.Html;

/// <summary>
/// A figure as people read it, exactly as the CLI's tables write it (<see cref="FigureText"/>).
/// </summary>
internal static class Figures
{
    public static string Format(FactRow fact) => FigureText.Format(fact.Fact);

    public static string Format(double value, Unit unit, Qualifier qualifier, double? high = null) => FigureText.Format(value, unit, qualifier, high);

    public static string Large(double value) => FigureText.Large(value);

    public static string Number(double value) => FigureText.Number(value);
}
