using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Entities.Tagging;
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
    private static BuiltInData? _preloaded;

    /// <summary>
    /// Starts loading Anvil's own language data in the background, for the next <see cref="Create"/> to take.
    /// A command that will extract calls this first thing, so the loading overlaps with reading the command
    /// line: start-up is serial time every run pays before any document.
    /// </summary>
    public static void Preload()
    {
        if (Volatile.Read(ref _preloaded) is null)
        {
            Interlocked.CompareExchange(ref _preloaded, BuiltInData.Start(), null);
        }
    }

    public static ExtractionPipeline Create(PipelineOptions? options = null)
    {
        options ??= new PipelineOptions();

        // the preloaded data goes to one pipeline only: its lexicon takes the caller's own files
        var data = Interlocked.Exchange(ref _preloaded, null) ?? BuiltInData.Start();
        var lexicon = data.Lexicon.GetAwaiter().GetResult();
        foreach (var file in options.LexiconFiles)
        {
            lexicon.AddUserFile(file);
        }

        var entities = new EntityRecognizer(lexicon, data.Patterns.GetAwaiter().GetResult(),
            data.NameModel.GetAwaiter().GetResult(), data.Words.GetAwaiter().GetResult());
        return new ExtractionPipeline(
        [
            new NormalizerComponent(TextNormalizer.Default),
            new SentenceComponent(),
            new EntityComponent(entities),
            new QuantityComponent(data.Quantities.GetAwaiter().GetResult()),
            new PeriodComponent(data.Periods.GetAwaiter().GetResult()),
            new FactExtractor(data.Facts.GetAwaiter().GetResult(), lexicon),
            new RelationExtractor(data.Relations.GetAwaiter().GetResult()),
        ]);
    }

    /// <summary>The built-in data files, loading side by side.</summary>
    private sealed record BuiltInData(
        Task<EntityLexicon> Lexicon,
        Task<EntityPatternData> Patterns,
        Task<FactData> Facts,
        Task<RelationData> Relations,
        Task<QuantityRecognizer> Quantities,
        Task<PeriodRecognizer> Periods,
        Task<NameTaggerModel> NameModel,
        Task<WordDictionary> Words)
    {
        public static BuiltInData Start() => new(
            Task.Run(() => EntityLexicon.LoadBuiltIn(TextNormalizer.Default)),
            Task.Run(EntityPatternData.LoadBuiltIn),
            Task.Run(FactData.LoadBuiltIn),
            Task.Run(RelationData.LoadBuiltIn),
            Task.Run(() => QuantityRecognizer.Default),
            Task.Run(() => PeriodRecognizer.Default),
            Task.Run(NameTagger.LoadBuiltInModel),
            Task.Run(WordDictionary.LoadBuiltIn));
    }
}
