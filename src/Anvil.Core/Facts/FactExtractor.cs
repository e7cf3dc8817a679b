using Anvil.Core.Pipeline;

namespace Anvil.Core.Facts;

/// <summary>
/// Turns the quantities of a text into facts: for each figure, the subject it is about, the measure (indicator) and its
/// scope, the kind (value, growth, delta, share, rank), the period and the source. Works sentence by sentence and
/// clause by clause on the matching view; what a clause leaves out (the subject, the measure, the period, the source)
/// is carried from the clause or sentence before, as a reader would (<see cref="Discourse"/>). Each of those questions
/// is answered by a part of its own (<see cref="FigureResolver"/>); the words they read are data (facts/*.tsv).
/// </summary>
public sealed class FactExtractor(FactData data, Lexicons.EntityLexicon? lexicon = null, Lexicons.WordDictionary? words = null) : IPipelineComponent
{
    public string Name => "facts";

    public Annotations Requires => Annotations.View | Annotations.Sentences | Annotations.Entities | Annotations.Quantities | Annotations.Periods;

    public Annotations Provides => Annotations.Facts;

    public void Process(Analysis analysis)
    {
        if (analysis.Quantities.Count == 0)
        {
            return;
        }

        var doc = new FactDocument(analysis, data, lexicon, words);
        var resolver = new FigureResolver(doc, lexicon);
        var discourse = new Discourse { OnwardSource = SourceAttribution.OfLead(doc) };
        foreach (var sentence in analysis.Sentences.All)
        {
            if (doc.Text[sentence.Start] == '#')
            {
                // a heading starts a new item of a news feed: nothing carries over from the item before, and a source
                // its first lines name speaks for the item
                discourse = discourse.AtHeading() with { OnwardSource = SourceAttribution.OfItem(doc, sentence.Start) };
            }
            else if (discourse.OnwardSourceIsAnnouncement && OpensParagraph(doc.Text, sentence.Start))
            {
                discourse = discourse with { AnnouncedInEarlierParagraph = true };
            }

            var figures = doc.FiguresWithin(sentence.Start, sentence.End).ToList();
            (string? source, discourse) = SourceAttribution.OfSentence(doc, sentence, discourse);
            Carried? lastInSentence = null, lastValueInSentence = null;
            for (int i = 0; i < figures.Count; i++)
            {
                var figure = figures[i];
                var clause = doc.ClauseAround(sentence, figure.View.Start);
                int previousEnd = i > 0 && figures[i - 1].View.End > clause.Start ? figures[i - 1].View.End : clause.Start;
                if (resolver.Resolve(new FigureContext(figure, sentence, clause, previousEnd, lastInSentence, figures, source, discourse)
                    { LastValueInSentence = lastValueInSentence }) is { } resolved)
                {
                    analysis.Facts.Add(resolved.Record);
                    lastInSentence = resolved.Carried;
                    lastValueInSentence = resolved.Carried.Kind == FactKind.Value ? resolved.Carried : lastValueInSentence;
                    discourse = resolved.Discourse;
                }
            }
        }
    }

    /// <summary>The text before <paramref name="start"/>, spaces aside, is a line break or nothing.</summary>
    private static bool OpensParagraph(string text, int start)
    {
        int i = start - 1;
        while (i >= 0 && text[i] is ' ' or '\t' or '\u3000')
        {
            i--;
        }

        return i >= 0 && text[i] == '\n';
    }
}
