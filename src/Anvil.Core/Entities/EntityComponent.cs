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
        foreach (var (start, end, name, type, known) in recognizer.Find(analysis.View.Text, analysis.Timings))
        {
            var span = analysis.View.ToOriginal(start, end);
            if (span.IsEmpty || analysis.Document.IsBoilerplate(span) || periods.AnyCovers(span))
            {
                continue;
            }

            // works and groups keep their name as written, only converted to Simplified script (the matching view
            // also folds widths and regional words, which a title must keep), unless the lexicon names what the
            // words stand for (预算案 for 财政预算案). Other names the lexicon holds stay canonical; a product stays
            // as the view has it too, since it ends in a category word of the product list (昇腾AI芯片 for 昇騰AI晶片,
            // as the gold names it); the rest are the text's own words
            string canonical = type is EntityType.Work or EntityType.Group && analysis.View.Text.AsSpan(start, end - start).SequenceEqual(name)
                ? ScriptConverter.TraditionalToSimplified.Convert(analysis.Document.Text.Substring(span.Start, span.Length))
                : known || type == EntityType.Product ? name : NameAsWritten(analysis, name, start, end, span);
            analysis.Entities.Add(new EntityMention(span, canonical, type));
        }
    }

    /// <summary>
    /// A name made of the view's characters, as the text wrote it in Simplified script: the view also puts the mainland's
    /// word for a Hong Kong or Taiwan one (寬頻 → 宽带, normalization/regional-terms.tsv) so that words match, but a name
    /// taken from the text is the text's own (有线宽频). Only a span whose view is not the original itself is read back.
    /// </summary>
    private static string NameAsWritten(Analysis analysis, string name, int start, int end, TextSpan span)
    {
        var view = analysis.View.Text.AsSpan(start, end - start);
        if (view.SequenceEqual(analysis.Document.Text.AsSpan(span.Start, span.Length)))
        {
            return name; // Simplified text as the view has it: nothing was replaced
        }

        // the name is the words of the span or some of them (贝恩 of 贝恩公司); one with words of its own stays
        int at = view.IndexOf(name, StringComparison.Ordinal);
        if (at < 0)
        {
            return name;
        }

        var original = analysis.View.ToOriginal(start + at, start + at + name.Length);
        string written = TextNormalizer.Default.AsWritten(analysis.Document.Text.AsSpan(original.Start, original.Length), analysis.Script);
        return written.Length > 0 && written != name ? written : name;
    }
}
