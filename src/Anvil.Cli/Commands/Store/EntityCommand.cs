using System.ComponentModel;
using Anvil.Analytics;
using Anvil.Cli.Commands.Store.Output;
using Anvil.Core.Facts;
using Anvil.Core.Entities;
using Anvil.Store.Matching;
using Anvil.Store.Records;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Store;

internal sealed class EntitySettings : QuerySettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("The entity's name in any script or any alias (华为, 華為, Huawei; 深圳市)")]
    public string Name { get; init; } = "";

    [CommandOption("--type <TYPE>")]
    [Description("Only entities of this type (place, company, person, ...) when a name has several")]
    public string? Type { get; init; }

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        if (Name.Trim().Length == 0)
        {
            return ValidationResult.Error("E0507: name the entity to show");
        }

        return Type is null || EntityTypeNames.TryParse(Type, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"E0504: --type must be one of place, company, person, government, organization, university, media, group, work, product, industry; not '{Type}'");
    }
}

/// <summary><c>anvil entity NAME</c>: the entity's type, aliases, facts, relations and documents.</summary>
internal sealed class EntityCommand : StoreCommand<EntitySettings>
{
    protected override int Run(EntitySettings settings, CancellationToken cancellationToken)
    {
        using var store = Open(settings, create: false);
        var folded = Names.Fold(settings.Name);
        var entities = store.FindEntities(Filters.Expand(settings.Name)!)
            .Where(e => settings.Type is null || string.Equals(e.Type, settings.Type.Trim(), StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(e => Names.Fold(e.Name) == folded)
            .ToList();
        if (entities.Count == 0)
        {
            Console.Error.WriteLine(UnknownNames.Entity(store, settings.Name));
            return 1;
        }

        // figures summed up per period in the store; for people the first relations and latest documents, with their counts
        int listed = settings.ParsedFormat == OutputFormat.Table && settings.Limit == 0 ? Listed : settings.Limit;
        var views = entities.Select(e => new EntityView(e, store.Aliases(e.Id),
            Timelines.Build(store.Summaries(new FactQuery { SubjectEntityId = e.Id, Limit = settings.Limit })),
            store.Relations(e.Id, listed), store.CountRelations(e.Id), store.EntityDocuments(e.Id, listed))).ToList();
        var format = settings.ParsedFormat;
        SheetWriter.Write(Sheets(views, format), format, settings.Output, format == OutputFormat.Table ? console => Render(console, views) : null);
        return 0;
    }

    /// <summary>Relations and documents a table lists at most (a large place is mentioned in thousands); --limit changes it.</summary>
    private const int Listed = 20;

    private sealed record EntityView(EntityRow Entity, IReadOnlyList<AliasRow> Aliases, IReadOnlyList<TimelinePoint> Figures,
        IReadOnlyList<RelationRow> Relations, int RelationsTotal, IReadOnlyList<EntityDocumentRow> Documents);

    private static void Render(IAnsiConsole console, List<EntityView> views)
    {
        foreach (var v in views)
        {
            var e = v.Entity;
            console.Write(new Rule($"[bold]{Markup.Escape(e.Name)}[/] ({Markup.Escape(e.Type)})").LeftJustified());
            console.MarkupLine($"{FigureText.Count(e.Mentions, "mention")} in {FigureText.Count(e.Documents, "document")}, {FigureText.Count(e.Facts, "fact")}, {FigureText.Count(v.RelationsTotal, "relation")}" +
                (v.Documents.Count < e.Documents || v.Relations.Count < v.RelationsTotal ? $" [grey](the first {Listed} relations and latest {Listed} documents listed; --limit 0 --format csv for all)[/]" : ""));
            console.MarkupLine("aliases: " + string.Join(", ", v.Aliases.Select(a => $"{Markup.Escape(a.Alias)} [grey]({a.Origin})[/]")));
            SheetWriter.WriteTables(console,
            [
                FigureSheet([v], OutputFormat.Table),
                RelationSheet([v]),
                DocumentSheet([v], withEntity: false),
            ]);
        }
    }

    private static ResultSheet[] Sheets(List<EntityView> views, OutputFormat format) =>
    [
        ResultSheet.From("entities", "entity", views,
            ("name", v => Cell.Of(v.Entity.Name)),
            ("entity_type", v => Cell.Of(v.Entity.Type)),
            ("aliases", v => Cell.Of(string.Join(" | ", v.Aliases.Select(a => a.Alias)))),
            ("mentions", v => Cell.Of(v.Entity.Mentions)),
            ("documents", v => Cell.Of(v.Entity.Documents)),
            ("facts", v => Cell.Of(v.Entity.Facts))),
        ResultSheet.From("aliases", "alias", views.SelectMany(v => v.Aliases.Select(a => (v.Entity, a))),
            ("entity", x => Cell.Of(x.Entity.Name)),
            ("alias", x => Cell.Of(x.a.Alias)),
            ("origin", x => Cell.Of(x.a.Origin))),
        FigureSheet(views, format),
        RelationSheet(views),
        DocumentSheet(views, withEntity: true),
    ];

    /// <summary>The entity's figures, one line per period: the value most documents state or the latest, and what the others say.</summary>
    private static ResultSheet FigureSheet(List<EntityView> views, OutputFormat format)
    {
        bool people = format == OutputFormat.Table;
        return ResultSheet.From("figures", "figure", views.SelectMany(v => v.Figures),
            ("indicator", p => Cell.Of(p.Summary.Fact.Indicator)),
            ("scope", p => Cell.Of(p.Summary.Fact.Scope)),
            ("kind", p => Cell.Of(p.Summary.Fact.Kind.ToSpecName())),
            ("period", p => Cell.Of(people ? p.Label : p.Summary.Fact.Period)),
            ("value", p => people ? Cell.Of(PeopleFigures.Format(p.Summary.Fact)) : Cell.Of(p.Summary.Fact.Value)),
            ("sources", p => people ? Cell.Of(PeopleFigures.Describe(p.Summary)) : Cell.Of(p.Summary.Documents)),
            ("unit", p => Cell.Of(p.Summary.Fact.Unit.Code)),
            ("status", p => Cell.Of(p.Summary.Fact.Status.ToSpecName())),
            ("basis", p => Cell.Of(p.Summary.Fact.Basis?.ToSpecName())),
            ("conflict", p => Cell.Of(p.Summary.Conflict ? "yes" : "no")),
            ("doc", p => Cell.Of(p.Summary.Doc)));
    }

    private static ResultSheet RelationSheet(List<EntityView> views) =>
        ResultSheet.From("relations", "relation", views.SelectMany(v => v.Relations),
            ("subject", r => Cell.Of(r.Subject)),
            ("predicate", r => Cell.Of(r.Predicate)),
            ("object", r => Cell.Of(r.Object)),
            ("doc", r => Cell.Of(r.Doc)),
            ("span_start", r => Cell.Of(r.Start)),
            ("span_end", r => Cell.Of(r.End)),
            ("quote", r => Cell.Of(r.Quote)));

    private static ResultSheet DocumentSheet(List<EntityView> views, bool withEntity)
    {
        var rows = views.SelectMany(v => v.Documents.Select(d => (v.Entity, d)));
        (string, Func<(EntityRow Entity, EntityDocumentRow d), Cell>)[] columns =
        [
            ("doc", x => Cell.Of(x.d.Doc)),
            ("title", x => Cell.Of(x.d.Title)),
            ("date", x => Cell.Of(x.d.Date)),
            ("mentions", x => Cell.Of(x.d.Mentions)),
        ];
        return ResultSheet.From("documents", "document", rows, withEntity ? [("entity", x => Cell.Of(x.Entity.Name)), .. columns] : columns);
    }
}
