using Anvil.Core.Documents;

namespace Anvil.Core.Reading;

/// <summary>The title and publication date a plain-text or markdown document states about itself.</summary>
internal readonly record struct TextHeader(string? Title, DateOnly? Date);

/// <summary>
/// Reads a document's own title and date from its text. Title: the front matter's <c>title:</c>, else the first
/// substantive line that is not boilerplate, when it is a markdown heading or short enough to be a headline
/// (a document that starts straight into prose has none). Date: the front matter's <c>date:</c>, else the scraper's
/// lead stamp (<c>2023-07-28 13:13，正文：</c>), else the first full date near the top that opens its line and is not an "as of" date.
/// </summary>
internal static class TextHeaderFinder
{
    // Headlines run to a few dozen characters; a longer first line is the article itself.
    private const int MaxTitleChars = 64;

    // How far from the start a stated date still counts as the document's own (a dateline, a byline).
    private const int DateWindowChars = 160;

    // The longest label that may stand before a date at the start of a line.
    private const int MaxDateLabelChars = 24;

    // Front matter longer than this is not front matter but a document that starts with a rule.
    private const int MaxFrontMatterLines = 200;

    public static TextHeader Find(string text, IReadOnlyList<BoilerplateMark> marks)
    {
        var front = ReadFrontMatter(text);
        string? title = front.Title ?? FindTitleLine(text, front.End, marks);
        DateOnly? date = front.Date ?? FindDate(text, front.End, marks) ?? FindDateInLinks(text);
        return new(title, date);
    }

    /// <summary>
    /// The last resort: news sites put the publication day in their article addresses
    /// (…/1795095-20250310.htm). The day most of the text's links carry is taken, when one clearly does.
    /// </summary>
    public static DateOnly? FindDateInLinks(string text)
    {
        var counts = new Dictionary<DateOnly, int>();
        int at = 0;
        while ((at = text.IndexOf("http", at, StringComparison.Ordinal)) >= 0)
        {
            int end = at;
            while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not (')' or '>' or ']' or '"'))
            {
                end++;
            }

            // an 8-digit day (20250310) standing alone between non-digits, inside this address
            var seen = new HashSet<DateOnly>();
            for (int i = at; i + 8 <= end; i++)
            {
                if ((i == at || !char.IsAsciiDigit(text[i - 1])) && (i + 8 == end || !char.IsAsciiDigit(text[i + 8]) || (i + 14 <= end && AllDigits(text, i, 14)))
                    && AllDigits(text, i, 8)
                    && DateOnly.TryParseExact(text.AsSpan(i, 8), "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
                    && day.Year is >= 1990 and <= 2100 && seen.Add(day))
                {
                    counts[day] = counts.GetValueOrDefault(day) + 1;
                }
            }

            at = Math.Max(end, at + 4);
        }

        if (counts.Count == 0)
        {
            return null;
        }

        var best = counts.OrderByDescending(c => c.Value).ThenByDescending(c => c.Key).First();
        return best.Value * 2 > counts.Values.Sum() || counts.Count == 1 ? best.Key : null;
    }

    private static bool AllDigits(string text, int start, int length)
    {
        for (int k = start; k < start + length; k++)
        {
            if (!char.IsAsciiDigit(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first full date near the top, outside URLs and other residue (the lead stamp counts).</summary>
    public static DateOnly? FindDate(string text, int from, IReadOnlyList<BoilerplateMark> marks)
    {
        foreach (var mark in marks)
        {
            if (mark.Kind == BoilerplateKind.LeadStamp && DateText.FindFirst(text.AsSpan(mark.Span.Start, mark.Span.Length)) is { } stamped)
            {
                return stamped.Date;
            }
        }

        int end = Math.Min(text.Length, from + DateWindowChars);
        int i = from;
        while (i < end && DateText.FindFirst(text.AsSpan(i, end - i)) is { } found)
        {
            var span = new TextSpan(i + found.Start, i + found.End);
            if (!OverlapsResidue(span, marks) && !IsAsOfDate(text, span.Start) && OpensItsLine(text, span.Start))
            {
                return found.Date;
            }

            i = span.End;
        }

        return null;
    }

    private static bool OverlapsResidue(TextSpan span, IReadOnlyList<BoilerplateMark> marks)
    {
        foreach (var mark in marks)
        {
            if (mark.Kind != BoilerplateKind.LeadStamp && mark.Span.Overlaps(span))
            {
                return true;
            }
        }

        return false;
    }

    // A document's own date opens a line or follows a short label ("发布时间：", "深圳新闻网…讯", "政府工作报告——");
    // a date deep inside a sentence is the date of an event.
    private static bool OpensItsLine(string text, int start)
    {
        int lineStart = text.AsSpan(0, start).LastIndexOfAny('\n', '\r') + 1;
        return start - lineStart <= MaxDateLabelChars;
    }

    // "截至2023年6月30日" states the date of a figure, not of the document.
    private static bool IsAsOfDate(string text, int start)
    {
        var before = text.AsSpan(0, start).TrimEnd();
        return before.EndsWith("截至", StringComparison.Ordinal) || before.EndsWith("截止", StringComparison.Ordinal)
            || before.EndsWith("截止至", StringComparison.Ordinal) || before.EndsWith("至", StringComparison.Ordinal)
            || before.EndsWith("到", StringComparison.Ordinal);
    }

    private static string? FindTitleLine(string text, int from, IReadOnlyList<BoilerplateMark> marks)
    {
        int lineStart = from;
        while (lineStart < text.Length)
        {
            int breakAt = text.AsSpan(lineStart).IndexOfAny('\r', '\n');
            int lineEnd = breakAt < 0 ? text.Length : lineStart + breakAt;
            // the line's text is put together in a pooled buffer: a document's first line is often a whole paragraph,
            // and only a title is kept as a string
            char[] buffer = System.Buffers.ArrayPool<char>.Shared.Rent(lineEnd - lineStart);
            try
            {
                var kept = UnmarkedText(text, lineStart, lineEnd, marks, buffer);
                if (kept.Length > 0)
                {
                    return TitleFrom(kept);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<char>.Shared.Return(buffer);
            }

            if (breakAt < 0)
            {
                break;
            }

            lineStart = lineEnd + 1;
        }

        return null;
    }

    private static string? TitleFrom(ReadOnlySpan<char> line)
    {
        if (line.StartsWith('#'))
        {
            var heading = line.TrimStart('#');
            if (heading.Length < line.Length && heading.Length > 0 && heading[0] is ' ' or '\t')
            {
                string title = heading.Trim().TrimEnd('#').Trim().ToString();
                return title.Length > 0 ? title : null;
            }
        }

        return IsHeadline(line) ? line.ToString() : null;
    }

    private static bool IsHeadline(ReadOnlySpan<char> line)
    {
        if (line.Length is < 2 or > MaxTitleChars)
        {
            return false;
        }

        // A line ending in sentence or lead-in punctuation ("各位代表：") opens the prose.
        if (line[^1] is '。' or '．' or '.' or '，' or ',' or '：' or ':' or '；' or ';' or '、')
        {
            return false;
        }

        foreach (char c in line)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    // The line's text outside boilerplate, trimmed, written into the buffer (as long as the line at least); empty when
    // the whole line is residue or blank.
    private static ReadOnlySpan<char> UnmarkedText(string text, int start, int end, IReadOnlyList<BoilerplateMark> marks, char[] buffer)
    {
        int length = 0;
        int p = start;
        foreach (var mark in marks)
        {
            if (mark.Span.End <= p || mark.Span.Start >= end)
            {
                continue;
            }

            if (mark.Span.Start > p)
            {
                text.AsSpan(p, mark.Span.Start - p).CopyTo(buffer.AsSpan(length));
                length += mark.Span.Start - p;
            }

            p = Math.Max(p, mark.Span.End);
        }

        if (p < end)
        {
            text.AsSpan(p, end - p).CopyTo(buffer.AsSpan(length));
            length += end - p;
        }

        return buffer.AsSpan(0, length).Trim();
    }

    private readonly record struct FrontMatter(string? Title, DateOnly? Date, int End);

    /// <summary>YAML front matter (<c>---</c> … <c>---</c>) at the very start: its title and date.</summary>
    private static FrontMatter ReadFrontMatter(string text)
    {
        if (!text.StartsWith("---", StringComparison.Ordinal) || (text.Length > 3 && text[3] is not ('\n' or '\r')))
        {
            return default;
        }

        string? title = null;
        DateOnly? date = null;
        int lineStart = text.IndexOf('\n', StringComparison.Ordinal) + 1;
        for (int n = 0; lineStart > 0 && lineStart < text.Length && n < MaxFrontMatterLines; n++)
        {
            int breakAt = text.IndexOf('\n', lineStart);
            int next = breakAt < 0 ? text.Length : breakAt + 1;
            var line = text.AsSpan(lineStart, next - lineStart).TrimEnd();
            if (line is "---" or "...")
            {
                return new(title, date, next);
            }

            if (line.StartsWith("title:", StringComparison.OrdinalIgnoreCase))
            {
                title = Unquote(line["title:".Length..]);
            }
            else if (line.StartsWith("date:", StringComparison.OrdinalIgnoreCase))
            {
                date = DateText.ParseValue(Unquote(line["date:".Length..]));
            }

            lineStart = next;
        }

        return default; // never closed: not front matter
    }

    private static string? Unquote(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.Length >= 2 && value[0] is '"' or '\'' && value[^1] == value[0])
        {
            value = value[1..^1].Trim();
        }

        return value.IsEmpty ? null : value.ToString();
    }
}
