using System.Globalization;
using Anvil.Core.Documents;
using Anvil.Core.Periods;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Periods;

/// <summary>
/// Periods/cases/dates-in-names.tsv: the date a document's name writes (or the last day of its year), and the period
/// the first fact of an undated text in a document of that name takes.
/// </summary>
public class DateInNameTests
{
    public static TheoryData<int, string, string, string, string> Cases
    {
        get
        {
            var data = new TheoryData<int, string, string, string, string>();
            foreach (var row in TestData.ReadTsv("Periods/cases/dates-in-names.tsv"))
            {
                data.Add(int.Parse(row["line"], CultureInfo.InvariantCulture), row["name"], row["date"], row["text"], row["period"]);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Dates_in_names_tsv(int line, string name, string date, string text, string period)
    {
        var read = PeriodComponent.DateInName(name);
        Assert.True((read?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-") == date,
            $"line {line}: the name {name} should give {date}, gives {read}");

        var facts = PipelineCases.Pipeline.Run(new Document(name, text)).Facts;
        Assert.True(facts.Count > 0, $"line {line}: no fact in {text}");
        Assert.True((facts[0].Fact.Period ?? "-") == period, $"line {line}: {text} in {name} should hold in {period}, holds in {facts[0].Fact.Period}");
    }
}
