using Anvil.Core.Quantities;

namespace Anvil.Core.Facts;

/// <summary>What kind of statement a figure makes (the spec's <c>kind</c>).</summary>
public enum FactKind
{
    /// <summary>An amount or a count: 3600亿元, 2800家.</summary>
    Value,

    /// <summary>A percent change: 增长35%, 下降2% (= -2).</summary>
    Growth,

    /// <summary>An absolute change: 增加1200亿元, 加快2.3个百分点.</summary>
    Delta,

    /// <summary>A part of a whole: 占全国1/10, 七成.</summary>
    Share,

    /// <summary>A position: 首位 = 1, 第三 = 3.</summary>
    Rank,
}

/// <summary>Whether a figure is what happened, a goal someone set, or an expectation (the spec's <c>status</c>).</summary>
public enum FactStatus
{
    Actual,

    /// <summary>力争, 目标, 计划: a goal.</summary>
    Target,

    /// <summary>预计, 有望, 将: an expectation.</summary>
    Forecast,
}

/// <summary>What a growth or a change is measured against (the spec's <c>basis</c>).</summary>
public enum GrowthBasis
{
    /// <summary>Year on year: 同比, 按年, 比上年.</summary>
    Yoy,

    /// <summary>Month on month: 环比, 按月.</summary>
    Mom,

    /// <summary>Quarter on quarter: 比上季, 按季.</summary>
    Qoq,
}

/// <summary>
/// The unit of a figure in base form, as the spec names it: <c>CNY</c>, <c>HKD</c>, <c>count</c>, <c>percent</c>,
/// <c>pp</c>, <c>rank</c>, <c>W</c>, <c>kWh</c>, <c>m2</c>… The set is open (any SI-like name), so a unit is its code,
/// typed so that it is never confused with the other strings of a fact.
/// </summary>
public readonly record struct Unit(string Code)
{
    public static readonly Unit Count = new("count");
    public static readonly Unit Percent = new("percent");
    public static readonly Unit PercentagePoint = new("pp");
    public static readonly Unit Rank = new("rank");
    public static readonly Unit Cny = new("CNY");

    /// <summary>A three-letter currency code (CNY, HKD, USD, TWD, EUR…).</summary>
    public bool IsCurrency => Code is { Length: 3 } c && char.IsAsciiLetterUpper(c[0]) && char.IsAsciiLetterUpper(c[1]) && char.IsAsciiLetterUpper(c[2]);

    public override string ToString() => Code ?? "";
}

/// <summary>
/// One stated figure: about what (subject, scope), which measure (indicator), what kind of statement, its value in base
/// units, its unit and hedge, when it holds and who says so. The same record travels from extraction through the
/// knowledge base to the dashboard; records that add where it was stated (<see cref="Output.FactRecord"/>, the store's
/// rows) hold one of these. Spec names (<c>"growth"</c>, <c>"approx"</c>) exist only at the edges: <see cref="FactNames"/>.
/// </summary>
public sealed record Fact
{
    /// <summary>The canonical (Simplified) name of the place, company or body the figure is about.</summary>
    public required string Subject { get; init; }

    /// <summary>The sector or group the figure is restricted to (人工智能, 民营企业), or null.</summary>
    public string? Scope { get; init; }

    /// <summary>The measure, canonical: one name whatever the text calls it (经济总量 → 地区生产总值).</summary>
    public required string Indicator { get; init; }

    /// <summary>The measure as the text writes it (Simplified) when that differs from <see cref="Indicator"/>.</summary>
    public string? IndicatorText { get; init; }

    public required FactKind Kind { get; init; }

    /// <summary>The value in base units (3600亿元 → 3.6e11; 35% → 35); for a range, its low end.</summary>
    public required double Value { get; init; }

    /// <summary>The high end of a range (<see cref="Qualifier.Range"/>), else null.</summary>
    public double? ValueHigh { get; init; }

    public required Unit Unit { get; init; }

    /// <summary>The unit as written (億元, 萬家), or null.</summary>
    public string? UnitText { get; init; }

    public required Qualifier Qualifier { get; init; }

    /// <summary><c>YYYY</c>, <c>YYYY-MM</c>, <c>YYYY-Qn</c>, <c>YYYY-H1</c>, <c>YYYY-MM-DD</c> or <c>YYYY-MM/YYYY-MM</c>; null when the text gives none.</summary>
    public string? Period { get; init; }

    /// <summary>The body the text attributes the figure to, or null.</summary>
    public string? Source { get; init; }

    public FactStatus Status { get; init; }

    public GrowthBasis? Basis { get; init; }
}
