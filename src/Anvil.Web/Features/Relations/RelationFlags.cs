using Anvil.Store.Records;
using Anvil.Web.Data;
using Anvil.Web.Html;
using Microsoft.AspNetCore.Mvc;

namespace Anvil.Web.Features.Relations;

/// <summary>A relation's flag after a change: whether a reader marked it wrong.</summary>
public sealed record RelationFlagResponse(long Id, bool Wrong);

/// <summary>
/// Flagging a relation as wrong (<c>POST /api/relations/{id}/flag?wrong=true</c>, and a form on the entity and document
/// pages that works without script). The flag is stored in the knowledge base, so it holds across reloads, restarts
/// and reindexing; a flagged relation stays listed, marked, with a button to take the flag back.
/// </summary>
internal static class RelationFlags
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/relations/{id}/flag", (StoreAccess store, long id, [FromQuery(Name = "wrong")] bool? wrong) => Flag(store, id, wrong ?? true))
            .WithName("relation-flag").WithSummary("Marks a relation as wrong (wrong=false takes the mark back)");
        app.MapPost("/relations/{id}/flag", async (StoreAccess store, HttpContext context, long id) =>
        {
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            var wrong = Check.OneOf("wrong", form["wrong"].ToString(), "true", "false") == "true";
            Flag(store, id, wrong);
            // back to the page the button was on (a path of this site only), at the relation
            var back = form["back"].ToString();
            return Results.Redirect((Links.IsLocal(back) && !back.Contains('#') ? back : "/") + "#r-r" + id, permanent: false, preserveMethod: false);
        }).ExcludeFromDescription();
    }

    public static RelationFlagResponse Flag(StoreAccess store, long id, bool wrong) =>
        store.Use(s => s.FlagRelation(id, wrong)) ? new RelationFlagResponse(id, wrong) : throw WebException.NotFound($"no relation {id} in the knowledge base");

    /// <summary>A relation as a list item: what it states, its quote linked to its place in its document, and the button that flags it (or takes the flag back).</summary>
    public static void Item(HtmlWriter html, RelationRow x, string back, bool linkQuote = true)
    {
        html.Open("li", ("id", "r-r" + x.Id), ("class", x.FlaggedWrong ? "record relation flagged" : "record relation"));
        html.Element("strong", $"{x.Subject} —{x.Predicate}→ {x.Object}");
        if (x.FlaggedWrong)
        {
            html.Text(" ").Element("span", "flagged wrong", ("class", "flag-mark"));
        }

        html.Open("blockquote");
        if (linkQuote)
        {
            html.Link(Links.Document(x.Doc) + "#r-r" + x.Id, x.Quote);
        }
        else
        {
            html.Text(x.Quote);
        }

        html.Close("blockquote");
        html.Open("form", ("method", "post"), ("action", $"/relations/{x.Id}/flag"), ("class", "flag"));
        html.Open("input", ("type", "hidden"), ("name", "wrong"), ("value", x.FlaggedWrong ? "false" : "true"));
        html.Open("input", ("type", "hidden"), ("name", "back"), ("value", back));
        html.Element("button", x.FlaggedWrong ? "Not wrong after all" : "Flag as wrong", ("type", "submit"),
            ("title", x.FlaggedWrong ? "Take back the flag" : "Mark this relation as wrongly extracted (kept in the knowledge base)"));
        html.Close("form");
        html.Close("li");
    }
}
