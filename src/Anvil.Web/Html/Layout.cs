using Anvil.Web.Hosting;

namespace Anvil.Web.Html;

/// <summary>The frame of every page: UTF-8, phone-width viewport, the style sheet and script, the navigation (the document list among it) and a search box.</summary>
internal static class Layout
{
    private static readonly (string Section, string Href, string Label)[] Sections =
    [
        ("overview", "/", "Overview"),
        ("documents", "/documents", "Documents"),
        ("search", "/search", "Search"),
        ("compare", "/compare", "Compare"),
        ("facts", "/facts", "Facts"),
        ("conflicts", "/conflicts", "Conflicts"),
        ("chains", "/chains", "Chains"),
        ("upload", "/upload", "Upload"),
    ];

    public static IResult Page(HttpContext context, string title, string section, Action<HtmlWriter> body, int status = StatusCodes.Status200OK)
    {
        var options = context.RequestServices.GetRequiredService<DashboardOptions>();
        var html = new HtmlWriter();
        html.Markup(new TrustedMarkup("<!DOCTYPE html>"));
        html.Open("html", ("lang", "zh-Hans"));
        html.Open("head");
        html.Open("meta", ("charset", "utf-8"));
        html.Open("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"));
        html.Element("title", title + " · Anvil");
        html.Open("link", ("rel", "icon"), ("href", "data:,")); // no favicon request
        html.Open("link", ("rel", "stylesheet"), ("href", Assets.Href("anvil.css")));
        html.Open("script", ("src", Assets.Href("anvil.js")), ("defer", "")).Close("script");
        html.Close("head");
        html.Open("body", ("data-page", section));
        html.Open("header", ("class", "top"));
        html.Link("/", "Anvil", "brand");
        html.Open("nav");
        foreach (var (name, href, label) in Sections)
        {
            if (name == "upload" && !options.AllowUpload)
            {
                continue;
            }

            html.Element("a", label, ("href", href), ("class", name == section ? "active" : null), ("aria-current", name == section ? "page" : null));
        }

        html.Close("nav");
        if (section != "search")
        {
            Features.Search.SearchPage.SearchForm(html, null, "in-header");
        }

        html.Close("header");
        html.Open("main");
        html.Element("h1", title);
        body(html);
        html.Close("main");
        html.Open("footer");
        html.Text("Knowledge base: ").Element("code", options.Store.Display);
        html.Text(" · ").Link("/documents", "all documents");
        html.Text(" · ").Link("/openapi.json", "API (OpenAPI)");
        html.Close("footer");
        html.Close("body");
        html.Close("html");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }

    /// <summary>A short message paragraph in grey (no data, a hint).</summary>
    public static void Note(HtmlWriter html, string text) => html.Element("p", text, ("class", "note"));
}
