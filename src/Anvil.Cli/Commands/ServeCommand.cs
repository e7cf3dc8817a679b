using System.ComponentModel;
using System.Globalization;
using Anvil.Cli.Commands.Store;
using Anvil.Store;
using Anvil.Store.Ingest;
using Anvil.Store.Merging;
using Anvil.Web;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands;

internal sealed class ServeSettings : StoreSettings
{
    [CommandOption("--urls <URLS>")]
    [Description("Where to listen (default http://127.0.0.1:5080, this machine only); port 0 takes a free port; several separated by ;")]
    [DefaultValue(DashboardOptions.DefaultUrls)]
    public string Urls { get; init; } = DashboardOptions.DefaultUrls;

    [CommandOption("--allow-upload")]
    [Description("Let the upload page add documents to the knowledge base (off by default)")]
    public bool AllowUpload { get; init; }

    [CommandOption("--max-upload-mb <MB>")]
    [Description("The largest upload, all files together, in MB (default 10)")]
    [DefaultValue(10.0)]
    public double MaxUploadMegabytes { get; init; } = 10;

    [CommandOption("--lexicon <FILE>")]
    [Description("Extra lexicon for uploaded documents (name<TAB>type<TAB>aliases); may be repeated")]
    public string[] Lexicons { get; init; } = [];

    [CommandOption("--aliases <FILE>")]
    [Description("Merge and split rules for uploaded documents (default: ./anvil.aliases.yaml when present)")]
    public string? Aliases { get; init; }

    public IReadOnlyList<Uri> ParsedUrls { get; private set; } = [];

    public override ValidationResult Validate()
    {
        try
        {
            ParsedUrls = Dashboard.ParseUrls(Urls);
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error("E0600: " + e.Message);
        }

        if (!double.IsFinite(MaxUploadMegabytes) || MaxUploadMegabytes is <= 0 or > 1000)
        {
            return ValidationResult.Error($"E0600: --max-upload-mb must be more than 0 and at most 1000, not {MaxUploadMegabytes.ToString(CultureInfo.InvariantCulture)}");
        }

        var missing = Lexicons.FirstOrDefault(f => !File.Exists(f));
        return missing is null ? ValidationResult.Success() : ValidationResult.Error($"E0600: --lexicon {missing}: no such file");
    }
}

/// <summary>
/// <c>anvil serve</c>: the dashboard over the knowledge base, on this machine only unless <c>--urls</c> says otherwise.
/// Prints the address it listens on and serves until Ctrl+C.
/// </summary>
internal sealed class ServeCommand : StoreCommand<ServeSettings>
{
    protected override int Run(ServeSettings settings, CancellationToken cancellationToken)
    {
        using var app = Build(settings);
        try
        {
            app.StartAsync(cancellationToken).GetAwaiter().GetResult();
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            return Fail("E0609", $"{string.Join(" or ", settings.ParsedUrls)}: the port is in use (another anvil serve?); " +
                "stop that or choose another port: --urls http://127.0.0.1:PORT (0 takes a free one)");
        }
        catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.AddressNotAvailable)
        {
            return Fail("E0610", $"{string.Join(" or ", settings.ParsedUrls)}: this machine has no such address; " +
                "listen on one of its own (--urls http://127.0.0.1:5080 for this machine only, http://0.0.0.0:5080 for all)");
        }

        var addresses = Dashboard.Addresses(app);
        Console.WriteLine($"anvil: serving {StoreLocation.Resolve(settings.Db).Display} at {string.Join(" and ", addresses.Select(a => a.TrimEnd('/') + "/"))}" +
            $" (uploads {(settings.AllowUpload ? "on" : "off")}; Ctrl+C stops)");
        if (!settings.ParsedUrls.All(u => Dashboard.IsLoopback(u.Host)))
        {
            Console.Error.WriteLine("anvil: warning: listening beyond this machine: anyone who can reach the address can read the knowledge base");
        }

        using var stop = cancellationToken.Register(() => app.Lifetime.StopApplication());
        app.WaitForShutdownAsync(CancellationToken.None).GetAwaiter().GetResult();
        return 0;
    }

    /// <summary>The application as the settings describe it; the knowledge base must exist unless uploads may create it.</summary>
    internal static Microsoft.AspNetCore.Builder.WebApplication Build(ServeSettings settings)
    {
        var location = StoreLocation.Resolve(settings.Db);
        using (KnowledgeStore.Open(location, create: settings.AllowUpload))
        {
            // opening checks it is an Anvil knowledge base at a schema this Anvil reads, and creates it for uploads
        }

        var cwd = Directory.GetCurrentDirectory();
        return Dashboard.Build(new DashboardOptions
        {
            Store = location,
            Urls = settings.Urls,
            AllowUpload = settings.AllowUpload,
            MaxUploadBytes = (long)(settings.MaxUploadMegabytes * 1e6),
            IngestConfiguration = () => IngestConfiguration.Create(settings.Lexicons, AliasFile.Find(settings.Aliases, cwd, out _)),
            Exporter = new ServeExporter(),
        });
    }
}
