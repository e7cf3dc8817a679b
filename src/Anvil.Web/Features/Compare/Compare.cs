using Anvil.Analytics;
using Anvil.Store.Records;
using Anvil.Web.Charts;
using Anvil.Web.Data;
using Anvil.Web.Html;
using Microsoft.AspNetCore.Mvc;

namespace Anvil.Web.Features.Compare;

/// <summary>What to compare: two or more subjects, and optionally which indicators, scope and period.</summary>
public sealed record CompareRequest
{
    /// <summary>Places, companies or bodies: repeat the parameter or separate names with commas.</summary>
    [FromQuery(Name = "subject")] public string[]? Subject { get; init; }

    /// <summary>Only these indicators (repeat the parameter); all when none.</summary>
    [FromQuery(Name = "indicator")] public string[]? Indicator { get; init; }

    [FromQuery(Name = "scope")] public string? Scope { get; init; }

    /// <summary>A year (2024), a range of years (2023-2024) or a period (2024-H1).</summary>
    [FromQuery(Name = "period")] public string? Period { get; init; }
}

/// <summary>One subject's facts in a row.</summary>
public sealed record CompareCell(string Subject, IReadOnlyList<FactRow> Facts);

/// <summary>
/// A row of the comparison: the figures stated for one indicator, scope, kind, period and unit. <see cref="Note"/> says
/// why a row that only one subject states stands apart.
/// </summary>
public sealed record CompareRow(string Indicator, string? Scope, string Kind, string? Period, string PeriodLabel, string Unit, string? Note,
    IReadOnlyList<CompareCell> Cells);

/// <summary>Rows two or more subjects state, and rows that do not line up, latest period first (as <c>anvil compare</c>).</summary>
public sealed record CompareResponse(IReadOnlyList<string> Subjects, IReadOnlyList<CompareRow> Comparable, IReadOnlyList<CompareRow> Apart);

/// <summary>The compare page and <c>/api/compare</c>: indicators of several subjects side by side, with their quotes and bar charts.</summary>
internal static class Compare
{
    public const int MaxSubjects = 8;

    /// <summary>
    /// Figures a cell and a chart show per subject. When many documents state one figure (hundreds, in a large knowledge
    /// base) the page would otherwise grow to megabytes; the rest are a link to the facts page away.
    /// </summary>
    public const int FiguresShown = 5;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/compare", (ResultCache cache, [AsParameters] CompareRequest request) => Query(cache, request))
            .WithName("compare").WithSummary("Indicators of two or more subjects side by side (subject=深圳&subject=杭州)");
        app.MapGet("/compare", (ResultCache cache, HttpContext context, [AsParameters] CompareRequest request) => Render(context, cache, request))
            .ExcludeFromDescription();
    }

    /// <summary>Reads the facts of each subject alone (not every fact) and lines them up; kept until the knowledge base changes.</summary>
    public static Task<CompareResponse> Query(ResultCache cache, CompareRequest request)
    {
        var subjects = Check.NameList("subject", request.Subject, MaxSubjects);
        var indicators = Check.NameList("indicator", request.Indicator, 50);
        var scopes = Check.Names("scope", request.Scope);
        var period = Check.Period(request.Period);
        var folded = indicators.Count == 0 ? null : indicators.SelectMany(i => Check.Names("indicator", i)!).Distinct(StringComparer.Ordinal).ToList();
        // the subjects in their order (it is the columns'); the filters as sets
        var key = ResultCache.Key("compare", string.Join('\u001e', subjects), ResultCache.Names(folded), ResultCache.Names(scopes),
            period is { } p ? p.StartText + ".." + p.EndText : "*");
        return cache.GetAsync(key, s =>
        {
            var names = subjects.Count > 0 ? subjects : [.. s.TopEntities("place", 2).Where(e => e.Facts > 0).Select(e => e.Name)];
            var comparison = Comparisons.Compare([.. names.Select(name => (name, s.Facts(new FactQuery
            {
                Subjects = Check.Names("subject", name),
                Indicators = folded,
                Scopes = scopes,
                Period = period,
            })))]);
            return new CompareResponse(comparison.Subjects, [.. comparison.Comparable.Select(r => Row(r, comparison.Subjects))],
                [.. comparison.Apart.Select(r => Row(r, comparison.Subjects))]);
        });
    }

    private static CompareRow Row(ComparisonRow row, IReadOnlyList<string> subjects)
    {
        var label = row.Key.Period ?? (row.Period is { } p ? $"current ({p.EndText})" : "current");
        return new CompareRow(row.Key.Indicator, row.Key.Scope, row.Key.Kind, row.Key.Period, label, row.Key.Unit, row.Note,
            [.. subjects.Where(row.Cells.ContainsKey).Select(s => new CompareCell(s, row.Cells[s]))]);
    }

    /// <summary>The places and indicators the picker offers: those with most facts.</summary>
    private sealed record Choices(IReadOnlyList<string> Places, IReadOnlyList<string> Indicators);

    private static async Task<IResult> Render(HttpContext context, ResultCache cache, CompareRequest request)
    {
        var result = await Query(cache, request);
        var (places, indicators) = await cache.GetAsync("compare-choices", s => new Choices(
            [.. s.TopEntities("place", 24).Where(e => e.Facts > 0).Select(e => e.Name)], [.. s.TopIndicators(24).Select(i => i.Indicator)]));
        var chosenIndicators = Check.NameList("indicator", request.Indicator, 50);
        var title = result.Subjects.Count > 0 ? "Compare " + string.Join(" · ", result.Subjects) : "Compare";
        return Layout.Page(context, title, "compare", html =>
        {
            html.Open("form", ("class", "picker"), ("method", "get"), ("action", "/compare"));
            html.Open("fieldset").Element("legend", "Places");
            foreach (var p in places.Union(result.Subjects, StringComparer.Ordinal))
            {
                Choice(html, "subject", p, result.Subjects.Contains(p, StringComparer.Ordinal));
            }

            html.Open("label", ("class", "other")).Text("Other names ");
            html.Open("input", ("type", "text"), ("name", "subject"), ("placeholder", "华为, 比亚迪"), ("maxlength", "200")).Close("label");
            html.Close("fieldset");
            html.Open("fieldset").Element("legend", "Indicators (none ticked: all)");
            foreach (var i in indicators.Union(chosenIndicators, StringComparer.Ordinal))
            {
                Choice(html, "indicator", i, chosenIndicators.Contains(i, StringComparer.Ordinal));
            }

            html.Close("fieldset");
            html.Open("div", ("class", "row"));
            html.Open("label").Text("Scope ").Open("input", ("type", "text"), ("name", "scope"), ("value", request.Scope ?? ""), ("maxlength", "200")).Close("label");
            html.Open("label").Text("Period ").Open("input", ("type", "text"), ("name", "period"), ("value", request.Period ?? ""), ("placeholder", "2024"),
                ("maxlength", "20")).Close("label");
            html.Element("button", "Compare", ("type", "submit"));
            html.Close("div");
            html.Close("form");

            if (result.Subjects.Count < 2)
            {
                Layout.Note(html, "Pick two or more places (or type other names) to compare.");
            }

            if (result.Comparable.Count + result.Apart.Count == 0)
            {
                Layout.Note(html, $"No facts about {string.Join(" or ", result.Subjects)} in the knowledge base yet.");
                return;
            }

            html.Element("h2", "Side by side");
            if (result.Comparable.Count == 0)
            {
                Layout.Note(html, "No figure that they all state for the same indicator, scope, kind, period and unit.");
            }
            else
            {
                Table(html, result, result.Comparable, apart: false);
            }

            if (result.Apart.Count > 0)
            {
                html.Element("h2", "Not comparable (stated by one only, or for another scope, unit or period)");
                Table(html, result, result.Apart, apart: true);
            }
        });
    }

    /// <summary>The bars of a row, beside its figures: one per figure shown (the first <see cref="FiguresShown"/> of each subject).</summary>
    private static TrustedMarkup RowChart(CompareResponse result, CompareRow row)
    {
        var caption = string.Join(" · ", new[] { row.Scope, row.Kind, row.PeriodLabel }.Where(x => !string.IsNullOrEmpty(x)));
        return Svg.Bars($"{row.Indicator} {caption}", [.. row.Cells.SelectMany(c => c.Facts.Take(FiguresShown).Select(f =>
            new Bar(c.Facts.Count > 1 ? $"{c.Subject} ({f.Doc})" : c.Subject, f.Value, Figures.Format(f), Links.Document(f.Doc, f.Id),
                $"{c.Subject}: {Figures.Format(f)} — {f.Quote}", Colour(result.Subjects, c.Subject))))]);
    }

    /// <summary>Each subject keeps its colour in every chart.</summary>
    private static int Colour(IReadOnlyList<string> subjects, string subject) => Math.Max(0, subjects.ToList().IndexOf(subject));

    private static void Choice(HtmlWriter html, string name, string value, bool chosen)
    {
        html.Open("label", ("class", "choice"));
        html.Open("input", ("type", "checkbox"), ("name", name), ("value", value), ("checked", chosen ? "" : null));
        html.Text(" " + value).Close("label");
    }

    private static void Table(HtmlWriter html, CompareResponse result, IReadOnlyList<CompareRow> rows, bool apart)
    {
        html.Open("table", ("class", apart ? "compare apart" : "compare"));
        html.Open("thead").Open("tr");
        foreach (var h in (string[])["indicator", "scope", "kind", "period", "unit"])
        {
            html.Element("th", h, ("scope", "col"));
        }

        if (apart)
        {
            html.Element("th", "subject", ("scope", "col")).Element("th", "figure", ("scope", "col")).Element("th", "why", ("scope", "col"));
        }
        else
        {
            foreach (var s in result.Subjects)
            {
                html.Element("th", s, ("scope", "col"));
            }

            html.Element("th", "chart", ("scope", "col"));
        }

        html.Close("tr").Close("thead").Open("tbody");
        foreach (var row in rows)
        {
            html.Open("tr");
            html.Element("td", row.Indicator, ("data-h", "indicator"));
            html.Element("td", row.Scope ?? "", ("data-h", "scope"));
            html.Element("td", row.Kind, ("data-h", "kind"));
            html.Element("td", row.PeriodLabel, ("data-h", "period"));
            html.Element("td", row.Unit, ("data-h", "unit"));
            if (apart)
            {
                var cell = row.Cells[0];
                html.Element("td", cell.Subject, ("data-h", "subject"));
                Cell(html, row, cell, "figure");
                html.Element("td", row.Note ?? "", ("data-h", "why"));
            }
            else
            {
                foreach (var s in result.Subjects)
                {
                    var cell = row.Cells.FirstOrDefault(c => c.Subject == s);
                    if (cell is null)
                    {
                        html.Element("td", "", ("data-h", s));
                    }
                    else
                    {
                        Cell(html, row, cell, s);
                    }
                }

                html.Open("td", ("data-h", "chart"), ("class", "chart"));
                html.Markup(RowChart(result, row));
                html.Close("td");
            }

            html.Close("tr");
        }

        html.Close("tbody").Close("table");
    }

    /// <summary>The figures of a cell (the first <see cref="FiguresShown"/>) with the quotes they come from, linked to that place in their documents.</summary>
    private static void Cell(HtmlWriter html, CompareRow row, CompareCell cell, string heading)
    {
        html.Open("td", ("data-h", heading), ("class", "cell"));
        foreach (var f in cell.Facts.Take(FiguresShown))
        {
            html.Open("div", ("class", "figure"));
            html.Element("strong", Figures.Format(f), ("class", "value"));
            html.Open("blockquote").Link(Links.Document(f.Doc, f.Id), f.Quote).Close("blockquote");
            html.Element("span", f.Doc + (f.Source is null ? "" : " · " + f.Source), ("class", "muted"));
            html.Close("div");
        }

        if (cell.Facts.Count > FiguresShown)
        {
            html.Link(Links.WithQuery("/facts", ("subject", cell.Subject), ("indicator", row.Indicator), ("scope", row.Scope), ("kind", row.Kind),
                ("period", row.Period)), $"{cell.Facts.Count - FiguresShown} more →", "more");
        }

        html.Close("td");
    }
}
