using Anvil.Core.Documents;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Relations;

/// <summary>Runs every row of the relation cases (cases/relations.tsv, positions.tsv, companies.tsv) through the standard pipeline.</summary>
public class RelationCaseTests
{
    public static TheoryData<int, string, string, string> Cases() => PipelineCases.TextCases("Relations/cases/relations.tsv");

    public static TheoryData<int, string, string, string> PositionCases() => PipelineCases.TextCases("Relations/cases/positions.tsv");

    public static TheoryData<int, string, string, string> CompanyCases() => PipelineCases.TextCases("Relations/cases/companies.tsv");

    [Theory]
    [MemberData(nameof(PositionCases))]
    public void Position(int line, string text, string expected, string absent) => Case(line, text, expected, absent);

    [Theory]
    [MemberData(nameof(CompanyCases))]
    public void Company(int line, string text, string expected, string absent) => Case(line, text, expected, absent);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(int line, string text, string expected, string absent)
    {
        var analysis = PipelineCases.Pipeline.Run(new Document("case", text));
        var found = analysis.Relations.Select(r => $"{r.Subject}|{r.Predicate}|{r.Object}").ToHashSet();
        foreach (var e in expected.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Assert.True(found.Contains(e), $"line {line}: expected {e}; found {string.Join(", ", found)}");
        }

        foreach (var a in absent.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Assert.False(found.Contains(a), $"line {line}: {a} must not be found");
        }

        foreach (var r in analysis.Relations)
        {
            Assert.InRange(r.Span.Start, 0, r.Span.End - 1);
            Assert.InRange(r.Span.End, 1, text.Length);
        }
    }
}
