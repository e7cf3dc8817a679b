using Anvil.Core.Documents;

namespace Anvil.Core.Normalization;

/// <summary>
/// The text as recognisers see it: Simplified script, half-width digits, letters and punctuation,
/// regional vocabulary mapped to mainland terms. It exists only for matching; every position in it
/// maps back to the original text through <see cref="ToOriginal(int, int)"/>.
/// </summary>
/// <remarks>
/// Most folding is one character for one character, so the common case keeps no map at all
/// (identity). Replacements that change length are kept as a short sorted list: each view character
/// of one maps to the whole key it replaced, and a character between them to the one original
/// character it was copied from, counted from the replacement before it. A map with an entry per
/// character, forward and back, held 16 bytes per character of every Traditional document; a few
/// dozen replacements per document are a few hundred bytes, and a binary search finds the one before
/// a position.
/// </remarks>
public sealed class MatchView
{
    private readonly Replacement[]? _replacements; // sorted by view start and by original start; null: identity

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
        _replacements = starts is null ? null : FromOffsets(starts, ends!);
    }

    /// <summary>A view whose length-changing replacements the normaliser listed as it wrote them.</summary>
    internal MatchView(string text, int originalLength, Replacement[] replacements)
    {
        Text = text;
        OriginalLength = originalLength;
        _replacements = replacements;
    }

    public string Text { get; }

    public int OriginalLength { get; }

    public bool IsIdentity => _replacements is null;

    /// <summary>Maps a half-open view range back to the original text.</summary>
    public TextSpan ToOriginal(int start, int end)
    {
        if (_replacements is null)
        {
            return new TextSpan(start, end);
        }

        if (end <= start)
        {
            int p = start < Text.Length ? OriginalStart(start) : OriginalLength;
            return new TextSpan(p, p);
        }

        return new TextSpan(OriginalStart(start), OriginalEnd(end - 1));
    }

    public TextSpan ToOriginal(TextSpan viewSpan) => ToOriginal(viewSpan.Start, viewSpan.End);

    /// <summary>Maps an original index to the first view index at or after it.</summary>
    public int ToView(int originalIndex) => ViewPosition(originalIndex, asEnd: false);

    public TextSpan ToView(TextSpan original) => new(ToView(original.Start), ViewPosition(original.End, asEnd: true));

    /// <summary>
    /// As a start: the first view character whose original range ends after the index (inside a replaced key, the
    /// replacement). As an end: the smallest view end that covers every original character before the index (an end
    /// inside a replaced key takes in the whole replacement).
    /// </summary>
    private int ViewPosition(int original, bool asEnd)
    {
        if (_replacements is null)
        {
            return original;
        }

        int o = Math.Clamp(original, 0, OriginalLength);
        int r = LastStartingAtOrBefore(o, strictlyBefore: asEnd);
        if (r < 0)
        {
            return o;
        }

        var at = _replacements[r];
        return o < at.OriginalEnd ? (asEnd ? at.ViewEnd : at.ViewStart) : at.ViewEnd + (o - at.OriginalEnd);
    }

    private int OriginalStart(int view)
    {
        int r = LastCovering(view);
        if (r < 0)
        {
            return view;
        }

        var at = _replacements![r];
        return view < at.ViewEnd ? at.OriginalStart : at.OriginalEnd + (view - at.ViewEnd);
    }

    private int OriginalEnd(int view)
    {
        int r = LastCovering(view);
        if (r < 0)
        {
            return view + 1;
        }

        var at = _replacements![r];
        return view < at.ViewEnd ? at.OriginalEnd : at.OriginalEnd + (view - at.ViewEnd) + 1;
    }

    /// <summary>The last replacement starting at or before a view index (of several at one index, the last); -1 if none.</summary>
    private int LastCovering(int view)
    {
        var list = _replacements!;
        int lo = 0, hi = list.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (list[mid].ViewStart <= view)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo - 1;
    }

    /// <summary>The last replacement whose key starts at or before (or strictly before) an original index; -1 if none.</summary>
    private int LastStartingAtOrBefore(int original, bool strictlyBefore)
    {
        var list = _replacements!;
        int lo = 0, hi = list.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (list[mid].OriginalStart < original || (!strictlyBefore && list[mid].OriginalStart == original))
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo - 1;
    }

    /// <summary>
    /// The replacements of a map given per view character: a run of characters sharing one original range is a
    /// replacement, and so is a lone character that is not the original character after the one before it.
    /// </summary>
    private static Replacement[] FromOffsets(int[] starts, int[] ends)
    {
        var list = new List<Replacement>();
        int expected = 0; // the original index a copied character would have here
        int v = 0;
        while (v < starts.Length)
        {
            int run = v + 1;
            while (run < starts.Length && starts[run] == starts[v] && ends[run] == ends[v])
            {
                run++;
            }

            if (run - v != 1 || starts[v] != expected || ends[v] != starts[v] + 1)
            {
                list.Add(new Replacement(v, run, starts[v], ends[v]));
            }

            expected = ends[v];
            v = run;
        }

        return [.. list];
    }
}

/// <summary>
/// A replacement that changed the text's length: view characters [ViewStart, ViewEnd) stand for the original key
/// [OriginalStart, OriginalEnd).
/// </summary>
internal readonly record struct Replacement(int ViewStart, int ViewEnd, int OriginalStart, int OriginalEnd);
