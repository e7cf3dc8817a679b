using Anvil.Store.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Anvil.Store.Tests;

/// <summary>The knowledge-base contract on a SQLite file, plus what only a file can get wrong.</summary>
public sealed class SqliteKnowledgeStoreTests : KnowledgeStoreContract
{
    private readonly TempFolder _folder = new();

    protected override StoreLocation Location => StoreLocation.Parse(_folder.File("anvil.db"));

    protected override void ExecuteSql(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.File("anvil.db")};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public override void Dispose()
    {
        base.Dispose();
        _folder.Dispose();
    }

    [Fact]
    public void A_file_that_is_not_sqlite_is_refused_and_left_as_it_was()
    {
        var path = _folder.Write("notes.db", "这不是数据库，是笔记。\n");
        var before = File.ReadAllBytes(path);

        var e = Assert.Throws<StoreException>(() => KnowledgeStore.Open(StoreLocation.Parse(path), create: true));

        Assert.Equal(StoreErrorCodes.NotAnvil, e.Code);
        Assert.Contains(path, e.Message);
        Assert.Equal(before, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + "-wal"));
    }

    [Fact]
    public void A_bulk_load_builds_the_facts_and_mentions_indexes_at_its_end()
    {
        _ = Store.Counts();
        var schema = Indexes();
        var items = Enumerable.Range(0, 8).Select(i => new Ingest.IngestItem($"doc-{i}", 100, () => new Anvil.Core.Documents.Document($"doc-{i}",
            $"第{i}份:2024年,深圳人工智能產業規模達{3000 + i}億元。"))).ToList();
        var during = new List<string>();

        var summary = new Ingest.Ingestor(Store, TestAnalysis.Configuration, threads: 2) { BatchDocuments = 3, BulkLoadDocuments = 4 }
            .Run(items, p => { if (p.Done == 1) { during = Indexes(); } }, TestContext.Current.CancellationToken);

        Assert.Equal(8, summary.Added);
        Assert.Contains("facts_figure", schema);
        Assert.DoesNotContain("facts_figure", during);
        Assert.Equal(schema, Indexes());
    }

    [Fact]
    public void Indexes_a_stopped_bulk_load_left_out_are_built_when_the_knowledge_base_is_opened_again()
    {
        _ = Store.Counts();
        var schema = Indexes();
        Assert.True(Store.DeferIndexes());
        Store.Add(new TestAnalysis("sz", "深圳人工智能企業超2800家。").Mention("深圳", "深圳", Anvil.Core.Entities.EntityType.Place)
            .Fact("深圳人工智能企業超2800家", "深圳", "企业数量", 2800, qualifier: "gt").Records());
        Assert.Contains("mentions_entity", schema);
        Assert.DoesNotContain("mentions_entity", Indexes());

        // the process that deferred them stops here without building them: the next open does
        using (var again = Open())
        {
            Assert.Equal(schema, Indexes());
            Assert.Equal(1, again.Counts().Facts);
        }
    }

    [Fact]
    public void A_batch_of_documents_reaches_the_full_text_index_as_one_piece()
    {
        var documents = Enumerable.Range(0, 12).Select(i => new TestAnalysis($"doc-{i}", $"第{i}份：杭州第{i}号园区的电子商务企业超{2000 + i}家。").Records()).ToList();

        Store.AddMany(documents);

        // FTS5 writes the terms it holds in memory out as a new segment whenever another statement of the transaction
        // may be undone on its own; written between documents, that was a segment (and a merge) per document
        // (its rows past the averages, 1, and the structure, 10, are the pages of segments: one small segment, one page)
        Assert.Equal(1, Scalar("SELECT count(*) FROM documents_fts_data WHERE id > 10"));
        Assert.Equal(12, Store.Search("电子商务企业", 20).Count);
    }

    [Fact]
    public void The_full_text_index_gathers_a_batch_of_news_in_memory_before_writing_it()
    {
        _ = Store.Counts();

        // FTS5's default of 1 MB held a fifth of a batch of news; each time it filled, a segment was written and merged
        Assert.Equal(16L << 20, Scalar("SELECT v FROM documents_fts_config WHERE k = 'hashsize'"));
    }

    /// <summary>The one value a query of the database gives.</summary>
    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={_folder.File("anvil.db")};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The names of the database's indexes, in order.</summary>
    private List<string> Indexes()
    {
        using var connection = new SqliteConnection($"Data Source={_folder.File("anvil.db")};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name";
        using var r = cmd.ExecuteReader();
        var names = new List<string>();
        while (r.Read())
        {
            names.Add(r.GetString(0));
        }

        return names;
    }

    [Fact]
    public void The_database_uses_write_ahead_logging()
    {
        _ = Store.Counts();
        using var connection = new SqliteConnection($"Data Source={_folder.File("anvil.db")};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar());
    }

    [Fact]
    public void A_cancelled_ingest_reports_what_it_stored_and_stores_nothing_by_halves()
    {
        var items = Enumerable.Range(0, 40).Select(i =>
        {
            var text = $"第{i}份:深圳人工智能企業超2800家,華為、騰訊在深圳市。";
            return new Ingest.IngestItem($"doc-{i}", 100, () => new Anvil.Core.Documents.Document($"doc-{i}", text));
        }).ToList();
        using var cancel = new CancellationTokenSource();

        // two documents to a transaction: the run stops between batches, each stored whole
        var summary = new Ingest.Ingestor(Store, TestAnalysis.Configuration, threads: 2) { BatchDocuments = 2 }
            .Run(items, p => { if (p.Done == 5) { cancel.Cancel(); } }, cancel.Token);

        Assert.True(summary.Interrupted);
        Assert.InRange(summary.Added, 5, 39);
        var counts = Store.Counts();
        Assert.Equal(summary.Added, counts.Documents);
        Assert.Equal(counts.Documents * 4, counts.Mentions); // 深圳, 華為, 騰訊, 深圳市 in each: every stored document whole
    }
}
