namespace Anvil.Core.Facts;

/// <summary>
/// The words of a scope as a reader would write it: a company's word for itself before the thing (本集团 + 物业销售,
/// facts/scopes.tsv self) and a word such as 在 with a place or company after the thing (境外业务 + 在 +
/// 某公司: facts/scopes.tsv, within) names no part of it, whatever route reached it, where the word dictionary reads that word
/// as a word of its own (not the 在 of 存在). Other words before the thing are left as they are: verbs open many things
/// (抽水蓄能, 租赁和商务服务业), and the dictionary splits others (可 + 再生能源); only verbs of having (共有, 拥有: facts/scopes.tsv,
/// having) are dropped, as they open the words before a count (全市共有 + 高新技术企业).
/// </summary>
internal static class ScopeWords
{
    /// <summary>The least a scope keeps: where fewer characters would be left of the thing, the words stay as they are.</summary>
    private const int ShortestThing = 2;

    public static string? Clean(FactDocument doc, string? scope)
    {
        if (scope is null || scope.Length <= ShortestThing || doc.Words is not { } dictionary)
        {
            return scope;
        }

        foreach (var self in doc.Data.SelfWords)
        {
            if (scope.StartsWith(self, StringComparison.Ordinal) && scope.Length - self.Length >= ShortestThing)
            {
                scope = scope[self.Length..];
                break;
            }
        }

        foreach (var having in doc.Data.HavingWords)
        {
            // 共有 + 高新技术企业, but not the 共有 of a word that goes on (共有制)
            if (scope.StartsWith(having, StringComparison.Ordinal) && scope.Length - having.Length >= ShortestThing
                && FirstWordLength(dictionary, scope) == having.Length)
            {
                scope = scope[having.Length..];
                break;
            }
        }

        if (!ContainsWithinWord(doc, scope))
        {
            return scope; // most scopes: no segmenting
        }

        Span<int> cuts = scope.Length <= 64 ? stackalloc int[scope.Length + 1] : new int[scope.Length + 1];
        int count = dictionary.Segment(scope, cuts);
        for (int w = 1; w < count - 1; w++)
        {
            // words [0, w) are the thing, word w the word of being within, the rest the name
            if (cuts[w] >= ShortestThing && IsWithinWord(doc, scope.AsSpan(cuts[w], cuts[w + 1] - cuts[w]))
                && doc.PlaceAndCompanyNames.Contains(scope[cuts[w + 1]..]))
            {
                return scope[..cuts[w]];
            }
        }

        return scope;
    }

    private static int FirstWordLength(Lexicons.WordDictionary dictionary, string words)
    {
        Span<int> cuts = words.Length <= 64 ? stackalloc int[words.Length + 1] : new int[words.Length + 1];
        return dictionary.Segment(words, cuts) > 1 ? cuts[1] : words.Length;
    }

    private static bool ContainsWithinWord(FactDocument doc, string scope)
    {
        foreach (var within in doc.Data.WithinWords)
        {
            if (scope.Contains(within, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWithinWord(FactDocument doc, ReadOnlySpan<char> word)
    {
        foreach (var within in doc.Data.WithinWords)
        {
            if (word.SequenceEqual(within))
            {
                return true;
            }
        }

        return false;
    }
}
