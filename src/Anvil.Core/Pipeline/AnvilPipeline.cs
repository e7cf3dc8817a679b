using Anvil.Core.Entities;
using Anvil.Core.Lexicons;
using Anvil.Core.Normalization;
using Anvil.Core.Facts;
using Anvil.Core.Periods;
using Anvil.Core.Quantities;
using Anvil.Core.Relations;

namespace Anvil.Core.Pipeline;

/// <summary>Builds the standard extraction pipeline; the language data is loaded once per pipeline.</summary>
public static class AnvilPipeline
{
    public static ExtractionPipeline Create(PipelineOptions? options = null)
    {
        options ??= new PipelineOptions();
        var normalizer = TextNormalizer.Default;
        var lexicon = EntityLexicon.LoadBuiltIn(normalizer);
        foreach (var file in options.LexiconFiles)
        {
            lexicon.AddUserFile(file);
        }

        var entities = new EntityRecognizer(lexicon, EntityPatternData.LoadBuiltIn());
        return new ExtractionPipeline(
        [
            new NormalizerComponent(normalizer),
            new EntityComponent(entities),
            new QuantityComponent(),
            new PeriodComponent(),
            new FactExtractor(FactData.LoadBuiltIn(), lexicon),
            new RelationExtractor(RelationData.LoadBuiltIn()),
        ]);
    }
}
