using Anvil.Core.Entities;
using Anvil.Data;

namespace Anvil.Core.Lexicons;

/// <summary>
/// Loads places into the entity lexicon: China's provinces, prefecture-level cities and districts
/// (derived from a registry package, <c>places/cn-divisions.tsv</c>), Hong Kong, Macau and Taiwan,
/// countries (<c>places/world.tsv</c>) and Anvil's own list of world places and regions
/// (<c>places/regions.tsv</c>). Short forms (深圳 for 深圳市) resolve to the same canonical name.
/// </summary>
public static class PlaceGazetteer
{
    public static void AddTo(EntityLexicon lexicon)
    {
        var stop = new HashSet<string>(DataFiles.ReadLines("entities/place-stoplist.tsv").Select(l => l.Trim()), StringComparer.Ordinal);
        if (DataFiles.Exists("places/cn-divisions.tsv"))
        {
            AddDivisions(lexicon, stop);
        }

        if (DataFiles.Exists("places/world.tsv"))
        {
            AddCountries(lexicon);
        }

        if (DataFiles.Exists("places/regions.tsv"))
        {
            AddNamedList(lexicon, "places/regions.tsv", EntityLexicon.PlacePriority + 1);
        }
    }

    private static void AddDivisions(EntityLexicon lexicon, HashSet<string> stop)
    {
        // columns: code, name, level, parent_code, short
        var rows = DataFiles.ReadLines("places/cn-divisions.tsv").Select(l => l.Split('\t')).Where(c => c.Length >= 3 && c[0] != "code").ToList();
        var canonicalByCode = rows.ToDictionary(c => c[0], c => c.Length > 4 && c[4].Trim().Length >= 2 ? c[4].Trim() : c[1].Trim(), StringComparer.Ordinal);
        var parentByCode = rows.ToDictionary(c => c[0], c => c.Length > 3 ? c[3].Trim() : "", StringComparer.Ordinal);
        foreach (var c in rows)
        {

            string full = c[1].Trim(), level = c[2].Trim();
            string shortForm = c.Length > 4 ? c[4].Trim() : "";
            string canonical = shortForm.Length >= 2 ? shortForm : full;
            bool district = level is "district" or "region";
            var entry = new LexiconEntry(lexicon.Normalize(canonical), EntityType.Place,
                district ? EntityLexicon.PlaceShortPriority : EntityLexicon.PlacePriority, "places");
            if (full.Length >= 2)
            {
                lexicon.Add(full, entry);
            }

            if (shortForm.Length >= 2 && !stop.Contains(shortForm))
            {
                var shortEntry = entry with
                {
                    Priority = district ? EntityLexicon.DistrictShortPriority : EntityLexicon.PlaceShortPriority,
                    RequiresContext = district ? Ancestors(c[0], canonicalByCode, parentByCode, lexicon) : null,
                };
                lexicon.Add(shortForm, shortEntry);
            }
        }
    }

    private static List<string> Ancestors(string code, Dictionary<string, string> canonical, Dictionary<string, string> parent, EntityLexicon lexicon)
    {
        var names = new List<string>();
        for (var p = parent.GetValueOrDefault(code); !string.IsNullOrEmpty(p) && names.Count < 4; p = parent.GetValueOrDefault(p))
        {
            if (canonical.TryGetValue(p, out var name))
            {
                names.Add(lexicon.Normalize(name));
            }
        }

        return names;
    }

    private static void AddCountries(EntityLexicon lexicon)
    {
        // columns: alpha2, alpha3, numeric, Chinese name, English name. China's own regions come from the
        // divisions list, so their ISO rows (中国台湾省...) are left to it.
        foreach (var line in DataFiles.ReadLines("places/world.tsv"))
        {
            var c = line.Split('\t');
            if (c.Length < 4 || c[0] is "CN" or "HK" or "MO" or "TW")
            {
                continue;
            }

            var entry = new LexiconEntry(lexicon.Normalize(c[3]), EntityType.Place, EntityLexicon.PlacePriority, "places");
            lexicon.Add(c[3], entry);
        }

        lexicon.Add("中国", new LexiconEntry("中国", EntityType.Place, EntityLexicon.PlacePriority, "places"));
    }

    private static void AddNamedList(EntityLexicon lexicon, string file, int priority)
    {
        // columns: name, aliases ('|'-separated), then anything (kind, code)
        foreach (var line in DataFiles.ReadLines(file))
        {
            var c = line.Split('\t');
            if (c[0] is "name" or "code" || c[0].Trim().Length == 0)
            {
                continue;
            }

            var entry = new LexiconEntry(lexicon.Normalize(c[0]), EntityType.Place, priority, "places");
            lexicon.Add(c[0], entry);
            if (c.Length > 1)
            {
                foreach (var alias in c[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    lexicon.Add(alias, entry);
                }
            }
        }
    }
}
