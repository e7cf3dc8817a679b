using Anvil.Web.Features.Entities;
using Entities = Anvil.Web.Features.Entities.Entities;

namespace Anvil.Web.Tests;

public class SeriesTests
{
    private static SeriesPoint Point(string year, double value, long id) =>
        new(year, $"{year}-01-01", $"{year}-12-31", value, "eq", null, id, "doc", $"{value}", null, "yearly");

    [Fact]
    public void A_period_stated_by_many_sources_keeps_a_few_points_in_order()
    {
        var points = Enumerable.Range(1, 12).Select(i => Point("2023", i, i))
            .Append(Point("2024", 40, 100)).Append(Point("2024", 41, 101)).ToList();

        var kept = Entities.PointsPerPeriod(points);

        Assert.Equal(Entities.MaxPointsPerPeriod + 2, kept.Count);
        Assert.Equal([1, 2, 3, 4, 5], kept.Where(p => p.Label == "2023").Select(p => p.FactId));
        Assert.Equal([100, 101], kept.Where(p => p.Label == "2024").Select(p => p.FactId));
    }
}
