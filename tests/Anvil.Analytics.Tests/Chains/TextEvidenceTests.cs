using Anvil.Analytics.Tests.Support;
using Anvil.Analytics.Chains;
using Anvil.Store.Matching;

namespace Anvil.Analytics.Tests.Chains;

/// <summary>Text evidence: which stage words near a company's name place it (cases in <c>cases/text-evidence.tsv</c>).</summary>
public sealed class TextEvidenceTests
{
    public static TheoryData<string[]> Cases => CaseFiles.Read("text-evidence.tsv");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Stage_words_near_a_company_place_it(string[] row)
    {
        var companies = row[1].Split('|').Select(entry =>
        {
            var parts = entry.Split('=');
            var names = parts.Length > 1 ? parts[1].Split(',').Append(parts[0]) : [parts[0]];
            return (parts[0], names.Select(Names.Fold));
        }).ToList();
        var reader = new TextEvidence(ChainCatalog.BuiltIn.Matcher, ChainCatalog.BuiltIn.Cues, companies, ChainCatalog.BuiltIn.Places);

        var placements = reader.Read("doc", row[0], [], _ => true).ToList();

        var found = string.Join("; ", placements.GroupBy(p => p.Company)
            .Select(g => g.Key + ":" + string.Join(' ', g.Select(p => p.Stage.Key).Distinct().Order(StringComparer.Ordinal))));
        Assert.Equal(row[2], found.Length > 0 ? found : "-");
        foreach (var p in placements)
        {
            // the quote is the original text from the company's name to the stage word
            Assert.Equal(row[0][p.Evidence.Start!.Value..p.Evidence.End!.Value], p.Evidence.Quote);
            Assert.Equal(EvidenceKind.Text, p.Evidence.Kind);
        }
    }

    [Fact]
    public void Names_count_only_in_documents_where_extraction_saw_the_company()
    {
        var reader = new TextEvidence(ChainCatalog.BuiltIn.Matcher, ChainCatalog.BuiltIn.Cues, [("理想", ["理想"])]);

        Assert.Empty(reader.Read("doc", "实现理想的电池", [], _ => false));
        Assert.Single(reader.Read("doc", "实现理想的电池", [], _ => true));
    }

    [Fact]
    public void Spans_count_code_points_and_skip_boilerplate()
    {
        var reader = new TextEvidence(ChainCatalog.BuiltIn.Matcher, ChainCatalog.BuiltIn.Cues, [("华为", ["华为"])]);
        var text = "𠀀𠀀华为的芯片。华为的电池";  // two characters outside the BMP first

        var placements = reader.Read("doc", text, [(8, 13)], _ => true).ToList();

        var chips = Assert.Single(placements, p => p.Stage.Key == "ai/chips");
        Assert.Equal((2, 7), (chips.Evidence.Start, chips.Evidence.End));
        Assert.Equal("华为的芯片", chips.Evidence.Quote);
        Assert.DoesNotContain(placements, p => p.Stage.Key == "nev/battery"); // in the boilerplate span
    }
}
