using Anvil.Core.Documents;
using Anvil.Core.Facts;

namespace Anvil.Core.Tests.Facts;

/// <summary>
/// The lookups the fact components make many times per figure agree with the plain searches they stand in for:
/// whether a stretch holds any word of a list, and which items of a sorted list lie inside a stretch.
/// </summary>
public class FactLookupTests
{
    // a small alphabet of Han characters (and one ASCII letter), so generated words and texts meet often
    private static readonly char[] Alphabet = [.. Enumerable.Range(0, 5).Select(k => (char)(0x4E00 + (k * 37))), 'a'];

    private static string RandomText(Random random, int min, int max)
    {
        var chars = new char[random.Next(min, max + 1)];
        for (int k = 0; k < chars.Length; k++)
        {
            chars[k] = Alphabet[random.Next(Alphabet.Length)];
        }

        return new string(chars);
    }

    [Fact]
    public void WordPresenceAgreesWithSearchingEachWord()
    {
        var random = new Random(11);
        for (int round = 0; round < 200; round++)
        {
            var words = Enumerable.Range(0, random.Next(1, 6)).Select(_ => RandomText(random, 1, 3)).ToList();
            var presence = new WordPresence(words);
            for (int k = 0; k < 20; k++)
            {
                string text = RandomText(random, 0, 12);
                bool expected = words.Any(w => text.Contains(w, StringComparison.Ordinal));
                Assert.Equal(expected, presence.AnyIn(text));
            }
        }
    }

    [Fact]
    public void AnEmptyWordIsInEveryStretch()
    {
        // as text.Contains("") is true: a list with an empty word never rules a stretch out
        var presence = new WordPresence(["", "\u4E00\u4E01"]);
        Assert.True(presence.AnyIn(""));
        Assert.True(presence.AnyIn("a"));
        Assert.False(new WordPresence(["\u4E00\u4E01"]).AnyIn("\u4E01\u4E00"));
    }

    [Fact]
    public void ItemsWithinAreThoseWhoseSpansLieInside()
    {
        var random = new Random(5);
        for (int round = 0; round < 200; round++)
        {
            var spans = Enumerable.Range(0, random.Next(0, 12))
                .Select(_ => random.Next(0, 40))
                .Select(start => new TextSpan(start, start + random.Next(0, 6)))
                .OrderBy(s => s.Start)
                .ToList();
            int from = random.Next(0, 45), to = from + random.Next(0, 20);
            var expected = spans.Where(s => s.Start >= from && s.Start < to && s.End <= to).ToList();

            var within = FactDocument.Within(spans, from, to, s => s);
            var walked = new List<TextSpan>();
            foreach (var s in within)
            {
                walked.Add(s);
            }

            Assert.Equal(expected, walked);
            Assert.Equal(expected, within.ToList());
            Assert.Equal(expected.Count > 0, within.Any());
        }
    }
}
