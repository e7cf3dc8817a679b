using Anvil.Core.Entities;
using Anvil.Store.Ingest;
using Anvil.Store.Tests.Support;

namespace Anvil.Store.Tests;

public sealed class DocumentRecordsTests
{
    /// <summary>
    /// A fact-dense text states many figures of a few subjects, and a subject's link is remembered within the document:
    /// every fact must still link as it would alone, also when a subject found in the lexicon (not among the document's
    /// mentions) has been added to the document's entities by an earlier fact. Simplified and Traditional script.
    /// </summary>
    [Theory]
    [InlineData("深圳企业3000家。DeepSeek员工200人。深圳企业3100家。杭州企业900家。DeepSeek员工210人。星海企业5家。深圳企业3200家。",
        "深圳", "杭州", "DeepSeek", "星海")]
    [InlineData("深圳企業3000家。DeepSeek員工200人。深圳企業3100家。杭州企業900家。DeepSeek員工210人。星海企業5家。深圳企業3200家。",
        "深圳", "杭州", "DeepSeek", "星海")]
    public void Every_fact_links_its_subject_as_it_would_alone(string text, string mentioned, string otherPlace, string lexiconName, string unknown)
    {
        var sentences = text.Split('。', StringSplitOptions.RemoveEmptyEntries).Select(s => s + "。").ToList();
        string SubjectOf(string sentence) => new[] { mentioned, otherPlace, lexiconName, unknown }.First(s => sentence.StartsWith(s, StringComparison.Ordinal));

        var whole = new TestAnalysis("whole", text).Mention(mentioned, mentioned, EntityType.Place).Mention(otherPlace, otherPlace, EntityType.Place);
        foreach (var s in sentences)
        {
            whole.Fact(s, SubjectOf(s), "企业数量", 1);
        }

        var records = whole.Records();
        Assert.Equal(sentences.Count, records.Facts.Count);
        for (int i = 0; i < sentences.Count; i++)
        {
            // the same fact in a document of its own, with the same mentions
            var alone = new TestAnalysis("alone", text).Mention(mentioned, mentioned, EntityType.Place).Mention(otherPlace, otherPlace, EntityType.Place)
                .Fact(sentences[i], SubjectOf(sentences[i]), "企业数量", 1).Records();
            var expected = alone.Facts[0];
            var actual = records.Facts[i];
            Assert.Equal(expected.Fact.Subject, actual.Fact.Subject);
            Assert.Equal(expected.SubjectEntity is { } e ? alone.Entities[e].Name : null, actual.SubjectEntity is { } a ? records.Entities[a].Name : null);
        }

        // the lexicon's company is linked every time, the unknown name never
        for (int i = 0; i < sentences.Count; i++)
        {
            var subject = SubjectOf(sentences[i]);
            Assert.Equal(subject != unknown, records.Facts[i].SubjectEntity is not null);
        }
    }
}
