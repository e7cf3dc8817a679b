using System.ComponentModel;
using Anvil.Cli.Commands.Store.Output;
using Anvil.Core.Reading;
using Anvil.Store;
using Anvil.Store.Ingest;
using Anvil.Store.Merging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Store;

internal sealed class DemoSettings : StoreSettings
{
    public const string DefaultPath = "anvil-demo.db";

    [CommandOption("--samples <FOLDER>")]
    [Description("The documents to ingest (default: Anvil's own samples, which travel inside the program)")]
    public string? Samples { get; init; }

    [CommandOption("--threads <N>")]
    [Description("Documents extracted at once (default: the number of cores)")]
    public int? Threads { get; init; }

    public override ValidationResult Validate()
    {
        if (Threads is < 1 or > 256)
        {
            return ValidationResult.Error($"E0501: --threads must be between 1 and 256, not {Threads}");
        }

        return Samples is null || Directory.Exists(Samples)
            ? ValidationResult.Success()
            : ValidationResult.Error($"E0512: --samples {Samples}: no such folder");
    }
}

/// <summary>
/// <c>anvil demo</c>: ingests the bundled samples into a fresh SQLite file (<c>anvil-demo.db</c>, replaced each run),
/// compares the two places they say most about, and tells how to go on.
/// </summary>
internal sealed class DemoCommand : StoreCommand<DemoSettings>
{
    protected override int Run(DemoSettings settings, CancellationToken cancellationToken)
    {
        // never ANVIL_DB: the demo replaces its file, and that must not be someone's knowledge base
        var location = StoreLocation.Parse(settings.Db ?? DemoSettings.DefaultPath);
        if (location.Provider != StoreProvider.Sqlite)
        {
            return Fail(StoreErrorCodes.BadPath, "the demo writes a fresh SQLite file; give --db a file name such as anvil-demo.db");
        }

        Replace(location);
        using var store = KnowledgeStore.Open(location, create: true);
        var config = IngestConfiguration.Create([], AliasRules.None);
        var reader = new DocumentReader();
        var items = settings.Samples is { } folder
            ? InputFiles.Expand([folder], out _).Select(i => new IngestItem(i.Path, new FileInfo(i.Path).Length, () => reader.Read(i.Path))).ToList()
            : EmbeddedSamples(reader);
        var summary = IngestRun.Execute(store, config, items, settings.Threads ?? Environment.ProcessorCount, cancellationToken);
        Console.WriteLine(IngestRun.Describe("ingested", summary, store.Counts(), store.Location));

        var places = store.TopEntities("place", 2).Select(e => e.Name).ToList();
        var console = SheetWriter.People;
        if (places.Count == 2)
        {
            Console.WriteLine();
            console.MarkupLine($"[bold]anvil compare {Markup.Escape(string.Join(' ', places))} --db {Markup.Escape(settings.Db ?? DemoSettings.DefaultPath)}[/]");
            var comparison = CompareCommand.Compare(store, places);
            if (comparison.Comparable.Count + comparison.Apart.Count > 0)
            {
                CompareCommand.Write(comparison, OutputFormat.Table, null);
            }
            else
            {
                Console.WriteLine($"No figures about {places[0]} or {places[1]} to compare yet: the samples' facts appear here once fact extraction lands.");
            }
        }

        var db = settings.Db ?? DemoSettings.DefaultPath;
        Console.WriteLine();
        // ./anvil in the repository (the script says so), anvil where it is installed
        var anvil = Environment.GetEnvironmentVariable("ANVIL_COMMAND") is { Length: > 0 } command ? command : "anvil";
        Console.WriteLine($"More: {anvil} entity 华为 --db {db}   {anvil} search 人工智能 --db {db}   {anvil} facts --db {db} --format xlsx --output facts.xlsx");
        Console.WriteLine($"Dashboard: {anvil} serve --db {db}");
        return IngestRun.ExitCode(summary);
    }

    /// <summary>Removes the previous demo file, but only if it is an Anvil knowledge base: anything else is refused and kept.</summary>
    private static void Replace(StoreLocation location)
    {
        if (!File.Exists(location.Target))
        {
            return;
        }

        using (KnowledgeStore.Open(location, create: false))
        {
            // opening checks that it is an Anvil knowledge base (StoreErrorCodes.NotAnvil otherwise)
        }

        foreach (var suffix in (string[])["", "-wal", "-shm", "-journal"])
        {
            File.Delete(location.Target + suffix);
        }
    }

    /// <summary>The samples built into the program (samples/*.txt of the repository), read as the files would be.</summary>
    private static List<IngestItem> EmbeddedSamples(DocumentReader reader)
    {
        const string Prefix = "anvil/samples/";
        var assembly = typeof(DemoCommand).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                var file = name[Prefix.Length..];
                long bytes;
                using (var measured = assembly.GetManifestResourceStream(name)!)
                {
                    bytes = measured.Length;
                }

                return new IngestItem("samples/" + file, bytes, () =>
                {
                    using var stream = assembly.GetManifestResourceStream(name)!;
                    return reader.Read(stream, Path.GetFileNameWithoutExtension(file), file);
                });
            })];
    }
}
