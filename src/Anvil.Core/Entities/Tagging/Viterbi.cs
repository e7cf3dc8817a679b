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
        int n = tags.Length;
        if (n == 0)
        {
            return 0;
        }

        Span<float> padded = stackalloc float[Lanes];
        padded[T] = float.NegativeInfinity;
        var score = padded[..T];
        Span<float> nextScore = stackalloc float[T];
        Span<float> columns = stackalloc float[T * Lanes];
        Columns(transitions, columns);
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
                Step(emissions.Slice(i * T, T), transitions, columns, allowed.IsEmpty ? -1 : allowed[i], padded, nextScore, back.Slice(i * T, T));
                nextScore.CopyTo(score);
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
        int n = emissions.Length / T;
        if (n == 0)
        {
            return 0;
        }

        Span<float> padded = stackalloc float[Lanes];
        padded[T] = float.NegativeInfinity;
        var score = padded[..T];
        Span<float> nextScore = stackalloc float[T];
        Span<float> columns = stackalloc float[T * Lanes];
        Columns(transitions, columns);
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
            Step(emissions.Slice(i * T, T), transitions, columns, allowed.IsEmpty ? -1 : allowed[i], padded, nextScore, default);
            nextScore.CopyTo(score);
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

    /// <summary>The previous tags' scores and a tag's column of transitions fill three vectors of four; the twelfth lane is -∞.</summary>
    private const int Lanes = 12;

    /// <summary>The transitions into each tag from every tag before it, a column of <see cref="Lanes"/> per tag.</summary>
    private static void Columns(ReadOnlySpan<float> transitions, Span<float> columns)
    {
        for (int t = 0; t < T; t++)
        {
            for (int p = 0; p < T; p++)
            {
                columns[(t * Lanes) + p] = transitions[(p * T) + t];
            }

            columns[(t * Lanes) + T] = float.NegativeInfinity;
        }
    }

    /// <summary>
    /// One character on: the best score ending in each tag, and (unless <paramref name="back"/> is empty) the tag before
    /// it. <paramref name="score"/> holds the previous scores in its first T lanes and -∞ in the last.
    /// </summary>
    private static void Step(ReadOnlySpan<float> row, ReadOnlySpan<float> transitions, ReadOnlySpan<float> columns, int mask,
        ReadOnlySpan<float> score, Span<float> nextScore, Span<byte> back)
    {
        var previous0 = Vector128.Create(score[..4]);
        var previous1 = Vector128.Create(score.Slice(4, 4));
        var previous2 = Vector128.Create(score.Slice(8, 4));
        for (int t = 0; t < T; t++)
        {
            if ((mask & (1 << t)) == 0)
            {
                nextScore[t] = float.NegativeInfinity;
                if (!back.IsEmpty)
                {
                    back[t] = 0;
                }

                continue;
            }

            float bestScore;
            int bestPrevious;
            if (NameTags.IsInside(t))
            {
                // only its own B- or I- tag comes before an I- tag
                int b = t - 1;
                float sb = score[b] + transitions[(b * T) + t], si = score[t] + transitions[(t * T) + t];
                (bestScore, bestPrevious) = sb >= si ? (sb, b) : (si, t);
            }
            else
            {
                // every previous tag at once: the highest sum, then the first tag that reaches it, as a scan that keeps
                // the first of equal sums finds it (the sums are never NaN; the scan's branch on each was mispredicted
                // as often as not)
                var column = columns.Slice(t * Lanes, Lanes);
                var sum0 = previous0 + Vector128.Create(column[..4]);
                var sum1 = previous1 + Vector128.Create(column.Slice(4, 4));
                var sum2 = previous2 + Vector128.Create(column.Slice(8, 4));
                var highest = Vector128.Max(Vector128.Max(sum0, sum1), sum2);
                var top = Vector128.Create(Math.Max(Math.Max(highest[0], highest[1]), Math.Max(highest[2], highest[3])));
                uint reaching = Vector128.Equals(sum0, top).ExtractMostSignificantBits()
                    | (Vector128.Equals(sum1, top).ExtractMostSignificantBits() << 4)
                    | (Vector128.Equals(sum2, top).ExtractMostSignificantBits() << 8);
                bestPrevious = System.Numerics.BitOperations.TrailingZeroCount(reaching);
                bestScore = (bestPrevious < 4 ? sum0 : bestPrevious < 8 ? sum1 : sum2)[bestPrevious & 3];
            }

            nextScore[t] = bestScore + row[t];
            if (!back.IsEmpty)
            {
                back[t] = (byte)bestPrevious;
            }
        }
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
