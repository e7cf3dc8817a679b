using System.ComponentModel;
using Anvil.Analytics.Chains;
using Anvil.Cli.Commands.Store.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Chains;

internal sealed class ChainsCoverageSettings : ChainSettings
{
    [CommandArgument(0, "[CITY]")]
    [Description("Cities to show (any script or form: 深圳, 深圳市); default: every city a company is placed in")]
    public string[] Cities { get; init; } = [];

    [CommandOption("--chain <CHAIN>")]
    [Description("Only this chain (id, name or alias)")]
    public string? Chain { get; init; }

    [CommandOption("--all-chains")]
    [Description("Also chains the city makes no stage of")]
    public bool AllChains { get; init; }
}

/// <summary>
/// <c>anvil chains coverage [CITY...]</c>: per city and chain, the stages made locally, by which companies (with the
/// evidence for the stage and for the city), and the closure score: the weighted share of the chain made locally.
/// </summary>
internal sealed class ChainsCoverageCommand : ChainCommand<ChainsCoverageSettings>
{
    protected override int RunChains(ChainsCoverageSettings settings, CancellationToken cancellationToken)
    {
        var placements = Place(settings);
        var coverage = ChainAnalysis.Coverage(placements, settings.Cities, settings.AllChains || settings.Cities.Length > 0 && settings.Chain is not null);
        if (settings.Chain is { } wanted)
        {
            var chain = placements.Catalog.Chain(wanted)
                ?? throw new ChainDataException(ChainErrorCodes.UnknownStage, $"no chain '{wanted}' (anvil chains list shows them)");
            coverage = [.. coverage.Where(c => c.Chain.Id == chain.Id)];
        }

        if (settings.Limit > 0)
        {
            coverage = [.. coverage.Take(settings.Limit)];
        }

        if (coverage.Count == 0)
        {
            Console.Error.WriteLine(settings.Cities.Length > 0
                ? $"anvil: no company in {string.Join(" or ", settings.Cities)} is placed in a chain stage (anvil chains companies shows what is placed)"
                : "anvil: no company of the knowledge base is placed in both a chain stage and a city");
        }

        SheetWriter.Write([ChainText.CoverageSheet("coverage", coverage)], settings.ParsedFormat, settings.Output,
            settings.ParsedFormat == OutputFormat.Table ? console => Render(console, coverage) : null);
        return 0;
    }

    private static void Render(IAnsiConsole console, IReadOnlyList<ChainCoverage> coverage)
    {
        foreach (var city in coverage.GroupBy(c => c.City))
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(city.Key)}[/]: what the city makes itself")
                .AddColumns("chain", "closure", "stage", "weight", "made locally by");
            foreach (var chain in city)
            {
                for (int i = 0; i < chain.Stages.Count; i++)
                {
                    var stage = chain.Stages[i];
                    table.AddRow(
                        i == 0 ? $"[bold]{Markup.Escape(chain.Chain.Name)}[/]" : "",
                        i == 0 ? $"{ChainText.Percent(chain.Closure)} ({chain.CoveredStages}/{chain.Stages.Count})" : "",
                        stage.Covered ? Markup.Escape(stage.Stage.Name) : $"[grey]{Markup.Escape(stage.Stage.Name)}[/]",
                        ChainText.Weight(stage.Stage.Weight),
                        ChainText.Suppliers(stage.Suppliers));
                }

                table.AddEmptyRow();
            }

            console.Write(table);
        }
    }
}
