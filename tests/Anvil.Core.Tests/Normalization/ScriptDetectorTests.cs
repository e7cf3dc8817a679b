using Anvil.Core.Documents;
using Anvil.Core.Normalization;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Normalization;

public class ScriptDetectorTests
{
    [Theory]
    [InlineData("深圳的「沉默」與淡定", Script.Hant)]
    [InlineData("深圳的沉默与淡定", Script.Hans)]
    [InlineData("皇后大道中", Script.Hans)]                       // 后 is Traditional too: no evidence, so the default
    [InlineData("2024年GDP增長5.2%", Script.Hant)]
    [InlineData("2024 GDP 5.2%", Script.Hans)]
    [InlineData("", Script.Hans)]
    [InlineData("華為發佈新機。华为发布新机。", Script.Mixed)]
    public void Detects_script_from_script_specific_characters(string text, Script expected) =>
        Assert.Equal(expected, ScriptDetector.Default.Detect(text));

    [Fact]
    public void A_few_characters_of_the_other_script_do_not_make_text_mixed()
    {
        // each quotes one word of the other script: four to one is still one script
        Assert.Equal(Script.Hant, ScriptDetector.Default.Detect("據報道，華為與騰訊、阿里巴巴和小米等企業在深圳設立研發中心，发布"));
        Assert.Equal(Script.Hans, ScriptDetector.Default.Detect("据报道，华为与腾讯、阿里巴巴和小米等企业在深圳设立研发中心，發佈"));
    }

    [Theory]
    [InlineData("恒指收市跌320點，成交額1000億元", Script.Hant)] // 恒 counts as Simplified: three to one
    [InlineData("这份報告说，全市产值增長5%", Script.Hans)]
    [InlineData("華為华为", Script.Hans)]                        // a tie leans to the default
    public void A_mixed_text_leans_to_the_script_with_more_of_its_characters(string text, Script expected)
    {
        Assert.Equal(Script.Mixed, ScriptDetector.Default.Detect(text));
        Assert.Equal(expected, ScriptDetector.Default.Leaning(text));
    }

    [Fact]
    public void Agrees_with_the_dev_corpus_manifest()
    {
        var dir = SharedFolder.RequireOrSkip("corpus/dev");
        var lines = File.ReadAllLines(Path.Combine(dir, "MANIFEST.tsv"));
        var header = lines[0].Split('\t');
        int file = Array.IndexOf(header, "file"), script = Array.IndexOf(header, "script");
        Assert.True(file >= 0 && script >= 0, "MANIFEST.tsv has file and script columns");

        int checkedFiles = 0;
        foreach (var line in lines.Skip(1).Where(l => l.Length > 0))
        {
            var cells = line.Split('\t');
            var expected = Enum.Parse<Script>(cells[script], ignoreCase: true);
            var text = File.ReadAllText(Path.Combine(dir, cells[file]));
            Assert.True(expected == ScriptDetector.Default.Detect(text), $"{cells[file]}: expected {expected}, detected {ScriptDetector.Default.Detect(text)}");
            checkedFiles++;
        }

        Assert.True(checkedFiles > 0);
    }

    [Fact]
    public void The_seed_article_is_Traditional()
    {
        var dir = SharedFolder.RequireOrSkip("seeds");
        foreach (var path in Directory.GetFiles(dir, "*.txt"))
        {
            Assert.Equal(Script.Hant, ScriptDetector.Default.Detect(File.ReadAllText(path)));
        }
    }
}
