using System.ComponentModel;
using Anvil.Analytics.Chains;
using Anvil.Cli.Commands.Store.Output;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Chains;

internal sealed class ChainsListSettings : ChainSettings
{
    [CommandArgument(0, "[CHAIN]")]
    [Description("Only this chain (id, name or alias: nev, 新能源汽车)")]
    public string? Chain { get; init; }
}

/// <summary><c>anvil chains list</c>: the chain templates, stage by stage, with weights, words and where each was read.</summary>
internal sealed class ChainsListCommand : ChainCommand<ChainsListSettings>
{
    protected override int RunChains(ChainsListSettings settings, CancellationToken cancellationToken)
    {
        var catalog = ChainCatalog.Load(settings.Sources());
        var chains = catalog.Chains.ToList();
        if (settings.Chain is { } wanted)
        {
            chains = catalog.Chain(wanted) is { } one ? [one] : [];
            if (chains.Count == 0)
            {
                Console.Error.WriteLine($"anvil: E0704: no chain '{wanted}'; the chains are {string.Join(", ", catalog.Chains.Select(c => $"{c.Id} ({c.Name})"))}");
                return 1;
            }
        }

        var people = settings.ParsedFormat == OutputFormat.Table;
        var rows = chains.SelectMany(c => c.Stages.Select(s => (Chain: c, Stage: s)));
        SheetWriter.Write([ResultSheet.From("chain templates", "stage", rows,
            ("chain", x => Cell.Of(x.Chain.Id)),
            ("chain_name", x => Cell.Of(x.Chain.Name)),
            ("stage", x => Cell.Of(x.Stage.Id)),
            ("stage_name", x => Cell.Of(x.Stage.Name)),
            ("weight", x => Cell.Of(x.Stage.Weight)),
            ("share", x => people ? Cell.Of(ChainText.Percent(x.Stage.Weight / x.Chain.TotalWeight)) : Cell.Of(x.Stage.Weight / x.Chain.TotalWeight)),
            ("words", x => Cell.Of(string.Join(people ? "、" : "|", x.Stage.Words))),
            ("source", x => Cell.Of(x.Chain.Source)))], settings.ParsedFormat, settings.Output);
        return 0;
    }
}
