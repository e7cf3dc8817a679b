using System.Text.Json;
using Anvil.Analytics.Tests.Support;

namespace Anvil.Analytics.Tests.Chains;

/// <summary><c>anvil chains why CITY STAGE</c> as a user runs it, against the made-up company of <c>sites/</c>.</summary>
public sealed class ChainsWhyCliTests : IClassFixture<SiteTests.Kb>
{
    private readonly TestKnowledgeBase _kb;

    public ChainsWhyCliTests(SiteTests.Kb kb)
    {
        _kb = kb.Base;
    }

    [Fact]
    public void Why_shows_the_sentence_that_places_the_work_in_the_city()
    {
        var result = _kb.Cli("chains", "why", "南昌市", "电机", "--no-lexicon");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("南昌 makes 新能源汽车/电机: 飞鱼动力", result.Stdout);
        Assert.Contains("the statement places the work in 南昌", result.Stdout);
        Assert.Contains("「飞鱼动力南昌工厂生产驱动电机」 (feiyu-sites [", result.Stdout);
    }

    [Fact]
    public void Why_not_names_the_cities_the_work_counts_in()
    {
        var result = _kb.Cli("chains", "why", "蕪湖", "動力電池", "--no-lexicon");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("芜湖 does not make 新能源汽车/电池", result.Stdout);
        Assert.Contains("it counts in 合肥", result.Stdout);
        Assert.Contains("「飞鱼动力量产动力电池」", result.Stdout);
    }

    [Fact]
    public void Why_as_jsonl_has_a_row_per_statement_with_its_basis()
    {
        var result = _kb.Cli("chains", "why", "合肥", "电池", "--no-lexicon", "--format", "jsonl");

        Assert.Equal(0, result.ExitCode);
        var row = Assert.Single(result.Lines.Select(l => JsonDocument.Parse(l).RootElement));
        Assert.Equal(("飞鱼动力", "yes", "home"), (row.GetProperty("company").GetString(), row.GetProperty("counts").GetString(), row.GetProperty("basis").GetString()));
        Assert.Equal("feiyu-sites", row.GetProperty("evidence_doc").GetString());
        Assert.Equal("relation", row.GetProperty("city_evidence_kind").GetString());
    }

    [Fact]
    public void Why_an_unknown_stage_is_an_error_with_its_code()
    {
        var result = _kb.Cli("chains", "why", "合肥", "不存在的环节");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("E07", result.Stderr);
    }
}
