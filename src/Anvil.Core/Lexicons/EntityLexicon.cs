using Anvil.Core.Entities;
using Anvil.Core.Normalization;
using Anvil.Data;

namespace Anvil.Core.Lexicons;

/// <summary>
/// Every known surface form of every known entity, in one trie over normalised (Simplified,
/// half-width) text: Anvil's lexicon files, the place gazetteer and users' lexicons.
/// Built once, then read-only.
/// </summary>
public sealed class EntityLexicon
{
    /// <summary>Priorities: a user's word beats Anvil's, a named entity beats a place's short form.</summary>
    public const int UserPriority = 100;
    public const int LexiconPriority = 50;
    public const int PlacePriority = 40;
    public const int PlaceShortPriority = 30;
    public const int DistrictShortPriority = 10;

    private readonly WordTrie<LexiconEntry[]> _trie = new();
    private readonly List<LexiconLine> _lines = [];
    private readonly TextNormalizer _normalizer;

    public EntityLexicon(TextNormalizer normalizer)
    {
        _normalizer = normalizer;
    }

    public WordTrie<LexiconEntry[]> Trie => _trie;

    public int Count => _trie.Count;

    /// <summary>
    /// The lexicon files' lines it holds (Anvil's, then users'), in the order added: the store's resolver reads each
    /// entity's aliases from these rather than reading the files again.
    /// </summary>
    public IReadOnlyList<LexiconLine> Lines => _lines;

    /// <summary>Anvil's built-in lexicons and places.</summary>
    public static EntityLexicon LoadBuiltIn(TextNormalizer normalizer)
    {
        var lexicon = new EntityLexicon(normalizer);
        foreach (var file in DataFiles.List("lexicons").Where(f => f.EndsWith(".tsv", StringComparison.Ordinal)))
        {
            lexicon.AddLines(TsvLexiconReader.Parse(DataFiles.ReadLines(file), file), LexiconPriority, "lexicon");
        }

        PlaceGazetteer.AddTo(lexicon);
        return lexicon;
    }

    /// <summary>Adds a user's lexicon file; its entries win over Anvil's own.</summary>
    public void AddUserFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new LexiconFormatException(path, 0, "no such file");
        }

        AddLines(TsvLexiconReader.Parse(File.ReadLines(path), path), UserPriority, "user");
    }

    public void AddLines(IEnumerable<LexiconLine> lines, int priority, string origin)
    {
        foreach (var line in lines)
        {
            _lines.Add(line);
            var name = Normalize(line.Name);
            var entry = new LexiconEntry(name, line.Type, priority, origin) { Place = line.Place is null ? null : Normalize(line.Place) };
            Add(line.Name, entry);
            foreach (var alias in line.Aliases)
            {
                Add(alias, entry);
            }
        }
    }

    /// <summary>Adds one surface form (any script) for an entry.</summary>
    public void Add(string surface, LexiconEntry entry)
    {
        var key = Normalize(surface);
        if (key.Length == 0)
        {
            return;
        }

        _trie.Add(key, [entry], Merge);
    }

    /// <summary>The best entry for an exact surface form, if any.</summary>
    public LexiconEntry? Lookup(string surface) =>
        _trie.TryGet(Normalize(surface), out var entries) ? entries[0] : null;

    public string Normalize(string text) => _normalizer.Normalize(text.Trim()).Text;

    private static LexiconEntry[] Merge(LexiconEntry[] existing, LexiconEntry[] added)
    {
        var all = existing.Concat(added)
            .DistinctBy(e => (e.Name, e.Type))
            .OrderByDescending(e => e.Priority)
            .ToArray();
        return all;
    }
}
