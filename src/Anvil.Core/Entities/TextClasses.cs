namespace Anvil.Core.Entities;

/// <summary>Character classes the entity patterns use.</summary>
internal static class TextClasses
{
    public static bool IsHan(char c) => (c >= '\u4E00' && c <= '\u9FFF') || (c >= '\u3400' && c <= '\u4DBF') || c == '〇';

    public static bool IsAsciiLetterOrDigit(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>A character that may be part of a name (Han, Latin letters, digits).</summary>
    public static bool IsNameChar(char c) => IsHan(c) || IsAsciiLetterOrDigit(c);

    public static bool IsChineseNumeral(char c) => "一二三四五六七八九十两百千万".Contains(c, StringComparison.Ordinal);
}
