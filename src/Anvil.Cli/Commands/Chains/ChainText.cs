using System.Globalization;
using Anvil.Analytics.Chains;
using Anvil.Cli.Commands.Store.Output;
using Spectre.Console;

namespace Anvil.Cli.Commands.Chains;

/// <summary>How chain results read in people's tables (markup), and the evidence columns machine formats share.</summary>
internal static class ChainText
{
    private const int QuoteWidth = 36;

    public static string Percent(double share) => share.ToString("0%", CultureInfo.InvariantCulture);

    public static string Weight(double weight) => weight.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>One line of evidence: what was read, the quote (shortened) and where.</summary>
    public static string Evidence(ChainEvidence e)
    {
        var where = e.Doc ?? e.Origin;
        var quote = e.Quote is null ? "" : $" 「{Shorten(e.Quote)}」";
        return $"{Markup.Escape(e.Detail)}{Markup.Escape(quote)}" + (where is null ? "" : $" [grey]({Markup.Escape(where)})[/]");
    }

    /// <summary>One piece of evidence in full, for a reader who asks why: what was read, the sentence that says it, and where (document and span, or file line).</summary>
    public static string Statement(ChainEvidence e)
    {
        var where = e.Doc is { } doc ? string.Create(CultureInfo.InvariantCulture, $"{doc} [{e.Start}, {e.End})") : e.Origin;
        var quote = e.Sentence is { } sentence ? $" 「{sentence}」" : "";
        return $"{Markup.Escape(e.Detail)}{Markup.Escape(quote)}" + (where is null ? "" : $" [grey]({Markup.Escape(where)})[/]");
    }

    /// <summary>A company making a stage: its name, the strongest evidence for the stage and for its city, and how much more there is.</summary>
    public static string Supplier(StageSupplier s, bool withCity = true)
    {
        var text = $"[bold]{Markup.Escape(s.Company)}[/]\n  {Evidence(s.StageEvidence[0])}{More(s.StageEvidence.Count)}";
        if (withCity)
        {
            text += $"\n  [grey]in {Markup.Escape(s.City)}:[/] {Evidence(s.CityEvidence[0])}{More(s.CityEvidence.Count)}";
        }

        return text;
    }

    public static string Suppliers(IReadOnlyList<StageSupplier> suppliers, bool withCity = true) =>
        suppliers.Count == 0 ? "[grey]—[/]" : string.Join("\n", suppliers.Select(s => Supplier(s, withCity)));

    /// <summary>Company names with their cities, for short cells (cut-off suppliers).</summary>
    public static string Names(IReadOnlyList<StageSupplier> suppliers) =>
        string.Join("、", suppliers.Select(s => $"{s.Company} ({s.City})"));

    private static string More(int count) => count > 1 ? $" [grey](+{count - 1} more)[/]" : "";

    private static string Shorten(string quote)
    {
        var flat = quote.ReplaceLineEndings(" ");
        return flat.Length <= QuoteWidth ? flat : flat[..(QuoteWidth - 1)] + "…";
    }

    /// <summary>The evidence columns of machine formats, full quotes and spans.</summary>
    public static (string, Func<ChainEvidence?, Cell>)[] EvidenceColumns(string prefix) =>
    [
        (prefix + "kind", e => Cell.Of(e?.KindName)),
        (prefix + "detail", e => Cell.Of(e?.Detail)),
        (prefix + "doc", e => Cell.Of(e?.Doc)),
        (prefix + "span_start", e => e?.Start is { } s ? Cell.Of(s) : Cell.Of((string?)null)),
        (prefix + "span_end", e => e?.End is { } x ? Cell.Of(x) : Cell.Of((string?)null)),
        (prefix + "quote", e => Cell.Of(e?.Quote)),
        (prefix + "origin", e => Cell.Of(e?.Origin)),
    ];

    /// <summary>
    /// Coverage for machines: one row per city, chain, stage and piece of stage evidence, with the strongest evidence
    /// for the company's city and the basis (stated_here, home); a stage the city does not make is one row with no company.
    /// </summary>
    public static ResultSheet CoverageSheet(string name, IEnumerable<ChainCoverage> coverage)
    {
        var rows = coverage.SelectMany(c => c.Stages.SelectMany(s => s.Covered
            ? s.Suppliers.SelectMany(x => x.StageEvidence.Select(e => new EvidenceRow(c, s, x, e)))
            : [new EvidenceRow(c, s, null, null)]));
        (string, Func<EvidenceRow, Cell>)[] columns =
        [
            ("city", x => Cell.Of(x.Coverage.City)),
            ("chain", x => Cell.Of(x.Coverage.Chain.Id)),
            ("chain_name", x => Cell.Of(x.Coverage.Chain.Name)),
            ("closure", x => Cell.Of(x.Coverage.Closure)),
            ("stage", x => Cell.Of(x.Stage.Stage.Id)),
            ("stage_name", x => Cell.Of(x.Stage.Stage.Name)),
            ("weight", x => Cell.Of(x.Stage.Stage.Weight)),
            ("covered", x => Cell.Of(x.Stage.Covered ? "yes" : "no")),
            ("company", x => Cell.Of(x.Supplier?.Company)),
            .. EvidenceColumns("evidence_").Select(c => (c.Item1, (Func<EvidenceRow, Cell>)(x => c.Item2(x.Evidence)))),
            .. EvidenceColumns("city_evidence_").Select(c => (c.Item1, (Func<EvidenceRow, Cell>)(x => c.Item2(x.Supplier?.CityEvidence[0])))),
            ("basis", x => Cell.Of(x.Supplier?.BasisName)), // stated_here or home: how the work counts in the city (last, so older readers keep their columns)
        ];
        return ResultSheet.From(name, "coverage", rows, columns);
    }

    internal sealed record EvidenceRow(ChainCoverage Coverage, StageCoverage Stage, StageSupplier? Supplier, ChainEvidence? Evidence);
}
