using System.Globalization;
using Anvil.Core.Documents;
using Anvil.Core.Facts;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Facts;

/// <summary>Runs every row of cases/facts.tsv through the standard pipeline.</summary>
public class FactCaseTests
{
    public static TheoryData<int, string, string, string, string> Cases()
    {
        var data = new TheoryData<int, string, string, string, string>();
        foreach (var row in TestData.ReadTsv("Facts/cases/facts.tsv"))
        {
            data.Add(int.Parse(row["line"], CultureInfo.InvariantCulture), row["text"], row["date"], row["expected"], row["absent"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(int line, string text, string date, string expected, string absent)
    {
        var doc = new Document("case", text, date: DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        var records = PipelineCases.Pipeline.Run(doc).Facts;
        var facts = records.Select(r => r.Fact).ToList();
        string found = string.Join("; ", facts.Select(f => $"{f.Subject}|{f.Kind.ToSpecName()}|{f.Value.ToString(CultureInfo.InvariantCulture)}|{f.Unit}|{f.Period}|{f.Indicator}"));
        foreach (var e in expected.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var p = e.Split('|');
            double value = double.Parse(p[2], CultureInfo.InvariantCulture);
            bool hit = facts.Any(f =>
                (p[0] == "-" || f.Subject == p[0]) && f.Kind.ToSpecName() == p[1] && Math.Abs(f.Value - value) <= 0.005 * Math.Abs(value) + 1e-9 && f.Unit.Code == p[3]
                && (p.Length < 5 || p[4] == "-" || f.Period == p[4])
                && (p.Length < 6 || p[5] == "-" || IndicatorMatches(p[5], f.Indicator) || (f.IndicatorText is { } text && IndicatorMatches(p[5], text))));
            Assert.True(hit, $"line {line}: expected {e}; found {found}");
        }

        foreach (var a in absent.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            double value = double.Parse(a, CultureInfo.InvariantCulture);
            Assert.False(facts.Any(f => Math.Abs(f.Value - value) < 1e-9), $"line {line}: no fact may have value {a}; found {found}");
        }

        foreach (var (span, _) in records)
        {
            Assert.InRange(span.Start, 0, span.End - 1);
            Assert.InRange(span.End, 1, text.Length);
        }
    }

    /// <summary>As the reference scorer compares indicators (one contains the other, the canonical name or the words as written), or exactly when written =X.</summary>
    private static bool IndicatorMatches(string expected, string found) => expected.StartsWith('=')
        ? found == expected[1..]
        : found.Contains(expected, StringComparison.Ordinal) || expected.Contains(found, StringComparison.Ordinal);
}
