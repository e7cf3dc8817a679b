namespace Anvil.Store.Postgres;

/// <summary>
/// The trigram codes of a normalised text, as <c>documents.search_grams</c> holds them (migration 9): every three
/// consecutive code points a, b, c (Latin capitals as small letters) mixed as <c>((a * 40503 + b) * 40503 + c)</c> modulo 2^32 and read as a signed
/// integer, each code once, in order. Computed here rather than by pg_trgm on the server, whose lower-casing and hashing
/// of every trigram was a third of the server's time per document; the migration computes the same codes in SQL for the
/// documents stored before it. Two trigrams may share a code: a search then gets a candidate more, which ILIKE drops.
/// </summary>
internal static class PostgresSearchGrams
{
    private const uint Mix = 40503;

    public static int[] Of(string text)
    {
        if (text.Length < 3)
        {
            return [];
        }

        var codes = new int[text.Length];
        int n = 0, seen = 0;
        uint a = 0, b = 0;
        for (int i = 0; i < text.Length; i++)
        {
            uint c = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                c = (uint)char.ConvertToUtf32(text[i], text[i + 1]);
                i++;
            }

            if (c - 'A' < 26u)
            {
                c += 'a' - 'A'; // ILIKE decides in any case, so the codes of Huawei and HUAWEI must be one
            }

            if (++seen >= 3)
            {
                codes[n++] = unchecked((int)((((a * Mix) + b) * Mix) + c));
            }

            a = b;
            b = c;
        }

        if (n == 0)
        {
            return [];
        }

        // sorted and distinct: the array the migration's array_agg(DISTINCT ...) makes, and what the index needs
        Array.Sort(codes, 0, n);
        int distinct = 1;
        for (int i = 1; i < n; i++)
        {
            if (codes[i] != codes[distinct - 1])
            {
                codes[distinct++] = codes[i];
            }
        }

        return codes[..distinct];
    }

    /// <summary>The codes of every term of three code points or more, together (each term's are all in a matching document's).</summary>
    public static int[] OfTerms(IEnumerable<string> terms) => [.. terms.SelectMany(Of).Distinct().Order()];
}
