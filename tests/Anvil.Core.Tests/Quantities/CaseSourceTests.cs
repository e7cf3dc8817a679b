using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Quantities;

/// <summary>A case that cites a file of ../shared quotes it verbatim; others say "synthetic".</summary>
public class CaseSourceTests
{
    [Theory]
    [InlineData("Quantities/cases/numbers.tsv")]
    [InlineData("Quantities/cases/units.tsv")]
    [InlineData("Quantities/cases/qualifiers.tsv")]
    [InlineData("Periods/cases/periods.tsv")]
    public void Cited_cases_quote_their_source(string caseFile)
    {
        var shared = SharedFolder.RequireOrSkip();
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in TestData.ReadTsv(caseFile))
        {
            var source = row["source"];
            if (!source.StartsWith("corpus/", StringComparison.Ordinal) && !source.StartsWith("seeds/", StringComparison.Ordinal))
            {
                Assert.StartsWith("synthetic", source, StringComparison.Ordinal);
                continue;
            }

            if (!texts.TryGetValue(source, out var text))
            {
                text = File.ReadAllText(Path.Combine(shared, source));
                texts[source] = text;
            }

            Assert.True(text.Contains(row["text"], StringComparison.Ordinal), $"{caseFile} line {row["line"]}: '{row["text"]}' is not in {source}");
        }
    }
}
