using Anvil.Core.Documents;
using Anvil.Core.Normalization;
using Anvil.Core.Pipeline;
using Anvil.Core.Quantities;

namespace Anvil.Core.Tests.Quantities;

public class QuantityRecognizerTests
{
    [Fact]
    public void Every_span_lies_within_the_text_of_every_dev_document()
    {
        foreach (var doc in DevCorpus.All())
        {
            var view = TextNormalizer.Default.Normalize(doc.Text);
            var found = QuantityRecognizer.Default.Find(view.Text);
            int previous = -1;
            foreach (var m in found)
            {
                Assert.True(m.Span.Start >= 0 && m.Span.End <= view.Text.Length && m.Span.Start < m.Span.End, $"{doc.Id}: span {m.Span}");
                Assert.True(m.Span.Contains(m.NumberSpan) || m.IsUnitBorrowed || m.NumberSpan.IsEmpty, $"{doc.Id}: number {m.NumberSpan} outside {m.Span}");
                Assert.True(m.UnitSpan.Start >= 0 && m.UnitSpan.End <= view.Text.Length, $"{doc.Id}: unit {m.UnitSpan}");
                Assert.True(m.Span.Start >= previous, $"{doc.Id}: mentions out of order at {m.Span}");
                Assert.False(double.IsNaN(m.Value) || double.IsInfinity(m.Value), $"{doc.Id}: value at {m.Span}");
                previous = m.Span.Start;
            }
        }
    }

    [Fact]
    public void Random_text_never_throws_and_spans_stay_inside()
    {
        const string alphabet = "0123456789,.%/-:一二三四五六七八九十百千万亿两〇零多余几数点分之第前首约超逾近以上左右元亿元家个辆年月日度成倍翻番半《》　，。a G";
        var random = new Random(20240307);
        for (int round = 0; round < 3000; round++)
        {
            var chars = new char[random.Next(1, 40)];
            for (int k = 0; k < chars.Length; k++)
            {
                chars[k] = alphabet[random.Next(alphabet.Length)];
            }

            var text = new string(chars);
            foreach (var m in QuantityRecognizer.Default.Find(text))
            {
                Assert.True(m.Span.Start >= 0 && m.Span.End <= text.Length && m.Span.Start < m.Span.End, $"'{text}': {m.Span}");
            }
        }
    }

    [Fact]
    public void Find_gives_the_same_answers_from_many_threads()
    {
        var docs = DevCorpus.All();
        var expected = docs.Select(d => QuantityRecognizer.Default.Find(d.Text).ToList()).ToList();
        Parallel.For(0, docs.Count * 4, k =>
        {
            int i = k % docs.Count;
            var again = QuantityRecognizer.Default.Find(docs[i].Text);
            Assert.Equal(expected[i], again);
        });
    }

    [Fact]
    public void Component_maps_spans_to_the_original_and_takes_the_unit_text_from_it()
    {
        // a view that is shorter than the original: "深圳市" folded to "深圳" (two characters for three)
        const string original = "深圳市產業規模達3600億元";
        var view = new MatchView("深圳產業規模達3600億元", original.Length,
            starts: [0, 1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13],
            ends: [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
        var analysis = new Analysis(new Document("d", original)) { View = view };
        new QuantityComponent().Process(analysis);
        var m = Assert.Single(analysis.Quantities);
        Assert.Equal("3600億元", original[m.Span.Start..m.Span.End]);
        Assert.Equal("3600", original[m.NumberSpan.Start..m.NumberSpan.End]);
        Assert.Equal("億元", m.UnitText);
        Assert.Equal(3.6e11, m.Value);
        Assert.Equal("CNY", m.Unit);
    }

    [Fact]
    public void Component_skips_boilerplate()
    {
        const string text = "导航 第3页 共100万家\n深圳企业超2800家";
        var doc = new Document("d", text, boilerplate: [new TextSpan(0, text.IndexOf('\n', StringComparison.Ordinal))]);
        var analysis = new Analysis(doc) { View = TextNormalizer.Default.Normalize(text) };
        new QuantityComponent().Process(analysis);
        var m = Assert.Single(analysis.Quantities);
        Assert.Equal("超2800家", text[m.Span.Start..m.Span.End]);
        Assert.Equal(Qualifier.Gt, m.Qualifier);
    }

    [Fact]
    public void Component_declares_what_it_needs_and_adds()
    {
        var component = new QuantityComponent();
        Assert.Equal(Annotations.View, component.Requires);
        Assert.Equal(Annotations.Quantities, component.Provides);
        _ = new ExtractionPipeline([new NormalizerStub(), component]);
    }

    [Fact]
    public void Lexicon_loads_every_data_file()
    {
        var lex = QuantityLexicon.Load();
        Assert.True(lex.Units.Count > 100);
        Assert.True(lex.PreQualifiers.Count > 30);
    }

    [Fact]
    public void Scans_a_large_text_quickly()
    {
        var docs = DevCorpus.All();
        var text = string.Concat(Enumerable.Repeat(string.Concat(docs.Select(d => d.Text)), 5));
        QuantityRecognizer.Default.Find(text); // warm up
        var watch = System.Diagnostics.Stopwatch.StartNew();
        int count = QuantityRecognizer.Default.Find(text).Count;
        watch.Stop();
        double mbPerSecond = System.Text.Encoding.UTF8.GetByteCount(text) / 1e6 / watch.Elapsed.TotalSeconds;
        TestContext.Current.TestOutputHelper?.WriteLine($"quantities: {count} mentions in {text.Length} chars, {watch.ElapsedMilliseconds} ms, {mbPerSecond:F1} MB/s");
        Assert.True(count > 0);
    }

    private sealed class NormalizerStub : IPipelineComponent
    {
        public string Name => "normalizer";

        public Annotations Requires => Annotations.None;

        public Annotations Provides => Annotations.View;

        public void Process(Analysis analysis) => analysis.View = TextNormalizer.Default.Normalize(analysis.Document.Text);
    }
}
