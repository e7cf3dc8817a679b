using Anvil.Core.Documents;

namespace Anvil.Core.Quantities;

/// <summary>How a figure is hedged in the text (the spec's <c>qualifier</c>).</summary>
public enum Qualifier
{
    Eq,
    Approx,
    Gt,
    Ge,
    Lt,
    Le,

    /// <summary>A range written with 至, 到, - or ~ (3%-5%, 1万-5万元): <see cref="QuantityMention.Value"/> is the low end, <see cref="QuantityMention.ValueHigh"/> the high end.</summary>
    Range,
}

/// <summary>
/// A resolved quantity: "超2800家" → value 2800, unit count, qualifier gt. <see cref="Span"/> covers
/// the qualifier, the number and the unit as written; <see cref="Value"/> is in base units.
/// </summary>
/// <remarks>
/// <see cref="Unit"/> is one of the spec's units (<c>CNY, USD, HKD, TWD, EUR, JPY, count, percent, pp,
/// rank, year, month, day, W, kWh, tonne, m2, km2, jin</c>…), <c>point</c> for index points (报22459点),
/// <c>bp</c> for basis points, or the empty string when the text writes a number with a magnitude but no
/// unit (超过254万, 暂破2千亿): the fact extractor decides from the indicator. Ranks are quantities with
/// unit <c>rank</c> (首位 and 第一 → 1, 第十 → 10; 前七 → 7 with qualifier <see cref="Qualifier.Le"/>).
/// Multiples carry their percent change (1.5倍 → 150, 翻番 → 100) with <see cref="IsMultiple"/>.
/// Spans are half-open; the recogniser reports them in match-view coordinates and
/// <see cref="QuantityComponent"/> maps them to the original text.
/// </remarks>
public sealed record QuantityMention(TextSpan Span, double Value, string Unit, string UnitText, Qualifier Qualifier)
{
    /// <summary>
    /// The high end of a range (<see cref="Qualifier.Range"/>): 5 in 3%-5%, 3e11 in 两到三千亿元 (whose
    /// <see cref="Value"/> is 2e11: the magnitude written once is shared). Null for anything else.
    /// </summary>
    public double? ValueHigh { get; init; }

    /// <summary>The number part alone (no qualifier, no unit): 3600 in 超3600亿元, 三千六百 in 三千六百家; both numbers of a range.</summary>
    public TextSpan NumberSpan { get; init; }

    /// <summary>
    /// The unit as written, with the magnitude word that scales it: 億元 in 3600億元, 萬家 in 5.11萬家,
    /// 个百分点, 百分之 (written before the number). Empty for ranks written as 第N. For a number that
    /// borrows the unit of the next one (0.7和0.4个百分点) it is that later unit, outside <see cref="Span"/>.
    /// </summary>
    public TextSpan UnitSpan { get; init; }

    /// <summary>True for percentages (35%, 百分之三十五, 七成).</summary>
    public bool IsPercent => Unit == "percent";

    /// <summary>True for multiples (1.5倍, 翻番) whose value is already a percent change.</summary>
    public bool IsMultiple { get; init; }

    /// <summary>A fraction (1/10, 三分之一) given as a percent: 1/10 → 10.</summary>
    public bool IsFraction { get; init; }

    /// <summary>An ordinal with a classifier (第500万辆 → 5e6 count): the n-th item, not n items.</summary>
    public bool IsOrdinal { get; init; }

    /// <summary>
    /// The currency is the bare 元 (or 块), read as CNY; in a Hong Kong, Macau or Taiwan document it is the
    /// local dollar (HKD, MOP, TWD). False when the text names the currency (人民币, 港元, 美元).
    /// </summary>
    public bool IsCurrencyAssumed { get; init; }

    /// <summary>The unit came from a later number joined by 和/、/至 (0.7和0.4个百分点, 3至5年).</summary>
    public bool IsUnitBorrowed { get; init; }
}
