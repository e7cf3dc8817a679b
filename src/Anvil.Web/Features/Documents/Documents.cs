using System.Globalization;
using Anvil.Analytics;
using Anvil.Core.Facts;
using Anvil.Store;
using Anvil.Store.Records;
using Anvil.Web.Data;
using Anvil.Web.Features.Overview;
using Anvil.Web.Html;
using Microsoft.AspNetCore.Mvc;

namespace Anvil.Web.Features.Documents;

/// <summary>A span of the text in code points.</summary>
public sealed record SpanRange(int Start, int End);

/// <summary>
/// A document with every record that points into it: its original text, boilerplate spans, entity mentions and
/// facts (spans in code points of <see cref="Text"/>), the relations it states, and other documents of the same id.
/// </summary>
public sealed record DocumentResponse(DocumentSummary Document, string Text, IReadOnlyList<SpanRange> Boilerplate, IReadOnlyList<MentionRow> Entities,
    IReadOnlyList<FactRow> Facts, IReadOnlyList<RelationRow> Relations, IReadOnlyList<DocumentSummary> SameId);

/// <summary>Which page of the document list to show.</summary>
public sealed record DocumentsRequest
{
    /// <summary>From 1.</summary>
    [FromQuery(Name = "page")] public int? Page { get; init; }

    /// <summary>From 1 to 500; 50 by default.</summary>
    [FromQuery(Name = "page_size")] public int? PageSize { get; init; }
}

/// <summary>One page of the stored documents, newest first: <see cref="Total"/> in all.</summary>
public sealed record DocumentsResponse(int Total, int Page, int PageSize, int Pages, IReadOnlyList<DocumentSummary> Documents);

/// <summary>The document list and page (<c>/documents/{key}</c>) and their API.</summary>
internal static class Documents
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/documents", (StoreAccess store, [AsParameters] DocumentsRequest request) => List(store, request))
            .WithName("documents").WithSummary("The stored documents, newest first (no text), one page at a time");
        app.MapGet("/api/documents/{key}", (StoreAccess store, string key) => Query(store, key))
            .WithName("document").WithSummary("A document's text with its entity mentions, facts and relations (key: document id or content-hash prefix)");
        app.MapGet("/documents", (StoreAccess store, HttpContext context, [AsParameters] DocumentsRequest request) =>
            RenderList(context, request, List(store, request))).ExcludeFromDescription();
        app.MapGet("/documents/{key}", (StoreAccess store, HttpContext context, string key) => Render(context, Query(store, key)))
            .ExcludeFromDescription();
    }

    /// <summary>A knowledge base can hold hundreds of thousands of documents: the store reads one page of them and counts the rest.</summary>
    public static DocumentsResponse List(StoreAccess store, DocumentsRequest request)
    {
        var paging = Paging.Of(request.Page, request.PageSize);
        return store.Use(s =>
        {
            int total = s.CountDocuments();
            return new DocumentsResponse(total, paging.Page, paging.Size, paging.Pages(total),
                [.. s.LatestDocuments(paging.Size, paging.Offset).Select(DocumentSummary.Of)]);
        });
    }

    public static DocumentResponse Query(StoreAccess store, string key)
    {
        key = Check.DocumentKey(key);
        return store.Use(s =>
        {
            var matches = s.DocumentsByKey(key);
            if (matches.Count == 0)
            {
                throw WebException.NotFound($"no document '{Check.Shorten(key)}' in the knowledge base; the document list is at /documents");
            }

            var chosen = matches.MaxBy(d => d.Id)!;
            var doc = s.Documents(withText: true, [chosen.Id]).Single();
            var facts = s.Facts(new FactQuery { DocumentId = doc.Id });
            return new DocumentResponse(DocumentSummary.Of(doc), doc.Text, [.. doc.Boilerplate.Select(b => new SpanRange(b.Start, b.End))],
                s.DocumentMentions(doc.Id), [.. facts.OrderBy(f => f.Start)], s.DocumentRelations(doc.Id),
                [.. matches.Where(d => d.Id != doc.Id).Select(DocumentSummary.Of)]);
        });
    }

    private static IResult RenderList(HttpContext context, DocumentsRequest request, DocumentsResponse result) =>
        Layout.Page(context, "Documents", "documents", html =>
        {
            if (result.Total == 0)
            {
                Layout.Note(html, "No documents yet.");
                return;
            }

            html.Element("p", string.Create(CultureInfo.InvariantCulture, $"{result.Total} documents, newest first · page {result.Page} of {result.Pages}"),
                ("class", "summary"));
            if (result.Documents.Count == 0)
            {
                Layout.Note(html, "No documents on this page.");
            }
            else
            {
                html.Open("ul", ("class", "documents"));
                foreach (var d in result.Documents)
                {
                    html.Open("li").Link(Links.Document(d.Key), d.Title ?? d.Key).Text(" ")
                        .Element("span", $"{d.Date ?? "no date"} · {d.Key}", ("class", "muted")).Close("li");
                }

                html.Close("ul");
            }

            Facts.Facts.Pager(html, "/documents", [("page_size", Paging.SizeParameter(request.PageSize))], result.Page, result.Pages);
        });

    private static IResult Render(HttpContext context, DocumentResponse d) => Layout.Page(context, d.Document.Title ?? d.Document.Key, "document", html =>
    {
        html.Element("p", string.Create(CultureInfo.InvariantCulture,
            $"{d.Document.Date ?? "no date"} · {d.Document.Format} · id {d.Document.Key} · sha256 {d.Document.Sha256[..12]} · {d.Text.Length} characters"),
            ("class", "muted meta"));
        foreach (var other in d.SameId)
        {
            html.Open("p", ("class", "note")).Text("Another document has the same id: ").Link(Links.Document(other.Sha256[..16]), $"{other.Key} ({other.Sha256[..12]})")
                .Close("p");
        }

        var types = d.Entities.Select(e => e.Type).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        html.Open("p", ("class", "legend"));
        foreach (var t in types)
        {
            html.Element("span", t, ("class", "key e t-" + TypeClass(t)));
        }

        html.Element("span", "fact", ("class", "key f"));
        if (d.Boilerplate.Count > 0)
        {
            html.Element("span", "boilerplate", ("class", "key bp"));
        }

        html.Close("p");

        var marks = new List<Mark>();
        marks.AddRange(d.Boilerplate.Select(b => new Mark(b.Start, b.End, "bp")));
        marks.AddRange(d.Facts.Select(f => new Mark(f.Start, f.End, "f", "r-f" + f.Id)));
        marks.AddRange(d.Entities.Select(m => new Mark(m.Start, m.End, "e t-" + TypeClass(m.Type), "r-e" + m.EntityId, m.Type)));
        html.Open("div", ("class", "reader"));
        html.Open("div", ("class", "doctext"), ("lang", "zh"), ("id", "text")).Markup(SpanMarkup.Render(d.Text, marks)).Close("div");
        html.Open("aside", ("id", "detail"), ("class", "detail"), ("aria-live", "polite"));
        html.Element("p", "Click a highlight to see its record.", ("class", "note"));
        html.Close("aside");
        html.Close("div");

        html.Open("section", ("class", "records"));
        html.Element("h2", $"Facts ({d.Facts.Count})");
        html.Open("ol", ("class", "records"));
        foreach (var f in d.Facts)
        {
            html.Open("li", ("id", "r-f" + f.Id), ("class", "record fact"));
            html.Element("strong", Figures.Format(f)).Text(" ");
            var fact = f.Fact;
            html.Element("span", string.Join(" · ", new[] { fact.Subject, fact.Scope, fact.Indicator, fact.Kind.ToSpecName(), EffectivePeriod.Label(f),
                    fact.Status == FactStatus.Actual ? null : fact.Status.ToSpecName(), fact.Basis?.ToSpecName(), fact.Source }
                .Where(x => !string.IsNullOrEmpty(x))));
            html.Element("blockquote", f.Quote);
            html.Element("span", $"fact {f.Id} · span [{f.Start}, {f.End}) · {fact.UnitText ?? fact.Unit.Code} · {fact.Qualifier.ToSpecName()}", ("class", "muted"));
            html.Close("li");
        }

        html.Close("ol");
        var entities = d.Entities.GroupBy(m => m.EntityId).ToList();
        html.Element("h2", $"Entities ({entities.Count})");
        html.Open("ul", ("class", "records entities"));
        foreach (var e in entities.OrderBy(g => g.Min(m => m.Start)))
        {
            var first = e.First();
            html.Open("li", ("id", "r-e" + e.Key), ("class", "record entity"));
            html.Link(Links.Entity(e.Key), first.Name).Text(" ").Element("span", first.Type, ("class", "key e t-" + TypeClass(first.Type)));
            var forms = e.Select(m => m.Quote).Distinct(StringComparer.Ordinal).ToList();
            html.Element("span", $" {e.Count()} mention(s) here" + (forms.Any(q => q != first.Name) ? " as " + string.Join(", ", forms) : ""), ("class", "muted"));
            html.Close("li");
        }

        html.Close("ul");
        if (d.Relations.Count > 0)
        {
            html.Element("h2", $"Relations ({d.Relations.Count})");
            html.Open("ul", ("class", "records relations"));
            foreach (var r in d.Relations)
            {
                Relations.RelationFlags.Item(html, r, Links.Document(d.Document.Key), linkQuote: false);
            }

            html.Close("ul");
        }

        html.Close("section");
    });

    /// <summary>An entity type as a class name: the spec's types are plain words; anything else is "other".</summary>
    internal static string TypeClass(string type) => type.Length is > 0 and < 20 && type.All(char.IsAsciiLetterLower) ? type : "other";
}
