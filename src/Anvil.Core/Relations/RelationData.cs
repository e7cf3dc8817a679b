using Anvil.Core.Lexicons;
using Anvil.Data;

namespace Anvil.Core.Relations;

/// <summary>What a word of <c>relations/position-words.tsv</c> is; a word may be several (总裁 is a title and a leader).</summary>
[Flags]
public enum PositionWord
{
    None = 0,
    Title = 1,
    Leader = 2,
    Founder = 4,
    Modifier = 8,
    Join = 16,
    Unit = 32,
    Anaphor = 64,
    Boundary = 128,
    Verb = 256,
    After = 512,

    /// <summary>The state itself before a title (国家 of 国家主席): the title names its own body.</summary>
    State = 1024,

    /// <summary>A word after a title that names it as a post (一职 of 董事长一职由某某担任).</summary>
    Post = 2048,
}

/// <summary>What a word of <c>relations/list-words.tsv</c> is.</summary>
[Flags]
public enum ListWord
{
    None = 0,
    Joiner = 1,
    Adverb = 2,
    Group = 4,
    Intro = 8,
    Agent = 16,
    Copula = 32,
    Etc = 64,
    Origin = 128,

    /// <summary>What a holder holds of a company (股份, 股权): 持有 states a stake only with one of these after the names.</summary>
    Stake = 256,

    /// <summary>A word for a kind of company that may stand right before the names of such companies (旗下的上市公司A、B).</summary>
    Class = 512,

    /// <summary>A preposition that puts what follows in a place (在, 于): 在某地兴建新厂.</summary>
    Locative = 1024,

    /// <summary>A verb of building a site (兴建, 设立): 在某地兴建新厂.</summary>
    Build = 2048,

    /// <summary>Between a holder and 持有 when it holds through another (通过一家公司持有).</summary>
    Via = 4096,

    /// <summary>After a holder in a list of shareholdings, before its figure (股权结构是A占40%).</summary>
    Portion = 8192,

    /// <summary>A word that opens a figure written in words or approximately (约, 一, 三): 占约40%, 占三成.</summary>
    Figure = 16384,

    /// <summary>What a holder holds through (公司, 基金): the word that ends 通过一家公司 before 持有.</summary>
    Vehicle = 32768,

    /// <summary>A joiner that may name a partner rather than a further list item (A与B新设合营企业).</summary>
    Partner = 65536,
}

/// <summary>Trigger words, product terms, position words and place names behind the relation patterns (relations/*.tsv), loaded once.</summary>
public sealed class RelationData
{
    private RelationData()
    {
    }

    /// <summary>
    /// The particle 的, which ends a description before what it describes (位于深圳的某公司, 主席的职位): the one character of
    /// grammar the relation readers look at, named once here rather than written in each of them.
    /// </summary>
    public const char Of = '的';

    /// <summary>Trigger word → predicate (or pattern name: site, shareholder, supplier, customer, founded_by).</summary>
    public WordTrie<string> Triggers { get; } = new();

    public WordTrie<bool> ProductTerms { get; } = new();

    /// <summary>Words that may stand before a product word without being part of its name (国产, 首款, 了, 出).</summary>
    public WordTrie<bool> ProductLeads { get; } = new();

    /// <summary>Units and classifiers after a number before a product word (万辆 of 200万辆新能源汽车).</summary>
    public WordTrie<bool> ProductCounts { get; } = new();

    /// <summary>Position words written backwards (flags of <see cref="PositionWord"/>), to read a position phrase leftwards from a name.</summary>
    private WordTrie<int> PositionsBackwards { get; } = new();

    /// <summary>Position words as written, to read forwards (verbs and the words after a title).</summary>
    private WordTrie<int> PositionsForwards { get; } = new();

    private WordTrie<int> ListBackwards { get; } = new();

    private WordTrie<int> ListForwards { get; } = new();

    /// <summary>China's divisions by full and short name (佛山市, 佛山 → 佛山), for a registered name's seat.</summary>
    public WordTrie<string> Divisions { get; } = new();

    /// <summary>How a registered company name ends (有限公司, 股份有限公司), written backwards.</summary>
    public WordTrie<bool> LegalFormsBackwards { get; } = new();

    public static RelationData LoadBuiltIn()
    {
        var d = new RelationData();
        foreach (var c in Rows("relations/triggers.tsv"))
        {
            d.Triggers.Add(c[1], c[0]);
        }

        foreach (var c in Rows("relations/product-terms.tsv"))
        {
            d.ProductTerms.Add(c[0], true);
        }

        foreach (var c in Rows("relations/product-leads.tsv"))
        {
            (c[0] == "count" ? d.ProductCounts : d.ProductLeads).Add(c[1], true);
        }

        // titles are the person titles, less the bylines (a reporter's credit is no position), and the position words
        foreach (var line in DataFiles.ReadLines("entities/person-titles.tsv"))
        {
            var c = line.Split('\t');
            var t = c[0].Trim();
            if (t.Length > 0 && !(c.Length > 1 && c[1].Trim() == "byline"))
            {
                d.AddPositionWord(t, PositionWord.Title);
            }
        }

        foreach (var c in Rows("relations/position-words.tsv"))
        {
            var kind = c[0] switch
            {
                "title" => PositionWord.Title,
                "leader" => PositionWord.Leader | PositionWord.Title,
                "founder" => PositionWord.Founder | PositionWord.Title,
                "modifier" => PositionWord.Modifier,
                "join" => PositionWord.Join,
                "unit" => PositionWord.Unit,
                "anaphor" => PositionWord.Anaphor,
                "boundary" => PositionWord.Boundary,
                "verb" => PositionWord.Verb,
                "post" => PositionWord.Post,
                "after" => PositionWord.After,
                "state" => PositionWord.State,
                _ => throw new InvalidDataException($"E0101: relations/position-words.tsv: unknown kind '{c[0]}' (see the file's header)"),
            };
            d.AddPositionWord(c[1], kind);
        }

        foreach (var c in Rows("relations/list-words.tsv"))
        {
            var kind = c[0] switch
            {
                "joiner" => ListWord.Joiner,
                "adverb" => ListWord.Adverb,
                "group" => ListWord.Group,
                "intro" => ListWord.Intro,
                "agent" => ListWord.Agent,
                "copula" => ListWord.Copula,
                "etc" => ListWord.Etc,
                "origin" => ListWord.Origin,
                "stake" => ListWord.Stake,
                "class" => ListWord.Class,
                "locative" => ListWord.Locative,
                "build" => ListWord.Build,
                "via" => ListWord.Via,
                "portion" => ListWord.Portion,
                "figure" => ListWord.Figure,
                "vehicle" => ListWord.Vehicle,
                "partner" => ListWord.Partner,
                _ => throw new InvalidDataException($"E0101: relations/list-words.tsv: unknown kind '{c[0]}' (see the file's header)"),
            };
            // a joiner may be a space: the row's second column is taken as written
            var word = c.Length > 1 && c[1].Length > 0 ? c[1] : " ";
            d.ListBackwards.Add(Reversed(word), (int)kind, (a, b) => a | b);
            d.ListForwards.Add(word, (int)kind, (a, b) => a | b);
        }

        foreach (var c in Rows("relations/legal-forms.tsv"))
        {
            d.LegalFormsBackwards.Add(Reversed(c[0]), true);
        }

        // columns: code, name, level, parent_code, short; the country itself says nothing about where a company is
        foreach (var c in Rows("places/cn-divisions.tsv"))
        {
            if (c.Length < 3 || c[0] == "code")
            {
                continue;
            }

            string full = c[1], shortForm = c.Length > 4 ? c[4] : "";
            string canonical = shortForm.Length >= 2 ? shortForm : full;
            d.Divisions.Add(full, canonical);
            if (shortForm.Length >= 2)
            {
                d.Divisions.Add(shortForm, canonical, (a, _) => a);
            }
        }

        return d;
    }

    /// <summary>The longest word of <paramref name="kind"/> ending at <paramref name="end"/> and starting at or after <paramref name="floor"/>; its length, or 0.</summary>
    public int PositionWordEndingAt(ReadOnlySpan<char> text, int end, int floor, PositionWord kind) =>
        LongestEndingAt(PositionsBackwards, text, end, floor, (int)kind, out _);

    /// <summary>The kinds of the longest word of <paramref name="kind"/> ending at <paramref name="end"/> (None when none).</summary>
    public PositionWord PositionWordKindEndingAt(ReadOnlySpan<char> text, int end, int floor, PositionWord kind, out int length)
    {
        length = LongestEndingAt(PositionsBackwards, text, end, floor, (int)kind, out int value);
        return (PositionWord)value;
    }

    /// <summary>The longest word of <paramref name="kind"/> starting at <paramref name="start"/> (text read up to its end); its length, or 0.</summary>
    public int PositionWordAt(ReadOnlySpan<char> text, int start, PositionWord kind) => LongestAt(PositionsForwards, text, start, (int)kind);

    public int ListWordAt(ReadOnlySpan<char> text, int start, ListWord kind) => LongestAt(ListForwards, text, start, (int)kind);

    public int ListWordEndingAt(ReadOnlySpan<char> text, int end, int floor, ListWord kind) =>
        LongestEndingAt(ListBackwards, text, end, floor, (int)kind, out _);

    /// <summary>Whether a registered form (有限公司) ends at <paramref name="end"/>.</summary>
    public bool LegalFormEndsAt(ReadOnlySpan<char> text, int end, int floor) =>
        LongestEndingAt(LegalFormsBackwards, text, end, floor) > 0;

    private void AddPositionWord(string word, PositionWord kind)
    {
        PositionsBackwards.Add(Reversed(word), (int)kind, (a, b) => a | b);
        PositionsForwards.Add(word, (int)kind, (a, b) => a | b);
    }

    private static int LongestAt(WordTrie<int> trie, ReadOnlySpan<char> text, int start, int kind)
    {
        if (start >= text.Length || !trie.CanStartWith(text[start]))
        {
            return 0;
        }

        int node = WordTrie<int>.Root, best = 0;
        for (int i = start; i < text.Length && trie.TryStep(node, text[i], out node); i++)
        {
            if (trie.IsWord(node) && (trie.ValueOf(node) & kind) != 0)
            {
                best = i - start + 1;
            }
        }

        return best;
    }

    private static int LongestEndingAt(WordTrie<int> backwards, ReadOnlySpan<char> text, int end, int floor, int wanted, out int value)
    {
        value = 0;
        if (end <= floor || end > text.Length || !backwards.CanStartWith(text[end - 1]))
        {
            return 0;
        }

        int node = WordTrie<int>.Root, best = 0;
        for (int i = end - 1; i >= floor && backwards.TryStep(node, text[i], out node); i--)
        {
            if (backwards.IsWord(node) && (backwards.ValueOf(node) & wanted) != 0)
            {
                best = end - i;
                value = backwards.ValueOf(node);
            }
        }

        return best;
    }

    private static int LongestEndingAt(WordTrie<bool> backwards, ReadOnlySpan<char> text, int end, int floor)
    {
        if (end <= floor || end > text.Length || !backwards.CanStartWith(text[end - 1]))
        {
            return 0;
        }

        int node = WordTrie<bool>.Root, best = 0;
        for (int i = end - 1; i >= floor && backwards.TryStep(node, text[i], out node); i--)
        {
            if (backwards.IsWord(node))
            {
                best = end - i;
            }
        }

        return best;
    }

    private static string Reversed(string word)
    {
        var chars = word.ToCharArray();
        Array.Reverse(chars);
        return new string(chars);
    }

    private static IEnumerable<string[]> Rows(string file) =>
        DataFiles.ReadLines(file).Select(l => l.Split('\t').Select(x => x.Trim()).ToArray()).Where(c => c[0].Length > 0);
}
