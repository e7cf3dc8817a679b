using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Normalization;
using Anvil.Core.Periods;

namespace Anvil.Core.Facts;

// Where things stand in the text: the mentions, figures and periods within a span, the clause around a place, the
// words as the text writes them, and what follows a figure.
internal partial class FactDocument
{
    public ItemsWithin<Mention> MentionsWithin(int from, int to) => Within(Mentions, from, to, m => m.View);

    public ItemsWithin<Figure> FiguresWithin(int from, int to) => Within(Figures, from, to, f => f.View);

    public ItemsWithin<PeriodMention> PeriodsWithin(int from, int to) => Within(Periods, from, to, p => p.Span);

    /// <summary>
    /// Where the item of a news feed that holds <paramref name="position"/> starts: the last heading before it that comes
    /// right after a horizontal rule (a page of news items, each under its own heading between rules); 0 in a text
    /// without such items, whose headings are sections of one text.
    /// </summary>
    public int ItemStart(int position)
    {
        _itemStarts ??= FindItemStarts(Text);
        int i = FirstStartingAt(_itemStarts, position + 1, x => x) - 1;
        return i >= 0 ? _itemStarts[i] : 0;
    }

    private List<int>? _itemStarts;

    private const string Rule = "---";

    private static List<int> FindItemStarts(string text)
    {
        var starts = new List<int>();
        bool afterRule = false;
        for (int line = 0; line < text.Length;)
        {
            int end = text.IndexOf('\n', line);
            end = end < 0 ? text.Length : end;
            var words = text.AsSpan(line, end - line).Trim();
            if (words.Length > 0)
            {
                if (afterRule && words[0] == '#')
                {
                    starts.Add(line);
                }

                afterRule = words.SequenceEqual(Rule);
            }

            line = end + 1;
        }

        return starts;
    }

    /// <summary>The items whose spans lie inside [from, to).</summary>
    public static ItemsWithin<T> Within<T>(List<T> list, int from, int to, Func<T, TextSpan> span) =>
        new(list, FirstSpanStartingAt(list, from, span), to, span);

    /// <summary>
    /// <see cref="FirstStartingAt"/> by the items' spans: the span selector is used as it is, where a start selector
    /// made from it would be a new closure on every call (and this is called for every figure many times over).
    /// </summary>
    private static int FirstSpanStartingAt<T>(List<T> list, int position, Func<T, TextSpan> span)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (span(list[mid]).Start < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    public static int FirstStartingAt<T>(List<T> list, int position, Func<T, int> start)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (start(list[mid]) < position)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The last mention that ends before a position and that <paramref name="accept"/> takes.</summary>
    public static Mention? LastBefore(List<Mention> list, int position, Func<Mention, bool> accept)
    {
        for (int i = FirstStartingAt(list, position, m => m.View.Start) - 1; i >= 0; i--)
        {
            if (list[i].View.End <= position && accept(list[i]))
            {
                return list[i];
            }
        }

        return null;
    }

    /// <summary>The clause of a sentence around a position: between the clause marks before and after it.</summary>
    public TextSpan ClauseAround(TextSpan sentence, int position)
    {
        int start = position > sentence.Start ? Text.AsSpan(sentence.Start, position - sentence.Start).LastIndexOfAny(Punctuation.ClauseMarkValues) : -1;
        start = start < 0 ? sentence.Start : sentence.Start + start + 1;
        int end = Text.AsSpan(position, sentence.End - position).IndexOfAny(Punctuation.ClauseMarkValues);
        end = end < 0 ? sentence.End : position + end;
        return new TextSpan(start, end);
    }

    /// <summary>The clause around a position, bounded by clause marks and sentence ends, for a position whose sentence is not at hand.</summary>
    public TextSpan ClauseOf(int position)
    {
        int start = Text.AsSpan(0, position).LastIndexOfAny(Punctuation.ClauseEnds) + 1;
        int ahead = Text.AsSpan(position).IndexOfAny(Punctuation.ClauseEnds);
        return new TextSpan(start, ahead < 0 ? Text.Length : position + ahead);
    }

    /// <summary>Where the part of the sentence that holds a position starts: after the last semicolon before it.</summary>
    public int PartStart(TextSpan sentence, int position)
    {
        int part = position > sentence.Start ? Text.LastIndexOfAny(Punctuation.PartMarks, position - 1, position - sentence.Start) : -1;
        return part >= sentence.Start ? part + 1 : sentence.Start;
    }

    /// <summary>True when no semicolon divides the sentence between two positions.</summary>
    public bool SamePart(TextSpan sentence, int a, int b)
    {
        int from = Math.Max(sentence.Start, Math.Min(a, b)), to = Math.Min(sentence.End, Math.Max(a, b));
        return to <= from || Text.AsSpan(from, to - from).IndexOfAny(Punctuation.PartMarks) < 0;
    }

    /// <summary>
    /// Words of the view as the text wrote them, in Simplified script: the view (even one of the text's length) also puts the mainland's word for a
    /// Hong Kong or Taiwan one (每股盈利 → 每股收益, normalization/regional-terms.tsv) so that measures match, but a
    /// record's words as written (indicator_text) are the text's own. The last place the words stand in [from, to) of the
    /// view is read back in the original through the view's steps without the regional words (TextNormalizer.AsWritten).
    /// </summary>
    public string WordsAsWritten(string words, int from, int to)
    {
        var view = Analysis.View;
        if (words.Length == 0 || to <= from || ReferenceEquals(Text, Analysis.Document.Text))
        {
            return words;
        }

        int at = Text.AsSpan(from, to - from).LastIndexOf(words, StringComparison.Ordinal);
        if (at < 0)
        {
            return words;
        }

        var original = view.ToOriginal(from + at, from + at + words.Length);
        string written = TextNormalizer.Default.AsWritten(Analysis.Document.Text.AsSpan(original.Start, original.End - original.Start), Analysis.Script);

        // a run the view rewrote in more than its words (a line break or spaces inside), or only in its punctuation and
        // letters' widths (（SSD） and (SSD)), stays as the view has it
        return written.Length > 0 && !written.AsSpan().ContainsAny(WrittenBreaks) && !SameHanCharacters(written, words) ? written : words;
    }

    private static bool SameHanCharacters(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && (TextClasses.IsHan(a[i]) || TextClasses.IsHan(b[i])))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly System.Buffers.SearchValues<char> WrittenBreaks = System.Buffers.SearchValues.Create("\n\r\t ");

    /// <summary>How many clause marks (，；：) stand between two positions.</summary>
    public int ClauseMarksBetween(int from, int to)
    {
        int count = 0;
        var rest = Text.AsSpan(from, Math.Max(0, to - from));
        for (int at = rest.IndexOfAny(Punctuation.ClauseMarkValues); at >= 0; at = rest.IndexOfAny(Punctuation.ClauseMarkValues))
        {
            count++;
            rest = rest[(at + 1)..];
        }

        return count;
    }

    /// <summary>True when the text right after a mention starts with one of the words.</summary>
    public bool FollowedBy(Mention m, string[] words)
    {
        foreach (var w in words)
        {
            if (string.CompareOrdinal(Text, m.View.End, w, 0, w.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
