using System.ComponentModel;
using Anvil.Analytics;
using Anvil.Cli.Commands.Store.Output;
using Anvil.Core.Facts;
using Anvil.Store.Records;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Store;

internal sealed class TimelineSettings : QuerySettings
{
    [CommandArgument(0, "<SUBJECT>")]
    [Description("Place, company or body (any script or alias)")]
    public string Subject { get; init; } = "";

    [CommandArgument(1, "<INDICATOR>")]
    [Description("What is measured (产业规模, 企业数量)")]
    public string Indicator { get; init; } = "";

    [CommandOption("--scope <SCOPE>")]
    [Description("Only this scope (人工智能)")]
    public string? Scope { get; init; }

    [CommandOption("--kind <KIND>")]
    [Description("Only value, growth, delta, share or rank")]
    public string? Kind { get; init; }

    public FactKind? ParsedKind { get; private set; }

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        if (Subject.Trim().Length == 0 || Indicator.Trim().Length == 0)
        {
            return ValidationResult.Error("E0507: timeline needs a subject and an indicator, such as: anvil timeline 深圳 产业规模");
        }

        var kind = SettingChecks.Kind(Kind, out var parsedKind);
        ParsedKind = parsedKind;
        return kind ?? ValidationResult.Success();
    }
}

/// <summary><c>anvil timeline 深圳 产业规模</c>: the indicator over periods, oldest first, from every source that states it.</summary>
internal sealed class TimelineCommand : StoreCommand<TimelineSettings>
{
    protected override int Run(TimelineSettings settings, CancellationToken cancellationToken)
    {
        using var store = Open(settings, create: false);
        var points = Timelines.Build(store.Facts(new FactQuery
        {
            Subjects = Filters.Expand(settings.Subject),
            Indicators = Filters.Expand(settings.Indicator),
            Scopes = Filters.Expand(settings.Scope),
            Kind = settings.ParsedKind,
            Limit = settings.Limit,
        }));
        var people = settings.ParsedFormat == OutputFormat.Table;
        SheetWriter.Write([ResultSheet.From($"{settings.Subject} {settings.Indicator}", "point", points,
            ("period", p => Cell.Of(people ? p.Label : p.Fact.Fact.Period)),
            ("kind", p => Cell.Of(p.Fact.Fact.Kind.ToSpecName())),
            ("scope", p => Cell.Of(p.Fact.Fact.Scope)),
            ("value", p => people ? Cell.Of(FigureText.Format(p.Fact.Fact)) : Cell.Of(p.Fact.Fact.Value)),
            ("unit", p => Cell.Of(p.Fact.Fact.Unit.Code)),
            ("qualifier", p => Cell.Of(p.Fact.Fact.Qualifier.ToSpecName())),
            ("status", p => Cell.Of(p.Fact.Fact.Status.ToSpecName())),
            ("basis", p => Cell.Of(p.Fact.Fact.Basis?.ToSpecName())),
            ("source", p => Cell.Of(p.Fact.Fact.Source)),
            ("doc", p => Cell.Of(p.Fact.Doc)),
            ("date", p => Cell.Of(p.Fact.Date)),
            ("quote", p => Cell.Of(p.Fact.Quote)))], settings.ParsedFormat, settings.Output);
        if (points.Count == 0)
        {
            Console.Error.WriteLine($"anvil: no facts about {settings.Subject} {settings.Indicator}");
        }

        return 0;
    }
}
