using Anvil.Core.Documents;

namespace Anvil.Core.Normalization;

/// <summary>
/// The text as recognisers see it: Simplified script, half-width digits, letters and punctuation,
/// regional vocabulary mapped to mainland terms. It exists only for matching; every position in it
/// maps back to the original text through <see cref="ToOriginal(int, int)"/>.
/// </summary>
/// <remarks>
/// Most folding is one character for one character, so the common case keeps no map at all
/// (identity). Replacements that change length store, for each view character, the original
/// range it came from.
/// </remarks>
public sealed class MatchView
{
    private readonly int[]? _starts; // view index -> original start
    private readonly int[]? _ends;   // view index -> original end
    private int[]? _toView;          // original index -> view index, built on demand
    private int[]? _toViewEnd;       // original end -> view end, built on demand

    public MatchView(string text, int originalLength, int[]? starts = null, int[]? ends = null)
    {
        if ((starts is null) != (ends is null))
        {
            throw new ArgumentException("starts and ends come together");
        }

        if (starts is not null && (starts.Length != text.Length || ends!.Length != text.Length))
        {
            throw new ArgumentException("the offset map must hold one entry per view character");
        }

        if (starts is null && text.Length != originalLength)
        {
            throw new ArgumentException("an identity view must have the original's length");
        }

        Text = text;
        OriginalLength = originalLength;
        _starts = starts;
        _ends = ends;
    }

    public string Text { get; }

    public int OriginalLength { get; }

    public bool IsIdentity => _starts is null;

    /// <summary>Maps a half-open view range back to the original text.</summary>
    public TextSpan ToOriginal(int start, int end)
    {
        if (_starts is null)
        {
            return new TextSpan(start, end);
        }

        if (end <= start)
        {
            int p = start < _starts.Length ? _starts[start] : OriginalLength;
            return new TextSpan(p, p);
        }

        return new TextSpan(_starts[start], _ends![end - 1]);
    }

    public TextSpan ToOriginal(TextSpan viewSpan) => ToOriginal(viewSpan.Start, viewSpan.End);

    /// <summary>Maps an original index to the first view index at or after it.</summary>
    public int ToView(int originalIndex)
    {
        if (_starts is null)
        {
            return originalIndex;
        }

        _toView ??= BuildInverse();
        return _toView[Math.Clamp(originalIndex, 0, OriginalLength)];
    }

    public TextSpan ToView(TextSpan original) => new(ToView(original.Start), ToViewEnd(original.End));

    private int ToViewEnd(int originalEnd)
    {
        if (_starts is null)
        {
            return originalEnd;
        }

        // the smallest view end that covers every original character before originalEnd: an end
        // inside a replaced key takes in the whole replacement
        _toViewEnd ??= BuildEndInverse();
        return _toViewEnd[Math.Clamp(originalEnd, 0, OriginalLength)];
    }

    private int[] BuildEndInverse()
    {
        var inverse = new int[OriginalLength + 1];
        int v = 0;
        for (int o = 0; o <= OriginalLength; o++)
        {
            while (v < _starts!.Length && _starts[v] < o)
            {
                v++;
            }

            inverse[o] = v;
        }

        return inverse;
    }

    private int[] BuildInverse()
    {
        var inverse = new int[OriginalLength + 1];
        int v = 0;
        for (int o = 0; o <= OriginalLength; o++)
        {
            while (v < _starts!.Length && _ends![v] <= o && _starts[v] < o)
            {
                v++;
            }

            inverse[o] = v;
        }

        return inverse;
    }
}
