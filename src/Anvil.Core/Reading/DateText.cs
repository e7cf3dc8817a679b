using System.Globalization;

namespace Anvil.Core.Reading;

/// <summary>A full calendar date found in text, and where it stands.</summary>
internal readonly record struct FoundDate(DateOnly Date, int Start, int End);

/// <summary>
/// Finds full dates (year, month and day) in text without regular expressions: <c>2023-07-28</c>,
/// <c>2023/07/28</c>, <c>2023.07.28</c>, <c>2023年7月28日</c>, with ASCII or full-width digits, and the date part of
/// ISO timestamps (<c>2023-07-28T13:13:00+08:00</c> is 28 July as the page states it; no time-zone shift).
/// </summary>
internal static class DateText
{
    private const int MinYear = 1900;
    private const int MaxYear = 2100;

    /// <summary>The first full date in <paramref name="text"/>, if any.</summary>
    public static FoundDate? FindFirst(ReadOnlySpan<char> text)
    {
        for (int i = 0; i + 4 <= text.Length; i++)
        {
            // A year starts at a digit that does not continue a longer number.
            if (!IsDigit(text[i]) || (i > 0 && IsDigit(text[i - 1])))
            {
                continue;
            }

            if (TryParseAt(text, i, out var found))
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// Reads a metadata value (<c>2023-08-10T10:00:00+08:00</c>, <c>2023年8月10日</c>, <c>Thu, 10 Aug 2023 …</c>).
    /// </summary>
    public static DateOnly? ParseValue(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (FindFirst(value) is { } found)
        {
            return found.Date;
        }

        // RFC 1123 and other English forms some sites use in their metadata.
        if (DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)
            && parsed.Year is >= MinYear and <= MaxYear)
        {
            return DateOnly.FromDateTime(parsed.DateTime);
        }

        return null;
    }

    private static bool TryParseAt(ReadOnlySpan<char> text, int start, out FoundDate found)
    {
        found = default;
        int i = start;
        if (!ReadNumber(text, ref i, 4, 4, out int year) || year is < MinYear or > MaxYear)
        {
            return false;
        }

        if (i >= text.Length)
        {
            return false;
        }

        int afterSpaces = i;
        SkipSpaces(text, ref afterSpaces, allowed: true);
        bool chinese = afterSpaces < text.Length && text[afterSpaces] == '年';
        if (chinese)
        {
            i = afterSpaces;
        }

        char sep = text[i];
        if (!chinese && sep is not ('-' or '/' or '.'))
        {
            return false;
        }

        i++;
        SkipSpaces(text, ref i, chinese);
        if (!ReadNumber(text, ref i, 1, 2, out int month))
        {
            return false;
        }

        SkipSpaces(text, ref i, chinese);
        if (i >= text.Length || text[i] != (chinese ? '月' : sep))
        {
            return false;
        }

        i++;
        SkipSpaces(text, ref i, chinese);
        if (!ReadNumber(text, ref i, 1, 2, out int day))
        {
            return false;
        }

        if (chinese)
        {
            SkipSpaces(text, ref i, chinese);
            if (i >= text.Length || text[i] is not ('日' or '號' or '号'))
            {
                return false;
            }

            i++;
        }
        else if (i < text.Length && IsDigit(text[i]))
        {
            return false;
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        found = new FoundDate(new DateOnly(year, month, day), start, i);
        return true;
    }

    private static bool ReadNumber(ReadOnlySpan<char> text, ref int i, int minDigits, int maxDigits, out int value)
    {
        value = 0;
        int digits = 0;
        while (i < text.Length && digits < maxDigits && IsDigit(text[i]))
        {
            value = (value * 10) + DigitValue(text[i]);
            digits++;
            i++;
        }

        // A longer run of digits is some other number, not this part of a date.
        return digits >= minDigits && !(i < text.Length && IsDigit(text[i]));
    }

    // "2023 年 7 月 28 日" is written with spaces in some pages; numeric forms never are.
    private static void SkipSpaces(ReadOnlySpan<char> text, ref int i, bool allowed)
    {
        while (allowed && i < text.Length && text[i] is ' ' or '\u3000' or '\u00A0')
        {
            i++;
        }
    }

    private static bool IsDigit(char c) => c is >= '0' and <= '9' or >= '０' and <= '９';

    private static int DigitValue(char c) => c <= '9' ? c - '0' : c - '０';
}
