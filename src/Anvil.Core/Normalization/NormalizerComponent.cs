using Anvil.Core.Pipeline;

namespace Anvil.Core.Normalization;

/// <summary>Pipeline step one: the matching view of the document's text.</summary>
public sealed class NormalizerComponent(TextNormalizer normalizer) : IPipelineComponent
{
    public string Name => "normalizer";

    public Annotations Requires => Annotations.None;

    public Annotations Provides => Annotations.View;

    public void Process(Analysis analysis)
    {
        analysis.View = normalizer.Normalize(analysis.Document.Text, out var script);
        analysis.Script = script;
    }
}
