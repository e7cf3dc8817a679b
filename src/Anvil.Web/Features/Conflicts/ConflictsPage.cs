using System.Globalization;
using Anvil.Analytics;
using Anvil.Core.Facts;
using AnalyticsConflicts = Anvil.Analytics.Conflicts;
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

/// <summary>One page of disagreements: <see cref="Total"/> in all, in the order of subject, indicator and period.</summary>
public sealed record ConflictsResponse(long Total, int Page, int PageSize, long Pages, IReadOnlyList<Conflict> Conflicts);

/// <summary>The conflicts page and <c>/api/conflicts</c>: each disagreement with both quotes side by side.</summary>
internal static class ConflictsPage
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/conflicts", (ResultCache cache, [AsParameters] ConflictsRequest request) => Query(cache, request))
            .WithName("conflicts").WithSummary("Figures stated with values that disagree beyond their qualifiers, one page at a time");
        app.MapGet("/conflicts", async (ResultCache cache, HttpContext context, [AsParameters] ConflictsRequest request) =>
            Render(context, request, await Query(cache, request))).ExcludeFromDescription();
    }

    /// <summary>
    /// Finding conflicts pairs every statement of a figure with every other, over all facts that match, so the pairs
    /// are counted once per version of the knowledge base and each page is read from them.
    /// </summary>
    public static async Task<ConflictsResponse> Query(ResultCache cache, ConflictsRequest request)
    {
        var subjects = Check.Names("subject", request.Subject);
        var indicators = Check.Names("indicator", request.Indicator);
        double tolerance = Check.Range("tolerance", request.Tolerance, AnalyticsConflicts.DefaultTolerance * 100, 0, 100);
        bool within = request.WithinDocuments ?? false;
        var paging = Paging.Of(request.Page, request.PageSize);
        var key = ResultCache.Key("conflicts", ResultCache.Names(subjects), ResultCache.Names(indicators), tolerance.ToString("R", CultureInfo.InvariantCulture),
            within ? "within" : "across");
        var set = await cache.GetAsync(key, s => ConflictSet.Of(s.Facts(new FactQuery { Subjects = subjects, Indicators = indicators }), tolerance / 100, within));
        return new ConflictsResponse(set.Count, paging.Page, paging.Size, paging.Pages(set.Count), set.Page(paging.Offset, paging.Size));
    }

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
                $"{result.Total} disagreement(s): the same subject, indicator, scope, kind, period and unit stated with values that cannot both be true") +
                (result.Pages > 1 ? string.Create(CultureInfo.InvariantCulture, $" · page {result.Page} of {result.Pages}.") : "."),
                ("class", "summary"));
            foreach (var c in result.Conflicts)
            {
                var f = c.First.Fact;
                html.Open("article", ("class", "conflict"));
                html.Element("h2", string.Join(" · ", new[] { f.Subject, f.Scope, f.Indicator, f.Kind.ToSpecName(), EffectivePeriod.Label(c.First), f.Unit.Code,
                        f.Status == FactStatus.Actual ? null : f.Status.ToSpecName(), f.Basis?.ToSpecName() }
                    .Where(x => !string.IsNullOrEmpty(x))));
                html.Element("p", "gap " + c.Gap.ToString("0.#%", CultureInfo.InvariantCulture), ("class", "muted"));
                html.Open("div", ("class", "sides"));
                Side(html, c.First);
                Side(html, c.Second);
                html.Close("div");
                html.Close("article");
            }

            Facts.Facts.Pager(html, "/conflicts", [("subject", request.Subject), ("indicator", request.Indicator),
                ("tolerance", request.Tolerance?.ToString(CultureInfo.InvariantCulture)), ("within_documents", request.WithinDocuments == true ? "true" : null),
                ("page_size", Paging.SizeParameter(request.PageSize))], result.Page, result.Pages);
        });

    private static void Side(HtmlWriter html, FactRow f)
    {
        html.Open("div", ("class", "side"));
        html.Element("strong", Figures.Format(f), ("class", "value"));
        html.Open("blockquote").Link(Links.Document(f.Doc, f.Id), f.Quote).Close("blockquote");
        html.Element("span", string.Join(" · ", new[] { f.Doc, f.Date, f.Fact.Source }.Where(x => !string.IsNullOrEmpty(x))), ("class", "muted"));
        html.Close("div");
    }
}
