using System.Globalization;
using Anvil.Store;
using Anvil.Store.Ingest;
using Anvil.Store.Records;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Anvil.Cli.Commands.Store;

/// <summary>
/// Runs an <see cref="Ingestor"/> for a verb (ingest, reindex, demo): a progress bar on standard error when it is a
/// terminal (documents, MB/s, time left), then one line per failed document and a summary line either way.
/// </summary>
internal static class IngestRun
{
    public static IngestSummary Execute(IKnowledgeStore store, IngestConfiguration config, IReadOnlyList<IngestItem> items, int threads,
        CancellationToken cancellationToken)
    {
        // Ctrl+C stops after the batch being written (a second one stops at once); what was written stays, each document whole
        using var interrupt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = !interrupt.IsCancellationRequested;
            interrupt.Cancel();
        }

        Console.CancelKeyPress += OnCancel;
        try
        {
            return Run(store, config, items, threads, interrupt.Token);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    private static IngestSummary Run(IKnowledgeStore store, IngestConfiguration config, IReadOnlyList<IngestItem> items, int threads,
        CancellationToken cancellationToken)
    {
        var ingestor = new Ingestor(store, config, threads);
        IngestSummary summary;
        if (Console.IsErrorRedirected || items.Count == 0)
        {
            summary = ingestor.Run(items, null, cancellationToken);
        }
        else
        {
            // standard error is a terminal (checked above) even when standard output is a file: say so, or the
            // console would judge by standard output and fall back to plain lines
            var console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(Console.Error),
                Ansi = AnsiSupport.Yes,
                Interactive = InteractionSupport.Yes,
            });
            summary = console.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new MegabytesPerSecondColumn(),
                    new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask(Describe(0, items.Count), maxValue: Math.Max(1, items.Sum(i => i.Bytes)));
                    return ingestor.Run(items, p =>
                    {
                        task.Value = p.Bytes;
                        task.Description = Describe(p.Done, p.Total);
                    }, cancellationToken);
                });
        }

        foreach (var failure in summary.Failures)
        {
            Console.Error.WriteLine($"anvil: {failure.Code}: {failure.Message}");
        }

        if (Environment.GetEnvironmentVariable("ANVIL_INGEST_PROFILE") is { Length: > 0 } and not "0")
        {
            // where the time went: a writer busy for most of the run is the limit; one mostly waiting is not
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"anvil: writing took {summary.Writing.TotalSeconds:0.00} s of {summary.Elapsed.TotalSeconds:0.00} s in {summary.Transactions} transaction(s); the rest of the time the writer waited for extraction"));
            // what the runtime spent beside: documents wait in the channel and the batch, so collections copy them
            // (their count and pause say whether that matters), and what was compiled at run time (tiering is off here)
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"anvil: runtime: {GC.CollectionCount(0)} collections ({GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2), "
                + $"{GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused; {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled "
                + $"in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms"));
        }

        return summary;
    }

    /// <summary>The exit status of an ingest: 130 when interrupted, 1 when some document failed, else 0.</summary>
    public static int ExitCode(IngestSummary summary) => summary.Interrupted ? 130 : summary.Failures.Count > 0 ? 1 : 0;

    /// <summary>The summary line: what happened, how fast, and what the knowledge base holds now.</summary>
    public static string Describe(string verb, IngestSummary summary, StoreCounts counts, StoreLocation location)
    {
        var what = (summary.Interrupted ? "interrupted: " : "") + (verb == "reindexed"
            ? $"reindexed {summary.Replaced} document(s)"
            : $"ingested {summary.Added} new document(s), {summary.AlreadyStored} already stored");
        return string.Create(CultureInfo.InvariantCulture,
            $"{what}, {summary.Failures.Count} failed, in {summary.Elapsed.TotalSeconds:0.0} s " +
            $"({summary.MegabytesPerSecond:0.00} MB/s, {summary.Facts:#,0} facts at {summary.FactsPerSecond:#,0} facts/s); " +
            $"{location.Display} holds {counts.Documents} documents, {counts.Entities} entities, {counts.Mentions} mentions, " +
            $"{counts.Facts} facts, {counts.Relations} relations");
    }

    private static string Describe(int done, int total) => string.Create(CultureInfo.InvariantCulture, $"{done}/{total} documents");

    /// <summary>Throughput in megabytes (10^6 bytes) per second.</summary>
    private sealed class MegabytesPerSecondColumn : ProgressColumn
    {
        protected override bool NoWrap => true;

        public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(task.Speed is { } speed ? string.Create(CultureInfo.InvariantCulture, $"{speed / 1e6:0.00} MB/s") : "-- MB/s");
    }
}
