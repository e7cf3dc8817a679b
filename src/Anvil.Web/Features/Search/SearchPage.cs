using System.Globalization;
using Anvil.Core.Normalization;
using Anvil.Store.Records;
using Anvil.Web.Data;
using Anvil.Web.Html;
using Microsoft.AspNetCore.Mvc;

namespace Anvil.Web.Features.Search;

/// <summary>What to search for: terms separated by spaces, in either script (深圳 finds 深圳 and 深圳; 華為 finds 华为).</summary>
public sealed record SearchRequest
{
    /// <summary>The terms; a document must contain every one.</summary>
    [FromQuery(Name = "q")] public string? Query { get; init; }

    /// <summary>From 1 to 200; 50 by default.</summary>
    [FromQuery(Name = "limit")] public int? Limit { get; init; }
}

/// <summary>The documents that contain every term, best first, each with its first matching passage in its own script.</summary>
public sealed record SearchResponse(string? Query, IReadOnlyList<SearchHit> Hits);

/// <summary>
/// Full-text search over the stored documents (<c>/search</c>, <c>/api/search</c>), through the store's index of the
/// normalised text: a query in Simplified finds Traditional text and the other way round. The page marks every term
/// in each passage, however the passage writes it.
/// </summary>
internal static class SearchPage
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", (StoreAccess store, [AsParameters] SearchRequest request) => Query(store, request))
            .WithName("search").WithSummary("Documents containing every term of q (either script), best first, with a passage around the first match");
        app.MapGet("/search", (StoreAccess store, HttpContext context, [AsParameters] SearchRequest request) =>
            Render(context, Query(store, request))).ExcludeFromDescription();
    }

    public static SearchResponse Query(StoreAccess store, SearchRequest request)
    {
        var query = Check.Text("q", request.Query);
        int limit = Check.Range("limit", request.Limit, 50, 1, 200);
        return new SearchResponse(query, query is null ? [] : store.Use(s => s.Search(query, limit)));
    }

    private static IResult Render(HttpContext context, SearchResponse result) =>
        Layout.Page(context, result.Query is { } q ? $"Search: {q}" : "Search", "search", html =>
        {
            SearchForm(html, result.Query, "search-page");
            if (result.Query is null)
            {
                Layout.Note(html, "Type words in Simplified or Traditional Chinese (or Latin letters); every document holding all of them is listed.");
                return;
            }

            html.Element("p", string.Create(CultureInfo.InvariantCulture, $"{result.Hits.Count} document(s) contain {result.Query}"), ("class", "summary"));
            var terms = Terms(result.Query);
            html.Open("ol", ("class", "hits"));
            foreach (var hit in result.Hits)
            {
                html.Open("li", ("class", "hit"));
                html.Link(Links.Document(hit.Doc), hit.Title ?? hit.Doc, "title").Text(" ");
                html.Element("span", string.Create(CultureInfo.InvariantCulture, $"{hit.Date ?? "no date"} · {hit.Doc} · {hit.Matches} match(es)"),
                    ("class", "muted"));
                html.Open("p", ("class", "passage"), ("lang", "zh"));
                Highlighted(html, hit.Passage, terms);
                html.Close("p");
                html.Close("li");
            }

            html.Close("ol");
        });

    /// <summary>The search box: on the search page, and in the header of every page.</summary>
    public static void SearchForm(HtmlWriter html, string? query, string @class)
    {
        html.Open("form", ("class", "search " + @class), ("method", "get"), ("action", "/search"), ("role", "search"));
        html.Open("input", ("type", "search"), ("name", "q"), ("value", query ?? ""), ("placeholder", "搜索 / 搜尋 全文"), ("maxlength", "200"),
            ("aria-label", "Search the documents"));
        html.Element("button", "Search", ("type", "submit"));
        html.Close("form");
    }

    /// <summary>The query's terms as the store matches them: normalised (Simplified, half-width), split at white space.</summary>
    internal static List<string> Terms(string query) =>
        [.. TextNormalizer.Default.Normalize(query).Text.Split((char[])[' ', '\t', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>
    /// Writes a passage with every occurrence of every term in <c>mark</c>: the terms are found in the passage's
    /// normalised view and mapped back, so 人工智能產業 is marked for the query 人工智能产业.
    /// </summary>
    internal static void Highlighted(HtmlWriter html, string passage, IReadOnlyList<string> terms)
    {
        var view = TextNormalizer.Default.Normalize(passage);
        var spans = new List<(int Start, int End)>();
        foreach (var term in terms)
        {
            for (int i = view.Text.IndexOf(term, StringComparison.OrdinalIgnoreCase); i >= 0;
                 i = view.Text.IndexOf(term, i + term.Length, StringComparison.OrdinalIgnoreCase))
            {
                var span = view.ToOriginal(i, i + term.Length);
                spans.Add((span.Start, span.End));
            }
        }

        int at = 0;
        foreach (var (start, end) in spans.OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            if (end <= at)
            {
                continue; // inside a mark already written
            }

            int from = Math.Max(start, at);
            html.Text(passage[at..from]).Element("mark", passage[from..end]);
            at = end;
        }

        html.Text(passage[at..]);
    }
}
