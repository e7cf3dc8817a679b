using System.Globalization;

namespace Anvil.Analytics;

/// <summary>
/// A figure as people read it, for every renderer (CLI tables, web pages): the qualifier as a sign, large
/// amounts in 万 and 亿 as Chinese reporting writes them, then the unit. <c>≈3600亿 CNY</c>, <c>&gt;254万</c>,
/// <c>35%</c>, <c>+2.3 pp</c>, <c>#1</c>. Machine formats carry the raw value, unit and qualifier instead.
/// </summary>
public static class FigureText
{
    public static string Format(double value, string unit, string qualifier)
    {
        var sign = qualifier switch
        {
            "approx" => "≈",
            "gt" => ">",
            "ge" => "≥",
            "lt" => "<",
            "le" => "≤",
            _ => "",
        };
        return unit switch
        {
            "percent" => $"{sign}{Number(value)}%",
            "pp" => $"{sign}{Number(value)} pp",
            "rank" => $"{sign}#{Number(value)}",
            "count" => sign + Large(value),
            _ => $"{sign}{Large(value)} {unit}",
        };
    }

    /// <summary>1.2亿, 254万, 3600亿, 9500; below 10,000 as is.</summary>
    public static string Large(double value)
    {
        double abs = Math.Abs(value);
        return abs >= 1e8 ? Number(value / 1e8) + "亿"
            : abs >= 1e4 ? Number(value / 1e4) + "万"
            : Number(value);
    }

    public static string Number(double value) =>
        Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture);
}
