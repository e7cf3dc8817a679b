using Anvil.Core.Documents;

namespace Anvil.Core.Tests.Documents;

public class CoveringSpansTests
{
    [Fact]
    public void A_span_inside_one_of_the_set_is_covered_and_one_reaching_past_it_is_not()
    {
        var set = CoveringSpans.Of([new TextSpan(10, 14), new TextSpan(2, 5)], s => s);
        Assert.True(set.AnyCovers(new TextSpan(2, 5)));
        Assert.True(set.AnyCovers(new TextSpan(11, 13)));
        Assert.False(set.AnyCovers(new TextSpan(4, 6)));
        Assert.False(set.AnyCovers(new TextSpan(1, 3)));
        Assert.False(set.AnyCovers(new TextSpan(6, 8)));
    }

    [Fact]
    public void A_long_span_before_short_ones_still_covers_what_lies_after_them()
    {
        // the spans that start before a name need not end in order: the long one covers, the nearer short one does not
        var set = CoveringSpans.Of([new TextSpan(0, 100), new TextSpan(40, 42)], s => s);
        Assert.True(set.AnyCovers(new TextSpan(50, 60)));
    }

    [Fact]
    public void An_empty_set_covers_nothing()
    {
        Assert.False(CoveringSpans.Of(Array.Empty<TextSpan>(), s => s).AnyCovers(new TextSpan(0, 0)));
    }

    [Fact]
    public void Answers_as_asking_every_span_does()
    {
        var random = new Random(5);
        for (int round = 0; round < 200; round++)
        {
            var spans = new TextSpan[random.Next(0, 12)];
            for (int i = 0; i < spans.Length; i++)
            {
                int start = random.Next(0, 60);
                spans[i] = new TextSpan(start, start + random.Next(0, 20));
            }

            var set = CoveringSpans.Of(spans, s => s);
            for (int q = 0; q < 40; q++)
            {
                int start = random.Next(0, 70);
                var inner = new TextSpan(start, start + random.Next(0, 8));
                Assert.Equal(spans.Any(s => s.Contains(inner)), set.AnyCovers(inner));
            }
        }
    }
}
