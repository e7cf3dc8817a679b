using System.Text.Json;
using Anvil.Core.Entities.Tagging;
using Anvil.Core.Normalization;

namespace Anvil.Training;

/// <summary>
/// One annotated sentence: its text (as the matching view shows it) and, per character, the tags the
/// annotation allows (a bit mask). A full annotation allows one tag per character; People's Daily's ORG
/// allows any of company, government body and organisation, the same kind across the name.
/// </summary>
internal sealed record Sentence(string Text, ushort[] Allowed, string Source)
{
    /// <summary>The names the annotation states, as kinds where it is certain (ORG of People's Daily: Organization).</summary>
    public List<TaggedName> Names { get; init; } = [];
}

/// <summary>Readers for the public NER corpora in ../shared/benchmarks (see their MANIFEST.tsv).</summary>
internal static class Corpora
{
    private static readonly Dictionary<string, NameKind> ClueKinds = new(StringComparer.Ordinal)
    {
        ["name"] = NameKind.Person,
        ["address"] = NameKind.Place,
        ["company"] = NameKind.Company,
        ["government"] = NameKind.Government,
        ["organization"] = NameKind.Organization,
    };

    /// <summary>CLUENER2020 JSON lines: {"text", "label": {type: {name: [[start, end-inclusive]]}}}; other types are O.</summary>
    public static List<Sentence> ReadCluener(string path)
    {
        var list = new List<Sentence>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }

            using var json = JsonDocument.Parse(line);
            string text = json.RootElement.GetProperty("text").GetString()!;
            var names = new List<TaggedName>();
            if (json.RootElement.TryGetProperty("label", out var label))
            {
                foreach (var type in label.EnumerateObject())
                {
                    if (!ClueKinds.TryGetValue(type.Name, out var kind))
                    {
                        continue;
                    }

                    foreach (var name in type.Value.EnumerateObject())
                    {
                        foreach (var span in name.Value.EnumerateArray())
                        {
                            names.Add(new TaggedName(span[0].GetInt32(), span[1].GetInt32() + 1, kind));
                        }
                    }
                }
            }

            list.Add(Make(text, names, partialOrganizations: false, "cluener"));
        }

        return list;
    }

    /// <summary>Character-per-line BIO files (People's Daily, MSRA): "char SEP tag", blank line between sentences.</summary>
    public static List<Sentence> ReadBio(string path, bool partialOrganizations, string source)
    {
        var list = new List<Sentence>();
        var chars = new System.Text.StringBuilder();
        var names = new List<TaggedName>();
        int start = -1;
        NameKind kind = NameKind.None;
        void Close(int end)
        {
            if (start >= 0)
            {
                names.Add(new TaggedName(start, end, kind));
                start = -1;
            }
        }

        void Flush()
        {
            Close(chars.Length);
            if (chars.Length > 0)
            {
                list.Add(Make(chars.ToString(), names, partialOrganizations, source));
            }

            chars.Clear();
            names = [];
        }

        foreach (var raw in File.ReadLines(path))
        {
            string line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0)
            {
                Flush();
                continue;
            }

            char c = line[0];
            string tag = line[1..].Trim();
            if (tag.StartsWith("B-", StringComparison.Ordinal) || (tag.StartsWith("I-", StringComparison.Ordinal) && (start < 0 || KindOf(tag[2..]) != kind)))
            {
                Close(chars.Length);
                start = chars.Length;
                kind = KindOf(tag[2..]);
            }
            else if (!tag.StartsWith("I-", StringComparison.Ordinal))
            {
                Close(chars.Length);
            }

            chars.Append(c);
        }

        Flush();
        return list;
    }

    private static NameKind KindOf(string tag) => tag switch
    {
        "PER" => NameKind.Person,
        "LOC" => NameKind.Place,
        _ => NameKind.Organization,
    };

    private static Sentence Make(string text, List<TaggedName> names, bool partialOrganizations, string source)
    {
        var view = TextNormalizer.Default.Normalize(text);
        string seen = view.Text.Length == text.Length ? view.Text : FoldWidth(text);
        var allowed = new ushort[text.Length];
        Array.Fill(allowed, (ushort)(1 << NameTags.Outside));
        foreach (var name in names.OrderBy(n => n.Start))
        {
            if (name.Start < 0 || name.End > text.Length || name.End <= name.Start)
            {
                continue;
            }

            NameKind[] kinds = partialOrganizations && name.Kind == NameKind.Organization
                ? [NameKind.Company, NameKind.Government, NameKind.Organization]
                : [name.Kind];
            for (int i = name.Start; i < name.End; i++)
            {
                ushort mask = 0;
                foreach (var k in kinds)
                {
                    mask |= (ushort)(1 << (i == name.Start ? NameTags.Begin(k) : NameTags.Inside(k)));
                }

                allowed[i] = mask;
            }
        }

        return new Sentence(seen, allowed, source) { Names = names };
    }

    private static string FoldWidth(string text) => string.Create(text.Length, text, static (span, t) =>
    {
        for (int i = 0; i < t.Length; i++)
        {
            char c = t[i];
            span[i] = c is >= '\uFF01' and <= '\uFF5E' ? (char)(c - 0xFEE0) : c == '\u3000' ? ' ' : c;
        }
    });
}
