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

        // The data files load side by side: start-up is serial time every run pays before any document.
        var patterns = Task.Run(EntityPatternData.LoadBuiltIn);
        var facts = Task.Run(FactData.LoadBuiltIn);
        var relations = Task.Run(RelationData.LoadBuiltIn);
        var quantities = Task.Run(() => QuantityRecognizer.Default);
        var periods = Task.Run(() => PeriodRecognizer.Default);
        var lexicon = EntityLexicon.LoadBuiltIn(normalizer);
        foreach (var file in options.LexiconFiles)
        {
            lexicon.AddUserFile(file);
        }

        var entities = new EntityRecognizer(lexicon, patterns.GetAwaiter().GetResult());
        return new ExtractionPipeline(
        [
            new NormalizerComponent(normalizer),
            new EntityComponent(entities),
            new QuantityComponent(quantities.GetAwaiter().GetResult()),
            new PeriodComponent(periods.GetAwaiter().GetResult()),
            new FactExtractor(facts.GetAwaiter().GetResult(), lexicon),
            new RelationExtractor(relations.GetAwaiter().GetResult()),
        ]);
    }
}
