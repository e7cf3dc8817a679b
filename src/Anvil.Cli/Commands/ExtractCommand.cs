using System.ComponentModel;
using System.Globalization;
using Anvil.Cli.CommandLine;
using Anvil.Core.Display;
using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Facts;
using Anvil.Core.Lexicons;
using Anvil.Core.Output;
using Anvil.Core.Pipeline;
using Anvil.Core.Reading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands;

internal sealed class ExtractSettings : ExtractionSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("Files, folders (read recursively) or - for standard input")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--format <FORMAT>")]
    [Description("jsonl (default, per the extraction spec) or table (for people)")]
    [DefaultValue("jsonl")]
    public string Format { get; init; } = "jsonl";

    [CommandOption("--threads <N>")]
    [Description("Documents extracted at once (default: the number of cores); output is the same for any N")]
    public int? Threads { get; init; }

    [CommandOption("--profile")]
    [Description("Print the time each pipeline stage took to standard error")]
    public bool Profile { get; init; }

    [CommandOption("--id <ID>")]
    [Description("Document id for standard input (default: stdin)")]
    public string? Id { get; init; }

    public override ValidationResult Validate()
    {
        if (base.Validate() is { Successful: false } dateError)
        {
            return dateError;
        }

        if (Paths.Length == 0)
        {
            return ValidationResult.Error("E0300: name at least one file, folder or - for standard input");
        }

        if (Threads is < 1 or > 256)
        {
            return ValidationResult.Error($"E0304: --threads must be between 1 and 256, not {Threads}");
        }

        if (Format is not ("jsonl" or "table"))
        {
            return ValidationResult.Error($"E0301: --format must be jsonl or table, not '{Format}'");
        }


        return ValidationResult.Success();
    }
}

/// <summary><c>anvil extract</c>: read, normalise, recognise, write JSON Lines.</summary>
internal sealed class ExtractCommand : Command<ExtractSettings>
{
    public override int Execute(CommandContext context, ExtractSettings settings, CancellationToken cancellationToken)
    {
        ExtractionPipeline pipeline;
        try
        {
            pipeline = AnvilPipeline.Create(new PipelineOptions { LexiconFiles = settings.Lexicons, TagEveryClause = settings.Thorough });
        }
        catch (LexiconFormatException e)
        {
            Console.Error.WriteLine($"anvil: E0303: lexicon {e.Message}");
            return 2;
        }

        var inputs = InputFiles.ExpandReporting(settings.Paths, out int emptyFolders);

        var reader = new DocumentReader();
        using var stdout = Console.OpenStandardOutput();
        // records go out as they are written: a long document's would otherwise all sit in memory at once
        using var buffer = new StreamBufferWriter(stdout);
        var table = settings.Format == "table" ? new TableOutput() : null;
        if (settings.Profile)
        {
            pipeline.Timings = new StageTimings();
        }

        var batch = new BatchExtractor(pipeline, settings.Threads ?? Environment.ProcessorCount);
        int failures = batch.Run(
            inputs.Select(input => new ExtractionInput(input.IsStandardInput ? "standard input" : input.Path, () => Read(reader, input, settings))).ToList(),
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
            // compiles again, optimised, while the run goes on)
            Console.Error.WriteLine($"anvil: profile: runtime: {GC.CollectionCount(0)} collections ({GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2), "
                + $"{GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms paused; {System.Runtime.JitInfo.GetCompiledMethodCount()} methods compiled "
                + $"in {System.Runtime.JitInfo.GetCompilationTime().TotalMilliseconds:F0} ms");
        }
        if (failures > 0)
        {
            Console.Error.WriteLine($"anvil: {failures} of {inputs.Count} input(s) could not be read");
        }

        return failures + emptyFolders > 0 ? CliErrors.SomeInputsFailed : CliErrors.Success;
    }

    private static Document Read(DocumentReader reader, InputItem input, ExtractSettings settings)
    {
        var options = new ReadOptions { Date = settings.ParsedDate, ForceDate = settings.ForceDate };
        if (input.IsStandardInput)
        {
            using var stdin = Console.OpenStandardInput();
            return reader.Read(stdin, settings.Id ?? "stdin", null, options);
        }

        return reader.Read(input.Path, options);
    }
}

/// <summary>The people-facing view of extraction: one table per document.</summary>
internal sealed class TableOutput
{
    private readonly List<Analysis> _analyses = [];

    public void Add(Analysis analysis) => _analyses.Add(analysis);

    public void Render()
    {
        var console = UnwrappedConsole.StandardOutput;
        var figures = FigureFormatter.Default;
        foreach (var a in _analyses)
        {
            var d = a.Document;
            console.Write(new Rule($"[bold]{Markup.Escape(d.Id)}[/] {Markup.Escape(d.Title ?? "")} {d.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ""}").LeftJustified());
            var entities = new Table().Border(TableBorder.Rounded).AddColumns("entity", "type", "mentions", "first quote");
            foreach (var (name, type, mentions) in JsonLinesWriter.GroupEntities(a.Entities))
            {
                entities.AddRow(Markup.Escape(name), type.ToSpecName(), mentions.Count.ToString(CultureInfo.InvariantCulture), Markup.Escape(d.Slice(mentions[0].Span)));
            }

            console.Write(entities);
            if (a.Facts.Count > 0)
            {
                var facts = new Table().Border(TableBorder.Rounded).AddColumns("subject", "scope", "indicator", "kind")
                    .AddColumn(new TableColumn("figure").RightAligned()).AddColumns("period", "quote");
                foreach (var (span, f) in a.Facts)
                {
                    facts.AddRow(Markup.Escape(f.Subject), Markup.Escape(f.Scope ?? ""), Markup.Escape(f.Indicator), f.Kind.ToSpecName(),
                        Markup.Escape(figures.Format(f)), f.Period ?? "", Markup.Escape(d.Slice(span)));
                }

                console.Write(facts);
            }
        }
    }
}
