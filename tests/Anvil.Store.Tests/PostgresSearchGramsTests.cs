using Anvil.Store.Postgres;

namespace Anvil.Store.Tests;

/// <summary>The trigram codes PostgreSQL's search index holds (migration 9 computes the same in SQL; checked on a server there).</summary>
public sealed class PostgresSearchGramsTests
{
    [Theory]
    [InlineData("abcd", new[] { 218001314, 1858534827 })] // the values the migration's SQL gave
    [InlineData("深圳市场", new[] { -1485925557, 1681478840 })]
    [InlineData("ab", new int[0])] // under three code points: no code, the search scans
    public void Codes_are_those_the_migration_computes(string text, int[] expected) => Assert.Equal(expected, PostgresSearchGrams.Of(text));

    [Fact]
    public void Codes_are_distinct_and_sorted()
    {
        Assert.Equal(2, PostgresSearchGrams.Of("深圳深圳深圳").Length); // 深圳深 and 圳深圳, each once
        var codes = PostgresSearchGrams.Of("人工智能产业规模");
        Assert.Equal([.. codes.Order()], codes);
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_one_code_point()
    {
        Assert.Single(PostgresSearchGrams.Of("a\U00020000b"));
        Assert.Empty(PostgresSearchGrams.Of("\U00020000b"));
    }

    [Fact]
    public void A_term_inside_a_text_has_its_codes_among_the_text_s()
    {
        var text = PostgresSearchGrams.Of("2024年深圳人工智能产业规模达3000亿元");
        Assert.Subset(new HashSet<int>(text), new HashSet<int>(PostgresSearchGrams.OfTerms(["人工智能", "规模达", "深圳"])));
    }
}
