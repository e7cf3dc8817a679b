using Anvil.Core.Documents;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Documents;

public class SentenceTests
{
    public static TheoryData<int, string, string, string> Cases()
    {
        var data = new TheoryData<int, string, string, string>();
        foreach (var row in TestData.ReadTsv("Documents/cases/sentences.tsv"))
        {
            data.Add(int.Parse(row["line"], System.Globalization.CultureInfo.InvariantCulture), row["text"], row["sentences"], row["parts"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sentences_and_parts_end_where_the_marks_say(int line, string text, string sentences, string parts)
    {
        text = text.Replace("\\n", "\n", StringComparison.Ordinal);
        var found = Sentences.Find(text);
        Assert.True(Pieces(sentences).SequenceEqual(found.All.Select(s => text[s.Start..s.End])), $"line {line}: sentences {string.Join("|", found.All.Select(s => text[s.Start..s.End]))}");
        Assert.True(Pieces(parts).SequenceEqual(found.Parts.Select(s => text[s.Start..s.End])), $"line {line}: parts {string.Join("|", found.Parts.Select(s => text[s.Start..s.End]))}");
        foreach (var part in found.Parts)
        {
            Assert.Equal(part, Sentences.PartAround(text, part.Start));
        }
    }

    [Fact]
    public void An_over_long_sentence_is_cut_into_pieces_at_clause_marks()
    {
        string text = string.Concat(Enumerable.Repeat("产值增长百分之五，", 500));
        var found = Sentences.Find(text);
        Assert.True(found.All.Count > 1);
        Assert.All(found.All, s => Assert.True(s.Length <= 2000));
        Assert.Equal(text.Length, found.All.Sum(s => s.Length));
    }

    private static IEnumerable<string> Pieces(string expected) => expected == "-" ? [] : expected.Split('|');
}
