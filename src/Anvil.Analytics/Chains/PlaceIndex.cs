using Anvil.Data;
using Anvil.Store.Matching;

namespace Anvil.Analytics.Chains;

/// <summary>
/// Places as the chain analysis needs them: a place name resolved to its city (南山区 → 深圳, 深圳市 → 深圳,
/// 江阴 → 无锡, 苏州工业园区 → 苏州), and whether a city lies in a place (深圳 in 广东, in 粤港澳大湾区, in 中国). Cities are prefecture-level
/// cities, the four municipalities, Hong Kong, Macau and Taiwan's cities (<c>places/cn-divisions.tsv</c>); regions
/// are lists of provinces and cities (<c>chains/support/regions.yaml</c>, and a user's <c>regions.yaml</c>), named as
/// in <c>places/regions.tsv</c> or by one of its aliases (大湾区). A name the divisions do not hold (硅谷, 圣克拉拉)
/// stays itself: a place of its own, outside every region but itself.
/// </summary>
public sealed class PlaceIndex
{
    public const string China = "中国";

    private static readonly HashSet<string> CityLevelProvinces = new(StringComparer.Ordinal) { "11", "12", "31", "50", "81", "82" };

    private readonly Dictionary<string, Division> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Division>> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _regionAliases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _regions = new(StringComparer.Ordinal);

    private PlaceIndex()
    {
    }

    /// <summary>Anvil's divisions and region names, with <paramref name="regions"/> (region → members) as the regions.</summary>
    public static PlaceIndex Load(IReadOnlyDictionary<string, IReadOnlyList<string>> regions)
    {
        var index = new PlaceIndex();
        foreach (var line in DataFiles.ReadLines("places/cn-divisions.tsv"))
        {
            var c = line.Split('\t');
            if (c.Length < 3 || c[0] == "code")
            {
                continue;
            }

            var shortForm = c.Length > 4 ? c[4].Trim() : "";
            var division = new Division(c[0].Trim(), shortForm.Length >= 2 ? shortForm : c[1].Trim(), c[2].Trim(), c.Length > 3 ? c[3].Trim() : "");
            index._byCode[division.Code] = division;
            index.AddName(c[1], division);
            if (shortForm.Length >= 2)
            {
                index.AddName(shortForm, division);
            }
        }

        foreach (var line in DataFiles.ReadLines("places/regions.tsv"))
        {
            var c = line.Split('\t');
            if (c.Length < 2 || c[0] is "name" || c[0].Trim().Length == 0)
            {
                continue;
            }

            var name = Names.Fold(c[0]);
            foreach (var alias in c[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                index._regionAliases[Names.Fold(alias)] = name;
            }
        }

        foreach (var (region, members) in regions)
        {
            index._regions[index.RegionName(region)] = [.. members.Select(m => index.Resolve(m))];
        }

        return index;
    }

    private void AddName(string name, Division division)
    {
        var key = Names.Fold(name);
        if (!_byName.TryGetValue(key, out var list))
        {
            _byName[key] = list = [];
        }

        list.Add(division);
    }

    /// <summary>True when the name is a region of the regions file (after aliases: 大湾区 → 粤港澳大湾区) or 中国.</summary>
    public bool IsRegion(string name) => RegionName(name) is var r && (r == China || _regions.ContainsKey(r));

    /// <summary>True when the divisions or the regions know the name.</summary>
    public bool Knows(string name) => _byName.ContainsKey(Names.Fold(name)) || IsRegion(name);

    /// <summary>
    /// The city a place name stands for (深圳市, 南山区 of 深圳 → 深圳); a province, region or foreign place stays itself
    /// (广东, 长三角, 硅谷). A district name several cities share (南山) stays itself too.
    /// </summary>
    public string Resolve(string name)
    {
        var key = Names.Fold(name);
        if (!_byName.TryGetValue(key, out var divisions))
        {
            return IsRegion(name) ? RegionName(name) : CityPrefix(name) ?? Names.Canonical(name);
        }

        var cities = divisions.Select(CityOf).Where(c => c is not null).Select(c => c!.Name).Distinct(StringComparer.Ordinal).ToList();
        if (divisions.FirstOrDefault(IsCityLevel) is { } city)
        {
            return city.Name;
        }

        if (divisions.FirstOrDefault(d => d.Level == "province") is { } province)
        {
            return province.Name;
        }

        return cities.Count == 1 ? cities[0] : Names.Canonical(name);
    }

    /// <summary>The city a name stands for when it is one, or a district of exactly one (深圳市, 坪山区 → 深圳); false for provinces, regions and unknown names.</summary>
    public bool TryCity(string name, out string city)
    {
        city = "";
        if (!_byName.TryGetValue(Names.Fold(name), out var divisions) || divisions.Any(d => d.Level == "province" && !IsCityLevel(d)))
        {
            return false;
        }

        var cities = divisions.Select(CityOf).Where(c => c is not null).Select(c => c!.Name).Distinct(StringComparer.Ordinal).ToList();
        if (divisions.FirstOrDefault(IsCityLevel) is { } direct)
        {
            city = direct.Name;
            return true;
        }

        if (cities.Count == 1)
        {
            city = cities[0];
            return true;
        }

        return false;
    }

    /// <summary>
    /// The city a name starts with (苏州工业园区, 杭州未来科技城, 深圳四巨头 → 苏州, 杭州, 深圳), or null: how a park, a
    /// quarter or a group named for its city is placed.
    /// </summary>
    public string? CityPrefix(string name)
    {
        var canonical = Names.Canonical(name);
        for (int length = Math.Min(4, canonical.Length - 1); length >= 2; length--)
        {
            if (TryCity(canonical[..length], out var city))
            {
                return city;
            }
        }

        return null;
    }

    /// <summary>True when <paramref name="city"/> (a resolved city or place) lies in <paramref name="place"/> (a city, province, region or 中国).</summary>
    public bool Contains(string place, string city) => Contains(place, Resolve(city), depth: 0);

    private bool Contains(string place, string city, int depth)
    {
        var p = Resolve(place);
        if (p == city)
        {
            return true;
        }

        if (depth > 8)
        {
            return false;
        }

        if (p == China)
        {
            return _byName.TryGetValue(Names.Fold(city), out var known) && known.Count > 0;
        }

        if (_regions.TryGetValue(p, out var members))
        {
            return members.Any(m => Contains(m, city, depth + 1));
        }

        // a province holds its cities
        return _byName.TryGetValue(Names.Fold(city), out var divisions)
            && divisions.Any(d => Ancestors(d).Any(a => a.Name == p && a.Level == "province"));
    }

    private string RegionName(string name)
    {
        var key = Names.Fold(name);
        return _regionAliases.TryGetValue(key, out var canonical) ? canonical : key;
    }

    private static bool IsCityLevel(Division d) =>
        d.Level == "city" || (d.Level == "province" && CityLevelProvinces.Contains(d.Code)) || (d.Level == "region" && d.Parent == "71");

    private Division? CityOf(Division d)
    {
        foreach (var a in Ancestors(d).Prepend(d))
        {
            if (IsCityLevel(a))
            {
                return a;
            }
        }

        return null;
    }

    private IEnumerable<Division> Ancestors(Division d)
    {
        var current = d;
        for (int i = 0; i < 6 && current.Parent.Length > 0 && _byCode.TryGetValue(current.Parent, out var parent); i++)
        {
            yield return parent;
            current = parent;
        }
    }

    private sealed record Division(string Code, string Name, string Level, string Parent);
}
