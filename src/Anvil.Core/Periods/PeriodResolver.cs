using System.Globalization;
using Anvil.Core.Documents;

namespace Anvil.Core.Periods;

/// <summary>
/// Helpers for the fact extractor: which period governs a figure, which year a bare month or quarter
/// takes, and arithmetic on the spec's period strings. Pure functions over recogniser output.
/// </summary>
public static class PeriodResolver
{
    /// <summary>
    /// The period a figure at <paramref name="position"/> belongs to: the nearest mention that starts
    /// before it (and at or after <paramref name="notBefore"/>, e.g. the sentence start), skipping the
    /// bases of comparisons (比上年, 较一季度) and unresolved mentions. Null when there is none.
    /// </summary>
    /// <param name="periods">Mentions in text order, as the recogniser returns them.</param>
    /// <param name="position">Where the figure stands.</param>
    /// <param name="notBefore">Mentions starting before this are out of reach.</param>
    public static PeriodMention? Governing(IReadOnlyList<PeriodMention> periods, int position, int notBefore = 0)
    {
        ArgumentNullException.ThrowIfNull(periods);
        for (int k = LastStartingBefore(periods, position); k >= 0; k--)
        {
            var m = periods[k];
            if (m.Span.Start < notBefore)
            {
                break;
            }

            if (!m.IsComparison && m.Value is not null)
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>
    /// As <see cref="Governing(IReadOnlyList{PeriodMention}, int, int)"/>, carried across sentences, except
    /// that 同期 and 上年同期 govern only their own sentence (上年同期为净利润2.79亿元 says nothing about the
    /// next sentence).
    /// </summary>
    public static PeriodMention? Governing(IReadOnlyList<PeriodMention> periods, int position, string text)
    {
        ArgumentNullException.ThrowIfNull(periods);
        ArgumentNullException.ThrowIfNull(text);

        // in the sentence of position - 1 when no sentence end lies between: looked at only for 同期, not found by
        // walking back to the sentence start for every call (a text without sentence ends made that quadratic)
        int last = Math.Max(0, position - 1);
        bool InSentence(int start) => start >= last || text.AsSpan(start, last - start).IndexOfAny(Punctuation.PartEnds) < 0;
        for (int k = LastStartingBefore(periods, position); k >= 0; k--)
        {
            var m = periods[k];
            if (!m.IsComparison && m.Value is not null && (!m.IsSamePeriod || InSentence(m.Span.Start)))
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>
    /// The year a month or quarter without a year takes at <paramref name="position"/>: the year of the
    /// nearest preceding mention that writes one (<see cref="PeriodMention.HasExplicitYear"/>), else
    /// the document date's year, else null.
    /// </summary>
    public static int? AnchorYear(IReadOnlyList<PeriodMention> periods, int position, DateOnly? documentDate)
    {
        ArgumentNullException.ThrowIfNull(periods);
        for (int k = LastStartingBefore(periods, position); k >= 0; k--)
        {
            var m = periods[k];
            if (m.HasExplicitYear && !m.IsComparison && FirstYear(m.Value) is int year)
            {
                return year;
            }
        }

        return documentDate?.Year;
    }

    /// <summary>The first year a period string names: 2023 for 2023-01/2023-07. Null for null or junk.</summary>
    public static int? FirstYear(string? period)
    {
        if (period is null || period.Length < 4
            || !int.TryParse(period.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int year))
        {
            return null;
        }

        return year;
    }

    /// <summary>
    /// The last quarter of a period string: 2023-Q2 for 2023-H1, 2023-01/2023-06 and 2023-05; 2023-Q4 for 2023.
    /// Null for null or junk.
    /// </summary>
    public static string? LastQuarter(string? period)
    {
        if (period is null)
        {
            return null;
        }

        int slash = period.IndexOf('/', StringComparison.Ordinal);
        var last = slash < 0 ? period.AsSpan() : period.AsSpan(slash + 1);
        if (last.Length < 4 || !int.TryParse(last[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int year))
        {
            return null;
        }

        int quarter = last.Length switch
        {
            4 => 4,
            7 when last[5] == 'H' && last[6] is '1' or '2' => (last[6] - '0') * 2,
            7 when last[5] == 'Q' && last[6] is >= '1' and <= '4' => last[6] - '0',
            >= 7 when int.TryParse(last.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month) && month is >= 1 and <= 12
                => ((month - 1) / 3) + 1,
            _ => 0,
        };
        return quarter == 0 ? null : $"{year:D4}-Q{quarter}";
    }

    /// <summary>Moves every year of a period string: ShiftYears("2023-Q2", -1) = "2022-Q2".</summary>
    public static string? ShiftYears(string? period, int years)
    {
        if (period is null)
        {
            return null;
        }

        if (years == 0)
        {
            return period;
        }

        var parts = period.Split('/');
        for (int k = 0; k < parts.Length; k++)
        {
            var p = parts[k];
            if (p.Length < 4 || !int.TryParse(p.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out int y))
            {
                return null;
            }

            string shifted = (y + years).ToString("D4", CultureInfo.InvariantCulture) + p[4..];
            if (shifted.Length == 10 && shifted.EndsWith("-02-29", StringComparison.Ordinal) && !DateTime.IsLeapYear(y + years))
            {
                shifted = shifted[..8] + "28";
            }

            parts[k] = shifted;
        }

        return string.Join('/', parts);
    }

    /// <summary>The index of the last of <paramref name="periods"/> (in text order) that starts before <paramref name="position"/>, or -1.</summary>
    public static int LastStartingBefore(IReadOnlyList<PeriodMention> periods, int position)
    {
        ArgumentNullException.ThrowIfNull(periods);
        int lo = 0, hi = periods.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (periods[mid].Span.Start < position)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        return found;
    }
}
