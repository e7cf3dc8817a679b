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
