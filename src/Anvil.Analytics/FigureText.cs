using System.Globalization;
using Anvil.Core.Facts;
using Anvil.Core.Quantities;
using Anvil.Store.Records;

namespace Anvil.Analytics;

/// <summary>
/// A figure as people read it, for every renderer (CLI tables, web pages): the qualifier as a sign, large
/// amounts in 万 and 亿 as Chinese reporting writes them, then the unit. <c>≈3600亿 CNY</c>, <c>&gt;254万</c>,
/// <c>35%</c>, <c>+2.3 pp</c>, <c>#1</c>, a range <c>3000–3500亿 CNY</c>. Machine formats carry the raw value, unit and
/// qualifier instead.
/// </summary>
public static class FigureText
{
    public static string Format(Fact fact) => Format(fact.Value, fact.Unit, fact.Qualifier, fact.ValueHigh);

    /// <summary>
    /// How a summary's figure was chosen and what the others say, for people: <c>3 of 5 documents · 3200–3600亿 CNY ·
    /// conflict</c>, <c>latest of 4 documents · …</c>, <c>2 documents</c> when all agree.
    /// </summary>
    public static string Describe(FigureSummary s)
    {
        var parts = new List<string>
        {
            s.Choice switch
            {
                SummaryChoice.Agreed => Count(s.Documents, "document"),
                SummaryChoice.MostSources => $"{s.ChosenDocuments} of {Count(s.Documents, "document")}",
                _ => $"latest of {Count(s.Documents, "document")}",
            },
        };
        if (s.Values > 1)
        {
            parts.Add(Format(s.Low, s.Fact.Unit, Qualifier.Range, s.High));
        }

        if (s.Conflict)
        {
            parts.Add("conflict");
        }

        return string.Join(" · ", parts);
    }

    /// <summary>1 document, 3 documents.</summary>
    public static string Count(long n, string noun) => n.ToString("#,0", CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : noun + "s");

    public static string Format(double value, Unit unit, Qualifier qualifier, double? high = null)
    {
        var sign = qualifier switch
        {
            Qualifier.Approx => "≈",
            Qualifier.Gt => ">",
            Qualifier.Ge => "≥",
            Qualifier.Lt => "<",
            Qualifier.Le => "≤",
            _ => "",
        };
        bool range = qualifier == Qualifier.Range && high is not null;
        return unit.Code switch
        {
            "percent" => range ? $"{Number(value)}–{Number(high!.Value)}%" : $"{sign}{Number(value)}%",
            "pp" => range ? $"{Number(value)}–{Number(high!.Value)} pp" : $"{sign}{Number(value)} pp",
            "rank" => range ? $"#{Number(value)}–{Number(high!.Value)}" : $"{sign}#{Number(value)}",
            "count" => range ? LargeRange(value, high!.Value) : sign + Large(value),
            _ => $"{(range ? LargeRange(value, high!.Value) : sign + Large(value))} {unit.Code}",
        };
    }

    /// <summary>Both ends in the high end's magnitude: 3000–3500亿, 1–5万.</summary>
    private static string LargeRange(double low, double high)
    {
        double abs = Math.Max(Math.Abs(low), Math.Abs(high));
        double scale = abs >= 1e8 ? 1e8 : abs >= 1e4 ? 1e4 : 1;
        string suffix = scale == 1e8 ? "亿" : scale == 1e4 ? "万" : "";
        return $"{Number(low / scale)}–{Number(high / scale)}{suffix}";
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
