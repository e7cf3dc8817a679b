using Anvil.Store;
using Anvil.Store.Records;
using Anvil.Web.Data;
using Anvil.Web.Html;

namespace Anvil.Web.Features.Overview;

/// <summary>A stored document as lists show it; <see cref="Id"/> is the store's number, <see cref="Key"/> the document id of the records.</summary>
public sealed record DocumentSummary(long Id, string Key, string Sha256, string? Title, string? Date, string Format, long Bytes)
{
    internal static DocumentSummary Of(StoredDocument d) =>
        new(d.Id, d.Key, d.Sha256, d.Title, d.Date?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), d.Format, d.Bytes);
}

/// <summary>What the knowledge base holds: counts, the places and indicators with most facts, the latest documents.</summary>
public sealed record OverviewResponse(StoreCounts Counts, IReadOnlyList<EntityRow> Places, IReadOnlyList<IndicatorCount> Indicators,
    IReadOnlyList<DocumentSummary> RecentDocuments);

/// <summary>The overview page (<c>/</c>) and <c>/api/overview</c>.</summary>
internal static class Overview
{
    private const int Top = 10;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/overview", (ResultCache cache) => Query(cache))
            .WithName("overview").WithSummary("Counts, the places and indicators with most facts, and the latest documents");
        app.MapGet("/", async (ResultCache cache, HttpContext context) => Render(context, await Query(cache))).ExcludeFromDescription();
    }

    /// <summary>Counted and ranked by the store; kept until the knowledge base changes.</summary>
    public static Task<OverviewResponse> Query(ResultCache cache) => cache.GetAsync("overview", store =>
        new OverviewResponse(store.Counts(), [.. store.TopEntities("place", Top).Where(e => e.Facts > 0)], store.TopIndicators(Top),
            [.. store.LatestDocuments(Top).Select(DocumentSummary.Of)]));

    private static IResult Render(HttpContext context, OverviewResponse o) => Layout.Page(context, "Overview", "overview", html =>
    {
        html.Open("section", ("class", "counts"));
        foreach (var (label, n) in new[] { ("documents", o.Counts.Documents), ("entities", o.Counts.Entities), ("mentions", o.Counts.Mentions),
                     ("facts", o.Counts.Facts), ("relations", o.Counts.Relations) })
        {
            html.Open("div", ("class", "count")).Element("strong", n.ToString(System.Globalization.CultureInfo.InvariantCulture)).Element("span", label).Close("div");
        }

        html.Close("section");
        if (o.Counts.Documents == 0)
        {
            Layout.Note(html, "The knowledge base is empty: run ./anvil ingest FILES (or upload documents, when the server allows it).");
            return;
        }

        html.Open("div", ("class", "columns"));
        html.Open("section");
        html.Element("h2", "Places with most facts");
        html.Open("ol", ("class", "ranked"));
        foreach (var p in o.Places)
        {
            html.Open("li").Link(Links.Entity(p.Id), p.Name).Text(" ").Element("span", $"{p.Facts} facts · {p.Documents} documents", ("class", "muted")).Close("li");
        }

        html.Close("ol");
        if (o.Places.Count >= 2)
        {
            html.Link(Links.WithQuery("/compare", ("subject", o.Places[0].Name), ("subject", o.Places[1].Name)), $"Compare {o.Places[0].Name} and {o.Places[1].Name} →", "button");
        }

        html.Close("section");
        html.Open("section");
        html.Element("h2", "Indicators with most facts");
        html.Open("ol", ("class", "ranked"));
        foreach (var i in o.Indicators)
        {
            html.Open("li").Link(Links.WithQuery("/facts", ("indicator", i.Indicator)), i.Indicator).Text(" ")
                .Element("span", $"{i.Facts} facts · {i.Subjects} subjects", ("class", "muted")).Close("li");
        }

        html.Close("ol");
        html.Close("section");
        html.Close("div");

        html.Element("h2", "Latest documents");
        html.Open("ul", ("class", "documents"));
        foreach (var d in o.RecentDocuments)
        {
            html.Open("li").Link(Links.Document(d.Key), d.Title ?? d.Key).Text(" ")
                .Element("span", $"{d.Date ?? "no date"} · {d.Key}", ("class", "muted")).Close("li");
        }

        html.Close("ul");
    });
}
