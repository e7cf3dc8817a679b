using UglyToad.PdfPig;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;

namespace Anvil.Core.Reading;

/// <summary>The text layer of a PDF and the title its metadata gives.</summary>
internal sealed record PdfContent(string Text, string? Title);

/// <summary>
/// Reads a PDF's text layer with PdfPig, page by page in content order, pages joined by a blank line. A PDF whose
/// pages hold no text (scanned images) or that cannot be parsed is refused with a clear reason: OCR is out of scope.
/// </summary>
internal static class PdfTextExtractor
{
    public static PdfContent Extract(byte[] bytes, string file)
    {
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 1024)).IndexOf("%PDF-"u8) < 0)
        {
            throw new DocumentReadException(file, "broken PDF: no %PDF- header in the first 1024 bytes", ReadErrorCodes.BrokenPdf);
        }

        var pages = new List<string>();
        string? title;
        try
        {
            using var pdf = PdfDocument.Open(bytes);
            foreach (var page in pdf.GetPages())
            {
                string text = ContentOrderTextExtractor.GetText(page).Trim();
                if (text.Length > 0)
                {
                    pages.Add(text);
                }
            }

            title = string.IsNullOrWhiteSpace(pdf.Information.Title) ? null : pdf.Information.Title.Trim();
        }
#pragma warning disable CA1031 // PdfPig throws many exception types for damaged files; each is one reason to the user
        catch (Exception e) when (e is not DocumentReadException)
#pragma warning restore CA1031
        {
            // PdfPig sizes arrays by the counts and lengths a file states: a damaged one (a CMap codespace count of
            // 9999999999) asks for an impossible array and gets OutOfMemoryException, with nothing allocated
            string why = e is OutOfMemoryException
                ? "broken PDF (a count or length in it is far too large)"
                : e.GetType().Name.Contains("Encrypt", StringComparison.Ordinal)
                ? "encrypted PDF: it needs a password; save an unencrypted copy"
                : $"broken PDF ({e.Message})";
            throw new DocumentReadException(file, why, ReadErrorCodes.BrokenPdf, e);
        }

        if (pages.Count == 0)
        {
            throw new DocumentReadException(file,
                "PDF without a text layer (scanned pages?); run OCR on it first", ReadErrorCodes.PdfWithoutText);
        }

        return new(string.Join("\n\n", pages), title);
    }
}
