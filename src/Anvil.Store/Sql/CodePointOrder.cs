namespace Anvil.Store.Sql;

/// <summary>
/// Text compared code point by code point: what SQLite's default collation and PostgreSQL's "C" collation do over UTF-8.
/// C#'s ordinal comparison compares UTF-16 units, which puts characters past U+FFFF (surrogate pairs) before U+E000..U+FFFF.
/// </summary>
internal static class CodePointOrder
{
    public static int Compare(string a, string b)
    {
        int n = Math.Min(a.Length, b.Length);
        int i = a.AsSpan(0, n).CommonPrefixLength(b.AsSpan(0, n));
        return i == n ? a.Length.CompareTo(b.Length) : Rank(a[i]).CompareTo(Rank(b[i]));
    }

    /// <summary>A UTF-16 unit's place in code point order: surrogates, which stand for code points past U+FFFF, after U+E000..U+FFFF.</summary>
    private static int Rank(char c) => c < 0xD800 ? c : c >= 0xE000 ? c - 0x800 : c + 0x2000;
}
