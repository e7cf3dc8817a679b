using Anvil.Core.Lexicons;
using Anvil.Core.Normalization;
using Anvil.Data;

namespace Anvil.Core.Tests.Normalization;

/// <summary>
/// The place tables of Anvil.Data <c>places/</c> are well formed, in Simplified script (the form the
/// match view has), and give the short forms the spec's canonical names use.
/// </summary>
public class PlaceDataTests
{
    private static readonly Lazy<List<string[]>> Divisions = new(() => Rows("places/cn-divisions.tsv", 5));

    [Theory]
    [InlineData("广东省", "province", "广东")]
    [InlineData("深圳市", "city", "深圳")]
    [InlineData("内蒙古自治区", "province", "内蒙古")]
    [InlineData("广西壮族自治区", "province", "广西")]
    [InlineData("延边朝鲜族自治州", "city", "延边")]
    [InlineData("香港特别行政区", "province", "香港")]
    [InlineData("坪山区", "district", "坪山")]
    [InlineData("浦东新区", "district", "浦东")]
    [InlineData("吉林市", "city", "")]      // 吉林 is the province
    [InlineData("和平区", "district", "")]  // a word
    public void Divisions_have_their_short_forms(string name, string level, string shortForm)
    {
        var row = Divisions.Value.First(r => r[1] == name && r[2] == level);
        Assert.Equal(shortForm, row[4]);
    }

    [Fact]
    public void Divisions_hang_together()
    {
        var rows = Divisions.Value;
        var codes = rows.Select(r => r[0]).ToHashSet();
        Assert.Equal(rows.Count, codes.Count);
        Assert.All(rows, r =>
        {
            Assert.Contains(r[2], new[] { "province", "city", "district", "region" });
            Assert.True(r[3].Length == 0 ? r[2] == "province" : codes.Contains(r[3]), $"{r[1]}: parent {r[3]}");
            Assert.True(r[4].Length != 1, $"{r[1]}: one-character short form");
            Assert.DoesNotContain(r[1], new[] { "市辖区", "县", "省直辖县级行政区划" });
        });
        Assert.Equal(34, rows.Count(r => r[2] == "province"));
        Assert.Contains(rows, r => r[1] == "台湾省" && r[2] == "province");
        Assert.Contains(rows, r => r[1] == "澳门特别行政区" && r[2] == "province");
    }

    [Fact]
    public void World_names_countries_in_Chinese()
    {
        var rows = Rows("places/world.tsv", 5);
        Assert.True(rows.Count > 200);
        Assert.Equal("美国", rows.Single(r => r[0] == "US")[3]);
        Assert.Equal("日本", rows.Single(r => r[0] == "JP")[3]);
    }

    [Fact]
    public void Regions_are_simplified_and_well_formed()
    {
        var rows = Rows("places/regions.tsv", 4, 5); // the fifth column, context, is optional
        var names = new HashSet<string>();
        foreach (var r in rows)
        {
            Assert.True(names.Add(r[0]), $"regions.tsv: {r[0]} twice");
            Assert.Contains(r[2], new[] { "city", "state", "region", "river", "area" });
            Assert.True(r[3] == "-" || PlaceLevels.Default.LevelOf(r[3]) != PlaceLevel.Unknown, $"regions.tsv: {r[0]} lies in {r[3]}, which is no known place");
            foreach (var name in r[1].Split('|', StringSplitOptions.RemoveEmptyEntries).Prepend(r[0]))
            {
                Assert.Equal(name, TextNormalizer.Default.Normalize(name).Text);
            }
        }

        foreach (var expected in new[] { "硅谷", "华尔街", "长三角", "珠三角", "粤港澳大湾区", "京津冀", "中国台湾", "长江", "华强北", "加州", "得州" })
        {
            Assert.Contains(expected, names);
        }
    }

    [Fact]
    public void Hong_Kong_localities_are_simplified_and_lie_in_Hong_Kong()
    {
        var rows = Rows("places/hk-localities.tsv", 3);
        var hongKong = Divisions.Value.Where(r => r[0] == "81" || r[0].StartsWith("81.", StringComparison.Ordinal)).Select(r => r[1]).ToHashSet();
        var divisionNames = Divisions.Value.Select(r => r[1]).Concat(Divisions.Value.Select(r => r[4])).ToHashSet();
        var names = new HashSet<string>();
        foreach (var r in rows)
        {
            Assert.True(names.Add(r[0]), $"hk-localities.tsv: {r[0]} twice");
            Assert.True(hongKong.Contains(r[2]), $"hk-localities.tsv: {r[0]} lies in {r[2]}, no division of Hong Kong");
            Assert.DoesNotContain(r[0], divisionNames); // a division's name or short form is the division's
            foreach (var name in r[1].Split('|', StringSplitOptions.RemoveEmptyEntries).Prepend(r[0]))
            {
                Assert.Equal(name, TextNormalizer.Default.Normalize(name).Text);
            }
        }
    }

    private static List<string[]> Rows(string path, int columns, int mostColumns = 0)
    {
        var rows = DataFiles.ReadLines(path).Select(l => l.Split('\t')).ToList();
        Assert.All(rows, r => Assert.True(r.Length == columns || r.Length == mostColumns, $"{path}: {columns} columns expected: {string.Join('|', r)}"));
        return rows;
    }
}
