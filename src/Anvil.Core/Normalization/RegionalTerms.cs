using Anvil.Data;

namespace Anvil.Core.Normalization;

/// <summary>
/// Loads Anvil's own replacement tables (Anvil.Data <c>normalization/</c>) and merges them over
/// OpenCC's T→S entries into the one table <see cref="TextNormalizer"/> matches with.
/// </summary>
internal static class RegionalTerms
{
    public const string TermsFile = "normalization/regional-terms.tsv";
    public const string FixesFile = "normalization/converter-fixes.tsv";

    /// <summary>
    /// OpenCC's TSCharacters and TSPhrases, then regional terms, then converter fixes; a later
    /// entry replaces an earlier one with the same key. Each term or fix is keyed as written, with
    /// its regional variants reversed, and (terms only) as Simplified, so the table matches it in
    /// either script. A fix also keys its own result, so Simplified text that already has it right
    /// (昇腾) is not turned into the slip (升腾).
    /// </summary>
    public static ReplacementTable BuildSimplifyTable() => Build(withTerms: true);

    /// <summary>
    /// OpenCC's TSCharacters and TSPhrases, then converter fixes, without the regional terms: the text's own words in
    /// Simplified script (有線寬頻 → 有线宽频, 昇騰 → 昇腾), for names read back from the text.
    /// </summary>
    public static ReplacementTable BuildScriptTable() => Build(withTerms: false);

    private static ReplacementTable Build(bool withTerms)
    {
        var builder = OpenCcTables.TraditionalToSimplifiedBuilder();
        foreach (var (term, mainland) in withTerms ? Read(TermsFile) : [])
        {
            // an entry whose Simplified key is its own value still shields its phrase (软体动物)
            foreach (var key in KeysOf(term).Append(Simplify(Variants(term))))
            {
                builder.Add(key, mainland);
            }
        }

        foreach (var (text, simplified) in Read(FixesFile))
        {
            foreach (var key in KeysOf(text))
            {
                builder.Add(key, simplified);
            }

            builder.Add(simplified, simplified);
        }

        return builder.Build();
    }

    /// <summary>Reads <c>from TAB to[ TAB note...]</c> rows.</summary>
    public static IEnumerable<KeyValuePair<string, string>> Read(string path)
    {
        foreach (var line in DataFiles.ReadLines(path))
        {
            var cells = line.Split('\t');
            if (cells.Length < 2 || cells[0].Length == 0 || cells[1].Length == 0)
            {
                throw new InvalidDataException($"E0112: {path}: expected 'text<TAB>replacement<TAB>note', got '{line}'");
            }

            yield return new(cells[0], cells[1]);
        }
    }

    private static IEnumerable<string> KeysOf(string text)
    {
        yield return text;
        string variants = Variants(text);
        if (variants != text)
        {
            yield return variants;
        }
    }

    private static string Variants(string text)
    {
        var chars = text.ToCharArray();
        Replacer.ApplySameLength(chars, OpenCcTables.AnyRegionVariants);
        return new string(chars);
    }

    private static string Simplify(string text) => Replacer.ToView(text, OpenCcTables.TraditionalToSimplified).Text;
}
