using Anvil.Analytics.Tests.Support;
using Anvil.Analytics.Chains;

namespace Anvil.Analytics.Tests.Chains;

/// <summary>
/// Placement, coverage, shock and comparison on a small knowledge base ingested from texts written for these tests
/// (<c>kb/</c>): 星海电池 (Suzhou) makes 动力电池 (a produces relation), 蓝鲸电驱 (Suzhou) makes 电机 and 电控 (text
/// evidence), 云帆汽车 (Hefei) makes 电动汽车 (a relation and a figure's scope); 白鹭充电 comes from a placements file.
/// </summary>
public sealed class ChainAnalysisTests : IClassFixture<ChainAnalysisTests.Kb>
{
    private readonly Kb _kb;

    public ChainAnalysisTests(Kb kb)
    {
        _kb = kb;
    }

    /// <summary>The knowledge base and a placements file, built once for the class.</summary>
    public sealed class Kb : IDisposable
    {
        public Kb()
        {
            Base = TestKnowledgeBase.Small();
            PlacementsFile = Base.Folder.Write("placements.tsv", "company\tstage\tcity\tevidence\n白鹭充电\t充电\t苏州\t2024年报\n");
            Catalog = ChainCatalog.Load(new ChainSources { PlacementFiles = [PlacementsFile] });
            Placements = ChainAnalysis.Place(Base.Store, Catalog);
        }

        public TestKnowledgeBase Base { get; }

        public string PlacementsFile { get; }

        public ChainCatalog Catalog { get; }

        public ChainPlacements Placements { get; }

        public void Dispose() => Base.Dispose();
    }

    private CompanyPlacement Company(string name) =>
        _kb.Placements.Company(name) ?? throw new Xunit.Sdk.XunitException($"{name} is not placed; placed: {string.Join(", ", _kb.Placements.Companies.Select(c => c.Company))}");

    [Fact]
    public void A_produces_relation_places_a_company_with_its_quote()
    {
        var xinghai = Company("星海电池");

        var battery = Assert.Single(xinghai.Stages, s => s.Stage.Key == "nev/battery");
        Assert.Equal(EvidenceKind.Relation, battery.Evidence.Kind);
        Assert.Equal("produces 动力电池", battery.Evidence.Detail);
        Assert.Equal("suzhou-nev", battery.Evidence.Doc);
        Assert.Equal("星海电池量产动力电池", battery.Evidence.Quote);
        var city = Assert.Single(xinghai.Cities);
        Assert.Equal(("苏州", EvidenceKind.Relation, "headquartered_in 苏州"), (city.City, city.Evidence.Kind, city.Evidence.Detail));
    }

    [Fact]
    public void Words_near_the_name_place_a_company_when_no_relation_says_so()
    {
        var lanjing = Company("蓝鲸电驱");

        Assert.Equal(["nev/motor", "nev/control"], lanjing.Stages.Select(s => s.Stage.Key));
        Assert.All(lanjing.Stages, s => Assert.Equal(EvidenceKind.Text, s.Evidence.Kind));
        Assert.StartsWith("蓝鲸电驱的电机", lanjing.Stages[0].Evidence.Quote);
        // 蓝鲸电驱使用进口芯片: a company that uses chips does not make them
        Assert.DoesNotContain(lanjing.Stages, s => s.Stage.Key == "ai/chips");
        // located_in 苏州工业园区: a park of Suzhou
        Assert.Equal("苏州", Assert.Single(lanjing.Cities).City);
    }

    [Fact]
    public void A_figures_scope_places_a_company_too()
    {
        var yunfan = Company("云帆汽车");

        var vehicle = yunfan.Stages.Where(s => s.Stage.Key == "nev/vehicle").ToList();
        Assert.Contains(vehicle, s => s.Evidence.Kind == EvidenceKind.Relation && s.Evidence.Quote == "雲帆汽車推出新款電動汽車");
        Assert.Contains(vehicle, s => s.Evidence.Kind == EvidenceKind.Fact && s.Evidence.Detail == "fact scope 新能源汽车");
        Assert.Equal("合肥", Assert.Single(yunfan.Cities).City);
    }

    [Fact]
    public void Document_evidence_quotes_the_stored_text_at_its_span()
    {
        var texts = _kb.Base.Store.Documents(withText: true).ToDictionary(d => d.Key, d => d.Text);
        var evidence = _kb.Placements.Companies.SelectMany(c => c.Stages.Select(s => s.Evidence).Concat(c.Cities.Select(x => x.Evidence)))
            .Where(e => e.Doc is not null).ToList();

        Assert.NotEmpty(evidence);
        foreach (var e in evidence)
        {
            var codePoints = texts[e.Doc!].EnumerateRunes().Select(r => r.ToString()).ToList();
            Assert.Equal(string.Concat(codePoints.Skip(e.Start!.Value).Take(e.End!.Value - e.Start.Value)), e.Quote);
        }
    }

    [Fact]
    public void A_placements_file_places_companies_the_documents_do_not_name()
    {
        var bailu = Company("白鹭充电");

        var stage = Assert.Single(bailu.Stages);
        Assert.Equal(("nev/charging", EvidenceKind.User, "2024年报", $"{_kb.PlacementsFile}:2"),
            (stage.Stage.Key, stage.Evidence.Kind, stage.Evidence.Detail, stage.Evidence.Origin));
        Assert.Equal("苏州", Assert.Single(bailu.Cities).City);
    }

    [Fact]
    public void Coverage_lists_local_stages_with_their_makers_and_the_weighted_closure()
    {
        var suzhou = Assert.Single(ChainAnalysis.Coverage(_kb.Placements, ["苏州市"]));

        Assert.Equal("新能源汽车", suzhou.Chain.Name);
        Assert.Equal(["电池", "电机", "电控", "充电"], suzhou.Stages.Where(s => s.Covered).Select(s => s.Stage.Name));
        Assert.Equal(["整车"], suzhou.Missing.Select(s => s.Name));
        Assert.Equal(8.0 / 11.0, suzhou.Closure, 9);
        var battery = suzhou.Stages[0].Suppliers.Single();
        Assert.Equal(("星海电池", "苏州"), (battery.Company, battery.City));
        Assert.Equal("suzhou-nev", battery.StageEvidence[0].Doc);
        Assert.Equal("headquartered_in 苏州", battery.CityEvidence[0].Detail);

        var hefei = Assert.Single(ChainAnalysis.Coverage(_kb.Placements, ["合肥"]));
        Assert.Equal(3.0 / 11.0, hefei.Closure, 9);
        Assert.Equal(["合肥", "苏州"], _kb.Placements.Cities);
    }

    [Fact]
    public void Cut_with_no_place_every_city_keeps_only_what_it_makes()
    {
        var report = ChainAnalysis.Shock(_kb.Placements, "电池");

        var hefei = Assert.Single(report.Rows, r => r.City == "合肥");
        Assert.Equal(ShockOutcome.Lost, hefei.Outcome);
        Assert.Equal(["星海电池"], hefei.CutOff.Select(s => s.Company));
        var suzhou = Assert.Single(report.Rows, r => r.City == "苏州");
        Assert.Equal(ShockOutcome.KeptLocally, suzhou.Outcome);
        Assert.Equal("合肥", report.Rows[0].City); // lost first
    }

    [Fact]
    public void Cut_outside_a_region_keeps_the_lines_inside_it_open()
    {
        var inside = ChainAnalysis.Shock(_kb.Placements, "新能源汽车/电池", "长三角");

        var hefei = Assert.Single(inside.Rows, r => r.City == "合肥");
        Assert.Equal(ShockOutcome.KeptInPlace, hefei.Outcome);
        Assert.True(hefei.InsidePlace);
        Assert.Equal([("星海电池", "苏州")], hefei.InPlace.Select(s => (s.Company, s.City)));
        Assert.Equal("长三角", inside.Outside);

        var outsideSuzhou = ChainAnalysis.Shock(_kb.Placements, "电池", "苏州");
        Assert.Equal(ShockOutcome.Lost, Assert.Single(outsideSuzhou.Rows, r => r.City == "合肥").Outcome);
        Assert.Equal(ShockOutcome.KeptLocally, Assert.Single(outsideSuzhou.Rows, r => r.City == "苏州").Outcome);
    }

    [Fact]
    public void Cutting_what_no_chain_has_or_outside_no_known_place_fails_with_a_code()
    {
        Assert.Equal(ChainErrorCodes.UnknownStage, Assert.Throws<ChainDataException>(() => ChainAnalysis.Shock(_kb.Placements, "烤面包")).Code);
        Assert.Equal(ChainErrorCodes.UnknownPlace, Assert.Throws<ChainDataException>(() => ChainAnalysis.Shock(_kb.Placements, "电池", "亚特兰蒂斯")).Code);
    }

    [Fact]
    public void Compare_lines_up_the_cities_chain_by_chain()
    {
        var comparison = ChainAnalysis.CompareCities(_kb.Placements, ["蘇州", "合肥"]);

        Assert.Equal(["苏州", "合肥"], comparison.Cities);
        var nev = Assert.Single(comparison.Chains);
        Assert.Equal(["苏州", "合肥"], nev.Coverage.Select(c => c.City));
        Assert.Equal(["星海电池"], nev.Coverage[0].Stages[0].Suppliers.Select(s => s.Company));
        Assert.Empty(nev.Coverage[1].Stages[0].Suppliers);
        Assert.Equal(["云帆汽车"], nev.Coverage[1].Stages[3].Suppliers.Select(s => s.Company));
    }

    [Fact]
    public void Without_text_evidence_only_relations_facts_and_files_place()
    {
        var placements = ChainAnalysis.Place(_kb.Base.Store, ChainCatalog.Load(new ChainSources { TextEvidence = false }));

        Assert.Empty(placements.Company("蓝鲸电驱")?.Stages ?? []);
        Assert.NotEmpty(placements.Company("星海电池")!.Stages);
    }

    [Fact]
    public void A_lexicon_speaks_only_of_companies_the_knowledge_base_knows()
    {
        using var dir = new TempFolder();
        dir.Write("companies.tsv", "云帆汽车\t充电桩\t合肥\n宁德时代\t动力电池\t宁德\n");

        var placements = ChainAnalysis.Place(_kb.Base.Store, ChainCatalog.Load(new ChainSources { Folder = dir.Path }));

        var charging = Assert.Single(placements.Company("云帆汽车")!.Stages, s => s.Stage.Key == "nev/charging");
        Assert.Equal((EvidenceKind.Lexicon, "lexicon 充电桩"), (charging.Evidence.Kind, charging.Evidence.Detail));
        Assert.Null(placements.Company("宁德时代"));
    }
}
