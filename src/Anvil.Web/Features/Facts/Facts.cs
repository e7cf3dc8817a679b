using System.Globalization;
using Anvil.Analytics;
using Anvil.Core.Facts;
using Anvil.Store.Records;
using Anvil.Web.Data;
using Anvil.Web.Hosting;
using Anvil.Web.Html;
using Microsoft.AspNetCore.Mvc;

namespace Anvil.Web.Features.Facts;

/// <summary>The filters of <c>/facts</c>, <c>/api/facts</c> and the exports, as <c>anvil facts</c> takes them, plus sorting and paging.</summary>
public sealed record FactsRequest
{
    /// <summary>A place, company or body, in any script or by any alias (深圳, 深圳市, 華為, Huawei).</summary>
    [FromQuery(Name = "subject")] public string? Subject { get; init; }

    [FromQuery(Name = "scope")] public string? Scope { get; init; }

    [FromQuery(Name = "indicator")] public string? Indicator { get; init; }

    /// <summary>value, growth, delta, share or rank.</summary>
    [FromQuery(Name = "kind")] public string? Kind { get; init; }

    /// <summary>A year (2024), a range of years (2023-2024) or a period (2024-H1).</summary>
    [FromQuery(Name = "period")] public string? Period { get; init; }

    [FromQuery(Name = "source")] public string? Source { get; init; }

    /// <summary>A document id, or the start of its content hash.</summary>
    [FromQuery(Name = "doc")] public string? Doc { get; init; }

    /// <summary>Part of the quote.</summary>
    [FromQuery(Name = "text")] public string? Text { get; init; }

    /// <summary>subject (the default), indicator, scope, kind, value, period, date or doc.</summary>
    [FromQuery(Name = "sort")] public string? Sort { get; init; }

    /// <summary>asc (the default) or desc.</summary>
    [FromQuery(Name = "order")] public string? Order { get; init; }

    /// <summary>From 1.</summary>
    [FromQuery(Name = "page")] public int? Page { get; init; }

    /// <summary>From 1 to 500; 50 by default.</summary>
    [FromQuery(Name = "page_size")] public int? PageSize { get; init; }
}

/// <summary>One page of facts: <see cref="Total"/> match the filters.</summary>
public sealed record FactsResponse(int Total, int Page, int PageSize, int Pages, IReadOnlyList<FactRow> Facts);

/// <summary>
/// For each column a filter can narrow (subject, indicator, period, kind, source), its most frequent values among the
/// facts that match the request's filters, with how many facts hold each; null stands for facts without one. Periods
/// count by year (2024 holds 2024-H1 and current figures of documents dated in 2024), as the period filter takes them.
/// </summary>
public sealed record FactFacetsResponse(IReadOnlyList<FacetCount> Subject, IReadOnlyList<FacetCount> Indicator, IReadOnlyList<FacetCount> Period,
    IReadOnlyList<FacetCount> Kind, IReadOnlyList<FacetCount> Source);

/// <summary>Facts: filter, sort, page through, export (<c>/facts</c>, <c>/api/facts</c>, <c>/api/facts/export</c>).</summary>
internal static class Facts
{
    private static readonly string[] Sorts = ["subject", "indicator", "scope", "kind", "value", "period", "date", "doc"];

    /// <summary>Values listed per facet; the rest are a filter away.</summary>
    public const int FacetValues = 12;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/facts", (ResultCache cache, [AsParameters] FactsRequest request) => Query(cache, request))
            .WithName("facts").WithSummary("Facts matching the filters, sorted, one page at a time");
        app.MapGet("/api/facts/export", (StoreAccess store, DashboardOptions options, [AsParameters] FactsRequest request,
                [FromQuery(Name = "format")] string? format) => Export(store, options, request, format))
            .WithName("facts-export").WithSummary("Every fact matching the filters as CSV (UTF-8 with BOM) or XLSX")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        app.MapGet("/api/facts/facets", (ResultCache cache, [AsParameters] FactsRequest request) => Facets(cache, request))
            .WithName("facts-facets").WithSummary("The most frequent subjects, indicators, periods, kinds and sources of the matching facts, with counts");
        app.MapGet("/facts", async (ResultCache cache, HttpContext context, [AsParameters] FactsRequest request) =>
        {
            // the page and the facets are read side by side, each on a connection of its own
            var page = Query(cache, request);
            var facets = Facets(cache, request);
            return Render(context, request, await page, await facets);
        }).ExcludeFromDescription();
    }

    /// <summary>Counted by the store (a GROUP BY per facet over the matching facts), kept until the knowledge base changes.</summary>
    public static Task<FactFacetsResponse> Facets(ResultCache cache, FactsRequest request)
    {
        var query = Matching(request) with { Order = FactOrder.Subject, Descending = false };
        var key = ResultCache.Key("facts-facets", ResultCache.Names(query.Subjects), ResultCache.Names(query.Scopes), ResultCache.Names(query.Indicators),
            query.Kind?.ToSpecName() ?? "*", query.Period is { } p ? p.StartText + ".." + p.EndText : "*", query.Source ?? "*", query.Doc ?? "*", query.Text ?? "*");
        return cache.GetAsync(key, s => new FactFacetsResponse(s.FactFacet(query, FactFacet.Subject, FacetValues), s.FactFacet(query, FactFacet.Indicator, FacetValues),
            s.FactFacet(query, FactFacet.Period, FacetValues), s.FactFacet(query, FactFacet.Kind, FacetValues), s.FactFacet(query, FactFacet.Source, FacetValues)));
    }

    /// <summary>
    /// One page and the count of all matches. A large place has tens of thousands of facts to count and sort, so pages
    /// are kept until the knowledge base changes: many clients asking the same page cost one read of the store.
    /// </summary>
    public static Task<FactsResponse> Query(ResultCache cache, FactsRequest request)
    {
        var paging = Paging.Of(request.Page, request.PageSize);
        var query = Matching(request) with { Offset = paging.Offset, Limit = paging.Size };
        var key = ResultCache.Key("facts", ResultCache.Names(query.Subjects), ResultCache.Names(query.Scopes), ResultCache.Names(query.Indicators),
            query.Kind?.ToString() ?? "*", query.Period is { } p ? p.StartText + ".." + p.EndText : "*", query.Source ?? "*", query.Doc ?? "*", query.Text ?? "*",
            query.Order.ToString(), query.Descending ? "desc" : "asc", paging.Page.ToString(CultureInfo.InvariantCulture), paging.Size.ToString(CultureInfo.InvariantCulture));
        return cache.GetAsync(key, s =>
        {
            int total = s.CountFacts(query);
            return new FactsResponse(total, paging.Page, paging.Size, paging.Pages(total), s.Facts(query));
        });
    }

    /// <summary>The store query for the request's filters and order (every match; paging is the caller's).</summary>
    private static FactQuery Matching(FactsRequest request)
    {
        var sort = Check.OneOf("sort", request.Sort, Sorts);
        return new FactQuery
        {
            Subjects = Check.Names("subject", request.Subject),
            Scopes = Check.Names("scope", request.Scope),
            Indicators = Check.Names("indicator", request.Indicator),
            Kind = Check.Kind(request.Kind),
            Period = Check.Period(request.Period),
            Source = Check.Text("source", request.Source),
            Doc = Check.Text("doc", request.Doc),
            Text = Check.Text("text", request.Text),
            Order = sort switch
            {
                "value" => FactOrder.Value,
                "period" => FactOrder.Period,
                "date" => FactOrder.Date,
                "doc" => FactOrder.Doc,
                "indicator" => FactOrder.Indicator,
                "scope" => FactOrder.Scope,
                "kind" => FactOrder.Kind,
                _ => FactOrder.Subject,
            },
            Descending = Check.OneOf("order", request.Order, "asc", "desc") == "desc",
        };
    }

    private static IResult Export(StoreAccess store, DashboardOptions options, FactsRequest request, string? format)
    {
        var which = Check.OneOf("format", format, "csv", "xlsx") == "xlsx" ? ExportFormat.Xlsx : ExportFormat.Csv;
        if (options.Exporter is not { } exporter)
        {
            throw new WebException(StatusCodes.Status501NotImplemented, WebErrorCodes.NotFound, "this server has no exporter; run it with ./anvil serve");
        }

        var facts = store.Use(s => s.Facts(Matching(request)));
        var buffer = new MemoryStream();
        exporter.Write(facts, which, buffer);
        buffer.Position = 0;
        return which == ExportFormat.Xlsx
            ? Results.File(buffer, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "anvil-facts.xlsx")
            : Results.File(buffer, "text/csv; charset=utf-8", "anvil-facts.csv");
    }

    private static IResult Render(HttpContext context, FactsRequest request, FactsResponse result, FactFacetsResponse facets) => Layout.Page(context, "Facts", "facts", html =>
    {
        html.Open("form", ("class", "filters"), ("method", "get"), ("action", "/facts"));
        Field(html, "subject", "Subject", request.Subject, "深圳");
        Field(html, "indicator", "Indicator", request.Indicator, "企业数量");
        Field(html, "scope", "Scope", request.Scope, "人工智能");
        html.Open("label").Text("Kind");
        html.Open("select", ("name", "kind"));
        html.Element("option", "any", ("value", ""));
        foreach (var kind in FactNames.KindNames)
        {
            html.Element("option", kind, ("value", kind), ("selected", kind == request.Kind ? "" : null));
        }

        html.Close("select").Close("label");
        Field(html, "period", "Period", request.Period, "2024");
        Field(html, "source", "Source", request.Source, "统计局");
        Field(html, "doc", "Document", request.Doc, null);
        Field(html, "text", "Quote contains", request.Text, null);
        html.Open("label").Text("Sort by");
        html.Open("select", ("name", "sort"));
        foreach (var s in Sorts)
        {
            html.Element("option", s, ("value", s), ("selected", s == (request.Sort ?? "subject") ? "" : null));
        }

        html.Close("select").Close("label");
        html.Open("label").Text("Order");
        html.Open("select", ("name", "order"));
        html.Element("option", "ascending", ("value", "asc"));
        html.Element("option", "descending", ("value", "desc"), ("selected", request.Order == "desc" ? "" : null));
        html.Close("select").Close("label");
        html.Open("label").Text("Per page");
        html.Open("input", ("type", "number"), ("name", "page_size"), ("min", "1"), ("max", Paging.MaxSize.ToString(CultureInfo.InvariantCulture)),
            ("value", result.PageSize.ToString(CultureInfo.InvariantCulture))).Close("label");
        html.Element("button", "Filter", ("type", "submit"));
        html.Close("form");

        var filters = Filters(request);
        html.Open("p", ("class", "summary"));
        html.Text($"{result.Total} facts · page {result.Page} of {result.Pages} · export ");
        html.Link(Links.WithQuery("/api/facts/export", [.. filters, ("format", "csv")]), "CSV", "export");
        html.Text(" ");
        html.Link(Links.WithQuery("/api/facts/export", [.. filters, ("format", "xlsx")]), "XLSX", "export");
        html.Close("p");

        html.Open("div", ("class", "faceted"));
        FacetPanel(html, request, facets);
        html.Open("div", ("class", "results"));
        if (result.Facts.Count == 0)
        {
            Layout.Note(html, "No facts match these filters.");
        }
        else
        {
            FactTable(html, result.Facts, column => SortHref(request, column));
            Pager(html, "/facts", [.. filters, ("page_size", Paging.SizeParameter(request.PageSize))], result.Page, result.Pages);
        }

        html.Close("div").Close("div");
    });

    /// <summary>
    /// The facets beside the table: each value a link that narrows the facts to it (keeping the other filters), with
    /// its count; a value already chosen is marked and links to its removal.
    /// </summary>
    private static void FacetPanel(HtmlWriter html, FactsRequest request, FactFacetsResponse facets)
    {
        html.Open("aside", ("class", "facets"), ("aria-label", "narrow down"));
        Facet(html, request, "subject", "Subject", request.Subject, facets.Subject, "—");
        Facet(html, request, "indicator", "Indicator", request.Indicator, facets.Indicator, "—");
        Facet(html, request, "period", "Year", request.Period, facets.Period, "no date");
        Facet(html, request, "kind", "Kind", request.Kind, facets.Kind, "—");
        Facet(html, request, "source", "Source", request.Source, facets.Source, "no source named");
        html.Close("aside");
    }

    private static void Facet(HtmlWriter html, FactsRequest request, string parameter, string label, string? chosen, IReadOnlyList<FacetCount> counts,
        string missing)
    {
        html.Open("section", ("class", "facet"), ("data-facet", parameter));
        html.Element("h3", label);
        if (chosen is not null)
        {
            html.Open("p", ("class", "chosen")).Element("strong", chosen).Text(" ")
                .Link(Links.WithQuery("/facts", With(request, parameter, null)), "× any", "clear").Close("p");
        }

        html.Open("ul");
        foreach (var c in counts)
        {
            html.Open("li");
            if (c.Value is null)
            {
                html.Element("span", missing, ("class", "muted"));
            }
            else if (c.Value == chosen)
            {
                html.Element("strong", c.Value);
            }
            else
            {
                html.Link(Links.WithQuery("/facts", With(request, parameter, c.Value)), c.Value);
            }

            html.Text(" ").Element("span", c.Facts.ToString(CultureInfo.InvariantCulture), ("class", "facet-count"));
            html.Close("li");
        }

        html.Close("ul").Close("section");
    }

    /// <summary>The request's parameters with one filter set to <paramref name="value"/> (or taken off), back on the first page.</summary>
    private static List<(string, string?)> With(FactsRequest request, string parameter, string? value) =>
    [
        .. Filters(request).Select(f => f.Item1 == parameter ? (f.Item1, value) : f),
        ("page_size", Paging.SizeParameter(request.PageSize)),
    ];

    /// <summary>A column header's link: sorts by it ascending, or the other way round when it sorts by it already.</summary>
    private static (string Href, string? Order)? SortHref(FactsRequest request, string column)
    {
        if (!Sorts.Contains(column))
        {
            return null;
        }

        bool current = column == (request.Sort ?? "subject");
        bool descending = request.Order == "desc";
        var order = current && !descending ? "desc" : "asc";
        var parameters = Filters(request).Where(f => f.Item1 is not ("sort" or "order")).ToList();
        parameters.Add(("sort", column));
        parameters.Add(("order", order == "desc" ? "desc" : null));
        parameters.Add(("page_size", Paging.SizeParameter(request.PageSize)));
        return (Links.WithQuery("/facts", parameters), current ? (descending ? "descending" : "ascending") : null);
    }

    /// <summary>The filters and ordering of a request, for links that keep them.</summary>
    private static List<(string, string?)> Filters(FactsRequest r) =>
    [
        ("subject", r.Subject), ("scope", r.Scope), ("indicator", r.Indicator), ("kind", r.Kind), ("period", r.Period), ("source", r.Source),
        ("doc", r.Doc), ("text", r.Text), ("sort", r.Sort), ("order", r.Order),
    ];

    private static void Field(HtmlWriter html, string name, string label, string? value, string? placeholder)
    {
        html.Open("label").Text(label);
        html.Open("input", ("type", "text"), ("name", name), ("value", value ?? ""), ("placeholder", placeholder), ("maxlength", "200"));
        html.Close("label");
    }

    /// <summary>
    /// A table of facts, each quote linked to its place in its document, each subject to its entity (or its facts) and each
    /// indicator to its facts; on a phone each row reads as a card. With <paramref name="sort"/>, a header that can sort
    /// is a link that does (and the column sorted by says which way).
    /// </summary>
    public static void FactTable(HtmlWriter html, IReadOnlyList<FactRow> facts, Func<string, (string Href, string? Order)?>? sort = null)
    {
        html.Open("table", ("class", "facts"));
        html.Open("thead").Open("tr");
        foreach (var h in (string[])["subject", "indicator", "scope", "kind", "value", "period", "status", "basis", "source", "quote"])
        {
            if (sort?.Invoke(h) is { } link)
            {
                html.Open("th", ("scope", "col"), ("aria-sort", link.Order), ("data-sort", h));
                html.Link(link.Href, h + (link.Order switch { "ascending" => " ▲", "descending" => " ▼", _ => "" }), "sort");
                html.Close("th");
            }
            else
            {
                html.Element("th", h, ("scope", "col"));
            }
        }

        html.Close("tr").Close("thead");
        html.Open("tbody");
        foreach (var f in facts)
        {
            html.Open("tr");
            var fact = f.Fact;
            html.Open("td", ("data-h", "subject"))
                .Link(f.SubjectEntityId is { } entity ? Links.Entity(entity) : Links.WithQuery("/facts", ("subject", fact.Subject)), fact.Subject).Close("td");
            html.Open("td", ("data-h", "indicator")).Link(Links.WithQuery("/facts", ("indicator", fact.Indicator)), fact.Indicator).Close("td");
            html.Element("td", fact.Scope ?? "", ("data-h", "scope"));
            html.Element("td", fact.Kind.ToSpecName(), ("data-h", "kind"));
            html.Element("td", Figures.Format(f), ("data-h", "value"), ("class", "num"));
            html.Element("td", EffectivePeriod.Label(f), ("data-h", "period"));
            html.Element("td", fact.Status.ToSpecName(), ("data-h", "status"));
            html.Element("td", fact.Basis?.ToSpecName() ?? "", ("data-h", "basis"));
            html.Element("td", fact.Source ?? "", ("data-h", "source"));
            html.Open("td", ("data-h", "quote"), ("class", "quote"));
            html.Link(Links.Document(f.Doc, f.Id), f.Quote);
            html.Element("span", " — " + f.Doc, ("class", "muted"));
            html.Close("td");
            html.Close("tr");
        }

        html.Close("tbody").Close("table");
    }

    /// <summary>Links to the previous and next page, keeping the parameters.</summary>
    public static void Pager(HtmlWriter html, string path, List<(string, string?)> parameters, long page, long pages)
    {
        if (pages <= 1)
        {
            return;
        }

        html.Open("nav", ("class", "pager"), ("aria-label", "pages"));
        string Href(long p) => Links.WithQuery(path, [.. parameters, ("page", p.ToString(CultureInfo.InvariantCulture))]);
        if (page > 1)
        {
            html.Link(Href(page - 1), "← previous", "prev");
        }

        html.Element("span", $"page {page} of {pages}");
        if (page < pages)
        {
            html.Link(Href(page + 1), "next →", "next");
        }

        html.Close("nav");
    }
}
