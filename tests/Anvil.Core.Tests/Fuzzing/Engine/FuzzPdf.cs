using System.Globalization;
using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Anvil.Core.Tests.Fuzzing;

/// <summary>
/// PDFs to start mutations from. <see cref="Latin"/> goes through PdfPig's own writer (standard-14 fonts write
/// Latin only). <see cref="Cid"/> writes the file by hand with a two-byte font whose ToUnicode map gives any
/// text, Chinese included, and even UTF-16 that is not well formed: a text layer says whatever its map says.
/// </summary>
internal static class FuzzPdf
{
    public static byte[] Latin(IEnumerable<string> lines, string? title = null)
    {
        var builder = new PdfDocumentBuilder();
        if (title is not null)
        {
            builder.DocumentInformation.Title = title;
        }

        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(PageSize.A4);
        double y = 800;
        foreach (var raw in lines)
        {
            string line = new([.. raw.Where(c => c is >= ' ' and <= '~')]);
            if (line.Length == 0)
            {
                continue;
            }

            if (y < 40)
            {
                page = builder.AddPage(PageSize.A4);
                y = 800;
            }

            page.AddText(line, 10, new PdfPoint(40, y), font);
            y -= 14;
        }

        return builder.Build();
    }

    /// <summary>
    /// A one-page PDF whose text layer is <paramref name="text"/> (lines split at '\n'), drawn in a Type0 font
    /// with Identity-H encoding: each distinct UTF-16 unit gets a two-byte code mapped by the ToUnicode CMap.
    /// </summary>
    public static byte[] Cid(string text, string? titleUtf16 = null)
    {
        var codes = new Dictionary<char, int>();
        var content = new StringBuilder("BT /F1 12 Tf 14 TL 40 800 Td\n");
        foreach (var line in text.Split('\n'))
        {
            content.Append('<');
            foreach (char c in line)
            {
                if (c == '\r')
                {
                    continue;
                }

                if (!codes.TryGetValue(c, out int code))
                {
                    code = codes.Count + 1;
                    codes[c] = code;
                }

                content.Append(code.ToString("X4", CultureInfo.InvariantCulture));
            }

            content.Append("> Tj T*\n");
        }

        content.Append("ET\n");

        var cmap = new StringBuilder();
        cmap.Append("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n");
        cmap.Append("/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n");
        cmap.Append("/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n");
        cmap.Append("1 begincodespacerange <0000> <FFFF> endcodespacerange\n");
        foreach (var chunk in codes.Chunk(100))
        {
            cmap.Append(chunk.Length.ToString(CultureInfo.InvariantCulture)).Append(" beginbfchar\n");
            foreach (var (c, code) in chunk)
            {
                cmap.Append('<').Append(code.ToString("X4", CultureInfo.InvariantCulture)).Append("> <")
                    .Append(((int)c).ToString("X4", CultureInfo.InvariantCulture)).Append(">\n");
            }

            cmap.Append("endbfchar\n");
        }

        cmap.Append("endcmap CMapName currentdict /CMap defineresource pop end end\n");

        string? info = titleUtf16 is null ? null : "<< /Title <FEFF" + string.Concat(titleUtf16.Select(c => ((int)c).ToString("X4", CultureInfo.InvariantCulture))) + "> >>";
        return Write(
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type0 /BaseFont /FuzzSans /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
            Stream(content.ToString()),
            "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /FuzzSans /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 8 0 R /DW 1000 /CIDToGIDMap /Identity >>",
            Stream(cmap.ToString()),
            "<< /Type /FontDescriptor /FontName /FuzzSans /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>",
            info ?? "<< >>",
        ], infoObject: 9);
    }

    private static string Stream(string data) =>
        "<< /Length " + Encoding.ASCII.GetByteCount(data).ToString(CultureInfo.InvariantCulture) + " >>\nstream\n" + data + "\nendstream";

    /// <summary>Objects numbered from 1, a cross-reference table with their true offsets, a trailer.</summary>
    private static byte[] Write(string[] objects, int infoObject)
    {
        var pdf = new StringBuilder("%PDF-1.7\n%\u00E2\u00E3\u00CF\u00D3\n");
        var offsets = new List<int>();
        for (int i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append(i + 1).Append(" 0 obj\n").Append(objects[i]).Append("\nendobj\n");
        }

        int xref = pdf.Length;
        pdf.Append("xref\n0 ").Append(objects.Length + 1).Append("\n0000000000 65535 f \n");
        foreach (int offset in offsets)
        {
            pdf.Append(offset.ToString("D10", CultureInfo.InvariantCulture)).Append(" 00000 n \n");
        }

        pdf.Append("trailer\n<< /Size ").Append(objects.Length + 1).Append(" /Root 1 0 R /Info ").Append(infoObject)
            .Append(" 0 R >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString()); // every character above is Latin-1: offsets are byte offsets
    }
}
