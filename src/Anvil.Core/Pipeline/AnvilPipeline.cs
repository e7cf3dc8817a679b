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

/// <summary>
/// Builds the standard extraction pipeline. Anvil's own language data is loaded once per process and shared: by every
/// pipeline, by the store's entity resolver and by the name matchers of queries (a server that extracts uploads and
/// answers queries holds one copy). It is read-only once loaded; users' lexicon files go into a lexicon of their own.
/// </summary>
public static class AnvilPipeline
{
    private static readonly Lazy<Task<EntityLexicon>> SharedLexicon =
        new(() => Task.Run(() => EntityLexicon.LoadBuiltIn(TextNormalizer.Default)), LazyThreadSafetyMode.ExecutionAndPublication);

    private static readonly Lazy<ComponentData> SharedComponents = new(ComponentData.Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Starts loading Anvil's own language data in the background. A command that will extract calls this first thing,
    /// so the loading overlaps with reading the command line: start-up is serial time every run pays before any document.
    /// </summary>
    public static void Preload()
    {
        _ = SharedLexicon.Value;
        _ = SharedComponents.Value;
    }

    /// <summary>Anvil's own lexicons and places, loaded once per process; shared, so never to be added to.</summary>
    public static EntityLexicon BuiltInLexicon => SharedLexicon.Value.GetAwaiter().GetResult();

    /// <summary>
    /// The lexicon for these users' files: the shared built-in one when there are none, else a new one with the files'
    /// words on top of Anvil's. Bad files throw <see cref="LexiconFormatException"/>.
    /// </summary>
    public static EntityLexicon Lexicon(IReadOnlyList<string> lexiconFiles)
    {
        if (lexiconFiles.Count == 0)
        {
            return BuiltInLexicon;
        }

        var lexicon = EntityLexicon.LoadBuiltIn(TextNormalizer.Default);
        foreach (var file in lexiconFiles)
        {
            lexicon.AddUserFile(file);
        }

        return lexicon;
    }

    public static ExtractionPipeline Create(PipelineOptions? options = null) =>
        Create(Lexicon((options ?? new PipelineOptions()).LexiconFiles), options?.TagEveryClause ?? false);

    /// <summary>The pipeline over a lexicon from <see cref="Lexicon"/> (which the caller may share with an entity resolver).</summary>
    public static ExtractionPipeline Create(EntityLexicon lexicon, bool tagEveryClause = false)
    {
        var data = SharedComponents.Value;
        var entities = new EntityRecognizer(lexicon, data.Patterns.GetAwaiter().GetResult(),
            data.NameModel.GetAwaiter().GetResult(), data.Words.GetAwaiter().GetResult(), tagEveryClause);
        return new ExtractionPipeline(
        [
            new NormalizerComponent(TextNormalizer.Default),
            new SentenceComponent(),
            // periods before names: a name inside a stated period (首两个月) is dropped
            new PeriodComponent(data.Periods.GetAwaiter().GetResult()),
            new EntityComponent(entities),
            new QuantityComponent(data.Quantities.GetAwaiter().GetResult()),
            new FactExtractor(data.Facts.GetAwaiter().GetResult(), lexicon, data.Words.GetAwaiter().GetResult()),
            // companies read from relation frames, after the facts (whose subjects stay the recogniser's) and before the relations
            new FrameCompanyComponent(data.Frames.GetAwaiter().GetResult(), data.Relations.GetAwaiter().GetResult(), data.Words.GetAwaiter().GetResult()),
            new RelationExtractor(data.Relations.GetAwaiter().GetResult()),
        ]);
    }

    /// <summary>The built-in data files of the components besides the lexicon, loading side by side.</summary>
    private sealed record ComponentData(
        Task<EntityPatternData> Patterns,
        Task<FactData> Facts,
        Task<RelationData> Relations,
        Task<CompanyFrameData> Frames,
        Task<QuantityRecognizer> Quantities,
        Task<PeriodRecognizer> Periods,
        Task<NameTaggerModel> NameModel,
        Task<WordDictionary> Words)
    {
        public static ComponentData Start() => new(
            Task.Run(EntityPatternData.LoadBuiltIn),
            Task.Run(FactData.LoadBuiltIn),
            Task.Run(RelationData.LoadBuiltIn),
            Task.Run(CompanyFrameData.LoadBuiltIn),
            Task.Run(() => QuantityRecognizer.Default),
            Task.Run(() => PeriodRecognizer.Default),
            Task.Run(NameTagger.LoadBuiltInModel),
            Task.Run(WordDictionary.LoadBuiltIn));
    }
}
