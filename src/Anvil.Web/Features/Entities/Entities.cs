using System.Globalization;
using Anvil.Analytics;
using Anvil.Core.Facts;
using Anvil.Store;
using Anvil.Store.Records;
using Anvil.Web.Charts;
using Anvil.Web.Data;
using Anvil.Web.Html;
using Microsoft.AspNetCore.Mvc;

namespace Anvil.Web.Features.Entities;

/// <summary>
/// One figure of a series: when it holds, its value, and the fact that states it. <see cref="PeriodBasis"/> is what its
/// period measures (yearly, half-yearly, quarterly, monthly, 7 months, as of a date): a chart joins only figures of one basis.
/// </summary>
public sealed record SeriesPoint(string Label, string? Start, string? End, double Value, string Qualifier, double? ValueHigh, long FactId, string Doc,
    string Quote, string? UnitText, string PeriodBasis);

/// <summary>
/// An indicator of the entity over time (one scope, kind, unit, status and basis: a target is not a point of the actual
/// line), oldest first: one point per period, the value most documents state (or the latest), of <see cref="PointsTotal"/>
/// statements in all (every one is on the facts pages).
/// </summary>
public sealed record Series(string Indicator, string? Scope, string Kind, string Unit, string Status, string? Basis, IReadOnlyList<SeriesPoint> Points,
    int PointsTotal);

/// <summary>Which page of the entity's facts to show.</summary>
public sealed record EntityRequest
{
    /// <summary>From 1.</summary>
    [FromQuery(Name = "page")] public int? Page { get; init; }

    /// <summary>From 1 to 500; 50 by default.</summary>
    [FromQuery(Name = "page_size")] public int? PageSize { get; init; }
}

/// <summary>
/// What the knowledge base holds about one entity, bounded however much that is: one page of its facts
/// (<see cref="Total"/> in all, as <c>/api/facts</c> pages them), the series over most periods (of
/// <see cref="SeriesTotal"/>), and the first relations and latest documents (of <see cref="RelationsTotal"/> and
/// <see cref="DocumentsTotal"/>).
/// </summary>
public sealed record EntityResponse(EntityRow Entity, IReadOnlyList<AliasRow> Aliases, int Total, int Page, int PageSize, int Pages,
    IReadOnlyList<FactRow> Facts, IReadOnlyList<Series> Series, int SeriesTotal, IReadOnlyList<RelationRow> Relations, int RelationsTotal,
    IReadOnlyList<EntityDocumentRow> Documents, int DocumentsTotal);

/// <summary>An entity's series over time, those over most periods first, and how many there are.</summary>
internal sealed record EntitySeries(IReadOnlyList<Series> Top, int Total);

/// <summary>The entity page (<c>/entities/{id}</c>, <c>/entities?name=华为</c>) and its API.</summary>
internal static class Entities
{
    /// <summary>Series shown (and charted) at most; a place in a large knowledge base has hundreds.</summary>
    public const int MaxSeries = 20;

    /// <summary>Relations and documents listed at most; the rest are counted.</summary>
    public const int MaxListed = 50;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/entities", (ResultCache cache, [FromQuery(Name = "name")] string? name) => Find(cache, name))
            .WithName("entities").WithSummary("Entities with this name, alias or written form (any script), most mentioned first");
        app.MapGet("/api/entities/{id}", (ResultCache cache, long id, [AsParameters] EntityRequest request) => Query(cache, id, request))
            .WithName("entity").WithSummary("One entity: type, aliases, a page of its facts, series over time, the first relations and latest documents");
        app.MapGet("/entities", async (ResultCache cache, [FromQuery(Name = "name")] string? name) =>
        {
            var found = await Find(cache, name);
            return found.Count > 0 ? Results.Redirect(Links.Entity(found[0].Id))
                : throw WebException.NotFound($"no entity called '{Check.Shorten(name)}' in the knowledge base");
        }).ExcludeFromDescription();
        app.MapGet("/entities/{id}", async (ResultCache cache, HttpContext context, long id, [AsParameters] EntityRequest request) =>
            Render(context, request, await Query(cache, id, request))).ExcludeFromDescription();
    }

    /// <summary>The entities a name finds, with their counts (a place's mentions counted by document), kept until the knowledge base changes.</summary>
    public static Task<IReadOnlyList<EntityRow>> Find(ResultCache cache, string? name)
    {
        var names = Check.Names("name", name) ?? throw WebException.BadParameter("name: give a name, such as name=华为");
        return cache.GetAsync(ResultCache.Key("entities", ResultCache.Names(names)), s => s.FindEntities(names));
    }

    /// <summary>
    /// The entity, its series (kept per entity) and one page of its facts, relations and documents, kept until the
    /// knowledge base changes: a place's page counts and sorts tens of thousands of facts and mentions, and many readers
    /// asking for it cost one read of the store. A flag on a relation is a change, so a page shows it at once.
    /// </summary>
    public static async Task<EntityResponse> Query(ResultCache cache, long id, EntityRequest request)
    {
        var paging = Paging.Of(request.Page, request.PageSize);
        string entityKey = id.ToString(CultureInfo.InvariantCulture);
        // the series and the page are read side by side, each on a connection of its own
        var summing = cache.GetAsync(ResultCache.Key("entity-series", entityKey), s => SeriesOf(s, id));
        var reading = cache.GetAsync(ResultCache.Key("entity", entityKey, paging.Page.ToString(CultureInfo.InvariantCulture),
            paging.Size.ToString(CultureInfo.InvariantCulture)), s => (object?)Page(s, id, paging) ?? Missing.Entity);
        var page = await reading;
        var series = await summing;
        return page is EntityResponse found ? found with { Series = series.Top, SeriesTotal = series.Total }
            : throw WebException.NotFound($"no entity {id} in the knowledge base");
    }

    /// <summary>What a page of an entity holds but its series; null when there is no such entity.</summary>
    private static EntityResponse? Page(IKnowledgeStore s, long id, Paging paging)
    {
        if (s.Entity(id) is not { } entity)
        {
            return null;
        }

        var query = new FactQuery { SubjectEntityId = id, Offset = paging.Offset, Limit = paging.Size };
        int total = s.CountFacts(query);
        return new EntityResponse(entity, s.Aliases(id), total, paging.Page, paging.Size, paging.Pages(total), s.Facts(query),
            [], 0, s.Relations(id, MaxListed), s.CountRelations(id), s.EntityDocuments(id, MaxListed), entity.Documents);
    }

    /// <summary>A cached answer that there is no such entity (the cache keeps objects, never null).</summary>
    private sealed class Missing
    {
        public static readonly Missing Entity = new();
    }

    /// <summary>
    /// The entity's figures over time, summed up period by period in the store (one point per period: the value most
    /// documents state, or the latest), then the quotes of the points shown; once per version of the knowledge base.
    /// </summary>
    private static EntitySeries SeriesOf(IKnowledgeStore store, long id)
    {
        var all = store.Summaries(new FactQuery { SubjectEntityId = id })
            .GroupBy(s => (s.Fact.Indicator, s.Fact.Scope, s.Fact.Kind, s.Fact.Unit, s.Fact.Status, s.Fact.Basis))
            .Select(g => (g.Key, Points: Timelines.Build(g).Where(p => p.Period is not null).ToList(), Statements: g.Sum(s => s.Statements)))
            .Where(x => x.Points.Count > 0)
            .OrderByDescending(x => x.Points.Select(p => p.Period!.Value.End).Distinct().Count()).ThenByDescending(x => x.Statements)
            .ThenBy(x => x.Key.Indicator, StringComparer.Ordinal).ThenBy(x => x.Key.Scope, StringComparer.Ordinal)
            .ThenBy(x => x.Key.Kind.ToSpecName(), StringComparer.Ordinal).ThenBy(x => x.Key.Unit.Code, StringComparer.Ordinal)
            .ThenBy(x => x.Key.Status).ThenBy(x => x.Key.Basis)
            .ToList();
        var top = all.Take(MaxSeries).ToList();
        var ids = top.SelectMany(x => x.Points).Select(p => p.Summary.FactId).Distinct().ToList();
        var quotes = ids.Chunk(500).SelectMany(chunk => store.Facts(new FactQuery { Ids = chunk })).ToDictionary(f => f.Id, f => f.Quote);
        return new EntitySeries([.. top.Select(x => new Series(x.Key.Indicator, x.Key.Scope, x.Key.Kind.ToSpecName(), x.Key.Unit.Code, x.Key.Status.ToSpecName(),
            x.Key.Basis?.ToSpecName(),
            PointsPerPeriod([.. x.Points.Select(p => new SeriesPoint(p.Label, p.Period!.Value.StartText, p.Period!.Value.EndText, p.Summary.Fact.Value,
                p.Summary.Fact.Qualifier.ToSpecName(), p.Summary.Fact.ValueHigh, p.Summary.FactId, p.Summary.Doc, quotes.GetValueOrDefault(p.Summary.FactId, ""), p.Summary.Fact.UnitText,
                PeriodBasis.Of(p.Period.Value.Start, p.Period.Value.End).Name))]),
            x.Statements))], all.Count);
    }

    /// <summary>
    /// Points of one period kept in a series. Several sources stating one period's figure show as dots one above the
    /// other, which a few make plain; a knowledge base of thousands of reports gave hundreds per period, a page of
    /// megabytes and a chart nobody could read.
    /// </summary>
    public const int MaxPointsPerPeriod = 5;

    /// <summary>The first <see cref="MaxPointsPerPeriod"/> points of each period, in the series' order.</summary>
    internal static IReadOnlyList<SeriesPoint> PointsPerPeriod(IReadOnlyList<SeriesPoint> points)
    {
        var perPeriod = new Dictionary<(string? Start, string? End), int>();
        var kept = new List<SeriesPoint>();
        foreach (var p in points)
        {
            int n = perPeriod.GetValueOrDefault((p.Start, p.End));
            if (n < MaxPointsPerPeriod)
            {
                kept.Add(p);
            }

            perPeriod[(p.Start, p.End)] = n + 1;
        }

        return kept;
    }

    /// <summary>
    /// How many periods a series covers: a line needs two at least, so series with most periods come first and a cut
    /// to <see cref="MaxSeries"/> drops those that cannot be charted before any that can.
    /// </summary>
    private static int Periods(Series series) => series.Points.Select(p => p.End).Distinct(StringComparer.Ordinal).Count();

    private static IResult Render(HttpContext context, EntityRequest request, EntityResponse r) => Layout.Page(context, r.Entity.Name, "entity", html =>
    {
        html.Open("p", ("class", "meta"));
        html.Element("span", r.Entity.Type, ("class", "key e t-" + Documents.Documents.TypeClass(r.Entity.Type)));
        html.Element("span", $" {r.Entity.Mentions} mentions · {r.Entity.Documents} documents · {r.Entity.Facts} facts", ("class", "muted"));
        html.Close("p");
        Aliases(html, r);

        // a line needs two periods at least; several figures of one period (from several sources) show as dots beside it
        var charted = r.Series.Where(s => Periods(s) >= 2).ToList();
        if (charted.Count > 0)
        {
            html.Element("h2", "Over time");
            html.Open("div", ("class", "charts"));
            foreach (var s in charted)
            {
                var caption = string.Join(" · ", new[] { s.Indicator, s.Scope, s.Kind, s.Status == "actual" ? null : s.Status, s.Basis }
                    .Where(x => !string.IsNullOrEmpty(x)));
                html.Open("figure");
                html.Markup(Svg.Lines(caption, Lines(s), t => Figures.Tick(t, s.Unit, s.Points[0].UnitText)));
                html.Element("figcaption", s.PointsTotal > s.Points.Count
                    ? string.Create(CultureInfo.InvariantCulture, $"{caption} (a point per period: the value most documents state, of {s.PointsTotal} statements)")
                    : caption);
                html.Close("figure");
            }

            html.Close("div");
            if (charted.Count == r.Series.Count)
            {
                // series come most periods first: only when every kept one is charted can the cut have left out a chart
                More(html, r.Series.Count, r.SeriesTotal, "series", "those over most periods");
            }
        }

        if (r.Relations.Count > 0)
        {
            html.Element("h2", $"Relations ({r.RelationsTotal})");
            // a relation a reader flagged wrong stays listed (to take the flag back) but leaves the graph
            var edges = r.Relations.Where(x => !x.FlaggedWrong).Select(x => x.Subject == r.Entity.Name
                    ? new GraphEdge(x.Predicate, x.Object, true, Links.WithQuery("/entities", ("name", x.Object)))
                    : new GraphEdge(x.Predicate, x.Subject, false, Links.WithQuery("/entities", ("name", x.Subject))))
                .DistinctBy(e => (e.Predicate, e.Other, e.Outgoing)).Take(16).ToList();
            if (edges.Count > 0)
            {
                html.Open("figure", ("class", "graph")).Markup(Svg.Graph($"Relations of {r.Entity.Name}", r.Entity.Name, edges)).Close("figure");
            }

            var back = Links.WithQuery(Links.Entity(r.Entity.Id), ("page", r.Page > 1 ? r.Page.ToString(CultureInfo.InvariantCulture) : null),
                ("page_size", Paging.SizeParameter(request.PageSize)));
            html.Open("ul", ("class", "records relations"));
            foreach (var x in r.Relations)
            {
                Relations.RelationFlags.Item(html, x, back);
            }

            html.Close("ul");
            More(html, r.Relations.Count, r.RelationsTotal, "relations", "by predicate, subject and object");
        }

        html.Element("h2", $"Facts ({r.Total})", ("id", "facts"));
        if (r.Pages > 1)
        {
            html.Element("p", string.Create(CultureInfo.InvariantCulture, $"page {r.Page} of {r.Pages}"), ("class", "summary"));
        }

        if (r.Facts.Count > 0)
        {
            Facts.Facts.FactTable(html, r.Facts);
        }
        else if (r.Total > 0)
        {
            Layout.Note(html, "No facts on this page.");
        }

        Facts.Facts.Pager(html, Links.Entity(r.Entity.Id), [("page_size", Paging.SizeParameter(request.PageSize))], r.Page, r.Pages);

        html.Element("h2", $"Documents ({r.DocumentsTotal})");
        html.Open("ul", ("class", "documents"));
        foreach (var d in r.Documents)
        {
            html.Open("li").Link(Links.Document(d.Doc), d.Title ?? d.Doc).Text(" ")
                .Element("span", $"{d.Date ?? "no date"} · {d.Mentions} mention(s)", ("class", "muted")).Close("li");
        }

        html.Close("ul");
        More(html, r.Documents.Count, r.DocumentsTotal, "documents", "the latest");
    });

    /// <summary>The other names of the entity, each on its own, grouped by where they come from.</summary>
    private static void Aliases(HtmlWriter html, EntityResponse r)
    {
        var others = r.Aliases.Where(a => a.Alias != r.Entity.Name).ToList();
        if (others.Count == 0)
        {
            return;
        }

        html.Open("dl", ("class", "aliases"));
        foreach (var (origin, label) in new[] { ("user", "your aliases"), ("lexicon", "also known as"), ("text", "written in documents as") })
        {
            var names = others.Where(a => a.Origin == origin).ToList();
            if (names.Count == 0)
            {
                continue;
            }

            html.Element("dt", label);
            html.Open("dd").Open("ul", ("class", "alias-list"), ("data-origin", origin));
            foreach (var a in names)
            {
                html.Element("li", a.Alias, ("class", "alias"));
            }

            html.Close("ul").Close("dd");
        }

        html.Close("dl");
    }

    /// <summary>A series as lines of one period basis each, the basis with most figures first, each point linked to its quote.</summary>
    private static List<LineSeries> Lines(Series s) =>
    [
        .. s.Points.GroupBy(p => p.PeriodBasis, StringComparer.Ordinal)
            .OrderByDescending(g => g.Select(p => p.End).Distinct(StringComparer.Ordinal).Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select((g, i) => new LineSeries(g.Key, [.. g.Select(p =>
            {
                var text = Figures.Format(s.Kind, p.Value, p.ValueHigh, s.Unit, p.UnitText, p.Qualifier);
                return new LinePoint(DateOnly.ParseExact(p.End!, "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber, p.Label, p.Value, text,
                    Links.Document(p.Doc, p.FactId), $"{p.Label}: {text} — {p.Quote}");
            })], i)),
    ];

    /// <summary>A note under a list cut to its first rows: which were kept and how many were left out.</summary>
    private static void More(HtmlWriter html, int shown, int total, string what, string which)
    {
        if (total > shown)
        {
            Layout.Note(html, string.Create(CultureInfo.InvariantCulture, $"{shown} of {total} {what} shown ({which}); {total - shown} more not listed."));
        }
    }
}
