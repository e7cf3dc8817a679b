using System.Globalization;
using Anvil.Analytics;
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
}

/// <summary>The conflicts page and <c>/api/conflicts</c>: each disagreement with both quotes side by side.</summary>
internal static class ConflictsPage
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/conflicts", (StoreAccess store, [AsParameters] ConflictsRequest request) => Query(store, request))
            .WithName("conflicts").WithSummary("Figures stated with values that disagree beyond their qualifiers");
        app.MapGet("/conflicts", (StoreAccess store, HttpContext context, [AsParameters] ConflictsRequest request) =>
            Render(context, request, Query(store, request))).ExcludeFromDescription();
    }

    public static IReadOnlyList<Conflict> Query(StoreAccess store, ConflictsRequest request)
    {
        var query = new FactQuery { Subjects = Check.Names("subject", request.Subject), Indicators = Check.Names("indicator", request.Indicator) };
        double tolerance = Check.Range("tolerance", request.Tolerance, AnalyticsConflicts.DefaultTolerance * 100, 0, 100);
        return store.Use(s => AnalyticsConflicts.Find(s.Facts(query), tolerance / 100, request.WithinDocuments ?? false));
    }

    private static IResult Render(HttpContext context, ConflictsRequest request, IReadOnlyList<Conflict> conflicts) =>
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
            if (conflicts.Count == 0)
            {
                Layout.Note(html, "No conflicting figures.");
                return;
            }

            html.Element("p", $"{conflicts.Count} disagreement(s): the same subject, indicator, scope, kind, period and unit stated with values that cannot both be true.",
                ("class", "summary"));
            foreach (var c in conflicts)
            {
                var f = c.First;
                html.Open("article", ("class", "conflict"));
                html.Element("h2", string.Join(" · ", new[] { f.Subject, f.Scope, f.Indicator, f.Kind, EffectivePeriod.Label(f), f.Unit }
                    .Where(x => !string.IsNullOrEmpty(x))));
                html.Element("p", "gap " + c.Gap.ToString("0.#%", CultureInfo.InvariantCulture), ("class", "muted"));
                html.Open("div", ("class", "sides"));
                Side(html, c.First);
                Side(html, c.Second);
                html.Close("div");
                html.Close("article");
            }
        });

    private static void Side(HtmlWriter html, FactRow f)
    {
        html.Open("div", ("class", "side"));
        html.Element("strong", Figures.Format(f), ("class", "value"));
        html.Open("blockquote").Link(Links.Document(f.Doc, f.Id), f.Quote).Close("blockquote");
        html.Element("span", string.Join(" · ", new[] { f.Doc, f.Date, f.Source }.Where(x => !string.IsNullOrEmpty(x))), ("class", "muted"));
        html.Close("div");
    }
}
