using System.Text;

namespace Anvil.Core.Tests.Fuzzing;

/// <summary>
/// The inputs a random run meets too seldom to rely on, made on purpose: every seed document in every encoding
/// cut at every kind of boundary, a megabyte without a line break, ten thousand nested tags, PDFs truncated at
/// each of their keywords and PDFs of garbage after the header. Each under the same time bound and checks as the
/// random run.
/// </summary>
public sealed class FuzzStressTests
{
    private static void AllPass(IEnumerable<(string Name, FuzzInput Input)> inputs, TimeSpan? timeout = null)
    {
        string failures = FuzzHarness.RunAll(inputs, timeout);
        Assert.True(failures.Length == 0, failures);
    }

    [Fact]
    public void Every_seed_in_every_encoding_cut_at_every_kind_of_boundary()
    {
        AllPass(FuzzHarness.Corpus.Documents.SelectMany(Cuts));

        static IEnumerable<(string, FuzzInput)> Cuts(SeedDocument seed)
        {
            string head = seed.Text.Length > 240 ? seed.Text[..240] : seed.Text;
            foreach (string encoding in FuzzEncodings.Names)
            {
                byte[] bytes = FuzzEncodings.Encode(head, encoding);
                int multiByte = Array.FindIndex(bytes, 8, b => b >= 0x80);
                int line = Array.IndexOf(bytes, (byte)'\n');
                var cuts = new (string Kind, int At)[]
                {
                    ("inside-a-character", multiByte < 0 ? bytes.Length : multiByte + 1),
                    ("odd-byte", bytes.Length / 2 | 1),
                    ("after-the-mark", Math.Min(bytes.Length, encoding.StartsWith("utf-8", StringComparison.Ordinal) ? 3 : 2)),
                    ("one-byte", 1),
                    ("at-a-line-end", line < 0 ? bytes.Length : line + 1),
                    ("one-byte-short", bytes.Length - 1),
                };
                foreach (var (kind, at) in cuts)
                {
                    string name = $"{seed.Name}-{encoding}-{kind}";
                    yield return (name, new FuzzInput(name, bytes[..at], "doc.txt"));
                }

                // the tail alone: a file that starts in the middle of a character
                yield return ($"{seed.Name}-{encoding}-tail", new FuzzInput("tail", bytes[(bytes.Length / 3)..], null));
            }
        }
    }

    [Fact]
    public void A_megabyte_without_a_line_break()
    {
        var corpus = FuzzHarness.Corpus;
        var text = new StringBuilder(1 << 20);
        for (int i = 0; Encoding.UTF8.GetByteCount(text.ToString()) < 1 << 20 && i < 10_000; i++)
        {
            text.Append(corpus.Documents[i % corpus.Documents.Count].Text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', '，'));
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        int cut = 1 << 20;
        while ((bytes[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        Assert.DoesNotContain((byte)'\n', bytes.AsSpan(0, cut).ToArray());
        AllPass([("one-megabyte-line", new FuzzInput("one megabyte line", bytes[..cut], "long.txt"))]);
    }

    [Fact]
    public void A_megabyte_of_figures_in_one_sentence()
    {
        // a short text of figures, names and periods repeated with its sentence ends and line breaks turned into
        // commas: the whole megabyte is one sentence, as in a scrape that lost its punctuation (bench/fuzz.sh
        // seed 2, input 31118, took 5 s, twice that took 18 s)
        string piece = FuzzHarness.Corpus.Documents.Single(d => d.Name == "hot-0").Text;
        piece = new string([.. piece.Select(c => c is '。' or '！' or '？' or '!' or '?' or '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' ? '，' : c)]);
        var text = new StringBuilder(1 << 20);
        for (int bytes = 0; bytes < 1 << 20; bytes += Encoding.UTF8.GetByteCount(piece))
        {
            text.Append(piece);
        }

        AllPass([("one-sentence", FuzzInput.FromText("one sentence of figures", text.ToString()))], TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("9")]
    [InlineData("三千六百")]
    [InlineData("亿")]
    [InlineData("1,000,")]
    [InlineData("《")]
    [InlineData("分别")]
    [InlineData("深圳、北京和上海分别增长5%、6%和7%，")]
    public void A_flood_of_one_token(string token)
    {
        // 200,000 characters of one thing: a number of 200,000 digits, a numeral that never ends, a title never closed
        string text = string.Concat(Enumerable.Repeat(token, 200_000 / token.Length));
        AllPass([($"flood-{token.Length}-{(int)token[0]:x4}", FuzzInput.FromText($"flood of {token}", text))], TimeSpan.FromSeconds(3));
    }

    [Theory]
    [InlineData("div", true)]
    [InlineData("table", true)]
    [InlineData("ul", false)]
    public void Ten_thousand_nested_tags(string tag, bool closed)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>深圳</title></head><body>");
        for (int i = 0; i < 10_000; i++)
        {
            html.Append('<').Append(tag).Append('>');
        }

        html.Append("深圳人工智能产业规模达3600亿元，同比增长约35%。");
        for (int i = 0; closed && i < 10_000; i++)
        {
            html.Append("</").Append(tag).Append('>');
        }

        html.Append("</body></html>");
        AllPass([($"nested-{tag}", new FuzzInput($"10,000 nested {tag}", Encoding.UTF8.GetBytes(html.ToString()), "deep.html"))],
            TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Seven_thousand_sibling_tables()
    {
        // under the element bound that keeps SmartReader away from huge pages, but its table checks are quadratic
        var html = new StringBuilder("<!DOCTYPE html><html><body><p>深圳人工智能产业规模达3600亿元，同比增长约35%。</p>");
        for (int i = 0; i < 7_000; i++)
        {
            html.Append(i % 2 == 0 ? "<table></table>" : "<table>9</table>");
        }

        html.Append("</body></html>");
        AllPass([("sibling-tables", new FuzzInput("7,000 sibling tables", Encoding.UTF8.GetBytes(html.ToString()), "tables.html"))],
            TimeSpan.FromSeconds(2));
    }

    [Fact]
    public void Bytes_streams_and_files_read_alike()
    {
        // the three ways in (a file, standard input as a stream, bytes in memory) give the same text or the same error
        var generator = new InputGenerator(FuzzHarness.Corpus, FuzzHarness.Seed + 1, new GeneratorLimits { MaxSize = 8 * 1024, LongLineEvery = 0, MaxHtmlDepth = 200 });
        string folder = Directory.CreateTempSubdirectory("anvil-fuzz-paths-").FullName;
        try
        {
            var reader = FuzzHarness.Reader;
            int compared = 0;
            for (int i = 0; i < 400 && compared < 60; i++)
            {
                var input = generator.Make(i);
                if (input.IsText || input.FileName is null)
                {
                    continue;
                }

                compared++;
                string path = Path.Combine(folder, $"input-{i}{Path.GetExtension(input.FileName)}");
                File.WriteAllBytes(path, input.Bytes);
                var options = new Anvil.Core.Reading.ReadOptions { Date = input.Date };
                string fromBytes = Outcome(() => reader.Read(input.Bytes, "x", input.FileName, options));
                string fromStream = Outcome(() => reader.Read(new MemoryStream(input.Bytes), "x", input.FileName, options));
                string fromFile = Outcome(() => reader.Read(path, options));
                Assert.True(fromBytes == fromStream && fromBytes == fromFile,
                    $"input {i} ({input.Recipe}): bytes gave {fromBytes}, a stream {fromStream}, a file {fromFile}");
            }

            Assert.True(compared >= 30, $"only {compared} inputs compared");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        static string Outcome(Func<Anvil.Core.Documents.Document> read)
        {
            try
            {
                var doc = read();
                return $"{doc.Format} {doc.Title} {doc.Date} {doc.Text.Length} {string.GetHashCode(doc.Text, StringComparison.Ordinal)}";
            }
            catch (Anvil.Core.Reading.DocumentReadException e)
            {
                return e.Code;
            }
        }
    }

    [Fact]
    public void Pdfs_truncated_at_each_keyword_and_garbage_after_the_header()
    {
        string[] keywords = ["obj", "stream", "endstream", "endobj", "xref", "trailer", "startxref", "%%EOF", "beginbfchar", "/Length", "Tj"];
        var inputs = new List<(string, FuzzInput)>();
        var rng = new FuzzRandom(FuzzHarness.Seed);
        foreach (var (pdf, p) in FuzzHarness.Corpus.Pdfs.Take(3).Select((pdf, p) => (pdf, p)))
        {
            string latin = Encoding.Latin1.GetString(pdf);
            foreach (string keyword in keywords)
            {
                int at = latin.IndexOf(keyword, StringComparison.Ordinal);
                if (at >= 0)
                {
                    inputs.Add(($"pdf{p}-cut-before-{keyword}", new FuzzInput("cut", pdf[..at], "doc.pdf")));
                    inputs.Add(($"pdf{p}-cut-inside-{keyword}", new FuzzInput("cut", pdf[..(at + (keyword.Length / 2))], "doc.pdf")));
                }
            }

            var junk = new byte[2048];
            rng.NextBytes(junk);
            inputs.Add(($"pdf{p}-garbage-after-header", new FuzzInput("garbage", [.. "%PDF-1.7\n"u8, .. junk], null)));
            inputs.Add(($"pdf{p}-garbage-then-body", new FuzzInput("garbage", [.. "%PDF-1.7\n"u8, .. junk, .. pdf.AsSpan(9)], "doc.pdf")));
            inputs.Add(($"pdf{p}-header-only", new FuzzInput("header", "%PDF-"u8.ToArray(), null)));
        }

        AllPass(inputs);
    }
}
