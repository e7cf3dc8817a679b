using System.Globalization;
using Anvil.Core.Documents;
using Anvil.Core.Facts;
using Anvil.Core.Output;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Facts;

/// <summary>
/// One case file per part of the fact extractor (Facts/cases/*.tsv besides facts.tsv): a text, its date, a figure as
/// written in it, and what the fact of that figure must say (<c>field=value</c>, separated by <c>;</c>; <c>-</c> for
/// null), or <c>none</c> when the figure must state no fact. The fact of a figure is the one whose quote ends with it
/// (the n-th such with <c>figure#n</c>).
/// </summary>
public class FactPartCaseTests
{
    private static readonly string[] Parts = ["subjects", "sources", "kinds", "measures", "enumerations", "periods", "units", "statements", "values"];

    public static TheoryData<string, int, string, string, string, string> Cases()
    {
        var data = new TheoryData<string, int, string, string, string, string>();
        foreach (var part in Parts)
        {
            foreach (var row in TestData.ReadTsv($"Facts/cases/{part}.tsv"))
            {
                data.Add(part, int.Parse(row["line"], CultureInfo.InvariantCulture), row["text"], row["date"], row["figure"], row["expected"]);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(string part, int line, string text, string date, string figure, string expected)
    {
        var doc = new Document("case", text.Replace("\\n", "\n", StringComparison.Ordinal),
            date: date == "-" ? null : DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        var facts = PipelineCases.Pipeline.Run(doc).Facts;
        string all = string.Join(" / ", facts.Select(r => Describe(doc, r)));
        int nth = 1;
        if (figure.LastIndexOf('#') is int hash and > 0)
        {
            nth = int.Parse(figure[(hash + 1)..], CultureInfo.InvariantCulture);
            figure = figure[..hash];
        }

        var fact = facts.Where(r => doc.Slice(r.Span).EndsWith(figure, StringComparison.Ordinal)).Skip(nth - 1).FirstOrDefault();
        if (expected == "none")
        {
            Assert.True(fact is null, $"{part}.tsv line {line}: '{figure}' must state no fact; found {all}");
            return;
        }

        Assert.True(fact is not null, $"{part}.tsv line {line}: no fact ends with '{figure}'; found {all}");
        foreach (var pair in expected.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // field!=value: what the field must not be, where the right value is not the rule's to say (核对 + 300万元)
            int eq = pair.IndexOf('=', StringComparison.Ordinal);
            bool not = eq > 0 && pair[eq - 1] == '!';
            string field = pair[..(not ? eq - 1 : eq)], want = pair[(eq + 1)..];
            string? got = Field(fact!.Fact, field);
            if (not)
            {
                Assert.True((got ?? "-") != want, $"{part}.tsv line {line}: '{figure}' {field} must not be {want}; the fact: {Describe(doc, fact)}");
                continue;
            }

            bool same = field is "value" or "value_high" && want != "-"
                ? got is not null && Math.Abs(double.Parse(got, CultureInfo.InvariantCulture) - double.Parse(want, CultureInfo.InvariantCulture)) <= 1e-9 + 0.005 * Math.Abs(double.Parse(want, CultureInfo.InvariantCulture))
                : (got ?? "-") == want;
            Assert.True(same, $"{part}.tsv line {line}: '{figure}' {field} should be {want}, is {got ?? "-"}; the fact: {Describe(doc, fact)}");
        }
    }

    private static string? Field(Fact f, string field) => field switch
    {
        "subject" => f.Subject,
        "scope" => f.Scope,
        "indicator" => f.Indicator,
        "indicator_text" => f.IndicatorText,
        "kind" => f.Kind.ToSpecName(),
        "value" => f.Value.ToString("R", CultureInfo.InvariantCulture),
        "value_high" => f.ValueHigh?.ToString("R", CultureInfo.InvariantCulture),
        "unit" => f.Unit.Code,
        "qualifier" => f.Qualifier.ToSpecName(),
        "period" => f.Period,
        "source" => f.Source,
        "status" => f.Status.ToSpecName(),
        "basis" => f.Basis?.ToSpecName(),
        _ => throw new ArgumentException($"no fact field '{field}'"),
    };

    private static string Describe(Document doc, FactRecord r) =>
        $"[{doc.Slice(r.Span)}] {r.Fact.Subject}|{r.Fact.Scope}|{r.Fact.Indicator}|{r.Fact.Kind.ToSpecName()}|{r.Fact.Value.ToString(CultureInfo.InvariantCulture)}|{r.Fact.Unit}|{r.Fact.Period}|{r.Fact.Source}";
}
