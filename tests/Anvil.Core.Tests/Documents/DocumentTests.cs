using Anvil.Core.Documents;

namespace Anvil.Core.Tests.Documents;

public class DocumentTests
{
    [Fact]
    public void Code_point_index_counts_a_surrogate_pair_once()
    {
        var doc = new Document("d", "a𠀀b");
        Assert.Equal(0, doc.ToCodePointIndex(0));
        Assert.Equal(1, doc.ToCodePointIndex(1));
        Assert.Equal(2, doc.ToCodePointIndex(3));
        Assert.Equal(3, doc.CodePointLength);
    }

    [Fact]
    public void Boilerplate_covers_spans_inside_it()
    {
        var doc = new Document("d", "0123456789", boilerplate: [new TextSpan(2, 5), new TextSpan(4, 6)]);
        Assert.Single(doc.Boilerplate);
        Assert.True(doc.IsBoilerplate(new TextSpan(3, 4)));
        Assert.False(doc.IsBoilerplate(new TextSpan(7, 9)));
    }
}
