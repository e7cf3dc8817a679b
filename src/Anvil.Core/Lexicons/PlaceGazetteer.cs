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
            var divisions = AddDivisions(lexicon, stop);
            if (DataFiles.Exists("places/hk-localities.tsv"))
            {
                AddLocalities(lexicon, "places/hk-localities.tsv", divisions, PlaceLevels.HongKongCode);
            }
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

    /// <summary>The divisions' canonical names by code, parents by code and codes by full name, for the lists hung below them.</summary>
    private sealed record DivisionTree(Dictionary<string, string> CanonicalByCode, Dictionary<string, string> ParentByCode, Dictionary<string, List<string>> CodesByName)
    {
        /// <summary>The division of this name at or below <paramref name="root"/> (many cities have a 东区 or a 南区).</summary>
        public string? CodeWithin(string name, string root)
        {
            foreach (var code in CodesByName.GetValueOrDefault(name) ?? [])
            {
                for (string? at = code; !string.IsNullOrEmpty(at); at = ParentByCode.GetValueOrDefault(at))
                {
                    if (at == root)
                    {
                        return code;
                    }
                }
            }

            return null;
        }
    }

    private static DivisionTree AddDivisions(EntityLexicon lexicon, HashSet<string> stop)
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

        var codesByName = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var c in rows)
        {
            if (!codesByName.TryGetValue(c[1].Trim(), out var codes))
            {
                codesByName[c[1].Trim()] = codes = [];
            }

            codes.Add(c[0]);
        }

        return new DivisionTree(canonicalByCode, parentByCode, codesByName);
    }

    /// <summary>
    /// Areas below a division (Hong Kong's 上水, 将军澳): places of their own, read only where the text also names
    /// the division they lie in or one above it, as a district's short form is. Columns: name, aliases, division
    /// (named as the divisions list names it, found below the division of code <paramref name="root"/>).
    /// </summary>
    private static void AddLocalities(EntityLexicon lexicon, string file, DivisionTree divisions, string root)
    {
        foreach (var line in DataFiles.ReadLines(file))
        {
            var c = line.Split('\t');
            if (c.Length < 3 || c[0].Trim().Length < 2 || divisions.CodeWithin(c[2].Trim(), root) is not { } code)
            {
                continue;
            }

            var context = Ancestors(code, divisions.CanonicalByCode, divisions.ParentByCode, lexicon);
            context.Insert(0, lexicon.Normalize(divisions.CanonicalByCode[code]));
            var entry = new LexiconEntry(lexicon.Normalize(c[0].Trim()), EntityType.Place, EntityLexicon.DistrictShortPriority, "places")
            {
                RequiresContext = context,
            };
            foreach (var name in c[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Prepend(c[0].Trim()))
            {
                lexicon.Add(name, entry);
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
        // columns: name, aliases ('|'-separated), kind, in, and an optional context: a name that is also an ordinary
        // phrase (两岸) is read only where the text names one of its context's places too, as a district's short form is
        foreach (var line in DataFiles.ReadLines(file))
        {
            var c = line.Split('\t');
            if (c[0] is "name" or "code" || c[0].Trim().Length == 0)
            {
                continue;
            }

            var context = c.Length > 4 ? c[4].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(lexicon.Normalize).ToList() : null;
            var entry = new LexiconEntry(lexicon.Normalize(c[0]), EntityType.Place, priority, "places")
            {
                RequiresContext = context is { Count: > 0 } ? context : null,
            };
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
