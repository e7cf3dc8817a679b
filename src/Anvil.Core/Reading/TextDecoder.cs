using System.Buffers;
using System.Text;
using Anvil.Data;

namespace Anvil.Core.Reading;

/// <summary>The text of a file and the encoding it was found in.</summary>
internal readonly record struct DecodedText(string Text, string Encoding);

/// <summary>
/// Turns bytes into text, deciding the encoding from the bytes alone (never from the file name): a byte-order mark
/// (UTF-8, UTF-16 LE/BE) first, then strict UTF-8, then GB18030 (a superset of GBK and GB2312) or Big5. When both
/// Chinese encodings decode strictly, the one whose text reads as more common Chinese characters wins: the wrong
/// decoding of either turns into rare characters. The BOM is removed; line endings are left as they are.
/// </summary>
internal static class TextDecoder
{
    public const string Utf8 = "utf-8";
    public const string Utf8Bom = "utf-8-bom";
    public const string Utf16Le = "utf-16le";
    public const string Utf16Be = "utf-16be";
    public const string Gb18030 = "gb18030";
    public const string Big5 = "big5";

    // Below this share of common characters a Chinese decoding is taken for garbage. Real news text scores
    // 0.85 to 0.97 with the list shipped in Anvil.Data; a wrong decoding scores under 0.2.
    private const double PlausibleCommonShare = 0.3;

    // Texts with fewer Han characters than this are too short for the share to mean anything.
    private const int MinHanForScore = 8;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    // Taken from the provider directly rather than registered globally: reading a file changes no process state.
    // Built on the first file that is not UTF-8: building both took about 30 ms of every run's start, UTF-8 input or not.
    private static readonly Lazy<Encoding> StrictGb18030 = new(() => CodePagesEncodingProvider.Instance.GetEncoding(
        54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!);

    private static readonly Lazy<Encoding> StrictBig5 = new(() => CodePagesEncodingProvider.Instance.GetEncoding(
        950, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!);

    // Control bytes that do not occur in text. Tab, LF, VT, FF, CR and ESC (terminal colours in logs) are allowed.
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0E, 0x0F, 0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16,
         0x17, 0x18, 0x19, 0x1A, 0x1C, 0x1D, 0x1E, 0x1F, 0x7F]);

    private static readonly SearchValues<char> ControlChars = SearchValues.Create(
        "\u0001\u0002\u0003\u0004\u0005\u0006\u0007\u0008\u000E\u000F\u0010\u0011\u0012\u0013\u0014\u0015\u0016" +
        "\u0017\u0018\u0019\u001A\u001C\u001D\u001E\u001F\u007F");

    private static readonly Lazy<SearchValues<char>> CommonHanzi = new(LoadCommonHanzi);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes, string file)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            var body = bytes[3..];
            RejectBinary(body, file, offset: 3);
            if (!System.Text.Unicode.Utf8.IsValid(body))
            {
                var scan = ScanUtf8(body);
                throw InvalidUtf8(file, scan.FirstInvalid + 3, scan.Invalid);
            }

            return new(StrictUtf8.GetString(body), Utf8Bom);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeUtf16(bytes[2..], bigEndian: false, file);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeUtf16(bytes[2..], bigEndian: true, file);
        }

        RejectBinary(bytes, file, offset: 0);
        // the strict decoding is the validity check: a separate one first was a third pass over every file's bytes
        return TryDecode(StrictUtf8, bytes) is { } text ? new(text, Utf8) : DecodeNonUtf8(bytes, file);
    }

    /// <summary>
    /// How Chinese a decoding reads: the share of very common Han characters among all non-ASCII characters other
    /// than punctuation (a wrong decoding yields rare Han characters, but also kana, Cyrillic and box drawing), and
    /// the number of Han characters seen.
    /// </summary>
    public static (double Share, int Han) CommonShare(string text)
    {
        var common = CommonHanzi.Value;
        int counted = 0, han = 0, hits = 0;
        foreach (char c in text)
        {
            if (c < '\u0080' || IsPunctuationOrSpace(c))
            {
                continue;
            }

            counted++;
            if (IsHan(c))
            {
                han++;
                if (common.Contains(c))
                {
                    hits++;
                }
            }
        }

        return (counted == 0 ? 0 : (double)hits / counted, han);
    }

    // CJK and general punctuation, full-width forms and Latin-1 signs: frequent in real text, telling nothing.
    private static bool IsPunctuationOrSpace(char c) =>
        c is >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF' or >= '\u2000' and <= '\u206F' or >= '\u0080' and <= '\u00BF';

    private static DecodedText DecodeNonUtf8(ReadOnlySpan<byte> bytes, string file)
    {
        var utf8Scan = ScanUtf8(bytes);
        string? gb = TryDecode(StrictGb18030.Value, bytes);
        string? big5 = TryDecode(StrictBig5.Value, bytes);

        string? best = null;
        string bestName = "";
        double bestShare = -1;
        int bestHan = 0;
        foreach (var (text, name) in new[] { (gb, Gb18030), (big5, Big5) })
        {
            if (text is null)
            {
                continue;
            }

            var (share, han) = CommonShare(text);
            if (share > bestShare)
            {
                (best, bestName, bestShare, bestHan) = (text, name, share, han);
            }
        }

        // Mostly well-formed UTF-8 with a few bad sequences is a damaged or truncated UTF-8 file, unless a
        // Chinese encoding reads it better (GBK bytes can form a few valid UTF-8 pairs by chance, never most).
        bool looksLikeUtf8 = utf8Scan.ValidMultibyte > 0 && utf8Scan.Invalid * 8 <= utf8Scan.ValidMultibyte;
        if (looksLikeUtf8)
        {
            var (utf8Share, _) = CommonShare(LenientUtf8.GetString(bytes));
            if (best is null || utf8Share >= bestShare)
            {
                throw InvalidUtf8(file, utf8Scan.FirstInvalid, utf8Scan.Invalid);
            }
        }

        if (best is not null && (bestHan < MinHanForScore || bestShare >= PlausibleCommonShare))
        {
            return new(best, bestName);
        }

        throw new DocumentReadException(file,
            $"undecodable text: not UTF-8 (invalid byte at offset {utf8Scan.FirstInvalid}), and not GB18030/GBK or Big5 " +
            "Chinese text either; convert it to UTF-8", ReadErrorCodes.Undecodable);
    }

    private static DecodedText DecodeUtf16(ReadOnlySpan<byte> body, bool bigEndian, string file)
    {
        string name = bigEndian ? Utf16Be : Utf16Le;
        if (body.Length % 2 != 0)
        {
            throw new DocumentReadException(file,
                $"truncated {name.ToUpperInvariant()} text: odd number of bytes after the byte-order mark", ReadErrorCodes.Undecodable);
        }

        string text;
        try
        {
            text = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException e)
        {
            throw new DocumentReadException(file,
                $"invalid {name.ToUpperInvariant()} text (unpaired surrogate near byte {e.Index + 2})", ReadErrorCodes.Undecodable, e);
        }

        if (text.Contains('\0', StringComparison.Ordinal) || CountControls(text) > ControlLimit(text.Length))
        {
            throw new DocumentReadException(file,
                $"binary content after a {name.ToUpperInvariant()} byte-order mark (NUL or control characters); not a text file", ReadErrorCodes.Binary);
        }

        return new(text, name);
    }

    private static void RejectBinary(ReadOnlySpan<byte> bytes, string file, int offset)
    {
        int nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new DocumentReadException(file,
                $"binary content: NUL byte at offset {nul + offset}; not a text file (UTF-16 text needs a byte-order mark)", ReadErrorCodes.Binary);
        }

        int controls = 0, first = -1, i = 0;
        while (i < bytes.Length)
        {
            int next = bytes[i..].IndexOfAny(ControlBytes);
            if (next < 0)
            {
                break;
            }

            i += next;
            first = first < 0 ? i : first;
            controls++;
            i++;
        }

        // A stray control byte or two is a copy-paste accident in a text file; many of them mean binary data.
        if (controls > ControlLimit(bytes.Length))
        {
            throw new DocumentReadException(file,
                $"binary content: {controls} control bytes, the first at offset {first + offset}; not a text file", ReadErrorCodes.Binary);
        }
    }

    private static int ControlLimit(int length) => Math.Max(8, length / 100);

    private static int CountControls(ReadOnlySpan<char> text)
    {
        int count = 0, i = 0;
        while (i < text.Length)
        {
            int next = text[i..].IndexOfAny(ControlChars);
            if (next < 0)
            {
                break;
            }

            count++;
            i += next + 1;
        }

        return count;
    }

    private static string? TryDecode(Encoding strict, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static DocumentReadException InvalidUtf8(string file, int offset, int count) =>
        new(file,
            $"invalid UTF-8: {count} bad byte sequence(s), the first at offset {offset}; the file looks truncated or " +
            "damaged (re-save it as UTF-8)", ReadErrorCodes.InvalidUtf8);

    /// <summary>Counts well-formed multi-byte UTF-8 sequences and ill-formed ones, walking ASCII runs vectorised.</summary>
    private static (int ValidMultibyte, int Invalid, int FirstInvalid) ScanUtf8(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0, first = -1, i = 0;
        while (i < bytes.Length)
        {
            int nonAscii = bytes[i..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (nonAscii < 0)
            {
                break;
            }

            i += nonAscii;
            var status = Rune.DecodeFromUtf8(bytes[i..], out _, out int consumed);
            if (status == OperationStatus.Done)
            {
                valid++;
            }
            else
            {
                invalid++;
                first = first < 0 ? i : first;
            }

            i += Math.Max(1, consumed);
        }

        return (valid, invalid, first);
    }

    private static bool IsHan(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    private static SearchValues<char> LoadCommonHanzi() =>
        SearchValues.Create(string.Concat(DataFiles.ReadLines("reading/common-hanzi.tsv").Select(l => l.Trim())));
}
