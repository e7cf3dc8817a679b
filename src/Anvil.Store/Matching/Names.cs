using Anvil.Core.Normalization;

namespace Anvil.Store.Matching;

/// <summary>
/// The one way names are folded for matching, in the store and in filters alike: Simplified script and
/// half-width forms (<see cref="TextNormalizer"/>), trimmed, inner white space collapsed, Latin letters lower-cased.
/// 華為 → 华为, Ｈｕａｗｅｉ → huawei.
/// </summary>
public static class Names
{
    public static string Fold(string text)
    {
        var simplified = TextNormalizer.Default.Normalize(text.Trim()).Text;
        Span<char> buffer = simplified.Length <= 256 ? stackalloc char[simplified.Length] : new char[simplified.Length];
        int n = 0;
        bool space = false;
        foreach (char c in simplified)
        {
            if (char.IsWhiteSpace(c))
            {
                space = n > 0;
                continue;
            }

            if (space)
            {
                buffer[n++] = ' ';
                space = false;
            }

            buffer[n++] = char.ToLowerInvariant(c);
        }

        return new string(buffer[..n]);
    }

    /// <summary>Folds a name that may be null.</summary>
    public static string? FoldOrNull(string? text) => text is null ? null : Fold(text);

    /// <summary>The Simplified, half-width form of a name as written by a user (case kept): what an entity is called.</summary>
    public static string Canonical(string text) => TextNormalizer.Default.Normalize(text.Trim()).Text;
}
