using Anvil.Core.Quantities;

namespace Anvil.Core.Facts;

/// <summary>
/// The unit of a fact: the quantity's, except that a number with a magnitude but no unit is a count or (large, counting
/// nothing) money, a count per 每平方公里 is a density, and a bare 元 is the local dollar of a Hong Kong or Taiwan text
/// unless the figure is about a mainland place.
/// </summary>
internal static class FactUnits
{
    public static Unit Of(FactDocument doc, Figure figure, string indicator, string subject, int phraseStart)
    {
        var q = figure.Quantity;
        string unit = q.Unit.Length == 0 ? Unitless(doc, q, indicator) : q.Unit;
        if (unit == "count" && doc.Text.AsSpan(Math.Max(0, phraseStart), Math.Max(0, figure.View.Start - phraseStart)).Contains(doc.Data.Measures.Density, StringComparison.Ordinal))
        {
            unit = "count/km2";
        }

        bool assumed = (q.IsCurrencyAssumed && unit == "CNY") || (q.Unit.Length == 0 && unit == doc.LocalCurrency);
        // a share's trading price in a Hong Kong or Taiwan text is in its market's dollar: a declaration such as （美元，下同）
        // gives the currency of a results statement, not of the exchange the shares trade on
        bool tradedLocally = doc.LocalCurrency != "CNY" && indicator == doc.Data.Measures.SharePrice;
        if (assumed && !tradedLocally && doc.DeclaredCurrencyAt(figure.View.Start) is { } declared)
        {
            unit = declared;
        }
        else if (assumed && unit == "CNY" && doc.LocalCurrency != "CNY" && !doc.IsMainlandPlace(subject))
        {
            unit = doc.LocalCurrency;
        }

        return new Unit(unit);
    }

    /// <summary>A number with a magnitude but no unit (超過254萬, 7億搞智慧城市): a count, or money when it is large and counts nothing.</summary>
    private static string Unitless(FactDocument doc, QuantityMention q, string indicator) =>
        !KindClassifier.ContainsAny(indicator, doc.Data.Measures.UnitlessCount) && !doc.Data.Measures.CountEndings.Any(e => indicator.EndsWith(e, StringComparison.Ordinal))
        && q.Value >= 1e8 ? doc.LocalCurrency : "count";
}
