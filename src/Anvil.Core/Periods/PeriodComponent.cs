using Anvil.Core.Pipeline;

namespace Anvil.Core.Periods;

/// <summary>
/// Pipeline step: runs the <see cref="PeriodRecognizer"/> over the match view with the document's date
/// and maps every span back to the original text. Periods in boilerplate are kept out.
/// </summary>
public sealed class PeriodComponent : IPipelineComponent
{
    private readonly PeriodRecognizer _recognizer;

    public PeriodComponent(PeriodRecognizer? recognizer = null)
    {
        _recognizer = recognizer ?? PeriodRecognizer.Default;
    }

    public string Name => "periods";

    public Annotations Requires => Annotations.View;

    public Annotations Provides => Annotations.Periods;

    public void Process(Analysis analysis)
    {
        var view = analysis.View;
        var found = _recognizer.Find(view.Text, analysis.Document.Date);
        if (analysis.Document.Date is null && YearWrittenMost(found) is int year)
        {
            // an undated text: 今年 and 去年 are read against the year it writes most (a review of 2020 names 2020
            // more often than the 2021 it looks ahead to), as the last day of that year; the document keeps no date
            found = _recognizer.Find(view.Text, new DateOnly(year, 12, 31));
        }

        foreach (var m in found)
        {
            var span = view.ToOriginal(m.Span);
            if (!analysis.Document.IsBoilerplate(span))
            {
                analysis.Periods.Add(m with { Span = span });
            }
        }
    }

    /// <summary>The year that the text's periods write out most often (the later of equals), or null when none does.</summary>
    internal static int? YearWrittenMost(IEnumerable<PeriodMention> mentions)
    {
        var counts = new Dictionary<int, int>();
        foreach (var m in mentions)
        {
            if (m.HasExplicitYear && !m.IsComparison && PeriodResolver.FirstYear(m.Value) is int year)
            {
                counts[year] = counts.GetValueOrDefault(year) + 1;
            }
        }

        return counts.Count == 0 ? null : counts.MaxBy(c => (c.Value, c.Key)).Key;
    }
}
