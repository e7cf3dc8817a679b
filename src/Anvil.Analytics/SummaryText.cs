using Anvil.Core.Display;
using Anvil.Core.Facts;
using Anvil.Core.Quantities;
using Anvil.Store.Records;

namespace Anvil.Analytics;

/// <summary>
/// How a summary's figure was chosen, for people: the CLI's tables and the dashboard's pages write it alike, with the
/// range of the values stated in Core's <see cref="FigureFormatter"/> form (3200～3600亿元).
/// </summary>
public static class SummaryText
{
    /// <summary>Another value (or range) of a figure like this one: the same kind, unit and classifier.</summary>
    public static string Like(Fact like, double value, Qualifier qualifier, double? high = null) =>
        FigureFormatter.Default.Format(FigureParts.Of(like) with { Value = value, ValueHigh = high, Qualifier = qualifier });

    /// <summary><c>3 of 5 documents · 3200～3600亿元 · conflict</c>, <c>latest of 4 documents</c>, <c>2 documents</c> when all agree.</summary>
    public static string Describe(FigureSummary s)
    {
        var parts = new List<string>
        {
            s.Choice switch
            {
                SummaryChoice.Agreed => FigureText.Count(s.Documents, "document"),
                SummaryChoice.MostSources => $"{s.ChosenDocuments} of {FigureText.Count(s.Documents, "document")}",
                _ => $"latest of {FigureText.Count(s.Documents, "document")}",
            },
        };
        if (s.Values > 1)
        {
            parts.Add(Like(s.Fact, s.Low, Qualifier.Range, s.High));
        }

        if (s.Conflict)
        {
            parts.Add("conflict");
        }

        return string.Join(" · ", parts);
    }
}
