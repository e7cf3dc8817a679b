using System.Globalization;
using System.Text;
using System.Text.Json;
using Anvil.Store.Tests.Support;

namespace Anvil.Store.Tests.Cli;

/// <summary>
/// Many workers, one knowledge base: several <c>anvil ingest</c> processes write into one PostgreSQL database at once,
/// on shares of the input and on overlapping files, and the result is what one process makes of the same input.
/// </summary>
public sealed class WorkersTests(PostgresServer server) : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Reports of figures about a few cities, written here: each its own content, most cities in many of them.</summary>
    private string Reports(int count)
    {
        var folder = Path.Combine(_dir.Path, "reports");
        Directory.CreateDirectory(folder);
        string[] cities = ["深圳", "杭州", "广州", "苏州", "成都"];
        string[] sectors = ["人工智能", "集成电路", "生物医药"];
        var random = new Random(3);
        for (int d = 0; d < count; d++)
        {
            var text = new StringBuilder($"产业观察第{d}期\n2025-03-{1 + (d % 28):00}，据统计局统计。\n");
            for (int i = 0; i < 20; i++)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"{2022 + random.Next(3)}年，{cities[random.Next(cities.Length)]}{sectors[random.Next(sectors.Length)]}产业规模达{random.Next(100, 900)}亿元，同比增长{random.Next(1, 300) / 10.0}%。\n");
            }

            File.WriteAllText(Path.Combine(folder, $"r{d:000}.txt"), text.ToString());
        }

        return folder;
    }

    private string Counts(string db)
    {
        var r = AnvilCli.Run(_dir.Path, "stats", "--db", db, "--json");
        Assert.Equal(0, r.ExitCode);
        return r.Stdout.Trim();
    }

    [Fact]
    public async Task Four_workers_on_shares_and_overlapping_files_store_what_one_process_does()
    {
        var folder = Reports(48);
        var files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
        var single = server.CreateDatabase();
        var shared = server.CreateDatabase();
        try
        {
            Assert.Equal(0, AnvilCli.Run(_dir.Path, "ingest", folder, "--db", single, "--threads", "1").ExitCode);

            // two workers split the folder between them; two more are given overlapping halves of it, all at once
            string[][] work =
            [
                ["ingest", folder, "--db", shared, "--shard", "1/2", "--threads", "1"],
                ["ingest", folder, "--db", shared, "--shard", "2/2", "--threads", "1"],
                ["ingest", .. files[..30], "--db", shared, "--threads", "1"],
                ["ingest", .. files[18..], "--db", shared, "--threads", "1"],
            ];
            var workers = work.Select(args => AnvilCli.Start(_dir.Path, null, args)).ToList();
            foreach (var w in workers)
            {
                var stderr = w.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
                _ = w.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
                timeout.CancelAfter(TimeSpan.FromSeconds(300));
                await w.WaitForExitAsync(timeout.Token);
                Assert.True(w.ExitCode == 0, $"a worker failed: {await stderr}");
                w.Dispose();
            }

            var expected = Counts(single);
            Assert.Equal(expected, Counts(shared));
            Assert.Equal(48, JsonDocument.Parse(expected).RootElement.GetProperty("documents").GetInt32());

            // the same answers, not only the same counts (which statement stands for a figure may come from another document
            // stating the same value: ids follow the order documents were written in)
            string[] fields = ["indicator", "scope", "kind", "period", "subject", "value", "chosen_by", "documents_with_value", "documents", "low", "high", "conflict"];
            var compare = (string db) => AnvilCli.Run(_dir.Path, "compare", "深圳", "杭州", "--db", db, "--format", "jsonl").Lines
                .Select(l => JsonDocument.Parse(l).RootElement).Select(r => string.Join('|', fields.Select(f => r.GetProperty(f).ToString()))).ToList();
            var answers = compare(single);
            Assert.NotEmpty(answers);
            Assert.Equal(answers, compare(shared));
        }
        finally
        {
            server.DropDatabase(single);
            server.DropDatabase(shared);
        }
    }
}
