using Anvil.Core.Lexicons;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Entities;

/// <summary>The word dictionary Anvil ships (words/words.bin): segmentation and the questions names ask of it.</summary>
public class WordDictionaryTests
{
    private static readonly Lazy<WordDictionary> Words = new(WordDictionary.LoadBuiltIn);

    public static TheoryData<int, string, string> Cases()
    {
        var data = new TheoryData<int, string, string>();
        foreach (var row in TestData.ReadTsv("Entities/cases/words.tsv"))
        {
            data.Add(int.Parse(row["line"], System.Globalization.CultureInfo.InvariantCulture), row["text"], row["words"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Segments(int line, string text, string expected)
    {
        var cuts = new int[text.Length + 1];
        int count = Words.Value.Segment(text, cuts);
        var words = Enumerable.Range(0, count - 1).Select(k => text[cuts[k]..cuts[k + 1]]);
        Assert.True(string.Join(' ', words) == expected, $"line {line}: {string.Join(' ', words)}");
    }

    public static TheoryData<int, string, string> ClassCases()
    {
        var data = new TheoryData<int, string, string>();
        foreach (var row in TestData.ReadTsv("Entities/cases/word-classes.tsv"))
        {
            data.Add(int.Parse(row["line"], System.Globalization.CultureInfo.InvariantCulture), row["word"], row["class"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ClassCases))]
    public void WordsHaveTheirClass(int line, string word, string expected)
    {
        var actual = Words.Value.ClassOf(word);
        Assert.True(actual.ToString() == expected, $"line {line}: {word} is {actual}");
    }

    [Fact]
    public void EachCharactersOwnEntryIsReadWithoutHashingAsWithIt()
    {
        // the segmenter's first look at a position is a table by character, built on load: every character, in the
        // dictionary or not, alone or only the start of words, has the entry hashing finds
        var words = Words.Value;
        for (int c = 0; c <= char.MaxValue; c++)
        {
            string one = ((char)c).ToString();
            Assert.Equal(words.Entry(one), words.FirstEntry((char)c));
        }
    }

    [Fact]
    public void NamesThatCutThroughAWordAreTold()
    {
        var words = Words.Value;
        Assert.False(words.KeepsWords("全市上下长治久安", 4, 6)); // 长治
        Assert.False(words.KeepsWords("今年新增示范县", 5, 7));   // 范县
        Assert.True(words.KeepsWords("今年深圳的收入增长", 2, 4)); // 深圳
    }

    [Fact]
    public void OrdinaryWordsAndProperNamesDiffer()
    {
        var words = Words.Value;
        Assert.True(words.IsCommonWord("工厂"));
        Assert.False(words.IsCommonWord("深圳"));
        Assert.True(words.IsProperName("深圳"));
        Assert.False(words.IsCommonWord("农行")); // an abbreviation (jieba's j) names something, as a proper name does
        Assert.True(words.IsCommonWord("交通"));
        Assert.False(words.Contains("某某某某某"));
    }

    [Fact]
    public void TableRoundTripsThroughItsFile()
    {
        using var stream = new MemoryStream();
        Words.Value.Write(stream, "test");
        stream.Position = 0;
        var copy = WordDictionary.Read(stream);
        Assert.Equal(Words.Value.Capacity, copy.Capacity);
        Assert.True(copy.Contains("收入"));
    }
}
