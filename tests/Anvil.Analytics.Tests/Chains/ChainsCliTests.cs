using System.Text.Json;
using Anvil.Analytics.Tests.Support;
using Anvil.Cli.Tests;
using Anvil.Core.Tests.Support;
using ClosedXML.Excel;

namespace Anvil.Analytics.Tests.Chains;

/// <summary><c>anvil chains ...</c> as a user runs it: the real CLI, against the small knowledge base of <c>kb/</c>.</summary>
public sealed class ChainsCliTests : IClassFixture<ChainAnalysisTests.Kb>
{
    private readonly TestKnowledgeBase _kb;

    public ChainsCliTests(ChainAnalysisTests.Kb kb)
    {
        _kb = kb.Base;
    }

    private static List<JsonElement> Json(AnvilProcess.Result result) =>
        [.. result.Lines.Select(l => JsonDocument.Parse(l).RootElement)];

    [Fact]
    public void List_shows_every_stage_with_its_weight_and_words()
    {
        var result = AnvilProcess.Run(["chains", "list", "--format", "jsonl"], workingDirectory: _kb.Folder.Path);

        Assert.Equal(0, result.ExitCode);
        var rows = Json(result);
        Assert.Equal(25, rows.Count);
        var chips = Assert.Single(rows, r => r.GetProperty("chain").GetString() == "ai" && r.GetProperty("stage").GetString() == "chips");
        Assert.Equal("stage", chips.GetProperty("type").GetString());
        Assert.Equal(3, chips.GetProperty("weight").GetDouble());
        Assert.Contains("昇腾", chips.GetProperty("words").GetString()!.Split('|'));
    }

    [Fact]
    public void Compare_prints_the_cities_stage_by_stage_with_evidence()
    {
        var result = _kb.Cli("chains", "compare", "苏州", "合肥", "--placements", _kb.Folder.File("placements.tsv"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("苏州 / 合肥", result.Stdout);
        Assert.Contains("closure 73% (4/5 stages)", result.Stdout);
        Assert.Contains("closure 27% (1/5 stages)", result.Stdout);
        Assert.Contains("produces 动力电池 「星海电池量产动力电池」 (suzhou-nev)", result.Stdout);
        Assert.Contains("text 电机 (的) 「蓝鲸电驱的电机」", result.Stdout);
        Assert.Contains("2024年报", result.Stdout);
    }

    [Fact]
    public void Coverage_as_csv_and_xlsx_carries_every_piece_of_evidence()
    {
        Assert.Equal(0, _kb.Cli("chains", "coverage", "苏州", "--format", "csv", "--output", _kb.Folder.File("c.csv")).ExitCode);
        Assert.Equal(0, _kb.Cli("chains", "coverage", "苏州", "--format", "xlsx", "--output", _kb.Folder.File("c.xlsx")).ExitCode);

        Assert.Equal([0xEF, 0xBB, 0xBF], File.ReadAllBytes(_kb.Folder.File("c.csv"))[..3]); // spreadsheets read Chinese right with a BOM
        var lines = File.ReadAllLines(_kb.Folder.File("c.csv"));
        Assert.StartsWith("city,chain,chain_name,closure,stage,stage_name,weight,covered,company,evidence_kind", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("苏州,nev,新能源汽车,", StringComparison.Ordinal) && l.Contains(",battery,电池,3,yes,星海电池,relation,produces 动力电池,suzhou-nev,"));
        Assert.Contains(lines, l => l.Contains(",vehicle,整车,3,no,,"));
        Assert.EndsWith(",city_evidence_origin,basis", lines[0]);
        Assert.Contains(lines, l => l.Contains(",battery,电池,3,yes,星海电池,") && (l.EndsWith(",home", StringComparison.Ordinal) || l.EndsWith(",stated_here", StringComparison.Ordinal)));

        using var workbook = new XLWorkbook(_kb.Folder.File("c.xlsx"));
        var sheet = workbook.Worksheet("coverage");
        Assert.Equal(lines.Length, sheet.RowsUsed().Count());
        Assert.Equal(7.0 / 11.0, sheet.Cell(2, 4).GetDouble(), 9); // 电池, 电机 and 电控 (充电 comes only with the placements file)
    }

    [Fact]
    public void Shock_names_what_each_city_loses()
    {
        var table = _kb.Cli("chains", "shock", "--cut", "电池", "--outside", "苏州");
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("合肥: loses 电池 in 新能源汽车", table.Stdout);
        Assert.Contains("苏州 (inside): keeps 电池 in 新能源汽车", table.Stdout);

        var rows = Json(_kb.Cli("chains", "shock", "--cut", "电池", "--outside", "长三角", "--format", "jsonl"));
        var hefei = Assert.Single(rows, r => r.GetProperty("city").GetString() == "合肥");
        Assert.Equal("kept in place", hefei.GetProperty("outcome").GetString());
        Assert.Equal("星海电池 (苏州)", hefei.GetProperty("in_place").GetString());
    }

    [Theory]
    [InlineData("E0704", "chains", "shock", "--cut", "烤面包")]
    [InlineData("E0706", "chains", "shock", "--cut", "电池", "--outside", "亚特兰蒂斯")]
    [InlineData("E0705", "chains", "coverage", "--chains", "no-such-folder")]
    public void Mistakes_fail_with_a_code(string code, params string[] args)
    {
        var result = _kb.Cli(args);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(code, result.Stderr + result.Stdout);
    }

    [Fact]
    public void An_anvil_chains_folder_in_the_working_folder_is_read_without_an_option()
    {
        using var dir = new TempFolder();
        dir.Write("anvil.chains/storage.yaml", "id: storage\nname: 储能\nstages:\n  - id: cells\n    name: 电芯\n    words: [储能电池]\n");
        dir.Write("anvil.chains/broken.yaml", "id: broken\nname: 坏\nstages: []\n");

        var result = AnvilProcess.Run(["chains", "list", "储能"], workingDirectory: dir.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("E0701", result.Stderr);
        Assert.Contains("broken.yaml:3", result.Stderr);

        File.Delete(dir.File("anvil.chains/broken.yaml"));
        var fixedResult = AnvilProcess.Run(["chains", "list", "储能"], workingDirectory: dir.Path);
        Assert.Equal(0, fixedResult.ExitCode);
        Assert.Contains("储能电池", fixedResult.Stdout);
    }

    [Fact]
    public void On_the_seed_and_the_dev_corpus_compare_and_shock_tell_the_seeds_story()
    {
        using var dir = new TempFolder();
        var db = dir.File("kb.db");
        var ingest = AnvilProcess.Run(["ingest", SharedFolder.RequireOrSkip("seeds"), SharedFolder.RequireOrSkip("corpus/dev"), "--db", db], workingDirectory: dir.Path);
        Assert.Equal(0, ingest.ExitCode);

        var compare = AnvilProcess.Run(["chains", "compare", "深圳", "杭州", "--db", db], workingDirectory: dir.Path);
        Assert.Equal(0, compare.ExitCode);
        foreach (var expected in new[] { "人工智能", "新能源汽车", "比亚迪", "华为", "深度求索", "「比亞迪的「垂直整合」模式里——電池", "produces 鸿蒙系统" })
        {
            Assert.Contains(expected, compare.Stdout);
        }

        var shock = AnvilProcess.Run(["chains", "shock", "--cut", "芯片", "--outside", "深圳", "--db", db], workingDirectory: dir.Path);
        Assert.Equal(0, shock.ExitCode);
        Assert.Contains("杭州: loses 芯片 in 人工智能", shock.Stdout);
        Assert.Contains("深圳 (inside): keeps 芯片 in 人工智能", shock.Stdout);
    }
}
