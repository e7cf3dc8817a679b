using Anvil.Core.Entities;
using Anvil.Core.Lexicons;

namespace Anvil.Core.Tests.Lexicons;

/// <summary>The lexicon format users and Anvil share: name, type, aliases and, for a body, the place it governs.</summary>
public class LexiconReaderTests
{
    [Fact]
    public void A_fourth_column_names_the_place_a_body_governs()
    {
        var lines = TsvLexiconReader.Parse(["# a comment", "市场监管局\tgovernment\t市监局\t临海", "星海微电\tcompany\tStarSea", "某局\tgovernment\t\t"], "test.tsv").ToList();

        Assert.Equal(3, lines.Count);
        Assert.Equal("临海", lines[0].Place);
        Assert.Equal(["市监局"], lines[0].Aliases);
        Assert.Null(lines[1].Place);
        Assert.Null(lines[2].Place);
        Assert.Equal(EntityType.Government, lines[2].Type);
    }

    [Fact]
    public void A_built_in_national_body_governs_the_country()
    {
        var lexicon = EntityLexicon.LoadBuiltIn(Anvil.Core.Normalization.TextNormalizer.Default);

        Assert.Equal("中国", lexicon.Lookup("財政部")?.Place);
        Assert.Equal("香港", lexicon.Lookup("政府统计处")?.Place);
        Assert.Null(lexicon.Lookup("深圳")?.Place);
    }
}
