using System.Text.Json;
using Anvil.Core.Documents;
using Anvil.Core.Reading;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Reading;

/// <summary>
/// The gold annotations are the measure of boilerplate marking: a fact, entity or relation the annotators found
/// must never fall inside marked residue, or the extractor could not find it.
/// </summary>
public class GoldBoilerplateTests
{
    private static readonly DocumentReader Reader = new();

    public static TheoryData<string> Documents()
    {
        var data = new TheoryData<string>();
        if (SharedFolder.Path is { } shared)
        {
            foreach (var folder in new[] { "corpus/dev", "seeds" })
            {
                var dir = Path.Combine(shared, folder);
                if (Directory.Exists(dir))
                {
                    foreach (var file in Directory.EnumerateFiles(dir, "*.txt").Order(StringComparer.Ordinal))
                    {
                        data.Add(Path.Combine(folder, Path.GetFileName(file)));
                    }
                }
            }
        }

        if (data.Count == 0)
        {
            data.Add("(shared folder absent)");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void No_gold_span_falls_inside_boilerplate(string relative)
    {
        string gold = SharedFolder.RequireOrSkip("gold");
        var doc = Reader.Read(Path.Combine(SharedFolder.Path!, relative));
        var problems = new List<string>();
        var toUtf16 = CodePointToUtf16(doc.Text);

        foreach (var fact in ReadJsonLines(Path.Combine(gold, doc.Id + ".facts.jsonl")))
        {
            var cp = fact.GetProperty("span");
            var span = new TextSpan(toUtf16[cp[0].GetInt32()], toUtf16[cp[1].GetInt32()]);
            string quote = fact.GetProperty("quote").GetString()!;
            Assert.Equal(quote, doc.Slice(span)); // the reader keeps the text exactly as the annotators saw it
            Check(doc, span, $"fact '{quote}'", problems);
        }

        foreach (var relation in ReadJsonLines(Path.Combine(gold, doc.Id + ".relations.jsonl")))
        {
            string quote = relation.GetProperty("quote").GetString()!;
            var found = Occurrences(doc.Text, quote);
            Assert.True(found.Count > 0, $"relation quote '{quote}' is not in the text of {doc.Id}");
            foreach (var span in found)
            {
                Check(doc, span, $"relation '{quote}'", problems);
            }
        }

        // Entities are scored by name, not span: each must keep at least one mention outside boilerplate.
        // (A name inside an image URL or a subscription footer is not a mention the extractor should see.)
        foreach (var entity in ReadJsonLines(Path.Combine(gold, doc.Id + ".entities.jsonl")))
        {
            var surfaces = entity.GetProperty("surface").EnumerateArray().Select(s => s.GetString()!).ToList();
            var mentions = surfaces.SelectMany(s => Occurrences(doc.Text, s)).ToList();
            if (mentions.Count > 0 && mentions.All(m => doc.Boilerplate.Any(b => b.Overlaps(m))))
            {
                problems.Add($"  entity '{string.Join('/', surfaces)}' is mentioned only inside boilerplate");
            }
        }

        Assert.True(problems.Count == 0, $"{doc.Id}: gold inside boilerplate:\n" + string.Join('\n', problems));
    }

    private static void Check(Document doc, TextSpan span, string what, List<string> problems)
    {
        foreach (var b in doc.Boilerplate)
        {
            if (b.Overlaps(span))
            {
                problems.Add($"  {what} at {span} overlaps boilerplate {b} '{doc.Slice(b)}'");
            }
        }
    }

    private static List<TextSpan> Occurrences(string text, string value)
    {
        var spans = new List<TextSpan>();
        int at = text.IndexOf(value, StringComparison.Ordinal);
        while (at >= 0)
        {
            spans.Add(new TextSpan(at, at + value.Length));
            at = text.IndexOf(value, at + 1, StringComparison.Ordinal);
        }

        return spans;
    }

    // Gold spans count code points; the document's spans count UTF-16 units.
    private static int[] CodePointToUtf16(string text)
    {
        var map = new List<int>(text.Length + 1);
        for (int i = 0; i < text.Length; i++)
        {
            map.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        map.Add(text.Length);
        return [.. map];
    }

    private static IEnumerable<JsonElement> ReadJsonLines(string path)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        foreach (var line in File.ReadLines(path))
        {
            if (line.Length > 0)
            {
                yield return JsonDocument.Parse(line).RootElement.Clone();
            }
        }
    }
}
