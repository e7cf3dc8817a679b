using System.Text;

namespace Anvil.Core.Tests.Fuzzing;

/// <summary>
/// Byte and character mutations of the kinds that break readers: bit flips, byte insertions and deletions,
/// repeats, splices of two documents, truncation at every kind of boundary (anywhere, inside a multi-byte
/// character, at an odd byte of UTF-16, just after a byte-order mark, at a line end, before a PDF keyword),
/// stray byte-order marks and file headers, and recognisable words inserted in the document's own encoding.
/// </summary>
internal static class Mutator
{
    private static readonly byte[] InterestingBytes =
        [0x00, 0x01, 0x0A, 0x0D, 0x1B, 0x1F, 0x20, 0x25, 0x3C, 0x3E, 0x7F, 0x80, 0xA1, 0xBF, 0xC0, 0xC2, 0xE4, 0xED, 0xEF, 0xF0, 0xF4, 0xF8, 0xFE, 0xFF];

    private static readonly byte[][] Headers =
    [
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], "%PDF-"u8.ToArray(), "%PDF-1.7\n"u8.ToArray(),
        "<!DOCTYPE html>"u8.ToArray(), "<html>"u8.ToArray(), "<html><body>"u8.ToArray(), "---\ntitle: x\ndate: 2024-03-05\n---\n"u8.ToArray(),
    ];

    private static readonly string[] PdfKeywords = ["stream", "endstream", "obj", "endobj", "xref", "trailer", "startxref", "%%EOF", "BT", "Tj", "beginbfchar", "<<", "/Length"];

    /// <summary>Applies 1 to <paramref name="maxSteps"/> mutations; <paramref name="encoding"/> (may be null) is the input's encoding.</summary>
    public static byte[] Mutate(FuzzRandom rng, byte[] input, string? encoding, SeedCorpus corpus, int maxSize, List<string> recipe, int maxSteps = 8)
    {
        var bytes = new List<byte>(input);
        int steps = 1 + rng.Next(rng.OneIn(4) ? maxSteps : 2);
        for (int s = 0; s < steps; s++)
        {
            string step = MutateOnce(rng, bytes, encoding, corpus);
            recipe.Add(step);
            if (bytes.Count > maxSize)
            {
                bytes.RemoveRange(maxSize, bytes.Count - maxSize);
            }
        }

        return [.. bytes];
    }

    private static string MutateOnce(FuzzRandom rng, List<byte> bytes, string? encoding, SeedCorpus corpus)
    {
        int n = bytes.Count;
        switch (rng.Next(17))
        {
            case 16 when n > 0:
            {
                // a number in the file (a PDF's /Length, /Count, object number or xref offset; a figure in a text)
                // replaced by a boundary value
                int at = FindFrom(bytes, rng.Next(n), b => b is >= (byte)'0' and <= (byte)'9');
                if (at >= n || bytes[at] is < (byte)'0' or > (byte)'9')
                {
                    return "number-none";
                }

                int end = at;
                while (end < n && bytes[end] is >= (byte)'0' and <= (byte)'9')
                {
                    end++;
                }

                bytes.RemoveRange(at, end - at);
                bytes.InsertRange(at, Encoding.ASCII.GetBytes(rng.Pick(
                    ["0", "1", "-1", "255", "256", "65535", "65536", "2147483647", "2147483648", "-2147483648", "4294967296",
                     "9223372036854775807", "99999999999999999999999999", "1e308", "00000000000000000001", "3.4e38", "NaN"])));
                return "number";
            }

            case 0 when n > 0:
            {
                int at = rng.Next(n);
                bytes[at] ^= (byte)(1 << rng.Next(8));
                return "flip";
            }

            case 1 when n > 0:
            {
                bytes[rng.Next(n)] = rng.Pick(InterestingBytes);
                return "set";
            }

            case 2:
            {
                var junk = new byte[rng.Next(1, 17)];
                rng.NextBytes(junk);
                bytes.InsertRange(rng.Next(n + 1), junk);
                return "insert-random";
            }

            case 3:
            case 4:
            {
                string token = rng.OneIn(3) ? HotText.Number(rng) : rng.Pick(HotText.Tokens);
                bytes.InsertRange(rng.Next(n + 1), FuzzEncodings.EncodeBare(token, encoding ?? "utf-8"));
                return "insert-token";
            }

            case 5 when n > 0:
            {
                int at = rng.Next(n);
                int len = Math.Min(n - at, rng.OneIn(4) ? rng.Next(1, n + 1) : rng.Next(1, 65));
                bytes.RemoveRange(at, len);
                return "delete";
            }

            case 6 when n > 0:
            {
                int at = rng.Next(n);
                int len = Math.Min(n - at, rng.Next(1, 257));
                var chunk = bytes.GetRange(at, len);
                int times = rng.OneIn(4) ? rng.Next(2, 64) : 1;
                int to = rng.Next(n + 1);
                for (int t = 0; t < times; t++)
                {
                    bytes.InsertRange(to, chunk);
                }

                return "repeat";
            }

            case 7:
            case 8:
                return Truncate(rng, bytes);
            case 9:
            {
                var other = rng.Pick(corpus.Documents).Bytes(rng.Pick(FuzzEncodings.Names));
                int cut = rng.Next(n + 1);
                int from = rng.Next(other.Length + 1);
                int len = Math.Min(other.Length - from, rng.SkewedLength(8192));
                bytes.RemoveRange(cut, rng.Next(n - cut + 1));
                bytes.InsertRange(cut, other.AsSpan(from, len).ToArray());
                return "splice";
            }

            case 10:
            {
                bytes.InsertRange(rng.OneIn(2) ? 0 : rng.Next(n + 1), rng.Pick(Headers));
                return "header";
            }

            case 11 when n > 1:
            {
                // the two bytes of a UTF-16 unit swapped, or a byte pair moved by one: misaligned UTF-16
                int at = rng.Next(n - 1);
                (bytes[at], bytes[at + 1]) = (bytes[at + 1], bytes[at]);
                return "swap";
            }

            case 12:
            {
                string ill = rng.Pick(HotText.IllFormed);
                byte[] raw = rng.OneIn(2)
                    ? [.. ill.SelectMany(c => new[] { (byte)c, (byte)(c >> 8) })] // UTF-16LE bytes of a lone surrogate
                    : [0xED, (byte)(0xA0 + rng.Next(32)), (byte)(0x80 + rng.Next(64))]; // a surrogate encoded as UTF-8 (invalid)
                bytes.InsertRange(rng.Next(n + 1), raw);
                return "insert-surrogate";
            }

            case 13:
            {
                string markup = rng.Pick(["<p>", "</p>", "<br>", "<div>", "</div>", "<script>", "</script>", "<!--", "-->", "<![CDATA[", "&#xD800;", "&#0;", "&#x110000;", "&", "<title>", "<meta name=\"date\" content=\"2024-03-05\">", "<h1>", "<table><tr><td>"]);
                bytes.InsertRange(rng.Next(n + 1), Encoding.UTF8.GetBytes(markup));
                return "insert-markup";
            }

            case 14 when n > 0:
            {
                // a line break or control byte sprinkled through the file
                int count = rng.Next(1, 32);
                for (int i = 0; i < count; i++)
                {
                    bytes.Insert(rng.Next(bytes.Count + 1), rng.Pick<byte>([0x0A, 0x0D, 0x09, 0x0C, 0x0B, 0x1B, 0x01, 0x7F]));
                }

                return "sprinkle";
            }

            default:
                if (n > 0)
                {
                    int at = rng.Next(n);
                    bytes[at] = (byte)rng.Next(256);
                }

                return "byte";
        }
    }

    /// <summary>Cuts the input at a boundary of some kind, keeping the head (usually) or the tail.</summary>
    private static string Truncate(FuzzRandom rng, List<byte> bytes)
    {
        int n = bytes.Count;
        if (n == 0)
        {
            return "truncate-empty";
        }

        int at;
        string kind;
        switch (rng.Next(6))
        {
            case 0:
                // inside a multi-byte character: just after a lead or continuation byte
                at = FindFrom(bytes, rng.Next(n), b => b >= 0x80) + 1;
                kind = "in-char";
                break;
            case 1:
                at = rng.Next(n) | 1; // an odd byte count: half a UTF-16 unit
                kind = "odd";
                break;
            case 2:
                at = rng.Next(0, Math.Min(n, 5));
                kind = "after-header";
                break;
            case 3:
                at = FindFrom(bytes, rng.Next(n), b => b == 0x0A);
                kind = "at-line";
                break;
            case 4:
            {
                string keyword = rng.Pick(PdfKeywords);
                int found = IndexOf(bytes, Encoding.ASCII.GetBytes(keyword), rng.Next(n));
                at = found < 0 ? rng.Next(n) : found + rng.Next(keyword.Length + 1);
                kind = "pdf-" + keyword;
                break;
            }

            default:
                at = rng.Next(n);
                kind = "anywhere";
                break;
        }

        at = Math.Clamp(at, 0, n);
        if (rng.OneIn(5))
        {
            bytes.RemoveRange(0, at);
            return "truncate-head-" + kind;
        }

        bytes.RemoveRange(at, n - at);
        return "truncate-" + kind;
    }

    private static int FindFrom(List<byte> bytes, int start, Func<byte, bool> match)
    {
        for (int i = start; i < bytes.Count; i++)
        {
            if (match(bytes[i]))
            {
                return i;
            }
        }

        return start;
    }

    private static int IndexOf(List<byte> bytes, byte[] needle, int start)
    {
        for (int i = start; i + needle.Length <= bytes.Count; i++)
        {
            int k = 0;
            while (k < needle.Length && bytes[i + k] == needle[k])
            {
                k++;
            }

            if (k == needle.Length)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Character-level mutations of a text given to the pipeline directly: lone surrogates, split pairs, controls.</summary>
    public static string MutateText(FuzzRandom rng, string text, List<string> recipe)
    {
        var sb = new StringBuilder(text);
        int steps = 1 + rng.Next(6);
        for (int s = 0; s < steps; s++)
        {
            int at = rng.Next(sb.Length + 1);
            switch (rng.Next(6))
            {
                case 0:
                    sb.Insert(at, rng.Pick(HotText.IllFormed));
                    recipe.Add("t-ill");
                    break;
                case 1:
                    sb.Insert(at, rng.Pick(HotText.Tokens));
                    recipe.Add("t-token");
                    break;
                case 2 when sb.Length > 0:
                    sb.Remove(Math.Min(at, sb.Length - 1), Math.Min(sb.Length - Math.Min(at, sb.Length - 1), rng.Next(1, 32)));
                    recipe.Add("t-delete"); // may cut a surrogate pair in two
                    break;
                case 3:
                    sb.Insert(at, (char)rng.Next(0x10000));
                    recipe.Add("t-char");
                    break;
                case 4:
                    sb.Insert(at, HotText.Number(rng));
                    recipe.Add("t-number");
                    break;
                default:
                    sb.Insert(at, new string((char)rng.Next(0x20), rng.Next(1, 4)));
                    recipe.Add("t-control");
                    break;
            }
        }

        return sb.ToString();
    }
}
