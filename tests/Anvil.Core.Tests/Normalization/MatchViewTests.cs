using Anvil.Core.Documents;
using Anvil.Core.Normalization;

namespace Anvil.Core.Tests.Normalization;

public class MatchViewTests
{
    // "深圳市产业" viewed as "深圳产业": 圳 stands for 圳市, the rest each for the character under it
    private static MatchView Shortened() => new("深圳产业", 5, starts: [0, 1, 3, 4], ends: [1, 3, 4, 5]);

    [Theory]
    [InlineData(0, 1, 0, 1)]
    [InlineData(1, 2, 1, 3)] // the shortened character: its whole key
    [InlineData(2, 4, 3, 5)] // after it: shifted by what it dropped
    [InlineData(0, 4, 0, 5)]
    [InlineData(2, 2, 3, 3)]
    [InlineData(4, 4, 5, 5)]
    public void A_map_given_per_character_maps_view_ranges_back(int start, int end, int originalStart, int originalEnd)
    {
        Assert.Equal(new TextSpan(originalStart, originalEnd), Shortened().ToOriginal(start, end));
    }

    [Theory]
    [InlineData(0, 1, 0, 1)]
    [InlineData(2, 3, 1, 2)] // inside the shortened key: its replacement
    [InlineData(1, 2, 1, 2)]
    [InlineData(3, 5, 2, 4)]
    [InlineData(0, 5, 0, 4)]
    public void A_map_given_per_character_maps_original_ranges_into_the_view(int start, int end, int viewStart, int viewEnd)
    {
        Assert.Equal(new TextSpan(viewStart, viewEnd), Shortened().ToView(new TextSpan(start, end)));
    }
}
