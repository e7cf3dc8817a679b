namespace Anvil.Core.Facts;

// What a figure's unit says about its measure: an area is an area, a count is never a sum of money, and a figure whose
// words name no measure is measured by its kind and unit.
internal partial class FigureResolver
{
    /// <summary>
    /// 两幅地皮合共约10万平方呎, 最大的一幅近30万平方呎: a unit that says what it measures (facts/measure-cues.tsv, unit-measure)
    /// names the measure whatever words stand before the figure; a thing they name (not a numeral's piece: 最大的一幅) is
    /// what it is the area of, other words (持有农地) say which area. Null when the unit says nothing, or the words already
    /// name that measure or another the reader knows.
    /// </summary>
    private (string? Scope, string Indicator, string? Written)? MeasuredByUnit(Quantities.QuantityMention q, string words)
    {
        if (!_cues.UnitMeasures.TryGetValue(q.Unit, out var measured) || words.Length == 0
            || words.EndsWith(measured, StringComparison.Ordinal) || IsKnownMeasure(words))
        {
            return null;
        }

        return _measures.IsThing(words) && _measures.ThingOrNone(words) is { } thing && !Entities.TextClasses.IsChineseNumeral(thing[0])
            ? (thing, measured, null)
            : (null, words + measured, words + measured);
    }

    /// <summary>The longest words read as a measure that are still only a verb of earning with a word of degree (大赚, 净赚).</summary>
    private const int MaxEarningWordLength = 2;

    /// <summary>上半年赚102亿, 去年多赚一倍: a verb of earning or losing in the words names the measure (facts/measure-cues.tsv).</summary>
    private string? MeasureEarned(string words)
    {
        foreach (var (verb, measure) in _cues.EarningVerbs)
        {
            if (words.Contains(verb, StringComparison.Ordinal))
            {
                return measure;
            }
        }

        return null;
    }

    /// <summary>A count measured by words that name a sum of money (45宗 + 研发开支): no measure of it, wherever the words stand.</summary>
    private bool CountOfMoney(FactKind kind, Quantities.QuantityMention q, string words) =>
        kind == FactKind.Value && q.Unit == "count" && _measures.NamesMoney(words);

    /// <summary>Whether one unit is money and the other a count (a count may have no unit): they cannot be one measure.</summary>
    private static bool MoneyAndCount(string unit, string other) =>
        (new Unit(unit).IsCurrency && other is "count" or "") || (new Unit(other).IsCurrency && unit is "count" or "");

    /// <summary>The measure of a figure whose words name none: by its kind, or for a value by its unit (an area: 面积).</summary>
    private string DefaultIndicator(FactKind kind, Unit unit) =>
        kind == FactKind.Value && _cues.UnitMeasures.TryGetValue(unit.Code, out var measured) ? measured : _cues.DefaultIndicators[kind switch
        {
            FactKind.Growth => "growth",
            FactKind.Share => "share",
            FactKind.Rank => "rank",
            _ => unit == Unit.Count ? "count" : "money",
        }];
}
