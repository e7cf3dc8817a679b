using Anvil.Analytics;
using Anvil.Core.Facts;
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

/// <summary>
/// One subject's cell: the summary of what its documents state (the figure most agree on or the latest, how many state
/// it, the range, a conflict flag) and the statement that stands for it, with its quote.
/// </summary>
public sealed record CompareCell(string Subject, FigureSummary Summary, FactRow? Fact);

/// <summary>
/// A row of the comparison: the figures stated for one indicator, scope, kind, period, unit, status and basis.
/// <see cref="Note"/> says why a row that only one subject states stands apart.
/// </summary>
public sealed record CompareRow(string Indicator, string? Scope, string Kind, string? Period, string PeriodLabel, string Unit, string Status, string? Basis,
    string? Note, IReadOnlyList<CompareCell> Cells);

/// <summary>Rows two or more subjects state, and rows that do not line up, latest period first (as <c>anvil compare</c>).</summary>
public sealed record CompareResponse(IReadOnlyList<string> Subjects, IReadOnlyList<CompareRow> Comparable, IReadOnlyList<CompareRow> Apart);

/// <summary>The compare page and <c>/api/compare</c>: indicators of several subjects side by side, with their quotes and bar charts.</summary>
internal static class Compare
{
    public const int MaxSubjects = 8;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/compare", (ResultCache cache, [AsParameters] CompareRequest request) => Query(cache, request))
            .WithName("compare").WithSummary("Indicators of two or more subjects side by side (subject=深圳&subject=杭州)");
        app.MapGet("/compare", (ResultCache cache, HttpContext context, [AsParameters] CompareRequest request) => Render(context, cache, request))
            .ExcludeFromDescription();
    }

    /// <summary>
    /// Sums up each subject's figures in the store (never reading its statements one by one) and lines them up, with the
    /// statements that stand for the cells; kept until the knowledge base changes.
    /// </summary>
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
            var comparison = Comparisons.Compare([.. names.Select(name => (name, s.Summaries(new FactQuery
            {
                Subjects = Check.Names("subject", name),
                Indicators = folded,
                Scopes = scopes,
                Period = period,
            })))]);
            var ids = comparison.Comparable.Concat(comparison.Apart).SelectMany(r => r.Cells.Values).Select(c => c.FactId).Distinct().ToList();
            var facts = ids.Chunk(500).SelectMany(chunk => s.Facts(new FactQuery { Ids = chunk })).ToDictionary(f => f.Id);
            return new CompareResponse(comparison.Subjects, [.. comparison.Comparable.Select(r => Row(r, comparison.Subjects, facts))],
                [.. comparison.Apart.Select(r => Row(r, comparison.Subjects, facts))]);
        });
    }

    private static CompareRow Row(ComparisonRow row, IReadOnlyList<string> subjects, Dictionary<long, FactRow> facts)
    {
        var label = row.Key.Period ?? (row.Period is { } p ? $"current ({p.EndText})" : "current");
        return new CompareRow(row.Key.Indicator, row.Key.Scope, row.Key.Kind.ToSpecName(), row.Key.Period, label, row.Key.Unit.Code,
            row.Key.Status.ToSpecName(), row.Key.Basis?.ToSpecName(), row.Note,
            [.. subjects.Where(row.Cells.ContainsKey).Select(s => new CompareCell(s, row.Cells[s], facts.GetValueOrDefault(row.Cells[s].FactId)))]);
    }

    /// <summary>The places and indicators the picker offers: those with most facts.</summary>
    private sealed record Choices(IReadOnlyList<string> Places, IReadOnlyList<string> Indicators);

    private static async Task<IResult> Render(HttpContext context, ResultCache cache, CompareRequest request)
    {
        // the comparison and the picker's choices are read side by side, each on a connection of its own
        var comparing = Query(cache, request);
        var choosing = cache.GetAsync("compare-choices", s => new Choices(
            [.. s.TopEntities("place", 24).Where(e => e.Facts > 0).Select(e => e.Name)], [.. s.TopIndicators(24).Select(i => i.Indicator)]));
        var result = await comparing;
        var (places, indicators) = await choosing;
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

    /// <summary>The bars of a row, beside its figures: one per subject, its summary's figure.</summary>
    private static TrustedMarkup RowChart(CompareResponse result, CompareRow row)
    {
        var caption = string.Join(" · ", new[] { row.Scope, row.Kind, row.PeriodLabel, Qualified(row) }.Where(x => !string.IsNullOrEmpty(x)));
        return Svg.Bars($"{row.Indicator} {caption}", [.. row.Cells.Select(c =>
            new Bar(c.Subject, c.Summary.Fact.Value, Figures.Format(c.Summary.Fact), Links.Document(c.Summary.Doc, c.Summary.FactId),
                $"{c.Subject}: {Figures.Format(c.Summary.Fact)} ({Figures.Describe(c.Summary)}) — {c.Fact?.Quote}", Colour(result.Subjects, c.Subject)))]);
    }

    /// <summary>A row's status and basis when they say more than an actual figure: <c>target</c>, <c>yoy</c>, <c>forecast · mom</c>.</summary>
    private static string? Qualified(CompareRow row) =>
        string.Join(" · ", new[] { row.Status == "actual" ? null : row.Status, row.Basis }.Where(x => x is not null)) is { Length: > 0 } text ? text : null;

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
            html.Element("td", row.Kind + (Qualified(row) is { } q ? " · " + q : ""), ("data-h", "kind"));
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

    /// <summary>
    /// A cell: the figure, how it was chosen and what the other documents say, the quote that stands for it linked to its
    /// place in its document, and a link to every statement on the facts page.
    /// </summary>
    private static void Cell(HtmlWriter html, CompareRow row, CompareCell cell, string heading)
    {
        var s = cell.Summary;
        html.Open("td", ("data-h", heading), ("class", s.Conflict ? "cell conflict" : "cell"));
        html.Open("div", ("class", "figure"));
        html.Element("strong", Figures.Format(s.Fact), ("class", "value"));
        html.Element("span", Figures.Describe(s), ("class", s.Conflict ? "summary conflict" : "summary muted"));
        if (cell.Fact is { } f)
        {
            html.Open("blockquote").Link(Links.Document(f.Doc, f.Id), f.Quote).Close("blockquote");
            html.Element("span", f.Doc + (f.Fact.Source is null ? "" : " · " + f.Fact.Source), ("class", "muted"));
        }

        html.Close("div");
        if (s.Statements > 1)
        {
            html.Link(Links.WithQuery("/facts", ("subject", cell.Subject), ("indicator", row.Indicator), ("scope", row.Scope), ("kind", row.Kind),
                ("period", row.Period)), $"all {FigureText.Count(s.Statements, "statement")} →", "more");
        }

        html.Close("td");
    }
}
