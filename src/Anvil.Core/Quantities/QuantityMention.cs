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
}

/// <summary>
/// A resolved quantity: "超2800家" → value 2800, unit count, qualifier gt. <see cref="Span"/> covers
/// the qualifier, the number and the unit as written; <see cref="Value"/> is in base units.
/// </summary>
public sealed record QuantityMention(TextSpan Span, double Value, string Unit, string UnitText, Qualifier Qualifier)
{
    /// <summary>The number part alone (no qualifier, no unit).</summary>
    public TextSpan NumberSpan { get; init; }

    /// <summary>True for percentages (35%, 百分之三十五, 七成).</summary>
    public bool IsPercent => Unit == "percent";

    /// <summary>True for multiples (1.5倍, 翻番) whose value is already a percent change.</summary>
    public bool IsMultiple { get; init; }
}
