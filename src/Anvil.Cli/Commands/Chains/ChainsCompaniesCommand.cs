using System.ComponentModel;
using Anvil.Analytics.Chains;
using Anvil.Cli.Commands.Store.Output;
using Anvil.Store.Matching;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Chains;

internal sealed class ChainsCompaniesSettings : ChainSettings
{
    [CommandArgument(0, "[COMPANY]")]
    [Description("Only these companies (any script)")]
    public string[] Companies { get; init; } = [];
}

/// <summary>
/// <c>anvil chains companies [NAME...]</c>: every placement of every company, stage or city, with its evidence: why a company
/// counts where it does. <c>at</c> says where a stage counts (the city a statement places the work in, or <c>home</c>: the
/// company's home cities) and what a city is to the company (<c>home</c>, or <c>site</c>: a factory or branch).
/// </summary>
internal sealed class ChainsCompaniesCommand : ChainCommand<ChainsCompaniesSettings>
{
    protected override int RunChains(ChainsCompaniesSettings settings, CancellationToken cancellationToken)
    {
        var placements = Place(settings);
        var wanted = settings.Companies.Select(Names.Fold).ToHashSet(StringComparer.Ordinal);
        var companies = placements.Companies.Where(c => wanted.Count == 0 || wanted.Contains(Names.Fold(c.Company))).ToList();
        // "at": for a stage, the city a statement places that work in, else the company's home cities; for a city, home or site
        var rows = companies.SelectMany(c =>
            c.Stages.Select(s => (c.Company, What: "stage", Where: s.Stage.Label, At: s.City ?? "home", Word: s.Word, s.Evidence))
                .Concat(c.Cities.Select(x => (c.Company, What: "city", Where: x.City, At: x.Role == CityRole.Home ? "home" : "site", Word: x.City, x.Evidence))));
        if (settings.Limit > 0)
        {
            rows = rows.Take(settings.Limit);
        }

        var people = settings.ParsedFormat == OutputFormat.Table;
        (string, Func<(string Company, string What, string Where, string At, string Word, ChainEvidence Evidence), Cell>)[] columns =
        [
            ("company", x => Cell.Of(x.Company)),
            ("placed", x => Cell.Of(x.What)),
            ("in", x => Cell.Of(x.Where)),
            ("at", x => Cell.Of(x.At)),
            ("word", x => Cell.Of(x.Word)),
            .. ChainText.EvidenceColumns("evidence_")
                .Where(c => !people || c.Item1 is "evidence_kind" or "evidence_doc" or "evidence_quote" or "evidence_origin")
                .Select(c => (c.Item1, (Func<(string Company, string What, string Where, string At, string Word, ChainEvidence Evidence), Cell>)(x => c.Item2(x.Evidence)))),
        ];
        var list = rows.ToList();
        SheetWriter.Write([ResultSheet.From("placements", "placement", list, columns)], settings.ParsedFormat, settings.Output);
        if (list.Count == 0)
        {
            Console.Error.WriteLine("anvil: no company placed");
        }

        return 0;
    }
}
