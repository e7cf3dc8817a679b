using System.Globalization;
using System.Numerics;
using Anvil.Core.Lexicons;

namespace Anvil.Training;

/// <summary>
/// Turns jieba's dict.txt ("word frequency part-of-speech" per line) into <see cref="WordDictionary"/>'s
/// table: every word of up to <see cref="WordDictionary.MaxWordLength"/> characters with its frequency
/// code, and every shorter prefix marked as continuing. The same input always gives the same bytes.
/// </summary>
internal static class WordsBuilder
{
    public static void Build(string dictPath, string outPath, string header)
    {
        var words = new Dictionary<string, long>(StringComparer.Ordinal);
        var proper = new HashSet<string>(StringComparer.Ordinal);
        var classBits = new Dictionary<string, uint>(StringComparer.Ordinal);
        long total = 0;
        foreach (var line in File.ReadLines(dictPath))
        {
            var c = line.Split(' ');
            if (c.Length < 2 || !long.TryParse(c[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out long f))
            {
                continue;
            }

            total += f;
            if (c[0].Length <= WordDictionary.MaxWordLength && f > 0)
            {
                words[c[0]] = words.TryGetValue(c[0], out long old) ? old + f : f;
                // an abbreviation (j) is a short form of a name (农行, 东盟, 港澳办) far more often than of an ordinary word:
                // read as an ordinary word, the tagger's short names were dropped (CLUENER2020 dev 0.574 -> 0.589, MSRA test
                // 0.722 -> 0.733, dev2 entities 0.866 -> 0.868)
                if (c.Length > 2 && (c[2].StartsWith("nr", StringComparison.Ordinal) || c[2] is "ns" or "nt" or "nz" or "j"))
                {
                    proper.Add(c[0]);
                }

                if (c.Length > 2 && ClassBit(c[2]) is var bit and not 0)
                {
                    classBits[c[0]] = bit;
                }
            }
        }

        // entries: word -> code (0 for a prefix only) and whether longer words continue it
        var entries = new SortedDictionary<string, (int Code, bool Continues)>(StringComparer.Ordinal);
        // a word and its proper-name bit; prefixes that are no word have code 0
        foreach (var (word, f) in words)
        {
            int code = Math.Clamp((int)Math.Round(WordDictionary.FrequencyScale * Math.Log(f)), 1, 127);
            entries[word] = (code, entries.TryGetValue(word, out var e) && e.Continues);
            for (int len = 1; len < word.Length; len++)
            {
                string prefix = word[..len];
                entries[prefix] = entries.TryGetValue(prefix, out var p) ? (p.Code, true) : (0, true);
            }
        }

        int log2 = BitOperations.Log2((uint)(entries.Count * 2) - 1) + 1;
        var slots = new uint[1 << log2];
        foreach (var (text, (code, continues)) in entries)
        {
            ulong h = WordDictionary.Start;
            foreach (char ch in text)
            {
                h = WordDictionary.Extend(h, ch);
            }

            var (home, fingerprint) = WordDictionary.Place(h, log2);
            int slot = home;
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & (slots.Length - 1);
            }

            slots[slot] = (fingerprint << WordDictionary.FingerprintShift) | (proper.Contains(text) && code > 0 ? WordDictionary.ProperBit : 0)
                | (code > 0 && classBits.TryGetValue(text, out uint cls) ? cls : 0)
                | (continues ? WordDictionary.ContinuesBit : 0) | (uint)code;
        }

        var dictionary = new WordDictionary(slots, Math.Log(total));
        using (var stream = File.Create(outPath))
        {
            dictionary.Write(stream, header);
        }

        Console.WriteLine($"words: {classBits.Count(b => b.Value == WordDictionary.FunctionBit)} function words, {classBits.Count(b => b.Value == WordDictionary.VerbBit)} verbs");
        Console.WriteLine($"words: {words.Count} words, {entries.Count} entries with prefixes, table of {slots.Length} slots ({slots.Length * 4 / 1e6:F1} MB)");
    }

    /// <summary>
    /// The class bit of a jieba part-of-speech tag: function words are adverbs (d, dg, df), prepositions (p),
    /// conjunctions (c), pronouns (r, rr, rz, rg), particles (u, uj, ul, uz, ug, uv, ud), time words (t, tg),
    /// numeral-classifier words (mq: 一度), interjections and onomatopoeia (e, o, y); verbs are v, vd, vg, vi
    /// (a verbal noun, vn, names a thing: 出口, 投资).
    /// </summary>
    private static uint ClassBit(string tag) => tag switch
    {
        "d" or "dg" or "df" or "p" or "c" or "r" or "rr" or "rz" or "rg" or "u" or "uj" or "ul" or "uz" or "ug" or "uv" or "ud"
            or "t" or "tg" or "mq" or "e" or "o" or "y" => WordDictionary.FunctionBit,
        "v" or "vd" or "vg" or "vi" => WordDictionary.VerbBit,
        _ => 0,
    };
}
