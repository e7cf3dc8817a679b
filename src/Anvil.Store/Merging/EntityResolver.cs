using Anvil.Core.Entities;
using Anvil.Core.Lexicons;
using Anvil.Core.Pipeline;
using Anvil.Store.Matching;

namespace Anvil.Store.Merging;

/// <summary>What makes two mentions the same entity: its canonical (Simplified) name and its type.</summary>
public readonly record struct EntityKey(string Name, EntityType Type);

/// <summary>A name an entity goes by and where it comes from (<c>name</c>, <c>lexicon</c> or <c>user</c>).</summary>
public readonly record struct EntityAlias(string Alias, string Origin);

/// <summary>
/// Decides which entity a mention belongs to, across documents and scripts. Extraction already gives every
/// mention a canonical Simplified name (華為 and Huawei → 华为, 深圳市 → 深圳), so the key is (name, type); the
/// user's rules then merge further names into one entity or split surface forms out. Each entity's aliases are its
/// name, the lexicon's other forms of it and the user's; the surface forms seen in documents come from the mentions.
/// Built once, then read-only: safe to share across threads.
/// </summary>
public sealed class EntityResolver
{
    private static readonly EntityType[] TypePreference =
    [
        EntityType.Place, EntityType.Company, EntityType.Government, EntityType.Organization, EntityType.University,
        EntityType.Group, EntityType.Media, EntityType.Person, EntityType.Product, EntityType.Work, EntityType.Industry,
    ];

    private readonly EntityLexicon _lexicon;
    private readonly Dictionary<EntityKey, List<string>> _lexiconAliases;
    private readonly Dictionary<string, (string Name, EntityType? Type)> _mergeByForm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Name, EntityType? Type, string? From)>> _splitByForm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(EntityType? Type, string Alias)>> _userAliases = new(StringComparer.Ordinal);

    public EntityResolver(EntityLexicon lexicon, IEnumerable<LexiconLine> lexiconLines, AliasRules rules)
    {
        _lexicon = lexicon;
        _lexiconAliases = [];
        foreach (var line in lexiconLines)
        {
            var key = new EntityKey(Names.Canonical(line.Name), line.Type);
            if (!_lexiconAliases.TryGetValue(key, out var list))
            {
                _lexiconAliases[key] = list = [];
            }

            list.AddRange(line.Aliases);
        }

        foreach (var rule in rules.Merge)
        {
            var name = Names.Canonical(rule.Name);
            var type = rule.Type ?? LexiconType(name);
            foreach (var form in rule.Aliases.Append(rule.Name))
            {
                _mergeByForm.TryAdd(Names.Fold(form), (name, type));
            }

            AddUserAliases(name, type, rule.Aliases);
        }

        foreach (var rule in rules.Split)
        {
            var name = Names.Canonical(rule.Name);
            foreach (var form in rule.Aliases.Append(rule.Name))
            {
                var folded = Names.Fold(form);
                if (!_splitByForm.TryGetValue(folded, out var list))
                {
                    _splitByForm[folded] = list = [];
                }

                list.Add((name, rule.Type, rule.From is null ? null : Names.Fold(rule.From)));
            }

            AddUserAliases(name, rule.Type, rule.Aliases);
        }
    }

    /// <summary>Over a loaded lexicon (<see cref="AnvilPipeline.Lexicon"/>): its entries, the aliases of its files' lines, and the user's rules.</summary>
    public EntityResolver(EntityLexicon lexicon, AliasRules rules)
        : this(lexicon, lexicon.Lines, rules)
    {
    }

    /// <summary>Anvil's lexicons and places, the users' lexicon files, and the user's alias rules.</summary>
    public static EntityResolver Load(IReadOnlyList<string> lexiconFiles, AliasRules rules) =>
        new(AnvilPipeline.Lexicon(lexiconFiles), rules);

    /// <summary>
    /// The entity a mention belongs to: extraction's (name, type) unless a user rule says otherwise. <paramref name="fold"/>
    /// folds names as <see cref="Names.Fold"/> does (a caller resolving many names may pass one that remembers them).
    /// </summary>
    public EntityKey Resolve(string name, EntityType type, string surface, Func<string, string>? fold = null)
    {
        fold ??= Names.Fold;
        var foldedName = fold(name);
        var foldedSurface = fold(surface);
        if (_splitByForm.TryGetValue(foldedSurface, out var splits))
        {
            foreach (var (splitName, splitType, from) in splits)
            {
                if (from is null || from == foldedName)
                {
                    return new EntityKey(splitName, splitType ?? type);
                }
            }
        }

        if (_mergeByForm.TryGetValue(foldedName, out var merge) || _mergeByForm.TryGetValue(foldedSurface, out merge))
        {
            return new EntityKey(merge.Name, merge.Type ?? type);
        }

        return new EntityKey(name, type);
    }

    /// <summary>
    /// The entity a bare name stands for (a fact's subject, a relation's ends), choosing among
    /// <paramref name="candidates"/> (the document's entities) first, then the user's rules, then the lexicon.
    /// <paramref name="fold"/> as for <see cref="Resolve"/>: every candidate's name is folded for every name resolved.
    /// </summary>
    public EntityKey? ResolveName(string name, IReadOnlyCollection<EntityKey> candidates, Func<string, string>? fold = null)
    {
        fold ??= Names.Fold;
        var folded = fold(name);
        if (_mergeByForm.TryGetValue(folded, out var merge))
        {
            if (merge.Type is { } t)
            {
                return new EntityKey(merge.Name, t);
            }

            folded = fold(merge.Name);
        }

        EntityKey? best = null;
        foreach (var key in candidates)
        {
            if (fold(key.Name) == folded && (best is null || Rank(key.Type) < Rank(best.Value.Type)))
            {
                best = key;
            }
        }

        if (best is not null)
        {
            return best;
        }

        if (_lexicon.Lookup(name) is { } entry && entry.Type != EntityType.Industry)
        {
            return Resolve(entry.Name, entry.Type, entry.Name, fold);
        }

        return null;
    }

    /// <summary>The entity's name, the lexicon's other forms of it and the user's aliases for it.</summary>
    public IReadOnlyList<EntityAlias> AliasesOf(EntityKey key)
    {
        var aliases = new List<EntityAlias> { new(key.Name, "name") };
        if (_lexiconAliases.TryGetValue(key, out var lexiconAliases))
        {
            aliases.AddRange(lexiconAliases.Select(a => new EntityAlias(a, "lexicon")));
        }

        if (_userAliases.TryGetValue(key.Name, out var user))
        {
            aliases.AddRange(user.Where(u => u.Type is null || u.Type == key.Type).Select(u => new EntityAlias(u.Alias, "user")));
        }

        return [.. aliases.DistinctBy(a => a.Alias, StringComparer.Ordinal)];
    }

    private void AddUserAliases(string name, EntityType? type, IEnumerable<string> aliases)
    {
        if (!_userAliases.TryGetValue(name, out var list))
        {
            _userAliases[name] = list = [];
        }

        list.AddRange(aliases.Select(a => (type, a)));
    }

    private EntityType? LexiconType(string name) =>
        _lexicon.Lookup(name) is { } entry && entry.Name == name ? entry.Type : null;

    private static int Rank(EntityType type) => Array.IndexOf(TypePreference, type);
}
