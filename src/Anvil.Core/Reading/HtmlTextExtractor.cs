using System.Text;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Anvil.Core.Reading;

/// <summary>The readable text of an HTML page, with the title and publication date the page states.</summary>
internal sealed record HtmlContent(string Text, string? Title, DateOnly? Date);

/// <summary>
/// Reads an HTML page: the main text through SmartReader (a port of Mozilla's Readability), rendered as plain
/// text with a blank line between blocks; the whole body, less navigation and scripts, when SmartReader finds no
/// article. The headline is put first when the article body leaves it out: headlines carry figures too.
/// Title: og:title, else the h1 when the &lt;title&gt; contains it, else &lt;title&gt;, else h1. Date: the
/// publication-time metadata, JSON-LD <c>datePublished</c>, <c>&lt;time datetime&gt;</c>, then a date near the top.
/// </summary>
internal static class HtmlTextExtractor
{
    // Chinese says in 150 characters what English says in 500: SmartReader's default threshold drops short news.
    private const int ArticleCharThreshold = 150;

    // SmartReader's time grows faster than the page: it walks the ancestors of every element (10,000 nested lists,
    // which AngleSharp nests 512 deep and then as siblings, sum to 5 million steps and took 12 s), and its table
    // checks are quadratic in the number of tables (7,000 empty tables: 3 s; 20,000: 14 s). A news page has a few
    // thousand elements summing to well under 100,000 steps, and tens of tables; a page past any of these bounds
    // is read whole, without SmartReader.
    private const long MaxAncestorSteps = 250_000;
    private const int MaxArticleElements = 8_000;
    private const int MaxArticleTables = 1_000;

    // Meta names and properties that state when a page was published, most specific first.
    private static readonly string[] PublishedMeta =
    [
        "article:published_time", "og:article:published_time", "og:published_time", "datePublished",
        "pubdate", "publishdate", "publish-date", "publish_date", "PubDate", "publication_date",
        "parsely-pub-date", "sailthru.date", "dc.date.issued", "DC.date.issued", "dc.date", "DC.date", "date",
    ];

    private static readonly HashSet<string> BlockElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "address", "article", "aside", "blockquote", "caption", "dd", "div", "dl", "dt", "figcaption", "figure",
        "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre",
        "section", "table", "tbody", "thead", "tfoot", "ul",
    };

    private static readonly HashSet<string> SkippedElements = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "svg", "iframe", "object", "head", "button", "select",
        "textarea", "input", "canvas", "math",
    };

    // Page furniture dropped when the whole body has to stand in for the article.
    private const string FurnitureSelector = "nav, header, footer, aside, form, menu";

    public static HtmlContent Extract(string html)
    {
        // AngleSharp takes U+FFFF, a noncharacter, for the end of input in tables: the rest of the page was lost
        html = html.Replace('\uFFFF', '\uFFFD');
        var parser = new HtmlParser();
        var page = parser.ParseDocument(html);
        string? title = FindTitle(page);
        DateOnly? date = FindPublishedDate(page);

        string text = "";
        var article = IsSmallEnoughForSmartReader(page) ? TryReadArticle(html) : null;
        if (article is { IsReadable: true } && !string.IsNullOrWhiteSpace(article.Content))
        {
            var content = parser.ParseDocument("<!DOCTYPE html><html><body>" + article.Content + "</body></html>");
            text = Render(content.Body!);
            title ??= Clean(article.Title);
            if (date is null && article.PublicationDate is { } published)
            {
                date = DateOnly.FromDateTime(published);
            }
        }

        if (string.IsNullOrWhiteSpace(text) && page.Body is { } body)
        {
            foreach (var furniture in body.QuerySelectorAll(FurnitureSelector).ToList())
            {
                furniture.Remove();
            }

            text = Render(body);
        }

        if (title is not null && text.Length > 0 && !text.AsSpan(0, Math.Min(text.Length, 200)).Contains(title, StringComparison.Ordinal))
        {
            text = title + "\n\n" + text;
        }

        return new(text, title, date);
    }

    private static Article? TryReadArticle(string html)
    {
        try
        {
            var reader = new Reader("https://anvil.invalid/", html) { CharThreshold = ArticleCharThreshold };
            return reader.GetArticle();
        }
#pragma warning disable CA1031 // SmartReader's heuristics can fail on odd markup; the whole-body fallback covers it
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }

    /// <summary>Counts elements, tables and the sum of every element's depth, without recursion, up to the bounds.</summary>
    private static bool IsSmallEnoughForSmartReader(IHtmlDocument page)
    {
        long steps = 0;
        int elements = 0, tables = 0;
        var stack = new Stack<(IElement Element, int Depth)>();
        if (page.DocumentElement is { } root)
        {
            stack.Push((root, 0));
        }

        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            steps += depth;
            elements++;
            tables += element.LocalName == "table" ? 1 : 0;
            if (steps > MaxAncestorSteps || elements > MaxArticleElements || tables > MaxArticleTables)
            {
                return false;
            }

            foreach (var child in element.Children)
            {
                stack.Push((child, depth + 1));
            }
        }

        return true;
    }

    private static string? FindTitle(IHtmlDocument page)
    {
        string? og = Clean(MetaContent(page, "og:title"));
        if (og is not null)
        {
            return og;
        }

        string? h1 = Clean(page.QuerySelector("h1")?.TextContent);
        string? head = Clean(page.Title);
        if (h1 is not null && head is not null && head.Contains(h1, StringComparison.Ordinal))
        {
            return h1; // "<title>headline - site name</title>" with the bare headline in the h1
        }

        return head ?? h1;
    }

    private static DateOnly? FindPublishedDate(IHtmlDocument page)
    {
        foreach (var name in PublishedMeta)
        {
            if (DateText.ParseValue(MetaContent(page, name)) is { } date)
            {
                return date;
            }
        }

        foreach (var script in page.QuerySelectorAll("script[type='application/ld+json']"))
        {
            if (JsonLdDatePublished(script.TextContent) is { } date)
            {
                return date;
            }
        }

        var time = page.QuerySelector("time[pubdate], time[itemprop='datePublished']") ?? page.QuerySelector("time[datetime]");
        return DateText.ParseValue(time?.GetAttribute("datetime") ?? time?.TextContent);
    }

    private static string? MetaContent(IHtmlDocument page, string name)
    {
        foreach (var meta in page.QuerySelectorAll("meta"))
        {
            if (string.Equals(meta.GetAttribute("property"), name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(meta.GetAttribute("name"), name, StringComparison.OrdinalIgnoreCase)
                || string.Equals(meta.GetAttribute("itemprop"), name, StringComparison.OrdinalIgnoreCase))
            {
                string? content = meta.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(content))
                {
                    return content;
                }
            }
        }

        return null;
    }

    private static DateOnly? JsonLdDatePublished(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            return FindDatePublished(doc.RootElement, depth: 0);
        }
        catch (JsonException)
        {
            return null; // broken JSON-LD is common; other sources of the date remain
        }
    }

    private static DateOnly? FindDatePublished(JsonElement element, int depth)
    {
        if (depth > 8)
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("datePublished", out var value) && value.ValueKind == JsonValueKind.String
                && DateText.ParseValue(value.GetString()) is { } date)
            {
                return date;
            }

            foreach (var property in element.EnumerateObject())
            {
                if (property.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array
                    && FindDatePublished(property.Value, depth + 1) is { } nested)
                {
                    return nested;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                if (FindDatePublished(item, depth + 1) is { } nested)
                {
                    return nested;
                }
            }
        }

        return null;
    }

    private static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var sb = new StringBuilder(value.Length);
        bool space = false;
        foreach (char c in value.AsSpan().Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    /// <summary>Plain text of an element: whitespace collapsed as a browser does, a blank line between blocks.</summary>
    internal static string Render(INode root)
    {
        var writer = new PlainTextWriter();
        Walk(root, writer);
        return writer.ToString();
    }

    private static void Walk(INode node, PlainTextWriter writer)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText text:
                    writer.Text(text.Data);
                    break;
                case IElement element:
                    string name = element.LocalName;
                    if (SkippedElements.Contains(name) || element.HasAttribute("hidden"))
                    {
                        break;
                    }

                    if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
                    {
                        writer.LineBreak(escalate: true);
                        break;
                    }

                    bool block = BlockElements.Contains(name);
                    bool row = name.Equals("tr", StringComparison.OrdinalIgnoreCase);
                    if (block)
                    {
                        writer.ParagraphBreak();
                    }
                    else if (row)
                    {
                        writer.LineBreak();
                    }
                    else if (name is "td" or "th")
                    {
                        writer.Space();
                    }

                    Walk(element, writer);
                    if (block)
                    {
                        writer.ParagraphBreak();
                    }
                    else if (row)
                    {
                        writer.LineBreak();
                    }

                    break;
            }
        }
    }

    /// <summary>Accumulates text, holding breaks and spaces back until text follows (no trailing or doubled breaks).</summary>
    private sealed class PlainTextWriter
    {
        private readonly StringBuilder _text = new();
        private int _pendingNewlines;
        private bool _pendingSpace;
        private bool _pendingSegmentBreak;

        public void Text(string data)
        {
            foreach (char c in data)
            {
                // HTML whitespace only; no-break and ideographic spaces are content.
                if (c is ' ' or '\t' or '\n' or '\r' or '\f')
                {
                    _pendingSpace = true;
                    _pendingSegmentBreak |= c is '\n' or '\r';
                    continue;
                }

                if (_text.Length > 0)
                {
                    if (_pendingNewlines > 0)
                    {
                        _text.Append('\n', _pendingNewlines);
                    }
                    else if (_pendingSpace && !(_pendingSegmentBreak && IsWide(_text[^1]) && IsWide(c)))
                    {
                        // A source line break between two Chinese characters is no space (CSS Text 3 segment
                        // breaks): "同比增长三成，\n产业规模" reads as one run.
                        _text.Append(' ');
                    }
                }

                _pendingNewlines = 0;
                _pendingSpace = false;
                _pendingSegmentBreak = false;
                _text.Append(c);
            }
        }

        public void Space() => _pendingSpace = true;

        // Two <br> in a row make a paragraph break; the ends of two table rows do not.
        public void LineBreak(bool escalate = false) =>
            _pendingNewlines = escalate && _pendingNewlines >= 1 ? 2 : Math.Max(_pendingNewlines, 1);

        public void ParagraphBreak() => _pendingNewlines = 2;

        public override string ToString() => _text.ToString();

        private static bool IsWide(char c) =>
            c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFF60' or >= '\uAC00' and <= '\uD7AF';
    }
}
