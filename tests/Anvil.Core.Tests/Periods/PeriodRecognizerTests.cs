using Anvil.Core.Documents;
using Anvil.Core.Normalization;
using Anvil.Core.Periods;
using Anvil.Core.Pipeline;
using Anvil.Core.Tests.Quantities;

namespace Anvil.Core.Tests.Periods;

public class PeriodRecognizerTests
{
    [Fact]
    public void Every_span_lies_within_the_text_of_every_dev_document()
    {
        foreach (var doc in DevCorpus.All())
        {
            var view = TextNormalizer.Default.Normalize(doc.Text);
            int previous = -1;
            foreach (var m in PeriodRecognizer.Default.Find(view.Text, doc.Date))
            {
                Assert.True(m.Span.Start >= 0 && m.Span.End <= view.Text.Length && m.Span.Start < m.Span.End, $"{doc.Id}: span {m.Span}");
                Assert.True(m.Span.Start >= previous, $"{doc.Id}: mentions out of order at {m.Span}");
                Assert.True(m.Value is null || PeriodResolver.FirstYear(m.Value) is >= 1000 and <= 2199, $"{doc.Id}: value {m.Value}");
                previous = m.Span.Start;
            }
        }
    }

    [Fact]
    public void Random_text_never_throws_and_spans_stay_inside()
    {
        const string alphabet = "0123456789-/.:年月日号度季上下半首前第今去明同期截至比较一二三四五六七八九十〇两个份旬底末初QH过去的《》，。";
        var random = new Random(20230728);
        var date = new DateOnly(2024, 2, 29);
        for (int round = 0; round < 3000; round++)
        {
            var chars = new char[random.Next(1, 30)];
            for (int k = 0; k < chars.Length; k++)
            {
                chars[k] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            foreach (var m in PeriodRecognizer.Default.Find(text, round % 2 == 0 ? date : null))
            {
                Assert.True(m.Span.Start >= 0 && m.Span.End <= text.Length && m.Span.Start < m.Span.End, $"'{text}': {m.Span}");
            }
        }
    }

    [Fact]
    public void Component_uses_the_document_date_and_maps_spans()
    {
        const string text = "去年營收增長5%";
        var doc = new Document("d", text, date: new DateOnly(2025, 3, 10));
        var analysis = new Analysis(doc) { View = TextNormalizer.Default.Normalize(text) };
        new PeriodComponent().Process(analysis);
        var m = Assert.Single(analysis.Periods);
        Assert.Equal("2024", m.Value);
        Assert.True(m.IsRelative);
        Assert.Equal("去年", text[m.Span.Start..m.Span.End]);
        Assert.Equal(Annotations.View, new PeriodComponent().Requires);
        Assert.Equal(Annotations.Periods, new PeriodComponent().Provides);
    }

    [Fact]
    public void Governing_period_skips_comparison_bases()
    {
        const string text = "上半年，全市服务业增加值增长9.3%，比一季度加快2.4个百分点";
        var periods = PeriodRecognizer.Default.Find(text, new DateOnly(2023, 7, 20));
        int figure = text.IndexOf("2.4", StringComparison.Ordinal);
        Assert.Equal("2023-H1", PeriodResolver.Governing(periods, figure)?.Value);
        Assert.Null(PeriodResolver.Governing(periods, figure, notBefore: text.IndexOf('比', StringComparison.Ordinal)));
    }

    [Fact]
    public void Anchor_year_is_the_nearest_written_year_before_else_the_document_year()
    {
        const string text = "2022年产值2154亿元。去年全年增长。6月产量";
        var date = new DateOnly(2023, 8, 5);
        var periods = PeriodRecognizer.Default.Find(text, date);
        Assert.Equal(2022, PeriodResolver.AnchorYear(periods, text.Length, date));
        Assert.Equal(2023, PeriodResolver.AnchorYear(periods, 0, date));
        Assert.Null(PeriodResolver.AnchorYear([], 0, null));
    }

    [Theory]
    [InlineData("2023-Q2", -1, "2022-Q2")]
    [InlineData("2023-01/2023-07", -1, "2022-01/2022-07")]
    [InlineData("2024-02-29", -1, "2023-02-28")]
    [InlineData("2023", 2, "2025")]
    [InlineData("2023-H1", 0, "2023-H1")]
    public void ShiftYears_moves_every_year(string period, int years, string expected) =>
        Assert.Equal(expected, PeriodResolver.ShiftYears(period, years));
}
