using System.ComponentModel;
using Anvil.Analytics.Chains;
using Anvil.Cli.Commands.Store.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Chains;

internal sealed class ChainsWhySettings : ChainSettings
{
    [CommandArgument(0, "<CITY>")]
    [Description("The city (any script or form: 合肥, 合肥市)")]
    public string City { get; init; } = "";

    [CommandArgument(1, "<STAGE>")]
    [Description("The stage: a stage name (电池), chain/stage (新能源汽车/电池, nev/battery) or a product word (动力电池)")]
    public string Stage { get; init; } = "";
}

/// <summary>
/// <c>anvil chains why CITY STAGE</c>: why a city counts as making a stage, or why not. For each company that makes it
/// there: the statements (relation, text, figure, file line) with their sentences and documents, and how the work counts
/// in the city: stated there (盐城电池工厂, 在苏州量产), or said of the company whose home the city is. Then the companies in
/// the city whose stage counts elsewhere (a factory city no statement places the work in), with the cities it counts in.
/// </summary>
internal sealed class ChainsWhyCommand : ChainCommand<ChainsWhySettings>
{
    protected override int RunChains(ChainsWhySettings settings, CancellationToken cancellationToken)
    {
        var placements = Place(settings);
        var city = ChainAnalysis.City(placements, settings.City);
        var stages = placements.Catalog.FindStages(settings.Stage);
        if (stages.Count == 0)
        {
            throw new ChainDataException(ChainErrorCodes.UnknownStage,
                $"no chain has a stage '{settings.Stage}' (name one as 电池, 新能源汽车/电池, nev/battery, or by a product word; anvil chains list shows them)");
        }

        var answers = stages.Select(stage => (Stage: stage, Reasons: placements.Reasons(city, stage))).ToList();
        var rows = answers.SelectMany(a => a.Reasons.SelectMany(r => r.StageEvidence.Select(e => (a.Stage, Reason: r, Evidence: e)))).ToList();
        if (settings.Limit > 0)
        {
            rows = [.. rows.Take(settings.Limit)];
        }

        (string, Func<(StageRef Stage, StageSupplier Reason, ChainEvidence Evidence), Cell>)[] columns =
        [
            ("city", x => Cell.Of(city)),
            ("chain", x => Cell.Of(x.Stage.Chain.Id)),
            ("stage", x => Cell.Of(x.Stage.Stage.Id)),
            ("stage_name", x => Cell.Of(x.Stage.Stage.Name)),
            ("company", x => Cell.Of(x.Reason.Company)),
            ("counts", x => Cell.Of(x.Reason.Basis == CountBasis.Elsewhere ? "no" : "yes")),
            ("basis", x => Cell.Of(x.Reason.BasisName)),
            ("counts_in", x => Cell.Of(string.Join('|', x.Reason.CountsIn))),
            .. ChainText.EvidenceColumns("evidence_").Select(c => (c.Item1, (Func<(StageRef Stage, StageSupplier Reason, ChainEvidence Evidence), Cell>)(x => c.Item2(x.Evidence)))),
            .. ChainText.EvidenceColumns("city_evidence_").Select(c => (c.Item1,
                (Func<(StageRef Stage, StageSupplier Reason, ChainEvidence Evidence), Cell>)(x => c.Item2(x.Reason.CityEvidence.Count > 0 ? x.Reason.CityEvidence[0] : null)))),
        ];
        SheetWriter.Write([ResultSheet.From("why", "reason", rows, columns)], settings.ParsedFormat, settings.Output,
            settings.ParsedFormat == OutputFormat.Table ? console => Render(console, city, answers) : null);
        return 0;
    }

    private static void Render(IAnsiConsole console, string city, IReadOnlyList<(StageRef Stage, IReadOnlyList<StageSupplier> Reasons)> answers)
    {
        foreach (var (stage, reasons) in answers)
        {
            var label = Markup.Escape($"{stage.Chain.Name}/{stage.Stage.Name}");
            var makers = reasons.Where(r => r.Basis != CountBasis.Elsewhere).ToList();
            console.MarkupLine(makers.Count > 0
                ? $"[bold]{Markup.Escape(city)}[/] makes [bold]{label}[/]: {string.Join("、", makers.Select(r => Markup.Escape(r.Company)))}"
                : $"[bold]{Markup.Escape(city)}[/] does not make [bold]{label}[/]: no company placed there makes it there");
            foreach (var r in reasons)
            {
                console.MarkupLine($"  [bold]{Markup.Escape(r.Company)}[/]: {Markup.Escape(Basis(r))}");
                foreach (var e in r.StageEvidence)
                {
                    console.MarkupLine($"    {ChainText.Statement(e)}");
                }

                if (r.CityEvidence.Count > 0)
                {
                    console.MarkupLine($"    [grey]in {Markup.Escape(city)}:[/] {ChainText.Statement(r.CityEvidence[0])}");
                }
            }

            console.WriteLine();
        }
    }

    private static string Basis(StageSupplier r) => r.Basis switch
    {
        CountBasis.StatedHere => $"the statement places the work in {r.City}",
        CountBasis.Home => $"said of the company, and {r.City} is its home",
        _ => $"in {r.City}, but no statement places this work there and {r.City} is not a home it is said of; it counts in "
            + (r.CountsIn.Count > 0 ? string.Join("、", r.CountsIn) : "no city"),
    };
}
