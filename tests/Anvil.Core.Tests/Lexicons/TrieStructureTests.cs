using Anvil.Core.Lexicons;

namespace Anvil.Core.Tests.Lexicons;

/// <summary>The tables under the tries: the edge table and the first-character bit map.</summary>
public class TrieStructureTests
{
    [Fact]
    public void EdgesAreFoundAfterTheTableGrows()
    {
        var edges = new TrieEdges();
        var expected = new Dictionary<(int Node, char C), int>();
        var random = new Random(7);
        int child = 1;
        while (expected.Count < 50_000)
        {
            int node = random.Next(0, child);
            char c = (char)random.Next(0, char.MaxValue + 1);
            if (expected.TryAdd((node, c), child))
            {
                edges.Add(node, c, child);
                child++;
            }
        }

        Assert.Equal(expected.Count, edges.Count);
        foreach (var ((node, c), value) in expected)
        {
            Assert.True(edges.TryGet(node, c, out int found));
            Assert.Equal(value, found);
        }

        // pairs never added: a key of all zero bits (the root and NUL) reads as an empty slot, never as an edge
        for (int k = 0; k < 10_000; k++)
        {
            int node = k == 0 ? 0 : random.Next(0, TrieEdges.MaxNodes);
            char c = k == 0 ? '\0' : (char)random.Next(0, char.MaxValue + 1);
            Assert.Equal(expected.ContainsKey((node, c)), edges.TryGet(node, c, out _));
        }
    }

    [Fact]
    public void EdgesRefuseNodesBeyondTheirBits()
    {
        var edges = new TrieEdges();
        Assert.Throws<InvalidOperationException>(() => edges.Add(0, 'a', TrieEdges.MaxNodes));
        Assert.Throws<InvalidOperationException>(() => edges.Add(TrieEdges.MaxNodes, 'a', 1));
        Assert.Throws<InvalidOperationException>(() => edges.Add(0, 'a', 0));
    }

    [Fact]
    public void CharSetHoldsWhatWasAddedOnly()
    {
        var set = new CharSet();
        char[] members = ['\0', 'A', '深', '圳', char.MaxValue];
        foreach (char c in members)
        {
            set.Add(c);
        }

        for (int c = 0; c <= char.MaxValue; c++)
        {
            Assert.Equal(members.Contains((char)c), set.Contains((char)c));
        }
    }

    [Fact]
    public void WordTrieWalksAsBefore()
    {
        var trie = new WordTrie<int>();
        trie.Add("深圳", 1);
        trie.Add("深圳市", 2);
        trie.Add("圳", 3);
        trie.Add("深圳", 4, (a, b) => a + b);
        Assert.Equal(3, trie.Count);
        Assert.Equal(3, trie.LongestMatch("在深圳市内", 1, out int value));
        Assert.Equal(2, value);
        Assert.True(trie.TryGet("深圳", out value));
        Assert.Equal(5, value);
        Assert.False(trie.TryGet("深", out _));
        Assert.True(trie.CanStartWith('深'));
        Assert.False(trie.CanStartWith('市'));
        var all = new List<(int Length, int Value)>();
        trie.AllMatches("深圳市", 0, (length, v) => all.Add((length, v)));
        Assert.Equal([(2, 5), (3, 2)], all);
    }

    [Fact]
    public void WordAtGivesTheLongestWordOrNothing()
    {
        var trie = new WordTrie<bool>();
        trie.Add("站", true);
        trie.Add("国际机场", true);
        trie.Add("机场", true);
        Assert.Equal(4, trie.WordAt("宝安国际机场", 2));
        Assert.Equal(2, trie.WordAt("宝安机场", 2));
        Assert.Equal(0, trie.WordAt("宝安机", 2));  // a word's start, no whole word
        Assert.Equal(0, trie.WordAt("上水站", 3));  // past the end of the text
    }

    [Theory]
    [InlineData("据悉，星河云图据称将在本月发布新品。", "据称", "本月")]
    [InlineData("據悉，星河雲圖據稱將在本月發佈新品。", "據稱", "本月")]
    [InlineData("", "据称", "本月")]
    [InlineData("没有一个词在这里。", "据称", "本月")]
    public void NextStartStopsWhereCanStartWithSaysYes(string text, string first, string second)
    {
        // every position whose character could begin a word, and no other, in order; words added after a first search
        // count too
        var trie = new WordTrie<bool>();
        trie.Add(first, true);
        Assert.Equal(Starts(trie, text), Walk(trie, text));
        trie.Add(second, true);
        Assert.Equal(Starts(trie, text), Walk(trie, text));
        Assert.Equal(-1, trie.NextStart(text, text.Length));

        static List<int> Starts(WordTrie<bool> trie, string text) => [.. Enumerable.Range(0, text.Length).Where(i => trie.CanStartWith(text[i]))];

        static List<int> Walk(WordTrie<bool> trie, string text)
        {
            var found = new List<int>();
            for (int at = trie.NextStart(text, 0); at >= 0; at = trie.NextStart(text, at + 1))
            {
                found.Add(at);
            }

            return found;
        }
    }

    [Fact]
    public void CharSetListsItsMembersInOrder()
    {
        var set = new CharSet();
        foreach (char c in "圳A深\0")
        {
            set.Add(c);
        }

        set.Add(char.MaxValue);
        Assert.Equal(['\0', 'A', '圳', '深', char.MaxValue], set.ToArray());
    }
}
