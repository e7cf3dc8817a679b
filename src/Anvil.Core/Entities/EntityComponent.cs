using Anvil.Core.Documents;
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
        // a name inside a period the text states (首兩個月 + 載客量升 reads like a company's results) is dropped: a period
        // is never a name. The periods are there when the pipeline runs their component first, as the built-in one
        // does; without them every name stays.
        var periods = CoveringSpans.Of(analysis.Periods, p => p.Span);
        foreach (var (start, end, name, type) in recognizer.Find(analysis.View.Text, analysis.Timings))
        {
            var span = analysis.View.ToOriginal(start, end);
            if (span.IsEmpty || analysis.Document.IsBoilerplate(span) || periods.AnyCovers(span))
            {
                continue;
            }

            // works and groups keep their name as written, only converted to Simplified script (the matching view
            // also folds widths and regional words, which a title must keep), unless the lexicon names what the
            // words stand for (预算案 for 财政预算案)
            string canonical = type is EntityType.Work or EntityType.Group && analysis.View.Text.AsSpan(start, end - start).SequenceEqual(name)
                ? ScriptConverter.TraditionalToSimplified.Convert(analysis.Document.Text.Substring(span.Start, span.Length))
                : name;
            analysis.Entities.Add(new EntityMention(span, canonical, type));
        }
    }
}
