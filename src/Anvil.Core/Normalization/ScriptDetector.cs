using Anvil.Core.Documents;

namespace Anvil.Core.Normalization;

/// <summary>
/// Tells Simplified from Traditional text by counting characters that belong to one script only,
/// as OpenCC's tables define them: a Traditional-only character is one that TSCharacters always
/// changes (後, 說, 為), a Simplified-only one is one that STCharacters always changes (后 is not:
/// it is also Traditional; 说 and 为 are). A text is Hant or Hans when that script holds at least
/// <see cref="Dominance"/> of these characters, else Mixed.
/// </summary>
public sealed class ScriptDetector
{
    internal const byte Neither = 0;
    internal const byte TraditionalOnly = 1;
    internal const byte SimplifiedOnly = 2;

    /// <summary>The share of one script's characters, among all script-specific ones, above which the text is that script.</summary>
    internal const double Dominance = 0.8;

    private static readonly Lazy<byte[]> ClassesLazy = new(BuildClasses);

    /// <summary>The detector; it holds no state of its own (the tables are shared and built once).</summary>
    public static ScriptDetector Default { get; } = new();

    /// <summary>Hans, Hant or Mixed; text with no script-specific character (digits, Latin, 中国) counts as Hans.</summary>
    public Script Detect(string text) => Detect(text.AsSpan());

    public Script Detect(ReadOnlySpan<char> text)
    {
        var (traditional, simplified) = Count(text);
        return Decide(traditional, simplified);
    }

    /// <summary>
    /// The script that has more of the script-specific characters, Hans on a tie: for a Mixed text, the script its writer
    /// most likely used (a Hong Kong text writes 恒生 and 恒指 with the character OpenCC counts as Simplified).
    /// </summary>
    public Script Leaning(ReadOnlySpan<char> text)
    {
        var (traditional, simplified) = Count(text);
        return traditional > simplified ? Script.Hant : Script.Hans;
    }

    /// <summary>How many Traditional-only and Simplified-only characters the text holds.</summary>
    private static (int Traditional, int Simplified) Count(ReadOnlySpan<char> text)
    {
        var classes = Classes;
        int traditional = 0, simplified = 0;
        foreach (char c in text)
        {
            switch (classes[c])
            {
                case TraditionalOnly:
                    traditional++;
                    break;
                case SimplifiedOnly:
                    simplified++;
                    break;
            }
        }

        return (traditional, simplified);
    }

    /// <summary>The script from counts of Traditional-only and Simplified-only characters.</summary>
    public static Script Decide(int traditional, int simplified)
    {
        int total = traditional + simplified;
        if (traditional > 0 && traditional >= total * Dominance)
        {
            return Script.Hant;
        }

        return simplified >= total * Dominance ? Script.Hans : Script.Mixed;
    }

    /// <summary>For each UTF-16 code unit: <see cref="Neither"/>, <see cref="TraditionalOnly"/> or <see cref="SimplifiedOnly"/>.</summary>
    internal static byte[] Classes => ClassesLazy.Value;

    private static byte[] BuildClasses()
    {
        var classes = new byte[char.MaxValue + 1];
        Mark(classes, "TSCharacters.txt", TraditionalOnly);
        Mark(classes, "STCharacters.txt", SimplifiedOnly);
        return classes;
    }

    // a single BMP character whose values never include itself belongs to the key's script only
    private static void Mark(byte[] classes, string file, byte mark)
    {
        foreach (var (key, values) in OpenCcTables.ReadAll(file))
        {
            if (key.Length != 1 || values.Split(' ').Contains(key, StringComparer.Ordinal))
            {
                continue;
            }

            // a character both tables claim (none in OpenCC 1.4.1) would be evidence of neither
            classes[key[0]] = classes[key[0]] == Neither ? mark : Neither;
        }
    }
}
