using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Anvil.Analytics.Chains;

/// <summary>
/// Reads the YAML files of the chain data: templates, regions and the text-evidence words. Every mistake is a
/// <see cref="ChainDataException"/> naming the file and line, and unknown keys are mistakes (a misspelt
/// <c>wieght:</c> would otherwise be silently ignored).
/// </summary>
internal static class ChainYaml
{
    /// <summary>The root mapping of a YAML text, or null for an empty file.</summary>
    public static YamlMappingNode? Root(string text, string origin, string code)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ChainDataException(code, $"{origin}:{e.Start.Line}: not valid YAML ({e.Message})");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return null;
        }

        return stream.Documents[0].RootNode as YamlMappingNode
            ?? throw new ChainDataException(code, $"{origin}:{Line(stream.Documents[0].RootNode)}: expected a mapping of keys at the top");
    }

    /// <summary>True when the text is a chain template (a mapping with <c>stages:</c> at the top).</summary>
    public static bool IsTemplate(YamlMappingNode root) =>
        root.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value == "stages");

    public static ChainTemplate Template(YamlMappingNode root, string origin, string source)
    {
        const string code = ChainErrorCodes.BadTemplate;
        string? id = null, name = null;
        var aliases = new List<string>();
        var exclude = new List<string>();
        var stages = new List<ChainStage>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "id":
                    id = Scalar(value, origin, key, code);
                    break;
                case "name":
                    name = Scalar(value, origin, key, code);
                    break;
                case "aliases":
                    aliases.AddRange(List(value, origin, key, code));
                    break;
                case "exclude":
                    exclude.AddRange(List(value, origin, key, code));
                    break;
                case "stages":
                    if (value is not YamlSequenceNode list || list.Children.Count == 0)
                    {
                        throw Error(code, origin, value, "'stages' must be a list of stages, each with id, name, weight and words");
                    }

                    foreach (var item in list.Children)
                    {
                        stages.Add(Stage(item, origin));
                    }

                    break;
                default:
                    throw Error(code, origin, keyNode, $"unknown key '{key}' (use id, name, aliases, stages, exclude)");
            }
        }

        if (id is null || !IsId(id))
        {
            throw Error(code, origin, root, "the chain needs an 'id' of Latin letters, digits and '-' (such as nev)");
        }

        if (name is null)
        {
            throw Error(code, origin, root, $"chain '{id}' has no 'name'");
        }

        if (stages.Count == 0)
        {
            throw Error(code, origin, root, $"chain '{id}' has no stages");
        }

        var repeated = stages.GroupBy(s => s.Id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw Error(code, origin, root, $"chain '{id}' has two stages with the id '{repeated.Key}'");
        }

        return new ChainTemplate(id, name, aliases, stages, source) { Exclude = exclude };
    }

    private static ChainStage Stage(YamlNode node, string origin)
    {
        const string code = ChainErrorCodes.BadTemplate;
        if (node is not YamlMappingNode map)
        {
            throw Error(code, origin, node, "each stage must be a mapping with id, name, weight and words");
        }

        string? id = null, name = null;
        double weight = 1;
        var words = new List<string>();
        foreach (var (keyNode, value) in map.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "id":
                    id = Scalar(value, origin, key, code);
                    break;
                case "name":
                    name = Scalar(value, origin, key, code);
                    break;
                case "weight":
                    var text = Scalar(value, origin, key, code);
                    if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out weight) || !(weight > 0) || double.IsInfinity(weight))
                    {
                        throw Error(code, origin, value, $"'weight' must be a number above 0, not '{text}'");
                    }

                    break;
                case "words":
                    words.AddRange(List(value, origin, key, code));
                    break;
                default:
                    throw Error(code, origin, keyNode, $"unknown key '{key}' in a stage (use id, name, weight, words)");
            }
        }

        if (id is null || !IsId(id))
        {
            throw Error(code, origin, map, "each stage needs an 'id' of Latin letters, digits and '-' (such as battery)");
        }

        if (name is null)
        {
            throw Error(code, origin, map, $"stage '{id}' has no 'name'");
        }

        if (words.Count == 0)
        {
            throw Error(code, origin, map, $"stage '{id}' lists no words: nothing could place a company in it");
        }

        return new ChainStage(id, name, weight, words);
    }

    /// <summary><c>regions:</c> name → list of provinces and cities.</summary>
    public static Dictionary<string, IReadOnlyList<string>> Regions(YamlMappingNode? root, string origin)
    {
        const string code = ChainErrorCodes.BadSupportFile;
        var regions = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (root is null)
        {
            return regions;
        }

        foreach (var (keyNode, value) in root.Children)
        {
            if ((keyNode as YamlScalarNode)?.Value != "regions")
            {
                throw Error(code, origin, keyNode, $"unknown key '{(keyNode as YamlScalarNode)?.Value}' (use regions)");
            }

            if (value is not YamlMappingNode map)
            {
                throw Error(code, origin, value, "'regions' must map each region to a list of provinces and cities");
            }

            foreach (var (nameNode, members) in map.Children)
            {
                var name = Scalar(nameNode, origin, "regions", code);
                regions[name] = List(members, origin, name, code);
            }
        }

        return regions;
    }

    /// <summary>The words of the text-evidence rule.</summary>
    public static TextCues Cues(YamlMappingNode? root, string origin)
    {
        const string code = ChainErrorCodes.BadSupportFile;
        var cues = TextCues.None;
        if (root is null)
        {
            return cues;
        }

        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            cues = key switch
            {
                "max_gap" => int.TryParse(Scalar(value, origin, key, code), NumberStyles.None, CultureInfo.InvariantCulture, out var gap) && gap > 0
                    ? cues with { MaxGap = gap }
                    : throw Error(code, origin, value, "'max_gap' must be a whole number of characters above 0"),
                "links" => cues with { Links = List(value, origin, key, code) },
                "after" => cues with { After = List(value, origin, key, code) },
                "blocks" => cues with { Blocks = List(value, origin, key, code) },
                "sites" => cues with { Sites = List(value, origin, key, code) },
                "at" => cues with { At = List(value, origin, key, code) },
                "work" => cues with { Work = List(value, origin, key, code) },
                _ => throw Error(code, origin, keyNode, $"unknown key '{key}' (use max_gap, links, after, blocks, sites, at, work)"),
            };
        }

        return cues;
    }

    public static string Scalar(YamlNode node, string origin, string key, string code) =>
        node is YamlScalarNode { Value: { } v } && v.Trim().Length > 0
            ? v.Trim()
            : throw Error(code, origin, node, $"'{key}' needs a text value");

    public static IReadOnlyList<string> List(YamlNode node, string origin, string key, string code) => node switch
    {
        YamlSequenceNode list => [.. list.Children.Select(c => Scalar(c, origin, key, code))],
        YamlScalarNode { Value: null or "" } => [],
        _ => [Scalar(node, origin, key, code)],
    };

    public static int Line(YamlNode node) => (int)node.Start.Line;

    public static ChainDataException Error(string code, string origin, YamlNode node, string reason) =>
        new(code, $"{origin}:{Line(node)}: {reason}");

    private static bool IsId(string id) =>
        id.Length > 0 && id.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '-' or '_');
}
