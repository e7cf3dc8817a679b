using Anvil.Analytics.Tests.Support;
using Anvil.Analytics.Chains;
using Anvil.Store.Matching;

namespace Anvil.Analytics.Tests.Chains;

/// <summary>The chain data: built-in templates, lexicon and places, and a user's folder of their own.</summary>
public sealed class ChainDataTests
{
    public static TheoryData<string[]> StageWordCases => CaseFiles.Read("stage-words.tsv");

    public static TheoryData<string[]> PlaceCases => CaseFiles.Read("places.tsv");

    public static TheoryData<string[]> ContainsCases => CaseFiles.Read("contains.tsv");

    private static readonly ChainCatalog BuiltIn = ChainCatalog.BuiltIn;

    [Fact]
    public void The_built_in_chains_have_the_stages_named_in_the_issue()
    {
        string[] Stages(string id) => [.. BuiltIn.Chain(id)!.Stages.Select(s => s.Name)];

        Assert.Equal(["芯片", "算力/云计算", "操作系统", "大模型", "应用/终端"], Stages("人工智能"));
        Assert.Equal(["电池", "电机", "电控", "整车", "充电"], Stages("新能源汽车"));
        Assert.Equal(["激光雷达/传感器", "减速器/伺服", "控制器", "本体", "应用"], Stages("机器人"));
        Assert.Equal(["设计", "制造", "封测", "设备", "材料"], Stages("半导体"));
        Assert.Equal(5, Stages("无人机").Length);
        Assert.All(BuiltIn.Chains, c => Assert.Equal("built-in", c.Source));
    }

    [Fact]
    public void Built_in_words_are_simplified_and_weights_positive()
    {
        foreach (var chain in BuiltIn.Chains)
        {
            Assert.Equal(chain.Stages.Count, chain.Stages.Select(s => s.Id).Distinct().Count());
            foreach (var stage in chain.Stages)
            {
                Assert.True(stage.Weight > 0, $"{chain.Id}/{stage.Id}");
                foreach (var word in stage.Words)
                {
                    Assert.True(Names.Canonical(word) == word, $"{chain.Id}/{stage.Id}: '{word}' is not in Simplified, half-width form ('{Names.Canonical(word)}')");
                }
            }
        }
    }

    [Fact]
    public void Every_product_of_the_built_in_lexicon_places_in_a_stage_and_every_city_is_a_city()
    {
        Assert.NotEmpty(BuiltIn.Lexicon);
        foreach (var entry in BuiltIn.Lexicon)
        {
            foreach (var product in entry.Products)
            {
                Assert.True(BuiltIn.Matcher.Place(product).Count > 0, $"{entry.Origin}: {entry.Company}'s '{product}' places in no stage");
            }

            if (entry.City is { } city)
            {
                Assert.True(BuiltIn.Places.TryCity(city, out _), $"{entry.Origin}: '{city}' is no city");
            }
        }
    }

    [Theory]
    [MemberData(nameof(StageWordCases))]
    public void Stage_words_place_in_the_stages_the_templates_give(string[] row)
    {
        var found = BuiltIn.Matcher.Place(row[0]).SelectMany(m => m.Stages).Select(s => s.Key).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(row[1], string.Join(' ', found) is { Length: > 0 } text ? text : "-");
    }

    [Theory]
    [MemberData(nameof(PlaceCases))]
    public void Place_names_resolve_to_their_city(string[] row) =>
        Assert.Equal(row[1], BuiltIn.Places.Resolve(row[0]));

    [Theory]
    [MemberData(nameof(ContainsCases))]
    public void A_place_holds_its_cities(string[] row) =>
        Assert.Equal(row[2] == "yes", BuiltIn.Places.Contains(row[0], row[1]));

    [Theory]
    [InlineData("电池", "nev/battery")]
    [InlineData("新能源汽车/电池", "nev/battery")]
    [InlineData("nev/battery", "nev/battery")]
    [InlineData("電池", "nev/battery")]
    [InlineData("算力", "ai/compute")]
    [InlineData("人工智能/算力/云计算", "ai/compute")]
    [InlineData("动力电池", "nev/battery")]
    [InlineData("芯片", "ai/chips")]
    [InlineData("设计", "semiconductors/design")]
    [InlineData("应用", "robotics/application")]
    [InlineData("烤面包", "")]
    public void Users_name_stages_by_name_path_or_product_word(string text, string expected) =>
        Assert.Equal(expected, string.Join(' ', BuiltIn.FindStages(text).Select(s => s.Key)));

    [Fact]
    public void A_users_folder_adds_chains_replaces_built_in_ones_and_extends_the_lexicon()
    {
        using var dir = new TempFolder();
        dir.Write("storage.yaml", """
            id: storage
            name: 储能
            stages:
              - id: cells
                name: 电芯
                weight: 2
                words: [储能电芯, 储能电池]
              - id: systems
                name: 系统集成
                words: [储能系统]
            """);
        dir.Write("nev.yaml", """
            id: nev
            name: 新能源汽车
            stages:
              - id: battery
                name: 电池
                weight: 1
                words: [电池]
              - id: vehicle
                name: 整车
                weight: 1
                words: [整车]
            """);
        dir.Write("regions.yaml", "regions:\n  苏锡常: [苏州, 无锡, 常州]\n");
        dir.Write("companies.tsv", "宁德时代\t储能系统\t宁德\n");

        var catalog = ChainCatalog.Load(new ChainSources { Folder = dir.Path });

        var storage = Assert.Single(catalog.Chains, c => c.Id == "storage");
        Assert.Equal(dir.File("storage.yaml"), storage.Source);
        Assert.Equal(1, storage.Stage("systems")!.Weight);
        var nev = Assert.Single(catalog.Chains, c => c.Id == "nev");
        Assert.Equal(["battery", "vehicle"], nev.Stages.Select(s => s.Id));
        Assert.Equal(["storage/cells"], catalog.Matcher.Place("储能电池").SelectMany(m => m.Stages).Select(s => s.Key).Where(k => k.StartsWith("storage")));
        Assert.True(catalog.Places.Contains("苏锡常", "无锡"));
        var catl = Assert.Single(catalog.Lexicon, l => l.Company == "宁德时代");
        Assert.Equal(["储能系统"], catl.Products);
    }

    [Theory]
    [InlineData("bad.yaml", "id: x\nname: 坏\nstages:\n  - id: a\n    name: 甲\n    wieght: 2\n    words: [甲]\n", "E0701", "bad.yaml:6: unknown key 'wieght'")]
    [InlineData("bad.yaml", "id: x\nname: 坏\nstages:\n  - id: a\n    name: 甲\n    weight: -1\n    words: [甲]\n", "E0701", "'weight' must be a number above 0")]
    [InlineData("bad.yaml", "id: x\nname: 坏\nstages:\n  - id: a\n    name: 甲\n", "E0701", "stage 'a' lists no words")]
    [InlineData("notes.yaml", "title: 笔记\n", "E0701", "needs 'stages:'")]
    [InlineData("regions.yaml", "regions: [a, b]\n", "E0703", "'regions' must map each region")]
    [InlineData("placements.tsv", "比亚迪\t烤面包\t深圳\n", "E0702", "no chain has a stage '烤面包'")]
    [InlineData("placements.tsv", "比亚迪\t\t\t\n", "E0702", "give a stage, a city or both")]
    public void Mistakes_in_a_users_folder_name_the_file_and_line(string file, string text, string code, string message)
    {
        using var dir = new TempFolder();
        dir.Write(file, text);

        var e = Assert.Throws<ChainDataException>(() => ChainCatalog.Load(new ChainSources { Folder = dir.Path }));

        Assert.Equal(code, e.Code);
        Assert.Contains(message, e.Message);
        Assert.Contains(file, e.Message);
    }

    [Fact]
    public void Placements_files_read_as_tsv_or_yaml()
    {
        using var dir = new TempFolder();
        var tsv = dir.Write("mine.tsv", "company\tstage\tcity\tevidence\n# a comment\n白鹭充电\t充电\t苏州\t2024年报\n云帆汽车\t\t合肥\t\n");
        var yaml = dir.Write("mine.yaml", "placements:\n  - company: 白鹭充电\n    stages: [新能源汽车/充电, 整车]\n    city: 苏州\n");

        var catalog = ChainCatalog.Load(new ChainSources { PlacementFiles = [tsv, yaml] });

        Assert.Equal(4, catalog.Placements.Count);
        var first = catalog.Placements[0];
        Assert.Equal(("白鹭充电", "nev/charging", "苏州", "2024年报"), (first.Company, first.Stages.Single().Key, first.City, first.Evidence));
        Assert.Equal($"{tsv}:3", first.Origin);
        Assert.Empty(catalog.Placements[1].Stages);
        Assert.Equal(["nev/charging", "nev/vehicle"], catalog.Placements.Skip(2).Select(p => p.Stages.Single().Key));
    }
}
