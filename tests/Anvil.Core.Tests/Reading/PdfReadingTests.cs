using Anvil.Core.Reading;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Anvil.Core.Tests.Reading;

/// <summary>
/// The PDF text layer, through PDFs built at run time. Standard-14 fonts write Latin only, which is enough to test
/// the plumbing (pages, order, joining, metadata); Chinese text layers take the same path.
/// </summary>
public sealed class PdfReadingTests : IDisposable
{
    private static readonly DocumentReader Reader = new();
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A PDF with one page per entry, each page holding the given lines (none: a page without text).</summary>
    internal static byte[] BuildPdf(string[][] pages, string? title = null)
    {
        var builder = new PdfDocumentBuilder();
        if (title is not null)
        {
            builder.DocumentInformation.Title = title;
        }

        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            double y = 760;
            foreach (var line in lines)
            {
                page.AddText(line, 12, new PdfPoint(50, y), font);
                y -= 20;
            }
        }

        return builder.Build();
    }

    [Fact]
    public void Text_layer_pages_joined_by_a_blank_line()
    {
        string path = _folder.Write("report.pdf", BuildPdf([["Annual Report 2023", "Revenue rose 12 percent."], ["Second page text."]]));
        var doc = Reader.Read(path, ReadOptions.Default);
        Assert.Equal("pdf", doc.Format);
        Assert.Equal("report", doc.Id);
        Assert.Contains("Revenue rose 12 percent.", doc.Text, StringComparison.Ordinal);
        Assert.EndsWith("\n\nSecond page text.", doc.Text, StringComparison.Ordinal);
        Assert.True(doc.Text.IndexOf("Annual Report", StringComparison.Ordinal) < doc.Text.IndexOf("Revenue", StringComparison.Ordinal));
    }

    [Fact]
    public void Title_from_metadata_else_first_line()
    {
        var withTitle = Reader.Read(_folder.Write("a.pdf", BuildPdf([["Body text of the report."]], title: "Metadata Title")), ReadOptions.Default);
        Assert.Equal("Metadata Title", withTitle.Title);
        var withoutTitle = Reader.Read(_folder.Write("b.pdf", BuildPdf([["Shenzhen Report", "Body text follows here."]])), ReadOptions.Default);
        Assert.Equal("Shenzhen Report", withoutTitle.Title);
    }

    [Fact]
    public void Pdf_is_recognised_by_its_header_whatever_the_name()
    {
        byte[] pdf = BuildPdf([["Text in a PDF sent on standard input."]]);
        var doc = Reader.Read(pdf, "stdin", null, ReadOptions.Default);
        Assert.Equal("pdf", doc.Format);
        Assert.Contains("standard input", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_stated_near_the_top_wins_over_the_callers_unless_forced()
    {
        string path = _folder.Write("dated.pdf", BuildPdf([["Published 2023/08/15", "Figures follow."]]));
        Assert.Equal(new DateOnly(2023, 8, 15), Reader.Read(path, ReadOptions.Default).Date);
        Assert.Equal(new DateOnly(2023, 8, 15), Reader.Read(path, new ReadOptions { Date = new DateOnly(2024, 1, 2) }).Date);
        Assert.Equal(new DateOnly(2024, 1, 2), Reader.Read(path, new ReadOptions { Date = new DateOnly(2024, 1, 2), ForceDate = true }).Date);
    }
}
