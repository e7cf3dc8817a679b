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

/// <summary>Facts: filter, sort, page through, export (<c>/facts</c>, <c>/api/facts</c>, <c>/api/facts/export</c>).</summary>
internal static class Facts
{
    private static readonly string[] Sorts = ["subject", "indicator", "scope", "kind", "value", "period", "date", "doc"];

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/facts", (ResultCache cache, [AsParameters] FactsRequest request) => Query(cache, request))
            .WithName("facts").WithSummary("Facts matching the filters, sorted, one page at a time");
        app.MapGet("/api/facts/export", (StoreAccess store, DashboardOptions options, [AsParameters] FactsRequest request,
                [FromQuery(Name = "format")] string? format) => Export(store, options, request, format))
            .WithName("facts-export").WithSummary("Every fact matching the filters as CSV (UTF-8 with BOM) or XLSX")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        app.MapGet("/facts", async (ResultCache cache, HttpContext context, [AsParameters] FactsRequest request) =>
            Render(context, request, await Query(cache, request))).ExcludeFromDescription();
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

    private static IResult Render(HttpContext context, FactsRequest request, FactsResponse result) => Layout.Page(context, "Facts", "facts", html =>
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

        if (result.Facts.Count == 0)
        {
            Layout.Note(html, "No facts match these filters.");
            return;
        }

        FactTable(html, result.Facts);
        Pager(html, "/facts", [.. filters, ("page_size", Paging.SizeParameter(request.PageSize))], result.Page, result.Pages);
    });

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

    /// <summary>A table of facts, each quote linked to its place in its document; on a phone each row reads as a card.</summary>
    public static void FactTable(HtmlWriter html, IReadOnlyList<FactRow> facts)
    {
        html.Open("table", ("class", "facts"));
        html.Open("thead").Open("tr");
        foreach (var h in (string[])["subject", "indicator", "scope", "kind", "value", "period", "status", "basis", "source", "quote"])
        {
            html.Element("th", h, ("scope", "col"));
        }

        html.Close("tr").Close("thead");
        html.Open("tbody");
        foreach (var f in facts)
        {
            html.Open("tr");
            var fact = f.Fact;
            html.Element("td", fact.Subject, ("data-h", "subject"));
            html.Element("td", fact.Indicator, ("data-h", "indicator"));
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
