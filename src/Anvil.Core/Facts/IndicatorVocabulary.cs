namespace Anvil.Core.Facts;

/// <summary>
/// What a canonical indicator applies to: any figure, the country's, a place's below it, a company's, money or counts, or a
/// place below the country with national accounts of its own (Hong Kong, Macau: facts/subject-cues.tsv, own-accounts).
/// </summary>
[Flags]
public enum IndicatorApplies
{
    Any = 0,
    Country = 1,
    Region = 2,
    Company = 4,
    Money = 8,
    Count = 16,
    OwnAccounts = 32,
}

/// <summary>
/// The indicator thesaurus (facts/indicators.tsv): one canonical name per measure, whatever the text calls it, chosen by
/// what the figure is about and its unit where one surface form means different measures (GDP of a city is 地区生产总值,
/// of the country 国内生产总值; 出口 of money is 出口额, of vehicles 出口量). Figures then compare like with like, and the
/// words as written stay beside the canonical name.
/// </summary>
public sealed class IndicatorVocabulary
{
    private readonly Dictionary<string, List<(string Canonical, IndicatorApplies AppliesTo)>> _bySurface = new(StringComparer.Ordinal);

    /// <summary>Endings that derive a measure from another (facts/measure-cues.tsv, derivation): its growth, its share.</summary>
    internal string[] DerivationSuffixes { get; set; } = [];

    public static IndicatorApplies ParseAppliesTo(string name) => name switch
    {
        "any" or "" => IndicatorApplies.Any,
        "country" => IndicatorApplies.Country,
        "region" => IndicatorApplies.Region,
        "company" => IndicatorApplies.Company,
        "money" => IndicatorApplies.Money,
        "count" => IndicatorApplies.Count,
        "own-accounts" => IndicatorApplies.OwnAccounts,
        _ => throw new InvalidDataException($"E0101: facts/indicators.tsv: '{name}' is not what an indicator applies to (any, country, region, company, money, count, own-accounts)"),
    };

    private readonly HashSet<string> _wholeOnly = new(StringComparer.Ordinal);

    internal void Add(string surface, string canonical, IndicatorApplies appliesTo, bool wholeOnly = false)
    {
        if (wholeOnly)
        {
            _wholeOnly.Add(surface);
        }

        if (!_bySurface.TryGetValue(surface, out var list))
        {
            _bySurface[surface] = list = [];
        }

        if (!list.Contains((canonical, appliesTo)))
        {
            list.Add((canonical, appliesTo));
        }
    }

    /// <summary>True when every canonical name the words may stand for is a measure of places (GDP: of a country or a region).</summary>
    public bool OnlyOfPlaces(string measure)
    {
        const IndicatorApplies places = IndicatorApplies.Country | IndicatorApplies.Region | IndicatorApplies.OwnAccounts;
        if (!_bySurface.TryGetValue(measure, out var candidates))
        {
            return false;
        }

        foreach (var (_, appliesTo) in candidates)
        {
            if (appliesTo == IndicatorApplies.Any || (appliesTo & ~places) != 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when the words are a known measure (canonical or a surface form).</summary>
    public bool Knows(string measure) => _bySurface.ContainsKey(measure);

    /// <summary>
    /// The canonical indicator of a measure as written, for a figure about something of the given kind (country, region,
    /// company) with a money or count unit; the words themselves when the thesaurus does not hold them or no canonical
    /// name applies.
    /// </summary>
    public string Canonical(string measure, IndicatorApplies subject, IndicatorApplies unit)
    {
        if (!_bySurface.TryGetValue(measure, out var candidates))
        {
            // a measure derived from a known one (GDP增速, 营收占比): the known part canonical, the derivation as written
            foreach (var suffix in DerivationSuffixes)
            {
                if (measure.Length > suffix.Length && measure.EndsWith(suffix, StringComparison.Ordinal) && _bySurface.ContainsKey(measure[..^suffix.Length]))
                {
                    return Canonical(measure[..^suffix.Length], subject, unit) + suffix;
                }
            }

            // words before a known measure that are no sector stay (核心CPI → 核心居民消费价格)
            for (int start = 1; start < measure.Length - 1; start++)
            {
                string tail = measure[start..];
                if (_bySurface.ContainsKey(tail) && !_wholeOnly.Contains(tail))
                {
                    return measure[..start] + Canonical(tail, subject, unit);
                }
            }

            return measure;
        }

        // the candidate made for this kind of subject or unit first, then one for any figure
        foreach (var (canonical, appliesTo) in candidates)
        {
            if (appliesTo != IndicatorApplies.Any && (appliesTo & (subject | unit)) != 0)
            {
                return canonical;
            }
        }

        foreach (var (canonical, appliesTo) in candidates)
        {
            if (appliesTo == IndicatorApplies.Any)
            {
                return canonical;
            }
        }

        // the measure itself is canonical for some other kind of subject: keep the words as written
        return measure;
    }
}
