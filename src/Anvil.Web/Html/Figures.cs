using Anvil.Analytics;
using Anvil.Store.Records;

namespace Anvil.Web.Html;

/// <summary>
/// A figure as people read it, exactly as the CLI's tables write it (<see cref="FigureText"/>).
/// </summary>
internal static class Figures
{
    public static string Format(FactRow fact) => Format(fact.Value, fact.Unit, fact.Qualifier);

    public static string Format(double value, string unit, string qualifier) => FigureText.Format(value, unit, qualifier);

    public static string Large(double value) => FigureText.Large(value);

    public static string Number(double value) => FigureText.Number(value);
}
