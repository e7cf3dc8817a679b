using Anvil.Core.Reading;

namespace Anvil.Core.Tests.Reading;

public class DateTextTests
{
    [Theory]
    [InlineData("2023-07-28 13:13，正文", "2023-07-28")]
    [InlineData("发布于2023年7月28日", "2023-07-28")]
    [InlineData("2023 年 7 月 8 日", "2023-07-08")]
    [InlineData("2023/07/28", "2023-07-28")]
    [InlineData("2023.7.28", "2023-07-28")]
    [InlineData("2023-08-10T00:30:00+08:00", "2023-08-10")]
    [InlineData("２０２３年７月２８日", "2023-07-28")]
    [InlineData("2023年7月28號", "2023-07-28")]
    [InlineData("產量12023-07-28", null)]
    [InlineData("2023-13-01", null)]
    [InlineData("2023-02-30", null)]
    [InlineData("2023-07/28", null)]
    [InlineData("7月28日", null)]
    [InlineData("2023年7月", null)]
    [InlineData("增長2023.5%", null)]
    public void Finds_full_dates(string text, string? expected) =>
        Assert.Equal(expected, DateText.FindFirst(text)?.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Reports_where_the_date_stands()
    {
        var found = DateText.FindFirst("記者2023年7月28日電");
        Assert.Equal(2, found!.Value.Start);
        Assert.Equal(12, found.Value.End);
    }

    [Theory]
    [InlineData("Thu, 10 Aug 2023 10:00:00 GMT", "2023-08-10")]
    [InlineData("2023-08-10", "2023-08-10")]
    [InlineData("not a date", null)]
    [InlineData("", null)]
    public void Parses_metadata_values(string value, string? expected) =>
        Assert.Equal(expected, DateText.ParseValue(value)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
}
