using System.ComponentModel;
using Anvil.Cli.Commands.Store.Output;
using Anvil.Core.Facts;
using Anvil.Store.Periods;
using Anvil.Store.Records;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Store;

internal sealed class FactsSettings : QuerySettings
{
    [CommandOption("--subject <NAME>")]
    [Description("Place, company or body the figure is about; any script or alias (深圳市, 華為, Huawei)")]
    public string? Subject { get; init; }

    [CommandOption("--scope <SCOPE>")]
    [Description("Sector or group the figure is restricted to (人工智能, 民营企业)")]
    public string? Scope { get; init; }

    [CommandOption("--indicator <INDICATOR>")]
    [Description("What is measured (产业规模, 企业数量)")]
    public string? Indicator { get; init; }

    [CommandOption("--kind <KIND>")]
    [Description("value, growth, delta, share or rank")]
    public string? Kind { get; init; }

    [CommandOption("--period <PERIOD>")]
    [Description("A year (2024), years (2023-2024) or any period (2024-H1): figures whose period falls in it")]
    public string? Period { get; init; }

    [CommandOption("--source <SOURCE>")]
    [Description("Part of the source's name (统计局)")]
    public string? Source { get; init; }

    [CommandOption("--doc <DOC>")]
    [Description("Document id, or the start of its content hash")]
    public string? Doc { get; init; }

    [CommandOption("--text <TEXT>")]
    [Description("Text the quote contains (any script)")]
    public string? Text { get; init; }

    public PeriodRange? ParsedPeriod { get; private set; }

    public FactKind? ParsedKind { get; private set; }

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        var period = SettingChecks.Period(Period, out var range);
        ParsedPeriod = range;
        var kind = SettingChecks.Kind(Kind, out var parsedKind);
        ParsedKind = parsedKind;
        return kind ?? period ?? ValidationResult.Success();
    }
}

/// <summary><c>anvil facts</c>: stated figures, filtered; names match through aliases and either script.</summary>
internal sealed class FactsCommand : StoreCommand<FactsSettings>
{
    protected override int Run(FactsSettings settings, CancellationToken cancellationToken)
    {
        using var store = Open(settings, create: false);
        var facts = store.Facts(new FactQuery
        {
            Subjects = Filters.Expand(settings.Subject),
            Scopes = Filters.Expand(settings.Scope),
            Indicators = Filters.ExpandIndicator(settings.Indicator),
            Kind = settings.ParsedKind,
            Period = settings.ParsedPeriod,
            Source = settings.Source,
            Doc = settings.Doc,
            Text = settings.Text,
            Limit = settings.Limit,
        });
        SheetWriter.Write([FactSheets.Facts("facts", facts, settings.ParsedFormat)], settings.ParsedFormat, settings.Output);
        if (facts.Count == 0)
        {
            // a subject or indicator the knowledge base does not hold is an input that failed; other filters just match nothing
            if (UnknownNames.Report(store, [settings.Subject ?? ""], settings.Indicator))
            {
                return 1;
            }

            Console.Error.WriteLine("anvil: no facts match");
        }

        return 0;
    }
}
