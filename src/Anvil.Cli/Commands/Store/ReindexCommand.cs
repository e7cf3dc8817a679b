using System.ComponentModel;
using Anvil.Core.Documents;
using Anvil.Core.Pipeline;
using Anvil.Store.Ingest;
using Anvil.Store.Merging;
using Anvil.Store.Records;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Store;

internal sealed class ReindexSettings : StoreSettings
{
    [CommandOption("--all")]
    [Description("Re-extract every document, not only those made by another extractor version or other lexicons and aliases")]
    public bool All { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Documents extracted at once (default: the number of cores)")]
    public int? Threads { get; init; }

    [CommandOption("--lexicon <FILE>")]
    [Description("Extra lexicon (name<TAB>type<TAB>aliases); may be repeated")]
    public string[] Lexicons { get; init; } = [];

    [CommandOption("--aliases <FILE>")]
    [Description("Merge and split rules for entities (default: ./anvil.aliases.yaml when present)")]
    public string? Aliases { get; init; }

    public override ValidationResult Validate() =>
        Threads is < 1 or > 256
            ? ValidationResult.Error($"E0501: --threads must be between 1 and 256, not {Threads}")
            : ValidationResult.Success();
}

/// <summary>
/// <c>anvil reindex</c>: extracts stored documents again from their stored original text, after an upgrade of Anvil
/// or a change of lexicons or alias rules; each document is replaced in one transaction, then entities nothing
/// refers to any more are removed.
/// </summary>
internal sealed class ReindexCommand : StoreCommand<ReindexSettings>
{
    protected override int Run(ReindexSettings settings, CancellationToken cancellationToken)
    {
        var rules = AliasFile.Find(settings.Aliases, Directory.GetCurrentDirectory(), out _);
        using var store = Open(settings, create: false);
        var config = IngestConfiguration.Create(settings.Lexicons, rules);
        var stale = store.Documents(withText: false)
            .Where(d => settings.All || d.ExtractorVersion != ExtractorVersion.Current || d.ConfigHash != config.Hash)
            .ToList();

        // texts are read on the extraction threads through a connection of their own, one at a time
        using var source = Open(settings, create: false);
        var gate = new Lock();
        var items = stale.Select(d => new IngestItem(d.Key, d.Bytes, () =>
        {
            StoredDocument stored;
            lock (gate)
            {
                stored = source.Documents(withText: true, [d.Id]).Single();
            }

            return Rebuild(stored);
        }, d.Id)).ToList();

        var summary = IngestRun.Execute(store, config, items, settings.Threads ?? Environment.ProcessorCount, cancellationToken);
        int removed = store.RemoveOrphanEntities();
        Console.WriteLine(IngestRun.Describe("reindexed", summary, store.Counts(), store.Location) +
            $" ({removed} entities no longer mentioned removed)");
        return IngestRun.ExitCode(summary);
    }

    /// <summary>The document as the reader gave it: the stored text, title and date, boilerplate marked by today's rules.</summary>
    private static Document Rebuild(StoredDocument d) =>
        new(d.Key, d.Text, d.Title, d.Date, d.SourcePath, BoilerplateMarker.Default.Mark(d.Text), d.Format);
}
