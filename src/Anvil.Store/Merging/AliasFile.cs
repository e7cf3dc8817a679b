using System.Security.Cryptography;
using System.Text;
using Anvil.Core.Entities;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Anvil.Store.Merging;

/// <summary>
/// Reads a user's aliases file:
/// <code>
/// merge:
///   - name: 华为
///     aliases: [Huawei Technologies, 华为公司]
/// split:
///   - name: 华为云
///     from: 华为            # optional: only mentions extraction gave to 华为
///     type: company         # optional
///     aliases: [華為雲]
/// </code>
/// Every mistake is a <see cref="StoreException"/> (<see cref="StoreErrorCodes.BadAliasFile"/>) naming the file and line.
/// </summary>
public static class AliasFile
{
    /// <summary>The file looked for in the working folder when <c>--aliases</c> is not given.</summary>
    public const string DefaultName = "anvil.aliases.yaml";

    /// <summary>
    /// The rules of <paramref name="explicitPath"/> (which must exist), else of <see cref="DefaultName"/> in
    /// <paramref name="workingFolder"/> if there is one, else none. <paramref name="path"/> says which file was read.
    /// </summary>
    public static AliasRules Find(string? explicitPath, string workingFolder, out string? path)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            path = explicitPath;
            if (!File.Exists(explicitPath))
            {
                throw new StoreException(StoreErrorCodes.BadAliasFile, $"{explicitPath}: aliases file not found");
            }

            return Load(explicitPath);
        }

        var candidate = Path.Combine(workingFolder, DefaultName);
        if (File.Exists(candidate))
        {
            path = candidate;
            return Load(candidate);
        }

        path = null;
        return AliasRules.None;
    }

    public static AliasRules Load(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StoreException(StoreErrorCodes.BadAliasFile, $"{path}: cannot be read ({e.Message})");
        }

        return Parse(text, path);
    }

    public static AliasRules Parse(string text, string origin)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw Error(origin, (int)e.Start.Line, $"not valid YAML ({e.Message})");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return AliasRules.None;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw Error(origin, Line(stream.Documents[0].RootNode), "expected 'merge:' and/or 'split:' at the top");
        }

        var merges = new List<MergeRule>();
        var splits = new List<SplitRule>();
        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "merge":
                    foreach (var item in Items(value, origin, key))
                    {
                        var (name, type, from, aliases) = Entry(item, origin, allowFrom: false);
                        if (aliases.Count == 0)
                        {
                            throw Error(origin, Line(item), $"merge '{name}' lists no aliases to merge into it");
                        }

                        merges.Add(new MergeRule(name, type, aliases, Line(item)));
                    }

                    break;
                case "split":
                    foreach (var item in Items(value, origin, key))
                    {
                        var (name, type, from, aliases) = Entry(item, origin, allowFrom: true);
                        splits.Add(new SplitRule(name, type, from, aliases, Line(item)));
                    }

                    break;
                default:
                    throw Error(origin, Line(keyNode), $"unknown key '{key}' (use merge or split)");
            }
        }

        return new AliasRules(merges, splits, Fingerprint(merges, splits));
    }

    private static IEnumerable<YamlMappingNode> Items(YamlNode value, string origin, string key)
    {
        if (value is YamlScalarNode { Value: null or "" })
        {
            yield break;
        }

        if (value is not YamlSequenceNode list)
        {
            throw Error(origin, Line(value), $"'{key}' must be a list of entries such as '- name: 华为'");
        }

        foreach (var item in list.Children)
        {
            yield return item as YamlMappingNode
                ?? throw Error(origin, Line(item), $"each '{key}' entry must be a mapping with name and aliases");
        }
    }

    private static (string Name, EntityType? Type, string? From, IReadOnlyList<string> Aliases) Entry(YamlMappingNode item, string origin, bool allowFrom)
    {
        string? name = null, from = null;
        EntityType? type = null;
        var aliases = new List<string>();
        foreach (var (keyNode, value) in item.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value;
            switch (key)
            {
                case "name":
                    name = Scalar(value, origin, key);
                    break;
                case "type":
                    var typeName = Scalar(value, origin, key);
                    if (!EntityTypeNames.TryParse(typeName, out var parsed))
                    {
                        throw Error(origin, Line(value),
                            $"unknown entity type '{typeName}' (use place, company, person, government, organization, university, media, group, work, product or industry)");
                    }

                    type = parsed;
                    break;
                case "from" when allowFrom:
                    from = Scalar(value, origin, key);
                    break;
                case "aliases":
                    if (value is YamlSequenceNode list)
                    {
                        aliases.AddRange(list.Children.Select(a => Scalar(a, origin, key)));
                    }
                    else
                    {
                        aliases.Add(Scalar(value, origin, key));
                    }

                    break;
                default:
                    throw Error(origin, Line(keyNode), $"unknown key '{key}' (use name, type, {(allowFrom ? "from, " : "")}aliases)");
            }
        }

        if (string.IsNullOrWhiteSpace(name))
        {
            throw Error(origin, Line(item), "entry has no name");
        }

        return (name, type, from, aliases);
    }

    private static string Scalar(YamlNode node, string origin, string key) =>
        node is YamlScalarNode { Value: { } v } && v.Trim().Length > 0
            ? v.Trim()
            : throw Error(origin, Line(node), $"'{key}' needs a text value");

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static StoreException Error(string origin, int line, string reason) =>
        new(StoreErrorCodes.BadAliasFile, $"{origin}:{line}: {reason}");

    private static string Fingerprint(List<MergeRule> merges, List<SplitRule> splits)
    {
        var text = new StringBuilder();
        foreach (var m in merges)
        {
            text.Append("merge\t").Append(m.Name).Append('\t').Append(m.Type?.ToSpecName()).Append('\t').AppendJoin('|', m.Aliases).Append('\n');
        }

        foreach (var s in splits)
        {
            text.Append("split\t").Append(s.Name).Append('\t').Append(s.Type?.ToSpecName()).Append('\t').Append(s.From).Append('\t').AppendJoin('|', s.Aliases).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
