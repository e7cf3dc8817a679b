using System.Globalization;

namespace Anvil.Cli.Commands.Store.Output;

/// <summary>One value of a result: text, or a number (written as a number to JSON and XLSX), or empty.</summary>
internal readonly record struct Cell(string? Text, double? Number)
{
    public static Cell Of(string? text) => new(text, null);

    public static Cell Of(double number) => new(null, number);

    public static Cell Of(long number) => new(null, number);

    public bool IsEmpty => Text is null && Number is null;

    /// <summary>The cell as text: numbers in invariant culture, shortest round-trip form.</summary>
    public override string ToString() =>
        Text ?? (Number is { } n ? n.ToString("R", CultureInfo.InvariantCulture) : "");
}

/// <summary>
/// A table of plain values, what every output format renders: people's tables, CSV, JSON Lines and XLSX.
/// <see cref="Record"/> names one row in JSON Lines (its <c>type</c>); <see cref="Name"/> titles the table and the
/// worksheet.
/// </summary>
internal sealed record ResultSheet(string Name, string Record, IReadOnlyList<string> Columns, IReadOnlyList<Cell[]> Rows)
{
    /// <summary>Builds a sheet from records with one function per column.</summary>
    public static ResultSheet From<T>(string name, string record, IEnumerable<T> rows, params (string Column, Func<T, Cell> Value)[] columns) =>
        new(name, record, [.. columns.Select(c => c.Column)], [.. rows.Select(r => columns.Select(c => c.Value(r)).ToArray())]);
}
