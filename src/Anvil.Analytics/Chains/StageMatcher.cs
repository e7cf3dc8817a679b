using Anvil.Core.Lexicons;
using Anvil.Store.Matching;

namespace Anvil.Analytics.Chains;

/// <summary>A stage word found in a text: where (in the text searched), which word (as the template writes it), and the stages it places a company in.</summary>
public readonly record struct StageWordMatch(int Start, int End, string Word, IReadOnlyList<StageRef> Stages);

/// <summary>
/// Finds the stage words of every chain in a text, leftmost-longest over one trie: 电机控制器 is one word (电控),
/// not 电机 plus 控制器; a word several stages list (芯片: 人工智能/芯片 and 半导体/设计) places in each; an excluded word
/// (充电宝) hides the shorter words inside it and places nothing. Words and texts are compared folded (Simplified,
/// half-width, Latin lower-cased); a Latin word (GPU, BMS) matches only between non-letters.
/// </summary>
public sealed class StageMatcher
{
    private readonly WordTrie<Entry> _trie = new();

    public StageMatcher(IEnumerable<ChainTemplate> chains)
    {
        foreach (var chain in chains)
        {
            foreach (var stage in chain.Stages)
            {
                foreach (var word in stage.Words)
                {
                    Add(word, new StageRef(chain, stage));
                }
            }

            foreach (var word in chain.Exclude)
            {
                Add(word, null);
            }
        }
    }

    private void Add(string word, StageRef? stage)
    {
        var folded = Names.Fold(word);
        if (folded.Length == 0)
        {
            return;
        }

        var entry = new Entry(word.Trim(), stage is null ? [] : [stage]);
        _trie.Add(folded, entry, (a, b) => new Entry(a.Word, [.. a.Stages.Union(b.Stages)]));
    }

    /// <summary>Every stage word in <paramref name="folded"/> (a normalised text passed through <see cref="Fold"/>), left to right.</summary>
    public IReadOnlyList<StageWordMatch> Find(string folded)
    {
        var matches = new List<StageWordMatch>();
        int i = 0;
        while (i < folded.Length)
        {
            int length = _trie.LongestMatch(folded, i, out var entry);
            if (length > 0 && LatinBounded(folded, i, i + length))
            {
                if (entry.Stages.Count > 0)
                {
                    matches.Add(new StageWordMatch(i, i + length, entry.Word, entry.Stages));
                }

                i += length;
                continue;
            }

            i++;
        }

        return matches;
    }

    /// <summary>The stages a product or technology name places a company in (昇腾AI芯片 → 人工智能/芯片, 半导体/设计), with the words that did it.</summary>
    public IReadOnlyList<StageWordMatch> Place(string product) => Find(Names.Fold(product));

    /// <summary>A normalised (Simplified, half-width) text as the matcher reads it: Latin lower-cased, positions kept.</summary>
    public static string Fold(string normalised) => normalised.ToLowerInvariant();

    private static bool LatinBounded(string text, int start, int end)
    {
        static bool Letter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');
        return !(Letter(text[start]) && start > 0 && Letter(text[start - 1]))
            && !(Letter(text[end - 1]) && end < text.Length && Letter(text[end]));
    }

    private sealed record Entry(string Word, IReadOnlyList<StageRef> Stages);
}
