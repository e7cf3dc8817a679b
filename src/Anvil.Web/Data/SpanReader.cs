using System.Data.Common;
using System.Globalization;
using Anvil.Store;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Anvil.Web.Data;

/// <summary>An entity mention in a document: a span of code points, and the entity it was resolved to.</summary>
public sealed record MentionSpan(int Start, int End, string Quote, long EntityId, string Name, string Type);

/// <summary>
/// Two reads <see cref="IKnowledgeStore"/> does not offer yet: a document's entity mentions with their spans, and an
/// entity by id. Stop-gap: it reads the schema's <c>mentions</c> and <c>entities</c> tables (schema version 1) with
/// SQL both providers share, on a read-only connection of its own. When the store gains these queries, this class
/// goes and its callers use them.
/// </summary>
internal sealed class SpanReader
{
    private readonly StoreLocation _location;

    public SpanReader(StoreLocation location)
    {
        _location = location;
    }

    public IReadOnlyList<MentionSpan> Mentions(long documentId) => Read("""
        SELECT m.span_start, m.span_end, m.quote, e.id, e.name, e.type
        FROM mentions m JOIN entities e ON e.id = m.entity_id
        WHERE m.document_id = @id
        ORDER BY m.span_start, m.span_end
        """, documentId, r => new MentionSpan(Int(r, 0), Int(r, 1), r.GetString(2), Long(r, 3), r.GetString(4), r.GetString(5)));

    /// <summary>The entity's name and type, or null when there is none with that id.</summary>
    public (string Name, string Type)? Entity(long id) =>
        Read("SELECT name, type FROM entities WHERE id = @id", id, r => (r.GetString(0), r.GetString(1))) is [var row] ? row : null;

    private List<T> Read<T>(string sql, long id, Func<DbDataReader, T> row)
    {
        try
        {
            using var connection = Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            var p = cmd.CreateParameter();
            p.ParameterName = "@id";
            p.Value = id;
            cmd.Parameters.Add(p);
            using var r = cmd.ExecuteReader();
            var rows = new List<T>();
            while (r.Read())
            {
                rows.Add(row(r));
            }

            return rows;
        }
        catch (DbException e)
        {
            throw new StoreException(StoreErrorCodes.Failed, $"{_location.Display}: cannot read mentions ({e.Message})", e);
        }
    }

    private DbConnection Open()
    {
        DbConnection connection = _location.Provider == StoreProvider.Postgres
            ? new NpgsqlConnection(_location.Target)
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = _location.Target, Mode = SqliteOpenMode.ReadOnly }.ToString());
        connection.Open();
        return connection;
    }

    private static long Long(DbDataReader r, int i) => Convert.ToInt64(r.GetValue(i), CultureInfo.InvariantCulture);

    private static int Int(DbDataReader r, int i) => (int)Long(r, i);
}
