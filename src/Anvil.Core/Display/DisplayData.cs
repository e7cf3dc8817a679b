using System.Globalization;
using Anvil.Core.Quantities;
using Anvil.Data;

namespace Anvil.Core.Display;

/// <summary>Where a unit's text goes: after the number (元), before it (第), or after the count's classifier (家).</summary>
internal enum UnitForm
{
    Suffix,
    Prefix,
    Classifier,
}

/// <summary>One line of <c>display/units.tsv</c>: how figures in one base unit are written.</summary>
internal sealed record DisplayUnit(string Text, double Per, bool UsesMagnitude, int Decimals, UnitForm Form, bool RepeatInRange);

/// <summary>A magnitude word (万, 亿, 万亿) and what it multiplies by.</summary>
internal readonly record struct Magnitude(string Word, double Value);

/// <summary>The data under <c>display/</c>, loaded once: units, magnitudes, signs, and the classifiers of counts.</summary>
internal sealed class DisplayData
{
    public Dictionary<string, DisplayUnit> Units { get; } = new(StringComparer.Ordinal);

    /// <summary>Largest first.</summary>
    public List<Magnitude> Magnitudes { get; } = [];

    /// <summary>The word before a magnitude in a range of whole thousands (千: 2～3千亿元).</summary>
    public string Thousands { get; private set; } = "";

    public Dictionary<Qualifier, string> QualifierSigns { get; } = [];

    /// <summary>The word that opens a rank under a hedge (le → 前), replacing both the sign and 第.</summary>
    public Dictionary<Qualifier, string> RankWords { get; } = [];

    public string Plus { get; private set; } = "+";

    public string Minus { get; private set; } = "-";

    public string RangeMark { get; private set; } = "～";

    /// <summary>The classifiers of counts (quantities/units.tsv, kind classifier), Simplified.</summary>
    public HashSet<string> Classifiers { get; } = new(StringComparer.Ordinal);

    public int LongestClassifier { get; private set; }

    /// <summary>Folds the unit as written (萬輛) to the Simplified form the classifiers are listed in.</summary>
    public CharFold Fold { get; private set; } = null!;

    public static DisplayData Load()
    {
        var data = new DisplayData { Fold = new CharFold(["quantities/script-variants.tsv"]) };
        foreach (var cells in Rows("display/units.tsv", 7))
        {
            var form = cells[5] switch
            {
                "suffix" => UnitForm.Suffix,
                "prefix" => UnitForm.Prefix,
                "classifier" => UnitForm.Classifier,
                _ => throw Bad("display/units.tsv", cells, $"unknown form '{cells[5]}'"),
            };
            data.Units[cells[0]] = new DisplayUnit(
                cells[1] == "-" ? "" : cells[1],
                double.Parse(cells[2], CultureInfo.InvariantCulture),
                cells[3] == "yes",
                int.Parse(cells[4], CultureInfo.InvariantCulture),
                form,
                cells[6] == "each");
        }

        foreach (var cells in Rows("display/magnitudes.tsv", 3))
        {
            double value = double.Parse(cells[1], CultureInfo.InvariantCulture);
            switch (cells[2])
            {
                case "magnitude":
                    data.Magnitudes.Add(new Magnitude(cells[0], value));
                    break;
                case "thousands":
                    data.Thousands = cells[0];
                    break;
                default:
                    throw Bad("display/magnitudes.tsv", cells, $"unknown role '{cells[2]}'");
            }
        }

        data.Magnitudes.Sort((a, b) => b.Value.CompareTo(a.Value));
        foreach (var cells in Rows("display/signs.tsv", 3))
        {
            string text = cells[2];
            switch (cells[0])
            {
                case "qualifier":
                    data.QualifierSigns[Qualifiers(cells)] = text;
                    break;
                case "rank":
                    data.RankWords[Qualifiers(cells)] = text;
                    break;
                case "change" when cells[1] == "plus":
                    data.Plus = text;
                    break;
                case "change" when cells[1] == "minus":
                    data.Minus = text;
                    break;
                case "range":
                    data.RangeMark = text;
                    break;
                default:
                    throw Bad("display/signs.tsv", cells, $"unknown role '{cells[0]} {cells[1]}'");
            }
        }

        foreach (var line in DataFiles.ReadLines("quantities/units.tsv"))
        {
            var cells = line.Split('\t');
            if (cells.Length > 3 && cells[1] == "count" && cells[3] == "classifier")
            {
                var word = data.Fold.Fold(cells[0]);
                data.Classifiers.Add(word);
                data.LongestClassifier = Math.Max(data.LongestClassifier, word.Length);
            }
        }

        return data;
    }

    private static Qualifier Qualifiers(string[] cells) =>
        Facts.FactNames.TryParseQualifier(cells[1], out var q) ? q : throw Bad("display/signs.tsv", cells, $"unknown qualifier '{cells[1]}'");

    private static IEnumerable<string[]> Rows(string file, int columns)
    {
        foreach (var line in DataFiles.ReadLines(file))
        {
            var cells = line.Split('\t');
            if (cells.Length != columns)
            {
                throw Bad(file, cells, $"needs {columns} tab-separated columns");
            }

            yield return cells;
        }
    }

    private static InvalidDataException Bad(string file, string[] cells, string why) =>
        new($"E0201: {file}: '{string.Join('\t', cells)}' {why}");
}
