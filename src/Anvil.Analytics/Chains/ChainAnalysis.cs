using Anvil.Store;
using Anvil.Store.Matching;

namespace Anvil.Analytics.Chains;

/// <summary>One stage of a chain in a city: the local companies that make it, with evidence; none when the city does not.</summary>
public sealed record StageCoverage(ChainStage Stage, IReadOnlyList<StageSupplier> Suppliers)
{
    public bool Covered => Suppliers.Count > 0;
}

/// <summary>
/// A chain in a city, stage by stage (in the template's order). <see cref="Closure"/> is the share of the chain the
/// city makes itself: the weights of its covered stages over the weights of all stages (0 to 1).
/// </summary>
public sealed record ChainCoverage(string City, ChainTemplate Chain, IReadOnlyList<StageCoverage> Stages)
{
    public double Closure => Chain.TotalWeight > 0 ? Stages.Where(s => s.Covered).Sum(s => s.Stage.Weight) / Chain.TotalWeight : 0;

    public int CoveredStages => Stages.Count(s => s.Covered);

    public IEnumerable<ChainStage> Missing => Stages.Where(s => !s.Covered).Select(s => s.Stage);
}

/// <summary>What becomes of a stage in a city's chain when its supply lines are cut.</summary>
public enum ShockOutcome
{
    /// <summary>No company in the city (or, with a place, in the place) makes the stage: the chain loses it.</summary>
    Lost,

    /// <summary>The city does not make it, but another city inside the place does.</summary>
    KeptInPlace,

    /// <summary>A company in the city makes it.</summary>
    KeptLocally,
}

/// <summary>
/// One cut stage of a chain a city has (makes at least one stage of). <see cref="Local"/>: the city's own makers;
/// <see cref="InPlace"/>: makers in other cities inside the place; <see cref="CutOff"/>: the known makers whose supply
/// no longer reaches the city. <see cref="Closure"/> is the city's closure of the chain, for context.
/// </summary>
public sealed record ShockRow(string City, ChainTemplate Chain, ChainStage Stage, ShockOutcome Outcome, double Closure, bool InsidePlace,
    IReadOnlyList<StageSupplier> Local, IReadOnlyList<StageSupplier> InPlace, IReadOnlyList<StageSupplier> CutOff);

/// <summary>The outcome of a cut: <see cref="Stages"/> are the stages <see cref="Cut"/> named, <see cref="Outside"/> the place whose inner supply lines stay open.</summary>
public sealed record ShockReport(string Cut, IReadOnlyList<StageRef> Stages, string? Outside, IReadOnlyList<ShockRow> Rows)
{
    public IEnumerable<ShockRow> Lost => Rows.Where(r => r.Outcome == ShockOutcome.Lost);
}

/// <summary>Two or more cities' chains side by side: for each chain either city has, each city's coverage (aligned with <see cref="Cities"/>).</summary>
public sealed record CityComparison(IReadOnlyList<string> Cities, IReadOnlyList<ChainComparison> Chains);

/// <summary>One chain of a comparison: <see cref="Coverage"/>[i] is the coverage of <see cref="CityComparison.Cities"/>[i].</summary>
public sealed record ChainComparison(ChainTemplate Chain, IReadOnlyList<ChainCoverage> Coverage);

/// <summary>
/// Industrial chains: what a city makes itself, and what breaks when links are cut. The service the CLI verbs
/// (<c>anvil chains ...</c>) and the dashboard's chains page call; every result is a plain record.
/// <list type="number">
/// <item><see cref="Place(IKnowledgeStore, ChainCatalog?)"/> places each company of the knowledge base in chain stages
/// and cities, every placement with its evidence.</item>
/// <item><see cref="Coverage(ChainPlacements, IReadOnlyCollection{string}?, bool)"/>: per city and chain, the stages made locally, by whom, and the closure score.</item>
/// <item><see cref="Shock(ChainPlacements, string, string?)"/>: which chains in which cities lose a stage when its supply lines are cut.</item>
/// <item><see cref="CompareCities(ChainPlacements, IReadOnlyList{string})"/>: cities side by side, stage by stage.</item>
/// </list>
/// </summary>
public static class ChainAnalysis
{
    /// <summary>Places the companies of a knowledge base (<paramref name="catalog"/>: <see cref="ChainCatalog.BuiltIn"/> when null).</summary>
    public static ChainPlacements Place(IKnowledgeStore store, ChainCatalog? catalog = null) =>
        new ChainPlacer(store, catalog ?? ChainCatalog.BuiltIn).Run();

    /// <summary>The city a user's place name stands for (深圳市, 深圳 → 深圳; 南山区 → 深圳).</summary>
    public static string City(ChainPlacements placements, string name) =>
        placements.Catalog.Places.Resolve(Names.Canonical(name));

    /// <summary>
    /// Per city and chain, the stages the city makes itself. <paramref name="cities"/>: these (any script or form), or
    /// every city a company is placed in; chains the city makes no stage of are left out unless <paramref name="includeEmpty"/>.
    /// Cities in the given order (else by name), chains in the catalog's order.
    /// </summary>
    public static IReadOnlyList<ChainCoverage> Coverage(ChainPlacements placements, IReadOnlyCollection<string>? cities = null, bool includeEmpty = false)
    {
        var list = cities is { Count: > 0 } ? cities.Select(c => City(placements, c)).Distinct(StringComparer.Ordinal).ToList() : [.. placements.Cities];
        return [.. list.SelectMany(city => placements.Catalog.Chains.Select(chain => Coverage(placements, city, chain)))
            .Where(c => includeEmpty || c.CoveredStages > 0)];
    }

    /// <summary>One chain in one (resolved) city.</summary>
    public static ChainCoverage Coverage(ChainPlacements placements, string city, ChainTemplate chain) =>
        new(city, chain, [.. chain.Stages.Select(s => new StageCoverage(s, placements.Suppliers(city, new StageRef(chain, s))))]);

    /// <summary>Coverage straight from a knowledge base, with the built-in chain data unless <paramref name="catalog"/> is given.</summary>
    public static IReadOnlyList<ChainCoverage> Coverage(IKnowledgeStore store, IReadOnlyCollection<string>? cities = null, ChainCatalog? catalog = null) =>
        Coverage(Place(store, catalog), cities);

    /// <summary>
    /// Cuts the supply lines of the stages <paramref name="cut"/> names (a stage name such as 芯片, <c>chain/stage</c>, or a
    /// product word) and says, for every city and chain that has the stage among its stages, whether the city keeps it.
    /// Without <paramref name="outside"/> the stage crosses no city border: a city keeps it only when a company in the city
    /// makes it. With a place (a city, province, region such as 长三角, or 中国) the cut falls on supply from outside that
    /// place: the lines inside it stay open, so a city inside keeps the stage when any company in the place makes it; a
    /// city outside keeps it only when it makes it itself. Rows: lost first, then kept in the place, then kept locally.
    /// </summary>
    /// <exception cref="ChainDataException">No stage is named <paramref name="cut"/> (<see cref="ChainErrorCodes.UnknownStage"/>), or the place is unknown (<see cref="ChainErrorCodes.UnknownPlace"/>).</exception>
    public static ShockReport Shock(ChainPlacements placements, string cut, string? outside = null)
    {
        var catalog = placements.Catalog;
        var stages = catalog.FindStages(cut);
        if (stages.Count == 0)
        {
            throw new ChainDataException(ChainErrorCodes.UnknownStage,
                $"no chain has a stage '{cut}' (name one as 芯片, 人工智能/芯片, ai/chips, or by a product word; anvil chains list shows them)");
        }

        string? place = null;
        if (!string.IsNullOrWhiteSpace(outside))
        {
            place = City(placements, outside);
            if (!catalog.Places.Knows(outside) && !placements.Companies.Any(c => c.IsIn(place)))
            {
                throw new ChainDataException(ChainErrorCodes.UnknownPlace,
                    $"'{outside}' is no city, province or region Anvil knows, and no company is placed there (regions: regions.yaml in the chains folder)");
            }
        }

        bool Inside(string city) => place is not null && catalog.Places.Contains(place, city);
        var rows = new List<ShockRow>();
        foreach (var coverage in Coverage(placements))
        {
            foreach (var stage in stages.Where(s => s.Chain.Id == coverage.Chain.Id))
            {
                var everywhere = placements.Suppliers(stage);
                var local = everywhere.Where(s => s.City == coverage.City).ToList();
                bool inside = Inside(coverage.City);
                var inPlace = inside ? everywhere.Where(s => s.City != coverage.City && Inside(s.City)).ToList() : [];
                var reached = local.Concat(inPlace).Select(s => (s.Company, s.City)).ToHashSet();
                var cutOff = everywhere.Where(s => !reached.Contains((s.Company, s.City))).ToList();
                var outcome = local.Count > 0 ? ShockOutcome.KeptLocally : inPlace.Count > 0 ? ShockOutcome.KeptInPlace : ShockOutcome.Lost;
                rows.Add(new ShockRow(coverage.City, coverage.Chain, stage.Stage, outcome, coverage.Closure, inside, local, inPlace, cutOff));
            }
        }

        var chainOrder = catalog.Chains.Select((c, i) => (c.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        rows = [.. rows.OrderBy(r => r.Outcome).ThenByDescending(r => r.InsidePlace).ThenBy(r => r.City, StringComparer.Ordinal).ThenBy(r => chainOrder[r.Chain.Id])];
        return new ShockReport(cut, stages, place, rows);
    }

    /// <summary>A shock straight from a knowledge base, with the built-in chain data unless <paramref name="catalog"/> is given.</summary>
    public static ShockReport Shock(IKnowledgeStore store, string cut, string? outside = null, ChainCatalog? catalog = null) =>
        Shock(Place(store, catalog), cut, outside);

    /// <summary>
    /// Cities side by side, chain by chain and stage by stage, with the companies and evidence of each covered stage.
    /// Chains none of the cities makes a stage of are left out.
    /// </summary>
    public static CityComparison CompareCities(ChainPlacements placements, IReadOnlyList<string> cities)
    {
        var resolved = cities.Select(c => City(placements, c)).Distinct(StringComparer.Ordinal).ToList();
        var chains = placements.Catalog.Chains
            .Select(chain => new ChainComparison(chain, [.. resolved.Select(city => Coverage(placements, city, chain))]))
            .Where(c => c.Coverage.Any(x => x.CoveredStages > 0))
            .ToList();
        return new CityComparison(resolved, chains);
    }

    /// <summary>Two cities straight from a knowledge base, with the built-in chain data unless <paramref name="catalog"/> is given.</summary>
    public static CityComparison CompareCities(IKnowledgeStore store, string first, string second, ChainCatalog? catalog = null) =>
        CompareCities(Place(store, catalog), [first, second]);
}
