using Anvil.Core.Facts;
using Anvil.Core.Quantities;

namespace Anvil.Core.Display;

/// <summary>
/// What a renderer needs of a figure to write it for people: its kind, value (and high end of a range) in base units,
/// unit, the unit as the text wrote it (for a count's classifier) and its qualifier. Renderers that hold a
/// <see cref="Fact"/> take <see cref="Of(Fact)"/>; those that hold a stored row take <see cref="FromSpecNames"/>.
/// </summary>
public readonly record struct FigureParts(FactKind Kind, double Value, double? ValueHigh, string Unit, string? UnitText, Qualifier Qualifier)
{
    public static FigureParts Of(Fact fact) =>
        new(fact.Kind, fact.Value, fact.ValueHigh, fact.Unit.Code ?? "", fact.UnitText, fact.Qualifier);

    /// <summary>
    /// From the spec's names, as the store and the exports keep them (<c>growth</c>, <c>approx</c>). A name the spec does
    /// not have reads as the plain case (kind value, qualifier eq): a display never fails on a row.
    /// </summary>
    public static FigureParts FromSpecNames(string? kind, double value, double? valueHigh, string? unit, string? unitText, string? qualifier) =>
        new(FactNames.TryParseKind(kind, out var k) ? k : FactKind.Value,
            value,
            valueHigh,
            unit ?? "",
            unitText,
            FactNames.TryParseQualifier(qualifier, out var q) ? q : Qualifier.Eq);

    /// <summary>Growths and deltas state a change: they carry a sign (+35%, +2.3个百分点).</summary>
    public bool IsChange => Kind is FactKind.Growth or FactKind.Delta;
}
