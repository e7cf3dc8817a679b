using Anvil.Analytics;
using Anvil.Store.Records;
using Anvil.Web.Charts;
using Anvil.Web.Data;
using Anvil.Web.Html;
using Microsoft.AspNetCore.Mvc;

namespace Anvil.Web.Features.Entities;

/// <summary>One figure of a series: when it holds, its value, and the fact that states it.</summary>
public sealed record SeriesPoint(string Label, string? Start, string? End, double Value, string Qualifier, long FactId, string Doc, string Quote);

/// <summary>An indicator of the entity over time (one scope, kind and unit), oldest first.</summary>
public sealed record Series(string Indicator, string? Scope, string Kind, string Unit, IReadOnlyList<SeriesPoint> Points);

/// <summary>Everything the knowledge base holds about one entity.</summary>
public sealed record EntityResponse(EntityRow Entity, IReadOnlyList<AliasRow> Aliases, IReadOnlyList<FactRow> Facts, IReadOnlyList<Series> Series,
    IReadOnlyList<RelationRow> Relations, IReadOnlyList<EntityDocumentRow> Documents);

/// <summary>The entity page (<c>/entities/{id}</c>, <c>/entities?name=华为</c>) and its API.</summary>
internal static class Entities
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/entities", (StoreAccess store, [FromQuery(Name = "name")] string? name) => Find(store, name))
            .WithName("entities").WithSummary("Entities with this name, alias or written form (any script), most mentioned first");
        app.MapGet("/api/entities/{id}", (StoreAccess store, long id) => Query(store, id))
            .WithName("entity").WithSummary("One entity: type, aliases, facts, series over time, relations and documents");
        app.MapGet("/entities", (StoreAccess store, [FromQuery(Name = "name")] string? name) =>
        {
            var found = Find(store, name);
            return found.Count > 0 ? Results.Redirect(Links.Entity(found[0].Id))
                : throw WebException.NotFound($"no entity called '{Check.Shorten(name)}' in the knowledge base");
        }).ExcludeFromDescription();
        app.MapGet("/entities/{id}", (StoreAccess store, HttpContext context, long id) => Render(context, Query(store, id)))
            .ExcludeFromDescription();
    }

    public static IReadOnlyList<EntityRow> Find(StoreAccess store, string? name)
    {
        var names = Check.Names("name", name) ?? throw WebException.BadParameter("name: give a name, such as name=华为");
        return store.Use(s => s.FindEntities(names));
    }

    public static EntityResponse Query(StoreAccess store, long id) => store.Use(s =>
    {
        var entity = s.Entity(id) ?? throw WebException.NotFound($"no entity {id} in the knowledge base");
        var facts = s.Facts(new FactQuery { SubjectEntityId = id });
        var series = facts
            .GroupBy(f => (f.Indicator, f.Scope, f.Kind, f.Unit))
            .Select(g => new Series(g.Key.Indicator, g.Key.Scope, g.Key.Kind, g.Key.Unit, [.. Timelines.Build(g).Where(p => p.Period is not null)
                .Select(p => new SeriesPoint(p.Label, p.Period!.Value.StartText, p.Period!.Value.EndText, p.Fact.Value, p.Fact.Qualifier, p.Fact.Id,
                    p.Fact.Doc, p.Fact.Quote))]))
            .Where(x => x.Points.Count > 0)
            .OrderByDescending(x => x.Points.Count).ThenBy(x => x.Indicator, StringComparer.Ordinal).ToList();
        return new EntityResponse(entity, s.Aliases(id), facts, series, s.Relations(id), s.EntityDocuments(id));
    });

    private static IResult Render(HttpContext context, EntityResponse r) => Layout.Page(context, r.Entity.Name, "entity", html =>
    {
        html.Open("p", ("class", "meta"));
        html.Element("span", r.Entity.Type, ("class", "key e t-" + Documents.Documents.TypeClass(r.Entity.Type)));
        html.Element("span", $" {r.Entity.Mentions} mentions · {r.Entity.Documents} documents · {r.Entity.Facts} facts", ("class", "muted"));
        html.Close("p");
        if (r.Aliases.Count > 1)
        {
            html.Open("p", ("class", "aliases")).Text("Also: ");
            foreach (var a in r.Aliases.Where(a => a.Alias != r.Entity.Name))
            {
                html.Element("span", a.Alias, ("class", "alias"), ("title", a.Origin));
            }

            html.Close("p");
        }

        // a line needs two periods at least; several figures of one period (from several sources) show as dots one above the other
        var charted = r.Series.Where(s => s.Points.Select(p => p.End).Distinct(StringComparer.Ordinal).Count() >= 2).ToList();
        if (charted.Count > 0)
        {
            html.Element("h2", "Over time");
            html.Open("div", ("class", "charts"));
            foreach (var s in charted)
            {
                var caption = string.Join(" · ", new[] { s.Indicator, s.Scope, s.Kind, s.Unit }.Where(x => !string.IsNullOrEmpty(x)));
                html.Open("figure");
                html.Markup(Svg.Line(caption, [.. s.Points.Select(p => new LinePoint(
                    DateOnly.ParseExact(p.End!, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture).DayNumber, p.Label, p.Value,
                    Figures.Format(p.Value, s.Unit, p.Qualifier), Links.Document(p.Doc, p.FactId), $"{p.Label}: {Figures.Format(p.Value, s.Unit, p.Qualifier)} — {p.Quote}"))]));
                html.Element("figcaption", caption);
                html.Close("figure");
            }

            html.Close("div");
        }

        if (r.Relations.Count > 0)
        {
            html.Element("h2", "Relations");
            var edges = r.Relations.Select(x => x.Subject == r.Entity.Name
                    ? new GraphEdge(x.Predicate, x.Object, true, Links.WithQuery("/entities", ("name", x.Object)))
                    : new GraphEdge(x.Predicate, x.Subject, false, Links.WithQuery("/entities", ("name", x.Subject))))
                .DistinctBy(e => (e.Predicate, e.Other, e.Outgoing)).Take(16).ToList();
            html.Open("figure", ("class", "graph")).Markup(Svg.Graph($"Relations of {r.Entity.Name}", r.Entity.Name, edges)).Close("figure");
            html.Open("ul", ("class", "records relations"));
            foreach (var x in r.Relations)
            {
                html.Open("li").Element("strong", $"{x.Subject} —{x.Predicate}→ {x.Object}").Text(" ");
                html.Open("blockquote").Link(Links.Document(x.Doc), x.Quote).Close("blockquote").Close("li");
            }

            html.Close("ul");
        }

        html.Element("h2", $"Facts ({r.Facts.Count})");
        if (r.Facts.Count > 0)
        {
            Facts.Facts.FactTable(html, r.Facts);
        }

        html.Element("h2", $"Documents ({r.Documents.Count})");
        html.Open("ul", ("class", "documents"));
        foreach (var d in r.Documents)
        {
            html.Open("li").Link(Links.Document(d.Doc), d.Title ?? d.Doc).Text(" ")
                .Element("span", $"{d.Date ?? "no date"} · {d.Mentions} mention(s)", ("class", "muted")).Close("li");
        }

        html.Close("ul");
    });
}
