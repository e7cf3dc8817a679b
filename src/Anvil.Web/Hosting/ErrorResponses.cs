using System.Net;
using Anvil.Store;
using Anvil.Web.Data;
using Anvil.Web.Html;

namespace Anvil.Web.Hosting;

/// <summary>The body of every refusal the API answers: a stable code and a message that says what to do.</summary>
public sealed record ErrorResponse(int Status, string Code, string Message);

/// <summary>
/// Turns every failure into an answer with a message: refusals (<see cref="WebException"/>, values that do not bind)
/// into their 4xx, an unreadable knowledge base into 503, anything unforeseen into 500 with its details only in the
/// log. The API answers JSON; pages answer a page. A status with no body (an unknown path, a wrong method) gets one too.
/// </summary>
internal static class ErrorResponses
{
    public static async Task Handle(HttpContext context, RequestDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (!context.Response.HasStarted && Classify(e, context) is { } error)
        {
            context.Response.Clear();
            await Write(context, error);
        }
    }

    private static ErrorResponse? Classify(Exception e, HttpContext context) => e switch
    {
        WebException w => new ErrorResponse(w.Status, w.Code, w.Message),
        BadHttpRequestException b => new ErrorResponse(b.StatusCode, b.StatusCode == StatusCodes.Status413PayloadTooLarge ? WebErrorCodes.UploadTooLarge : WebErrorCodes.BadParameter,
            Bound(b.Message)),
        StoreException s => new ErrorResponse(StatusCodes.Status503ServiceUnavailable, WebErrorCodes.Store, $"{s.Code}: {s.Message}"),
        OperationCanceledException when context.RequestAborted.IsCancellationRequested => null,
        _ => Unexpected(e, context),
    };

    private static ErrorResponse Unexpected(Exception e, HttpContext context)
    {
        context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Anvil.Web").LogError(e, "{Method} {Path} failed", context.Request.Method, context.Request.Path);
        return new ErrorResponse(StatusCodes.Status500InternalServerError, WebErrorCodes.Internal, "the server failed on this request; its log has the details");
    }

    /// <summary>ASP.NET's binding message (<c>Failed to bind parameter "long id" from "abc".</c>) said as a refusal.</summary>
    private static string Bound(string message) =>
        message.StartsWith("Failed to bind parameter", StringComparison.Ordinal)
            ? "bad parameter: " + message[("Failed to bind parameter ".Length)..].TrimEnd('.') + " (a number or true/false was expected)"
            : message.StartsWith("Required parameter", StringComparison.Ordinal) ? "missing parameter: " + message : message;

    /// <summary>Gives a body to an error status that has none (no route matched, method not allowed, host refused).</summary>
    public static async Task StatusWithoutBody(Microsoft.AspNetCore.Diagnostics.StatusCodeContext status)
    {
        var context = status.HttpContext;
        int code = context.Response.StatusCode;
        var message = code switch
        {
            StatusCodes.Status404NotFound => $"no page at {Check.Shorten(Uri.UnescapeDataString(context.Request.Path.Value ?? ""))}; the overview is at /",
            StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed here",
            _ => ((HttpStatusCode)code).ToString(),
        };
        await Write(context, new ErrorResponse(code, code == StatusCodes.Status404NotFound ? WebErrorCodes.NotFound : WebErrorCodes.BadParameter, message));
    }

    private static async Task Write(HttpContext context, ErrorResponse error)
    {
        context.Response.StatusCode = error.Status;
        RequestGuards.SecurityHeaders(context.Response);
        context.Response.Headers.CacheControl = "no-store";
        if (IsApi(context.Request))
        {
            await context.Response.WriteAsJsonAsync(error, Json.Options, "application/problem+json; charset=utf-8");
            return;
        }

        var page = Layout.Page(context, error.Status >= 500 ? "Something went wrong" : "Cannot show this", "error", html =>
        {
            html.Element("p", $"{error.Code}: {error.Message}", ("class", "error"));
            html.Link("/", "Back to the overview");
        }, error.Status);
        await page.ExecuteAsync(context);
    }

    private static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || request.Path.StartsWithSegments("/openapi.json", StringComparison.OrdinalIgnoreCase);
}
