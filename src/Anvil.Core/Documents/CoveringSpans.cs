namespace Anvil.Core.Documents;

/// <summary>
/// A set of spans asked, many times over, whether one of them covers a given span (is a name inside a period the text
/// states?). The spans are sorted by start once, with the furthest end reached so far beside each, so a question is a
/// binary search: scanning every span for every question made a 15 MB document's entities take 35 s, where some
/// 190,000 names met as many periods.
/// </summary>
public sealed class CoveringSpans
{
    public static readonly CoveringSpans None = new([]);

    private readonly int[] _starts;
    private readonly int[] _furthestEnds;

    private CoveringSpans(TextSpan[] spans)
    {
        Array.Sort(spans, static (a, b) => a.Start.CompareTo(b.Start));
        _starts = new int[spans.Length];
        _furthestEnds = new int[spans.Length];
        int furthest = int.MinValue;
        for (int i = 0; i < spans.Length; i++)
        {
            _starts[i] = spans[i].Start;
            furthest = Math.Max(furthest, spans[i].End);
            _furthestEnds[i] = furthest;
        }
    }

    /// <summary>The spans of <paramref name="items"/>, as <paramref name="span"/> reads them.</summary>
    public static CoveringSpans Of<T>(IReadOnlyList<T> items, Func<T, TextSpan> span)
    {
        if (items.Count == 0)
        {
            return None;
        }

        var spans = new TextSpan[items.Count];
        for (int i = 0; i < spans.Length; i++)
        {
            spans[i] = span(items[i]);
        }

        return new CoveringSpans(spans);
    }

    /// <summary>True when one of the spans starts at or before <paramref name="inner"/> and ends at or after it.</summary>
    public bool AnyCovers(TextSpan inner)
    {
        // the spans starting at or before inner's start are the first `count`; one of them covers it when the furthest
        // end among them reaches inner's end
        int lo = 0, hi = _starts.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_starts[mid] <= inner.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo > 0 && _furthestEnds[lo - 1] >= inner.End;
    }
}
