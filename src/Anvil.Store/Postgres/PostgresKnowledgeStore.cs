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

    protected override bool TableExists(string name) => Run(() =>
    {
        using var cmd = Command(null, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = @n");
        Parameter(cmd, "@n", name);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    });

    protected override bool HasTables() => Run(() =>
    {
        using var cmd = Command(null, "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = current_schema()");
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) > 0;
    });

    protected override DbTransaction BeginMigration() => Run(() =>
    {
        var tx = Connection.BeginTransaction();
        Execute(tx, "SELECT pg_advisory_xact_lock(7262021)"); // one migrator at a time; released at commit
        return tx;
    });

    protected override IEnumerable<(string Key, string? Title, string? Date, string Text)> FindDocuments(IReadOnlyList<string> terms, int limit)
    {
        using var cmd = Command(null, "");
        var where = new List<string>();
        for (int i = 0; i < terms.Count; i++)
        {
            var name = "@t" + i.ToString(CultureInfo.InvariantCulture);
            where.Add($@"d.search_text ILIKE {name} ESCAPE '\'");
            Parameter(cmd, name, Contains(terms[i]));
        }

        cmd.CommandText = $"""
            SELECT d.doc_key, d.title, d.date, d.text FROM documents d
            WHERE {string.Join(" AND ", where)}
            ORDER BY d.date DESC NULLS LAST, d.id DESC
            LIMIT @limit
            """;
        Parameter(cmd, "@limit", (long)limit);
        var rows = new List<(string, string?, string?, string)>();
        Run(() =>
        {
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                rows.Add((r.GetString(0), Text(r, 1), Text(r, 2), r.GetString(3)));
            }

            return 0;
        });
        return rows;
    }

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
