using System.Data.Common;
using Anvil.Core.Normalization;
using Anvil.Store.Sql;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Anvil.Store.Sqlite;

/// <summary>
/// The knowledge base in one SQLite file. Write-ahead logging with <c>synchronous=NORMAL</c>: a committed document
/// survives the process being killed, and an interrupted one leaves nothing. Search runs on an FTS5 index with the
/// trigram tokenizer (any run of three characters or more), and on a scan for shorter terms.
/// </summary>
internal sealed class SqliteKnowledgeStore : SqlKnowledgeStore
{
    // the bulk INSERTs of SqliteRowWriter, prepared once on this connection, by table and columns
    private readonly Dictionary<string, sqlite3_stmt> _statements = new(StringComparer.Ordinal);

    private SqliteKnowledgeStore(StoreLocation location, SqliteConnection connection)
        : base(location, connection)
    {
    }

    protected override string Provider => "sqlite";

    public static SqliteKnowledgeStore Open(StoreLocation location, bool create)
    {
        if (!create && !File.Exists(location.Target))
        {
            throw new StoreException(StoreErrorCodes.NotFound,
                $"{location.Display}: no knowledge base there yet; run 'anvil ingest PATH' first (or name another with --db)");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = location.Target,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false, // a file replaced on disk (anvil demo) must never be reached through an old pooled handle
            DefaultTimeout = 60,
        }.ToString());
        var store = new SqliteKnowledgeStore(location, connection);
        try
        {
            store.Run(() =>
            {
                connection.Open();
                // search of terms too short for the trigram index reads the text normalised as extraction sees it
                connection.CreateFunction("anvil_normalize", (string text) => TextNormalizer.Default.Normalize(text).Text, isDeterministic: true);
                return 0;
            });
            store.Initialise(create);
            try
            {
                store.BuildIndexes(); // those a bulk load that stopped before its end left out
            }
            catch (StoreException)
            {
                // a file this process may not write, or one locked for long: queries are right without them, only slower
            }

            store.Run(() =>
            {
                // settings of the connection, not the file: every connection needs them, migrated or not
                store.Execute(null, "PRAGMA synchronous = NORMAL");
                store.Execute(null, "PRAGMA foreign_keys = ON");
                // 64 MB of page cache: a batch of an ingest, or an aggregation over a large place, stays in memory
                store.Execute(null, "PRAGMA cache_size = -65536");
                store.Execute(null, "PRAGMA temp_store = MEMORY");
                return 0;
            });
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>The tables a bulk load writes without their secondary indexes: those that get a row per mention and per fact.</summary>
    private static readonly string[] BulkTables = ["facts", "mentions"];

    /// <summary>
    /// The secondary indexes of <see cref="BulkTables"/> as the migrations make them, by name: applied to an empty
    /// database in memory once per process, so what a bulk load drops can always be built again as the schema says.
    /// </summary>
    private static readonly Lazy<IReadOnlyDictionary<string, string>> SchemaIndexes = new(() =>
    {
        using var memory = new SqliteConnection("Data Source=:memory:");
        memory.Open();
        foreach (var m in Migrations.For("sqlite"))
        {
            using var migrate = memory.CreateCommand();
            migrate.CommandText = m.Sql;
            migrate.ExecuteNonQuery();
        }

        return IndexesOf(memory, null);
    });

    public override bool DeferIndexes() => Run(() =>
    {
        var present = IndexesOf((SqliteConnection)Connection, null);
        if (present.Count == 0)
        {
            return false;
        }

        using var tx = Connection.BeginTransaction();
        foreach (var name in present.Keys)
        {
            Execute(tx, $"DROP INDEX {name}");
        }

        tx.Commit();
        return true;
    });

    public override void BuildIndexes() => Run(() =>
    {
        var present = IndexesOf((SqliteConnection)Connection, null);
        var missing = SchemaIndexes.Value.Where(i => !present.ContainsKey(i.Key)).ToList();
        if (missing.Count > 0)
        {
            using var tx = Connection.BeginTransaction();
            foreach (var (name, sql) in missing)
            {
                // the schema's own statement, made safe against another process that built it first
                Execute(tx, sql.Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal));
            }

            tx.Commit();
        }

        return 0;
    });

    private static Dictionary<string, string> IndexesOf(SqliteConnection connection, DbTransaction? tx)
    {
        using var cmd = connection.CreateCommand();
        cmd.Transaction = (SqliteTransaction?)tx;
        cmd.CommandText = $"""
            SELECT name, sql FROM sqlite_master
            WHERE type = 'index' AND sql LIKE 'CREATE INDEX %' AND tbl_name IN ({string.Join(", ", BulkTables.Select(t => $"'{t}'"))})
            """;
        using var r = cmd.ExecuteReader();
        var indexes = new Dictionary<string, string>(StringComparer.Ordinal);
        while (r.Read())
        {
            indexes[r.GetString(0)] = r.GetString(1);
        }

        return indexes;
    }

    protected override RowWriter Rows(DbTransaction tx, string table, string[] columns)
    {
        var db = ((SqliteConnection)Connection).Handle ?? throw new InvalidOperationException("the connection is closed");
        var key = table + "(" + string.Join(", ", columns) + ")";
        if (!_statements.TryGetValue(key, out var statement))
        {
            _statements[key] = statement = SqliteRowWriter.Prepare(db, table, columns);
        }

        return new SqliteRowWriter(db, statement, table, columns.Length);
    }

    protected override void ReleaseConnectionState()
    {
        foreach (var statement in _statements.Values)
        {
            statement.Dispose(); // finalizes it: a connection closes only once its statements are gone
        }

        _statements.Clear();
    }

    protected override bool TableExists(string name, DbTransaction? tx = null) => Run(() =>
    {
        // the first read of the file: a file that is not SQLite fails here, before anything is written to it
        using var cmd = Command(tx, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = @n");
        Parameter(cmd, "@n", name);
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    });

    protected override bool HasTables() => Run(() =>
    {
        using var cmd = Command(null, "SELECT COUNT(*) FROM sqlite_master WHERE type IN ('table', 'view')");
        return Convert.ToInt64(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    });

    protected override DbTransaction BeginMigration() => Run(() =>
    {
        Execute(null, "PRAGMA journal_mode = WAL");
        Execute(null, "PRAGMA synchronous = NORMAL");
        Execute(null, "PRAGMA foreign_keys = ON");
        return (DbTransaction)((SqliteConnection)Connection).BeginTransaction(deferred: false); // BEGIN IMMEDIATE: one migrator at a time
    });

    /// <summary>
    /// SQLite looks a document up by its row id before any index, and a row holds the document's text: named, the
    /// index of ids and dates answers from a few pages (migration 5).
    /// </summary>
    protected override string DocumentDates => "documents d INDEXED BY documents_dates";

    /// <summary>
    /// The statements a summary sums up, read through SQLite's own interface: a place's fifty thousand statements are read
    /// in half the time the data reader takes (it asks each column's type before its value), and the period and
    /// qualifier, the same row after row, are made into strings only when they change.
    /// </summary>
    protected override void ReadStatements(DbCommand cmd, FigureTally tally)
    {
        var db = ((SqliteConnection)Connection).Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, cmd.CommandText, out var stmt));
        using (stmt)
        {
            foreach (DbParameter p in cmd.Parameters)
            {
                int i = raw.sqlite3_bind_parameter_index(stmt, p.ParameterName);
                Check(db, p.Value switch
                {
                    long l => raw.sqlite3_bind_int64(stmt, i, l),
                    int n => raw.sqlite3_bind_int64(stmt, i, n),
                    double d => raw.sqlite3_bind_double(stmt, i, d),
                    string s => raw.sqlite3_bind_text(stmt, i, s),
                    null or DBNull => raw.sqlite3_bind_null(stmt, i),
                    var other => throw new InvalidOperationException($"a statement read takes no parameter of type {other.GetType().Name}"),
                });
            }

            var period = new Utf8Column();
            var qualifier = new Utf8Column();
            int rc = FirstStep(stmt);
            for (; rc == raw.SQLITE_ROW; rc = raw.sqlite3_step(stmt))
            {
                tally.Add(new StatementRow(
                    raw.sqlite3_column_int64(stmt, 0),
                    raw.sqlite3_column_type(stmt, 1) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(stmt, 1),
                    raw.sqlite3_column_type(stmt, 2) == raw.SQLITE_NULL ? null : period.Read(raw.sqlite3_column_blob(stmt, 2)),
                    raw.sqlite3_column_double(stmt, 3),
                    raw.sqlite3_column_type(stmt, 4) == raw.SQLITE_NULL ? null : raw.sqlite3_column_double(stmt, 4),
                    qualifier.Read(raw.sqlite3_column_blob(stmt, 5)),
                    raw.sqlite3_column_int64(stmt, 6),
                    raw.sqlite3_column_int64(stmt, 7)));
            }

            Check(db, rc == raw.SQLITE_DONE ? raw.SQLITE_OK : rc);
        }
    }

    /// <summary>
    /// The first step, which waits out another connection's brief lock as the data reader does (up to the connection's
    /// timeout) before it fails; once rows come, a read holds its snapshot to the end.
    /// </summary>
    private static int FirstStep(sqlite3_stmt stmt)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            int rc = raw.sqlite3_step(stmt);
            if ((rc != raw.SQLITE_BUSY && rc != raw.SQLITE_LOCKED) || waited.Elapsed.TotalSeconds >= BusyTimeoutSeconds)
            {
                return rc;
            }

            raw.sqlite3_reset(stmt);
            Thread.Sleep(20);
        }
    }

    private const int BusyTimeoutSeconds = 60;

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new SqliteException(raw.sqlite3_errmsg(db).utf8_to_string(), rc, raw.sqlite3_extended_errcode(db));
        }
    }

    /// <summary>A text column read row after row: a new string only when its bytes differ from the last row's.</summary>
    private sealed class Utf8Column
    {
        private byte[] _bytes = [];
        private int _length = -1;
        private string _text = "";

        public string Read(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length != _length || !utf8.SequenceEqual(_bytes.AsSpan(0, _length)))
            {
                if (_bytes.Length < utf8.Length)
                {
                    _bytes = new byte[utf8.Length];
                }

                utf8.CopyTo(_bytes);
                _length = utf8.Length;
                _text = System.Text.Encoding.UTF8.GetString(utf8);
            }

            return _text;
        }
    }

    /// <summary>The normalised text lives in the full-text index only (and <c>anvil_normalize</c> makes it again for short terms).</summary>
    protected override string StoredSearchText(string searchText) => "";

    protected override void SearchTextWritten(DbTransaction tx, long documentId, string searchText, bool replacing)
    {
        if (replacing)
        {
            Execute(tx, "DELETE FROM documents_fts WHERE rowid = @id", ("@id", documentId));
        }

        Execute(tx, "INSERT INTO documents_fts (rowid, search_text) VALUES (@id, @t)", ("@id", documentId), ("@t", searchText));
    }

    protected override string ContainsAll(DbCommand cmd, IReadOnlyList<string> terms)
    {
        var where = new List<string>();
        // the trigram index answers terms of three characters or more; shorter ones are a LIKE over the text
        var indexed = terms.Where(t => t.Length >= 3).ToList();
        if (indexed.Count > 0)
        {
            where.Add("d.id IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH @match)");
            Parameter(cmd, "@match", string.Join(' ', indexed.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")));
        }

        foreach (var (term, i) in terms.Where(t => t.Length < 3).Select((t, i) => (t, i)))
        {
            var name = "@like" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            where.Add($@"anvil_normalize(d.text) LIKE {name} ESCAPE '\'");
            Parameter(cmd, name, Contains(term));
        }

        return string.Join(" AND ", where);
    }

    protected override StoreException Translate(DbException e)
    {
        var where = Location.Display;
        return (e as SqliteException)?.SqliteErrorCode switch
        {
            26 => new StoreException(StoreErrorCodes.NotAnvil, $"{where}: is not a SQLite database; Anvil leaves it alone (name another file with --db)", e),
            14 => new StoreException(StoreErrorCodes.BadPath, $"{where}: cannot be opened or created ({e.Message})", e),
            5 or 6 => new StoreException(StoreErrorCodes.Busy, $"{where}: is locked by another program; try again when it has finished ({e.Message})", e),
            8 => new StoreException(StoreErrorCodes.Failed, $"{where}: is read-only; nothing was written ({e.Message})", e),
            13 => new StoreException(StoreErrorCodes.Failed, $"{where}: the disk is full; the document being written was not stored ({e.Message})", e),
            11 => new StoreException(StoreErrorCodes.Failed, $"{where}: the database file is damaged ({e.Message})", e),
            _ => new StoreException(StoreErrorCodes.Failed, $"{where}: {e.Message}", e),
        };
    }
}
