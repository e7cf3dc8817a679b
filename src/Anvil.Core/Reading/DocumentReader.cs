using Anvil.Core.Documents;

namespace Anvil.Core.Reading;

/// <summary>
/// Reads a file (or bytes from standard input) into a <see cref="Document"/>: decodes text from whatever encoding
/// the bytes are in (UTF-8, UTF-16 with BOM, GB18030/GBK, Big5), extracts the main text of HTML pages and the
/// text layer of PDFs, marks boilerplate, and finds the title and publication date. Every failure is a
/// <see cref="DocumentReadException"/> with a stable code and a one-line message naming the file; nothing else
/// escapes, so a caller reading many files can report each and go on. Thread-safe.
/// </summary>
public sealed class DocumentReader
{
    public const string TextFormat = "text";
    public const string MarkdownFormat = "markdown";
    public const string HtmlFormat = "html";
    public const string PdfFormat = "pdf";

    private static readonly Dictionary<string, string> FormatByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".txt"] = TextFormat,
        [".text"] = TextFormat,
        [".md"] = MarkdownFormat,
        [".markdown"] = MarkdownFormat,
        [".html"] = HtmlFormat,
        [".htm"] = HtmlFormat,
        [".xhtml"] = HtmlFormat,
        [".pdf"] = PdfFormat,
    };

    private readonly BoilerplateMarker _marker;

    public DocumentReader()
        : this(BoilerplateMarker.Default)
    {
    }

    public DocumentReader(BoilerplateMarker marker)
    {
        _marker = marker;
    }

    /// <summary>True for the extensions a folder walk should pick up: .txt .md .markdown .text .html .htm .xhtml .pdf.</summary>
    public static bool IsReadableExtension(string path) =>
        !string.IsNullOrEmpty(path) && FormatByExtension.ContainsKey(Path.GetExtension(path));

    /// <summary>Reads a file. The id is the file name without its extension unless <see cref="ReadOptions.Id"/> is set.</summary>
    public Document Read(string path, ReadOptions? options = null)
    {
        options ??= ReadOptions.Default;
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new DocumentReadException("(no file name)", "no file name given", ReadErrorCodes.NotFound);
        }

        string file = path;
        try
        {
            if (Directory.Exists(path))
            {
                throw new DocumentReadException(file, "is a folder, not a file", ReadErrorCodes.Unreadable);
            }

            var info = new FileInfo(path);
            if (!info.Exists)
            {
                throw new DocumentReadException(file, "no such file", ReadErrorCodes.NotFound);
            }

            // Checked before reading a byte, so a huge file is refused at once.
            CheckSize(info.Length, options, file);
            string id = options.Id ?? Path.GetFileNameWithoutExtension(path);
            return ReadFile(path, bytes => ReadCore(bytes, id, Path.GetFileName(path), path, file, options));
        }
        catch (Exception e) when (e is not DocumentReadException)
        {
            throw Wrap(e, file);
        }
    }

    /// <summary>
    /// Reads bytes already in memory (standard input). <paramref name="fileNameForFormat"/> picks the format by
    /// its extension (null: sniffed from the bytes); it also names the input in error messages.
    /// </summary>
    public Document Read(ReadOnlySpan<byte> bytes, string id, string? fileNameForFormat, ReadOptions? options = null)
    {
        options ??= ReadOptions.Default;
        string file = fileNameForFormat ?? id;
        try
        {
            CheckSize(bytes.Length, options, file);
            return ReadCore(bytes, options.Id ?? id, fileNameForFormat, sourcePath: null, file, options);
        }
        catch (Exception e) when (e is not DocumentReadException)
        {
            throw Wrap(e, file);
        }
    }

    private delegate Document FromBytes(ReadOnlySpan<byte> bytes);

    /// <summary>
    /// The file's bytes in a pooled buffer, given back once <paramref name="read"/> has made its document (which keeps
    /// only text): a new array for every file was about a third of what reading allocated. A file whose length the
    /// system does not know ahead (it says 0) is read to its end as before.
    /// </summary>
    private static Document ReadFile(string path, FromBytes read)
    {
        using var handle = File.OpenHandle(path);
        long length = RandomAccess.GetLength(handle);
        if (length == 0 || length > Array.MaxLength)
        {
            return read(File.ReadAllBytes(path));
        }

        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            int filled = 0;
            for (int n; filled < length && (n = RandomAccess.Read(handle, buffer.AsSpan(filled, (int)length - filled), filled)) > 0;)
            {
                filled += n;
            }

            return read(buffer.AsSpan(0, filled));
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads a stream to its end (standard input), refusing it once it passes the size limit.</summary>
    public Document Read(Stream stream, string id, string? fileNameForFormat, ReadOptions? options = null)
    {
        options ??= ReadOptions.Default;
        string file = fileNameForFormat ?? id;
        byte[] bytes;
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                CheckSize(buffer.Length, options, file);
            }

            bytes = buffer.ToArray();
        }
        catch (Exception e) when (e is not DocumentReadException)
        {
            throw Wrap(e, file);
        }

        return Read(bytes, id, fileNameForFormat, options);
    }

    private Document ReadCore(ReadOnlySpan<byte> bytes, string id, string? fileName, string? sourcePath, string file, ReadOptions options)
    {
        if (bytes.IsEmpty)
        {
            throw new DocumentReadException(file, "empty file (0 bytes)", ReadErrorCodes.Empty);
        }

        string format = FormatOf(fileName, bytes);
        string text;
        string? title = null;
        DateOnly? date = null;
        if (format == PdfFormat)
        {
            var pdf = PdfTextExtractor.Extract(bytes.ToArray(), file);
            text = pdf.Text;
            title = pdf.Title;
        }
        else
        {
            text = TextDecoder.Decode(bytes, file).Text;
            if (fileName is null && format == TextFormat && LooksLikeHtml(text))
            {
                format = HtmlFormat;
            }

            if (format == HtmlFormat)
            {
                var html = HtmlTextExtractor.Extract(text);
                if (string.IsNullOrWhiteSpace(html.Text))
                {
                    throw new DocumentReadException(file, "HTML page without readable text", ReadErrorCodes.HtmlWithoutText);
                }

                (text, title, date) = (html.Text, html.Title, html.Date);
            }
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            throw new DocumentReadException(file, "empty file (no text, only white space)", ReadErrorCodes.Empty);
        }

        var marks = _marker.Find(text);
        var header = TextHeaderFinder.Find(text, marks);
        title ??= header.Title;
        date = (options.ForceDate ? options.Date : null) ?? date ?? header.Date ?? options.Date;
        return new Document(id, text, title, date, sourcePath, marks.Select(m => m.Span), format);
    }

    private static string FormatOf(string? fileName, ReadOnlySpan<byte> bytes)
    {
        // Content wins over the name for PDF: its header is unambiguous.
        if (bytes.StartsWith("%PDF-"u8))
        {
            return PdfFormat;
        }

        return fileName is not null && FormatByExtension.TryGetValue(Path.GetExtension(fileName), out var format)
            ? format
            : TextFormat;
    }

    private static bool LooksLikeHtml(string text)
    {
        var head = text.AsSpan().TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    private static void CheckSize(long length, ReadOptions options, string file)
    {
        if (length > options.MaxBytes)
        {
            throw new DocumentReadException(file,
                $"file too large: {FormatBytes(length)}, over the limit of {FormatBytes(options.MaxBytes)} (raise the size limit to read it)", ReadErrorCodes.TooLarge);
        }
    }

    private static string FormatBytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{bytes / (double)(1L << 30):0.#} GiB",
        >= 1L << 20 => $"{bytes / (double)(1L << 20):0.#} MiB",
        >= 1L << 10 => $"{bytes / (double)(1L << 10):0.#} KiB",
        _ => $"{bytes} bytes",
    };

    private static DocumentReadException Wrap(Exception e, string file) => e switch
    {
        UnauthorizedAccessException => new(file, "permission denied", ReadErrorCodes.Unreadable, e),
        FileNotFoundException or DirectoryNotFoundException => new(file, "no such file", ReadErrorCodes.NotFound, e),
        IOException => new(file, $"cannot read the file ({e.Message})", ReadErrorCodes.Unreadable, e),
        _ => new(file, $"unexpected error while reading ({e.GetType().Name}: {e.Message})", ReadErrorCodes.Unexpected, e),
    };
}
