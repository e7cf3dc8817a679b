using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Anvil.Core.Entities.Tagging;

/// <summary>
/// The best tag sequence under per-character scores and tag-to-tag scores, keeping BIO order
/// (<see cref="NameTags.CanFollow"/>). The trainer passes masks of allowed tags per character to find
/// the best sequence that agrees with a partial annotation.
/// </summary>
public static class Viterbi
{
    private const int T = NameTags.Count;

    /// <param name="emissions">n × <see cref="NameTags.Count"/> scores, row per character.</param>
    /// <param name="transitions">T × T scores, [previous * T + next].</param>
    /// <param name="start">T scores for the first tag.</param>
    /// <param name="allowed">null, or one bit mask of allowed tags per character.</param>
    /// <param name="tags">receives the n tags.</param>
    /// <param name="forward">empty, or n × T: receives the best score of a sequence up to each character ending in each tag.</param>
    /// <returns>the score of the best sequence.</returns>
    public static float Decode(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, ReadOnlySpan<float> start,
        ReadOnlySpan<ushort> allowed, Span<byte> tags, Span<float> forward = default)
    {
        Span<float> rows = stackalloc float[T * Lanes];
        Rows(transitions, rows);
        return DecodeOverRows(emissions, rows, start, allowed, tags, forward);
    }

    /// <summary><see cref="Decode(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{ushort}, Span{byte}, Span{float})"/> with the transitions laid out once for many decodes.</summary>
    public static float Decode(ReadOnlySpan<float> emissions, TransitionRows transitions, ReadOnlySpan<float> start,
        ReadOnlySpan<ushort> allowed, Span<byte> tags, Span<float> forward = default) =>
        DecodeOverRows(emissions, transitions.Rows, start, allowed, tags, forward);

    private static float DecodeOverRows(ReadOnlySpan<float> emissions, ReadOnlySpan<float> rows, ReadOnlySpan<float> start,
        ReadOnlySpan<ushort> allowed, Span<byte> tags, Span<float> forward)
    {
        int n = tags.Length;
        if (n == 0)
        {
            return 0;
        }

        Span<float> score = stackalloc float[T];
        Span<float> nextScore = stackalloc float[Lanes]; // the step writes whole vectors; the first T are the scores
        byte[]? rented = null;
        Span<byte> back = n * T <= 8192 ? stackalloc byte[n * T] : (rented = System.Buffers.ArrayPool<byte>.Shared.Rent(n * T)).AsSpan(0, n * T);
        try
        {
            First(emissions, start, allowed, score);
            if (!forward.IsEmpty)
            {
                score.CopyTo(forward);
            }

            for (int i = 1; i < n; i++)
            {
                Step(emissions.Slice(i * T, T), rows, allowed.IsEmpty ? -1 : allowed[i], score, nextScore, back.Slice(i * T, T));
                nextScore[..T].CopyTo(score);
                if (!forward.IsEmpty)
                {
                    score.CopyTo(forward.Slice(i * T, T));
                }
            }

            int last = Best(score);
            float best = score[last];
            for (int i = n - 1; i >= 0; i--)
            {
                tags[i] = (byte)last;
                last = back[(i * T) + last];
            }

            return best;
        }
        finally
        {
            if (rented is not null)
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// The score <see cref="Decode"/> returns under masks that allow every tag before character <paramref name="from"/>,
    /// taking the scores up to there from an unmasked decode's <paramref name="forward"/> scores instead of summing
    /// them again: the same sums in the same order, so the same score to the last bit.
    /// </summary>
    public static float BestScore(ReadOnlySpan<float> emissions, ReadOnlySpan<float> transitions, ReadOnlySpan<float> start,
        ReadOnlySpan<ushort> allowed, ReadOnlySpan<float> forward, int from)
    {
        Span<float> rows = stackalloc float[T * Lanes];
        Rows(transitions, rows);
        return BestScoreOverRows(emissions, rows, start, allowed, forward, from);
    }

    /// <summary><see cref="BestScore(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{ushort}, ReadOnlySpan{float}, int)"/> with the transitions laid out once for many decodes.</summary>
    public static float BestScore(ReadOnlySpan<float> emissions, TransitionRows transitions, ReadOnlySpan<float> start,
        ReadOnlySpan<ushort> allowed, ReadOnlySpan<float> forward, int from) =>
        BestScoreOverRows(emissions, transitions.Rows, start, allowed, forward, from);

    private static float BestScoreOverRows(ReadOnlySpan<float> emissions, ReadOnlySpan<float> rows, ReadOnlySpan<float> start,
        ReadOnlySpan<ushort> allowed, ReadOnlySpan<float> forward, int from)
    {
        int n = emissions.Length / T;
        if (n == 0)
        {
            return 0;
        }

        Span<float> score = stackalloc float[T];
        Span<float> nextScore = stackalloc float[Lanes]; // the step writes whole vectors; the first T are the scores
        if (from == 0)
        {
            First(emissions, start, allowed, score);
            from = 1;
        }
        else
        {
            forward.Slice((from - 1) * T, T).CopyTo(score);
        }

        for (int i = from; i < n; i++)
        {
            Step(emissions.Slice(i * T, T), rows, allowed.IsEmpty ? -1 : allowed[i], score, nextScore, default);
            nextScore[..T].CopyTo(score);
        }

        return score[Best(score)];
    }

    private static void First(ReadOnlySpan<float> emissions, ReadOnlySpan<float> start, ReadOnlySpan<ushort> allowed, Span<float> score)
    {
        for (int t = 0; t < T; t++)
        {
            bool ok = !NameTags.IsInside(t) && (allowed.IsEmpty || (allowed[0] & (1 << t)) != 0);
            score[t] = ok ? start[t] + emissions[t] : float.NegativeInfinity;
        }
    }

    /// <summary>The next tags' scores fill two vectors of eight; lanes from T on are never read.</summary>
    private const int Lanes = 16;

    /// <summary>The transitions laid out for the decode (<see cref="Rows"/>), once for a model's many decodes.</summary>
    public sealed class TransitionRows
    {
        public TransitionRows(ReadOnlySpan<float> transitions)
        {
            Viterbi.Rows(transitions, _rows);
        }

        private readonly float[] _rows = new float[T * Lanes];

        internal ReadOnlySpan<float> Rows => _rows;
    }

    /// <summary>
    /// The transitions from each tag to every tag, a row of <see cref="Lanes"/> per previous tag, -∞ where BIO order
    /// forbids the step (<see cref="NameTags.CanFollow"/>): an I- tag comes only after its own B- or I- tag.
    /// </summary>
    private static void Rows(ReadOnlySpan<float> transitions, Span<float> rows)
    {
        for (int p = 0; p < T; p++)
        {
            for (int t = 0; t < Lanes; t++)
            {
                rows[(p * Lanes) + t] = t < T && NameTags.CanFollow(p, t) ? transitions[(p * T) + t] : float.NegativeInfinity;
            }
        }
    }

    /// <summary>
    /// Where a tag's best previous tag is taken to be while none is better than -∞: its own B- tag for an I- tag (the first
    /// of the two tags that may come before it), the first tag for the others.
    /// </summary>
    private static readonly Vector256<int> FirstPrevious0 = Vector256.Create(0, 0, 1, 0, 3, 0, 5, 0);
    private static readonly Vector256<int> FirstPrevious1 = Vector256.Create(7, 0, 9, 0, 0, 0, 0, 0);

    /// <summary>
    /// One character on: the best score ending in each tag, and (unless <paramref name="back"/> is empty) the tag before
    /// it. All next tags at once, one previous tag at a time: a sum better than every earlier one replaces it, so of
    /// equal sums the first previous tag stays, as a plain scan over the previous tags keeps it (the sums are never NaN).
    /// The previous tags are scanned as two halves side by side (each step waits on the one before it in its half), and
    /// the second half's best replaces the first's only where it is better.
    /// </summary>
    private static void Step(ReadOnlySpan<float> row, ReadOnlySpan<float> rows, int mask,
        ReadOnlySpan<float> score, Span<float> nextScore, Span<byte> back)
    {
        const int Half = (T + 1) / 2;
        ref float transitions = ref MemoryMarshal.GetReference(rows);
        var firstBest0 = Vector256.Create(float.NegativeInfinity);
        var firstBest1 = firstBest0;
        var secondBest0 = firstBest0;
        var secondBest1 = firstBest0;
        var firstPrevious0 = FirstPrevious0;
        var firstPrevious1 = FirstPrevious1;
        var secondPrevious0 = Vector256<int>.Zero;
        var secondPrevious1 = Vector256<int>.Zero;
        for (int p = 0; p < Half; p++)
        {
            Better(Vector256.Create(score[p]), ref transitions, p, ref firstBest0, ref firstBest1, ref firstPrevious0, ref firstPrevious1);
            if (p + Half < T)
            {
                Better(Vector256.Create(score[p + Half]), ref transitions, p + Half, ref secondBest0, ref secondBest1, ref secondPrevious0, ref secondPrevious1);
            }
        }

        var better0 = Vector256.GreaterThan(secondBest0, firstBest0);
        var better1 = Vector256.GreaterThan(secondBest1, firstBest1);
        var best0 = Vector256.ConditionalSelect(better0, secondBest0, firstBest0);
        var best1 = Vector256.ConditionalSelect(better1, secondBest1, firstBest1);
        var previous0 = Vector256.ConditionalSelect(better0.AsInt32(), secondPrevious0, firstPrevious0);
        var previous1 = Vector256.ConditionalSelect(better1.AsInt32(), secondPrevious1, firstPrevious1);
        // the first eight tags' emissions as one vector (each lane the same single add as the scalar loop), the rest alone
        (best0 + Vector256.Create(row[..8])).CopyTo(nextScore);
        best1.CopyTo(nextScore[8..]);
        for (int t = 8; t < T; t++)
        {
            nextScore[t] += row[t];
        }

        if (!back.IsEmpty)
        {
            // the previous tags (each under T) narrowed to bytes in the vectors, not through a buffer of ints
            var previous = Vector256.Narrow(Vector256.Narrow(previous0, previous1), Vector256<short>.Zero).GetLower();
            previous.GetLower().AsByte().CopyTo(back);
            for (int t = 8; t < T; t++)
            {
                back[t] = previous.AsByte().GetElement(t);
            }
        }

        if (mask != -1)
        {
            for (int t = 0; t < T; t++)
            {
                if ((mask & (1 << t)) == 0)
                {
                    nextScore[t] = float.NegativeInfinity;
                    if (!back.IsEmpty)
                    {
                        back[t] = 0;
                    }
                }
            }
        }
    }

    /// <summary>Where previous tag <paramref name="p"/>'s sums beat the best so far, they and <paramref name="p"/> take its place.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static void Better(Vector256<float> from, ref float transitions, int p,
        ref Vector256<float> best0, ref Vector256<float> best1, ref Vector256<int> previous0, ref Vector256<int> previous1)
    {
        var sum0 = from + Vector256.LoadUnsafe(ref transitions, (nuint)(p * Lanes));
        var sum1 = from + Vector256.LoadUnsafe(ref transitions, (nuint)((p * Lanes) + 8));
        var better0 = Vector256.GreaterThan(sum0, best0);
        var better1 = Vector256.GreaterThan(sum1, best1);
        best0 = Vector256.ConditionalSelect(better0, sum0, best0);
        best1 = Vector256.ConditionalSelect(better1, sum1, best1);
        var tag = Vector256.Create(p);
        previous0 = Vector256.ConditionalSelect(better0.AsInt32(), tag, previous0);
        previous1 = Vector256.ConditionalSelect(better1.AsInt32(), tag, previous1);
    }

    private static int Best(ReadOnlySpan<float> score)
    {
        int last = 0;
        for (int t = 1; t < T; t++)
        {
            if (score[t] > score[last])
            {
                last = t;
            }
        }

        return last;
    }
}
