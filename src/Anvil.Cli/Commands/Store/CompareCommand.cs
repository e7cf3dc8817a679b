using System.ComponentModel;
using Anvil.Analytics;
using Anvil.Cli.Commands.Store.Output;
using Anvil.Core.Facts;
using Anvil.Store;
using Anvil.Store.Periods;
using Anvil.Store.Records;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Store;

internal sealed class CompareSettings : QuerySettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("Two or more places, companies or bodies (any script or alias)")]
    public string[] Names { get; init; } = [];

    [CommandOption("--indicator <INDICATOR>")]
    [Description("Only this indicator (产业规模, 企业数量)")]
    public string? Indicator { get; init; }

    [CommandOption("--scope <SCOPE>")]
    [Description("Only this scope (人工智能)")]
    public string? Scope { get; init; }

    [CommandOption("--period <PERIOD>")]
    [Description("Only figures whose period falls in this year, range of years (2023-2024) or period")]
    public string? Period { get; init; }

    public PeriodRange? ParsedPeriod { get; private set; }

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        if (Names.Length < 2)
        {
            return ValidationResult.Error("E0507: compare needs two or more names, such as: anvil compare 深圳 杭州");
        }

        var period = SettingChecks.Period(Period, out var range);
        ParsedPeriod = range;
        return period ?? ValidationResult.Success();
    }
}

/// <summary>
/// <c>anvil compare 深圳 杭州</c>: indicators side by side, aligned by indicator, scope, kind, period and unit, latest
/// period first; figures that do not line up (another scope, unit or period) are shown apart.
/// </summary>
internal sealed class CompareCommand : StoreCommand<CompareSettings>
{
    protected override int Run(CompareSettings settings, CancellationToken cancellationToken)
    {
        using var store = Open(settings, create: false);
        var comparison = Compare(store, settings.Names, settings.Indicator, settings.Scope, settings.ParsedPeriod);
        Write(comparison, settings.ParsedFormat, settings.Output);
        return 0;
    }

    public static Comparison Compare(IKnowledgeStore store, IReadOnlyList<string> names, string? indicator = null, string? scope = null, PeriodRange? period = null)
    {
        var subjects = names.Select(name => (name, (IReadOnlyList<FactRow>)store.Facts(new FactQuery
        {
            Subjects = Filters.Expand(name),
            Indicators = Filters.Expand(indicator),
            Scopes = Filters.Expand(scope),
            Period = period,
        }))).ToList();
        return Comparisons.Compare(subjects);
    }

    public static void Write(Comparison comparison, OutputFormat format, string? output)
    {
        if (comparison.Comparable.Count + comparison.Apart.Count == 0)
        {
            Console.Error.WriteLine($"anvil: no facts about {string.Join(" or ", comparison.Subjects)} in the knowledge base yet");
        }

        if (format == OutputFormat.Table)
        {
            SheetWriter.Write([], format, output, console => Render(console, comparison));
            return;
        }

        var rows = comparison.Comparable.Select(r => (Row: r, Comparable: true)).Concat(comparison.Apart.Select(r => (Row: r, Comparable: false)))
            .SelectMany(x => comparison.Subjects.Where(x.Row.Cells.ContainsKey)
                .SelectMany(s => x.Row.Cells[s].Select(f => (x.Row, x.Comparable, Subject: s, Fact: f))));
        SheetWriter.Write([ResultSheet.From("comparison", "comparison", rows,
            ("comparable", x => Cell.Of(x.Comparable ? "yes" : "no")),
            ("indicator", x => Cell.Of(x.Row.Key.Indicator)),
            ("scope", x => Cell.Of(x.Row.Key.Scope)),
            ("kind", x => Cell.Of(x.Row.Key.Kind.ToSpecName())),
            ("period", x => Cell.Of(x.Row.Key.Period)),
            ("unit", x => Cell.Of(x.Row.Key.Unit.Code)),
            ("status", x => Cell.Of(x.Row.Key.Status.ToSpecName())),
            ("basis", x => Cell.Of(x.Row.Key.Basis?.ToSpecName())),
            ("subject", x => Cell.Of(x.Subject)),
            ("value", x => Cell.Of(x.Fact.Fact.Value)),
            ("value_high", x => x.Fact.Fact.ValueHigh is { } high ? Cell.Of(high) : Cell.Of((string?)null)),
            ("qualifier", x => Cell.Of(x.Fact.Fact.Qualifier.ToSpecName())),
            ("unit_text", x => Cell.Of(x.Fact.Fact.UnitText)),
            ("source", x => Cell.Of(x.Fact.Fact.Source)),
            ("doc", x => Cell.Of(x.Fact.Doc)),
            ("date", x => Cell.Of(x.Fact.Date)),
            ("span_start", x => Cell.Of(x.Fact.Start)),
            ("span_end", x => Cell.Of(x.Fact.End)),
            ("quote", x => Cell.Of(x.Fact.Quote)),
            ("note", x => Cell.Of(x.Row.Note)))], format, output);
    }

    private static void Render(IAnsiConsole console, Comparison comparison)
    {
        if (comparison.Comparable.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"{Markup.Escape(string.Join(" / ", comparison.Subjects))}: side by side")
                .AddColumns("indicator", "scope", "kind", "period", "unit");
            foreach (var s in comparison.Subjects)
            {
                table.AddColumn(Markup.Escape(s));
            }

            foreach (var row in comparison.Comparable)
            {
                var cells = new List<string> { Markup.Escape(row.Key.Indicator), Markup.Escape(row.Key.Scope ?? ""), KindText(row.Key), Markup.Escape(row.Key.Period ?? "current"), row.Key.Unit.Code };
                cells.AddRange(comparison.Subjects.Select(s => row.Cells.TryGetValue(s, out var facts) ? CellText(facts) : ""));
                table.AddRow(cells.ToArray());
            }

            console.Write(table);
        }
        else if (comparison.Apart.Count > 0)
        {
            console.MarkupLine($"[grey]no figure that {Markup.Escape(string.Join(" and ", comparison.Subjects))} both state for the same indicator, scope, kind, period and unit[/]");
        }

        if (comparison.Apart.Count > 0)
        {
            var apart = new Table().Border(TableBorder.Rounded).Title("not comparable (stated by one only, or for another scope, unit or period)")
                .AddColumns("indicator", "scope", "kind", "period", "subject", "value", "why");
            foreach (var row in comparison.Apart)
            {
                var (subject, facts) = row.Cells.First();
                apart.AddRow(Markup.Escape(row.Key.Indicator), Markup.Escape(row.Key.Scope ?? ""), KindText(row.Key), Markup.Escape(row.Key.Period ?? "current"),
                    Markup.Escape(subject), CellText(facts), Markup.Escape(row.Note ?? ""));
            }

            console.Write(apart);
        }
    }

    /// <summary>The kind, with the status and basis when they say more than an actual figure: <c>growth · yoy</c>, <c>value · target</c>.</summary>
    private static string KindText(CompareKey key) =>
        string.Join(" · ", new[] { key.Kind.ToSpecName(), key.Status == FactStatus.Actual ? null : key.Status.ToSpecName(), key.Basis?.ToSpecName() }
            .Where(x => x is not null));

    /// <summary>Each fact of a cell: its value with qualifier, then its document and quote.</summary>
    private static string CellText(IReadOnlyList<FactRow> facts) =>
        string.Join("\n", facts.Select(f =>
            $"[bold]{Markup.Escape(FigureText.Format(f.Fact))}[/]\n[grey]{Markup.Escape(f.Doc)}: {Markup.Escape(f.Quote)}[/]"));
}
