namespace Anvil.Core.Normalization;

/// <summary>
/// Builds the <see cref="MatchView"/> of a text. PLACEHOLDER: folds full-width forms only; the
/// script conversion (OpenCC data) and regional vocabulary replace this body.
/// </summary>
public sealed class TextNormalizer
{
    public static TextNormalizer Default { get; } = new();

    public MatchView Normalize(string text)
    {
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (c >= '\uFF01' && c <= '\uFF5E')
            {
                chars[i] = (char)(c - 0xFEE0);
            }
            else if (c == '\u3000')
            {
                chars[i] = ' ';
            }
        }

        return new MatchView(new string(chars), text.Length);
    }
}
