using Anvil.Core.Pipeline;

namespace Anvil.Core.Documents;

/// <summary>Finds the sentences of the matching view once, for every later component that reads sentence by sentence.</summary>
public sealed class SentenceComponent : IPipelineComponent
{
    public string Name => "sentences";

    public Annotations Requires => Annotations.View;

    public Annotations Provides => Annotations.Sentences;

    public void Process(Analysis analysis) => analysis.Sentences = Sentences.Find(analysis.View.Text);
}
