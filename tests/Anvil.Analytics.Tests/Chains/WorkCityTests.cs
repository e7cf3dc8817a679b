using Anvil.Analytics.Chains;
using Anvil.Analytics.Tests.Support;

namespace Anvil.Analytics.Tests.Chains;

/// <summary>
/// Where a company's work counts: its home cities get what is said of the company, a factory or base only what a text
/// places there, and a company no text places counts nowhere (cases in <c>cases/work-cities.tsv</c>).
/// </summary>
public sealed class WorkCityTests
{
    public static TheoryData<string[]> Cases => CaseFiles.Read("work-cities.tsv");

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_city_gets_the_stages_a_text_places_there(string[] row)
    {
        using var folder = new TempFolder();
        var document = folder.Write("case.txt", row[0]);
        using var kb = TestKnowledgeBase.WithLexicon(Path.Combine(AppContext.BaseDirectory, "Chains", "cases", "work-cities-lexicon.tsv"), document);
        var placements = ChainAnalysis.Place(kb.Store, ChainCatalog.Load(new ChainSources { BuiltInLexicon = false }));

        var stages = placements.Catalog.Chains.SelectMany(chain => chain.Stages.Select(stage => new StageRef(chain, stage))).ToList();
        var found = placements.Companies
            .SelectMany(c => c.CityNames.Select(city => (c, city)))
            .Select(x => $"{x.c.Company}@{x.city}:" + (string.Join(' ', stages.Where(s => x.c.Makes(s, x.city).Any()).Select(s => s.Key).Order(StringComparer.Ordinal)) is { Length: > 0 } made ? made : "-"))
            .Order(StringComparer.Ordinal);

        Assert.Equal(row[1], string.Join("; ", found) is { Length: > 0 } text ? text : "-");
    }
}
