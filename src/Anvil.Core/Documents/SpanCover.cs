namespace Anvil.Core.Documents;

/// <summary>
/// Whether any of a set of spans contains a given span, in a binary search: the spans sorted by start, with the
/// furthest end reached by any span starting at or before each one. Looking through every span for every question
/// cost a text of many figures (a period in every sentence, a name in most) time that grew with the square of its length.
/// </summary>
public sealed class SpanCover
{
    private readonly int[] _starts;
    private readonly int[] _furthestEnds;

    public SpanCover(IEnumerable<TextSpan> spans)
    {
        var sorted = spans.ToArray();
        Array.Sort(sorted, (a, b) => a.Start.CompareTo(b.Start));
        _starts = new int[sorted.Length];
        _furthestEnds = new int[sorted.Length];
        int furthest = int.MinValue;
        for (int k = 0; k < sorted.Length; k++)
        {
            furthest = Math.Max(furthest, sorted[k].End);
            _starts[k] = sorted[k].Start;
            _furthestEnds[k] = furthest;
        }
    }

    /// <summary>True when some span holds all of <paramref name="span"/> (<see cref="TextSpan.Contains"/>).</summary>
    public bool AnyContains(TextSpan span)
    {
        // the spans starting at or before span.Start are the first `count`; one of them reaches span.End if the furthest does
        int lo = 0, hi = _starts.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_starts[mid] <= span.Start)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo > 0 && _furthestEnds[lo - 1] >= span.End;
    }
}
