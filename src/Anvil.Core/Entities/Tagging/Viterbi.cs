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

        Span<float> score = stackalloc float[T];
        Span<float> nextScore = stackalloc float[T];
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
                Step(emissions.Slice(i * T, T), transitions, allowed.IsEmpty ? -1 : allowed[i], score, nextScore, back.Slice(i * T, T));
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

        Span<float> score = stackalloc float[T];
        Span<float> nextScore = stackalloc float[T];
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
            Step(emissions.Slice(i * T, T), transitions, allowed.IsEmpty ? -1 : allowed[i], score, nextScore, default);
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

    /// <summary>One character on: the best score ending in each tag, and (unless <paramref name="back"/> is empty) the tag before it.</summary>
    private static void Step(ReadOnlySpan<float> row, ReadOnlySpan<float> transitions, int mask, ReadOnlySpan<float> score, Span<float> nextScore, Span<byte> back)
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

                continue;
            }

            float bestScore = float.NegativeInfinity;
            int bestPrevious = 0;
            if (NameTags.IsInside(t))
            {
                // only its own B- or I- tag comes before an I- tag
                int b = t - 1;
                float sb = score[b] + transitions[(b * T) + t], si = score[t] + transitions[(t * T) + t];
                (bestScore, bestPrevious) = sb >= si ? (sb, b) : (si, t);
            }
            else
            {
                for (int p = 0; p < T; p++)
                {
                    float s = score[p] + transitions[(p * T) + t];
                    if (s > bestScore)
                    {
                        bestScore = s;
                        bestPrevious = p;
                    }
                }
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
