using System.Buffers;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Anvil.Core.Evaluation;
using Anvil.Core.Lexicons;
using Anvil.Core.Output;
using Anvil.Core.Pipeline;
using Anvil.Core.Reading;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands;

internal sealed class EvalSettings : ExtractionSettings
{
    [CommandArgument(0, "[PATH]")]
    [Description("Documents to extract and score (files or folders); or give --pred")]
    public string[] Paths { get; init; } = [];

    [CommandOption("--gold <DIR>")]
    [Description("Folder of gold annotations (DOC.facts.jsonl, DOC.entities.jsonl, DOC.relations.jsonl, DOC.regions.json)")]
    public string? Gold { get; init; }

    [CommandOption("--pred <FILE>")]
    [Description("Score this extraction output (JSON Lines) instead of extracting")]
    public string? Pred { get; init; }

    [CommandOption("--docs <IDS>")]
    [Description("Score only these documents (comma-separated ids)")]
    public string? Docs { get; init; }

    [CommandOption("--json")]
    [Description("Print the figures as JSON (for scripts)")]
    public bool Json { get; init; }

    [CommandOption("--brief")]
    [Description("Leave out the lists of missed and spurious records")]
    public bool Brief { get; init; }

    public override ValidationResult Validate()
    {
        if (base.Validate() is { Successful: false } dateError)
        {
            return dateError;
        }

        if (string.IsNullOrWhiteSpace(Gold))
        {
            return ValidationResult.Error("E0401: --gold DIR is required: the folder of gold annotations to score against");
        }

        if (Pred is null == (Paths.Length == 0))
        {
            return ValidationResult.Error("E0402: give either documents to extract (PATH...) or --pred FILE, not both and not neither");
        }


        return ValidationResult.Success();
    }
}

/// <summary>
/// <c>anvil eval</c>: scores extraction against gold annotations with the reference scorer's matching,
/// for people who annotate their own documents: totals per record type, per document, then what was
/// missed and what was found that the gold does not have.
/// </summary>
internal sealed class EvalCommand : Command<EvalSettings>
{
    public override int Execute(CommandContext context, EvalSettings settings, CancellationToken cancellationToken)
    {
        GoldSet gold;
        try
        {
            gold = GoldSet.Load(settings.Gold!);
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or KeyNotFoundException or InvalidOperationException)
        {
            // a missing folder is said with its code already (E0400: gold folder '...' does not exist)
            Console.Error.WriteLine(e.Message.StartsWith("E0400: ", StringComparison.Ordinal)
                ? $"anvil: {e.Message}"
                : $"anvil: E0400: cannot read gold folder '{settings.Gold}': {e.Message}");
            return 2;
        }

        var predictions = new RecordSet();
        if (settings.Pred is not null)
        {
            if (!File.Exists(settings.Pred))
            {
                Console.Error.WriteLine($"anvil: E0403: prediction file '{settings.Pred}' not found");
                return 2;
            }

            predictions.AddJsonLines(settings.Pred, File.ReadLines(settings.Pred));
        }
        else if (!Extract(settings, predictions))
        {
            return 2;
        }

        foreach (var problem in gold.Problems.Concat(predictions.Problems))
        {
            Console.Error.WriteLine($"anvil: warning: {problem}");
        }

        var docs = settings.Docs?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var report = Scorer.Score(predictions.Records, gold, docs);
        if (settings.Json)
        {
            Console.Out.WriteLine(EvaluationJson.Write(report));
        }
        else
        {
            EvaluationPrinter.Print(report, settings.Gold!, settings.Brief);
        }

        return 0;
    }

    private static bool Extract(EvalSettings settings, RecordSet predictions)
    {
        ExtractionPipeline pipeline;
        try
        {
            pipeline = AnvilPipeline.Create(new PipelineOptions { LexiconFiles = settings.Lexicons, TagEveryClause = settings.Thorough });
        }
        catch (LexiconFormatException e)
        {
            Console.Error.WriteLine($"anvil: E0303: lexicon {e.Message}");
            return false;
        }

        var date = settings.ParsedDate;
        var reader = new DocumentReader();
        var inputs = InputFiles.Expand(settings.Paths, out _)
            .Select(i => new ExtractionInput(i.Path, () => reader.Read(i.Path, new ReadOptions { Date = date, ForceDate = settings.ForceDate }))).ToList();
        var buffer = new ArrayBufferWriter<byte>(1 << 16);
        new BatchExtractor(pipeline, Environment.ProcessorCount).Run(
            inputs,
            analysis =>
            {
                buffer.ResetWrittenCount();
                JsonLinesWriter.Write(analysis, buffer);
                predictions.AddJsonLines(analysis.Document.Id, Encoding.UTF8.GetString(buffer.WrittenSpan).Split('\n'));
            },
            failure => Console.Error.WriteLine($"anvil: {failure.Code}: {failure.Message}"));
        return true;
    }
}

/// <summary>The report as JSON, with the reference scorer's field names.</summary>
internal static class EvaluationJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Write(EvaluationReport report)
    {
        var root = new Dictionary<string, object>(StringComparer.Ordinal);
        if (report.Facts is { } f)
        {
            var facts = Figures(f);
            facts["attribute_accuracy"] = report.FactAttributes.OrderBy(a => a.Key, StringComparer.Ordinal).ToDictionary(a => a.Key, a => (object)Math.Round(a.Value, 3));
            facts["missed"] = report.MissedFacts;
            facts["spurious"] = report.SpuriousFacts;
            root["facts"] = facts;
        }

        if (report.Entities is { } e)
        {
            var entities = Figures(e);
            entities["recall_ignoring_type"] = Math.Round(report.EntityRecallIgnoringType, 3);
            root["entities"] = entities;
        }

        if (report.Relations is { } r)
        {
            root["relations"] = Figures(r);
        }

        root["documents"] = report.ByDocument.ToDictionary(d => d.Key, d => d.Value.ToDictionary(s => s.Key, s => (object)Figures(s.Value)));
        return JsonSerializer.Serialize(root, Options);
    }

    private static Dictionary<string, object> Figures(Score s) => new(StringComparer.Ordinal)
    {
        ["tp"] = s.TruePositives,
        ["fp"] = s.FalsePositives,
        ["fn"] = s.FalseNegatives,
        ["precision"] = Math.Round(s.Precision, 3),
        ["recall"] = Math.Round(s.Recall, 3),
        ["f1"] = Math.Round(s.F1, 3),
    };
}

/// <summary>The report for people: a table of totals, one of documents, then the records to look at.</summary>
internal static class EvaluationPrinter
{
    public static void Print(EvaluationReport report, string goldFolder, bool brief)
    {
        var console = UnwrappedConsole.StandardOutput;
        console.MarkupLine($"[bold]Evaluation against[/] {Markup.Escape(goldFolder)} ({report.ByDocument.Count} documents)");
        var totals = new Table().Border(TableBorder.Rounded).AddColumns("records", "precision", "recall", "F1", "right", "spurious", "missed");
        Row(totals, "facts", report.Facts);
        Row(totals, "entities", report.Entities);
        Row(totals, "relations", report.Relations);
        console.Write(totals);
        if (report.Facts is not null)
        {
            // status and basis are scored only where the gold states them; a gold without them says so
            var stated = new[] { "status", "basis" }.Where(k => !report.FactAttributes.ContainsKey(k)).Select(k => $"{k} no gold");
            console.MarkupLine("Matched facts with the right attribute: " + string.Join(", ",
                report.FactAttributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} {a.Value:P0}").Concat(stated)));
        }

        var perDoc = new Table().Border(TableBorder.Rounded).AddColumns("document", "facts F1", "entities F1", "relations F1");
        foreach (var (doc, scores) in report.ByDocument)
        {
            perDoc.AddRow(Markup.Escape(doc), Cell(scores, "facts"), Cell(scores, "entities"), Cell(scores, "relations"));
        }

        console.Write(perDoc);
        if (brief)
        {
            return;
        }

        List(console, "Facts in the gold that extraction missed", report.MissedFacts);
        List(console, "Facts extracted that the gold does not have (or with another subject, kind, unit or value)", report.SpuriousFacts);
        List(console, "Entities missed", report.MissedEntities);
        List(console, "Entities extracted that the gold does not have", report.SpuriousEntities);
        List(console, "Relations missed", report.MissedRelations);
        List(console, "Relations extracted that the gold does not have", report.SpuriousRelations);
    }

    private static void Row(Table table, string name, Score? s)
    {
        if (s is null)
        {
            table.AddRow(name, "-", "-", "-", "-", "-", "no gold");
            return;
        }

        table.AddRow(name, F(s.Precision), F(s.Recall), $"[bold]{F(s.F1)}[/]", s.TruePositives.ToString(CultureInfo.InvariantCulture),
            s.FalsePositives.ToString(CultureInfo.InvariantCulture), s.FalseNegatives.ToString(CultureInfo.InvariantCulture));
    }

    private static string Cell(Dictionary<string, Score> scores, string kind) =>
        !scores.TryGetValue(kind, out var s) ? ""
        : s.TruePositives + s.FalsePositives + s.FalseNegatives == 0 ? "none, none found"
        : $"{F(s.F1)} ({s.TruePositives}/{s.FalsePositives}/{s.FalseNegatives})";

    private static string F(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);

    private static void List(IAnsiConsole console, string title, List<string> items)
    {
        if (items.Count == 0)
        {
            return;
        }

        console.MarkupLine($"\n[bold]{Markup.Escape(title)}[/] ({items.Count}):");
        foreach (var item in items)
        {
            console.MarkupLine("  " + Markup.Escape(item));
        }
    }
}
