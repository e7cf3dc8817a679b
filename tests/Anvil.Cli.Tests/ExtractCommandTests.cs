using System.Globalization;
using System.Text;
using System.Text.Json;
using Anvil.Core.Tests.Support;

namespace Anvil.Cli.Tests;

public sealed class ExtractCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("anvil-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Samples => Path.Combine(SharedFolder.RepositoryRoot, "samples");

    [Fact]
    public void Samples_give_a_document_record_first_and_quotes_that_equal_their_spans()
    {
        var r = AnvilProcess.Run(["extract", Samples]);
        Assert.Equal(0, r.ExitCode);
        var texts = Directory.GetFiles(Samples, "*.txt").ToDictionary(p => Path.GetFileNameWithoutExtension(p)!, File.ReadAllText);
        string? current = null;
        int entities = 0;
        foreach (var line in r.Lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string type = root.GetProperty("type").GetString()!;
            string doc = root.GetProperty("doc").GetString()!;
            if (type == "document")
            {
                current = doc;
                continue;
            }

            Assert.Equal(current, doc);
            if (type == "entity")
            {
                entities++;
                foreach (var m in root.GetProperty("mentions").EnumerateArray())
                {
                    AssertQuote(texts[doc], m);
                }
            }
            else
            {
                AssertQuote(texts[doc], root);
            }
        }

        Assert.Equal(texts.Count, r.Lines.Count(l => l.Contains("\"type\":\"document\"", StringComparison.Ordinal)));
        Assert.True(entities >= 10, $"only {entities} entities in the samples");
    }

    internal static void AssertQuote(string text, JsonElement record)
    {
        var span = record.GetProperty("span");
        int start = span[0].GetInt32(), end = span[1].GetInt32();
        var codePoints = text.EnumerateRunes().ToArray();
        Assert.InRange(start, 0, end);
        Assert.InRange(end, start, codePoints.Length);
        var slice = string.Concat(codePoints[start..end].Select(r => r.ToString()));
        Assert.Equal(slice, record.GetProperty("quote").GetString());
    }

    [Fact]
    public void A_bad_file_gives_one_error_line_naming_it_and_the_others_are_still_processed()
    {
        var good = Write("good.txt", "深圳市统计局发布数据。");
        var binary = Path.Combine(_dir, "binary.txt");
        File.WriteAllBytes(binary, [0, 1, 2, 3, 0, 0, 0xFF, 0xFE, 0, 7, 8, 0, 0, 0]);
        var empty = Write("empty.txt", "");
        var missing = Path.Combine(_dir, "missing.txt");

        var r = AnvilProcess.Run(["extract", binary, good, empty, missing]);

        Assert.Equal(1, r.ExitCode);
        Assert.Single(r.Lines, l => l.Contains("\"type\":\"document\"", StringComparison.Ordinal) && l.Contains("\"doc\":\"good\"", StringComparison.Ordinal));
        var errors = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(errors, e => e.Contains(binary, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(empty, StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(missing, StringComparison.Ordinal));
    }

    [Fact]
    public void Files_of_other_types_in_a_folder_are_skipped_and_counted_on_one_line()
    {
        Write("a.txt", "杭州市统计局发布数据。");
        Write("MANIFEST.tsv", "file\ttitle\n");
        File.WriteAllBytes(Path.Combine(_dir, "photo.jpg"), [0xFF, 0xD8, 0xFF]);

        var r = AnvilProcess.Run(["extract", _dir]);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("skipped 2 file", r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Lines, l => l.Contains("\"type\":\"document\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Standard_input_is_read_with_the_given_date()
    {
        var r = AnvilProcess.Run(["extract", "-", "--date", "2024-03-05", "--id", "piped"], stdin: "华为在深圳发布新产品。");
        Assert.Equal(0, r.ExitCode);
        var first = JsonDocument.Parse(r.Lines.First()).RootElement;
        Assert.Equal("piped", first.GetProperty("doc").GetString());
        Assert.Equal("2024-03-05", first.GetProperty("date").GetString());
        Assert.Contains(r.Lines, l => l.Contains("\"name\":\"华为\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_option_value_is_refused_with_a_message()
    {
        var r = AnvilProcess.Run(["extract", Samples, "--date", "yesterday"]);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--date", r.Stdout + r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_lexicon_adds_entities()
    {
        var lexicon = Write("mine.tsv", "# my words\n星海微电\tcompany\tStarSea\n");
        var doc = Write("doc.txt", "StarSea与华为合作。");
        var r = AnvilProcess.Run(["extract", doc, "--lexicon", lexicon]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains(r.Lines, l => l.Contains("\"name\":\"星海微电\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Table_format_is_for_people()
    {
        var r = AnvilProcess.Run(["extract", Samples, "--format", "table"]);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("entity", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("{\"type\"", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_quote_equals_its_span_on_the_shared_corpus()
    {
        var dev = SharedFolder.RequireOrSkip("corpus/dev");
        var seeds = SharedFolder.RequireOrSkip("seeds");
        var r = AnvilProcess.Run(["extract", seeds, dev], timeoutSeconds: 300);
        Assert.Equal(0, r.ExitCode);
        var texts = Directory.GetFiles(dev, "*.txt").Concat(Directory.GetFiles(seeds, "*.txt"))
            .ToDictionary(p => Path.GetFileNameWithoutExtension(p)!, p => StripBom(File.ReadAllText(p, Encoding.UTF8)));
        int checkedRecords = 0;
        foreach (var line in r.Lines)
        {
            var root = JsonDocument.Parse(line).RootElement;
            string doc = root.GetProperty("doc").GetString()!;
            switch (root.GetProperty("type").GetString())
            {
                case "entity":
                    foreach (var m in root.GetProperty("mentions").EnumerateArray())
                    {
                        AssertQuote(texts[doc], m);
                        checkedRecords++;
                    }

                    break;
                case "fact" or "relation":
                    AssertQuote(texts[doc], root);
                    checkedRecords++;
                    break;
            }
        }

        Assert.True(checkedRecords > 100, checkedRecords.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Output_is_the_same_for_any_thread_count_and_in_input_order()
    {
        var folder = Directory.Exists(Path.Combine(SharedFolder.Path ?? "", "corpus", "dev")) ? Path.Combine(SharedFolder.Path!, "corpus", "dev") : Samples;
        var one = AnvilProcess.Run(["extract", folder, Samples, "--threads", "1"], timeoutSeconds: 300);
        var four = AnvilProcess.Run(["extract", folder, Samples, "--threads", "4"], timeoutSeconds: 300);
        Assert.Equal(0, one.ExitCode);
        Assert.Equal(one.Stdout, four.Stdout);
        var docs = one.Lines.Where(l => l.Contains("\"type\":\"document\"", StringComparison.Ordinal))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("doc").GetString()).ToList();
        Assert.True(docs.Count >= 4);
    }

    [Fact]
    public void Threads_must_be_a_sensible_number()
    {
        var r = AnvilProcess.Run(["extract", Samples, "--threads", "0"]);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--threads", r.Stdout + r.Stderr, StringComparison.Ordinal);
    }

    private static string StripBom(string s) => s.Length > 0 && s[0] == '\uFEFF' ? s[1..] : s;

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
