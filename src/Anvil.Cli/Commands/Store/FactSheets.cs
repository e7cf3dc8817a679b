using Anvil.Cli.Commands.Store.Output;
using Anvil.Store.Records;

namespace Anvil.Cli.Commands.Store;

/// <summary>How facts are laid out: every field for machines, a readable selection for people.</summary>
internal static class FactSheets
{
    public static ResultSheet Facts(string name, IReadOnlyList<FactRow> facts, OutputFormat format) =>
        format == OutputFormat.Table
            ? ResultSheet.From(name, "fact", facts,
                ("subject", f => Cell.Of(f.Subject)),
                ("scope", f => Cell.Of(f.Scope)),
                ("indicator", f => Cell.Of(f.Indicator)),
                ("kind", f => Cell.Of(f.Kind)),
                ("value", f => Cell.Of(Anvil.Analytics.FigureText.Format(f.Value, f.Unit, f.Qualifier))),
                ("period", f => Cell.Of(f.Period)),
                ("source", f => Cell.Of(f.Source)),
                ("doc", f => Cell.Of(f.Doc)),
                ("quote", f => Cell.Of(f.Quote)))
            : ResultSheet.From(name, "fact", facts, MachineColumns());

    /// <summary>Every field of a fact, named as in the extraction spec, plus the document's title and date.</summary>
    public static (string, Func<FactRow, Cell>)[] MachineColumns() =>
    [
        ("subject", f => Cell.Of(f.Subject)),
        ("scope", f => Cell.Of(f.Scope)),
        ("indicator", f => Cell.Of(f.Indicator)),
        ("kind", f => Cell.Of(f.Kind)),
        ("value", f => Cell.Of(f.Value)),
        ("unit", f => Cell.Of(f.Unit)),
        ("unit_text", f => Cell.Of(f.UnitText)),
        ("qualifier", f => Cell.Of(f.Qualifier)),
        ("period", f => Cell.Of(f.Period)),
        ("source", f => Cell.Of(f.Source)),
        ("doc", f => Cell.Of(f.Doc)),
        ("title", f => Cell.Of(f.Title)),
        ("date", f => Cell.Of(f.Date)),
        ("span_start", f => Cell.Of(f.Start)),
        ("span_end", f => Cell.Of(f.End)),
        ("quote", f => Cell.Of(f.Quote)),
    ];
}
