using Anvil.Core.Entities;
using Anvil.Core.Entities.Tagging;
using Anvil.Core.Lexicons;
using Anvil.Core.Normalization;

namespace Anvil.Core.Tests.Entities;

/// <summary>The trained name tagger Anvil ships (entities/name-tagger.bin) and the decoding under it.</summary>
public class NameTaggerTests
{
    private static readonly Lazy<NameTagger> Tagger = new(() =>
        new NameTagger(NameTagger.LoadBuiltInModel(), new NameFeatures(EntityLexicon.LoadBuiltIn(TextNormalizer.Default), EntityPatternData.LoadBuiltIn())));

    [Fact]
    public void ShippedModelNamesItsSourcesAndFitsTheFeatures()
    {
        var model = Tagger.Value.Model;
        Assert.Contains("CLUENER2020", model.Header, StringComparison.Ordinal);
        Assert.Contains("People's Daily", model.Header, StringComparison.Ordinal);
        Assert.InRange(model.FeatureCount, 10_000, 2_000_000);
    }

    [Theory]
    [InlineData("记者王海明报道，南京市政府今天召开会议。", "王海明", NameKind.Person)]
    [InlineData("我们在杭州见到了他。", "杭州", NameKind.Place)]
    public void FindsNamesInPlainSentences(string text, string name, NameKind kind)
    {
        var found = new List<TaggedName>();
        Tagger.Value.Tag(text, 0, found);
        Assert.Contains(found, n => text[n.Start..n.End] == name && n.Kind == kind);
    }

    [Fact]
    public void DecodingKeepsBioOrderAndMasks()
    {
        const int T = NameTags.Count;
        // emissions that favour I-PER everywhere: BIO order makes the first one B-PER
        var emissions = new float[3 * T];
        for (int i = 0; i < 3; i++)
        {
            emissions[(i * T) + NameTags.Inside(NameKind.Person)] = 5;
        }

        var tags = new byte[3];
        Viterbi.Decode(emissions, new float[T * T], new float[T], default, tags);
        Assert.Equal(NameTags.Begin(NameKind.Person), tags[0]);
        Assert.All(tags[1..], t => Assert.Equal(NameTags.Inside(NameKind.Person), t));

        // a mask allowing only O keeps everything outside
        var allowed = Enumerable.Repeat((ushort)1, 3).ToArray();
        Viterbi.Decode(emissions, new float[T * T], new float[T], allowed, tags);
        Assert.All(tags, t => Assert.Equal(NameTags.Outside, t));
    }

    [Fact]
    public void DecodingAgreesWithAPlainScanThatKeepsTheFirstOfEqualScores()
    {
        // small whole-number scores make many previous tags tie; the decode must pick the first of them, as a plain
        // scan over the previous tags does, under masks too (a masked tag scores -infinity)
        const int T = NameTags.Count;
        var random = new Random(17);
        for (int round = 0; round < 300; round++)
        {
            int n = random.Next(1, 30);
            var emissions = Enumerable.Range(0, n * T).Select(_ => (float)random.Next(-3, 4)).ToArray();
            var transitions = Enumerable.Range(0, T * T).Select(_ => (float)random.Next(-3, 4)).ToArray();
            var start = Enumerable.Range(0, T).Select(_ => (float)random.Next(-3, 4)).ToArray();
            var allowed = round % 2 == 0 ? [] : Enumerable.Range(0, n).Select(_ => (ushort)random.Next(1, 1 << T)).ToArray();
            var tags = new byte[n];
            float score = Viterbi.Decode(emissions, transitions, start, allowed, tags);
            var (expectedTags, expectedScore) = PlainDecode(emissions, transitions, start, allowed, n);
            Assert.Equal(expectedScore, score);
            Assert.Equal(expectedTags, tags);
        }
    }

    /// <summary>The decode written as plainly as it can be: for each tag, a scan of the previous tags keeping the first best.</summary>
    private static (byte[] Tags, float Score) PlainDecode(float[] emissions, float[] transitions, float[] start, ushort[] allowed, int n)
    {
        const int T = NameTags.Count;
        var score = new float[n, T];
        var back = new int[n, T];
        for (int t = 0; t < T; t++)
        {
            bool ok = !NameTags.IsInside(t) && (allowed.Length == 0 || (allowed[0] & (1 << t)) != 0);
            score[0, t] = ok ? start[t] + emissions[t] : float.NegativeInfinity;
        }

        for (int i = 1; i < n; i++)
        {
            for (int t = 0; t < T; t++)
            {
                if (allowed.Length > 0 && (allowed[i] & (1 << t)) == 0)
                {
                    score[i, t] = float.NegativeInfinity;
                    continue;
                }

                float best = float.NegativeInfinity;
                int previous = 0;
                if (NameTags.IsInside(t))
                {
                    float sb = score[i - 1, t - 1] + transitions[((t - 1) * T) + t], si = score[i - 1, t] + transitions[(t * T) + t];
                    (best, previous) = sb >= si ? (sb, t - 1) : (si, t);
                }
                else
                {
                    for (int p = 0; p < T; p++)
                    {
                        float s = score[i - 1, p] + transitions[(p * T) + t];
                        if (s > best)
                        {
                            best = s;
                            previous = p;
                        }
                    }
                }

                score[i, t] = best + emissions[(i * T) + t];
                back[i, t] = previous;
            }
        }

        int last = 0;
        for (int t = 1; t < T; t++)
        {
            if (score[n - 1, t] > score[n - 1, last])
            {
                last = t;
            }
        }

        float total = score[n - 1, last];
        var tags = new byte[n];
        for (int i = n - 1; i >= 0; i--)
        {
            tags[i] = (byte)last;
            last = back[i, last];
        }

        return (tags, total);
    }

    [Fact]
    public void MaskedScoreFromTheUnmaskedPrefixIsTheMaskedDecodesScore()
    {
        // random scores and a mask from some character on (a proposed name and the character after it, as the
        // tagger's gaps use): starting from the unmasked decode's forward scores gives the full masked decode's
        // score exactly, not merely nearly
        const int T = NameTags.Count;
        var random = new Random(3);
        for (int round = 0; round < 200; round++)
        {
            int n = random.Next(1, 40);
            var emissions = Enumerable.Range(0, n * T).Select(_ => (float)((random.NextDouble() * 200) - 100)).ToArray();
            var transitions = Enumerable.Range(0, T * T).Select(_ => (float)((random.NextDouble() * 50) - 25)).ToArray();
            var start = Enumerable.Range(0, T).Select(_ => (float)((random.NextDouble() * 50) - 25)).ToArray();
            var tags = new byte[n];
            var forward = new float[n * T];
            Viterbi.Decode(emissions, transitions, start, default, tags, forward);

            int from = random.Next(0, n);
            var allowed = Enumerable.Repeat(ushort.MaxValue, n).ToArray();
            for (int i = from; i < n; i++)
            {
                allowed[i] = (ushort)random.Next(1, 1 << T);
            }

            float masked = Viterbi.Decode(emissions, transitions, start, allowed, tags);
            Assert.Equal(masked, Viterbi.BestScore(emissions, transitions, start, allowed, forward, from));
        }
    }

    [Fact]
    public void ModelRoundTripsThroughItsFile()
    {
        const int T = NameTags.Count;
        ulong[] keys = [(1UL << 56) | 1, (4UL << 56) | '王'];
        var weights = new sbyte[keys.Length * T];
        weights[T + NameTags.Begin(NameKind.Person)] = 100;
        using var stream = new MemoryStream();
        NameTaggerModel.Write(stream, "test", 0.5f, 1f, new float[T * T], new float[T], keys, weights);
        stream.Position = 0;
        var model = NameTaggerModel.Read(stream);
        var emissions = new float[T];
        model.Score([keys[1]], 1, emissions);
        Assert.Equal(50f, emissions[NameTags.Begin(NameKind.Person)]);
        Assert.Equal("test", model.Header);
    }

    [Fact]
    public void DenseAndPairedFeaturesScoreAsTheirWeightsSay()
    {
        // the templates the model keeps out of its hash table: the bias, classes, lexicon and cue marks (a dense table
        // by code), a character pair under its four templates (one line per pair, a role each, some roles missing),
        // and of each kind a key the model lacks; a cue payload too large for the dense table goes to the hash table
        const int T = NameTags.Count;
        var random = new Random(5);
        ulong[] known =
        [
            (1UL << 56) | 0, (12UL << 56) | 0x484, (12UL << 56) | 0x111, (13UL << 56) | 0, (13UL << 56) | 0xFF,
            (15UL << 56) | 0x030201, (15UL << 56) | 0x0D0D0D, (15UL << 56) | 0x100000,
            (7UL << 56) | 0x4E2D_56FD, (8UL << 56) | 0x4E2D_56FD, (10UL << 56) | 0x4E2D_56FD, (9UL << 56) | 0x0002_4E2D,
            (11UL << 56) | 0x4E2D_56FD_4EBA, (4UL << 56) | '中',
        ];
        ulong[] lacking =
        [
            (12UL << 56) | 0x222, (13UL << 56) | 7, (15UL << 56) | 0x000100, (15UL << 56) | 0x200000,
            (9UL << 56) | 0x4E2D_56FD, (7UL << 56) | 0x56FD_4E2D, (11UL << 56) | 0x4EBA_4E2D_56FD, (4UL << 56) | '国',
        ];
        var weights = new sbyte[known.Length * T];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (sbyte)(i % 3 == 0 ? -128 : random.Next(-128, 128));
        }

        using var stream = new MemoryStream();
        NameTaggerModel.Write(stream, "test", 0.5f, 1f, new float[T * T], new float[T], known, weights);
        stream.Position = 0;
        var model = NameTaggerModel.Read(stream);

        var keys = known.Concat(lacking).ToArray();
        var emissions = new float[keys.Length * T];
        model.Score(keys, 1, emissions); // one feature per "character": each row is that feature's weights alone
        for (int k = 0; k < keys.Length; k++)
        {
            for (int t = 0; t < T; t++)
            {
                float expected = k < known.Length ? weights[(k * T) + t] * 0.5f : 0f;
                Assert.Equal(expected, emissions[(k * T) + t]);
            }
        }
    }

    [Theory]
    [InlineData("今年深圳市和杭州市的企业都在增加，广州市也一样。")]
    [InlineData("今年深圳市和杭州市的企業都在增加，廣州市也一樣。")]
    public void FeaturesGivenTheLexiconMatchesOfTheWholeTextAreThoseOfTheClauseAlone(string text)
    {
        // the recogniser walks the lexicon over the whole text and hands each tagged clause its part of the matches:
        // the features must be those the clause alone gives, also where an entry runs past the clause's end (深圳 of 深圳市)
        var features = Tagger.Value.Features;
        var trie = EntityLexicon.LoadBuiltIn(TextNormalizer.Default).Trie;
        var matches = Enumerable.Range(0, text.Length).Select(i => NameFeatures.LongestLexiconMatch(trie, text, i)).ToArray();
        Assert.Contains(matches, m => m.Length >= 3);
        for (int from = 0; from < text.Length; from++)
        {
            for (int to = from + 1; to <= text.Length; to++)
            {
                var alone = new ulong[(to - from) * NameFeatures.PerPosition];
                var given = new ulong[alone.Length];
                features.Extract(text.AsSpan(from, to - from), alone);
                features.Extract(text.AsSpan(from, to - from), given, matches.AsSpan(from, to - from));
                Assert.Equal(alone, given);
            }
        }
    }

    [Theory]
    [InlineData("据悉，华夏星辰科技有限公司董事长林晓峰与市发展改革委的两位官员在Orbit大会上见面。")]
    [InlineData("據悉，華夏星辰科技有限公司董事長林曉峰與市發展改革委的兩位官員在Orbit大會上見面。")]
    [InlineData("2025年第3季度，ABC集团在苏州工业园区的营收为12.5亿元（同比+8%）。")]
    [InlineData("2025年第3季度，ABC集團在蘇州工業園區的營收為12.5億元（同比+8%）。")]
    [InlineData("王")]
    [InlineData("")]
    public void ScoringFromTheTextEqualsScoringTheFeaturesKeys(string text)
    {
        // the tagger scores from what the templates read, without writing the keys: every stretch of the text must get
        // the emissions the keys give, to the last bit, with and without the lexicon matches of the whole text
        const int T = NameTags.Count;
        var tagger = Tagger.Value;
        var trie = EntityLexicon.LoadBuiltIn(TextNormalizer.Default).Trie;
        var matches = Enumerable.Range(0, text.Length).Select(i => NameFeatures.LongestLexiconMatch(trie, text, i)).ToArray();
        for (int from = 0; from < text.Length; from += 3)
        {
            for (int to = from + 1; to <= text.Length; to += 2)
            {
                var stretch = text.AsSpan(from, to - from);
                var keys = new ulong[stretch.Length * NameFeatures.PerPosition];
                tagger.Features.Extract(stretch, keys, matches.AsSpan(from, to - from));
                var fromKeys = new float[stretch.Length * T];
                tagger.Model.Score(keys, NameFeatures.PerPosition, fromKeys);
                var fromText = new float[stretch.Length * T];
                tagger.Features.Score(stretch, tagger.Model, fromText, matches.AsSpan(from, to - from));
                Assert.Equal(fromKeys, fromText);
                tagger.Features.Score(stretch, tagger.Model, fromText);
                Assert.Equal(fromKeys, fromText);
            }
        }
    }

    [Fact]
    public void ScoringALongTextFromItsCharactersEqualsScoringItsKeys()
    {
        // longer than the tagger's stack buffers hold: the lookups come from the pool
        const int T = NameTags.Count;
        var tagger = Tagger.Value;
        string text = string.Concat(Enumerable.Repeat("深圳的李明和Acme公司，台北的陳芳與國家統計局。", 40));
        var keys = new ulong[text.Length * NameFeatures.PerPosition];
        tagger.Features.Extract(text, keys);
        var fromKeys = new float[text.Length * T];
        tagger.Model.Score(keys, NameFeatures.PerPosition, fromKeys);
        var fromText = new float[text.Length * T];
        tagger.Features.Score(text, tagger.Model, fromText);
        Assert.Equal(fromKeys, fromText);
    }

    [Fact]
    public void ScoresAreTheSumsOfTheFeaturesWeights()
    {
        // single characters (templates 2 to 6, a table of their own) and hashed features, weights at both extremes,
        // and a feature the model lacks: every tag's score is the plain sum of the known features' weights, scaled
        const int T = NameTags.Count;
        const int perPosition = NameFeatures.PerPosition;
        var random = new Random(11);
        var keys = new ulong[200];
        for (int k = 0; k < keys.Length; k++)
        {
            ulong template = (ulong)random.Next(1, 16);
            bool character = template is >= 2 and <= 6; // its key is the character alone
            keys[k] = (template << 56) | (ulong)(uint)random.Next(0x4E00, 0x4E00 + 50) | (character ? 0UL : (ulong)(uint)k << 20);
        }

        keys = [.. keys.Distinct()];
        var weights = new sbyte[keys.Length * T];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (sbyte)(i % 7 == 0 ? -128 : i % 5 == 0 ? 127 : random.Next(-128, 128));
        }

        using var stream = new MemoryStream();
        NameTaggerModel.Write(stream, "test", 0.25f, 1f, new float[T * T], new float[T], keys, weights);
        stream.Position = 0;
        var model = NameTaggerModel.Read(stream);

        const int n = 40;
        var features = new ulong[n * perPosition];
        var expected = new int[n * T];
        var known = keys.Select((key, index) => (key, index)).ToDictionary(x => x.key, x => x.index);
        for (int f = 0; f < features.Length; f++)
        {
            ulong key = f % 9 == 0 ? (9UL << 56) | 0xFFFFF : keys[random.Next(keys.Length)];
            features[f] = key;
            if (known.TryGetValue(key, out int index))
            {
                for (int t = 0; t < T; t++)
                {
                    expected[((f / perPosition) * T) + t] += weights[(index * T) + t];
                }
            }
        }

        var emissions = new float[n * T];
        model.Score(features, perPosition, emissions);
        Assert.Equal(expected.Select(sum => sum * 0.25f), emissions);
    }

    [Theory]
    [InlineData("记者从星河云图公司获悉，欧文思与韩雪梅在南湖区签下了合作协议。")]
    [InlineData("記者從星河雲圖公司獲悉，歐文思與韓雪梅在南湖區簽下了合作協議。")]
    [InlineData("Relic工作室的总监马可说，新作将在3月上线。")]
    [InlineData("Relic工作室的總監馬可說，新作將在3月上線。")]
    public void OpensAboveAnswersAsTheOpeningScoreDoes(string text)
    {
        // the shipped model: its pair gains turn most positions away early, and must never turn away one the score passes
        var model = Tagger.Value.Model;
        for (int at = 0; at + 1 < text.Length; at++)
        {
            float score = model.OpeningScore(text, at);
            foreach (float units in new[] { -4f, -1f, 0f, 0.5f, 1f, 2f, 4f })
            {
                float threshold = units * model.ScoreUnit;
                Assert.Equal(score > threshold, model.OpensAbove(text, at, threshold));
            }

            // at the score itself, and just below it: the bound must let the position through to the full score
            Assert.False(model.OpensAbove(text, at, score));
            Assert.True(model.OpensAbove(text, at, MathF.BitDecrement(score)));
        }
    }

    [Fact]
    public void OpensAboveAnswersAsTheOpeningScoreDoesForWeightsAtTheirExtremes()
    {
        // a model of fifty characters, each with rows at every offset and pairs under every role, weights as large and as
        // small as they come: whatever the pairs around a position, the early answer is the score's
        const int T = NameTags.Count;
        var random = new Random(5);
        var keys = new List<ulong>();
        for (uint c = 0x4E00; c < 0x4E00 + 50; c++)
        {
            for (ulong template = 2; template <= 6; template++)
            {
                keys.Add((template << 56) | c);
            }
        }

        for (int p = 0; p < 600; p++)
        {
            uint pair = ((uint)random.Next(0x4E00, 0x4E00 + 50) << 16) | (uint)random.Next(0x4E00, 0x4E00 + 50);
            keys.Add(((ulong)random.Next(7, 11) << 56) | pair);
        }

        keys = [.. keys.Distinct()];
        var weights = new sbyte[keys.Count * T];
        for (int i = 0; i < weights.Length; i++)
        {
            weights[i] = (sbyte)(i % 7 == 0 ? -128 : i % 5 == 0 ? 127 : random.Next(-128, 128));
        }

        using var stream = new MemoryStream();
        NameTaggerModel.Write(stream, "test", 0.25f, 1f, new float[T * T], new float[T], [.. keys], weights);
        stream.Position = 0;
        var model = NameTaggerModel.Read(stream);
        var text = new string([.. Enumerable.Range(0, 400).Select(_ => (char)random.Next(0x4E00, 0x4E00 + 52))]); // two characters the model lacks
        for (int at = 0; at + 1 < text.Length; at++)
        {
            float score = model.OpeningScore(text, at);
            foreach (float threshold in new[] { -200f, -20f, 0f, 20f, 60f, 200f })
            {
                Assert.Equal(score > threshold, model.OpensAbove(text, at, threshold));
            }

            Assert.False(model.OpensAbove(text, at, score));
            Assert.True(model.OpensAbove(text, at, MathF.BitDecrement(score)));
        }
    }
}
