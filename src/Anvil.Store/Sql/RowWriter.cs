namespace Anvil.Store.Sql;

/// <summary>
/// Rows of one table written in bulk inside the current transaction, by the provider's fastest way (SQLite: one
/// statement prepared for the connection, bound by position; PostgreSQL: binary <c>COPY</c>). A row is its values in
/// the order of the columns named when the writer was made, then <see cref="EndRow"/>; <see cref="Complete"/> after the
/// last row. Values are typed, so a row costs no boxing and no parameter lookup by name: an ingest writes millions.
/// Disposed without <see cref="Complete"/>, the rows not yet sent may be lost, and the transaction must roll back.
/// </summary>
internal abstract class RowWriter : IDisposable
{
    protected RowWriter(string table, int columns)
    {
        Table = table;
        Columns = columns;
    }

    protected string Table { get; }

    protected int Columns { get; }

    /// <summary>How many values of the current row have been given.</summary>
    protected int Column { get; private set; }

    public void Add(long value)
    {
        Next();
        WriteInteger(value);
    }

    public void Add(long? value)
    {
        Next();
        if (value is { } v)
        {
            WriteInteger(v);
        }
        else
        {
            WriteNull();
        }
    }

    public void Add(double value)
    {
        Next();
        WriteReal(value);
    }

    public void Add(double? value)
    {
        Next();
        if (value is { } v)
        {
            WriteReal(v);
        }
        else
        {
            WriteNull();
        }
    }

    public void Add(string? value)
    {
        Next();
        if (value is null)
        {
            WriteNull();
        }
        else
        {
            WriteText(value);
        }
    }

    /// <summary>Ends the row: every column must have had its value.</summary>
    public void EndRow()
    {
        if (Column != Columns)
        {
            throw new InvalidOperationException($"{Table}: a row of {Column} values for {Columns} columns");
        }

        WriteRow();
        Column = 0;
    }

    /// <summary>Sends what is still buffered: the rows are then part of the transaction.</summary>
    public abstract void Complete();

    public abstract void Dispose();

    /// <summary>The first value of a row starts it (a provider that needs to be told, as COPY does, hears it here).</summary>
    protected virtual void StartRow()
    {
    }

    /// <summary>The values of a row have all been given (column 1 to <see cref="Columns"/>).</summary>
    protected abstract void WriteRow();

    /// <summary>The value of column <see cref="Column"/> (1-based).</summary>
    protected abstract void WriteInteger(long value);

    protected abstract void WriteReal(double value);

    protected abstract void WriteText(string value);

    protected abstract void WriteNull();

    private void Next()
    {
        if (Column == 0)
        {
            StartRow();
        }

        if (++Column > Columns)
        {
            throw new InvalidOperationException($"{Table}: more values than its {Columns} columns");
        }
    }
}
