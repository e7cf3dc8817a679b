namespace Anvil.Cli.Commands.Store.Output;

/// <summary>How query verbs print: <c>table</c> for people, <c>csv</c>, <c>jsonl</c> and <c>xlsx</c> for machines.</summary>
internal enum OutputFormat
{
    Table,
    Csv,
    Jsonl,
    Xlsx,
}

internal static class OutputFormats
{
    public const string Names = "table, csv, jsonl or xlsx";

    public static bool TryParse(string? text, out OutputFormat format)
    {
        format = (text ?? "table").Trim().ToLowerInvariant() switch
        {
            "table" => OutputFormat.Table,
            "csv" => OutputFormat.Csv,
            "jsonl" or "json" => OutputFormat.Jsonl,
            "xlsx" => OutputFormat.Xlsx,
            _ => (OutputFormat)(-1),
        };
        return Enum.IsDefined(format);
    }
}
