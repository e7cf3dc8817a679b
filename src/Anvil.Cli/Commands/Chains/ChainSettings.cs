using System.ComponentModel;
using Anvil.Analytics.Chains;
using Anvil.Cli.Commands.Store;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Chains;

/// <summary>What every chains verb takes besides the knowledge base and output: where the user's chain data is.</summary>
internal class ChainSettings : QuerySettings
{
    /// <summary>The folder read when --chains is not given, if the working folder has one.</summary>
    public const string DefaultFolder = "anvil.chains";

    [CommandOption("--chains <DIR>")]
    [Description("A folder of your own chain data besides Anvil's: chain templates (*.yaml), regions.yaml, companies.tsv, placements.tsv (default: ./anvil.chains/ when there is one)")]
    public string? Chains { get; init; }

    [CommandOption("--placements <FILE>")]
    [Description("Your placements: company<TAB>stage<TAB>city<TAB>evidence (TSV), or YAML; repeatable")]
    public string[] Placements { get; init; } = [];

    [CommandOption("--no-lexicon")]
    [Description("Do not use Anvil's lexicon of what well-known companies make and where they are")]
    public bool NoLexicon { get; init; }

    [CommandOption("--no-text")]
    [Description("Do not read stage words near company names in the documents (text evidence): relations, facts and files only")]
    public bool NoText { get; init; }

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        if (Chains is not null && !Directory.Exists(Chains))
        {
            return ValidationResult.Error($"E0705: --chains {Chains}: no such folder");
        }

        var missing = Placements.FirstOrDefault(p => !File.Exists(p));
        return missing is null ? ValidationResult.Success() : ValidationResult.Error($"E0705: --placements {missing}: no such file");
    }

    public ChainSources Sources() => new()
    {
        Folder = Chains ?? (Directory.Exists(DefaultFolder) ? DefaultFolder : null),
        PlacementFiles = Placements,
        BuiltInLexicon = !NoLexicon,
        TextEvidence = !NoText,
    };
}

/// <summary>
/// The frame of the chains verbs: the knowledge-base frame (<see cref="StoreCommand{TSettings}"/>), and chain data
/// that cannot be used becomes one line on standard error with its code (<c>anvil: E0701: file:line: ...</c>), exit status 2.
/// </summary>
internal abstract class ChainCommand<TSettings> : StoreCommand<TSettings>
    where TSettings : ChainSettings
{
    protected sealed override int Run(TSettings settings, CancellationToken cancellationToken)
    {
        try
        {
            return RunChains(settings, cancellationToken);
        }
        catch (ChainDataException e)
        {
            return Fail(e.Code, e.Message);
        }
    }

    protected abstract int RunChains(TSettings settings, CancellationToken cancellationToken);

    /// <summary>The chain data the settings name, and every company of the knowledge base placed by it.</summary>
    protected static ChainPlacements Place(TSettings settings)
    {
        var catalog = ChainCatalog.Load(settings.Sources());
        using var store = Open(settings, create: false);
        return ChainAnalysis.Place(store, catalog);
    }
}
