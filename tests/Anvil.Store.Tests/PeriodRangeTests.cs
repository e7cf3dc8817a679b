using Anvil.Store.Periods;

namespace Anvil.Store.Tests;

public sealed class PeriodRangeTests
{
    public static TheoryData<string[]> Cases => CaseFiles.Read("periods.tsv");

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_period_covers_the_days_it_names(string[] row)
    {
        var (input, form) = (row[0], row[1]);
        bool ok = form == "filter" ? PeriodRange.TryParseFilter(input, out var range) : PeriodRange.TryParse(input, out range);
        if (row[2] == "invalid")
        {
            Assert.False(ok, $"'{input}' should not read as a {form}");
            return;
        }

        Assert.True(ok, $"'{input}' should read as a {form}");
        Assert.Equal((row[2], row[3]), (range.StartText, range.EndText));
    }

    [Fact]
    public void A_half_year_falls_in_its_year_and_not_in_the_year_before()
    {
        Assert.True(PeriodRange.TryParse("2024-H1", out var half));
        Assert.True(PeriodRange.TryParseFilter("2024", out var year));
        Assert.True(PeriodRange.TryParseFilter("2023", out var before));
        Assert.True(half.FallsIn(year));
        Assert.False(half.FallsIn(before));
        Assert.False(year.FallsIn(half));
    }
}
