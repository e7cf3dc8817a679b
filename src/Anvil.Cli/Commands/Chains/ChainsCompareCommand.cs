using System.ComponentModel;
using Anvil.Analytics.Chains;
using Anvil.Cli.Commands.Store.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Chains;

internal sealed class ChainsCompareSettings : ChainSettings
{
    [CommandArgument(0, "<CITY>")]
    [Description("Two or more cities (any script or form: 深圳, 杭州市)")]
    public string[] Cities { get; init; } = [];

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        return Cities.Length >= 2
            ? ValidationResult.Success()
            : ValidationResult.Error("E0507: chains compare needs two or more cities, such as: anvil chains compare 深圳 杭州");
    }
}

/// <summary>
/// <c>anvil chains compare 深圳 杭州</c>: the cities side by side, chain by chain and stage by stage, each covered stage
/// with the companies that make it locally and the evidence; each chain with the cities' closure scores.
/// </summary>
internal sealed class ChainsCompareCommand : ChainCommand<ChainsCompareSettings>
{
    protected override int RunChains(ChainsCompareSettings settings, CancellationToken cancellationToken)
    {
        var placements = Place(settings);
        var comparison = ChainAnalysis.CompareCities(placements, settings.Cities);
        if (comparison.Chains.Count == 0)
        {
            Console.Error.WriteLine($"anvil: no company in {string.Join(" or ", comparison.Cities)} is placed in a chain stage (anvil chains companies shows what is placed)");
        }

        SheetWriter.Write([ChainText.CoverageSheet("comparison", comparison.Chains.SelectMany(c => c.Coverage))], settings.ParsedFormat, settings.Output,
            settings.ParsedFormat == OutputFormat.Table ? console => Render(console, comparison) : null);
        return 0;
    }

    private static void Render(IAnsiConsole console, CityComparison comparison)
    {
        if (comparison.Chains.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"[bold]{Markup.Escape(string.Join(" / ", comparison.Cities))}[/]: industrial chains stage by stage (made locally, with evidence)")
            .AddColumns("chain", "stage", "weight");
        foreach (var city in comparison.Cities)
        {
            table.AddColumn(Markup.Escape(city));
        }

        foreach (var chain in comparison.Chains)
        {
            var closure = chain.Coverage.Select(c => $"[bold]closure {ChainText.Percent(c.Closure)}[/] ({c.CoveredStages}/{c.Stages.Count} stages)");
            table.AddRow([$"[bold]{Markup.Escape(chain.Chain.Name)}[/]", "", "", .. closure]);
            for (int i = 0; i < chain.Chain.Stages.Count; i++)
            {
                var stage = chain.Chain.Stages[i];
                table.AddRow([
                    "",
                    Markup.Escape(stage.Name),
                    ChainText.Weight(stage.Weight),
                    .. chain.Coverage.Select(c => ChainText.Suppliers(c.Stages[i].Suppliers)),
                ]);
            }

            table.AddEmptyRow();
        }

        console.Write(table);
    }
}
