using System.Globalization;
using Anvil.Analytics;
using Anvil.Core.Facts;
using AnalyticsConflicts = Anvil.Analytics.Conflicts;
using Anvil.Store;
using Anvil.Store.Records;
using Anvil.Web.Data;
using Anvil.Web.Html;
using Microsoft.AspNetCore.Mvc;

namespace Anvil.Web.Features.Conflicts;

/// <summary>Which disagreements to list, as <c>anvil conflicts</c> takes them.</summary>
public sealed record ConflictsRequest
{
    [FromQuery(Name = "subject")] public string? Subject { get; init; }

    [FromQuery(Name = "indicator")] public string? Indicator { get; init; }

    /// <summary>How far an approximate figure (约, 近, 左右) may be off, in percent: 0 to 100, 10 by default.</summary>
    [FromQuery(Name = "tolerance")] public double? Tolerance { get; init; }

    /// <summary>Also pairs of figures from one document.</summary>
    [FromQuery(Name = "within_documents")] public bool? WithinDocuments { get; init; }

    /// <summary>From 1.</summary>
    [FromQuery(Name = "page")] public int? Page { get; init; }

    /// <summary>From 1 to 500; 50 by default.</summary>
    [FromQuery(Name = "page_size")] public int? PageSize { get; init; }
}

/// <summary>One value cluster of a conflict: the values that agree, how many documents state them, and one statement of them.</summary>
public sealed record ConflictCluster(double Low, double High, string Text, int Documents, int Statements, FactRow? Fact);

/// <summary>
/// A conflict: one figure in one period (<see cref="Summary"/>) stated with values that cannot all be true, as the clusters of
/// values that agree, most stated first (the first <see cref="ConflictsPage.ClustersShown"/> of <see cref="ClustersTotal"/>).
/// </summary>
public sealed record ConflictItem(FigureSummary Summary, string PeriodLabel, IReadOnlyList<ConflictCluster> Clusters, int ClustersTotal);

/// <summary>One page of conflicts: <see cref="Total"/> figures in all, in the order of subject, indicator and period.</summary>
public sealed record ConflictsResponse(long Total, int Page, int PageSize, long Pages, IReadOnlyList<ConflictItem> Conflicts);

/// <summary>The conflicts page and <c>/api/conflicts</c>: each conflicting figure with its clusters of values and their sources.</summary>
internal static class ConflictsPage
{
    /// <summary>Clusters listed per conflict; a figure stated by hundreds of reports may have hundreds.</summary>
    public const int ClustersShown = 5;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/conflicts", (ResultCache cache, [AsParameters] ConflictsRequest request) => Query(cache, request))
            .WithName("conflicts").WithSummary("Figures stated with values that disagree beyond their qualifiers, as clusters of values, one page at a time");
        app.MapGet("/conflicts", async (ResultCache cache, HttpContext context, [AsParameters] ConflictsRequest request) =>
            Render(context, request, await Query(cache, request))).ExcludeFromDescription();
    }

    /// <summary>
    /// The store reads one page of the conflicting figures and counts them all in the same read (never every pair of
    /// statements); each page's clusters come from the values stated for its figures. Kept until the knowledge base changes.
    /// </summary>
    public static async Task<ConflictsResponse> Query(ResultCache cache, ConflictsRequest request)
    {
        var subjects = Check.Names("subject", request.Subject);
        var indicators = Check.Names("indicator", request.Indicator);
        double tolerance = Check.Range("tolerance", request.Tolerance, AnalyticsConflicts.DefaultTolerance * 100, 0, 100) / 100;
        bool within = request.WithinDocuments ?? false;
        var paging = Paging.Of(request.Page, request.PageSize);
        var filter = new FactQuery { Subjects = subjects, Indicators = indicators };
        var key = ResultCache.Key("conflicts", ResultCache.Names(subjects), ResultCache.Names(indicators), tolerance.ToString("R", CultureInfo.InvariantCulture),
            within ? "within" : "across");
        var (page, count) = await cache.GetAsync(ResultCache.Key(key, paging.Page.ToString(CultureInfo.InvariantCulture), paging.Size.ToString(CultureInfo.InvariantCulture)),
            s => Page(s, filter with { Offset = paging.Offset, Limit = paging.Size }, tolerance, within));
        return new ConflictsResponse(count, paging.Page, paging.Size, paging.Pages(count), page);
    }

    /// <summary>A page of conflicts with their clusters, and how many there are in all (one read of every figure's periods gives both).</summary>
    private sealed record CountedPage(List<ConflictItem> Items, long Total);

    private static CountedPage Page(IKnowledgeStore store, FactQuery query, double tolerance, bool within)
    {
        var found = store.ConflictPage(query, tolerance, within);
        var groups = found.Summaries
            .Select(g => (Summary: g, Clusters: AnalyticsConflicts.Clusters(store.StatedValues(g), tolerance))).ToList();
        var ids = groups.SelectMany(g => g.Clusters.Take(ClustersShown)).Select(c => c.FactId).Distinct().ToList();
        var facts = ids.Chunk(500).SelectMany(chunk => store.Facts(new FactQuery { Ids = chunk })).ToDictionary(f => f.Id);
        return new CountedPage([.. groups.Select(g => new ConflictItem(g.Summary, EffectivePeriod.Label(g.Summary),
            [.. g.Clusters.Take(ClustersShown).Select(c => new ConflictCluster(c.Low, c.High, ClusterText(g.Summary, c), c.Documents, c.Statements,
                facts.GetValueOrDefault(c.FactId)))], g.Clusters.Count))], found.Total);
    }

    /// <summary>A cluster's values for people: one value as stated (≈3600亿元), several as their range.</summary>
    private static string ClusterText(FigureSummary s, ValueCluster c) =>
        c.Values.Count == 1 ? Figures.Format(s.Fact, c.Values[0].Value, c.Values[0].Qualifier, c.Values[0].ValueHigh)
        : Figures.Format(s.Fact, c.Low, Anvil.Core.Quantities.Qualifier.Range, c.High);

    private static IResult Render(HttpContext context, ConflictsRequest request, ConflictsResponse result) =>
        Layout.Page(context, "Conflicts", "conflicts", html =>
        {
            html.Open("form", ("class", "filters"), ("method", "get"), ("action", "/conflicts"));
            html.Open("label").Text("Subject").Open("input", ("type", "text"), ("name", "subject"), ("value", request.Subject ?? ""), ("maxlength", "200")).Close("label");
            html.Open("label").Text("Indicator").Open("input", ("type", "text"), ("name", "indicator"), ("value", request.Indicator ?? ""), ("maxlength", "200"))
                .Close("label");
            html.Open("label").Text("Tolerance %").Open("input", ("type", "number"), ("name", "tolerance"), ("min", "0"), ("max", "100"), ("step", "any"),
                ("value", (request.Tolerance ?? AnalyticsConflicts.DefaultTolerance * 100).ToString(CultureInfo.InvariantCulture))).Close("label");
            html.Open("label", ("class", "choice")).Open("input", ("type", "checkbox"), ("name", "within_documents"), ("value", "true"),
                ("checked", request.WithinDocuments == true ? "" : null)).Text(" within one document too").Close("label");
            html.Element("button", "Filter", ("type", "submit"));
            html.Close("form");
            if (result.Total == 0)
            {
                Layout.Note(html, "No conflicting figures.");
                return;
            }

            html.Element("p", string.Create(CultureInfo.InvariantCulture,
                $"{result.Total} conflicting figure(s): the same subject, scope, indicator, kind, period, unit, status and basis stated with values that cannot all be true") +
                (result.Pages > 1 ? string.Create(CultureInfo.InvariantCulture, $" · page {result.Page} of {result.Pages}.") : "."),
                ("class", "summary"));
            foreach (var c in result.Conflicts)
            {
                var f = c.Summary.Fact;
                html.Open("article", ("class", "conflict"));
                html.Element("h2", string.Join(" · ", new[] { f.Subject, f.Scope, f.Indicator, f.Kind.ToSpecName(), c.PeriodLabel, f.Unit.Code,
                        f.Status == FactStatus.Actual ? null : f.Status.ToSpecName(), f.Basis?.ToSpecName() }
                    .Where(x => !string.IsNullOrEmpty(x))));
                html.Element("p", string.Create(CultureInfo.InvariantCulture,
                    $"{FigureText.Count(c.Summary.Statements, "statement")} in {FigureText.Count(c.Summary.Documents, "document")}, {FigureText.Count(c.ClustersTotal, "value")} that disagree")
                    + (c.ClustersTotal > c.Clusters.Count ? string.Create(CultureInfo.InvariantCulture, $" (the {c.Clusters.Count} most stated shown)") : ""),
                    ("class", "muted"));
                html.Open("div", ("class", "sides"));
                foreach (var cluster in c.Clusters)
                {
                    Side(html, cluster);
                }

                html.Close("div");
                html.Link(Links.WithQuery("/facts", ("subject", f.Subject), ("indicator", f.Indicator), ("scope", f.Scope), ("kind", f.Kind.ToSpecName()),
                    ("period", f.Period)), "every statement →", "more");
                html.Close("article");
            }

            Facts.Facts.Pager(html, "/conflicts", [("subject", request.Subject), ("indicator", request.Indicator),
                ("tolerance", request.Tolerance?.ToString(CultureInfo.InvariantCulture)), ("within_documents", request.WithinDocuments == true ? "true" : null),
                ("page_size", Paging.SizeParameter(request.PageSize))], result.Page, result.Pages);
        });

    private static void Side(HtmlWriter html, ConflictCluster c)
    {
        html.Open("div", ("class", "side"));
        html.Element("strong", c.Text, ("class", "value"));
        html.Element("span", " " + FigureText.Count(c.Documents, "document"), ("class", "muted"));
        if (c.Fact is { } f)
        {
            html.Open("blockquote").Link(Links.Document(f.Doc, f.Id), f.Quote).Close("blockquote");
            html.Element("span", string.Join(" · ", new[] { f.Doc, f.Date, f.Fact.Source }.Where(x => !string.IsNullOrEmpty(x))), ("class", "muted"));
        }

        html.Close("div");
    }
}
