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

    private const int OnStack = 256; // characters

    /// <summary>True when the word dictionary reads the character before <paramref name="end"/> into a word that goes on past it (年期).</summary>
    private bool UnitOpensWord(int end)
    {
        if (doc.Words is not { } dictionary || end < 1 || end >= _text.Length)
        {
            return false;
        }

        var window = _text.AsSpan(end - 1, Math.Min(WordWindow, _text.Length - end + 1));
        Span<int> cuts = stackalloc int[WordWindow + 1];
        int count = dictionary.Segment(window, cuts);
        return count > 1 && cuts[1] > 1;
    }

    /// <summary>How many characters from a duration's last one are segmented to see whether a word goes on past it.</summary>
    private const int WordWindow = 4;

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

        // a clause's words: the working copies live on the stack (a phrase longer than a long clause, on the heap)
        int length = end - start;
        Span<char> chars = length <= OnStack ? stackalloc char[length] : new char[length];
        _text.AsSpan(start, length).CopyTo(chars);
        Span<bool> gone = length <= OnStack ? stackalloc bool[length] : new bool[length]; // apart from the text, which may hold any character (NUL too)
        foreach (var p in FactDocument.Within(doc.Periods, Math.Max(0, start - 64), end + 64, x => x.Span))
        {
            // 增速比一季度快: the base of a comparison goes without a trace, other periods separate words
            for (int k = Math.Max(p.Span.Start, start); k < Math.Min(p.Span.End, end); k++)
            {
                chars[k - start] = ' ';
                gone[k - start] = p.IsComparison;
            }
        }

        foreach (var d in FactDocument.Within(doc.Durations, start, end, x => x))
        {
            // 总量连续39年 + 居全国首位: a length of time is no part of the measure, and goes without a trace as a base does,
            // unless its unit opens a word that goes on (10年期国债: the bond's term names it)
            if (UnitOpensWord(d.End))
            {
                continue;
            }

            // with the word that leads into it (连续, 近: facts/phrase-words.tsv), so the words around it join again (总量居全国)
            int from = Math.Max(d.Start, start) - start;
            int lead = from > 0 ? _data.TrimAtEndReversed.LongestMatchBackward(chars[..from], from, out _) : 0;
            if (lead > 0 && EndsAWord(chars[..from], lead))
            {
                from -= lead;
            }

            for (int k = from; k < Math.Min(d.End, end) - start; k++)
            {
                chars[k] = ' ';
                gone[k] = true;
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

        // 华星电讯（1234）停牌前报…: a company's stock code or ticker in brackets after its name is part of the name, not of the
        // measure; it separates words as a period does
        for (int k = 0; k < length; k++)
        {
            if (_text[start + k] is '（' or '(' && CodeAfterCompany(start + k) is int close && close < end)
            {
                for (int j = k; j <= close - start; j++)
                {
                    chars[j] = ' ';
                }
            }
        }

        // 股東應佔(未經審核)基礎盈利, 國外淨需求（即輸出減輸入）貢獻: an aside in brackets between the words of a measure is no
        // part of it, and goes without a trace, so the words on either side join again
        for (int k = 1; k < length; k++)
        {
            if (_text[start + k] is '（' or '(' && TextClasses.IsHan(_text[start + k - 1]) && HanAsideEnd(start + k, end) is int close)
            {
                for (int j = k; j <= close - start; j++)
                {
                    chars[j] = ' ';
                    gone[j] = true;
                }

                k = close - start;
            }
        }

        // a space inside a Latin name written right before a measure (iPhone 13出货量, Model Y销量) joins its parts, so the
        // name stays one run of words with the measure
        for (int k = 1; k + 1 < length; k++)
        {
            if (chars[k] == ' ' && _text[start + k] == ' ' && char.IsAsciiLetterOrDigit(chars[k - 1]) && char.IsAsciiLetterOrDigit(chars[k + 1])
                && (char.IsAsciiLetter(chars[k - 1]) || char.IsAsciiLetter(chars[k + 1])))
            {
                int j = k + 1;
                while (j < length && char.IsAsciiLetterOrDigit(chars[j]))
                {
                    j++;
                }

                if (j < length && TextClasses.IsHan(chars[j]))
                {
                    chars[k] = NameSpace;
                }
            }
        }

        // the phrase without the gone characters; kept[i] is where its character i stands after start
        Span<int> kept = length <= OnStack ? stackalloc int[length] : new int[length];
        Span<char> phrase = length <= OnStack ? stackalloc char[length] : new char[length];
        int count = 0;
        for (int k = 0; k < chars.Length; k++)
        {
            if (!gone[k])
            {
                phrase[count] = chars[k];
                kept[count++] = k;
            }
        }

        string s = new(phrase[..count]);
        kept = kept[..count];
        // keep only the last run of words: a period or a name in the middle separates; a last run of function words
        // only (…拨款由2013-14年度的) gives way to the run before it
        string trimmed = s.TrimEnd();
        int lastGap = trimmed.LastIndexOf(' ');
        if (lastGap > 0 && TrimEnds(trimmed.AsSpan(lastGap + 1)).Length == 0)
        {
            string head = trimmed[..lastGap].TrimEnd();
            int headGap = head.LastIndexOf(' ');
            offset = At(kept, headGap + 1, length);
            earlier = Spaced(LastRun(head[..Math.Max(0, headGap)]));
            return Spaced(head[(headGap + 1)..]);
        }

        int cut = s.LastIndexOf(' ');
        if (cut >= 0 && cut < s.Length - 1)
        {
            offset = At(kept, cut + 1, length);
            earlier = LastRun(s[..cut]);
            s = s[(cut + 1)..];
        }
        else if (cut == s.Length - 1)
        {
            s = s.TrimEnd();
            int again = s.LastIndexOf(' ');
            offset = At(kept, again + 1, length);
            earlier = again >= 0 ? LastRun(s[..again]) : "";
            s = again >= 0 ? s[(again + 1)..] : s;
        }

        earlier = Spaced(earlier);
        return Spaced(s);
    }

    /// <summary>Where a bracket of at most <see cref="MaxAside"/> Han characters closes before the end, a Han character after it.</summary>
    private int? HanAsideEnd(int open, int end)
    {
        for (int k = open + 1; k < end && k <= open + MaxAside + 1; k++)
        {
            char c = _text[k];
            if (c is '）' or ')')
            {
                return k > open + 1 && k + 1 < end && TextClasses.IsHan(_text[k + 1]) ? k : null;
            }

            if (!TextClasses.IsHan(c))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The most characters an aside in brackets inside a measure holds (即輸出減輸入, 未經審核).</summary>
    private const int MaxAside = 8;

    /// <summary>
    /// Where the bracket opened at <paramref name="open"/> closes, when it holds only Latin letters, digits, dots and spaces
    /// (1234, 0700.HK, TSLA) and opens right after a company's name; null otherwise.
    /// </summary>
    private int? CodeAfterCompany(int open)
    {
        bool afterCompany = false;
        foreach (var m in doc.MentionsWithin(Math.Max(0, open - 32), open))
        {
            afterCompany |= m.View.End == open && m.Type == EntityType.Company;
        }

        if (!afterCompany)
        {
            return null;
        }

        for (int k = open + 1; k < _text.Length && k - open <= 16; k++)
        {
            char c = _text[k];
            if (c is '）' or ')')
            {
                return k - open > 1 ? k : null;
            }

            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or ' '))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>A character of private use stands for a space inside a Latin name while the phrase is cut into runs at spaces.</summary>
    private const char NameSpace = '\uE000';

    private static string Spaced(string words) => words.Contains(NameSpace, StringComparison.Ordinal) ? words.Replace(NameSpace, ' ') : words;

    /// <summary>Where character <paramref name="i"/> of the phrase stands after its start; past the end, the length.</summary>
    private static int At(ReadOnlySpan<int> kept, int i, int length) => i < kept.Length ? kept[i] : length;

    private static string LastRun(string words)
    {
        words = words.TrimEnd();
        return words[(words.LastIndexOf(' ') + 1)..];
    }

    /// <summary>Trims stating verbs at the end and connectives and reference words at the start, then marks.</summary>
    public string TrimEnds(string s)
    {
        var trimmed = TrimEnds(s.AsSpan());
        return trimmed.Length == s.Length ? s : trimmed.ToString();
    }

    private ReadOnlySpan<char> TrimEnds(ReadOnlySpan<char> s)
    {
        // the longest word at each end, as trying the lists longest first finds it, until neither end has one
        int start = 0, end = s.Length;
        bool changed = true;
        while (changed && end > start)
        {
            changed = false;
            int cut = _data.TrimAtEndReversed.LongestMatchBackward(s.Slice(start, end - start), end - start, out _);
            if (cut > 0 && EndsAWord(s.Slice(start, end - start), cut))
            {
                end -= cut;
                changed = true;
            }

            int lead = end > start ? _data.TrimAtStartTrie.LongestMatch(s.Slice(start, end - start), 0, out _) : 0;
            if (lead > 0)
            {
                start += lead;
                changed = true;
            }
        }

        return s.Slice(start, end - start).Trim(Punctuation.PhraseTrim);
    }

    /// <summary>
    /// True when the last <paramref name="length"/> characters of the words are a word of their own, as the word dictionary
    /// segments the end of the words: 共 and 约 end 产量共 and 规模约, not 一般公共 or 合约.
    /// </summary>
    private bool EndsAWord(ReadOnlySpan<char> words, int length)
    {
        if (doc.Words is not { } dictionary || length >= words.Length)
        {
            return true;
        }

        // a few characters before the word are enough to tell whether it is glued to them
        var window = words[Math.Max(0, words.Length - length - 4)..];
        Span<int> cuts = stackalloc int[window.Length + 1];
        int count = dictionary.Segment(window, cuts);
        return cuts[..count].IndexOf(window.Length - length) >= 0;
    }

    /// <summary>
    /// 政府料经济, 政府预测经济: a word saying what kind of statement the figure is (料, 预测, 计划; facts/statement-cues.tsv)
    /// stands between who says it and what is measured, so the measure starts after the last one. Kept whole where
    /// what follows the word names no measure, or where the word is part of a measure the thesaurus knows (预期寿命).
    /// </summary>
    public string AfterStatement(string phrase)
    {
        if (phrase.Length < 3 || !_data.StatusCueWords.AnyIn(phrase))
        {
            return phrase;
        }

        int cut = -1, cueStart = -1;
        foreach (var cue in _data.StatusCues)
        {
            int at = phrase.LastIndexOf(cue.Word, StringComparison.Ordinal);
            if (at >= 0 && (at == 0 || !cue.NotAfter.Contains(phrase[at - 1], StringComparison.Ordinal)) && at + cue.Word.Length > cut)
            {
                (cut, cueStart) = (at + cue.Word.Length, at);
            }
        }

        if (cut < 0 || phrase.Length - cut < 2 || !NamesMeasure(phrase.AsSpan(cut)))
        {
            return phrase; // 增长目标订于, 本来预计高达: what follows the word is no measure
        }

        for (int k = 0; k <= cueStart; k++)
        {
            for (int e = cut; e <= phrase.Length; e++)
            {
                if (_data.Vocabulary.Knows(phrase[k..e]))
                {
                    return phrase; // 预期寿命: the word is the measure's own
                }
            }
        }

        return phrase[cut..];
    }

    /// <summary>A measure the thesaurus knows (经济), or words ending as a measure does (采购金额).</summary>
    private bool NamesMeasure(ReadOnlySpan<char> words)
    {
        if (_data.Vocabulary.Knows(words.ToString()))
        {
            return true;
        }

        foreach (var ending in _data.MeasureEndings)
        {
            if (words.EndsWith(ending, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
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
