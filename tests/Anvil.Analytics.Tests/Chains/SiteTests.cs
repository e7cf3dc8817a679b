using Anvil.Analytics.Chains;
using Anvil.Analytics.Tests.Support;

namespace Anvil.Analytics.Tests.Chains;

/// <summary>
/// A company's work counts in a city only where a text places it there (<c>sites/</c>, a made-up company): 飞鱼动力 is
/// headquartered in 合肥 and makes batteries and motor controllers; its factories in 芜湖 and 南昌 are sites, and only
/// 南昌's is said to make something (驱动电机); its 西安 branch (written in Traditional script) makes charging piles.
/// </summary>
public sealed class SiteTests : IClassFixture<SiteTests.Kb>
{
    private readonly ChainPlacements _placements;

    public SiteTests(Kb kb)
    {
        _placements = kb.Placements;
    }

    public sealed class Kb : IDisposable
    {
        private readonly TestKnowledgeBase _base = TestKnowledgeBase.FromFolder(Path.Combine("Chains", "sites"));

        public Kb()
        {
            Placements = ChainAnalysis.Place(_base.Store, ChainCatalog.Load(new ChainSources { BuiltInLexicon = false }));
        }

        public ChainPlacements Placements { get; }

        public TestKnowledgeBase Base => _base;

        public void Dispose() => _base.Dispose();
    }

    private StageRef Stage(string key) => Assert.Single(_placements.Catalog.FindStages(key));

    private IEnumerable<string> Made(string city) =>
        _placements.Catalog.Chains.SelectMany(chain => chain.Stages.Select(stage => new StageRef(chain, stage)))
            .Where(stage => _placements.Suppliers(city, stage).Any(s => s.Company == "飞鱼动力"))
            .Select(stage => stage.Key);

    [Fact]
    public void Factory_cities_are_sites_and_the_headquarters_a_home()
    {
        var feiyu = _placements.Company("飞鱼动力")!;

        Assert.Equal(CityRole.Home, Assert.Single(feiyu.Cities, c => c.City == "合肥").Role);
        foreach (var city in new[] { "芜湖", "南昌", "西安" })
        {
            Assert.All(feiyu.Cities.Where(c => c.City == city), c => Assert.Equal(CityRole.Site, c.Role));
            Assert.Contains(feiyu.Cities, c => c.City == city);
        }
    }

    [Fact]
    public void The_home_city_gets_what_the_company_makes_and_a_site_only_what_is_made_there()
    {
        Assert.Contains("nev/battery", Made("合肥"));
        Assert.Contains("nev/control", Made("合肥"));
        Assert.DoesNotContain("nev/motor", Made("合肥"));

        Assert.Equal(["nev/motor"], Made("南昌"));
        Assert.Empty(Made("芜湖"));
        Assert.Equal(["nev/charging"], Made("西安"));
    }

    [Fact]
    public void The_site_and_its_work_keep_the_statement_that_places_them()
    {
        var supplier = Assert.Single(_placements.Suppliers("南昌", Stage("新能源汽车/电机")));

        var stage = Assert.Single(supplier.StageEvidence);
        Assert.Equal(("feiyu-sites", EvidenceKind.Relation), (stage.Doc, stage.Kind));
        Assert.Contains("驱动电机", stage.Quote, StringComparison.Ordinal);
        Assert.Contains(supplier.CityEvidence, e => e.Quote!.Contains("南昌工厂", StringComparison.Ordinal) && e.Detail.EndsWith("(site)", StringComparison.Ordinal));
        Assert.True(stage.Start < stage.End);
    }

    [Fact]
    public void Each_maker_says_how_its_work_counts_in_the_city()
    {
        Assert.Equal(CountBasis.StatedHere, Assert.Single(_placements.Suppliers("南昌", Stage("新能源汽车/电机"))).Basis);
        var home = Assert.Single(_placements.Suppliers("合肥", Stage("新能源汽车/电池")));
        Assert.Equal(CountBasis.Home, home.Basis);
        Assert.Contains("合肥", home.CityEvidence[0].Quote, StringComparison.Ordinal); // the headquarters statement first
    }

    [Fact]
    public void A_factory_city_says_why_it_does_not_make_what_the_company_makes()
    {
        var reason = Assert.Single(_placements.Reasons("芜湖", Stage("新能源汽车/电池")));

        Assert.Equal(("飞鱼动力", CountBasis.Elsewhere), (reason.Company, reason.Basis));
        Assert.Equal(["合肥"], reason.CountsIn);
        Assert.Contains(reason.CityEvidence, e => e.Quote!.Contains("芜湖", StringComparison.Ordinal));
        Assert.Contains(reason.StageEvidence, e => e.Quote!.Contains("动力电池", StringComparison.Ordinal));
    }

    [Fact]
    public void A_quote_over_several_sentences_reads_as_its_last_sentence()
    {
        Assert.Equal("…飞鱼动力量产动力电池", new ChainEvidence(EvidenceKind.Relation, "produces 动力电池") { Quote = "飞鱼动力总部位于合肥。飞鱼动力量产动力电池" }.Sentence);
        Assert.Equal("飛魚動力量產動力電池", new ChainEvidence(EvidenceKind.Relation, "produces 动力电池") { Quote = "飛魚動力量產動力電池" }.Sentence);
    }
}
