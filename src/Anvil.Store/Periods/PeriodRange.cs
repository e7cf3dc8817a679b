using System.Globalization;

namespace Anvil.Store.Periods;

/// <summary>
/// The days a period covers, both ends included. Reads the spec's period forms (<c>2024</c>, <c>2024-03</c>,
/// <c>2024-Q1</c>, <c>2024-H1</c>, <c>2024-03-05</c>, <c>2023-01/2023-07</c>) and, for filters, a range of
/// years (<c>2023-2024</c>). The store keeps both ends beside each fact so that "periods that fall in 2024"
/// is a comparison of ISO dates.
/// </summary>
public readonly record struct PeriodRange(DateOnly Start, DateOnly End)
{
    public string StartText => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public string EndText => End.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The first day as the store keeps it: the number yyyymmdd (20240101).</summary>
    public int StartDay => DayNumber(Start);

    /// <summary>The last day as the store keeps it: the number yyyymmdd (20241231).</summary>
    public int EndDay => DayNumber(End);

    public static int DayNumber(DateOnly day) => (day.Year * 10000) + (day.Month * 100) + day.Day;

    /// <summary>True when this period lies wholly inside <paramref name="outer"/>.</summary>
    public bool FallsIn(PeriodRange outer) => outer.Start <= Start && End <= outer.End;

    /// <summary>A period as the spec writes it, or <c>from/to</c> of two such periods.</summary>
    public static bool TryParse(string? text, out PeriodRange range)
    {
        range = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        int slash = s.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            if (TryParseOne(s[..slash], out var from) && TryParseOne(s[(slash + 1)..], out var to) && from.Start <= to.End)
            {
                range = new PeriodRange(from.Start, to.End);
                return true;
            }

            return false;
        }

        return TryParseOne(s, out range);
    }

    /// <summary>What a user may give <c>--period</c>: a year (<c>2024</c>), a range of years (<c>2023-2024</c>) or any spec period.</summary>
    public static bool TryParseFilter(string? text, out PeriodRange range)
    {
        range = default;
        if (text is null)
        {
            return false;
        }

        var s = text.Trim();
        if (s.Length == 9 && s[4] == '-' && IsYear(s.AsSpan(0, 4), out int a) && IsYear(s.AsSpan(5, 4), out int b))
        {
            if (a > b)
            {
                return false;
            }

            range = new PeriodRange(new DateOnly(a, 1, 1), new DateOnly(b, 12, 31));
            return true;
        }

        return TryParse(s, out range);
    }

    private static bool TryParseOne(string s, out PeriodRange range)
    {
        range = default;
        if (s.Length < 4 || !IsYear(s.AsSpan(0, 4), out int year))
        {
            return false;
        }

        if (s.Length == 4)
        {
            range = new PeriodRange(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            return true;
        }

        if (s[4] != '-')
        {
            return false;
        }

        var rest = s.AsSpan(5);
        if (rest.Length == 2 && (rest[0] == 'Q' || rest[0] == 'q') && rest[1] is >= '1' and <= '4')
        {
            int q = rest[1] - '1';
            var start = new DateOnly(year, (q * 3) + 1, 1);
            range = new PeriodRange(start, start.AddMonths(3).AddDays(-1));
            return true;
        }

        if (rest.Length == 2 && (rest[0] == 'H' || rest[0] == 'h') && rest[1] is '1' or '2')
        {
            var start = new DateOnly(year, rest[1] == '1' ? 1 : 7, 1);
            range = new PeriodRange(start, start.AddMonths(6).AddDays(-1));
            return true;
        }

        if (rest.Length == 2 && int.TryParse(rest, NumberStyles.None, CultureInfo.InvariantCulture, out int month) && month is >= 1 and <= 12)
        {
            var start = new DateOnly(year, month, 1);
            range = new PeriodRange(start, start.AddMonths(1).AddDays(-1));
            return true;
        }

        if (DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            range = new PeriodRange(day, day);
            return true;
        }

        return false;
    }

    private static bool IsYear(ReadOnlySpan<char> s, out int year) =>
        int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out year) && year is >= 1000 and <= 9999;
}
