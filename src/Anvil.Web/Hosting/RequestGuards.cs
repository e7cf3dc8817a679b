using System.Net;

namespace Anvil.Web.Hosting;

/// <summary>
/// What every answer carries and every request must pass before it reaches a page:
/// <list type="bullet">
/// <item>headers: a strict Content-Security-Policy (scripts and styles only from this server, no inline script or
/// style, no frames, forms only to this server), no MIME sniffing, no referrer;</item>
/// <item>on a loopback address, a Host header that names loopback (a web page cannot reach the dashboard through a
/// DNS name that points at 127.0.0.1);</item>
/// <item>a request that changes something (POST) only from this server's own pages: a browser's Origin or
/// Sec-Fetch-Site header from another site is refused.</item>
/// </list>
/// </summary>
internal static class RequestGuards
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; " +
        "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static Func<HttpContext, RequestDelegate, Task> Create(bool loopbackOnly) => async (context, next) =>
    {
        SecurityHeaders(context.Response);
        if (loopbackOnly && !IsLoopbackHost(context.Request.Host.Host))
        {
            throw new WebException(StatusCodes.Status400BadRequest, WebErrorCodes.CrossSite,
                $"this server answers only to localhost, 127.0.0.1 or [::1], not to '{Data.Check.Shorten(context.Request.Host.Host)}'");
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && !HttpMethods.IsOptions(context.Request.Method) &&
            CrossSite(context.Request))
        {
            throw new WebException(StatusCodes.Status403Forbidden, WebErrorCodes.CrossSite,
                "a request from another site may not change the knowledge base; use this server's own upload page");
        }

        await next(context);
    };

    /// <summary>The headers every answer carries, refusals included.</summary>
    public static void SecurityHeaders(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Cross-Origin-Resource-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
    }

    internal static bool IsLoopbackHost(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) ||
        (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    /// <summary>True when a browser says the request comes from a page of another origin.</summary>
    private static bool CrossSite(HttpRequest request)
    {
        // a browser's own word, which no page can set: a form posted from this server's page says same-origin while its
        // Origin is "null" (every answer asks for no referrer, and a form's post then names no origin)
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0)
        {
            return fetchSite is not ("same-origin" or "none");
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0)
        {
            return false; // not sent by a browser page (curl, scripts): nothing to forge
        }

        return !Uri.TryCreate(origin, UriKind.Absolute, out var o) ||
               !string.Equals(o.Scheme, request.Scheme, StringComparison.OrdinalIgnoreCase) ||
               !string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
