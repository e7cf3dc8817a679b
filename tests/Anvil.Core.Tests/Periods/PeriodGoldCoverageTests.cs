using Anvil.Core.Documents;
using Anvil.Core.Normalization;
using Anvil.Core.Periods;
using Anvil.Core.Tests.Quantities;

namespace Anvil.Core.Tests.Periods;

/// <summary>
/// Measures, without a threshold, how many gold facts' periods the recogniser provides: (a) among the
/// periods stated in the sentence around the quote, (b) as the governing period an extractor would take
/// (<see cref="PeriodResolver.Governing(IReadOnlyList{PeriodMention}, int, string)"/>: the nearest
/// non-comparison mention before the figure, carried across sentences). Printed to the test output.
/// </summary>
public class PeriodGoldCoverageTests
{
    [Fact]
    public void Gold_periods_found_around_the_quote()
    {
        var docs = DevCorpus.All();
        var facts = DevCorpus.Facts(docs).Where(f => f.Period is not null).ToList();
        var byDoc = docs.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var periodsByDoc = new Dictionary<string, IReadOnlyList<PeriodMention>>(StringComparer.Ordinal);
        int inSentence = 0, governing = 0, required = 0, requiredGoverning = 0;
        var misses = new List<string>();
        foreach (var fact in facts)
        {
            var doc = byDoc[fact.Doc];
            if (!periodsByDoc.TryGetValue(doc.Id, out var periods))
            {
                var view = TextNormalizer.Default.Normalize(doc.Text);
                periods = PeriodRecognizer.Default.Find(view.Text, doc.Date)
                    .Select(m => m with { Span = view.ToOriginal(m.Span) }).ToList();
                periodsByDoc[doc.Id] = periods;
            }

            var sentence = Sentences.PartAround(doc.Text, fact.Start);
            int sentenceEnd = Math.Max(sentence.End, fact.End);
            bool any = periods.Any(p => p.Span.Start >= sentence.Start && p.Span.Start < sentenceEnd && p.Value == fact.Period);
            var gov = PeriodResolver.Governing(periods, fact.End, doc.Text);
            bool ok = gov?.Value == fact.Period;
            inSentence += any ? 1 : 0;
            governing += ok ? 1 : 0;
            if (!fact.Optional)
            {
                required++;
                requiredGoverning += ok ? 1 : 0;
            }

            if (!ok)
            {
                misses.Add($"{fact.Doc}: {fact.Quote} → gold {fact.Period}, governing {gov?.Value ?? "none"}");
            }
        }

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"gold facts with a period: {facts.Count}");
        output?.WriteLine($"period stated in the quote's sentence:       {inSentence}/{facts.Count} = {Percent(inSentence, facts.Count)}");
        output?.WriteLine($"governing period (nearest, carried across):  {governing}/{facts.Count} = {Percent(governing, facts.Count)}");
        output?.WriteLine($"  non-optional facts only:                   {requiredGoverning}/{required} = {Percent(requiredGoverning, required)}");
        foreach (var miss in misses)
        {
            output?.WriteLine("  miss " + miss);
        }

        Assert.NotEmpty(facts);
    }

    private static string Percent(int a, int b) => b == 0 ? "n/a" : $"{100.0 * a / b:F1}%";
}
