using YamlDotNet.RepresentationModel;

namespace Anvil.Analytics.Chains;

/// <summary>A line of a company lexicon: what a company makes (product words, matched against every chain's stage words) and its city.</summary>
public sealed record LexiconCompany(string Company, IReadOnlyList<string> Products, string? City, string Origin);

/// <summary>
/// A line of a user's placements file: a company in a stage (<see cref="Stages"/>: what <see cref="Stage"/> named), in a
/// city, or both, with the user's evidence. <see cref="Origin"/> is <c>file:line</c>.
/// </summary>
public sealed record UserPlacement(string Company, string? Stage, IReadOnlyList<StageRef> Stages, string? City, string? Evidence, string Origin);

/// <summary>
/// Reads company lexicons (<c>company, products, city</c>, tab-separated) and placements files (tab-separated
/// <c>company, stage, city, evidence</c>, or YAML: a list of mappings with those keys). Lines starting with '#' are
/// comments; a first line naming the columns is skipped.
/// </summary>
internal static class CompanyFiles
{
    public static IEnumerable<LexiconCompany> Lexicon(IEnumerable<string> lines, string origin)
    {
        int n = 0;
        foreach (var raw in lines)
        {
            n++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line[0] == '#')
            {
                continue;
            }

            var c = line.Split('\t');
            if (c[0].Trim() == "company")
            {
                continue;
            }

            if (c.Length < 2 || c[0].Trim().Length == 0 || c[1].Trim().Length == 0)
            {
                throw new ChainDataException(ChainErrorCodes.BadSupportFile,
                    $"{origin}:{n}: expected company<TAB>products<TAB>city (products separated by '|'), as in 宁德时代\t动力电池\t宁德");
            }

            var products = c[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var city = c.Length > 2 && c[2].Trim().Length > 0 ? c[2].Trim() : null;
            yield return new LexiconCompany(c[0].Trim(), products, city, $"{origin}:{n}");
        }
    }

    /// <summary>A placements file, by its extension: <c>.yaml</c>/<c>.yml</c> as YAML, anything else as tab-separated.</summary>
    public static List<UserPlacement> Placements(string path, Func<string, IReadOnlyList<StageRef>> stages)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ChainDataException(ChainErrorCodes.CannotRead, $"{path}: cannot be read ({e.Message})");
        }

        var extension = Path.GetExtension(path).ToLowerInvariant();
        return extension is ".yaml" or ".yml" ? PlacementsYaml(text, path, stages) : PlacementsTsv(text, path, stages);
    }

    public static List<UserPlacement> PlacementsTsv(string text, string origin, Func<string, IReadOnlyList<StageRef>> stages)
    {
        var list = new List<UserPlacement>();
        int n = 0;
        foreach (var raw in text.Split('\n'))
        {
            n++;
            var line = raw.TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart()[0] == '#')
            {
                continue;
            }

            var c = line.Split('\t').Select(x => x.Trim()).ToArray();
            if (c[0] == "company")
            {
                continue;
            }

            string? Column(int i) => c.Length > i && c[i].Length > 0 ? c[i] : null;
            list.Add(Make(Column(0), Column(1), Column(2), Column(3), $"{origin}:{n}", stages));
        }

        return list;
    }

    public static List<UserPlacement> PlacementsYaml(string text, string origin, Func<string, IReadOnlyList<StageRef>> stages)
    {
        const string code = ChainErrorCodes.BadPlacements;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new ChainDataException(code, $"{origin}:{e.Start.Line}: not valid YAML ({e.Message})");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return [];
        }

        var root = stream.Documents[0].RootNode;
        if (root is YamlMappingNode map && map.Children.Count == 1 && (map.Children.Keys.First() as YamlScalarNode)?.Value == "placements")
        {
            root = map.Children.Values.First();
        }

        if (root is not YamlSequenceNode items)
        {
            throw ChainYaml.Error(code, origin, root, "expected a list of placements ('- company: 比亚迪', with stage, city, evidence), or 'placements:' holding one");
        }

        var list = new List<UserPlacement>();
        foreach (var item in items.Children)
        {
            if (item is not YamlMappingNode entry)
            {
                throw ChainYaml.Error(code, origin, item, "each placement must be a mapping with company, and stage and/or city");
            }

            string? company = null, city = null, evidence = null;
            var stageNames = new List<string>();
            foreach (var (keyNode, value) in entry.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value;
                switch (key)
                {
                    case "company":
                        company = ChainYaml.Scalar(value, origin, key, code);
                        break;
                    case "stage" or "stages":
                        stageNames.AddRange(ChainYaml.List(value, origin, key, code));
                        break;
                    case "city":
                        city = ChainYaml.Scalar(value, origin, key, code);
                        break;
                    case "evidence":
                        evidence = ChainYaml.Scalar(value, origin, key, code);
                        break;
                    default:
                        throw ChainYaml.Error(code, origin, keyNode, $"unknown key '{key}' (use company, stage, city, evidence)");
                }
            }

            var at = $"{origin}:{ChainYaml.Line(entry)}";
            if (stageNames.Count == 0)
            {
                list.Add(Make(company, null, city, evidence, at, stages));
            }

            list.AddRange(stageNames.Select(s => Make(company, s, city, evidence, at, stages)));
        }

        return list;
    }

    private static UserPlacement Make(string? company, string? stage, string? city, string? evidence, string at, Func<string, IReadOnlyList<StageRef>> stages)
    {
        if (company is null)
        {
            throw new ChainDataException(ChainErrorCodes.BadPlacements, $"{at}: no company (columns: company, stage, city, evidence)");
        }

        if (stage is null && city is null)
        {
            throw new ChainDataException(ChainErrorCodes.BadPlacements, $"{at}: {company}: give a stage, a city or both");
        }

        IReadOnlyList<StageRef> found = [];
        if (stage is not null)
        {
            found = stages(stage);
            if (found.Count == 0)
            {
                throw new ChainDataException(ChainErrorCodes.BadPlacements,
                    $"{at}: no chain has a stage '{stage}' (name one as 新能源汽车/电池, nev/battery, 电池, or by a product word such as 动力电池; anvil chains list shows them)");
            }
        }

        return new UserPlacement(company, stage, found, city, evidence, at);
    }
}
