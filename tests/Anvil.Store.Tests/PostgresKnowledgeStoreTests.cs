using Anvil.Store.Ingest;
using Anvil.Store.Tests.Support;
using Npgsql;

namespace Anvil.Store.Tests;

/// <summary>
/// The knowledge-base contract on PostgreSQL: a database of its own per test on the server of
/// <see cref="PostgresServer"/> (ANVIL_TEST_PG, or a throw-away cluster); skipped where there is none.
/// </summary>
public sealed class PostgresKnowledgeStoreTests : KnowledgeStoreContract
{
    private readonly PostgresServer _server;
    private readonly Lazy<string> _database;

    public PostgresKnowledgeStoreTests(PostgresServer server)
    {
        _server = server;
        _database = new Lazy<string>(server.CreateDatabase);
    }

    protected override StoreLocation Location => StoreLocation.Parse(_database.Value);

    protected override void ExecuteSql(string sql)
    {
        using var connection = new NpgsqlConnection(_database.Value);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }

    public override void Dispose()
    {
        base.Dispose();
        if (_database.IsValueCreated)
        {
            _server.DropDatabase(_database.Value);
        }
    }

    [Fact]
    public void A_url_names_the_same_database_as_a_connection_string()
    {
        var builder = new NpgsqlConnectionStringBuilder(_database.Value);
        var url = $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        Store.Add(new TestAnalysis("u", "深圳").Records());

        using var viaUrl = KnowledgeStore.Open(StoreLocation.Parse(url), create: false);
        Assert.Equal(1, viaUrl.Counts().Documents);
        Assert.DoesNotContain("Password", viaUrl.Location.Display, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Reports of one figure each, with a place mentioned: enough rows in facts and mentions to load in bulk.</summary>
    private static List<IngestItem> Reports(int count) => [.. Enumerable.Range(0, count).Select(i => new IngestItem($"doc-{i}", 100,
        () => new Anvil.Core.Documents.Document($"doc-{i}", $"第{i}份:2024年,深圳人工智能產業規模達{3000 + i}億元,同比增長{10 + i}%。華為在深圳市。")))];

    [Fact]
    public void A_bulk_load_sets_aside_the_facts_and_mentions_indexes_and_keys_and_restores_them_at_its_end()
    {
        _ = Store.Counts();
        var schema = Schema();
        var during = new List<string>();

        var summary = new Ingestor(Store, TestAnalysis.Configuration, threads: 2) { BatchDocuments = 3, BulkLoadDocuments = 4 }
            .Run(Reports(8), p => { if (p.Done == 1) { during = Schema(); } }, TestContext.Current.CancellationToken);

        Assert.Equal(8, summary.Added);
        Assert.Contains("facts_figure", schema);
        Assert.Contains("facts_compact_figure_id_fkey", schema);
        Assert.DoesNotContain("facts_figure", during);
        Assert.DoesNotContain("mentions_compact_entity_id_fkey", during);
        Assert.Contains("documents_search_grams", schema);
        Assert.DoesNotContain("documents_search_grams", during); // thousands of entries a document: built once at the end
        Assert.Contains("documents_sha256_key", during); // the content hash stays unique: de-duplication works as ever
        Assert.Equal(schema, Schema());
        Assert.Equal(0, Waiting());
    }

    [Fact]
    public void What_a_stopped_bulk_load_set_aside_is_restored_by_the_next_open_and_not_while_it_loads()
    {
        _ = Store.Counts();
        var schema = Schema();
        var loader = Open();
        Assert.True(loader.DeferIndexes());
        Assert.True(loader.Add(new TestAnalysis("sz", "深圳人工智能企業超2800家。").Mention("深圳", "深圳", Anvil.Core.Entities.EntityType.Place)
            .Fact("深圳人工智能企業超2800家", "深圳", "企业数量", 2800, qualifier: "gt").Records()));

        using (var reader = Open())
        {
            Assert.Equal(1, reader.Counts().Facts);
            Assert.DoesNotContain("mentions_entity", Schema()); // the load goes on: its indexes wait for its end
        }

        loader.Dispose(); // the loader stops without building them
        using (var again = Open())
        {
            Assert.Equal(schema, Schema());
            Assert.Equal(0, Waiting());
            Assert.Equal(1, again.Counts().Facts);
        }
    }

    [Fact]
    public async Task Four_workers_loading_in_bulk_at_once_store_what_one_does_and_restore_the_schema_once()
    {
        var items = Reports(24);
        var single = Open();
        new Ingestor(single, TestAnalysis.Configuration, threads: 1) { BatchDocuments = 3, BulkLoadDocuments = 4 }.Run(items, cancellationToken: TestContext.Current.CancellationToken);
        var schema = Schema();
        var expected = single.Counts();
        single.Dispose();
        var shared = _server.CreateDatabase();
        try
        {
            var location = StoreLocation.Parse(shared);
            (int From, int To)[] shares = [(0, 12), (12, 24), (0, 16), (8, 24)];
            await Task.WhenAll(shares.Select(s => Task.Run(() =>
            {
                using var worker = KnowledgeStore.Open(location, create: true);
                new Ingestor(worker, TestAnalysis.Configuration, threads: 1) { BatchDocuments = 3, BulkLoadDocuments = 4 }
                    .Run(items[s.From..s.To], cancellationToken: TestContext.Current.CancellationToken);
            }, TestContext.Current.CancellationToken)));

            using var result = KnowledgeStore.Open(location, create: false);
            Assert.Equal(expected, result.Counts());
            Assert.Equal(schema, Schema(shared));
            Assert.Equal(0, Waiting(shared));
        }
        finally
        {
            _server.DropDatabase(shared);
        }
    }

    [Fact]
    public void The_migration_computes_the_search_codes_the_writer_does()
    {
        // the function migration 9 fills the documents stored before it with, made again in this session
        var sql = Anvil.Store.Sql.Migrations.For("postgres").Single(m => m.Version == 9).Sql;
        int from = sql.IndexOf("CREATE FUNCTION", StringComparison.Ordinal);
        int to = sql.IndexOf("$$;", from, StringComparison.Ordinal) + 3;
        using var connection = new NpgsqlConnection(_database.Value);
        connection.Open();
        using (var create = new NpgsqlCommand(sql[from..to], connection))
        {
            create.ExecuteNonQuery();
        }

        foreach (var text in (string[])["abcd", "深圳市人工智能产业规模达3000亿元", "ab", "", "a\U00020000b深圳", "華為 5g 芯片,华为5G芯片", "Huawei CLOUD huawei"])
        {
            using var cmd = new NpgsqlCommand("SELECT pg_temp.anvil_search_grams(@t)", connection);
            cmd.Parameters.AddWithValue("t", text);
            Assert.Equal(PostgresSearchGramsOf(text), (int[])cmd.ExecuteScalar()!);
        }
    }

    private static int[] PostgresSearchGramsOf(string text) => Anvil.Store.Postgres.PostgresSearchGrams.Of(text);

    /// <summary>The names of the schema's indexes and constraints, in order.</summary>
    private List<string> Schema(string? database = null)
    {
        using var connection = new NpgsqlConnection(database ?? _database.Value);
        connection.Open();
        using var cmd = new NpgsqlCommand("""
            SELECT indexname FROM pg_indexes WHERE schemaname = current_schema()
            UNION ALL SELECT conname FROM pg_constraint WHERE connamespace = current_schema()::regnamespace ORDER BY 1
            """, connection);
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read())
        {
            names.Add(r.GetString(0));
        }

        return names;
    }

    /// <summary>How many indexes and keys wait to be restored.</summary>
    private long Waiting(string? database = null)
    {
        using var connection = new NpgsqlConnection(database ?? _database.Value);
        connection.Open();
        using var cmd = new NpgsqlCommand("SELECT COUNT(*) FROM deferred_definitions", connection);
        return (long)cmd.ExecuteScalar()!;
    }
}
