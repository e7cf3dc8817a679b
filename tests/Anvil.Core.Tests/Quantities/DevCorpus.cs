using System.Globalization;
using System.Text.Json;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Quantities;

/// <summary>
/// The dev documents and the seed from ../shared, with the publication date each one states (front
/// matter, a leading timestamp, the file name or MANIFEST.tsv), and the gold facts beside them.
/// </summary>
internal static class DevCorpus
{
    internal sealed record Doc(string Id, string Text, DateOnly? Date);

    internal sealed record GoldFact(string Doc, int Start, int End, string Quote, string Kind, double Value, string Unit,
        string Qualifier, string? Period, bool Optional);

    /// <summary>Every dev document and seed; skips the calling test when ../shared is absent.</summary>
    public static IReadOnlyList<Doc> All()
    {
        var dev = SharedFolder.RequireOrSkip("corpus/dev");
        var titles = ManifestTitles(Path.Combine(dev, "MANIFEST.tsv"));
        var files = Directory.GetFiles(dev, "*.txt").Concat(SeedFiles()).Order(StringComparer.Ordinal);
        var docs = new List<Doc>();
        foreach (var file in files)
        {
            var id = Path.GetFileNameWithoutExtension(file);
            var text = File.ReadAllText(file);
            docs.Add(new Doc(id, text, DateOf(id, text, titles.GetValueOrDefault(id + ".txt"))));
        }

        return docs;
    }

    /// <summary>Gold facts of every annotated document, spans converted from code points to UTF-16.</summary>
    public static IReadOnlyList<GoldFact> Facts(IReadOnlyList<Doc> docs)
    {
        var gold = SharedFolder.RequireOrSkip("gold");
        var byId = docs.ToDictionary(d => d.Id, StringComparer.Ordinal);
        var facts = new List<GoldFact>();
        foreach (var file in Directory.GetFiles(gold, "*.facts.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                using var json = JsonDocument.Parse(line);
                var r = json.RootElement;
                var id = r.GetProperty("doc").GetString()!;
                if (!byId.TryGetValue(id, out var doc))
                {
                    continue;
                }

                var span = r.GetProperty("span");
                int start = Utf16Index(doc.Text, span[0].GetInt32());
                int end = Utf16Index(doc.Text, span[1].GetInt32());
                facts.Add(new GoldFact(id, start, end, r.GetProperty("quote").GetString()!, r.GetProperty("kind").GetString()!,
                    r.GetProperty("value").GetDouble(), r.GetProperty("unit").GetString()!,
                    r.GetProperty("qualifier").GetString()!,
                    r.TryGetProperty("period", out var p) && p.ValueKind == JsonValueKind.String ? p.GetString() : null,
                    r.TryGetProperty("optional", out var o) && o.ValueKind == JsonValueKind.True));
            }
        }

        return facts;
    }

    private static IEnumerable<string> SeedFiles()
    {
        var seeds = SharedFolder.Path is { } root ? Path.Combine(root, "seeds") : null;
        return seeds is not null && Directory.Exists(seeds) ? Directory.GetFiles(seeds, "*.txt") : [];
    }

    private static Dictionary<string, string> ManifestTitles(string manifest)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(manifest))
        {
            return titles;
        }

        foreach (var line in File.ReadLines(manifest).Skip(1))
        {
            var cells = line.Split('\t');
            if (cells.Length > 1)
            {
                titles[cells[0]] = cells[1];
            }
        }

        return titles;
    }

    /// <summary>The document's own date, as a reader would find it; null when it states none.</summary>
    internal static DateOnly? DateOf(string id, string text, string? manifestTitle)
    {
        // the seed states no date; the spec's document example gives it (../shared/spec/extraction-output.md)
        if (id == "000_aa59eec68af4f562")
        {
            return new DateOnly(2025, 2, 7);
        }

        foreach (var line in text.Split('\n').Take(12))
        {
            var l = line.Trim();
            if (l.StartsWith("date:", StringComparison.Ordinal) && TryIsoDate(l.AsSpan(5).Trim().Trim('"'), out var d))
            {
                return d;
            }
        }

        if (text.Length >= 10 && TryIsoDate(text.AsSpan(0, 10), out var leading))
        {
            return leading;
        }

        // 2025-03-10 in the file name, or the last date in the manifest title (2023-08-10, 2024年3月5日, 2023-08)
        foreach (var source in new[] { id, manifestTitle ?? "" })
        {
            for (int i = source.Length - 10; i >= 0; i--)
            {
                if (TryIsoDate(source.AsSpan(i, 10), out var d))
                {
                    return d;
                }
            }
        }

        var title = manifestTitle ?? "";
        int year = title.IndexOf('年', StringComparison.Ordinal);
        if (year >= 4 && int.TryParse(title.AsSpan(year - 4, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y))
        {
            int month = title.IndexOf('月', year);
            int day = title.IndexOf('日', year);
            if (month > year && day > month
                && int.TryParse(title.AsSpan(year + 1, month - year - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int m)
                && int.TryParse(title.AsSpan(month + 1, day - month - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int dd))
            {
                return new DateOnly(y, m, dd);
            }
        }

        for (int i = title.Length - 7; i >= 0; i--)
        {
            if (DateOnly.TryParseExact(title.AsSpan(i, 7), "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var ym))
            {
                return ym; // the first of the month: enough for 今年, 去年
            }
        }

        return null;
    }

    private static bool TryIsoDate(ReadOnlySpan<char> s, out DateOnly date) =>
        DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    private static int Utf16Index(string text, int codePoints)
    {
        int cp = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (cp == codePoints)
            {
                return i;
            }

            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }

            cp++;
        }

        return text.Length;
    }
}
