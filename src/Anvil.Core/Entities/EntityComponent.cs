using Anvil.Core.Normalization;
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

            // works and groups keep their name as written, only converted to Simplified script
            // (the matching view also folds widths and regional words, which a title must keep)
            string canonical = type is EntityType.Work or EntityType.Group
                ? ScriptConverter.TraditionalToSimplified.Convert(analysis.Document.Text.Substring(span.Start, span.Length))
                : name;
            analysis.Entities.Add(new EntityMention(span, canonical, type));
        }
    }
}
