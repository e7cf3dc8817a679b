namespace Anvil.Core.Quantities;

/// <summary>A number read at one position of the text (the "find" half: no unit, no context yet).</summary>
internal struct ParsedNumber
{
    /// <summary>Start of the numeral.</summary>
    public int Start;

    /// <summary>End of the numeral, after magnitude words (万, 亿, 千 after digits) and an inner 多/余.</summary>
    public int End;

    /// <summary>End of the number proper, before a trailing magnitude run or 多: 3600|亿, 6600|多万, 三千六百|.</summary>
    public int DigitsEnd;

    /// <summary>Start of the trailing magnitude run (亿 in 3600亿, 千亿 in 2千亿); <see cref="End"/> when none.</summary>
    public int MagnitudeStart;

    public decimal Value;

    /// <summary>The product of the trailing magnitude run (1e8 for 亿), 1 when there is none.</summary>
    public decimal TrailingMagnitude;

    /// <summary>Written with Arabic digits (possibly followed by Chinese magnitudes: 4.5万亿).</summary>
    public bool IsArabic;

    /// <summary>Number of Arabic digits before the decimal point.</summary>
    public int IntegerDigits;

    public bool HasDecimal;

    /// <summary>A 万 or 亿 is part of the number.</summary>
    public bool HasBigMagnitude;

    /// <summary>At least one digit is written (千亿 and 万 have none).</summary>
    public bool HasDigit;

    /// <summary>Chinese digits written one by one, as in years: 二〇二四.</summary>
    public bool IsDigitString;

    /// <summary>Exactly the character 一: before a classifier it is an article (一家公司), not a count.</summary>
    public bool IsLoneOne;

    /// <summary>多, 余, 几 or 数 inside the number: more than the value (1600多, 十几, 数百).</summary>
    public bool More;

    /// <summary>Two neighbouring digits (三四家, 七八成): about the first.</summary>
    public bool Approx;

    /// <summary>Looks like a number but is none (too many digits, a version number 1.2.3).</summary>
    public bool Invalid;
}

/// <summary>
/// Reads Arabic numbers (thousands separators, decimals), Chinese numerals (三千六百, 一百零五, 二〇二四,
/// 十几, 数百) and mixtures (4.5万亿, 2千亿). A hand-written scanner over folded characters: no regex,
/// no allocation. Values are <see cref="decimal"/> so 5.11万 is exactly 51100.
/// </summary>
internal static class NumberParser
{
    private const int MaxDigits = 22;

    public static bool IsAsciiDigit(char c) => c is >= '0' and <= '9';

    /// <summary>True when a number may start with this folded character.</summary>
    public static bool CanStart(char folded, QuantityLexicon lex) =>
        IsAsciiDigit(folded) || lex.NumeralKindOf(folded) != NumeralKind.None || folded is '几' or '数';

    public static bool TryParse(string text, int start, QuantityLexicon lex, out ParsedNumber n)
    {
        n = default;
        n.Start = start;
        n.TrailingMagnitude = 1;
        if (start >= text.Length)
        {
            return false;
        }

        var fold = lex.Fold;
        char c0 = fold[text[start]];
        try
        {
            return IsAsciiDigit(c0) ? ParseArabic(text, start, lex, ref n) : ParseChinese(text, start, lex, ref n);
        }
        catch (OverflowException)
        {
            // 亿亿亿亿, 1,000,000,…: past decimal's 7.9e28, which no figure reaches; the whole numeral is skipped
            int end = start;
            while (end < text.Length && (IsAsciiDigit(fold[text[end]]) || fold[text[end]] is ',' or '.' or '多' or '余'
                || lex.NumeralKindOf(fold[text[end]]) != NumeralKind.None))
            {
                end++;
            }

            n = default;
            n.Start = start;
            n.End = n.DigitsEnd = n.MagnitudeStart = Math.Max(end, start + 1);
            n.TrailingMagnitude = 1;
            n.Invalid = true;
            return true;
        }
    }

    private static bool ParseArabic(string text, int start, QuantityLexicon lex, ref ParsedNumber n)
    {
        var fold = lex.Fold;
        int j = start;
        decimal value = 0;
        int digits = 0;
        while (j < text.Length && IsAsciiDigit(fold[text[j]]))
        {
            if (digits < MaxDigits)
            {
                value = (value * 10) + (fold[text[j]] - '0');
            }

            digits++;
            j++;
        }

        // thousands separators: 1,100万 and 52,130亿 (exactly three digits per group)
        if (digits <= 3)
        {
            while (j < text.Length && fold[text[j]] == ',' && IsGroup(text, j + 1, fold))
            {
                for (int k = 1; k <= 3; k++)
                {
                    value = (value * 10) + (fold[text[j + k]] - '0');
                }

                digits += 3;
                j += 4;
            }
        }

        n.IntegerDigits = digits;
        n.IsArabic = true;
        n.HasDigit = true;
        if (digits > MaxDigits)
        {
            n.Invalid = true;
        }

        if (j + 1 < text.Length && fold[text[j]] == '.' && IsAsciiDigit(fold[text[j + 1]]))
        {
            j++;
            decimal scale = 0.1m;
            int fractionDigits = 0;
            while (j < text.Length && IsAsciiDigit(fold[text[j]]))
            {
                if (fractionDigits < 12)
                {
                    value += (fold[text[j]] - '0') * scale;
                    scale /= 10;
                }

                fractionDigits++;
                j++;
            }

            n.HasDecimal = true;

            // 1.2.3 is a version, not a number
            if (j + 1 < text.Length && fold[text[j]] == '.' && IsAsciiDigit(fold[text[j + 1]]))
            {
                n.Invalid = true;
                while (j < text.Length && (IsAsciiDigit(fold[text[j]]) || fold[text[j]] == '.'))
                {
                    j++;
                }
            }
        }

        n.DigitsEnd = j;
        n.End = j;
        n.MagnitudeStart = j;
        n.Value = value;
        if (n.Invalid)
        {
            return true;
        }

        // Chinese magnitudes after the digits: 3600亿, 4.5万亿, 2千亿, 1600多家, 6600多万
        decimal section = 0, total = 0, number = value, lastBig = 0, run = 1;
        int runStart = -1;
        bool sawUnit = false, endsWithBig = false;
        while (j < text.Length)
        {
            char c = fold[text[j]];
            var kind = lex.NumeralKindOf(c);

            // 42.98 万元, 9 万辆: text from HTML or PDF often spaces the digits off their magnitude
            if (!sawUnit && !n.More && IsGap(c) && OpensMagnitude(text, j + 1, lex))
            {
                j++;
                continue;
            }

            if (kind is NumeralKind.Small or NumeralKind.Big)
            {
                if (StartsLongUnit(text, j, lex))
                {
                    break;
                }

                decimal u = lex.NumeralValueOf(c);
                if (runStart < 0)
                {
                    runStart = j;
                }

                run *= u;
                if (kind == NumeralKind.Small)
                {
                    section += number * u;
                    number = 0;
                }
                else
                {
                    decimal group = section + number;
                    total = u > lastBig ? (total + group) * u : total + (group * u);
                    section = 0;
                    number = 0;
                    lastBig = u;
                    n.HasBigMagnitude = true;
                }

                sawUnit = true;
                endsWithBig = kind == NumeralKind.Big;
                j++;
                continue;
            }

            if ((c is '多' or '余') && !n.More && j + 1 < text.Length
                && lex.NumeralKindOf(fold[text[j + 1]]) is NumeralKind.Small or NumeralKind.Big
                && !StartsLongUnit(text, j + 1, lex))
            {
                // 6600多万, 15多亿: the magnitude run starts after 多
                n.More = true;
                if (runStart < 0)
                {
                    n.DigitsEnd = j;
                }

                j++;
                continue;
            }

            break;
        }

        if (sawUnit)
        {
            n.Value = total + section + number;
            n.MagnitudeStart = runStart;
            n.TrailingMagnitude = run;
            n.End = j;
            if (n.DigitsEnd > runStart)
            {
                n.DigitsEnd = runStart;
            }

            // 14萬4000張, 1億2300萬人, 43兆4428.26億元: a smaller number written on after a 万, 亿 or 兆 adds to it
            if (endsWithBig && !n.More && !n.HasDecimal && j < text.Length && IsAsciiDigit(fold[text[j]])
                && TryParse(text, j, lex, out var rest) && !rest.Invalid && !rest.More && rest.Value > 0 && rest.Value < run
                && !EndsInDate(text, rest.End, fold))
            {
                n.Value += rest.Value;
                n.End = rest.End;
                n.DigitsEnd = rest.DigitsEnd;
                n.MagnitudeStart = rest.MagnitudeStart;
                n.TrailingMagnitude = rest.TrailingMagnitude;
                n.HasDecimal = rest.HasDecimal;
            }
        }

        return true;
    }

    private static bool IsGap(char folded) => folded is ' ' or '\t' or '\n';

    /// <summary>
    /// 万, 亿, 兆 or 千亿 starts here (not the 千 of 千瓦, not 千家), and a unit, a hedge or no Chinese word follows
    /// it: 42.98 万元, 5 万以上, but not 第3 万科 (a name after a number).
    /// </summary>
    private static bool OpensMagnitude(string text, int j, QuantityLexicon lex)
    {
        if (j >= text.Length || StartsLongUnit(text, j, lex))
        {
            return false;
        }

        var fold = lex.Fold;
        var kind = lex.NumeralKindOf(fold[text[j]]);
        int after = kind == NumeralKind.Big ? j + 1
            : kind == NumeralKind.Small && j + 1 < text.Length && lex.NumeralKindOf(fold[text[j + 1]]) == NumeralKind.Big ? j + 2
            : -1;
        if (after < 0 || after >= text.Length)
        {
            return after >= 0;
        }

        char next = fold[text[after]];
        return next is not ((>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF'))
            || lex.Units.Longest(text, after, fold, out _) > 0
            || lex.MidQualifiers.Longest(text, after, fold, out _) > 0 || lex.PostQualifiers.Longest(text, after, fold, out _) > 0;
    }

    /// <summary>The number is a year, month, day or time (1万2023年 is no 12023).</summary>
    private static bool EndsInDate(string text, int end, CharFold fold) =>
        end < text.Length && fold[text[end]] is '年' or '月' or '日' or '号' or ':' or '-' or '/';

    private static bool IsGroup(string text, int p, CharFold fold)
    {
        if (p + 3 > text.Length)
        {
            return false;
        }

        for (int k = 0; k < 3; k++)
        {
            if (!IsAsciiDigit(fold[text[p + k]]))
            {
                return false;
            }
        }

        return p + 3 == text.Length || !IsAsciiDigit(fold[text[p + 3]]);
    }

    /// <summary>A unit of two or more characters starts here (千瓦, 千米, 百分点): the 千 is not a magnitude.</summary>
    private static bool StartsLongUnit(string text, int j, QuantityLexicon lex) =>
        lex.Units.Longest(text, j, lex.Fold, out _) >= 2;

    private static bool ParseChinese(string text, int start, QuantityLexicon lex, ref ParsedNumber n)
    {
        var fold = lex.Fold;
        int j = start;

        // 数十, 数百万: 数 only before a multiplier
        char first = fold[text[j]];
        if (first == '数' && (j + 1 >= text.Length || lex.NumeralKindOf(fold[text[j + 1]]) is not (NumeralKind.Small or NumeralKind.Big)))
        {
            return false;
        }

        // digit strings (二〇二四) and neighbouring digits (三四家, 七八成)
        if (lex.NumeralKindOf(first) == NumeralKind.Digit && j + 1 < text.Length
            && lex.NumeralKindOf(fold[text[j + 1]]) == NumeralKind.Digit)
        {
            long d1 = lex.NumeralValueOf(first), d2 = lex.NumeralValueOf(fold[text[j + 1]]);
            bool third = j + 2 < text.Length && lex.NumeralKindOf(fold[text[j + 2]]) == NumeralKind.Digit;
            if (d1 != 0 && d2 == d1 + 1 && !third)
            {
                n.Approx = true;
                return ParseChineseFrom(text, j + 2, lex, ref n, d1, hasNumber: true, digitSeen: true);
            }

            decimal v = 0;
            int count = 0;
            while (j < text.Length && lex.NumeralKindOf(fold[text[j]]) == NumeralKind.Digit)
            {
                if (count < MaxDigits)
                {
                    v = (v * 10) + lex.NumeralValueOf(fold[text[j]]);
                }

                count++;
                j++;
            }

            n.Value = v;
            n.IsDigitString = true;
            n.HasDigit = true;
            n.End = n.DigitsEnd = n.MagnitudeStart = j;
            n.Invalid = count > MaxDigits;
            return true;
        }

        return ParseChineseFrom(text, j, lex, ref n, 0, hasNumber: false, digitSeen: false);
    }

    private static bool ParseChineseFrom(string text, int j, QuantityLexicon lex, ref ParsedNumber n,
        decimal number, bool hasNumber, bool digitSeen)
    {
        var fold = lex.Fold;
        int start = n.Start;
        decimal total = 0, section = 0, lastBig = 0, lastUnit = 0, run = 1;
        bool lastWasDigit = hasNumber, zeroGap = false, decimalSeen = false, sawUnit = false, trailingDigit = false;
        int runStart = -1, moreAt = -1;
        int consumedChars = j - start;

        while (j < text.Length)
        {
            char c = fold[text[j]];
            var kind = lex.NumeralKindOf(c);
            if (kind == NumeralKind.Digit)
            {
                long d = lex.NumeralValueOf(c);
                if (lastWasDigit)
                {
                    break; // 十四五: a second digit after a digit starts a new number
                }

                if (d == 0)
                {
                    if (!sawUnit && !hasNumber)
                    {
                        number = 0;
                        hasNumber = true;
                        lastWasDigit = true;
                    }
                    else
                    {
                        zeroGap = true;
                    }
                }
                else
                {
                    number = d;
                    hasNumber = true;
                    lastWasDigit = true;
                    trailingDigit = sawUnit && !zeroGap;
                }

                digitSeen = true;
                runStart = -1;
                run = 1;
                j++;
                continue;
            }

            if (c == '几' || (c == '数' && j == start))
            {
                if (lastWasDigit)
                {
                    break;
                }

                // 几十 = 10 and more; 十几 = 10 and more
                number = sawUnit ? 0 : 1;
                hasNumber = true;
                lastWasDigit = true;
                n.More = true;
                runStart = -1;
                run = 1;
                j++;
                continue;
            }

            if (kind is NumeralKind.Small or NumeralKind.Big)
            {
                if (StartsLongUnit(text, j, lex))
                {
                    break;
                }

                decimal u = lex.NumeralValueOf(c);
                if (kind == NumeralKind.Small)
                {
                    section += (hasNumber ? number : 1) * u; // 十 = 10, 一千零十 = 1010
                    runStart = -1;
                    run = 1;
                }
                else
                {
                    decimal group = section + (hasNumber ? number : 0);
                    if (group == 0 && total == 0)
                    {
                        group = 1; // 万 and 亿 alone
                    }

                    total = u > lastBig ? (total + group) * u : total + (group * u);
                    section = 0;
                    lastBig = u;
                    n.HasBigMagnitude = true;
                    if (runStart < 0)
                    {
                        runStart = j;
                    }

                    run *= u;
                }

                number = 0;
                hasNumber = false;
                lastWasDigit = false;
                lastUnit = u;
                zeroGap = false;
                trailingDigit = false;
                sawUnit = true;
                j++;
                continue;
            }

            if (c == '点' && !decimalSeen && hasNumber && lastWasDigit && j + 1 < text.Length && fold[text[j + 1]] == '几')
            {
                // 百分之二点几: two and a bit
                n.More = true;
                decimalSeen = true;
                j += 2;
                break;
            }

            // 二点五, and 二.二一 as Taiwan papers write decimals in Chinese digits
            if ((c is '点' or '.') && !decimalSeen && hasNumber && lastWasDigit && j + 1 < text.Length
                && lex.NumeralKindOf(fold[text[j + 1]]) == NumeralKind.Digit)
            {
                j++;
                decimal scale = 0.1m;
                while (j < text.Length && lex.NumeralKindOf(fold[text[j]]) == NumeralKind.Digit)
                {
                    number += lex.NumeralValueOf(fold[text[j]]) * scale;
                    scale /= 10;
                    j++;
                }

                decimalSeen = true;
                n.HasDecimal = true;
                trailingDigit = false;
                continue;
            }

            if ((c is '多' or '余') && (sawUnit || hasNumber) && moreAt < 0)
            {
                // 十多万, 千余家, 二十多个: the numeral goes on only if a multiplier follows
                n.More = true;
                moreAt = j;
                j++;
                if (j < text.Length && lex.NumeralKindOf(fold[text[j]]) is NumeralKind.Small or NumeralKind.Big
                    && !StartsLongUnit(text, j, lex))
                {
                    lastWasDigit = false;
                    continue;
                }

                break;
            }

            break;
        }

        int end = j;
        consumedChars = end - start;
        if (consumedChars == 0 || (!sawUnit && !hasNumber))
        {
            return false;
        }

        char only = fold[text[start]];
        if (consumedChars == 1 && (lex.IsFormal(only) || only is '几' or '零' or '〇'))
        {
            return false; // 大陆, 队伍, 几个, 零部件: a lone financial numeral, 几 or 零 is a word
        }

        decimal tail = hasNumber ? number : 0;
        if (trailingDigit && lastUnit >= 10 && tail is > 0 and < 10 && !decimalSeen)
        {
            tail *= lastUnit / 10; // 一万五 = 15000, 三千五 = 3500
        }

        n.Value = total + section + tail;
        n.HasDigit = digitSeen;
        n.IsLoneOne = consumedChars == 1 && only == '一';
        n.End = end;
        n.MagnitudeStart = runStart >= 0 ? runStart : end;
        n.TrailingMagnitude = runStart >= 0 ? run : 1;
        n.DigitsEnd = moreAt >= 0 && (runStart < 0 || moreAt < runStart) ? moreAt : n.MagnitudeStart;
        if (n.DigitsEnd == start)
        {
            n.DigitsEnd = n.MagnitudeStart = end; // 万 alone: the whole numeral is the number
        }

        return true;
    }
}
