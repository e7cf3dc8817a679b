using Anvil.Core.Facts;
using Anvil.Core.Pipeline;
using Anvil.Store.Matching;

namespace Anvil.Cli.Commands.Store;

/// <summary>The name matcher and the indicator thesaurus for filters, each loaded once on first use.</summary>
internal static class Filters
{
    private static readonly Lazy<NameMatcher> Matcher = new(() => new NameMatcher(AnvilPipeline.BuiltInLexicon));

    /// <summary>
    /// Starts loading the lexicon in the background. The verbs that always name a subject (compare, timeline, entity) call
    /// this first thing, so the loading overlaps reading the command line and opening the knowledge base.
    /// </summary>
    public static void Preload() => _ = Task.Run(() => Matcher.Value);

    private static readonly Lazy<IndicatorVocabulary> Vocabulary = new(() => FactData.LoadBuiltIn().Vocabulary);

    /// <summary>What an indicator's canonical name may be chosen for: every kind of subject, with a money, a count or any unit.</summary>
    private static readonly (IndicatorApplies Subject, IndicatorApplies Unit)[] Readings =
    [
        (IndicatorApplies.Region, IndicatorApplies.Money), (IndicatorApplies.Region, IndicatorApplies.Count), (IndicatorApplies.Region, IndicatorApplies.Any),
        (IndicatorApplies.Country, IndicatorApplies.Money), (IndicatorApplies.Country, IndicatorApplies.Count), (IndicatorApplies.Country, IndicatorApplies.Any),
        (IndicatorApplies.Company, IndicatorApplies.Money), (IndicatorApplies.Company, IndicatorApplies.Count), (IndicatorApplies.Company, IndicatorApplies.Any),
        (IndicatorApplies.Any, IndicatorApplies.Money), (IndicatorApplies.Any, IndicatorApplies.Count), (IndicatorApplies.Any, IndicatorApplies.Any),
    ];

    /// <summary>The folded names a typed subject, scope or indicator may be stored under (any script, any alias).</summary>
    public static IReadOnlyCollection<string>? Expand(string? input) =>
        string.IsNullOrWhiteSpace(input) ? null : Matcher.Value.Expand(input);

    /// <summary>
    /// The folded names a typed indicator may be stored under: as <see cref="Expand"/>, and the canonical names the
    /// thesaurus (facts/indicators.tsv) gives the words for any kind of subject, so GDP finds 地区生产总值 (a place's) and
    /// 国内生产总值 (a country's), 营收 finds 营业收入.
    /// </summary>
    public static IReadOnlyCollection<string>? ExpandIndicator(string? input)
    {
        if (Expand(input) is not { } names)
        {
            return null;
        }

        var all = new List<string>(names);
        string folded = Names.Fold(input!);
        foreach (var words in new[] { folded, folded.ToUpperInvariant() }.Distinct(StringComparer.Ordinal)) // folding lower-cases GDP
        {
            foreach (var (subject, unit) in Readings)
            {
                string canonical = Names.Fold(Vocabulary.Value.Canonical(words, subject, unit));
                if (canonical != Names.Fold(words) && !all.Contains(canonical))
                {
                    all.Add(canonical);
                }
            }
        }

        return all;
    }
}
