using System.Data.Common;
using System.Globalization;
using Anvil.Store.Sql;
using Npgsql;

namespace Anvil.Store.Postgres;

/// <summary>
/// The knowledge base in a PostgreSQL database (in the connection's current schema). Search is <c>ILIKE</c> over
/// the normalised text, its candidates found by a GIN index of trigram codes (<see cref="PostgresSearchGrams"/>),
/// which serves any run of three characters or more.
/// </summary>
internal sealed class PostgresKnowledgeStore : SqlKnowledgeStore
{
    private PostgresKnowledgeStore(StoreLocation location, NpgsqlConnection connection)
        : base(location, connection)
    {
    }

    protected override string Provider => "postgres";

    protected override int RowsPerInsert => 200;

    protected override bool PrepareStatements => false;

    protected override string OrdinalCollation => " COLLATE \"C\"";

    // the columns' types of the tables written in bulk, as the database declares them (binary COPY must match them)
    private readonly Dictionary<string, Dictionary<string, string>> _columnTypes = new(StringComparer.Ordinal);

    protected override RowWriter Rows(DbTransaction tx, string table, string[] columns)
    {
        if (!_columnTypes.TryGetValue(table, out var types))
        {
            types = new Dictionary<string, string>(StringComparer.Ordinal);
            using var cmd = Command(tx, "SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @t");
            Parameter(cmd, "@t", table);
            using (var r = cmd.ExecuteReader())
            {
                while (r.Read())
                {
                    types[r.GetString(0)] = r.GetString(1);
                }
            }

            _columnTypes[table] = types;
        }

        return PostgresRowWriter.Begin((NpgsqlConnection)Connection, table, columns, [.. columns.Select(c => PostgresRowWriter.TypeOf(table, c, types[c]))]);
    }

    public static PostgresKnowledgeStore Open(StoreLocation location, bool create)
    {
        var connection = new NpgsqlConnection(location.Target);
        var store = new PostgresKnowledgeStore(location, connection);
        try
        {
            try
            {
                connection.Open();
            }
            catch (PostgresException e)
            {
                throw new StoreException(StoreErrorCodes.CannotConnect, $"{location.Display}: the server refused the connection: {e.MessageText}", e);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or ArgumentException)
            {
                throw new StoreException(StoreErrorCodes.CannotConnect, $"{location.Display}: cannot connect to PostgreSQL ({e.Message})", e);
            }

            store.Initialise(create);
            try
            {
                store.RestoreDeferred(onlyIfWaiting: true); // what a bulk load that stopped before its end set aside
            }
            catch (StoreException)
            {
                // a user who may not create indexes: queries are right without them, only slower
            }

            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    // advisory lock keys (7262021 is the migrator's): one process at a time sets aside or restores; bulk loaders hold the
    // second shared for as long as they load, so the one that takes it alone is the last of them (or finds one that stopped)
    private const long DeferralLock = 7262022;
    private const long LoaderLock = 7262023;

    /// <summary>
    /// The tables a bulk load writes a row per mention and per fact to, and the documents with their index of trigram codes
    /// (thousands of entries a document): their secondary indexes and foreign keys wait.
    /// </summary>
    private const string BulkTables = "('documents', 'facts', 'mentions')";

    private bool _loading;

    /// <summary>
    /// Sets aside the secondary indexes and the foreign keys of facts and mentions, when the knowledge base holds no
    /// document yet (or joins another worker's bulk load that already did). Without them COPY writes a row into the table
    /// and its primary key only; at 1,000,000 facts the server spent 27 s of CPU writing with them and about a third of
    /// that writing without them and building them at the end. Unique constraints stay: content-hash de-duplication and
    /// entity and figure merging work as ever, and every row is checked against its keys when they are restored.
    /// </summary>
    public override bool DeferIndexes() => Run(() =>
    {
        // the loader lock first and the deferral lock second, in the order RestoreDeferred takes them
        Execute(null, $"SELECT pg_advisory_lock_shared({LoaderLock})");
        bool deferred = false;
        try
        {
            using var tx = Connection.BeginTransaction();
            Execute(tx, $"SELECT pg_advisory_xact_lock({DeferralLock})");
            if (Exists(tx, "SELECT EXISTS (SELECT 1 FROM deferred_definitions)"))
            {
                deferred = true; // another worker's bulk load: this one restores them if it ends last
            }
            else if (!Exists(tx, "SELECT EXISTS (SELECT 1 FROM documents)"))
            {
                var definitions = Deferrable(tx);
                foreach (var (name, table, kind, definition) in definitions)
                {
                    Execute(tx, "INSERT INTO deferred_definitions (name, table_name, kind, definition) VALUES (@n, @t, @k, @d)",
                        ("@n", name), ("@t", table), ("@k", kind), ("@d", definition));
                }

                // the keys before the indexes: nothing depends on an index of the referencing table
                foreach (var (name, table, kind, _) in definitions.OrderBy(d => d.Kind == "index"))
                {
                    Execute(tx, kind == "index" ? $"DROP INDEX {Quoted(name)}" : $"ALTER TABLE {Quoted(table)} DROP CONSTRAINT {Quoted(name)}");
                }

                deferred = definitions.Count > 0;
            }

            tx.Commit();
        }
        finally
        {
            if (!deferred)
            {
                Execute(null, $"SELECT pg_advisory_unlock_shared({LoaderLock})");
            }
        }

        _loading = deferred;
        return deferred;
    });

    /// <summary>Ends this process's bulk load, and restores what was set aside when no other worker is still loading.</summary>
    public override void BuildIndexes() => Run(() =>
    {
        if (_loading)
        {
            Execute(null, $"SELECT pg_advisory_unlock_shared({LoaderLock})");
            _loading = false;
        }

        RestoreDeferred(onlyIfWaiting: false);
        return 0;
    });

    /// <summary>
    /// Builds the indexes and adds the foreign keys that wait in <c>deferred_definitions</c>, unless a bulk load still
    /// holds the loader lock (it restores them when it ends). Adding a key checks every row against it.
    /// </summary>
    private void RestoreDeferred(bool onlyIfWaiting) => Run(() =>
    {
        if (onlyIfWaiting && !Exists(null, "SELECT EXISTS (SELECT 1 FROM deferred_definitions)"))
        {
            return 0; // what every open asks: one look at an empty table
        }

        if (!Exists(null, $"SELECT pg_try_advisory_lock({LoaderLock})"))
        {
            return 0;
        }

        try
        {
            Retrying(Restore);
        }
        finally
        {
            Execute(null, $"SELECT pg_advisory_unlock({LoaderLock})");
        }

        return 0;
    });

    /// <summary>
    /// One transaction that restores what waits. The tables are locked first, in the order writers write them, so a worker
    /// still writing is waited for instead of deadlocked with (should the server choose this one as a victim all the same,
    /// it is tried again whole).
    /// </summary>
    private int Restore()
    {
        using var tx = Connection.BeginTransaction();
        Execute(tx, $"SELECT pg_advisory_xact_lock({DeferralLock})");
        Execute(tx, "LOCK TABLE entities, figures, documents, mentions, facts IN SHARE ROW EXCLUSIVE MODE");
        var waiting = new List<(string Name, string Table, string Kind, string Definition)>();
        using (var cmd = Command(tx, "SELECT name, table_name, kind, definition FROM deferred_definitions ORDER BY kind DESC, name"))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                waiting.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
            }
        }

        // the indexes first ("index" sorts after "foreign key", hence DESC), then the keys, each checked in one pass
        foreach (var (name, table, kind, definition) in waiting)
        {
            if (kind == "index")
            {
                Execute(tx, definition.Replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", StringComparison.Ordinal));
            }
            else if (!Exists(tx, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint WHERE conname = @n AND connamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = current_schema()))", ("@n", name)))
            {
                Execute(tx, $"ALTER TABLE {Quoted(table)} ADD CONSTRAINT {Quoted(name)} {definition}");
            }
        }

        Execute(tx, "DELETE FROM deferred_definitions");
        tx.Commit();
        return 0;
    }

    /// <summary>The secondary (not unique) indexes and the foreign keys of <see cref="BulkTables"/>, as the catalog defines them.</summary>
    private List<(string Name, string Table, string Kind, string Definition)> Deferrable(DbTransaction tx)
    {
        using var cmd = Command(tx, $"""
            SELECT c.relname, t.relname, 'index', pg_catalog.pg_get_indexdef(c.oid)
            FROM pg_catalog.pg_index i JOIN pg_catalog.pg_class c ON c.oid = i.indexrelid JOIN pg_catalog.pg_class t ON t.oid = i.indrelid
            WHERE NOT i.indisunique AND t.relname IN {BulkTables} AND t.relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = current_schema())
            UNION ALL
            SELECT k.conname, t.relname, 'foreign key', pg_catalog.pg_get_constraintdef(k.oid)
            FROM pg_catalog.pg_constraint k JOIN pg_catalog.pg_class t ON t.oid = k.conrelid
            WHERE k.contype = 'f' AND t.relname IN {BulkTables} AND t.relnamespace = (SELECT oid FROM pg_catalog.pg_namespace WHERE nspname = current_schema())
            ORDER BY 1
            """);
        using var r = cmd.ExecuteReader();
        var list = new List<(string, string, string, string)>();
        while (r.Read())
        {
            list.Add((r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3)));
        }

        return list;
    }

    private bool Exists(DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(tx, sql);
        foreach (var (name, value) in parameters)
        {
            Parameter(cmd, name, value);
        }

        return cmd.ExecuteScalar() is true;
    }

    private static string Quoted(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    protected override void ReleaseConnectionState()
    {
        if (_loading && Connection.State == System.Data.ConnectionState.Open)
        {
            try
            {
                Execute(null, $"SELECT pg_advisory_unlock_shared({LoaderLock})"); // a pooled connection outlives this store
            }
            catch (DbException)
            {
                // the session is gone, and its locks with it
            }

            _loading = false;
        }
    }

    /// <summary>
    /// Counts the tables and views of the current schema, as information_schema.tables lists them: read from the catalog,
    /// as planning the standard view (its privilege checks) took ten times as long, on every open.
    /// </summary>
    private const string SchemaRelations = """
        SELECT COUNT(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
        """;

    protected override bool TableExists(string name, DbTransaction? tx = null) => Run(() =>
    {
        using var cmd = Command(tx, $"{SchemaRelations} AND c.relname = @n");
        Parameter(cmd, "@n", name);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    });

    protected override bool HasTables() => Run(() =>
    {
        using var cmd = Command(null, SchemaRelations);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    });

    protected override DbTransaction BeginMigration() => Run(() =>
    {
        var tx = Connection.BeginTransaction();
        Execute(tx, "SELECT pg_advisory_xact_lock(7262021)"); // one migrator at a time; released at commit
        return tx;
    });

    protected override string? SearchIndexColumn => "search_grams";

    protected override object SearchIndexValue(string searchText) => PostgresSearchGrams.Of(searchText);

    /// <summary>
    /// The documents whose trigram codes hold every term's (the GIN index of <c>search_grams</c>), then ILIKE over the
    /// normalised text; terms shorter than three characters have no code and are ILIKE alone (a scan).
    /// </summary>
    protected override string ContainsAll(DbCommand cmd, IReadOnlyList<string> terms)
    {
        var where = terms.Select((term, i) =>
        {
            var name = "@t" + i.ToString(CultureInfo.InvariantCulture);
            Parameter(cmd, name, Contains(term));
            return $@"d.search_text ILIKE {name} ESCAPE '\'";
        }).ToList();
        if (PostgresSearchGrams.OfTerms(terms) is { Length: > 0 } grams)
        {
            Parameter(cmd, "@grams", grams);
            where.Insert(0, "d.search_grams @> @grams");
        }

        return string.Join(" AND ", where);
    }

    /// <summary>A deadlock victim or a serialisation failure: the transaction rolled back whole and may simply run again.</summary>
    protected override bool IsTransient(DbException e) => e is PostgresException { SqlState: "40P01" or "40001" };

    protected override StoreException Translate(DbException e)
    {
        var where = Location.Display;
        if (e is PostgresException pg)
        {
            return pg.SqlState switch
            {
                "53100" => new StoreException(StoreErrorCodes.Failed, $"{where}: the server's disk is full; the document being written was not stored ({pg.MessageText})", e),
                "42501" => new StoreException(StoreErrorCodes.Failed, $"{where}: permission denied ({pg.MessageText}); grant the user rights on the database and schema", e),
                _ => new StoreException(StoreErrorCodes.Failed, $"{where}: {pg.SqlState}: {pg.MessageText}", e),
            };
        }

        return new StoreException(StoreErrorCodes.CannotConnect, $"{where}: lost the connection to PostgreSQL ({e.Message})", e);
    }
}
