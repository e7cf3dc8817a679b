using System.Buffers;
using Anvil.Core.Documents;

namespace Anvil.Core.Normalization;

/// <summary>
/// Builds the <see cref="MatchView"/> of a text, in three steps over the text:
/// <list type="number">
/// <item>width: full-width ASCII forms (U+FF01–FF5E) become ASCII, the ideographic space (U+3000) and the bullets
/// of line lists (<see cref="Punctuation.IsBullet"/>: ● ■ ◆ ★) a space; 、。「」《》“” stay. On the way the step counts script-specific characters
/// (<see cref="ScriptDetector"/>).</item>
/// <item>regional variants, unless the text shows itself Simplified: Hong Kong and Taiwan variant characters
/// become OpenCC standard Traditional (OpenCC's HKVariantsRev and TWVariantsRev tables, as in its
/// <c>hk2s</c>/<c>tw2s</c>). On Simplified text this step would do harm (显著 → 显着, 什么 → 什幺).</item>
/// <item>Simplified script by longest match over one table: OpenCC's TSCharacters, TSCharactersExt
/// and TSPhrases (<c>t2s</c>), then Anvil's regional vocabulary (<c>normalization/regional-terms.tsv</c>:
/// 晶片 → 芯片, 記憶體 → 内存) and converter fixes (<c>normalization/converter-fixes.tsv</c>:
/// 昇騰 → 昇腾, not 升腾), each entry over the ones before it.</item>
/// </list>
/// The first two steps keep every position; only the last can change the length, and then the
/// view carries an offset map back to the original text.
/// </summary>
/// <remarks>
/// The tables are built once, on first use, and shared: one instance serves all threads. Words a
/// recogniser looks for in the view (lexicon entries) should go through <see cref="Normalize"/> too,
/// so that both sides fold alike (a lexicon's 昇腾 stays 昇腾, its 晶片 becomes 芯片).
/// </remarks>
public sealed class TextNormalizer
{
    private static readonly Lazy<ReplacementTable> SimplifyLazy = new(RegionalTerms.BuildSimplifyTable);

    private static readonly Lazy<ReplacementTable> ScriptOnlyLazy = new(RegionalTerms.BuildScriptTable);

    public static TextNormalizer Default { get; } = new();

    public MatchView Normalize(string text) => Normalize(text, out _);

    /// <summary>
    /// Words of the original text as written, in Simplified script: the view's steps for a text of
    /// <paramref name="script"/> without its regional vocabulary (有線寬頻 → 有线宽频, where the view has 有线宽带), so a
    /// name read from the text keeps the text's own words while recognisers match the mainland's.
    /// </summary>
    public string AsWritten(ReadOnlySpan<char> original, Script script)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(original.Length);
        try
        {
            var span = buffer.AsSpan(0, original.Length);
            FoldWidths(original, span, out _, out _);
            if (script != Script.Hans)
            {
                Replacer.ApplySameLength(span, OpenCcTables.AnyRegionVariants);
            }

            return Replacer.ToView(span, ScriptOnlyLazy.Value).Text;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// The view, and the script of <paramref name="text"/> as <see cref="ScriptDetector"/> tells it: the width step
    /// counts the script-specific characters anyway (the full-width forms and U+3000 it skips belong to neither script).
    /// </summary>
    public MatchView Normalize(string text, out Script script)
    {
        var simplify = SimplifyLazy.Value;
        int n = text.Length;
        char[] buffer = ArrayPool<char>.Shared.Rent(n);
        try
        {
            var span = buffer.AsSpan(0, n);
            FoldWidths(text, span, out int traditional, out int simplified);
            script = ScriptDetector.Decide(traditional, simplified);
            // text without script-specific characters (衞生) could be either: only Simplified evidence skips
            if (simplified == 0 || script != Script.Hans)
            {
                Replacer.ApplySameLength(span, OpenCcTables.AnyRegionVariants);
            }

            return Replacer.ToView(span, simplify);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The width step: full-width ASCII forms to ASCII, U+3000 and bullets to a space; counts the script-specific characters on the way.</summary>
    private static void FoldWidths(ReadOnlySpan<char> text, Span<char> output, out int traditional, out int simplified)
    {
        var classes = ScriptDetector.Classes;
        traditional = 0;
        simplified = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c >= '\uFF01' && c <= '\uFF5E')
            {
                c = (char)(c - 0xFEE0);
            }
            else if (c == '\u3000' || (c >= '\u2022' && c <= '\u27A4' && Punctuation.IsBullet(c)))
            {
                c = ' ';
            }
            else
            {
                byte cls = classes[c];
                traditional += cls & ScriptDetector.TraditionalOnly;
                simplified += cls >> 1;
            }

            output[i] = c;
        }
    }
}
