using System.Text.Json;

namespace Anvil.Core.Evaluation;

/// <summary>
/// Records read from JSON Lines (gold files or extraction output), kept as parsed JSON objects: the
/// scorer reads the fields the spec names and nothing else.
/// </summary>
public sealed class RecordSet
{
    public List<JsonElement> Records { get; } = [];

    public List<string> Problems { get; } = [];

    /// <summary>Reads JSON Lines; a bad line is reported in <see cref="Problems"/> (file:line: reason), never fatal.</summary>
    public void AddJsonLines(string path, IEnumerable<string> lines, Action<JsonElement>? tag = null)
    {
        int n = 0;
        foreach (var raw in lines)
        {
            n++;
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var doc = JsonDocument.Parse(line);
                var element = doc.RootElement.Clone();
                if (element.ValueKind != JsonValueKind.Object)
                {
                    Problems.Add($"{path}:{n}: not a JSON object");
                    continue;
                }

                tag?.Invoke(element);
                Records.Add(element);
            }
            catch (JsonException e)
            {
                Problems.Add($"{path}:{n}: bad JSON: {e.Message}");
            }
        }
    }
}

/// <summary>
/// A folder of gold annotations as <c>shared/gold/GUIDELINES.md</c> describes it: <c>DOC.facts.jsonl</c>,
/// <c>DOC.entities.jsonl</c>, <c>DOC.relations.jsonl</c> and, for long documents, <c>DOC.regions.json</c>.
/// </summary>
public sealed class GoldSet
{
    public List<(string Kind, JsonElement Record)> Records { get; } = [];

    /// <summary>Documents that have a relations file, even an empty one (they are scored for relations).</summary>
    public List<string> RelationDocuments { get; } = [];

    public Dictionary<string, List<(int Start, int End)>> Regions { get; } = new(StringComparer.Ordinal);

    public List<string> Problems { get; } = [];

    public static GoldSet Load(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"E0400: gold folder '{folder}' does not exist");
        }

        var gold = new GoldSet();
        var files = Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        foreach (var name in files)
        {
            if (name.EndsWith(".relations.jsonl", StringComparison.Ordinal))
            {
                gold.RelationDocuments.Add(name[..^".relations.jsonl".Length]);
            }

            if (name.EndsWith(".jsonl", StringComparison.Ordinal))
            {
                var parts = name.Split('.');
                string kind = parts.Length >= 3 ? parts[^2] : "";
                var set = new RecordSet();
                set.AddJsonLines(name, File.ReadLines(Path.Combine(folder, name)));
                gold.Problems.AddRange(set.Problems);
                gold.Records.AddRange(set.Records.Select(r => (kind, r)));
            }
        }

        foreach (var name in files.Where(f => f.EndsWith(".regions.json", StringComparison.Ordinal)))
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, name)));
            string id = doc.RootElement.GetProperty("doc").GetString() ?? "";
            gold.Regions[id] = doc.RootElement.GetProperty("regions").EnumerateArray()
                .Select(r => (r[0].GetInt32(), r[1].GetInt32())).ToList();
        }

        return gold;
    }
}
