using System.Text;

namespace Anvil.Core.Tests.Fuzzing;

/// <summary>
/// Damage a random run meets too seldom to rely on, made on purpose: every seed document in every encoding cut at
/// every kind of boundary, PDFs truncated at each of their keywords and PDFs of garbage after the header; and the
/// three ways in (file, stream, bytes) read alike. Each under the same time bound and checks as the random run.
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
