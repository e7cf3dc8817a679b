using System.Buffers;

namespace Anvil.Core.Documents;

/// <summary>
/// Marks scrape residue in a document's text: breadcrumbs, footers with source links, contact and copyright
/// lines, share buttons, rules and lone punctuation, leftover image-link tails, the markup of markdown links
/// and images, raw HTML tags, bare URLs. It only marks: the text is never changed, every mark is a span into it,
/// and captions and link texts stay text (the gold annotations count figures in headlines and captions).
/// One pass over the lines, no regular expressions; word lists come from <see cref="BoilerplateRules"/>.
/// </summary>
public sealed class BoilerplateMarker
{
    // The lead stamp ("2023-07-28 13:13，正文：") sits in the first few characters of a document or not at all.
    private const int LeadStampWindow = 48;

    // A label left beside a link ("url:", "Source") is residue; more than this many letters is text.
    private const int MaxLabelLetters = 24;

    // A line longer than this is not a bare image-link tail.
    private const int MaxResidueLineChars = 1024;

    private static readonly Lazy<BoilerplateMarker> Shared = new(() => new BoilerplateMarker(BoilerplateRules.Default));

    private static readonly SearchValues<string> UrlStarts =
        SearchValues.Create(["http://", "https://", "www."], StringComparison.OrdinalIgnoreCase);

    private readonly BoilerplateRules _rules;
    private readonly (string Phrase, int MaxLineChars, StringComparison Comparison)[] _lineStarts;
    private readonly SearchValues<char> _lineStartFirstChars;
    private readonly (int MaxLineChars, SearchValues<string>? AnyCase, PhraseSearch? Caseless)[] _lineContains;
    private readonly PhraseSearch? _inlinePhrases;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _shareTargets;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _htmlTags;
    private readonly string[] _imageSuffixes;

    public BoilerplateMarker(BoilerplateRules rules)
    {
        _rules = rules;
        _lineStarts = [.. rules.LineStarts.Select(p => (p.Phrase, p.MaxLineChars, IsCaseless(p.Phrase) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))];
        // most lines start with none of the phrases' first letters, and then no phrase need be compared
        _lineStartFirstChars = SearchValues.Create([.. _lineStarts.Where(p => p.Phrase.Length > 0)
            .Select(p => p.Comparison == StringComparison.Ordinal ? p.Phrase[0] : char.ToUpperInvariant(p.Phrase[0])).Distinct()]);
        // every line-contains phrase marks the line alike, so one search per length limit finds whether any does;
        // phrases without case (版權所有, ©) are searched as they are, which is the same and many times faster
        _lineContains = [.. rules.LineContains.GroupBy(p => (p.MaxLineChars, Caseless: IsCaseless(p.Phrase)))
            .Select(g => g.Key.Caseless
                ? (g.Key.MaxLineChars, (SearchValues<string>?)null, new PhraseSearch(g.Select(p => p.Phrase)))
                : (g.Key.MaxLineChars, SearchValues.Create([.. g.Select(p => p.Phrase)], StringComparison.OrdinalIgnoreCase), (PhraseSearch?)null))];
        _inlinePhrases = rules.InlinePhrases.Count == 0 ? null : new PhraseSearch(rules.InlinePhrases);
        _shareTargets = new HashSet<string>(rules.ShareTargets, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _htmlTags = new HashSet<string>(rules.HtmlTags, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _imageSuffixes = [.. rules.ImageExtensions.Select(e => "." + e)];
    }

    /// <summary>
    /// Whether a line starting with <paramref name="first"/> may start with a line-start phrase: its first letter, or
    /// that letter in upper case as the comparison ignoring case sees it (a surrogate is left to the comparison).
    /// </summary>
    private bool MayStartWithPhrase(char first) =>
        char.IsSurrogate(first) || _lineStartFirstChars.Contains(first) || _lineStartFirstChars.Contains(char.ToUpperInvariant(first));

    /// <summary>No character of the text has a case: ignoring case finds exactly what an ordinal search finds.</summary>
    private static bool IsCaseless(string text) =>
        text.All(c => !char.IsSurrogate(c) && char.ToUpperInvariant(c) == c && char.ToLowerInvariant(c) == c);

    /// <summary>The marker built from the rules shipped in Anvil.Data.</summary>
    public static BoilerplateMarker Default => Shared.Value;

    /// <summary>The boilerplate spans of <paramref name="text"/>, sorted (they may touch or overlap).</summary>
    public IReadOnlyList<TextSpan> Mark(string text) => [.. Find(text).Select(m => m.Span)];

    /// <summary>Every mark with the rule that made it, sorted by start.</summary>
    public IReadOnlyList<BoilerplateMark> Find(string text)
    {
        var marks = new List<BoilerplateMark>();
        int lineStart = 0;
        bool firstLine = true;
        while (true)
        {
            int breakAt = text.AsSpan(lineStart).IndexOfAny('\r', '\n');
            int lineEnd = breakAt < 0 ? text.Length : lineStart + breakAt;
            MarkLine(text, lineStart, lineEnd, firstLine, marks);
            if (breakAt < 0)
            {
                break;
            }

            firstLine = false;
            lineStart = lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1);
        }

        marks.Sort((a, b) => a.Span.Start != b.Span.Start ? a.Span.Start.CompareTo(b.Span.Start) : b.Span.End.CompareTo(a.Span.End));
        return marks;
    }

    private void MarkLine(string text, int lineStart, int lineEnd, bool firstLine, List<BoilerplateMark> marks)
    {
        var (start, end) = Trim(text, lineStart, lineEnd);
        if (start == end)
        {
            return;
        }

        var line = text.AsSpan(start, end - start);
        var whole = new TextSpan(start, end);

        if (firstLine && LeadStampEnd(line) is int stampEnd and > 0)
        {
            marks.Add(new(new TextSpan(start, start + stampEnd), BoilerplateKind.LeadStamp));
            MarkInline(text, start + stampEnd, end, marks);
            return;
        }

        if (IsPunctuationOnly(line))
        {
            marks.Add(new(whole, BoilerplateKind.PunctuationLine));
            return;
        }

        if (IsImageUrlResidue(line))
        {
            marks.Add(new(whole, BoilerplateKind.ImageUrlResidue));
            return;
        }

        int inlineFrom = start;
        foreach (var (phrase, max, comparison) in MayStartWithPhrase(line[0]) ? _lineStarts : [])
        {
            if (line.StartsWith(phrase, comparison))
            {
                if (line.Length <= max)
                {
                    marks.Add(new(whole, BoilerplateKind.PhraseLine));
                    return;
                }

                // A long line may carry article text after the label: mark the label alone, and only when it
                // stands as a label ("您现在的位置：…"), not as the first words of a sentence ("分享到海外市场的经验…").
                if (line.Length == phrase.Length || line[phrase.Length] is ':' or '：' or ' ' or '\u3000' or '>' or '|')
                {
                    marks.Add(new(new TextSpan(start, start + phrase.Length), BoilerplateKind.Phrase));
                    inlineFrom = start + phrase.Length;
                }

                break;
            }
        }

        foreach (var (max, anyCase, caseless) in _lineContains)
        {
            if (line.Length <= max && (anyCase is not null ? line.ContainsAny(anyCase) : caseless!.ContainsAny(line)))
            {
                marks.Add(new(whole, BoilerplateKind.PhraseLine));
                return;
            }
        }

        if (IsShareButtons(line))
        {
            marks.Add(new(whole, BoilerplateKind.ShareButtons));
            return;
        }

        int before = marks.Count;
        MarkInline(text, inlineFrom, end, marks);
        if (marks.Count > before && inlineFrom == start && Remainder(text, start, end, marks, before) == LineRemainder.Label)
        {
            marks.RemoveRange(before, marks.Count - before);
            marks.Add(new(whole, BoilerplateKind.UrlLine));
        }
    }

    private void MarkInline(string text, int start, int end, List<BoilerplateMark> marks)
    {
        int first = marks.Count;
        MarkMarkdownLinks(text, start, end, marks);
        MarkAngleBrackets(text, start, end, marks);
        MarkBareUrls(text, start, end, marks, first);
        if (_inlinePhrases is not null)
        {
            int i = start;
            while (i < end)
            {
                int hit = _inlinePhrases.IndexOfAny(text.AsSpan(i, end - i));
                if (hit < 0)
                {
                    break;
                }

                int at = i + hit;
                int length = Math.Max(1, _inlinePhrases.LongestAt(text.AsSpan(at, end - at)));
                marks.Add(new(new TextSpan(at, at + length), BoilerplateKind.Phrase));
                i = at + length;
            }
        }
    }

    /// <summary>
    /// Markdown links <c>[text](url)</c> and images <c>![caption](url)</c>: the brackets and the target are residue,
    /// the text or caption is not, unless it is itself a URL or an address.
    /// </summary>
    private static void MarkMarkdownLinks(string text, int start, int end, List<BoilerplateMark> marks)
    {
        int i = start;
        while (i < end)
        {
            int open = text.AsSpan(i, end - i).IndexOf('[');
            if (open < 0)
            {
                return;
            }

            open += i;
            i = open + 1;
            int close = FindLabelEnd(text, open + 1, end);
            if (close < 0 || close + 1 >= end || text[close + 1] != '(')
            {
                continue;
            }

            int targetEnd = FindClosingParen(text, close + 2, end);
            if (targetEnd < 0 || !LooksLikeLinkTarget(text.AsSpan(close + 2, targetEnd - close - 2)))
            {
                continue;
            }

            int markupStart = open > start && text[open - 1] == '!' ? open - 1 : open;
            var label = text.AsSpan(open + 1, close - open - 1).Trim();
            if (label.IsEmpty || IsUrlOrAddress(label))
            {
                marks.Add(new(new TextSpan(markupStart, targetEnd + 1), BoilerplateKind.LinkToUrl));
            }
            else
            {
                marks.Add(new(new TextSpan(markupStart, open + 1), BoilerplateKind.LinkMarkup));
                marks.Add(new(new TextSpan(close, targetEnd + 1), BoilerplateKind.LinkMarkup));
            }

            i = targetEnd + 1;
        }
    }

    // The ']' closing a label that starts at 'from'; -1 when another '[' opens first (the loop retries there).
    private static int FindLabelEnd(string text, int from, int end)
    {
        for (int j = from; j < end; j++)
        {
            if (text[j] == ']')
            {
                return j;
            }

            if (text[j] == '[')
            {
                return -1;
            }
        }

        return -1;
    }

    // The ')' that balances the '(' before 'from', on the same line; -1 if none.
    private static int FindClosingParen(string text, int from, int end)
    {
        int depth = 0;
        for (int j = from; j < end; j++)
        {
            if (text[j] == '(')
            {
                depth++;
            }
            else if (text[j] == ')')
            {
                if (depth == 0)
                {
                    return j;
                }

                depth--;
            }
        }

        return -1;
    }

    // "(见下文)" or "(2023.5)" after a bracketed note is prose; a link target is a URL, a path or an anchor.
    private static bool LooksLikeLinkTarget(ReadOnlySpan<char> target)
    {
        target = target.Trim();
        if (target.IsEmpty)
        {
            return false;
        }

        int space = target.IndexOfAny(' ', '\t');
        var url = space < 0 ? target : target[..space];
        if (space >= 0)
        {
            var title = target[space..].TrimStart();
            if (title.Length > 0 && title[0] is not ('"' or '\''))
            {
                return false;
            }
        }

        if (url[0] is '<' or '/' or '#' || url.Contains("://", StringComparison.Ordinal)
            || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || url.StartsWith("./", StringComparison.Ordinal))
        {
            return true;
        }

        // A bare host or file name ("example.com/a", "photo.jpg"): ASCII with a dot and a letter.
        return IsAscii(url) && url.Contains('.') && url.ContainsAnyInRange('a', 'z');
    }

    private static bool IsUrlOrAddress(ReadOnlySpan<char> label)
    {
        if (label.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
            || label.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || label.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || label.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        int at = label.IndexOf('@');
        return at > 0 && at < label.Length - 1 && label.IndexOfAny(' ', '\t') < 0 && IsAscii(label);
    }

    /// <summary>Autolinks (<c>&lt;https://…&gt;</c>) and raw HTML tags of the listed elements.</summary>
    private void MarkAngleBrackets(string text, int start, int end, List<BoilerplateMark> marks)
    {
        int i = start;
        while (i < end)
        {
            int open = text.AsSpan(i, end - i).IndexOf('<');
            if (open < 0)
            {
                return;
            }

            open += i;
            i = open + 1;
            var rest = text.AsSpan(open + 1, end - open - 1);
            if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
                || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                || rest.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
            {
                int close = rest.IndexOfAny('>', ' ');
                if (close > 0 && rest[close] == '>')
                {
                    marks.Add(new(new TextSpan(open, open + close + 2), BoilerplateKind.Url));
                    i = open + close + 2;
                }

                continue;
            }

            int nameStart = rest.Length > 0 && rest[0] == '/' ? 1 : 0;
            int nameEnd = nameStart;
            while (nameEnd < rest.Length && char.IsAsciiLetterOrDigit(rest[nameEnd]))
            {
                nameEnd++;
            }

            if (nameEnd == nameStart || !char.IsAsciiLetter(rest[nameStart]) || !_htmlTags.Contains(rest[nameStart..nameEnd]))
            {
                continue;
            }

            if (nameEnd < rest.Length && rest[nameEnd] is not ('>' or '/' or ' ' or '\t'))
            {
                continue;
            }

            int tagEnd = FindTagEnd(rest, nameEnd);
            if (tagEnd >= 0)
            {
                marks.Add(new(new TextSpan(open, open + tagEnd + 2), BoilerplateKind.HtmlTag));
                i = open + tagEnd + 2;
            }
        }
    }

    // The '>' ending a tag, skipping quoted attribute values; -1 if the tag does not close on this line.
    private static int FindTagEnd(ReadOnlySpan<char> rest, int from)
    {
        char quote = '\0';
        for (int j = from; j < rest.Length; j++)
        {
            char c = rest[j];
            if (quote != '\0')
            {
                quote = c == quote ? '\0' : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '>')
            {
                return j;
            }
        }

        return -1;
    }

    private static void MarkBareUrls(string text, int start, int end, List<BoilerplateMark> marks, int lineMarksFrom)
    {
        int i = start;
        while (i < end)
        {
            int hit = text.AsSpan(i, end - i).IndexOfAny(UrlStarts);
            if (hit < 0)
            {
                return;
            }

            int at = i + hit;
            i = at + 1;
            if (at > start && (char.IsAsciiLetterOrDigit(text[at - 1]) || text[at - 1] is '.' or '/' or '@' or '-' or '_'))
            {
                continue; // inside a longer token ("awww.", "a/www.") rather than the start of a URL
            }

            if (IsInside(marks, lineMarksFrom, at))
            {
                continue; // already marked as a link target or autolink
            }

            int urlEnd = at;
            int open = 0;
            while (urlEnd < end && IsUrlChar(text[urlEnd]))
            {
                open += text[urlEnd] == '(' ? 1 : text[urlEnd] == ')' ? -1 : 0;
                urlEnd++;
            }

            // Sentence punctuation after a URL is not part of it; neither is a ')' that closes a bracket around it.
            while (urlEnd > at && (text[urlEnd - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '*' or '_'
                                   || (text[urlEnd - 1] == ')' && open < 0)))
            {
                open += text[urlEnd - 1] == ')' ? 1 : 0;
                urlEnd--;
            }

            int schemeLength = text[at] is 'w' or 'W' ? 4 : text[at + 4] is 's' or 'S' ? 8 : 7;
            if (urlEnd - at > schemeLength + 2)
            {
                marks.Add(new(new TextSpan(at, urlEnd), BoilerplateKind.Url));
                i = urlEnd;
            }
        }
    }

    private static bool IsInside(List<BoilerplateMark> marks, int from, int position)
    {
        for (int k = from; k < marks.Count; k++)
        {
            if (marks[k].Span.Start <= position && position < marks[k].Span.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsUrlChar(char c) => c is > ' ' and < '\u007F' and not ('"' or '<' or '>' or '`');

    private enum LineRemainder
    {
        Nothing,
        Label,
        Text,
    }

    /// <summary>What a line holds once its links, URLs and tags are marked: nothing, a short ASCII label, or text.</summary>
    private static LineRemainder Remainder(string text, int start, int end, List<BoilerplateMark> marks, int from)
    {
        int letters = 0;
        bool any = false;
        for (int p = start; p < end; p++)
        {
            char c = text[p];
            if (char.IsWhiteSpace(c) || IsInside(marks, from, p))
            {
                continue;
            }

            any = true;
            if (char.IsDigit(c) || (char.IsLetter(c) && !char.IsAscii(c)))
            {
                return LineRemainder.Text;
            }

            if (char.IsAsciiLetter(c) && ++letters > MaxLabelLetters)
            {
                return LineRemainder.Text;
            }
        }

        return any ? LineRemainder.Label : LineRemainder.Nothing;
    }

    // "2023-07-28 13:13，正文：" or "，正文：": a body label within the first characters, after nothing but a stamp.
    private int LeadStampEnd(ReadOnlySpan<char> line)
    {
        var window = line[..Math.Min(line.Length, LeadStampWindow)];
        foreach (var marker in _rules.LeadMarkers)
        {
            int at = window.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0 && IsStamp(line[..at]))
            {
                return at + marker.Length;
            }
        }

        return 0;
    }

    private static bool IsStamp(ReadOnlySpan<char> prefix)
    {
        foreach (char c in prefix)
        {
            if (!(char.IsAsciiDigit(c) || char.IsWhiteSpace(c) || c is '-' or '/' or ':' or '.' or ',' or '，' or '年' or '月' or '日'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsPunctuationOnly(ReadOnlySpan<char> line)
    {
        foreach (char c in line)
        {
            if (!(char.IsPunctuation(c) || char.IsSymbol(c) || char.IsWhiteSpace(c)))
            {
                return false;
            }
        }

        return true;
    }

    // ".jpg)" or "…_20250310.jpg&q=85)": the tail of an image link whose head was lost, alone on its line.
    private bool IsImageUrlResidue(ReadOnlySpan<char> line)
    {
        // A whole markdown image ("![](….jpg)") is left to the link rule, which names it better.
        if (line.Length > MaxResidueLineChars || line[0] is '!' or '[' || !IsAscii(line) || line.IndexOfAny(' ', '\t') >= 0)
        {
            return false;
        }

        foreach (var suffix in _imageSuffixes)
        {
            int at = line.IndexOf(suffix, StringComparison.OrdinalIgnoreCase);
            while (at >= 0)
            {
                int after = at + suffix.Length;
                if (after == line.Length || line[after] is ')' or '?' or '&' or '#' or '"' or '\'')
                {
                    return true;
                }

                int next = line[after..].IndexOf(suffix, StringComparison.OrdinalIgnoreCase);
                at = next < 0 ? -1 : after + next;
            }
        }

        return false;
    }

    // "微信 微博 QQ空間" or "Facebook | Twitter": two or more share-button names and nothing else.
    private bool IsShareButtons(ReadOnlySpan<char> line)
    {
        if (line.Length > 80)
        {
            return false;
        }

        int names = 0;
        int i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && IsShareSeparator(line[i]))
            {
                i++;
            }

            int tokenStart = i;
            while (i < line.Length && !IsShareSeparator(line[i]))
            {
                i++;
            }

            if (i > tokenStart)
            {
                if (!_shareTargets.Contains(line[tokenStart..i]))
                {
                    return false;
                }

                names++;
            }
        }

        return names >= 2;
    }

    private static bool IsShareSeparator(char c) => char.IsWhiteSpace(c) || c is '|' or '/' or '·' or '・' or '、' or ',' or '，';

    private static bool IsAscii(ReadOnlySpan<char> s) => !s.ContainsAnyExceptInRange('\0', '\u007F');

    private static (int Start, int End) Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        return (start, end);
    }
}
