namespace Anvil.Cli.CommandLine;

/// <summary>
/// Which known names are near one that was typed: option names for a misspelled option, stored subjects and indicators
/// for an unknown one. Near is a few edits apart (transpositions count one), or, for names of two characters or more,
/// the one written inside the other (深圳南山 and 深圳, 人工智能产业规模 and 产业规模).
/// </summary>
internal static class NearNames
{
    /// <summary>The known names near the typed one, nearest first, ties in the order given (most used first).</summary>
    public static IReadOnlyList<string> Find(string typed, IEnumerable<string> known, int maxEdits, int limit)
    {
        var near = new List<(string Name, int Rank, int Order)>();
        int order = 0;
        foreach (var name in known.Distinct(StringComparer.Ordinal))
        {
            order++;
            if (name.Length == 0 || name == typed)
            {
                continue;
            }

            bool inside = typed.Length >= 2 && name.Length >= 2
                && (name.Contains(typed, StringComparison.Ordinal) || typed.Contains(name, StringComparison.Ordinal));
            int edits = EditDistance(typed, name);
            if (inside || (edits <= maxEdits && edits < typed.Length && edits < name.Length)) // an edit away keeps a character
            {
                near.Add((name, inside ? 0 : edits, order));
            }
        }

        return [.. near.OrderBy(n => n.Rank).ThenBy(n => n.Order).Take(limit).Select(n => n.Name)];
    }

    /// <summary>Edit distance with transpositions (optimal string alignment): --subjet is one step from --subject, --fromat one from --format.</summary>
    public static int EditDistance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
