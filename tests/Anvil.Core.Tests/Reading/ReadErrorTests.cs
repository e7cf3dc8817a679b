using System.Diagnostics;
using System.Text;
using Anvil.Core.Reading;

namespace Anvil.Core.Tests.Reading;

/// <summary>Every bad input gives a <see cref="DocumentReadException"/> naming the file and the reason; nothing else escapes.</summary>
public sealed class ReadErrorTests : IDisposable
{
    private static readonly DocumentReader Reader = new();
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static DocumentReadException Fails(string path, string code, string reasonWords)
    {
        var e = Assert.Throws<DocumentReadException>(() => Reader.Read(path, ReadOptions.Default));
        Assert.Equal(code, e.Code);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(reasonWords, e.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain('\n', e.Message);
        return e;
    }

    [Fact]
    public void Missing_file() =>
        Fails(Path.Combine(_folder.Path, "nothing-here.txt"), ReadErrorCodes.NotFound, "no such file");

    [Fact]
    public void No_file_name()
    {
        var e = Assert.Throws<DocumentReadException>(() => Reader.Read("", ReadOptions.Default));
        Assert.Equal(ReadErrorCodes.NotFound, e.Code);
    }

    [Fact]
    public void Empty_file() =>
        Fails(_folder.Write("empty.txt", []), ReadErrorCodes.Empty, "empty");

    [Fact]
    public void File_of_white_space_only() =>
        Fails(_folder.Write("blank.txt", "  \r\n\t\n"u8.ToArray()), ReadErrorCodes.Empty, "white space");

    [Fact]
    public void Folder_instead_of_file() =>
        Fails(_folder.Path, ReadErrorCodes.Unreadable, "folder");

    [Fact]
    public void Hundred_megabyte_file_is_refused_before_reading()
    {
        string path = Path.Combine(_folder.Path, "huge.txt");
        using (var stream = File.Create(path))
        {
            stream.SetLength(100L * 1024 * 1024); // sparse: no 100 MB written to disk
        }

        var clock = Stopwatch.StartNew();
        var e = Fails(path, ReadErrorCodes.TooLarge, "too large");
        Assert.True(clock.ElapsedMilliseconds < 1000, $"took {clock.ElapsedMilliseconds} ms");
        Assert.Contains("100 MiB", e.Message, StringComparison.Ordinal);
        Assert.Contains("64 MiB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Size_limit_is_the_callers()
    {
        string path = _folder.Write("small.txt", Encoding.UTF8.GetBytes(new string('字', 100)));
        var e = Assert.Throws<DocumentReadException>(() => Reader.Read(path, new ReadOptions { MaxBytes = 100 }));
        Assert.Equal(ReadErrorCodes.TooLarge, e.Code);
    }

    [Fact]
    public void Stream_over_the_limit_is_refused()
    {
        using var stream = new MemoryStream(new byte[300_000]);
        var e = Assert.Throws<DocumentReadException>(() => Reader.Read(stream, "stdin", null, new ReadOptions { MaxBytes = 100_000 }));
        Assert.Equal(ReadErrorCodes.TooLarge, e.Code);
        Assert.Contains("stdin", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Binary_with_nul_bytes()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
        Fails(_folder.Write("image.txt", png), ReadErrorCodes.Binary, "binary");
    }

    [Fact]
    public void Binary_with_control_bytes_and_no_nul()
    {
        var bytes = Enumerable.Range(0, 400).Select(i => (byte)(i % 3 == 0 ? 0x01 + (i % 7) : 0x41 + (i % 20))).ToArray();
        Fails(_folder.Write("data.md", bytes), ReadErrorCodes.Binary, "control bytes");
    }

    [Fact]
    public void Truncated_utf8()
    {
        byte[] bytes = Encoding.UTF8.GetBytes("上半年全市地区生产总值同比增长，新能源汽车产量继续保持两位数增长。");
        Fails(_folder.Write("cut.txt", bytes[..^1]), ReadErrorCodes.InvalidUtf8, "truncated");
    }

    [Fact]
    public void Utf8_with_a_bad_byte_inside()
    {
        byte[] good = Encoding.UTF8.GetBytes("上半年全市地区生产总值同比增长，新能源汽车产量继续保持两位数增长。");
        byte[] bytes = [.. good[..12], 0xFF, .. good[12..]];
        var e = Fails(_folder.Write("bad.txt", bytes), ReadErrorCodes.InvalidUtf8, "invalid UTF-8");
        Assert.Contains("offset 12", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Utf8_bom_followed_by_invalid_utf8()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("上半年全市地区生产总值")[..^2]];
        Fails(_folder.Write("bom.txt", bytes), ReadErrorCodes.InvalidUtf8, "invalid UTF-8");
    }

    [Fact]
    public void Bytes_in_no_supported_encoding()
    {
        // Latin-1 French: not UTF-8, and its high bytes are followed by ASCII, which neither GB18030 nor Big5 allows.
        byte[] latin1 = Encoding.Latin1.GetBytes("Le café résumé est prêt à être lu, naïve idée. ");
        Fails(_folder.Write("latin1.txt", latin1), ReadErrorCodes.Undecodable, "undecodable");
    }

    [Fact]
    public void Utf16_with_odd_byte_count()
    {
        byte[] bytes = [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("深圳"), 0x41];
        Fails(_folder.Write("odd.txt", bytes), ReadErrorCodes.Undecodable, "truncated UTF-16");
    }

    [Fact]
    public void Broken_pdf() =>
        Fails(_folder.Write("broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >>\nthis is not a pdf"u8.ToArray()),
            ReadErrorCodes.BrokenPdf, "broken PDF");

    [Fact]
    public void Pdf_extension_without_pdf_header() =>
        Fails(_folder.Write("fake.pdf", "plain words, not a PDF"u8.ToArray()), ReadErrorCodes.BrokenPdf, "no %PDF- header");

    [Fact]
    public void Pdf_without_text_layer() =>
        Fails(_folder.Write("scan.pdf", PdfReadingTests.BuildPdf([[]])), ReadErrorCodes.PdfWithoutText, "without a text layer");

    [Fact]
    public void Truncated_pdf()
    {
        byte[] pdf = PdfReadingTests.BuildPdf([["Revenue rose 12 percent in 2023."]]);
        Fails(_folder.Write("half.pdf", pdf[..(pdf.Length / 3)]), ReadErrorCodes.BrokenPdf, "PDF");
    }

    [Fact]
    public void Html_without_text() =>
        Fails(_folder.Write("empty.html", "<html><head><title></title><script>var a = 1;</script></head><body> </body></html>"u8.ToArray()),
            ReadErrorCodes.HtmlWithoutText, "without readable text");

    [Fact]
    public void Bytes_read_from_standard_input_are_named_in_errors()
    {
        var e = Assert.Throws<DocumentReadException>(() => Reader.Read(ReadOnlySpan<byte>.Empty, "stdin", null, ReadOptions.Default));
        Assert.Equal(ReadErrorCodes.Empty, e.Code);
        Assert.StartsWith("stdin: empty", e.Message, StringComparison.Ordinal);
    }
}
