using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands;

/// <summary>The options every verb that extracts documents takes: a publication date and extra lexicons.</summary>
internal abstract class ExtractionSettings : CommandSettings
{
    [CommandOption("--date <DATE>")]
    [Description("Publication date (YYYY-MM-DD) for documents that do not state one; resolves 今年, 去年...")]
    public string? Date { get; init; }

    [CommandOption("--force-date")]
    [Description("Use --date even for documents that state their own date")]
    public bool ForceDate { get; init; }

    [CommandOption("--lexicon <FILE>")]
    [Description("Extra lexicon (name<TAB>type<TAB>aliases); may be repeated")]
    public string[] Lexicons { get; init; } = [];

    [CommandOption("--thorough")]
    [Description("Run the name tagger on every clause: finds more names that no lexicon lists, at about half the speed")]
    public bool Thorough { get; init; }

    public DateOnly? ParsedDate { get; private set; }

    /// <summary>Checks --date; the verb's own checks come after.</summary>
    public override ValidationResult Validate()
    {
        if (Date is not null)
        {
            if (!ExtractRun.TryParseDate(Date, out var d))
            {
                return ValidationResult.Error($"E0302: --date must look like 2024-03-05, not '{Date}'");
            }

            ParsedDate = d;
        }
        else if (ForceDate)
        {
            return ValidationResult.Error("E0306: --force-date needs --date YYYY-MM-DD to force");
        }

        return ValidationResult.Success();
    }
}
