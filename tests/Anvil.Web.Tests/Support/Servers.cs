using Anvil.Cli.Commands;
using Anvil.Core.Reading;
using Anvil.Core.Tests.Support;
using Anvil.Store;
using Anvil.Store.Ingest;
using Anvil.Store.Merging;
using Anvil.Web;
using Microsoft.AspNetCore.Builder;

[assembly: AssemblyFixture(typeof(Anvil.Web.Tests.Support.Servers))]

namespace Anvil.Web.Tests.Support;

/// <summary>
/// Two dashboards over test knowledge bases, built the way <c>anvil serve</c> builds them, on free loopback ports: one
/// as started by default (uploads off) and one with <c>--allow-upload</c> over its own copy. Each knowledge base is
/// ingested through the same <see cref="Ingestor"/> as <c>anvil ingest</c> from the bundled samples, the seed article
/// (when <c>../shared</c> is there) and documents written here: one to attack the pages (markup, scripts, astral characters), one with a figure over three years,
/// one with it for two half-years.
/// </summary>
public sealed class Servers : IAsyncLifetime
{
    /// <summary>A text whose every trick must show as text: a script, an image with onerror, a javascript: link, markup in a title line.</summary>
    public const string HostileText =
        "𠀀深圳试验<script>window.__xss=1;alert('xss')</script>报道\n" +
        "深圳人工智能产业规模达3600亿元<img src=x onerror=\"window.__xss=2\">，同比增长约35%。\n" +
        "<a href=\"javascript:window.__xss=3\">点此查看</a> & \"引号\" '单引号' </div></pre></textarea>\n" +
        "杭州数字经济核心产业增加值达5675亿元。\n";

    public const string HostileKey = "hostile-markup";

    /// <summary>One indicator over three years, so an entity page has a line to draw.</summary>
    public const string TimelineText = "深圳经济年报\n2021年，深圳地区生产总值达30665亿元。\n2022年，深圳地区生产总值达32388亿元。\n2023年，深圳地区生产总值达34606亿元。\n";

    /// <summary>The same indicator for two half-years: a chart must not join them to the yearly figures.</summary>
    public const string HalfYearText = "深圳经济半年报\n2024年上半年，深圳地区生产总值达17000亿元。\n2025年上半年，深圳地区生产总值达18300亿元。\n";

    private WebApplication? _readOnly;
    private WebApplication? _uploads;

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "anvil-web-tests-" + Guid.NewGuid().ToString("N")[..12]);

    public string Database => Path.Combine(Folder, "kb.db");

    /// <summary>Whether the seed article (../shared/seeds) is in the knowledge base.</summary>
    public bool HasSeed { get; private set; }

    public Uri ReadOnlyUrl { get; private set; } = null!;

    public Uri UploadUrl { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Directory.CreateDirectory(Folder);
        var hostile = Directory.CreateDirectory(Path.Combine(Folder, "hostile")).FullName;
        await File.WriteAllTextAsync(Path.Combine(hostile, HostileKey + ".txt"), HostileText);
        await File.WriteAllTextAsync(Path.Combine(hostile, "timeline-shenzhen.txt"), TimelineText);
        await File.WriteAllTextAsync(Path.Combine(hostile, "timeline-shenzhen-h1.txt"), HalfYearText);

        var folders = new List<string> { Path.Combine(SharedFolder.RepositoryRoot, "samples"), hostile };
        if (SharedFolder.Path is { } shared && Directory.Exists(Path.Combine(shared, "seeds")))
        {
            folders.Add(Path.Combine(shared, "seeds"));
            HasSeed = true;
        }

        var config = IngestConfiguration.Create([], AliasRules.None);
        Ingest(Database, folders, config);
        var uploadDatabase = Path.Combine(Folder, "uploads.db");
        Ingest(uploadDatabase, folders, config);

        _readOnly = ServeCommand.Build(new ServeSettings { Db = Database, Urls = "http://127.0.0.1:0" });
        _uploads = ServeCommand.Build(new ServeSettings { Db = uploadDatabase, Urls = "http://127.0.0.1:0", AllowUpload = true, MaxUploadMegabytes = 1 });
        await _readOnly.StartAsync();
        await _uploads.StartAsync();
        ReadOnlyUrl = new Uri(Dashboard.Addresses(_readOnly)[0]);
        UploadUrl = new Uri(Dashboard.Addresses(_uploads)[0]);
    }

    /// <summary>What <c>anvil ingest FOLDERS --db FILE</c> does, without the progress bar.</summary>
    public static void Ingest(string database, IEnumerable<string> folders, IngestConfiguration config)
    {
        var reader = new DocumentReader();
        var items = folders
            .SelectMany(f => Directory.EnumerateFiles(f, "*", SearchOption.AllDirectories).Where(DocumentReader.IsReadableExtension).Order(StringComparer.Ordinal))
            .Select(f => new IngestItem(f, new FileInfo(f).Length, () => reader.Read(f)))
            .ToList();
        using var store = KnowledgeStore.Open(StoreLocation.Parse(database), create: true);
        var summary = new Ingestor(store, config, 2).Run(items);
        Assert.Empty(summary.Failures);
    }

    public HttpClient Client(bool uploads = false) => new() { BaseAddress = uploads ? UploadUrl : ReadOnlyUrl, Timeout = TimeSpan.FromSeconds(30) };

    public async ValueTask DisposeAsync()
    {
        foreach (var app in new[] { _readOnly, _uploads })
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow shutdown: the temp folder is cleaned by the system
        }
    }
}
