using System.ComponentModel;
using Anvil.Cli.Commands.Store.Output;
using Anvil.Core.Facts;
using Anvil.Store.Periods;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Store;

/// <summary>What every knowledge-base verb takes: where the knowledge base is.</summary>
internal class StoreSettings : CommandSettings
{
    [CommandOption("--db <DB>")]
    [Description("Knowledge base: a SQLite file (default ./anvil.db, or $ANVIL_DB) or a PostgreSQL connection string in quotes ('Host=...;Database=...' or postgres://...)")]
    public string? Db { get; init; }
}

/// <summary>What query verbs take besides: how to print and where.</summary>
internal class QuerySettings : StoreSettings
{
    [CommandOption("--format <FORMAT>")]
    [Description("table (for people, the default), csv, jsonl or xlsx")]
    [DefaultValue("table")]
    public string Format { get; init; } = "table";

    [CommandOption("--output <FILE>")]
    [Description("Write to FILE instead of standard output (needed for xlsx on a terminal)")]
    public string? Output { get; init; }

    [CommandOption("--limit <N>")]
    [Description("At most N rows (0, the default: all)")]
    [DefaultValue(0)]
    public int Limit { get; init; }

    public OutputFormat ParsedFormat { get; private set; }

    public override ValidationResult Validate()
    {
        if (!OutputFormats.TryParse(Format, out var format))
        {
            return ValidationResult.Error($"E0502: --format must be {OutputFormats.Names}, not '{Format}'");
        }

        ParsedFormat = format;
        if (Limit < 0)
        {
            return ValidationResult.Error($"E0509: --limit must be 0 (all) or more, not {Limit}");
        }

        if (Output is not null)
        {
            if (Output.Trim().Length == 0 || Directory.Exists(Output))
            {
                return ValidationResult.Error($"E0506: --output must name a file, not '{Output}'");
            }

            var folder = Path.GetDirectoryName(Path.GetFullPath(Output));
            if (folder is not null && !Directory.Exists(folder))
            {
                return ValidationResult.Error($"E0506: --output {Output}: the folder {folder} does not exist");
            }
        }
        else if (format == OutputFormat.Xlsx && !Console.IsOutputRedirected)
        {
            return ValidationResult.Error("E0505: --format xlsx writes a binary file: add --output FILE.xlsx (or redirect standard output)");
        }

        return ValidationResult.Success();
    }
}

/// <summary>Checks that several verbs' settings share; each gives null when the value is fine.</summary>
internal static class SettingChecks
{
    /// <summary>A fact kind by its spec name (<see cref="FactNames.KindNames"/>), or null when none is given.</summary>
    public static ValidationResult? Kind(string? kind, out FactKind? parsed)
    {
        parsed = null;
        if (kind is null)
        {
            return null;
        }

        if (!FactNames.TryParseKind(kind, out var k))
        {
            return ValidationResult.Error($"E0504: --kind must be {string.Join(", ", FactNames.KindNames)}, not '{kind}'");
        }

        parsed = k;
        return null;
    }

    public static ValidationResult? Period(string? text, out PeriodRange? range)
    {
        range = null;
        if (text is null)
        {
            return null;
        }

        if (!PeriodRange.TryParseFilter(text, out var parsed))
        {
            return ValidationResult.Error($"E0503: --period must be a year (2024), a range of years (2023-2024) or a period such as 2024-H1, not '{text}'");
        }

        range = parsed;
        return null;
    }
}
