using Anvil.Core.Documents;
using Anvil.Core.Pipeline;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Entities;

/// <summary>Runs every row of cases/entities.tsv through the standard pipeline.</summary>
public class EntityCaseTests
{
    private static readonly Lazy<ExtractionPipeline> Pipeline = new(() => AnvilPipeline.Create());

    public static TheoryData<int, string, string, string> Cases()
    {
        var data = new TheoryData<int, string, string, string>();
        foreach (var row in TestData.ReadTsv("Entities/cases/entities.tsv"))
        {
            data.Add(int.Parse(row["line"], System.Globalization.CultureInfo.InvariantCulture), row["text"], row["expected"], row["absent"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case(int line, string text, string expected, string absent)
    {
        var analysis = Pipeline.Value.Run(new Document("case", text));
        var found = analysis.Entities.Select(e => $"{e.Name}:{e.Type.ToString().ToLowerInvariant()}").ToHashSet();
        var names = analysis.Entities.Select(e => e.Name).ToHashSet();
        foreach (var e in expected.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Assert.True(found.Contains(e), $"line {line}: expected {e}; found {string.Join(", ", found)}");
        }

        foreach (var a in absent.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            Assert.False(names.Contains(a), $"line {line}: {a} must not be an entity; found {string.Join(", ", found)}");
        }

        foreach (var m in analysis.Entities)
        {
            Assert.InRange(m.Span.Start, 0, text.Length);
            Assert.InRange(m.Span.End, m.Span.Start + 1, text.Length);
        }
    }
}
