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

    [CommandOption("--quotes")]
    [Description("Show the quote each figure comes from")]
    public bool Quotes { get; init; }

    [CommandOption("--all")]
    [Description("List every statement of every figure instead of one summary per cell (for small knowledge bases)")]
    public bool All { get; init; }

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
/// <c>anvil compare 深圳 杭州</c>: indicators side by side, aligned by indicator, scope, kind, period, unit, status and basis,
/// latest period first. Each cell sums up what the documents state (the figure most agree on or the latest, how many
/// state it, the range, a conflict flag), aggregated in the store; <c>--quotes</c> adds where it is stated, <c>--all</c>
/// lists every statement. Figures that do not line up (another scope, unit or period) are shown apart.
/// </summary>
internal sealed class CompareCommand : StoreCommand<CompareSettings>
{
    protected override int Run(CompareSettings settings, CancellationToken cancellationToken)
    {
        using var store = Open(settings, create: false);
        var comparison = Compare(store, settings.Names, settings.Indicator, settings.Scope, settings.ParsedPeriod);
        var quotes = settings.Quotes ? Quotes(store, comparison) : null;
        if (settings.All)
        {
            WriteAll(store, comparison, settings.ParsedFormat, settings.Output);
        }
        else
        {
            Write(comparison, settings.ParsedFormat, settings.Output, quotes);
        }

        // the names it holds are compared all the same; one it does not hold is an input that failed (a name with a cell,
        // or an indicator when any name has one, is held: only the others are looked for)
        var stated = comparison.Comparable.Concat(comparison.Apart).SelectMany(r => r.Cells.Keys).ToHashSet(StringComparer.Ordinal);
        return UnknownNames.Report(store, settings.Names.Where(n => !stated.Contains(n)), stated.Count > 0 ? null : settings.Indicator) ? 1 : 0;
    }

    /// <summary>
    /// Each subject's figures summed up in the store; the subjects after the first on connections of their own, side by
    /// side with the first (each is a pass over tens of thousands of statements in a large knowledge base).
    /// </summary>
    public static Comparison Compare(IKnowledgeStore store, IReadOnlyList<string> names, string? indicator = null, string? scope = null, PeriodRange? period = null)
    {
        FactQuery Query(string name) => new()
        {
            Subjects = Filters.Expand(name),
            Indicators = Filters.ExpandIndicator(indicator),
            Scopes = Filters.Expand(scope),
            Period = period,
        };

        var others = names.Skip(1).Select(name => Task.Run(() =>
        {
            using var own = KnowledgeStore.Open(store.Location, create: false);
            return own.Summaries(Query(name));
        })).ToList();
        var subjects = new List<(string, IReadOnlyList<FigureSummary>)>();
        if (names.Count > 0)
        {
            subjects.Add((names[0], store.Summaries(Query(names[0]))));
        }

        subjects.AddRange(names.Skip(1).Zip(others, (name, summing) => (name, summing.GetAwaiter().GetResult())));
        return Comparisons.Compare(subjects);
    }

    /// <summary>The facts that stand for the cells, read in one query, by id.</summary>
    public static Dictionary<long, FactRow> Quotes(IKnowledgeStore store, Comparison comparison)
    {
        var ids = comparison.Comparable.Concat(comparison.Apart).SelectMany(r => r.Cells.Values).Select(s => s.FactId).Distinct().ToList();
        var facts = new Dictionary<long, FactRow>();
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var f in store.Facts(new FactQuery { Ids = chunk }))
            {
                facts[f.Id] = f;
            }
        }

        return facts;
    }

    private static IEnumerable<(ComparisonRow Row, bool Comparable, string Subject, FigureSummary Cell)> Cells(Comparison comparison) =>
        comparison.Comparable.Select(r => (Row: r, Comparable: true)).Concat(comparison.Apart.Select(r => (Row: r, Comparable: false)))
            .SelectMany(x => comparison.Subjects.Where(x.Row.Cells.ContainsKey).Select(s => (x.Row, x.Comparable, Subject: s, Cell: x.Row.Cells[s])));

    public static void Write(Comparison comparison, OutputFormat format, string? output, IReadOnlyDictionary<long, FactRow>? quotes = null)
    {
        if (comparison.Comparable.Count + comparison.Apart.Count == 0)
        {
            Console.Error.WriteLine($"anvil: no facts about {string.Join(" or ", comparison.Subjects)} in the knowledge base yet");
        }

        if (format == OutputFormat.Table)
        {
            SheetWriter.Write([], format, output, console => Render(console, comparison, quotes));
            return;
        }

        FactRow? Quote(FigureSummary s) => quotes is not null && quotes.TryGetValue(s.FactId, out var f) ? f : null;
        SheetWriter.Write([ResultSheet.From("comparison", "comparison", Cells(comparison),
            ("comparable", x => Cell.Of(x.Comparable ? "yes" : "no")),
            ("indicator", x => Cell.Of(x.Row.Key.Indicator)),
            ("scope", x => Cell.Of(x.Row.Key.Scope)),
            ("kind", x => Cell.Of(x.Row.Key.Kind.ToSpecName())),
            ("period", x => Cell.Of(x.Row.Key.Period)),
            ("unit", x => Cell.Of(x.Row.Key.Unit.Code)),
            ("status", x => Cell.Of(x.Row.Key.Status.ToSpecName())),
            ("basis", x => Cell.Of(x.Row.Key.Basis?.ToSpecName())),
            ("subject", x => Cell.Of(x.Subject)),
            ("value", x => Cell.Of(x.Cell.Fact.Value)),
            ("value_high", x => x.Cell.Fact.ValueHigh is { } high ? Cell.Of(high) : Cell.Of((string?)null)),
            ("qualifier", x => Cell.Of(x.Cell.Fact.Qualifier.ToSpecName())),
            ("chosen_by", x => Cell.Of(ChoiceName(x.Cell.Choice))),
            ("documents_with_value", x => Cell.Of(x.Cell.ChosenDocuments)),
            ("documents", x => Cell.Of(x.Cell.Documents)),
            ("values", x => Cell.Of(x.Cell.Values)),
            ("low", x => Cell.Of(x.Cell.Low)),
            ("high", x => Cell.Of(x.Cell.High)),
            ("conflict", x => Cell.Of(x.Cell.Conflict ? "yes" : "no")),
            ("date", x => Cell.Of(x.Cell.Date)),
            ("source", x => Cell.Of(x.Cell.Fact.Source)),
            ("doc", x => Cell.Of(x.Cell.Doc)),
            ("span_start", x => Quote(x.Cell) is { } f ? Cell.Of(f.Start) : Cell.Of((string?)null)),
            ("span_end", x => Quote(x.Cell) is { } f ? Cell.Of(f.End) : Cell.Of((string?)null)),
            ("quote", x => Cell.Of(Quote(x.Cell)?.Quote)),
            ("note", x => Cell.Of(x.Row.Note)))], format, output);
    }

    /// <summary>The spec-like name of a choice: agreed, most_sources, latest.</summary>
    public static string ChoiceName(SummaryChoice choice) => choice switch
    {
        SummaryChoice.Agreed => "agreed",
        SummaryChoice.MostSources => "most_sources",
        _ => "latest",
    };

    /// <summary>Today's full listing: every statement of every cell, read cell by cell.</summary>
    private static void WriteAll(IKnowledgeStore store, Comparison comparison, OutputFormat format, string? output)
    {
        var rows = Cells(comparison).SelectMany(x => store.Facts(new FactQuery { Summary = x.Cell }).Select(f => (x.Row, x.Comparable, x.Subject, Fact: f))).ToList();
        SheetWriter.Write([ResultSheet.From("comparison", "comparison", rows,
            ("comparable", x => Cell.Of(x.Comparable ? "yes" : "no")),
            ("indicator", x => Cell.Of(x.Row.Key.Indicator)),
            ("scope", x => Cell.Of(x.Row.Key.Scope)),
            ("kind", x => Cell.Of(x.Row.Key.Kind.ToSpecName())),
            ("period", x => Cell.Of(x.Row.Key.Period ?? EffectivePeriod.Label(x.Fact))),
            ("unit", x => Cell.Of(x.Row.Key.Unit.Code)),
            ("status", x => Cell.Of(x.Row.Key.Status.ToSpecName())),
            ("basis", x => Cell.Of(x.Row.Key.Basis?.ToSpecName())),
            ("subject", x => Cell.Of(x.Subject)),
            ("value", x => format == OutputFormat.Table ? Cell.Of(PeopleFigures.Format(x.Fact.Fact)) : Cell.Of(x.Fact.Fact.Value)),
            ("qualifier", x => Cell.Of(x.Fact.Fact.Qualifier.ToSpecName())),
            ("source", x => Cell.Of(x.Fact.Fact.Source)),
            ("doc", x => Cell.Of(x.Fact.Doc)),
            ("date", x => Cell.Of(x.Fact.Date)),
            ("span_start", x => Cell.Of(x.Fact.Start)),
            ("span_end", x => Cell.Of(x.Fact.End)),
            ("quote", x => Cell.Of(x.Fact.Quote)),
            ("note", x => Cell.Of(x.Row.Note)))], format, output);
    }

    private static void Render(IAnsiConsole console, Comparison comparison, IReadOnlyDictionary<long, FactRow>? quotes)
    {
        if (comparison.Comparable.Count > 0)
        {
            var table = new Table().Border(TableBorder.Rounded).Title($"{Markup.Escape(string.Join(" / ", comparison.Subjects))}: side by side")
                .AddColumns("indicator", "scope", "kind", "period"); // each figure writes its unit (亿元, %, 家)
            foreach (var s in comparison.Subjects)
            {
                table.AddColumn(Markup.Escape(s));
            }

            foreach (var row in comparison.Comparable)
            {
                var cells = new List<string> { Markup.Escape(row.Key.Indicator), Markup.Escape(row.Key.Scope ?? ""), KindText(row.Key), Markup.Escape(PeriodText(row)) };
                cells.AddRange(comparison.Subjects.Select(s => row.Cells.TryGetValue(s, out var summary) ? CellText(summary, quotes) : ""));
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
                var (subject, summary) = row.Cells.First();
                apart.AddRow(Markup.Escape(row.Key.Indicator), Markup.Escape(row.Key.Scope ?? ""), KindText(row.Key), Markup.Escape(PeriodText(row)),
                    Markup.Escape(subject), CellText(summary, quotes), Markup.Escape(row.Note ?? ""));
            }

            console.Write(apart);
        }
    }

    private static string PeriodText(ComparisonRow row) => row.Key.Period ?? (row.Period is { } p ? $"current ({p.EndText})" : "current");

    /// <summary>The kind, with the status and basis when they say more than an actual figure: <c>growth · yoy</c>, <c>value · target</c>.</summary>
    private static string KindText(CompareKey key) =>
        string.Join(" · ", new[] { key.Kind.ToSpecName(), key.Status == FactStatus.Actual ? null : key.Status.ToSpecName(), key.Basis?.ToSpecName() }
            .Where(x => x is not null));

    /// <summary>A cell: the figure, how it was chosen and what the others say, and with --quotes where it is stated.</summary>
    private static string CellText(FigureSummary s, IReadOnlyDictionary<long, FactRow>? quotes)
    {
        var text = $"[bold]{Markup.Escape(PeopleFigures.Format(s.Fact))}[/]\n[{(s.Conflict ? "yellow" : "grey")}]{Markup.Escape(PeopleFigures.Describe(s))}[/]";
        return quotes is not null && quotes.TryGetValue(s.FactId, out var f) ? text + $"\n[grey]{Markup.Escape(f.Doc)}: {Markup.Escape(f.Quote)}[/]" : text;
    }
}
