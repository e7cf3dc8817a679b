using Anvil.Store.Sql;
using Npgsql;
using NpgsqlTypes;

namespace Anvil.Store.Postgres;

/// <summary>
/// Rows through binary <c>COPY ... FROM STDIN</c> (Npgsql's binary importer): one stream per table and batch instead of a
/// statement per few hundred rows. Binary COPY wants each value in its column's exact type, so the writer is given the
/// columns' types as the database declares them (an integer column takes a 4-byte value, a bigint one 8 bytes).
/// </summary>
internal sealed class PostgresRowWriter : RowWriter
{
    private readonly NpgsqlBinaryImporter _importer;
    private readonly NpgsqlDbType[] _types;

    private PostgresRowWriter(NpgsqlBinaryImporter importer, string table, NpgsqlDbType[] types)
        : base(table, types.Length)
    {
        _importer = importer;
        _types = types;
    }

    public static PostgresRowWriter Begin(NpgsqlConnection connection, string table, IReadOnlyList<string> columns, NpgsqlDbType[] types) =>
        new(connection.BeginBinaryImport($"COPY {table} ({string.Join(", ", columns)}) FROM STDIN (FORMAT BINARY)"), table, types);

    /// <summary>The type binary COPY writes for a column of <c>information_schema.columns.data_type</c>.</summary>
    public static NpgsqlDbType TypeOf(string table, string column, string dataType) => dataType switch
    {
        "bigint" => NpgsqlDbType.Bigint,
        "integer" => NpgsqlDbType.Integer,
        "smallint" => NpgsqlDbType.Smallint,
        "double precision" => NpgsqlDbType.Double,
        "real" => NpgsqlDbType.Real,
        "text" => NpgsqlDbType.Text,
        _ => throw new InvalidOperationException($"{table}.{column}: no bulk writing for columns of type {dataType}"),
    };

    public override void Complete() => _importer.Complete();

    public override void Dispose() => _importer.Dispose();

    protected override void StartRow() => _importer.StartRow();

    protected override void WriteRow()
    {
        // each value went to the stream as it was given
    }

    protected override void WriteInteger(long value)
    {
        var type = _types[Column - 1];
        switch (type)
        {
            case NpgsqlDbType.Bigint:
                _importer.Write(value, type);
                break;
            case NpgsqlDbType.Integer:
                _importer.Write(checked((int)value), type);
                break;
            case NpgsqlDbType.Smallint:
                _importer.Write(checked((short)value), type);
                break;
            default:
                throw new InvalidOperationException($"{Table}: column {Column} is {type}, not an integer");
        }
    }

    protected override void WriteReal(double value)
    {
        var type = _types[Column - 1];
        if (type == NpgsqlDbType.Real)
        {
            _importer.Write((float)value, type);
        }
        else
        {
            _importer.Write(value, type);
        }
    }

    protected override void WriteText(string value) => _importer.Write(value, NpgsqlDbType.Text);

    protected override void WriteNull() => _importer.WriteNull();
}
