using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace Anvil.Core.Documents;

/// <summary>
/// A document owns its original text. Everything downstream (mentions, quantities, facts) is a
/// <see cref="TextSpan"/> into <see cref="Text"/>; normalised views exist only for matching.
/// </summary>
public sealed class Document
{
    private readonly TextSpan[] _boilerplate;
    private int[]? _codePointIndex; // built lazily, only when the text holds surrogate pairs
    private int _hasSurrogates = -1; // -1 unknown, 0 no, 1 yes: checked once, not per span

    public Document(string id, string text, string? title = null, DateOnly? date = null,
        string? sourcePath = null, IEnumerable<TextSpan>? boilerplate = null, string? format = null)
    {
        Id = id;
        Text = text;
        Title = title;
        Date = date;
        SourcePath = sourcePath;
        Format = format ?? "text";
        _boilerplate = Normalise(boilerplate);
    }

    /// <summary>The document's identifier: the file name without extension unless the caller names it.</summary>
    public string Id { get; }

    /// <summary>The text as read from the file: decoded, BOM removed, line endings unchanged.</summary>
    public string Text { get; }

    public string? Title { get; }

    /// <summary>Publication date when the text, the page metadata or the caller gives one.</summary>
    public DateOnly? Date { get; }

    public string? SourcePath { get; }

    /// <summary>The reader that produced the text: text, markdown, html or pdf.</summary>
    public string Format { get; }

    /// <summary>Scrape residue (breadcrumbs, image links, footers); sorted, disjoint. It yields no records.</summary>
    public IReadOnlyList<TextSpan> Boilerplate => _boilerplate;

    public int CodePointLength => ToCodePointIndex(Text.Length);

    public string Slice(TextSpan span) => Text.Substring(span.Start, span.Length);

    public Document With(string? title = null, DateOnly? date = null, string? id = null) =>
        new(id ?? Id, Text, title ?? Title, date ?? Date, SourcePath, _boilerplate, Format);

    /// <summary>True when the span lies mostly inside boilerplate.</summary>
    public bool IsBoilerplate(TextSpan span)
    {
        if (_boilerplate.Length == 0)
        {
            return false;
        }

        int lo = 0, hi = _boilerplate.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var b = _boilerplate[mid];
            if (b.End <= span.Start)
            {
                lo = mid + 1;
            }
            else if (b.Start >= span.End)
            {
                hi = mid - 1;
            }
            else
            {
                int overlap = Math.Min(b.End, span.End) - Math.Max(b.Start, span.Start);
                return overlap * 2 >= span.Length;
            }
        }

        return false;
    }

    /// <summary>Converts a UTF-16 index into the code-point index the output spec uses.</summary>
    public int ToCodePointIndex(int utf16Index)
    {
        if (_hasSurrogates < 0)
        {
            _hasSurrogates = HasSurrogates(Text) ? 1 : 0;
        }

        if (_hasSurrogates == 0)
        {
            return utf16Index;
        }

        _codePointIndex ??= BuildCodePointIndex(Text);

        return _codePointIndex[utf16Index];
    }

    public string Sha256()
    {
        Span<byte> hash = stackalloc byte[32];
        // the UTF-8 bytes go in a pooled buffer: a new array per document was a tenth of the output step's allocation
        byte[] utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(Text.Length));
        try
        {
            int length = Encoding.UTF8.GetBytes(Text, utf8);
            SHA256.HashData(utf8.AsSpan(0, length), hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }

        return Convert.ToHexStringLower(hash);
    }

    private static bool HasSurrogates(string text) =>
        text.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF') >= 0;

    private static int[] BuildCodePointIndex(string text)
    {
        var map = new int[text.Length + 1];
        int cp = 0;
        for (int i = 0; i < text.Length; i++)
        {
            map[i] = cp;
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                cp++;
            }
            else
            {
                map[i] = cp - 1;
            }
        }

        map[text.Length] = cp;
        return map;
    }

    private static TextSpan[] Normalise(IEnumerable<TextSpan>? spans)
    {
        if (spans is null)
        {
            return [];
        }

        var sorted = new List<TextSpan>();
        bool inOrder = true;
        foreach (var s in spans)
        {
            if (!s.IsEmpty)
            {
                inOrder &= sorted.Count == 0 || sorted[^1].Start <= s.Start;
                sorted.Add(s);
            }
        }

        // the reader's marks come sorted by start: the sort (stable, as it must be) is needed only for spans given otherwise
        if (!inOrder)
        {
            sorted = [.. sorted.OrderBy(s => s.Start)];
        }

        var merged = new List<TextSpan>(sorted.Count);
        foreach (var s in sorted)
        {
            if (merged.Count > 0 && merged[^1].End >= s.Start)
            {
                merged[^1] = TextSpan.Cover(merged[^1], s);
            }
            else
            {
                merged.Add(s);
            }
        }

        return [.. merged];
    }
}
