using System.ComponentModel;
using Anvil.Analytics.Chains;
using Anvil.Cli.Commands.Store.Output;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Chains;

internal sealed class ChainsShockSettings : ChainSettings
{
    [CommandOption("--cut <STAGE>")]
    [Description("The stage whose supply lines are cut: a stage name (芯片, 电池), chain/stage (人工智能/芯片, ai/chips) or a product word")]
    public string? Cut { get; init; }

    [CommandOption("--outside <PLACE>")]
    [Description("Cut only supply from outside this city, province or region (长三角, 粤港澳大湾区, 中国): lines inside it stay open")]
    public string? Outside { get; init; }

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        return string.IsNullOrWhiteSpace(Cut)
            ? ValidationResult.Error("E0507: chains shock needs --cut STAGE, such as: anvil chains shock --cut 芯片 --outside 深圳")
            : ValidationResult.Success();
    }
}

/// <summary>
/// <c>anvil chains shock --cut 芯片 [--outside 深圳]</c>: which chains in which cities lose a stage with no local
/// alternative when the stage's supply lines are cut (see <see cref="ChainAnalysis.Shock"/> for the rule).
/// </summary>
internal sealed class ChainsShockCommand : ChainCommand<ChainsShockSettings>
{
    protected override int RunChains(ChainsShockSettings settings, CancellationToken cancellationToken)
    {
        var placements = Place(settings);
        var report = ChainAnalysis.Shock(placements, settings.Cut!, settings.Outside);
        if (report.Rows.Count == 0)
        {
            Console.Error.WriteLine($"anvil: no city makes any stage of a chain with {string.Join(", ", report.Stages.Select(s => s.Label))}: nothing to lose");
        }

        var people = settings.ParsedFormat == OutputFormat.Table;
        SheetWriter.Write([ResultSheet.From("shock", "shock", report.Rows,
            ("city", r => Cell.Of(r.City)),
            ("inside", r => Cell.Of(report.Outside is null ? null : r.InsidePlace ? "yes" : "no")),
            ("chain", r => Cell.Of(r.Chain.Id)),
            ("chain_name", r => Cell.Of(r.Chain.Name)),
            ("stage", r => Cell.Of(r.Stage.Id)),
            ("stage_name", r => Cell.Of(r.Stage.Name)),
            ("outcome", r => Cell.Of(Outcome(r.Outcome))),
            ("closure", r => people ? Cell.Of(ChainText.Percent(r.Closure)) : Cell.Of(r.Closure)),
            ("local", r => Cell.Of(string.Join("|", r.Local.Select(s => s.Company)))),
            ("in_place", r => Cell.Of(string.Join("|", r.InPlace.Select(s => $"{s.Company} ({s.City})")))),
            ("cut_off", r => Cell.Of(string.Join("|", r.CutOff.Select(s => $"{s.Company} ({s.City})")))))],
            settings.ParsedFormat, settings.Output, people ? console => Render(console, report) : null);
        return 0;
    }

    private static string Outcome(ShockOutcome outcome) => outcome switch
    {
        ShockOutcome.Lost => "lost",
        ShockOutcome.KeptInPlace => "kept in place",
        _ => "kept locally",
    };

    private static void Render(IAnsiConsole console, ShockReport report)
    {
        var stages = string.Join(", ", report.Stages.Select(s => s.Label));
        console.MarkupLine(report.Outside is null
            ? $"Cut: [bold]{Markup.Escape(stages)}[/] crosses no city border; each city keeps it only where a company in the city makes it."
            : $"Cut: [bold]{Markup.Escape(stages)}[/] from outside [bold]{Markup.Escape(report.Outside)}[/]; lines inside {Markup.Escape(report.Outside)} stay open, a city outside keeps the stage only where it makes it itself.");
        foreach (var city in report.Rows.GroupBy(r => r.City).OrderBy(g => g.Min(r => r.Outcome)).ThenByDescending(g => g.Any(r => r.InsidePlace)).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var lost = city.Where(r => r.Outcome == ShockOutcome.Lost).ToList();
            var line = lost.Count > 0
                ? $"[red]loses[/] {Markup.Escape(string.Join("; ", lost.Select(r => $"{r.Stage.Name} in {r.Chain.Name}")))}"
                : $"[green]keeps[/] {Markup.Escape(string.Join("; ", city.Select(r => $"{r.Stage.Name} in {r.Chain.Name}")))}";
            console.MarkupLine($"  [bold]{Markup.Escape(city.Key)}[/]{(city.Any(r => r.InsidePlace) ? " (inside)" : "")}: {line}");
        }

        if (report.Rows.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("each city's chains with the cut stage")
            .AddColumns("city", "chain", "closure", "stage", "outcome", "made locally by", "from inside the place", "cut off from");
        foreach (var r in report.Rows)
        {
            var outcome = r.Outcome switch
            {
                ShockOutcome.Lost => "[red]lost[/]",
                ShockOutcome.KeptInPlace => "[yellow]kept in place[/]",
                _ => "[green]kept locally[/]",
            };
            table.AddRow(Markup.Escape(r.City), Markup.Escape(r.Chain.Name), ChainText.Percent(r.Closure), Markup.Escape(r.Stage.Name), outcome,
                ChainText.Suppliers(r.Local), r.InPlace.Count == 0 ? "" : Markup.Escape(ChainText.Names(r.InPlace)), Markup.Escape(ChainText.Names(r.CutOff)));
        }

        console.Write(table);
    }
}
