using Anvil.Core.Lexicons;

namespace Anvil.Store.Matching;

/// <summary>
/// Turns what a user typed as a subject, scope or indicator into the folded names it may be stored under:
/// the name itself in Simplified (產業規模 → 产业规模) and the lexicon's canonical name for it (深圳市 → 深圳,
/// Huawei → 华为). The store adds the aliases of merged entities (the user's aliases file) when it matches subjects.
/// </summary>
public sealed class NameMatcher
{
    private readonly Func<string, string?> _canonical;

    public NameMatcher(EntityLexicon lexicon)
        : this(s => lexicon.Lookup(s)?.Name)
    {
    }

    public NameMatcher(Func<string, string?> canonical)
    {
        _canonical = canonical;
    }

    public IReadOnlyCollection<string> Expand(string input)
    {
        var names = new List<string> { Names.Fold(input) };
        if (_canonical(input) is { } canonical && !names.Contains(Names.Fold(canonical)))
        {
            names.Add(Names.Fold(canonical));
        }

        return names;
    }
}
