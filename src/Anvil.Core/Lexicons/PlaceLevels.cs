using Anvil.Data;

namespace Anvil.Core.Lexicons;

/// <summary>How large a place is: a country, a province (or Hong Kong, Macau, Taiwan), a city, a district below it, or a region of the world.</summary>
public enum PlaceLevel
{
    Unknown,
    Country,
    Province,
    City,
    District,
    Region,
}

/// <summary>
/// The level and the parent of each division of China (places/cn-divisions.tsv), the countries of the world
/// (places/world.tsv) and the regions, world cities and quarters of places/regions.tsv under what they lie in, by
/// canonical name as the entity lexicon gives it (深圳, 南海区) and by full name (深圳市). Words that stand for a place
/// of one level (全市, 全省) need it to find the place they mean. Loaded once per process.
/// </summary>
public sealed class PlaceLevels
{
    private static readonly Lazy<PlaceLevels> LazyDefault = new(Load);

    /// <summary>Hong Kong's code in places/cn-divisions.tsv (its GB/T 2260 prefix).</summary>
    public const string HongKongCode = "81";
    private readonly Dictionary<string, (PlaceLevel Level, string? Parent)> _places = new(StringComparer.Ordinal);

    public static PlaceLevels Default => LazyDefault.Value;

    /// <summary>The level of a place by its name; <see cref="PlaceLevel.Unknown"/> for names the data does not hold.</summary>
    public PlaceLevel LevelOf(string name) => _places.TryGetValue(name, out var p) ? p.Level : PlaceLevel.Unknown;

    /// <summary>The canonical name of the division a place belongs to (深圳 → 广东), or null.</summary>
    public string? ParentOf(string name) => _places.TryGetValue(name, out var p) ? p.Parent : null;

    /// <summary>The place itself or its nearest ancestor of the given level (南海区 at city level → 佛山).</summary>
    public string? AtLevel(string name, PlaceLevel level)
    {
        for (string? p = name; p is not null; p = ParentOf(p))
        {
            if (LevelOf(p) == level)
            {
                return p;
            }
        }

        return null;
    }

    private static PlaceLevels Load()
    {
        var levels = new PlaceLevels();
        string? hongKong = null;
        if (DataFiles.Exists("places/cn-divisions.tsv"))
        {
            // columns: code, name, level, parent_code, short
            var rows = DataFiles.ReadLines("places/cn-divisions.tsv").Select(l => l.Split('\t')).Where(c => c.Length >= 3 && c[0] != "code").ToList();
            var canonicalByCode = rows.ToDictionary(c => c[0], Canonical, StringComparer.Ordinal);
            hongKong = canonicalByCode.GetValueOrDefault(HongKongCode);
            foreach (var c in rows)
            {
                var level = c[2].Trim() switch
                {
                    "province" => PlaceLevel.Province,
                    "city" => PlaceLevel.City,
                    _ => PlaceLevel.District,
                };
                string? parent = c.Length > 3 && canonicalByCode.TryGetValue(c[3].Trim(), out var p) ? p : null;
                levels._places.TryAdd(Canonical(c), (level, parent));
                levels._places.TryAdd(c[1].Trim(), (level, parent));
            }
        }

        if (hongKong is not null && DataFiles.Exists("places/hk-localities.tsv"))
        {
            // columns: name, aliases, district. A locality lies in Hong Kong: its district is named as in other
            // cities too (东区), so the locality hangs from Hong Kong itself, which is all its level is asked for
            foreach (var line in DataFiles.ReadLines("places/hk-localities.tsv"))
            {
                var c = line.Split('\t');
                if (c.Length > 2 && c[0].Trim().Length >= 2)
                {
                    levels._places.TryAdd(c[0].Trim(), (PlaceLevel.District, hongKong));
                }
            }
        }

        if (DataFiles.Exists("places/world.tsv"))
        {
            foreach (var line in DataFiles.ReadLines("places/world.tsv"))
            {
                var c = line.Split('\t');
                if (c.Length > 3 && c[0] != "alpha2")
                {
                    levels._places.TryAdd(c[3].Trim(), (PlaceLevel.Country, null));
                }
            }
        }

        if (DataFiles.Exists("places/regions.tsv"))
        {
            // columns: name, aliases, kind, in. A region hangs from what it lies in (华南 → 中国, 北台湾 → 台湾, 硅谷 → 美国);
            // one that spans countries (亚洲) from nothing. Divisions and countries of the same name keep their level.
            foreach (var line in DataFiles.ReadLines("places/regions.tsv"))
            {
                var c = line.Split('\t');
                if (c.Length > 3 && c[0].Trim().Length > 0)
                {
                    string inside = c[3].Trim();
                    levels._places.TryAdd(c[0].Trim(), (PlaceLevel.Region, inside is "-" or "" ? null : inside));
                }
            }
        }

        return levels;
    }

    private static string Canonical(string[] c) => c.Length > 4 && c[4].Trim().Length >= 2 ? c[4].Trim() : c[1].Trim();
}
