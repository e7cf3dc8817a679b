namespace Anvil.Core.Quantities;

/// <summary>
/// Shared by the quantity and period recognisers: when is a two-digit number before 年 a year (Hong Kong
/// and Taiwan usage: 由23年平均每日成交金额 = 2023, 23年上半年, 08年金融海啸) rather than a duration
/// (长达23年, 23年来)?
/// </summary>
internal static class YearHeuristics
{
    /// <summary>
    /// A two-digit year: written with a leading zero (08年), after a word that introduces a point in time
    /// (由23年, 在23年), or followed by a part of a year (23年3月, 23年上半年, 23年底, 23年第一季).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="numberStart">Start of the two digits.</param>
    /// <param name="afterYear">Index just after 年.</param>
    /// <param name="lex">Numerals and character folding.</param>
    public static bool IsShortYear(string text, int numberStart, int afterYear, QuantityLexicon lex)
    {
        var fold = lex.Fold;
        char before = numberStart > 0 ? fold[text[numberStart - 1]] : '\0';
        if (before is >= '0' and <= '9' || before is '.' or ',')
        {
            return false; // the tail of a longer number
        }

        return fold[text[numberStart]] == '0' || IsShortYearContext(text, numberStart, afterYear, fold)
            || IsFollowedByYearPart(text, afterYear, lex);
    }

    /// <param name="text">The text.</param>
    /// <param name="numberStart">Start of the two digits.</param>
    /// <param name="afterYear">Index just after 年.</param>
    /// <param name="fold">Character folding.</param>
    public static bool IsShortYearContext(string text, int numberStart, int afterYear, CharFold fold)
    {
        char before = numberStart > 0 ? fold[text[numberStart - 1]] : '\0';
        if (before is not ('由' or '在' or '于' or '从' or '自' or '到' or '至' or '\'' or '’' or '‘'))
        {
            return false;
        }

        char after = afterYear < text.Length ? fold[text[afterYear]] : '\0';
        return after is not ('来' or '以' or '间' or '内' or '多' or '半' or '时' or '的' or '前' or '后' or '里' or '之'
            or '期' or '左' or '才' or '就' or '中');
    }

    /// <summary>
    /// A year of Taiwan's calendar (民国112年 = 2023): three digits from 100 after 民国, or before a part of the
    /// year (112年3月, 112年度); the Gregorian year, or 0 when it is none.
    /// </summary>
    public static int RocYear(string text, int numberStart, int value, int afterYear, QuantityLexicon lex)
    {
        if (value is < 100 or > 199)
        {
            return 0;
        }

        foreach (var era in lex.RocEra)
        {
            if (EndsWith(text, numberStart, era, lex.Fold))
            {
                return 1911 + value;
            }
        }

        return IsFollowedByYearPart(text, afterYear, lex) ? 1911 + value : 0;
    }

    /// <summary>A month, quarter, half or end of the year follows N年: 3月, 十二月, 一季度, 上半年, 底, 第二季, Q1.</summary>
    public static bool IsFollowedByYearPart(string text, int p, QuantityLexicon lex)
    {
        var fold = lex.Fold;
        char F(int k) => k < text.Length ? fold[text[k]] : '\0';
        char next = F(p);
        if (next is '度' or '底' or '末' || ((next is '上' or '下') && F(p + 1) == '半') || (next == '全' && F(p + 1) == '年')
            || (next == '首' && F(p + 1) == '季'))
        {
            return true;
        }

        if (next == '第')
        {
            p++; // 23年第二季; not 连续10年第一
        }

        if ((next is 'Q' or 'H') && F(p + 1) is >= '1' and <= '4')
        {
            return true;
        }

        int k = p;
        while (k < p + 3 && (F(k) is >= '0' and <= '9' || lex.NumeralKindOf(F(k)) == NumeralKind.Digit || F(k) == '十'))
        {
            k++;
        }

        return k > p && F(k) is '月' or '季';
    }

    private static bool EndsWith(string text, int end, string folded, CharFold fold)
    {
        if (end < folded.Length)
        {
            return false;
        }

        for (int k = 0; k < folded.Length; k++)
        {
            if (fold[text[end - folded.Length + k]] != folded[k])
            {
                return false;
            }
        }

        return true;
    }
}
