using Anvil.Store.Sql;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Anvil.Store.Sqlite;

/// <summary>
/// Rows through one INSERT statement that the connection keeps prepared, bound by position and stepped once per row:
/// SQLite itself, without ADO.NET's work per execution (parameters looked up by name, values boxed), which took more
/// of an ingest's writing than SQLite's own. It runs in the connection's open transaction like any command.
/// </summary>
internal sealed class SqliteRowWriter : RowWriter
{
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;

    public SqliteRowWriter(sqlite3 db, sqlite3_stmt statement, string table, int columns)
        : base(table, columns)
    {
        _db = db;
        _statement = statement;
    }

    /// <summary><c>INSERT INTO table (columns) VALUES (?1, ...)</c>, prepared on the connection; the caller keeps it and finalizes it.</summary>
    public static sqlite3_stmt Prepare(sqlite3 db, string table, IReadOnlyList<string> columns)
    {
        var sql = $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select((_, i) => "?" + (i + 1)))})";
        Check(raw.sqlite3_prepare_v2(db, sql, out var statement), db);
        return statement;
    }

    public override void Complete()
    {
        // every row was stepped as it ended: nothing waits
    }

    public override void Dispose() => raw.sqlite3_reset(_statement);

    protected override void WriteRow()
    {
        int rc = raw.sqlite3_step(_statement);
        if (rc != raw.SQLITE_DONE)
        {
            raw.sqlite3_reset(_statement);
            Check(rc, _db);
        }

        Check(raw.sqlite3_reset(_statement), _db);
    }

    protected override void WriteInteger(long value) => Check(raw.sqlite3_bind_int64(_statement, Column, value), _db);

    protected override void WriteReal(double value) => Check(raw.sqlite3_bind_double(_statement, Column, value), _db);

    protected override void WriteText(string value) => Check(raw.sqlite3_bind_text16(_statement, Column, value.AsSpan()), _db);

    protected override void WriteNull() => Check(raw.sqlite3_bind_null(_statement, Column), _db);

    /// <summary>A failure as Microsoft.Data.Sqlite reports it (a <see cref="SqliteException"/> with the code), so the store translates it as any other.</summary>
    private static void Check(int rc, sqlite3 db)
    {
        if (rc != raw.SQLITE_OK)
        {
            SqliteException.ThrowExceptionForRC(rc, db);
        }
    }
}
