using System.Text;
using Anvil.Core.Documents;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Reading;

/// <summary>Runs <c>cases/boilerplate.tsv</c>: each input must get exactly the listed boilerplate, and keep the listed text.</summary>
public class BoilerplateCaseTests
{
    private const string CaseFile = "Reading/cases/boilerplate.tsv";
    private const string Separator = " ¦ ";

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var row in TestData.ReadTsv(CaseFile))
        {
            data.Add(row["case"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Marks_exactly_the_listed_residue(string name)
    {
        var row = TestData.ReadTsv(CaseFile).Single(r => r["case"] == name);
        string input = Unescape(row["input"]);
        var doc = new Document("case", input, boilerplate: BoilerplateMarker.Default.Mark(input));

        var expected = Split(row["boilerplate"]);
        var actual = doc.Boilerplate.Select(doc.Slice).ToList();
        Assert.True(expected.SequenceEqual(actual),
            $"line {row["line"]}: expected [{string.Join(Separator, expected)}] but marked [{string.Join(Separator, actual)}]");

        foreach (var kept in Split(row["kept"]))
        {
            int at = input.IndexOf(kept, StringComparison.Ordinal);
            Assert.True(at >= 0, $"line {row["line"]}: '{kept}' is not in the input");
            var span = new TextSpan(at, at + kept.Length);
            Assert.False(doc.Boilerplate.Any(b => b.Overlaps(span)), $"line {row["line"]}: '{kept}' was marked");
        }
    }

    [Fact]
    public void Every_rule_in_the_data_file_parses()
    {
        var rules = BoilerplateRules.Default;
        Assert.NotEmpty(rules.LineStarts);
        Assert.NotEmpty(rules.ShareTargets);
        Assert.Contains("jpg", rules.ImageExtensions);
        Assert.Throws<FormatException>(() => BoilerplateRules.Parse(["rule\tphrase\tmax_line_chars", "no-such-rule\tx"]));
    }

    private static List<string> Split(string cell) =>
        cell.Length == 0 ? [] : [.. cell.Split(Separator).Select(Unescape)];

    private static string Unescape(string cell)
    {
        var sb = new StringBuilder(cell.Length);
        for (int i = 0; i < cell.Length; i++)
        {
            if (cell[i] == '\\' && i + 1 < cell.Length)
            {
                char next = cell[++i];
                sb.Append(next switch { 'n' => '\n', 'r' => '\r', 't' => '\t', _ => next });
            }
            else
            {
                sb.Append(cell[i]);
            }
        }

        return sb.ToString();
    }
}
