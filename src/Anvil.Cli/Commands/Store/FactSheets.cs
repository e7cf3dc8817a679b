using Anvil.Analytics;
using Anvil.Cli.Commands.Store.Output;
using Anvil.Core.Facts;
using Anvil.Store.Records;

namespace Anvil.Cli.Commands.Store;

/// <summary>How facts are laid out: every field for machines, a readable selection for people.</summary>
internal static class FactSheets
{
    public static ResultSheet Facts(string name, IReadOnlyList<FactRow> facts, OutputFormat format) =>
        format == OutputFormat.Table
            ? ResultSheet.From(name, "fact", facts,
                ("subject", f => Cell.Of(f.Fact.Subject)),
                ("scope", f => Cell.Of(f.Fact.Scope)),
                ("indicator", f => Cell.Of(f.Fact.Indicator)),
                ("kind", f => Cell.Of(f.Fact.Kind.ToSpecName())),
                ("value", f => Cell.Of(PeopleFigures.Format(f.Fact))),
                ("period", f => Cell.Of(f.Fact.Period)),
                ("status", f => Cell.Of(f.Fact.Status == FactStatus.Actual ? null : f.Fact.Status.ToSpecName())),
                ("basis", f => Cell.Of(f.Fact.Basis?.ToSpecName())),
                ("source", f => Cell.Of(f.Fact.Source)),
                ("doc", f => Cell.Of(f.Doc)),
                ("quote", f => Cell.Of(f.Quote)))
            : ResultSheet.From(name, "fact", facts, MachineColumns());

    /// <summary>
    /// Every field of a fact, named as in the extraction spec, plus the document's title and date; the fields added with the
    /// typed fact (indicator_text, value_high, status, basis) come last, so earlier columns keep their places.
    /// </summary>
    public static (string, Func<FactRow, Cell>)[] MachineColumns() =>
    [
        ("subject", f => Cell.Of(f.Fact.Subject)),
        ("scope", f => Cell.Of(f.Fact.Scope)),
        ("indicator", f => Cell.Of(f.Fact.Indicator)),
        ("kind", f => Cell.Of(f.Fact.Kind.ToSpecName())),
        ("value", f => Cell.Of(f.Fact.Value)),
        ("unit", f => Cell.Of(f.Fact.Unit.Code)),
        ("unit_text", f => Cell.Of(f.Fact.UnitText)),
        ("qualifier", f => Cell.Of(f.Fact.Qualifier.ToSpecName())),
        ("period", f => Cell.Of(f.Fact.Period)),
        ("source", f => Cell.Of(f.Fact.Source)),
        ("doc", f => Cell.Of(f.Doc)),
        ("title", f => Cell.Of(f.Title)),
        ("date", f => Cell.Of(f.Date)),
        ("span_start", f => Cell.Of(f.Start)),
        ("span_end", f => Cell.Of(f.End)),
        ("quote", f => Cell.Of(f.Quote)),
        ("indicator_text", f => Cell.Of(f.Fact.IndicatorText)),
        ("value_high", f => f.Fact.ValueHigh is { } high ? Cell.Of(high) : Cell.Of((string?)null)),
        ("status", f => Cell.Of(f.Fact.Status.ToSpecName())),
        ("basis", f => Cell.Of(f.Fact.Basis?.ToSpecName())),
    ];
}
