using System.Globalization;
using Anvil.Cli.CommandLine;
using Anvil.Core.Documents;
using Anvil.Core.Lexicons;
using Anvil.Core.Output;
using Anvil.Core.Pipeline;
using Anvil.Core.Reading;

namespace Anvil.Cli.Commands;

/// <summary>What <c>anvil extract</c> was asked to do, its options read and checked.</summary>
internal sealed record ExtractRequest(
    IReadOnlyList<string> Paths,
    int Threads,
    DateOnly? Date,
    bool ForceDate,
    IReadOnlyList<string> Lexicons,
    bool Thorough,
    string? Id,
    bool Profile);

/// <summary>A people-facing view that takes the analyses instead of standard output and shows them at the end.</summary>
internal interface IAnalysisTable
{
    void Add(Analysis analysis);

    void Render();
}

/// <summary>
/// The extract verb's work after its command line is read: build the pipeline, read, extract, write JSON Lines (or
/// hand each analysis to a table), report failures and the profile. Free of Spectre.Console so the native extract
/// (src/Anvil.NativeExtract, compiled ahead with NativeAOT) runs this very code: the two cannot drift.
/// </summary>
internal static class ExtractRun
{
    /// <summary>The forms <c>--date</c> takes.</summary>
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd"];

    public const int MinThreads = 1;
    public const int MaxThreads = 256;

    public static bool TryParseDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>Runs the request; <paramref name="table"/>, when given, takes every analysis instead of standard output.</summary>
    public static int Execute(ExtractRequest request, IAnalysisTable? table = null)
    {
        ExtractionPipeline pipeline;
        try
        {
            pipeline = AnvilPipeline.Create(new PipelineOptions { LexiconFiles = request.Lexicons, TagEveryClause = request.Thorough });
        }
        catch (LexiconFormatException e)
        {
            Console.Error.WriteLine($"anvil: E0303: lexicon {e.Message}");
            return CliErrors.Usage;
        }

        var inputs = InputFiles.ExpandReporting(request.Paths, out int emptyFolders);

        var reader = new DocumentReader();
        using var stdout = Console.OpenStandardOutput();
        // records go out as they are written: a long document's would otherwise all sit in memory at once
        using var buffer = new StreamBufferWriter(stdout);
        if (request.Profile)
        {
            pipeline.Timings = new StageTimings();
        }

        var batch = new BatchExtractor(pipeline, request.Threads);
        int failures = batch.Run(
            inputs.Select(input => new ExtractionInput(input.IsStandardInput ? "standard input" : input.Path, () => Read(reader, input, request))).ToList(),
            analysis =>
            {
                if (table is not null)
                {
                    table.Add(analysis);
                    return;
                }

                var started = StageTimings.Start();
                JsonLinesWriter.Write(analysis, buffer);
                buffer.Flush();
                pipeline.Timings?.Add("json", started);
            },
            failure => Console.Error.WriteLine($"anvil: {failure.Code}: {failure.Message}"));

        stdout.Flush();
        table?.Render();
        return Finish(pipeline, inputs.Count, failures, emptyFolders);
    }

    /// <summary>The profile, when asked, and the count of inputs that failed; the exit status.</summary>
    private static int Finish(ExtractionPipeline pipeline, int inputs, int failures, int emptyFolders)
    {
        if (pipeline.Timings is { } timings)
        {
            // the stages, slowest first, each followed by its own steps (named stage/step), slowest first
            var totals = timings.Totals.ToList();
            foreach (var (stage, total, allocated) in totals.Where(t => !t.Stage.Contains('/', StringComparison.Ordinal)).OrderByDescending(t => t.Total))
            {
                Console.Error.WriteLine($"anvil: profile: {stage,-12} {total.TotalMilliseconds,10:F0} ms {allocated / 1e6,10:F1} MB allocated");
                foreach (var (step, stepTotal, stepAllocated) in totals.Where(t => t.Stage.StartsWith(stage + "/", StringComparison.Ordinal)).OrderByDescending(t => t.Total))
                {
                    Console.Error.WriteLine($"anvil: profile:   {step[(stage.Length + 1)..],-14} {stepTotal.TotalMilliseconds,8:F0} ms {stepAllocated / 1e6,10:F1} MB allocated");
                }
            }

            // what the runtime spent beside the stages: collections (their count says whether the young heap's
            // budget suits the work) and compiling (what ReadyToRun left to the JIT, and the hot methods it
            // compiles again, optimised, while the run goes on; none in the native extract)
            Console.Error.WriteLine($"anvil: profile: runtime: {GC.CollectionCount(0)} collections ({GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2), "
                + $"{GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused; {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled "
                + $"in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms");
        }

        if (failures > 0)
        {
            Console.Error.WriteLine($"anvil: {failures} of {inputs} input(s) could not be read");
        }

        return failures + emptyFolders > 0 ? CliErrors.SomeInputsFailed : CliErrors.Success;
    }

    private static Document Read(DocumentReader reader, InputItem input, ExtractRequest request)
    {
        var options = new ReadOptions { Date = request.Date, ForceDate = request.ForceDate };
        if (input.IsStandardInput)
        {
            using var stdin = Console.OpenStandardInput();
            return reader.Read(stdin, request.Id ?? "stdin", null, options);
        }

        return reader.Read(input.Path, options);
    }
}
