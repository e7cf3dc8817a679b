using System.Globalization;
using System.Text;
using Anvil.Core.Reading;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Reading;

/// <summary>Title, date and id of text and markdown documents; cases in <c>cases/header.tsv</c>.</summary>
public sealed class TextHeaderTests : IDisposable
{
    private const string CaseFile = "Reading/cases/header.tsv";
    private static readonly DocumentReader Reader = new();
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

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
    public void Finds_the_title_and_date_the_text_states(string name)
    {
        var row = TestData.ReadTsv(CaseFile).Single(r => r["case"] == name);
        string input = row["input"].Replace("\\n", "\n", StringComparison.Ordinal).Replace("\\\"", "\"", StringComparison.Ordinal);
        var doc = Reader.Read(Encoding.UTF8.GetBytes(input), "case", "case.md", ReadOptions.Default);
        Assert.Equal(row["title"].Length == 0 ? null : row["title"], doc.Title);
        Assert.Equal(row["date"].Length == 0 ? null : DateOnly.ParseExact(row["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture), doc.Date);
    }

    [Fact]
    public void Callers_date_is_for_documents_that_state_none_unless_forced_and_callers_id_wins()
    {
        string path = _folder.Write("2023-report.txt", "2023-07-28 13:13，正文：正文。"u8.ToArray());
        var doc = Reader.Read(path, new ReadOptions { Date = new DateOnly(2025, 2, 7), Id = "custom" });
        Assert.Equal(new DateOnly(2023, 7, 28), doc.Date);
        Assert.Equal("custom", doc.Id);
        Assert.Equal(new DateOnly(2025, 2, 7), Reader.Read(path, new ReadOptions { Date = new DateOnly(2025, 2, 7), ForceDate = true }).Date);
        string undated = _folder.Write("undated.txt", "正文：正文。"u8.ToArray());
        Assert.Equal(new DateOnly(2025, 2, 7), Reader.Read(undated, new ReadOptions { Date = new DateOnly(2025, 2, 7) }).Date);
    }

    [Fact]
    public void Id_is_the_file_name_without_extension()
    {
        string path = _folder.Write("000_aa59eec68af4f562.txt", "正文。"u8.ToArray());
        var doc = Reader.Read(path, ReadOptions.Default);
        Assert.Equal("000_aa59eec68af4f562", doc.Id);
        Assert.Equal(path, doc.SourcePath);
        Assert.Equal("text", doc.Format);
        Assert.Equal("markdown", Reader.Read(_folder.Write("a.markdown", "正文。"u8.ToArray()), ReadOptions.Default).Format);
    }

    [Theory]
    [InlineData("a.txt", true)]
    [InlineData("dir/a.MD", true)]
    [InlineData("a.markdown", true)]
    [InlineData("a.text", true)]
    [InlineData("a.html", true)]
    [InlineData("a.HTM", true)]
    [InlineData("a.xhtml", true)]
    [InlineData("a.pdf", true)]
    [InlineData("a.docx", false)]
    [InlineData("a.jpg", false)]
    [InlineData("README", false)]
    [InlineData("", false)]
    public void Readable_extensions(string path, bool readable) =>
        Assert.Equal(readable, DocumentReader.IsReadableExtension(path));

    [Fact]
    public void Seed_document_reads_with_its_headline_as_title()
    {
        string seeds = SharedFolder.RequireOrSkip("seeds");
        var doc = Reader.Read(Path.Combine(seeds, "000_aa59eec68af4f562.txt"), ReadOptions.Default);
        Assert.Equal("深圳的「沉默」與淡定", doc.Title);
        Assert.Null(doc.Date); // the seed states none; the caller's --date gives it
    }
}
