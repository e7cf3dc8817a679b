using System.Data.Common;
using System.Globalization;
using Anvil.Store.Sql;
using Npgsql;

namespace Anvil.Store.Postgres;

/// <summary>
/// The knowledge base in a PostgreSQL database (in the connection's current schema). Search is <c>ILIKE</c> over
/// the normalised text with a pg_trgm GIN index, which serves any run of three characters or more.
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
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
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

    protected override string ContainsAll(DbCommand cmd, IReadOnlyList<string> terms) =>
        string.Join(" AND ", terms.Select((term, i) =>
        {
            var name = "@t" + i.ToString(CultureInfo.InvariantCulture);
            Parameter(cmd, name, Contains(term));
            return $@"d.search_text ILIKE {name} ESCAPE '\'";
        }));

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
