using System.Net;
using Anvil.Web.Data;
using Anvil.Web.Features.Chains;
using Anvil.Web.Features.Compare;
using Anvil.Web.Features.Conflicts;
using Anvil.Web.Features.Documents;
using Anvil.Web.Features.Entities;
using Anvil.Web.Features.Facts;
using Anvil.Web.Features.Overview;
using Anvil.Web.Features.Relations;
using Anvil.Web.Features.Search;
using Anvil.Web.Features.Upload;
using Anvil.Web.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;

namespace Anvil.Web;

/// <summary>
/// The dashboard over a knowledge base: server-rendered pages (overview, search, compare, facts, documents, entity, conflicts,
/// chains, upload), each backed by a JSON API under <c>/api</c> that <c>/openapi.json</c> describes. Pages and API read the
/// store through the same queries; pages are HTML written on the server with every text escaped, charts are inline SVG.
/// </summary>
public static class Dashboard
{
    /// <summary>Builds the application; <see cref="WebApplication.StartAsync"/> then listens on <see cref="DashboardOptions.Urls"/>.</summary>
    public static WebApplication Build(DashboardOptions options)
    {
        var urls = ParseUrls(options.Urls);
        Check.Preload();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(Dashboard).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environments.Production,
        });
        builder.WebHost.UseUrls([.. urls.Select(u => u.ToString())]);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = options.MaxUploadBytes + (64 * 1024);
            k.Limits.MaxRequestLineSize = 8 * 1024;
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // log lines are diagnostics: standard error; a host that cannot start says why through the exception its
        // caller reports in one line (a busy port), not a logged stack trace besides
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(_ => new StoreAccess(options.Store, create: false));
        builder.Services.AddSingleton<ResultCache>();
        builder.Services.AddSingleton<UploadJobs>();
        builder.Services.AddSingleton<ChainCache>();
        builder.Services.Configure<JsonOptions>(o => Json.Configure(o.SerializerOptions));
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi("v1", o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Anvil knowledge base";
            document.Info.Version = "1";
            document.Info.Description = "The JSON API behind the dashboard's pages. Spans are [start, end) in code points of the document's original " +
                "text; names are canonical Simplified Chinese; filters take any script or alias. Refusals answer {status, code, message}.";
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.UseStatusCodePages(ErrorResponses.StatusWithoutBody);
        app.Use(ErrorResponses.Handle);
        app.Use(RequestGuards.Create(urls.All(u => IsLoopback(u.Host))));
        app.MapOpenApi("/openapi.json");
        Assets.Map(app);
        Overview.Map(app);
        Compare.Map(app);
        Facts.Map(app);
        Documents.Map(app);
        Entities.Map(app);
        RelationFlags.Map(app);
        SearchPage.Map(app);
        ConflictsPage.Map(app);
        Chains.Map(app);
        Upload.Map(app);
        return app;
    }

    /// <summary>The addresses the application listens on (after start: with the ports taken when 0 was asked for).</summary>
    public static IReadOnlyList<string> Addresses(WebApplication app) =>
        [.. app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses];

    /// <summary>
    /// Reads <c>--urls</c>: one or more <c>http://HOST:PORT</c> separated by <c>;</c>. Throws <see cref="ArgumentException"/>
    /// with a message for anything else (https needs a certificate Anvil does not manage; put a proxy in front).
    /// </summary>
    public static IReadOnlyList<Uri> ParseUrls(string urls)
    {
        var list = new List<Uri>();
        foreach (var part in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(part, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttp || uri.PathAndQuery != "/" || uri.UserInfo.Length > 0)
            {
                throw new ArgumentException($"--urls: '{part}' is not an address to listen on; write http://127.0.0.1:5080 (http, a host and a port)");
            }

            list.Add(uri);
        }

        return list.Count > 0 ? list : throw new ArgumentException("--urls: give an address to listen on, such as http://127.0.0.1:5080");
    }

    /// <summary>True for localhost and loopback addresses: what only this machine can reach.</summary>
    public static bool IsLoopback(string host) => RequestGuards.IsLoopbackHost(host) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
}
