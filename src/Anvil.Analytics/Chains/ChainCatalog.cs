using System.Text;
using Anvil.Data;
using Anvil.Store.Matching;

namespace Anvil.Analytics.Chains;

/// <summary>Where chain data comes from besides Anvil's own: a user's folder, placements files, and whether to use the built-in company lexicon.</summary>
public sealed record ChainSources
{
    /// <summary>
    /// A folder of the user's: chain templates (<c>*.yaml</c> with <c>stages:</c>; one with a built-in chain's id replaces
    /// it), and optionally <c>regions.yaml</c>, <c>companies.tsv</c> (company lexicon lines, which replace the built-in
    /// line of the same company), <c>placements.tsv</c> or <c>placements.yaml</c>, <c>text-evidence.yaml</c>.
    /// </summary>
    public string? Folder { get; init; }

    /// <summary>Placements files (company, stage, city, evidence): TSV, or YAML by extension.</summary>
    public IReadOnlyList<string> PlacementFiles { get; init; } = [];

    /// <summary>Use Anvil's lexicon of what well-known companies make (<c>chains/support/companies.tsv</c>).</summary>
    public bool BuiltInLexicon { get; init; } = true;

    /// <summary>Read stage words near company names in stored documents (<see cref="TextEvidence"/>).</summary>
    public bool TextEvidence { get; init; } = true;
}

/// <summary>
/// The chain data an analysis runs on: templates, the stage-word matcher over them, places and regions, the company
/// lexicon, the user's placements and the text-evidence words. Built-in data lives in
/// <c>src/Anvil.Data/data/chains/</c> (templates <c>*.yaml</c>, the rest in <c>support/</c>); users add or replace
/// chains in a folder of their own without touching code (<see cref="ChainSources.Folder"/>).
/// </summary>
public sealed class ChainCatalog
{
    private const string Folder = "chains";
    private static readonly Lazy<ChainCatalog> BuiltInLazy = new(() => Load(new ChainSources()));

    private ChainCatalog(ChainSources sources, IReadOnlyList<ChainTemplate> chains)
    {
        Sources = sources;
        Chains = chains;
        Matcher = new StageMatcher(chains);
    }

    /// <summary>Anvil's own chain data only.</summary>
    public static ChainCatalog BuiltIn => BuiltInLazy.Value;

    public ChainSources Sources { get; }

    public IReadOnlyList<ChainTemplate> Chains { get; }

    public StageMatcher Matcher { get; }

    public PlaceIndex Places { get; private set; } = null!;

    public IReadOnlyList<LexiconCompany> Lexicon { get; private set; } = [];

    public IReadOnlyList<UserPlacement> Placements { get; private set; } = [];

    public TextCues Cues { get; private set; } = TextCues.None;

    /// <summary>Loads Anvil's data and the user's; every mistake is a <see cref="ChainDataException"/> naming the file and line.</summary>
    public static ChainCatalog Load(ChainSources sources)
    {
        var chains = new List<ChainTemplate>();
        foreach (var path in DataFiles.List(Folder).Where(p => IsTopLevelYaml(p)))
        {
            var root = ChainYaml.Root(ReadData(path), path, ChainErrorCodes.BadTemplate)
                ?? throw new ChainDataException(ChainErrorCodes.BadTemplate, $"{path}: empty chain template");
            chains.Add(ChainYaml.Template(root, path, "built-in"));
        }

        var regions = ChainYaml.Regions(ChainYaml.Root(ReadData("chains/support/regions.yaml"), "chains/support/regions.yaml", ChainErrorCodes.BadSupportFile),
            "chains/support/regions.yaml");
        var cues = ChainYaml.Cues(ChainYaml.Root(ReadData("chains/support/text-evidence.yaml"), "chains/support/text-evidence.yaml", ChainErrorCodes.BadSupportFile),
            "chains/support/text-evidence.yaml");
        var lexicon = sources.BuiltInLexicon
            ? CompanyFiles.Lexicon(ReadData("chains/support/companies.tsv").Split('\n'), "chains/support/companies.tsv").ToList()
            : [];
        var placementFiles = new List<string>();

        if (sources.Folder is { } folder)
        {
            if (!Directory.Exists(folder))
            {
                throw new ChainDataException(ChainErrorCodes.CannotRead, $"{folder}: no such chains folder");
            }

            foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(path).ToLowerInvariant();
                switch (name)
                {
                    case "regions.yaml" or "regions.yml":
                        foreach (var (region, members) in ChainYaml.Regions(ChainYaml.Root(ReadFile(path), path, ChainErrorCodes.BadSupportFile), path))
                        {
                            regions[region] = members;
                        }

                        break;
                    case "text-evidence.yaml" or "text-evidence.yml":
                        cues = cues.Merge(ChainYaml.Cues(ChainYaml.Root(ReadFile(path), path, ChainErrorCodes.BadSupportFile), path));
                        break;
                    case "companies.tsv":
                        var own = CompanyFiles.Lexicon(ReadFile(path).Split('\n'), path).ToList();
                        var replaced = own.Select(c => Names.Fold(c.Company)).ToHashSet(StringComparer.Ordinal);
                        lexicon = [.. lexicon.Where(c => !replaced.Contains(Names.Fold(c.Company))), .. own];
                        break;
                    case "placements.tsv" or "placements.yaml" or "placements.yml":
                        placementFiles.Add(path);
                        break;
                    default:
                        if (name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal))
                        {
                            var root = ChainYaml.Root(ReadFile(path), path, ChainErrorCodes.BadTemplate);
                            if (root is null || !ChainYaml.IsTemplate(root))
                            {
                                throw new ChainDataException(ChainErrorCodes.BadTemplate,
                                    $"{path}: a .yaml file in a chains folder is a chain template and needs 'stages:' (regions.yaml, placements.yaml and text-evidence.yaml are the other names it may hold)");
                            }

                            var chain = ChainYaml.Template(root, path, path);
                            chains.RemoveAll(c => c.Id == chain.Id);
                            chains.Add(chain);
                        }

                        break;
                }
            }
        }

        placementFiles.AddRange(sources.PlacementFiles);
        var catalog = new ChainCatalog(sources, chains)
        {
            Places = PlaceIndex.Load(regions),
            Lexicon = lexicon,
            Cues = cues,
        };
        catalog.Placements = [.. placementFiles.SelectMany(f =>
        {
            if (!File.Exists(f))
            {
                throw new ChainDataException(ChainErrorCodes.CannotRead, $"{f}: placements file not found");
            }

            return CompanyFiles.Placements(f, catalog.FindStages);
        })];
        return catalog;
    }

    /// <summary>A chain by id, name or alias (nev, 新能源汽车, 电动汽车), or null.</summary>
    public ChainTemplate? Chain(string text)
    {
        var key = Names.Fold(text);
        return Chains.FirstOrDefault(c => Names.Fold(c.Id) == key || Names.Fold(c.Name) == key || c.Aliases.Any(a => Names.Fold(a) == key));
    }

    /// <summary>
    /// The stages a user's words name: <c>chain/stage</c> by id, name or alias (<c>nev/battery</c>, <c>新能源汽车/电池</c>,
    /// <c>人工智能/算力</c>); else a stage's id or name in any chain (<c>电池</c>), or a part of its name (<c>算力</c>); else the
    /// stages a product word places a company in (<c>动力电池</c>). Empty when nothing fits.
    /// </summary>
    public IReadOnlyList<StageRef> FindStages(string text)
    {
        var key = Names.Fold(text);
        if (key.Length == 0)
        {
            return [];
        }

        foreach (var chain in Chains)
        {
            foreach (var prefix in chain.Aliases.Append(chain.Id).Append(chain.Name).Select(p => Names.Fold(p) + "/"))
            {
                if (key.StartsWith(prefix, StringComparison.Ordinal) && StagesNamed(chain, key[prefix.Length..]) is { Count: > 0 } inChain)
                {
                    return inChain;
                }
            }
        }

        var named = StagesNamed(Chains, key);
        if (named.Count > 0)
        {
            return named;
        }

        return [.. Matcher.Place(text).SelectMany(m => m.Stages).Distinct()];
    }

    private static List<StageRef> StagesNamed(ChainTemplate chain, string key) => StagesNamed([chain], key);

    /// <summary>Stages whose id or whole name is the key; else those with the key as a part of their name (算力 of 算力/云计算).</summary>
    private static List<StageRef> StagesNamed(IEnumerable<ChainTemplate> chains, string key)
    {
        var all = chains.SelectMany(c => c.Stages.Select(s => new StageRef(c, s))).ToList();
        var whole = all.Where(r => Names.Fold(r.Stage.Id) == key || Names.Fold(r.Stage.Name) == key).ToList();
        return whole.Count > 0 ? whole : [.. all.Where(r => r.Stage.NameParts.Any(p => Names.Fold(p) == key))];
    }

    private static bool IsTopLevelYaml(string path) =>
        path.EndsWith(".yaml", StringComparison.Ordinal) && path.IndexOf('/', Folder.Length + 1) < 0;

    private static string ReadData(string path)
    {
        using var reader = new StreamReader(DataFiles.Open(path), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ChainDataException(ChainErrorCodes.CannotRead, $"{path}: cannot be read ({e.Message})");
        }
    }
}
