namespace Anvil.Core.Facts;

/// <summary>A stock market index (恒生指数), the place of its market (香港) and the market itself (港股).</summary>
public sealed record MarketIndex(string Name, string Place, string Market);

/// <summary>
/// The market index a figure states the level or the move of (facts/market-indices.tsv): a figure in index points
/// belongs to the index named last before it in its sentence (恒指收报24219点，跌551点: both are the Hang Seng's), a
/// percent growth to the index named in its own clause (恒指跌1.5%, not 成交额增20% after it). An index is no place or
/// company, so without this the figures went to whatever name stood nearest (a company quoted in the same report) and
/// the words before them (低见, 收市) became their measure.
/// </summary>
internal sealed class MarketIndexReader(FactDocument doc)
{
    public MarketIndex? For(FigureContext f, FactKind kind)
    {
        var q = f.Figure.Quantity;
        int from = q.Unit == "point" ? f.Sentence.Start : q.IsPercent && kind == FactKind.Growth ? f.Clause.Start : -1;
        if (from < 0 || from >= f.Figure.View.Start)
        {
            return null;
        }

        var before = doc.Text.AsSpan(from, f.Figure.View.Start - from);
        if (!doc.Data.MarketIndexWords.AnyIn(before))
        {
            return null;
        }

        // the nearest wins; of forms ending together, the longest (恒生科技指数, not 科指 inside it), as the list is sorted
        MarketIndex? nearest = null;
        int nearestEnd = -1;
        foreach (var (surface, index) in doc.Data.MarketIndices)
        {
            int at = before.LastIndexOf(surface, StringComparison.Ordinal);
            if (at >= 0 && at + surface.Length > nearestEnd)
            {
                nearest = index;
                nearestEnd = at + surface.Length;
            }
        }

        return nearest;
    }
}
