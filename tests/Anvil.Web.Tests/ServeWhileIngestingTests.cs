using System.Globalization;
using System.Text;
using Anvil.Cli.Commands;
using Anvil.Cli.Tests;
using Anvil.Store;
using Anvil.Store.Ingest;
using Anvil.Store.Merging;
using Anvil.Web.Tests.Support;

namespace Anvil.Web.Tests;

/// <summary>
/// <c>anvil ingest</c> writing to the SQLite knowledge base a dashboard serves: both work, no request fails on a locked
/// database, and what the dashboard keeps (the overview, conflicts, comparisons, entity pages) follows the writes.
/// </summary>
public sealed class ServeWhileIngestingTests : IDisposable
{
    private static readonly string[] Paths =
    [
        "/api/overview", "/", "/api/facts?subject=深圳&page=2&page_size=5", "/facts?indicator=产业规模&kind=growth", "/api/conflicts",
        "/compare?subject=深圳&subject=杭州", "/documents", "/entities?name=深圳",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "anvil-serve-ingest-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public async Task Serve_answers_every_request_while_ingest_writes_and_shows_the_new_documents()
    {
        var database = Path.Combine(_folder, "kb.db");
        var first = Reports(Path.Combine(_folder, "first"), 0, 2);
        Servers.Ingest(database, [first], IngestConfiguration.Create([], AliasRules.None));
        var reports = Reports(Path.Combine(_folder, "more"), 2, 80);

        var app = ServeCommand.Build(new ServeSettings { Db = database, Urls = "http://127.0.0.1:0" });
        await app.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri(Dashboard.Addresses(app)[0]), Timeout = TimeSpan.FromSeconds(60) };
            long before = await Documents(client);
            Assert.Equal(2, before);

            var ingest = Task.Run(() => AnvilProcess.Run(["ingest", reports, "--db", database], timeoutSeconds: 300), TestContext.Current.CancellationToken);
            var failures = new List<string>();
            var seen = new HashSet<long>();
            int requests = 0;
            async Task Client(int offset)
            {
                for (int i = offset; !ingest.IsCompleted; i++)
                {
                    var path = Paths[i % Paths.Length];
                    using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
                    Interlocked.Increment(ref requests);
                    if (!response.IsSuccessStatusCode)
                    {
                        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
                        lock (failures)
                        {
                            failures.Add($"GET {path}: {(int)response.StatusCode} {body}");
                        }
                    }
                    else if (path == "/api/overview")
                    {
                        long documents = await Documents(client);
                        lock (seen)
                        {
                            seen.Add(documents);
                        }
                    }
                }
            }

            await Task.WhenAll(Enumerable.Range(0, 4).Select(Client));
            var result = await ingest;

            Assert.True(result.ExitCode == 0, $"ingest failed ({result.ExitCode}): {result.Stderr}");
            Assert.DoesNotContain("locked", result.Stdout + result.Stderr, StringComparison.OrdinalIgnoreCase);
            Assert.Empty(failures);
            Assert.True(requests >= Paths.Length, $"only {requests} requests while ingesting");

            // the overview kept while serving follows the ingest: it shows every document now stored
            using var store = KnowledgeStore.Open(StoreLocation.Parse(database), create: false);
            Assert.Equal(82, store.Counts().Documents);
            Assert.Equal(82, await Documents(client));
            var conflicts = await client.JsonAsync("/api/conflicts");
            Assert.True(conflicts.GetProperty("total").GetInt64() > 0);
            var shenzhen = Assert.Single(store.FindEntities(["深圳"]));
            Assert.Equal(shenzhen.Facts, (await client.JsonAsync($"/api/entities/{shenzhen.Id}")).GetProperty("total").GetInt32());
            Assert.Equal(shenzhen.Documents, (await client.JsonAsync($"/api/entities/{shenzhen.Id}")).GetProperty("documents_total").GetInt32());
        }
        finally
        {
            await app.StopAsync(TestContext.Current.CancellationToken);
            await app.DisposeAsync();
        }
    }

    /// <summary>Reports like bench/load.sh's: cities' industry sizes and growth, with figures that disagree across reports.</summary>
    private static string Reports(string folder, int from, int count)
    {
        Directory.CreateDirectory(folder);
        string[] cities = ["深圳", "杭州", "广州", "上海"];
        string[] scopes = ["人工智能", "集成电路"];
        var random = new Random(from);
        for (int d = from; d < from + count; d++)
        {
            var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
                $"{cities[d % cities.Length]}产业观察（第{d}期）\n2025-03-{1 + (d % 28):00} 10:00，正文：据统计局统计。\n"));
            for (int i = 0; i < 10; i++)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{2022 + random.Next(3)}年，{cities[random.Next(cities.Length)]}{scopes[random.Next(scopes.Length)]}产业规模达{random.Next(100, 9000)}亿元，同比增长{random.Next(1, 400) / 10.0}%。\n");
            }

            File.WriteAllText(Path.Combine(folder, $"report-{d:0000}.txt"), text.ToString());
        }

        return folder;
    }

    private static async Task<long> Documents(HttpClient client) =>
        (await client.JsonAsync("/api/overview")).GetProperty("counts").GetProperty("documents").GetInt64();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // a file still open on a slow shutdown: the temp folder is cleaned by the system
        }
    }
}
