using Anvil.Core.Documents;
using Anvil.Core.Pipeline;

namespace Anvil.Core.Tests.Pipeline;

public class PreloadTests
{
    [Fact]
    public void Preloaded_data_goes_to_one_pipeline_and_its_user_words_stay_there()
    {
        string lexicon = Path.Combine(Path.GetTempPath(), $"anvil-preload-{Guid.NewGuid():N}.tsv");
        File.WriteAllText(lexicon, "星海微电\tcompany\tStarSea\n");
        try
        {
            AnvilPipeline.Preload();
            var withUserWords = AnvilPipeline.Create(new PipelineOptions { LexiconFiles = [lexicon] });
            var plain = AnvilPipeline.Create();

            var document = new Document("preload", "StarSea与华为合作。");
            Assert.Contains(withUserWords.Run(document).Entities, e => e.Name == "星海微电");
            var names = plain.Run(document).Entities.Select(e => e.Name).ToList();
            Assert.Contains("华为", names);
            Assert.DoesNotContain("星海微电", names);
        }
        finally
        {
            File.Delete(lexicon);
        }
    }
}
