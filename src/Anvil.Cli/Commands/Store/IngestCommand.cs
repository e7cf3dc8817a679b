using System.ComponentModel;
using System.Globalization;
using Anvil.Core.Reading;
using Anvil.Store.Ingest;
using Anvil.Store.Merging;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Store;

internal sealed class IngestSettings : StoreSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("Files, folders (read recursively) or - for standard input")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--threads <N>")]
    [Description("Documents extracted at once (default: the number of cores)")]
    public int? Threads { get; init; }

    [CommandOption("--date <DATE>")]
    [Description("Publication date (YYYY-MM-DD) for documents that do not state one")]
    public string? Date { get; init; }

    [CommandOption("--force-date")]
    [Description("Use --date even for documents that state their own date")]
    public bool ForceDate { get; init; }

    [CommandOption("--lexicon <FILE>")]
    [Description("Extra lexicon (name<TAB>type<TAB>aliases); may be repeated")]
    public string[] Lexicons { get; init; } = [];

    [CommandOption("--aliases <FILE>")]
    [Description("Merge and split rules for entities (default: ./anvil.aliases.yaml when present)")]
    public string? Aliases { get; init; }

    [CommandOption("--shard <K/N>")]
    [Description("Take only the K-th of N equal shares of the input files (1/4 ... 4/4): N workers, on one machine or many, each given the same paths, ingest it all into one PostgreSQL database")]
    public string? Shard { get; init; }

    [CommandOption("--id <ID>")]
    [Description("Document id for standard input (default: stdin)")]
    public string? Id { get; init; }

    public DateOnly? ParsedDate { get; private set; }

    /// <summary>The shard taken (0-based) and how many there are; (0, 1) for all.</summary>
    public (int Index, int Count) ParsedShard { get; private set; } = (0, 1);

    public int ThreadCount => Threads ?? Environment.ProcessorCount;

    public override ValidationResult Validate()
    {
        if (Paths.Length == 0)
        {
            return ValidationResult.Error("E0500: name at least one file, folder or - for standard input");
        }

        if (Threads is < 1 or > 256)
        {
            return ValidationResult.Error($"E0501: --threads must be between 1 and 256, not {Threads}");
        }

        if (Shard is not null)
        {
            var parts = Shard.Split('/');
            if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int k)
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < 1 || k < 1 || k > n)
            {
                return ValidationResult.Error($"E0512: --shard must be K/N with 1 <= K <= N, such as 2/4, not '{Shard}'");
            }

            ParsedShard = (k - 1, n);
        }

        if (Date is not null)
        {
            if (!DateOnly.TryParseExact(Date, ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                return ValidationResult.Error($"E0302: --date must look like 2024-03-05, not '{Date}'");
            }

            ParsedDate = d;
        }
        else if (ForceDate)
        {
            return ValidationResult.Error("E0306: --force-date needs --date YYYY-MM-DD to force");
        }

        return ValidationResult.Success();
    }
}

/// <summary>
/// <c>anvil ingest</c>: reads, extracts (in parallel) and stores documents, whole documents per transaction. The same
/// content again changes nothing; a file that cannot be read is reported and the others are stored. With <c>--shard K/N</c>
/// it takes every N-th input file (by path), so N processes given the same paths share the work; they may also be given
/// files of their own, or overlapping ones: content already stored, by them or another, is skipped.
/// </summary>
internal sealed class IngestCommand : StoreCommand<IngestSettings>
{
    protected override int Run(IngestSettings settings, CancellationToken cancellationToken)
    {
        var rules = AliasFile.Find(settings.Aliases, Directory.GetCurrentDirectory(), out _);
        using var store = Open(settings, create: true);
        var inputs = Shard(InputFiles.ExpandReporting(settings.Paths, out int emptyFolders), settings.ParsedShard);

        var config = IngestConfiguration.Create(settings.Lexicons, rules);
        var reader = new DocumentReader();
        var options = new ReadOptions { Date = settings.ParsedDate, ForceDate = settings.ForceDate };
        var items = inputs.Select(input => input.IsStandardInput
            ? new IngestItem("standard input", 0, () =>
            {
                using var stdin = Console.OpenStandardInput();
                return reader.Read(stdin, settings.Id ?? "stdin", null, options);
            })
            : new IngestItem(input.Path, SizeOf(input.Path), () => reader.Read(input.Path, options))).ToList();

        var summary = IngestRun.Execute(store, config, items, settings.ThreadCount, cancellationToken);
        Console.WriteLine(IngestRun.Describe("ingested", summary, store.Counts(), store.Location));
        return Math.Max(IngestRun.ExitCode(summary), emptyFolders > 0 ? 1 : 0); // an empty folder is an input that failed
    }

    /// <summary>The inputs of one shard: by their order in the sorted list of paths, so every worker cuts the same list alike.</summary>
    private static IReadOnlyList<InputItem> Shard(IReadOnlyList<InputItem> inputs, (int Index, int Count) shard) =>
        shard.Count == 1 ? inputs
        : [.. inputs.OrderBy(i => i.Path, StringComparer.Ordinal).Where((_, i) => i % shard.Count == shard.Index)];

    private static long SizeOf(string path)
    {
        try
        {
            return new FileInfo(path).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return 0; // the reader reports the problem with the file
        }
    }
}
