using System.ComponentModel;
using System.Globalization;
using Anvil.Analytics;
using Anvil.Cli.Commands.Store.Output;
using Anvil.Core.Facts;
using Anvil.Store.Records;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Store;

internal sealed class ConflictsSettings : QuerySettings
{
    [CommandOption("--subject <NAME>")]
    [Description("Only figures about this place, company or body")]
    public string? Subject { get; init; }

    [CommandOption("--indicator <INDICATOR>")]
    [Description("Only this indicator")]
    public string? Indicator { get; init; }

    [CommandOption("--within-documents")]
    [Description("Also pairs of figures from one document (usually two measures extraction could not tell apart)")]
    public bool WithinDocuments { get; init; }

    [CommandOption("--tolerance <PERCENT>")]
    [Description("How far an approximate figure (约, 近, 左右) may be off, in percent (default 10)")]
    [DefaultValue(10.0)]
    public double Tolerance { get; init; } = 10;

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        return Tolerance is >= 0 and <= 100
            ? ValidationResult.Success()
            : ValidationResult.Error($"E0511: --tolerance must be a percentage between 0 and 100, not {Tolerance.ToString(CultureInfo.InvariantCulture)}");
    }
}

/// <summary>
/// <c>anvil conflicts</c>: the same subject, scope, indicator, kind, period and unit stated by different documents with
/// values that disagree beyond what their qualifiers allow, with both quotes.
/// </summary>
internal sealed class ConflictsCommand : StoreCommand<ConflictsSettings>
{
    protected override int Run(ConflictsSettings settings, CancellationToken cancellationToken)
    {
        using var store = Open(settings, create: false);
        var conflicts = Conflicts.Find(store.Facts(new FactQuery
        {
            Subjects = Filters.Expand(settings.Subject),
            Indicators = Filters.Expand(settings.Indicator),
        }), settings.Tolerance / 100, settings.WithinDocuments);
        if (settings.Limit > 0)
        {
            conflicts = [.. conflicts.Take(settings.Limit)];
        }

        var people = settings.ParsedFormat == OutputFormat.Table;
        Cell Value(FactRow f) => people ? Cell.Of(FigureText.Format(f.Fact)) : Cell.Of(f.Fact.Value);
        SheetWriter.Write([ResultSheet.From("conflicts", "conflict", conflicts,
            ("subject", c => Cell.Of(c.First.Fact.Subject)),
            ("scope", c => Cell.Of(c.First.Fact.Scope)),
            ("indicator", c => Cell.Of(c.First.Fact.Indicator)),
            ("kind", c => Cell.Of(c.First.Fact.Kind.ToSpecName())),
            ("period", c => Cell.Of(EffectivePeriod.Label(c.First))),
            ("unit", c => Cell.Of(c.First.Fact.Unit.Code)),
            ("status", c => Cell.Of(c.First.Fact.Status.ToSpecName())),
            ("basis", c => Cell.Of(c.First.Fact.Basis?.ToSpecName())),
            ("value_a", c => Value(c.First)),
            ("qualifier_a", c => Cell.Of(c.First.Fact.Qualifier.ToSpecName())),
            ("doc_a", c => Cell.Of(c.First.Doc)),
            ("quote_a", c => Cell.Of(c.First.Quote)),
            ("value_b", c => Value(c.Second)),
            ("qualifier_b", c => Cell.Of(c.Second.Fact.Qualifier.ToSpecName())),
            ("doc_b", c => Cell.Of(c.Second.Doc)),
            ("quote_b", c => Cell.Of(c.Second.Quote)),
            ("gap", c => people ? Cell.Of(c.Gap.ToString("0.#%", CultureInfo.InvariantCulture)) : Cell.Of(c.Gap)))], settings.ParsedFormat, settings.Output);
        if (conflicts.Count == 0)
        {
            Console.Error.WriteLine("anvil: no conflicting figures");
        }

        return 0;
    }
}
