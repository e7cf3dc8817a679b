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

        if (Threads is < ExtractRun.MinThreads or > ExtractRun.MaxThreads)
        {
            return ValidationResult.Error($"E0304: --threads must be between {ExtractRun.MinThreads} and {ExtractRun.MaxThreads}, not {Threads}");
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
    public override int Execute(CommandContext context, ExtractSettings settings, CancellationToken cancellationToken) =>
        ExtractRun.Execute(
            new ExtractRequest(settings.Paths, settings.Threads ?? Environment.ProcessorCount, settings.ParsedDate, settings.ForceDate,
                settings.Lexicons, settings.Thorough, settings.Id, settings.Profile),
            settings.Format == "table" ? new TableOutput() : null);
}

/// <summary>The people-facing view of extraction: one table per document.</summary>
internal sealed class TableOutput : IAnalysisTable
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
