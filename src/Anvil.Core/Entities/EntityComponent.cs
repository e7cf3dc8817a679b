using Anvil.Core.Pipeline;

namespace Anvil.Core.Entities;

/// <summary>Pipeline step: entity mentions, mapped back to the original text, outside boilerplate.</summary>
public sealed class EntityComponent(EntityRecognizer recognizer) : IPipelineComponent
{
    public string Name => "entities";

    public Annotations Requires => Annotations.View;

    public Annotations Provides => Annotations.Entities;

    public void Process(Analysis analysis)
    {
        foreach (var (start, end, name, type) in recognizer.Find(analysis.View.Text))
        {
            var span = analysis.View.ToOriginal(start, end);
            if (span.IsEmpty || analysis.Document.IsBoilerplate(span))
            {
                continue;
            }

            analysis.Entities.Add(new EntityMention(span, name, type));
        }
    }
}
