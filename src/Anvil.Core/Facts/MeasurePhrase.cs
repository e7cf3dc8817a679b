using Anvil.Core.Documents;
using Anvil.Core.Entities;

namespace Anvil.Core.Facts;

/// <summary>
/// The words before a figure as they can name its measure: period words and the names of people and media taken
/// out, only the last run of words kept, stating verbs and connectives trimmed from the ends (facts/phrase-words.tsv),
/// and the base of a comparison cut off (增速比一季度 → 增速).
/// </summary>
internal sealed class MeasurePhrase(FactDocument doc)
{
    private readonly string _text = doc.Text;
    private readonly FactData _data = doc.Data;

    /// <summary>
    /// The words between <paramref name="start"/> and the figure at <paramref name="end"/>, with period words and
    /// qualifiers taken out; <paramref name="offset"/> is where the kept words start, counted from <paramref name="start"/>.
    /// </summary>
    public string Clean(int start, int end, out int offset) => Clean(start, end, out offset, out _);

    /// <summary>As <see cref="Clean(int, int, out int)"/>, with the run of words before the kept one (成都经济 in 成都经济去年增长5%), or "".</summary>
    public string Clean(int start, int end, out int offset, out string earlier)
    {
        offset = 0;
        earlier = "";
        if (end <= start)
        {
            return "";
        }

        var chars = _text.AsSpan(start, end - start).ToArray();
        var gone = new bool[chars.Length]; // apart from the text, which may hold any character (NUL too)
        foreach (var p in FactDocument.Within(doc.Periods, Math.Max(0, start - 64), end + 64, x => x.Span))
        {
            // 增速比一季度快: the base of a comparison goes without a trace, other periods separate words
            for (int k = Math.Max(p.Span.Start, start); k < Math.Min(p.Span.End, end); k++)
            {
                chars[k - start] = ' ';
                gone[k - start] = p.IsComparison;
            }
        }

        foreach (var m in doc.MentionsWithin(start, end))
        {
            // source bodies and people named in the phrase are not part of the measure
            if (m.Type is EntityType.Media or EntityType.Person && m.View.Start >= start && m.View.End <= end)
            {
                for (int k = m.View.Start; k < m.View.End; k++)
                {
                    chars[k - start] = ' ';
                }
            }
        }

        // the phrase without the gone characters; kept[i] is where its character i stands after start
        var kept = new List<int>(chars.Length);
        var phrase = new char[chars.Length];
        for (int k = 0; k < chars.Length; k++)
        {
            if (!gone[k])
            {
                phrase[kept.Count] = chars[k];
                kept.Add(k);
            }
        }

        string s = new(phrase, 0, kept.Count);
        int At(int i) => i < kept.Count ? kept[i] : chars.Length;
        // keep only the last run of words: a period or a name in the middle separates; a last run of function words
        // only (…拨款由2013-14年度的) gives way to the run before it
        string trimmed = s.TrimEnd();
        int lastGap = trimmed.LastIndexOf(' ');
        if (lastGap > 0 && TrimEnds(trimmed[(lastGap + 1)..]).Length == 0)
        {
            string head = trimmed[..lastGap].TrimEnd();
            int headGap = head.LastIndexOf(' ');
            offset = At(headGap + 1);
            earlier = LastRun(head[..Math.Max(0, headGap)]);
            return head[(headGap + 1)..];
        }

        int cut = s.LastIndexOf(' ');
        if (cut >= 0 && cut < s.Length - 1)
        {
            offset = At(cut + 1);
            earlier = LastRun(s[..cut]);
            s = s[(cut + 1)..];
        }
        else if (cut == s.Length - 1)
        {
            s = s.TrimEnd();
            int again = s.LastIndexOf(' ');
            offset = At(again + 1);
            earlier = again >= 0 ? LastRun(s[..again]) : "";
            s = again >= 0 ? s[(again + 1)..] : s;
        }

        return s;
    }

    private static string LastRun(string words)
    {
        words = words.TrimEnd();
        return words[(words.LastIndexOf(' ') + 1)..];
    }

    /// <summary>Trims stating verbs at the end and connectives and reference words at the start, then marks.</summary>
    public string TrimEnds(string s)
    {
        // the longest word at each end, as trying the lists longest first finds it, until neither end has one
        int start = 0, end = s.Length;
        bool changed = true;
        while (changed && end > start)
        {
            changed = false;
            int cut = _data.TrimAtEndReversed.LongestMatchBackward(s.AsSpan(start, end - start), end - start, out _);
            if (cut > 0)
            {
                end -= cut;
                changed = true;
            }

            int lead = end > start ? _data.TrimAtStartTrie.LongestMatch(s.AsSpan(start, end - start), 0, out _) : 0;
            if (lead > 0)
            {
                start += lead;
                changed = true;
            }
        }

        return s.AsSpan(start, end - start).Trim(Punctuation.PhraseTrim).ToString();
    }

    /// <summary>增速比一季度, 比上年年初预算: the base of a comparison is not part of the measure.</summary>
    public string CutComparison(string measure)
    {
        for (int i = 0; i < measure.Length; i++)
        {
            foreach (var c in _data.Measures.Comparisons)
            {
                if (measure[i] == c.Mark
                    && (i + 1 >= measure.Length || !c.NotAfter.Contains(measure[i + 1], StringComparison.Ordinal))
                    && (i == 0 || !c.NotBefore.Contains(measure[i - 1], StringComparison.Ordinal)))
                {
                    return measure[..i];
                }
            }
        }

        return measure;
    }
}
