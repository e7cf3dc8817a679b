using Anvil.Core.Documents;

namespace Anvil.Core.Tests.Documents;

public class SpanCoverTests
{
    [Fact]
    public void A_span_is_covered_only_by_a_span_holding_all_of_it()
    {
        // given out of order, one inside another, one ending where the next starts
        var cover = new SpanCover([new TextSpan(10, 20), new TextSpan(0, 5), new TextSpan(12, 14), new TextSpan(20, 30)]);
        Assert.True(cover.AnyContains(new TextSpan(0, 5)));   // the same span
        Assert.True(cover.AnyContains(new TextSpan(12, 14)));
        Assert.True(cover.AnyContains(new TextSpan(15, 20)));  // an end on an end
        Assert.True(cover.AnyContains(new TextSpan(20, 21)));  // a start on a start
        Assert.False(cover.AnyContains(new TextSpan(18, 22))); // across two that touch
        Assert.False(cover.AnyContains(new TextSpan(4, 6)));
        Assert.False(cover.AnyContains(new TextSpan(30, 31)));
        Assert.False(new SpanCover([]).AnyContains(new TextSpan(0, 1)));
    }

    [Fact]
    public void A_long_span_starting_early_still_covers_after_shorter_ones()
    {
        // the furthest end so far counts, not the end of the last span to start
        var cover = new SpanCover([new TextSpan(0, 100), new TextSpan(10, 12), new TextSpan(50, 51)]);
        Assert.True(cover.AnyContains(new TextSpan(60, 90)));
        Assert.False(cover.AnyContains(new TextSpan(60, 101)));
    }

    [Fact]
    public void Answers_as_looking_through_every_span_does()
    {
        var random = new Random(3);
        for (int round = 0; round < 200; round++)
        {
            var spans = new List<TextSpan>();
            for (int k = random.Next(0, 12); k > 0; k--)
            {
                int start = random.Next(0, 40);
                spans.Add(new TextSpan(start, start + random.Next(0, 15)));
            }

            var cover = new SpanCover(spans);
            for (int q = 0; q < 30; q++)
            {
                int start = random.Next(0, 50);
                var span = new TextSpan(start, start + random.Next(0, 10));
                Assert.Equal(spans.Any(s => s.Contains(span)), cover.AnyContains(span));
            }
        }
    }
}
