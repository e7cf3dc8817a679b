using Anvil.Core.Normalization;
using Anvil.Core.Quantities;

namespace Anvil.Core.Tests.Quantities;

/// <summary>
/// Measures, without a threshold, how many gold facts the recogniser finds inside the gold quote: a
/// mention overlapping the quote with the gold value (signs are the extractor's business: 下降2.7% is
/// found as 2.7), unit and qualifier. A bare 元 (<see cref="QuantityMention.IsCurrencyAssumed"/>) counts
/// for HKD, MOP and TWD too, since the document decides. Printed to the test output.
/// </summary>
public class QuantityGoldCoverageTests
{
    [Fact]
    public void Gold_values_found_inside_the_quote()
    {
        var docs = DevCorpus.All();
        var facts = DevCorpus.Facts(docs);
        var byDoc = docs.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var mentionsByDoc = new Dictionary<string, List<QuantityMention>>(StringComparer.Ordinal);
        int strict = 0, valueOnly = 0, unitless = 0, required = 0, requiredStrict = 0;
        var misses = new List<string>();
        foreach (var fact in facts)
        {
            var doc = byDoc[fact.Doc];
            if (!mentionsByDoc.TryGetValue(doc.Id, out var mentions))
            {
                var view = TextNormalizer.Default.Normalize(doc.Text);
                mentions = QuantityRecognizer.Default.Find(view.Text).Select(m => m with { Span = view.ToOriginal(m.Span) }).ToList();
                mentionsByDoc[doc.Id] = mentions;
            }

            var inside = mentions.Where(m => m.Span.Start < fact.End && fact.Start < m.Span.End).ToList();
            var sameValue = inside.Where(m => SameValue(m.Value, fact.Value)).ToList();
            bool full = sameValue.Any(m => SameUnit(m, fact.Unit) && SameQualifier(m, fact.Qualifier));
            bool bare = !full && sameValue.Any(m => m.Unit.Length == 0 && SameQualifier(m, fact.Qualifier));
            strict += full ? 1 : 0;
            unitless += bare ? 1 : 0;
            valueOnly += sameValue.Count > 0 ? 1 : 0;
            if (!fact.Optional)
            {
                required++;
                requiredStrict += full ? 1 : 0;
            }

            if (!full)
            {
                string got = inside.Count == 0 ? "nothing" : string.Join(" ; ", inside.Select(m =>
                    QuantityCaseTests.Describe(m, doc.Text[m.Span.Start..m.Span.End])));
                misses.Add($"{(fact.Optional ? "(optional) " : "")}{fact.Doc}: {fact.Quote} → gold {fact.Value} {fact.Unit} {fact.Qualifier}; found {got}");
            }
        }

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"gold facts: {facts.Count} ({required} not optional)");
        output?.WriteLine($"value + unit + qualifier inside the quote: {strict}/{facts.Count} = {Percent(strict, facts.Count)}");
        output?.WriteLine($"  non-optional facts only:                 {requiredStrict}/{required} = {Percent(requiredStrict, required)}");
        output?.WriteLine($"  plus numbers written without a unit:     {strict + unitless}/{facts.Count} = {Percent(strict + unitless, facts.Count)}");
        output?.WriteLine($"value alone inside the quote:              {valueOnly}/{facts.Count} = {Percent(valueOnly, facts.Count)}");
        foreach (var miss in misses)
        {
            output?.WriteLine("  miss " + miss);
        }

        Assert.NotEmpty(facts);
    }

    private static bool SameValue(double found, double gold) =>
        Math.Abs(Math.Abs(found) - Math.Abs(gold)) <= 1e-6 * Math.Max(1, Math.Abs(gold));

    private static bool SameUnit(QuantityMention m, string gold) =>
        m.Unit == gold || (m.IsCurrencyAssumed && gold is "HKD" or "MOP" or "TWD");

    private static bool SameQualifier(QuantityMention m, string gold) =>
        string.Equals(m.Qualifier.ToString(), gold, StringComparison.OrdinalIgnoreCase);

    private static string Percent(int a, int b) => b == 0 ? "n/a" : $"{100.0 * a / b:F1}%";
}
