using Anvil.Core.Documents;
using Anvil.Core.Pipeline;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Entities;

/// <summary>
/// By default the name tagger reads clauses where a name is likely: a lexicon or pattern name in the clause, or
/// two characters that open a name to the tagger's character weights alone (梁志 of 梁志恒) or with the characters
/// around them (彭 + 小东); with
/// TagEveryClause it reads every clause.
/// </summary>
public class ThoroughTaggingTests
{
    private static readonly Lazy<ExtractionPipeline> Thorough = new(() => AnvilPipeline.Create(new PipelineOptions { TagEveryClause = true }));

    [Theory]
    [InlineData("梁志恒昨日抵达北京。", "梁志恒")]
    [InlineData("梁志恆昨日抵達北京。", "梁志恒")]
    public void A_person_no_title_announces_is_found_where_the_characters_open_a_name(string text, string person)
    {
        var fast = PipelineCases.Pipeline.Run(new Document("case", text)).Entities.Select(e => e.Name);
        var thorough = Thorough.Value.Run(new Document("case", text)).Entities.Select(e => e.Name);

        Assert.Contains(person, fast);
        Assert.Contains(person, thorough);
        Assert.Contains("北京", thorough);
    }

    [Theory]
    [InlineData("彭小东昨日抵达上海。", "彭小东")]
    [InlineData("彭小東昨日抵達上海。", "彭小东")]
    [InlineData("邓小伟说，比赛很激烈。", "邓小伟")]
    public void A_person_whose_first_characters_open_a_name_only_beside_their_neighbours_is_found_by_default(string text, string person) =>
        Assert.Contains(person, PipelineCases.Pipeline.Run(new Document("case", text)).Entities.Select(e => e.Name));

    [Theory]
    [InlineData("要发挥区域科技创新中心作用，加强民生科技研发。", "民生科技")]
    [InlineData("要發揮區域科技創新中心作用，加強民生科技研發。", "民生科技")]
    public void Every_clause_read_still_finds_no_company_in_ordinary_words(string text, string absent) =>
        Assert.DoesNotContain(absent, Thorough.Value.Run(new Document("case", text)).Entities.Select(e => e.Name));
}
