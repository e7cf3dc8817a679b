using Anvil.Core.Documents;

namespace Anvil.Analytics.Chains;

/// <summary>Where a placement comes from, strongest first: a stated relation, words near the company's name, a figure's scope, the user's file, Anvil's lexicon.</summary>
public enum EvidenceKind
{
    /// <summary>A relation extraction stated: <c>produces</c>, <c>located_in</c>, <c>headquartered_in</c>, <c>member_of</c> a group named for a city.</summary>
    Relation,

    /// <summary>A stage word near the company's name in a stored document (<see cref="TextEvidence"/>).</summary>
    Text,

    /// <summary>The scope or indicator of a figure about the company (比亚迪, 新能源汽车, 销量).</summary>
    Fact,

    /// <summary>A line of the user's placements file.</summary>
    User,

    /// <summary>A line of a company lexicon (Anvil's, or the user's <c>companies.tsv</c>).</summary>
    Lexicon,
}

/// <summary>
/// Why a company sits in a stage or a city. From documents (<see cref="EvidenceKind.Relation"/>, <see cref="EvidenceKind.Text"/>,
/// <see cref="EvidenceKind.Fact"/>) it carries the document, the span (<c>[start, end)</c> in code points of the original
/// text, as everywhere in Anvil) and the quote; from files (<see cref="EvidenceKind.User"/>, <see cref="EvidenceKind.Lexicon"/>)
/// it carries <see cref="Origin"/> (<c>file:line</c>). <see cref="Detail"/> says what was read: <c>produces 全固态电池</c>,
/// <c>located_in 深圳</c>, <c>text 电池</c>, <c>fact scope 新能源汽车</c>, <c>lexicon 动力电池</c>, or the user's own words.
/// </summary>
public sealed record ChainEvidence(EvidenceKind Kind, string Detail)
{
    public string? Doc { get; init; }

    public int? Start { get; init; }

    public int? End { get; init; }

    public string? Quote { get; init; }

    public string? Origin { get; init; }

    /// <summary><c>relation</c>, <c>text</c>, <c>fact</c>, <c>user</c> or <c>lexicon</c>.</summary>
    public string KindName => Kind.ToString().ToLowerInvariant();

    /// <summary>
    /// The sentence of the quote that states it, for people: a quote running over several sentences (a statement whose
    /// company was named sentences before) is cut to its last sentence, after an ellipsis; line ends read as spaces.
    /// </summary>
    public string? Sentence
    {
        get
        {
            if (Quote is null)
            {
                return null;
            }

            var flat = Quote.ReplaceLineEndings(" ").Trim();
            int cut = flat.Length > 1 ? flat.AsSpan(0, flat.Length - 1).LastIndexOfAny(Punctuation.SentenceEnds) : -1;
            return cut < 0 ? flat : "…" + flat[(cut + 1)..];
        }
    }
}

/// <summary>
/// A company in a chain stage, through <see cref="Word"/> (the stage word that matched), with its evidence. <see cref="City"/>
/// is the city the same statement places that work in (在坪山荣耀智能制造产业园…生产手机; a user's line with a city), or null
/// when the text says it of the company: then it counts in the company's home cities only.
/// </summary>
public sealed record StagePlacement(string Company, StageRef Stage, string Word, ChainEvidence Evidence)
{
    public string? City { get; init; }
}

/// <summary>What a city is to a company: where the company itself is, or only where one of its sites is.</summary>
public enum CityRole
{
    /// <summary>Headquarters, registered seat, a city-named group, a company written with its city (深圳的速腾聚创), the lexicon's or the user's city.</summary>
    Home,

    /// <summary>A factory, base or branch (比亚迪的工厂分别坐落在…, 襄阳工厂): it makes only what a text or file places there.</summary>
    Site,
}

/// <summary>A company in a city (a city as <see cref="PlaceIndex.Resolve"/> gives it), with its evidence and <see cref="Role"/>.</summary>
public sealed record CityPlacement(string Company, string City, ChainEvidence Evidence)
{
    public CityRole Role { get; init; } = CityRole.Home;
}

/// <summary>Everything that places one company: its stages and its cities, each with evidence, strongest first.</summary>
public sealed record CompanyPlacement(string Company, IReadOnlyList<StagePlacement> Stages, IReadOnlyList<CityPlacement> Cities)
{
    public IEnumerable<string> CityNames => Cities.Select(c => c.City).Distinct(StringComparer.Ordinal);

    public bool IsIn(StageRef stage) => Stages.Any(s => s.Stage.Equals(stage));

    public bool IsIn(string city) => Cities.Any(c => c.City == city);

    /// <summary>Whether the city is one of the company's homes (not only a site of it).</summary>
    public bool IsHome(string city) => Cities.Any(c => c.City == city && c.Role == CityRole.Home);

    /// <summary>
    /// The placements by which the company makes <paramref name="stage"/> in <paramref name="city"/>: work a statement places
    /// in that city, and work said of the company when the city is its home. A factory city gets what its factory makes,
    /// not the company's whole range.
    /// </summary>
    public IEnumerable<StagePlacement> Makes(StageRef stage, string city) =>
        Stages.Where(s => s.Stage.Equals(stage) && (s.City == city || (s.City is null && IsHome(city))));
}

/// <summary>Why a company's stage counts in a city, or why not.</summary>
public enum CountBasis
{
    /// <summary>A statement or a file line places that work in the city (盐城电池工厂, 在苏州量产, a user's line with the city).</summary>
    StatedHere,

    /// <summary>Said of the company without a place, and the city is one of the company's homes (its headquarters).</summary>
    Home,

    /// <summary>The company is in the city (only as a site, or the work is placed in other cities): the stage does not count there.</summary>
    Elsewhere,
}

/// <summary>
/// A company that makes a stage in a city: the evidence for the stage and for the city, and <see cref="Basis"/>: whether a
/// statement places the work in the city, or the city is the company's home and the work is said of the company.
/// </summary>
public sealed record StageSupplier(string Company, string City, IReadOnlyList<ChainEvidence> StageEvidence, IReadOnlyList<ChainEvidence> CityEvidence)
{
    public CountBasis Basis { get; init; } = CountBasis.Home;

    /// <summary><c>stated_here</c>, <c>home</c> or <c>elsewhere</c>.</summary>
    public string BasisName => Basis switch
    {
        CountBasis.StatedHere => "stated_here",
        CountBasis.Home => "home",
        _ => "elsewhere",
    };

    /// <summary>For <see cref="CountBasis.Elsewhere"/>: the cities where the company's stage does count.</summary>
    public IReadOnlyList<string> CountsIn { get; init; } = [];
}

/// <summary>
/// Every company placed by the chain data and a knowledge base, with lookups by city and stage. Build it with
/// <see cref="ChainAnalysis.Place(Anvil.Store.IKnowledgeStore, ChainCatalog?)"/>; it is plain data and may be kept and
/// queried many times (a web page builds it once per request or caches it).
/// </summary>
public sealed class ChainPlacements
{
    public ChainPlacements(ChainCatalog catalog, IReadOnlyList<CompanyPlacement> companies)
    {
        Catalog = catalog;
        Companies = companies;
    }

    public ChainCatalog Catalog { get; }

    /// <summary>Companies with at least one stage or city, by name.</summary>
    public IReadOnlyList<CompanyPlacement> Companies { get; }

    /// <summary>Every city some company placed in a stage is in, by name.</summary>
    public IReadOnlyList<string> Cities =>
        [.. Companies.Where(c => c.Stages.Count > 0).SelectMany(c => c.CityNames).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    public CompanyPlacement? Company(string name) => Companies.FirstOrDefault(c => c.Company == name);

    /// <summary>
    /// The companies that make <paramref name="stage"/> in <paramref name="city"/> (<see cref="CompanyPlacement.Makes"/>), most
    /// evidence first; the city evidence says where the company is placed there (home or site).
    /// </summary>
    public IReadOnlyList<StageSupplier> Suppliers(string city, StageRef stage) =>
        [.. Companies
            .Where(c => c.IsIn(city) && c.Makes(stage, city).Any())
            .Select(c => Supplier(c, city, stage))
            .OrderBy(s => s.StageEvidence.Min(e => e.Kind))
            .ThenByDescending(s => s.StageEvidence.Count)
            .ThenBy(s => s.Company, StringComparer.Ordinal)];

    /// <summary>
    /// Why <paramref name="city"/> makes <paramref name="stage"/>, or does not: the companies that make it there
    /// (<see cref="CountBasis.StatedHere"/> or <see cref="CountBasis.Home"/>), then the companies in the city whose stage
    /// counts elsewhere (<see cref="CountBasis.Elsewhere"/>: a factory city no statement places the work in).
    /// </summary>
    public IReadOnlyList<StageSupplier> Reasons(string city, StageRef stage) =>
        [.. Suppliers(city, stage), .. Companies
            .Where(c => c.IsIn(city) && c.IsIn(stage) && !c.Makes(stage, city).Any())
            .OrderBy(c => c.Company, StringComparer.Ordinal)
            .Select(c => new StageSupplier(c.Company, city,
                [.. c.Stages.Where(s => s.Stage.Equals(stage)).Select(s => s.Evidence)],
                [.. c.Cities.Where(x => x.City == city).Select(x => x.Evidence)])
            {
                Basis = CountBasis.Elsewhere,
                CountsIn = [.. c.CityNames.Where(other => c.Makes(stage, other).Any()).Order(StringComparer.Ordinal)],
            })];

    /// <summary>
    /// The company as a maker of the stage in the city: the work stated there first, then the work said of the company;
    /// for a home, its home evidence first.
    /// </summary>
    private static StageSupplier Supplier(CompanyPlacement c, string city, StageRef stage)
    {
        var made = c.Makes(stage, city).ToList();
        bool stated = made.Any(s => s.City == city);
        return new StageSupplier(c.Company, city,
            [.. made.Where(s => s.City == city).Concat(made.Where(s => s.City != city)).Select(s => s.Evidence)],
            [.. c.Cities.Where(x => x.City == city).OrderBy(x => stated == (x.Role == CityRole.Site) ? 0 : 1).Select(x => x.Evidence)])
        {
            Basis = stated ? CountBasis.StatedHere : CountBasis.Home,
        };
    }

    /// <summary>Every located company that makes <paramref name="stage"/>, one entry per company and city.</summary>
    public IReadOnlyList<StageSupplier> Suppliers(StageRef stage) =>
        [.. Companies.Where(c => c.IsIn(stage)).SelectMany(c => c.CityNames).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .SelectMany(city => Suppliers(city, stage))];
}
