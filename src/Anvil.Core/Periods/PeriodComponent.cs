using Anvil.Core.Pipeline;

namespace Anvil.Core.Periods;

/// <summary>
/// Pipeline step: runs the <see cref="PeriodRecognizer"/> over the match view with the document's date
/// and maps every span back to the original text. Periods in boilerplate are kept out.
/// </summary>
public sealed class PeriodComponent : IPipelineComponent
{
    private readonly PeriodRecognizer _recognizer;

    public PeriodComponent(PeriodRecognizer? recognizer = null)
    {
        _recognizer = recognizer ?? PeriodRecognizer.Default;
    }

    public string Name => "periods";

    public Annotations Requires => Annotations.View;

    public Annotations Provides => Annotations.Periods;

    public void Process(Analysis analysis)
    {
        var view = analysis.View;
        var found = _recognizer.Find(view.Text, analysis.Document.Date);
        analysis.PeriodsDate = analysis.Document.Date;
        var named = analysis.Document.Date is null ? DateInName(analysis.Document.Id) : null;
        if (analysis.Document.Date is null && YearWrittenMost(found) is (int year, int times) && (times > 1 || named is null))
        {
            analysis.PeriodsDate = new DateOnly(year, 12, 31);
            // an undated text: 今年 and 去年 are read against the year it writes most (a review of 2020 names 2020
            // more often than the 2021 it looks ahead to), as the last day of that year; the document keeps no date
            found = _recognizer.Find(view.Text, new DateOnly(year, 12, 31));
        }
        else if (named is not null)
        {
            // an undated text in a file named with its date or year (news-2021-07-08, review-2021) that writes no year
            // of its own more than once: relative periods are read against the name's (a column of 2021 that writes
            // 二○二三年之前 once looks ahead to it, it was not written then); the document still keeps no date
            found = _recognizer.Find(view.Text, named.Value);
            analysis.PeriodsDate = named.Value;
        }

        foreach (var m in found)
        {
            var span = view.ToOriginal(m.Span);
            if (!analysis.Document.IsBoilerplate(span))
            {
                analysis.Periods.Add(m with { Span = span });
            }
        }
    }

    /// <summary>
    /// The date a document's name writes (2025-03-20, 20250320), or the last day of the last year it writes (2021 in
    /// tw-review-2021); null when it writes neither. Only years from 1980 to 2099 count: other runs of four digits are
    /// numbers.
    /// </summary>
    internal static DateOnly? DateInName(string name)
    {
        int? lastYear = null;
        for (int i = 0; i < name.Length; i++)
        {
            if (!char.IsAsciiDigit(name[i]) || (i > 0 && char.IsAsciiDigit(name[i - 1])))
            {
                continue;
            }

            int end = i;
            while (end < name.Length && char.IsAsciiDigit(name[end]))
            {
                end++;
            }

            if (end - i == 8 && Year(name.AsSpan(i, 4)) is int compact
                && TryDate(compact, name.AsSpan(i + 4, 2), name.AsSpan(i + 6, 2)) is { } day)
            {
                return day;
            }

            if (end - i == 4 && Year(name.AsSpan(i, 4)) is int year)
            {
                // 2025-03-20: the year, a separator, the month, a separator, the day
                if (end + 6 <= name.Length && name[end] is '-' or '_' or '.' && name[end + 3] == name[end]
                    && (end + 6 == name.Length || !char.IsAsciiDigit(name[end + 6]))
                    && TryDate(year, name.AsSpan(end + 1, 2), name.AsSpan(end + 4, 2)) is { } dated)
                {
                    return dated;
                }

                lastYear = year;
            }

            i = end;
        }

        return lastYear is int y ? new DateOnly(y, 12, 31) : null;
    }

    private static int? Year(ReadOnlySpan<char> digits) =>
        int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int y)
        && y is >= 1980 and <= 2099 ? y : null;

    private static DateOnly? TryDate(int year, ReadOnlySpan<char> month, ReadOnlySpan<char> day) =>
        int.TryParse(month, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int m)
        && int.TryParse(day, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int d)
        && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(year, m) ? new DateOnly(year, m, d) : null;

    /// <summary>The year that the text's periods write out most often (the later of equals) and how often, or null when none does.</summary>
    internal static (int Year, int Times)? YearWrittenMost(IEnumerable<PeriodMention> mentions)
    {
        var counts = new Dictionary<int, int>();
        foreach (var m in mentions)
        {
            if (m.HasExplicitYear && !m.IsComparison && PeriodResolver.FirstYear(m.Value) is int year)
            {
                counts[year] = counts.GetValueOrDefault(year) + 1;
            }
        }

        if (counts.Count == 0)
        {
            return null;
        }

        var most = counts.MaxBy(c => (c.Value, c.Key));
        return (most.Key, most.Value);
    }
}
