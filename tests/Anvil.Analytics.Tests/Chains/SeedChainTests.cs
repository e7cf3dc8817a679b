using Anvil.Analytics.Tests.Support;
using Anvil.Analytics.Chains;
using Anvil.Core.Tests.Support;

namespace Anvil.Analytics.Tests.Chains;

/// <summary>
/// The seed article (../shared/seeds; skipped where absent) argues Shenzhen's closed loop against Hangzhou's spear
/// points. With Anvil's lexicon switched off, every placement here comes from the article itself.
/// </summary>
public sealed class SeedChainTests : IClassFixture<SeedChainTests.Seed>
{
    private readonly Seed _seed;

    public SeedChainTests(Seed seed)
    {
        _seed = seed;
    }

    /// <summary>The seed ingested once, if ../shared is there.</summary>
    public sealed class Seed : IDisposable
    {
        private readonly Lazy<(TestKnowledgeBase Kb, ChainPlacements Placements)> _lazy = new(() =>
        {
            var kb = TestKnowledgeBase.Of(SharedFolder.RequireOrSkip("seeds"));
            return (kb, ChainAnalysis.Place(kb.Store, ChainCatalog.Load(new ChainSources { BuiltInLexicon = false })));
        });

        public ChainPlacements Placements
        {
            get
            {
                SharedFolder.RequireOrSkip("seeds");
                return _lazy.Value.Placements;
            }
        }

        public void Dispose()
        {
            if (_lazy.IsValueCreated)
            {
                _lazy.Value.Kb.Dispose();
            }
        }
    }

    [Theory]
    [InlineData("深圳", "新能源汽车/电池", "比亚迪")]
    [InlineData("深圳", "新能源汽车/电机", "比亚迪")]
    [InlineData("深圳", "新能源汽车/电控", "比亚迪")]
    [InlineData("深圳", "人工智能/芯片", "华为")]
    [InlineData("深圳", "人工智能/操作系统", "华为")]
    [InlineData("杭州", "人工智能/大模型", "深度求索")]
    [InlineData("深圳", "机器人/激光雷达/传感器", "速腾聚创")]
    [InlineData("深圳", "无人机/整机", "大疆")]
    [InlineData("杭州", "机器人/本体", "宇树科技")]
    public void The_seed_places_its_companies_with_quotes_from_it(string city, string stage, string company)
    {
        var placements = _seed.Placements;
        var stageRef = Assert.Single(placements.Catalog.FindStages(stage));

        var supplier = Assert.Single(placements.Suppliers(city, stageRef), s => s.Company == company);

        Assert.All(supplier.StageEvidence.Concat(supplier.CityEvidence), e =>
        {
            Assert.Equal("000_aa59eec68af4f562", e.Doc);
            Assert.False(string.IsNullOrEmpty(e.Quote));
        });
    }

    [Fact]
    public void The_closed_loop_sentence_places_byd_in_battery_motor_and_control()
    {
        var byd = _seed.Placements.Company("比亚迪")!;

        foreach (var stage in new[] { "电池", "电机", "电控" })
        {
            Assert.Contains(byd.Stages, s => s.Stage.Stage.Name == stage && s.Evidence.Kind == EvidenceKind.Text
                && s.Evidence.Quote!.StartsWith("比亞迪的「垂直整合」模式里", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Cutting_chips_outside_shenzhen_leaves_hangzhous_ai_without_them()
    {
        var report = ChainAnalysis.Shock(_seed.Placements, "芯片", "深圳");

        Assert.Equal(ShockOutcome.Lost, Assert.Single(report.Rows, r => r.City == "杭州" && r.Chain.Id == "ai").Outcome);
        var shenzhen = Assert.Single(report.Rows, r => r.City == "深圳" && r.Chain.Id == "ai");
        Assert.Equal(ShockOutcome.KeptLocally, shenzhen.Outcome);
        Assert.Contains(shenzhen.Local, s => s.Company == "华为");
    }

    [Fact]
    public void Shenzhen_closes_more_of_the_ai_chain_than_hangzhou()
    {
        var comparison = ChainAnalysis.CompareCities(_seed.Placements, ["深圳", "杭州"]);

        var ai = Assert.Single(comparison.Chains, c => c.Chain.Id == "ai");
        Assert.True(ai.Coverage[0].Closure > ai.Coverage[1].Closure, $"深圳 {ai.Coverage[0].Closure}, 杭州 {ai.Coverage[1].Closure}");
    }
}
