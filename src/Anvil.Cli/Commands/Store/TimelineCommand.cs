using System.ComponentModel;
using Anvil.Analytics;
using Anvil.Cli.Commands.Store.Output;
using Anvil.Core.Facts;
using Anvil.Store.Records;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Store;

internal sealed class TimelineSettings : QuerySettings
{
    [CommandArgument(0, "<SUBJECT>")]
    [Description("Place, company or body (any script or alias)")]
    public string Subject { get; init; } = "";

    [CommandArgument(1, "<INDICATOR>")]
    [Description("What is measured (产业规模, 企业数量)")]
    public string Indicator { get; init; } = "";

    [CommandOption("--scope <SCOPE>")]
    [Description("Only this scope (人工智能)")]
    public string? Scope { get; init; }

    [CommandOption("--kind <KIND>")]
    [Description("Only value, growth, delta, share or rank")]
    public string? Kind { get; init; }

    [CommandOption("--quotes")]
    [Description("Show the quote each line's figure comes from")]
    public bool Quotes { get; init; }

    [CommandOption("--all")]
    [Description("List every statement instead of one line per period (for small knowledge bases)")]
    public bool All { get; init; }

    public FactKind? ParsedKind { get; private set; }

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        if (Subject.Trim().Length == 0 || Indicator.Trim().Length == 0)
        {
            return ValidationResult.Error("E0507: timeline needs a subject and an indicator, such as: anvil timeline 深圳 产业规模");
        }

        var kind = SettingChecks.Kind(Kind, out var parsedKind);
        ParsedKind = parsedKind;
        return kind ?? ValidationResult.Success();
    }
}

/// <summary>
/// <c>anvil timeline 深圳 产业规模</c>: the indicator over periods, oldest first, one line per period (and scope, kind,
/// status, basis) summed up in the store: the figure most documents agree on or the latest, how many state it, the range,
/// a conflict flag; <c>--quotes</c> adds where it is stated, <c>--all</c> lists every statement.
/// </summary>
internal sealed class TimelineCommand : StoreCommand<TimelineSettings>
{
    protected override int Run(TimelineSettings settings, CancellationToken cancellationToken)
    {
        using var store = Open(settings, create: false);
        var query = new FactQuery
        {
            Subjects = Filters.Expand(settings.Subject),
            Indicators = Filters.ExpandIndicator(settings.Indicator),
            Scopes = Filters.Expand(settings.Scope),
            Kind = settings.ParsedKind,
        };
        var people = settings.ParsedFormat == OutputFormat.Table;
        int count;
        if (settings.All)
        {
            var statements = Timelines.Statements(store.Facts(query with { Limit = settings.Limit }));
            count = statements.Count;
            SheetWriter.Write([ResultSheet.From($"{settings.Subject} {settings.Indicator}", "point", statements,
                ("period", p => Cell.Of(people ? p.Label : p.Fact.Fact.Period)),
                ("kind", p => Cell.Of(p.Fact.Fact.Kind.ToSpecName())),
                ("scope", p => Cell.Of(p.Fact.Fact.Scope)),
                ("value", p => people ? Cell.Of(PeopleFigures.Format(p.Fact.Fact)) : Cell.Of(p.Fact.Fact.Value)),
                ("unit", p => Cell.Of(p.Fact.Fact.Unit.Code)),
                ("qualifier", p => Cell.Of(p.Fact.Fact.Qualifier.ToSpecName())),
                ("status", p => Cell.Of(p.Fact.Fact.Status.ToSpecName())),
                ("basis", p => Cell.Of(p.Fact.Fact.Basis?.ToSpecName())),
                ("source", p => Cell.Of(p.Fact.Fact.Source)),
                ("doc", p => Cell.Of(p.Fact.Doc)),
                ("date", p => Cell.Of(p.Fact.Date)),
                ("quote", p => Cell.Of(p.Fact.Quote)))], settings.ParsedFormat, settings.Output);
        }
        else
        {
            var points = Timelines.Build(store.Summaries(query));
            if (settings.Limit > 0)
            {
                points = [.. points.Take(settings.Limit)];
            }

            count = points.Count;
            var quotes = settings.Quotes
                ? points.Select(p => p.Summary.FactId).Chunk(500).SelectMany(ids => store.Facts(new FactQuery { Ids = ids })).ToDictionary(f => f.Id)
                : [];
            FactRow? Quote(TimelinePoint p) => quotes.GetValueOrDefault(p.Summary.FactId);
            (string, Func<TimelinePoint, Cell>)[] columns =
            [
                ("period", p => Cell.Of(people ? p.Label : p.Summary.Fact.Period)),
                ("kind", p => Cell.Of(p.Summary.Fact.Kind.ToSpecName())),
                ("scope", p => Cell.Of(p.Summary.Fact.Scope)),
                ("value", p => people ? Cell.Of(PeopleFigures.Format(p.Summary.Fact)) : Cell.Of(p.Summary.Fact.Value)),
                ("sources", p => people ? Cell.Of(PeopleFigures.Describe(p.Summary)) : Cell.Of(p.Summary.Documents)),
                ("unit", p => Cell.Of(p.Summary.Fact.Unit.Code)),
                ("qualifier", p => Cell.Of(p.Summary.Fact.Qualifier.ToSpecName())),
                ("status", p => Cell.Of(p.Summary.Fact.Status.ToSpecName())),
                ("basis", p => Cell.Of(p.Summary.Fact.Basis?.ToSpecName())),
                ("chosen_by", p => Cell.Of(CompareCommand.ChoiceName(p.Summary.Choice))),
                ("documents_with_value", p => Cell.Of(p.Summary.ChosenDocuments)),
                ("low", p => Cell.Of(p.Summary.Low)),
                ("high", p => Cell.Of(p.Summary.High)),
                ("conflict", p => Cell.Of(p.Summary.Conflict ? "yes" : "no")),
                ("date", p => Cell.Of(p.Summary.Date)),
                ("doc", p => Cell.Of(p.Summary.Doc)),
                ("quote", p => Cell.Of(Quote(p)?.Quote)),
            ];
            // people read the figure and what the sources say; the counts and range are in the machine formats
            var shown = people
                ? columns.Where(c => c.Item1 is "period" or "kind" or "scope" or "value" or "sources" || (c.Item1 is "status" or "basis" && points.Any(p => Qualified(p)))
                                     || (c.Item1 is "doc" or "quote" && settings.Quotes)).ToArray()
                : columns;
            SheetWriter.Write([ResultSheet.From($"{settings.Subject} {settings.Indicator}", "point", points, shown)], settings.ParsedFormat, settings.Output);
        }

        if (count == 0)
        {
            if (UnknownNames.Report(store, [settings.Subject], settings.Indicator))
            {
                return 1;
            }

            Console.Error.WriteLine($"anvil: no facts about {settings.Subject} {settings.Indicator}");
        }

        return 0;
    }

    private static bool Qualified(TimelinePoint p) => p.Summary.Fact.Status != FactStatus.Actual || p.Summary.Fact.Basis is not null;
}
