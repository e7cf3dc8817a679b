using System.Globalization;
using Anvil.Core.Documents;
using Anvil.Core.Lexicons;
using Anvil.Core.Quantities;

namespace Anvil.Core.Periods;

/// <summary>
/// Finds time periods in match-view text and resolves them to the spec's forms: 2024年 → 2024,
/// 2023年7月 → 2023-07, 上半年 → YYYY-H1, 一季度 → YYYY-Q1, 前三季度 → YYYY-01/YYYY-09,
/// 1-7月 → YYYY-01/YYYY-07, 截至6月30日 → YYYY-06-30, 去年 → docYear-1, 十四五 → 2021-01/2025-12,
/// 2013-14年度 → 2013.
/// </summary>
/// <remarks>
/// <para>A month, quarter or half without a year takes the year of the nearest preceding mention that
/// writes one (2023年…, or 今年), else the document date's year (<see cref="PeriodMention.IsYearInferred"/>).
/// Relative words (今年, 去年, 上月, 今日, 下年度) resolve against the document date and set
/// <see cref="PeriodMention.IsRelative"/>; without a date their value is null.</para>
/// <para>Mentions inside 《》 titles are skipped. A hand-written scanner with tries from
/// <see cref="PeriodLexicon"/>; thread-safe after construction.</para>
/// </remarks>
public sealed class PeriodRecognizer
{
    private static readonly Lazy<PeriodRecognizer> LazyDefault = new(() => new PeriodRecognizer());

    private readonly PeriodLexicon _lex;
    private readonly CharSet _reactsTo;

    public PeriodRecognizer(PeriodLexicon? lexicon = null)
    {
        _lex = lexicon ?? PeriodLexicon.Default;
        _reactsTo = new CharSet();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (Scanner.Reacts(_lex.Fold[(char)c], _lex))
            {
                _reactsTo.Add((char)c);
            }
        }
    }

    public static PeriodRecognizer Default => LazyDefault.Value;

    /// <summary>The periods of a match-view text, in text order, with spans in view coordinates.</summary>
    public IReadOnlyList<PeriodMention> Find(string viewText, DateOnly? documentDate)
    {
        ArgumentNullException.ThrowIfNull(viewText);
        var scanner = new Scanner(_lex, viewText, documentDate, _reactsTo);
        scanner.Run();

        // 去年 against --date 0001-06-01 is year 0, 下年度 against 9999-12-31 year 10000: no ISO year, so unresolved
        var found = scanner.Found;
        for (int k = 0; k < found.Count; k++)
        {
            if (found[k].Value is { } value && !InCalendar(value))
            {
                found[k] = found[k] with { Value = null };
            }
        }

        return found;
    }

    /// <summary>True when every year in a period string is a four-digit year from 0001 to 9999.</summary>
    private static bool InCalendar(string period)
    {
        foreach (var part in period.Split('/'))
        {
            int dash = part.IndexOf('-', StringComparison.Ordinal);
            var year = dash < 0 ? part.AsSpan() : part.AsSpan(0, dash);
            if (year.Length != 4 || !int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out int y) || y < 1)
            {
                return false;
            }
        }

        return true;
    }

    private enum YearKind
    {
        None,
        Explicit,
        Doc,
        Context,
        Fiscal,
        Range,
    }

    private enum PartKind
    {
        None,
        Year,
        Half,
        Quarter,
        QuartersToDate,
        Month,
        MonthRange,
        MonthsToDate,
        Day,
        DayOnly,
    }

    private struct YearSpec
    {
        public YearKind Kind;
        public int Value;   // the year, or an offset for Doc/Context/Fiscal
        public int Year2;   // last year of a Range
        public int End;
        public PartSpec Inline; // 2023-07-28 carries its own day
        public bool Minguo;     // written in Taiwan's calendar (民国112年, 112年度)
    }

    private struct PartSpec
    {
        public PartKind Kind;
        public int A;
        public int B;
        public int End;
        public bool IsEnd; // 6月底, 年末, 一季度末: as an "as at" point, the last day of the part
    }

    private sealed class Scanner
    {
        private readonly PeriodLexicon _lex;
        private readonly CharSet _reactsTo;
        private readonly QuantityLexicon _num;
        private readonly CharFold _fold;
        private readonly string _text;
        private readonly DateOnly? _date;
        private readonly bool _budgetText;
        private int? _anchorYear;
        private bool _anchorIsDocYear;

        // whether the anchor year's mention opens its clause (2019年，… sets the time of what follows; 到2019年初提高 dates
        // its own clause), and whether a line break has come since: a bare month in a later paragraph of a dated text
        // takes the anchor only when it frames
        private bool _anchorFrames;
        private bool _paragraphSinceAnchor;
        private (int Year, int Month, bool Relative)? _lastMonth;
        private PeriodMention? _governing;

        public Scanner(PeriodLexicon lex, string text, DateOnly? date, CharSet reactsTo)
        {
            _reactsTo = reactsTo;
            _lex = lex;
            _num = lex.Numerals;
            _fold = lex.Fold;
            _text = text;
            _date = date;
            foreach (var word in lex.FiscalTexts)
            {
                _budgetText |= text.Contains(word, StringComparison.Ordinal);
            }
        }

        public List<PeriodMention> Found { get; } = [];

        /// <summary>
        /// Whether <see cref="Run"/> does more at this (folded) character than step past it: keep in step with Run. Most
        /// characters of a text are none of these, and one look in a bit map of them is all they cost.
        /// </summary>
        public static bool Reacts(char c, PeriodLexicon lex) =>
            c is '《' or '〈' or '》' or '〉' or '\n' or '。' or '第' or '前' or '首' or '过'
            || IsAsciiLetter(c) || IsDigit(c) || lex.Numerals.NumeralKindOf(c) != NumeralKind.None || lex.IsWordStart(c);

        public void Run()
        {
            int i = 0;
            int titleDepth = 0;
            while (i < _text.Length)
            {
                if (!_reactsTo.Contains(_text[i]))
                {
                    i++;
                    continue;
                }

                char c = F(i);
                switch (c)
                {
                    case '《' or '〈':
                        titleDepth++;
                        i++;
                        continue;
                    case '》' or '〉':
                        titleDepth = Math.Max(0, titleDepth - 1);
                        i++;
                        continue;
                    case '\n' or '。':
                        titleDepth = 0;
                        _paragraphSinceAnchor |= c == '\n';
                        i++;
                        continue;
                }

                if (titleDepth > 0)
                {
                    i++;
                    continue;
                }

                if (IsAsciiLetter(c))
                {
                    if ((c is 'Q' or 'H' || (c == 'F' && F(i + 1) == 'Y')) && !IsAsciiAlnum(F(i - 1)))
                    {
                        int q = TryAt(i);
                        if (q > i)
                        {
                            i = q;
                            continue;
                        }
                    }

                    i = AsciiRunEnd(i);
                    continue;
                }

                if (IsDigit(c) && IsGlued(i))
                {
                    i = AsciiRunEnd(i);
                    continue;
                }

                if (IsDigit(c) || _num.NumeralKindOf(c) != NumeralKind.None || _lex.IsWordStart(c)
                    || c is '第' or '前' or '首' or '过')
                {
                    int next = TryAt(i);
                    i = next > i ? next : i + 1;
                    continue;
                }

                i++;
            }
        }

        private char F(int p) => p >= 0 && p < _text.Length ? _fold[_text[p]] : '\0';

        /// <summary>Reads a period at <paramref name="i"/>; returns the index after it, or <paramref name="i"/>.</summary>
        private int TryAt(int i)
        {
            // 截止9:30: an "as at" time of day is the document's day
            if (IsDigit(F(i)) && TimeOfDayEnd(i) is int timeEnd && Markers(i).AsAt)
            {
                AddRelative(i, timeEnd, ShiftDays(_date, 0), PeriodGranularity.Day);
                return timeEnd;
            }

            if (TryYearsAgo(i, out int agoEnd, out int ago))
            {
                Add(i, agoEnd, new YearSpec { Kind = YearKind.Doc, Value = -ago }, default, relative: true);
                return agoEnd;
            }

            if (TryPlan(i, out int planEnd, out int y1, out int y2))
            {
                Add(i, planEnd, new YearSpec { Kind = YearKind.Range, Value = y1, Year2 = y2 }, default, relative: false);
                return planEnd;
            }

            if (TryPastYears(i, out int pastEnd, out int years))
            {
                var spec = _date is { } d
                    ? new YearSpec { Kind = YearKind.Range, Value = d.Year - years, Year2 = d.Year - 1 }
                    : new YearSpec { Kind = YearKind.None };
                Add(i, pastEnd, spec, default, relative: true, unresolved: _date is null);
                return pastEnd;
            }

            if (TryYear(i, out var year))
            {
                var part = year.Inline;
                int end = year.End;
                // 2023 年 1-6 月: text from a PDF may space the month off its year as it spaces digits off 年
                int partStart = F(year.End) == ' ' && F(year.End - 1) == '年' && IsDigit(F(year.End + 1)) ? year.End + 1 : year.End;
                if (part.Kind == PartKind.None && year.Kind != YearKind.Range && TryPart(partStart, afterYear: true, out var after))
                {
                    part = after;
                    end = after.End;
                }

                Add(i, end, year, part, relative: year.Kind is YearKind.Doc or YearKind.Fiscal);
                return end;
            }

            int wordLength = _lex.Words.Longest(_text, i, _fold, out var word);
            if (wordLength > 0 && NotBlocked(word, i + wordLength))
            {
                switch (word.Kind)
                {
                    case PeriodWordKind.LastQuarter:
                        if (PeriodResolver.LastQuarter(_governing?.Value) is not { } quarter)
                        {
                            return i;
                        }

                        AddContext(i, i + wordLength, quarter, PeriodGranularity.Quarter);
                        return i + wordLength;
                    case PeriodWordKind.DocQuarter:
                        AddRelative(i, i + wordLength, ShiftMonths(_date, 3 * word.Offset), PeriodGranularity.Quarter);
                        return i + wordLength;
                    case PeriodWordKind.DocMonth:
                        int monthEnd = i + wordLength;
                        bool endOfMonth = F(monthEnd) is '底' or '末';
                        AddRelative(i, endOfMonth ? monthEnd + 1 : monthEnd, ShiftMonths(_date, word.Offset), PeriodGranularity.Month, endOfMonth);
                        return endOfMonth ? monthEnd + 1 : monthEnd;
                    case PeriodWordKind.DocMoment:
                        if (!Markers(i).AsAt)
                        {
                            return i; // 收盘 alone is no period; 截至收盘 is the document's day
                        }

                        AddRelative(i, i + wordLength, ShiftDays(_date, 0), PeriodGranularity.Day);
                        return i + wordLength;
                    case PeriodWordKind.DocDay:
                        AddRelative(i, i + wordLength, ShiftDays(_date, word.Offset), PeriodGranularity.Day);
                        return i + wordLength;
                    case PeriodWordKind.SamePeriod:
                        AddSamePeriod(i, i + wordLength, word.Offset);
                        return i + wordLength;
                }
            }

            if (TryPart(i, afterYear: false, out var alone))
            {
                // 全年, 年底 alone mean the year under discussion (九仓去年收入…全年收入), not the anchor
                var partYear = alone.Kind == PartKind.Year && PeriodResolver.FirstYear(_governing?.Value) is not null
                    ? new YearSpec { Kind = YearKind.Context }
                    : new YearSpec { Kind = YearKind.None };
                Add(i, alone.End, partYear, alone, relative: partYear.Kind == YearKind.Context && (_governing?.IsRelative ?? false));
                return alone.End;
            }

            return i;
        }

        // ---- years -------------------------------------------------------------------------------

        private bool TryYear(int p, out YearSpec y)
        {
            y = default;
            char c = F(p);
            if (c == 'F' && F(p + 1) == 'Y' && IsDigit(F(p + 2)))
            {
                // FY2023, FY23: a company's fiscal year, named by the year the text writes
                int e = ReadDigits(p + 2, out int fy);
                int digits = e - p - 2;
                if (IsAsciiAlnum(F(e)) || digits is not (2 or 4) || (digits == 4 && fy is < 1000 or > 2199))
                {
                    return false;
                }

                y = new YearSpec { Kind = YearKind.Explicit, Value = digits == 2 ? 2000 + fy : fy, End = e };
                return true;
            }

            if (IsDigit(c))
            {
                int j = ReadDigits(p, out int v);
                int n = j - p;
                if (n == 4 && v is >= 1000 and <= 2199)
                {
                    if (_lex.After.Longest(_text, j, _fold, out var suffix) is > 0 and var suffixLength && suffix.Kind == PeriodWordKind.FiscalSuffix
                        && F(j) != '年')
                    {
                        y = new YearSpec { Kind = YearKind.Explicit, Value = v, End = j + suffixLength }; // 2024财年
                        return true;
                    }

                    return TryFourDigitYear(p, F(j) == ' ' && F(j + 1) == '年' ? j + 1 : j, v, out y); // 2023 年
                }

                if (IsDigit(F(p - 1)) || F(p - 1) is '.' or ',')
                {
                    return false;
                }

                if (n == 3 && F(j) == '年' && YearHeuristics.RocYear(_text, p, v, j + 1, _num) is > 0 and var roc)
                {
                    int rocEnd = F(j + 1) == '度' ? j + 2 : j + 1;
                    y = new YearSpec { Kind = YearKind.Explicit, Value = roc, End = rocEnd, Minguo = true }; // 民国112年, 112年度
                    return true;
                }

                if (n != 2)
                {
                    return false;
                }

                int century = _date is { } d && v > (d.Year % 100) + 5 ? 1900 : 2000;

                // 23Q2, 23H1
                if (F(j) is 'Q' or 'H' && IsDigit(F(j + 1)) && !IsAsciiAlnum(F(j + 2)) && PartAfterLetter(F(j), F(j + 1) - '0', j + 2) is { } inline)
                {
                    y = new YearSpec { Kind = YearKind.Explicit, Value = century + v, End = j + 2, Inline = inline };
                    return true;
                }

                // 18/19年度: a fiscal year written with two-digit years takes its first year
                if (F(j) is '/' or '-' && ReadDigits(j + 1, out int v2) == j + 3 && v2 == (v + 1) % 100 && FiscalEnd(j + 3) is int fiscalEnd)
                {
                    y = new YearSpec { Kind = YearKind.Explicit, Value = century + v, End = fiscalEnd };
                    return true;
                }

                if (F(j) == '年' && YearHeuristics.IsShortYear(_text, p, j + 1, _num))
                {
                    y = new YearSpec { Kind = YearKind.Explicit, Value = century + v, End = j + 1 };
                    return true;
                }

                return false;
            }

            if (_num.NumeralKindOf(c) == NumeralKind.Digit && !IsLongNumeralRun(p)
                && NumberParser.TryParse(_text, p, _num, out var num) && num.IsDigitString
                && num.End - p == 4 && F(num.End) == '年' && num.Value is >= 1000 and <= 2199)
            {
                y = new YearSpec { Kind = YearKind.Explicit, Value = (int)num.Value, End = num.End + 1 };
                return true;
            }

            int len = _lex.Words.Longest(_text, p, _fold, out var word);
            if (len == 0 || !NotBlocked(word, p + len))
            {
                return false;
            }

            var kind = word.Kind switch
            {
                PeriodWordKind.DocYear => YearKind.Doc,
                PeriodWordKind.ContextYear => YearKind.Context,
                PeriodWordKind.Fiscal => YearKind.Fiscal,
                _ => YearKind.None,
            };
            if (kind == YearKind.None)
            {
                return false;
            }

            if (kind == YearKind.Doc && word.IsFiscalInBudget && _budgetText)
            {
                kind = YearKind.Fiscal; // 明年 in a February budget speech: the fiscal year from April
            }

            y = new YearSpec { Kind = kind, Value = word.Offset, End = p + len };
            return true;
        }

        private bool TryFourDigitYear(int p, int j, int v, out YearSpec y)
        {
            y = default;
            char c = F(j);
            if (c == '年')
            {
                if (F(j + 1) == '代')
                {
                    return false; // 1990年代
                }

                int end = j + 1;
                if (F(end) == '度')
                {
                    end++;
                }

                // 2021年至2023年: whole years from the first to the second (not 2021年至2023年6月, which ends in a month)
                if (F(end) is '至' or '到' or '-' or '~' or '—' && IsDigit(F(end + 1)))
                {
                    int k = ReadDigits(end + 1, out int last);
                    if (k - end - 1 == 4 && F(k) == '年' && last > v && last - v <= 30)
                    {
                        int rangeEnd = F(k + 1) == '度' ? k + 2 : k + 1;
                        if (!IsDigit(F(rangeEnd)) && !TryPart(rangeEnd, afterYear: true, out _))
                        {
                            y = new YearSpec { Kind = YearKind.Range, Value = v, Year2 = last, End = rangeEnd };
                            return true;
                        }
                    }
                }

                y = new YearSpec { Kind = YearKind.Explicit, Value = v, End = end };
                return true;
            }

            if (c is '-' or '/' or '.' or '~' or '—' or '至' or '到' && IsDigit(F(j + 1)))
            {
                int k = ReadDigits(j + 1, out int v2);
                int n2 = k - j - 1;

                // 2023－2025年
                if (n2 == 4 && F(k) == '年' && v2 > v && v2 - v <= 30)
                {
                    y = new YearSpec { Kind = YearKind.Range, Value = v, Year2 = v2, End = k + 1 };
                    return true;
                }

                // 2013-14年度, 2018-19财政年度: a fiscal year takes its first year
                if (n2 == 2 && v2 == (v + 1) % 100 && FiscalEnd(k) is int end)
                {
                    y = new YearSpec { Kind = YearKind.Explicit, Value = v, End = end };
                    return true;
                }

                if (c is '-' or '/' or '.' && n2 is 1 or 2 && v2 is >= 1 and <= 12)
                {
                    // 2023-07-28, 2023/7/28, 2023.7.28
                    if (F(k) == c && IsDigit(F(k + 1)))
                    {
                        int m = ReadDigits(k + 1, out int day);
                        if (m - k - 1 <= 2 && IsValidDay(v, v2, day) && !IsAsciiAlnum(F(m)))
                        {
                            y = new YearSpec
                            {
                                Kind = YearKind.Explicit, Value = v, End = m,
                                Inline = new PartSpec { Kind = PartKind.Day, A = v2, B = day, End = m },
                            };
                            return true;
                        }

                        return false;
                    }

                    // 2023-07
                    if (c == '-' && n2 == 2 && !IsAsciiAlnum(F(k)) && F(k) != '.')
                    {
                        y = new YearSpec
                        {
                            Kind = YearKind.Explicit, Value = v, End = k,
                            Inline = new PartSpec { Kind = PartKind.Month, A = v2, End = k },
                        };
                        return true;
                    }
                }

                return false;
            }

            // 2023Q1, 2023H1
            if (c is 'Q' or 'H' && IsDigit(F(j + 1)) && !IsAsciiAlnum(F(j + 2)))
            {
                int x = F(j + 1) - '0';
                if ((c == 'Q' && x is >= 1 and <= 4) || (c == 'H' && x is 1 or 2))
                {
                    y = new YearSpec
                    {
                        Kind = YearKind.Explicit, Value = v, End = j + 2,
                        Inline = new PartSpec { Kind = c == 'Q' ? PartKind.Quarter : PartKind.Half, A = x, End = j + 2 },
                    };
                    return true;
                }
            }

            return false;
        }

        // ---- parts of a year ---------------------------------------------------------------------

        private bool TryPart(int p, bool afterYear, out PartSpec part)
        {
            part = default;
            int len = _lex.Words.Longest(_text, p, _fold, out var word);
            if (len > 0 && NotBlocked(word, p + len)
                && (word.Kind == PeriodWordKind.Part || (afterYear && word.Kind == PeriodWordKind.YearSuffix)))
            {
                part = PartFromArgument(word.Argument, p + len);
                return true;
            }

            char c = F(p);
            if (c == '第' && TryNumber(p + 1, out int q, out int qe) && q is >= 1 and <= 4 && F(qe) == '季')
            {
                // 第一季度, 第4季: after 第 a bare 季 is always a quarter
                part = new PartSpec { Kind = PartKind.Quarter, A = q, End = F(qe + 1) == '度' ? qe + 2 : qe + 1 };
                return true;
            }

            if (c is '前' or '首' && TryNumber(p + 1, out int n, out int ne))
            {
                ne = SkipSpace(p + 1, ne); // 前10 月
                if (n is >= 1 and <= 4 && F(ne) == '季')
                {
                    // 前三季度, and 前3季 as Taiwan writes it
                    part = new PartSpec { Kind = PartKind.QuartersToDate, A = n, End = F(ne + 1) == '度' ? ne + 2 : ne + 1 };
                    return true;
                }

                int monthsEnd = StartsWith(ne, "个月") ? ne + 2 : F(ne) == '月' ? ne + 1 : -1;
                if (monthsEnd > 0 && n is >= 1 and <= 12)
                {
                    part = new PartSpec { Kind = PartKind.MonthsToDate, A = n, End = monthsEnd };
                    return true;
                }

                return false;
            }

            if (c is 'Q' or 'H' && !IsAsciiAlnum(F(p - 1)) && IsDigit(F(p + 1)) && !IsAsciiAlnum(F(p + 2)))
            {
                int x = F(p + 1) - '0';
                if ((c == 'Q' && x is >= 1 and <= 4) || (c == 'H' && x is 1 or 2))
                {
                    part = new PartSpec { Kind = c == 'Q' ? PartKind.Quarter : PartKind.Half, A = x, End = p + 2 };
                    return true;
                }

                return false;
            }

            if (!TryNumber(p, out int a, out int e))
            {
                return false;
            }

            e = SkipSpace(p, e); // 10 月

            // 1-7月, 1至7月
            if (IsRangeConnector(F(e)) && TryNumber(e + 1, out int b, out int be) && F(be = SkipSpace(e + 1, be)) == '月'
                && a is >= 1 and <= 12 && b > a && b <= 12)
            {
                part = new PartSpec { Kind = PartKind.MonthRange, A = a, B = b, End = MonthEnd(be + 1) };
                return true;
            }

            if (F(e) == '月' && a is >= 1 and <= 12 && F(p) != '两')
            {
                int end = MonthEnd(e + 1);

                // 1月至7月
                if (IsRangeConnector(F(end)) && TryNumber(end + 1, out int b2, out int b2e) && F(b2e) == '月' && b2 > a && b2 <= 12)
                {
                    part = new PartSpec { Kind = PartKind.MonthRange, A = a, B = b2, End = MonthEnd(b2e + 1) };
                    return true;
                }

                // 6月30日
                if (TryNumber(end, out int day, out int de) && F(de) is '日' or '号' && day is >= 1 and <= 31)
                {
                    part = new PartSpec { Kind = PartKind.Day, A = a, B = day, End = de + 1 };
                    return true;
                }

                bool monthEnd = false;
                if (StartsWith(end, "上旬") || StartsWith(end, "中旬") || StartsWith(end, "下旬"))
                {
                    end += 2;
                }
                else if (F(end) is '底' or '末' or '初')
                {
                    monthEnd = F(end) != '初';
                    end++;
                }

                part = new PartSpec { Kind = PartKind.Month, A = a, End = end, IsEnd = monthEnd };
                return true;
            }

            if (a is >= 1 and <= 4 && QuarterEnd(e) is int quarterEnd)
            {
                bool atEnd = F(quarterEnd) == '末';
                part = new PartSpec { Kind = PartKind.Quarter, A = a, End = atEnd ? quarterEnd + 1 : quarterEnd, IsEnd = atEnd };
                return true;
            }

            // 17日: a day of the month, unless it counts days (连续6日, 7日内)
            if (!afterYear && F(e) == '日' && a is >= 1 and <= 31 && F(p) != '两' && !IsDayCount(p, e + 1))
            {
                part = new PartSpec { Kind = PartKind.DayOnly, A = a, End = e + 1 };
                return true;
            }

            return false;
        }

        private static PartSpec PartFromArgument(string argument, int end) => argument switch
        {
            "Y" => new PartSpec { Kind = PartKind.Year, End = end },
            "Yend" => new PartSpec { Kind = PartKind.Year, End = end, IsEnd = true },
            "H1" or "H2" => new PartSpec { Kind = PartKind.Half, A = argument[1] - '0', End = end },
            ['Q', var q] => new PartSpec { Kind = PartKind.Quarter, A = q - '0', End = end },
            ['P', var n] => new PartSpec { Kind = PartKind.QuartersToDate, A = n - '0', End = end },
            _ => throw new InvalidDataException($"E0213: periods/words.tsv: unknown part '{argument}'"),
        };

        /// <summary>一季度, 1季度, 一季报: the end of the quarter word, or null.</summary>
        private int? QuarterEnd(int e)
        {
            if (StartsWith(e, "季度"))
            {
                return e + 2;
            }

            return F(e) == '季' && (F(e + 1) == '报' || !IsCjk(F(e + 1))) ? e + 1 : null;
        }

        private int MonthEnd(int p) => F(p) == '份' ? p + 1 : p;

        /// <summary>Q1-Q4 or H1-H2 as a part of the year, or null.</summary>
        private static PartSpec? PartAfterLetter(char letter, int x, int end) =>
            (letter == 'Q' && x is >= 1 and <= 4) || (letter == 'H' && x is 1 or 2)
                ? new PartSpec { Kind = letter == 'Q' ? PartKind.Quarter : PartKind.Half, A = x, End = end }
                : null;

        /// <summary>The end of 年, 年度, 财政年度 or 财年 after the years of a fiscal year (2018-19…), or null.</summary>
        private int? FiscalEnd(int k)
        {
            int len = _lex.After.Longest(_text, k, _fold, out var word);
            if (len > 0 && word.Kind == PeriodWordKind.FiscalSuffix)
            {
                return k + len;
            }

            return F(k) == '年' ? k + 1 : null;
        }

        /// <summary>两年前, 3年前: a year counted back from the document's (not 2000年前, which is a year).</summary>
        private bool TryYearsAgo(int p, out int end, out int years)
        {
            end = years = 0;
            if (!TryNumber(p, out years, out int e) || years is < 1 or > 50 || F(e) != '年' || F(e + 1) != '前'
                || F(e + 2) == '后' || (IsDigit(F(p)) && e - p > 2))
            {
                return false;
            }

            end = e + 2;
            return true;
        }

        /// <summary>9:30, 15:00: the end of a time of day at p, or null.</summary>
        private int? TimeOfDayEnd(int p)
        {
            int j = ReadDigits(p, out int hour);
            if (j - p is < 1 or > 2 || hour > 24 || F(j) != ':')
            {
                return null;
            }

            int k = ReadDigits(j + 1, out int minute);
            return k - j - 1 == 2 && minute < 60 && !IsDigit(F(k)) ? k : null;
        }

        /// <summary>十四五 (the 14th five-year plan, 2021-2025) and 第十四个五年规划.</summary>
        private bool TryPlan(int p, out int end, out int first, out int last)
        {
            end = first = last = 0;
            int n = 0;
            if (F(p) == '十' && _num.NumeralKindOf(F(p + 1)) == NumeralKind.Digit && F(p + 2) == '五')
            {
                int d = (int)_num.NumeralValueOf(F(p + 1));
                char next = F(p + 3);
                bool standsAlone = !IsCjk(next) || next is '规' or '时' or '期' or '末' or '初' or '以' or '中' or '开' or '收' or '的' or '是' or '前';
                if (d is < 1 or > 9 || !standsAlone || _num.NumeralKindOf(F(p - 1)) != NumeralKind.None)
                {
                    return false;
                }

                n = 10 + d;
                end = p + 3;
            }
            else if (F(p) == '第' && TryNumber(p + 1, out int k, out int ke) && StartsWith(ke, "个五年"))
            {
                n = k;
                end = ke + 3;
                if (StartsWith(end, "规划"))
                {
                    end += 2;
                }
            }

            if (n < 3)
            {
                return false;
            }

            first = 1966 + (5 * (n - 3)); // the 3rd plan ran 1966-1970, each later one five years
            last = first + 4;
            return true;
        }

        /// <summary>过去五年, 过去3年: the years before the document's (过去一年 is a word).</summary>
        private bool TryPastYears(int p, out int end, out int years)
        {
            end = years = 0;
            if (!StartsWith(p, "过去"))
            {
                return false;
            }

            int q = p + 2;
            if (F(q) == '的')
            {
                q++;
            }

            if (!TryNumber(q, out years, out int e) || years < 2 || years > 50 || F(e) != '年')
            {
                return false;
            }

            end = e + 1;
            return true;
        }

        // ---- building mentions ---------------------------------------------------------------------

        private void Add(int start, int end, YearSpec y, PartSpec part, bool relative, bool unresolved = false)
        {
            int? year;
            bool inferred = false, explicitYear = false;
            switch (y.Kind)
            {
                case YearKind.Explicit:
                    year = y.Value;
                    explicitYear = true;
                    break;
                case YearKind.Range:
                    year = y.Value;
                    break;
                case YearKind.Doc:
                    year = _date?.Year + y.Value;
                    explicitYear = y.Value == 0; // 今年 anchors later months like 2023年 does
                    break;
                case YearKind.Fiscal:
                    // Hong Kong's fiscal year runs from April: 下年度 in March 2025 is 2025-26
                    year = _date is { } d ? (d.Month >= 4 ? d.Year : d.Year - 1) + y.Value : null;
                    break;
                case YearKind.Context:
                    year = PeriodResolver.FirstYear(_governing?.Value) + y.Value;
                    inferred = true;
                    break;
                default:
                    if (part.Kind == PartKind.DayOnly)
                    {
                        year = _lastMonth?.Year ?? _date?.Year;
                        relative = _lastMonth?.Relative ?? true;
                    }
                    else if (part.Kind == PartKind.Month && _lastMonth is { } last && last.Month == part.A)
                    {
                        year = last.Year; // 去年8月3日…之后整个8月: the month just named
                        relative = last.Relative;
                    }
                    else
                    {
                        // from an earlier paragraph only a year that frames what follows anchors; and a span of months to
                        // date (1~9月, the figures of a statistics release) only a year near the text's date: 2002年，某厂开始研制…
                        // tells a story's start, while 2008年，金融危机爆发。9月15日… goes on telling that year
                        int? anchor = _paragraphSinceAnchor && _date is { } dated
                            && (!_anchorFrames || (_anchorYear < dated.Year - 1 && part.Kind is PartKind.MonthRange or PartKind.MonthsToDate or PartKind.QuartersToDate))
                            ? null : _anchorYear;
                        year = anchor ?? _date?.Year;
                        relative = anchor is null;

                        // 12月 in a February text is last December: a month written without its year is one that
                        // has been, seldom one more than four months ahead
                        if ((anchor is null || _anchorIsDocYear) && _date is { } today && year == today.Year
                            && IsLastYears(part, today.Month) && !FutureBefore(start))
                        {
                            year--;
                        }
                    }

                    inferred = true;
                    break;
            }

            var (spanStart, asAt, comparison, toDate) = Markers(start);
            comparison |= !asAt && IsDistantBase(start, end);
            if (asAt && year is int asAtYear && y.Kind != YearKind.Range)
            {
                part = LastDayOf(part, asAtYear); // 截至6月底 → 2023-06-30
            }
            else if (toDate)
            {
                part = FromYearStart(part); // 累计至10月 → 2024-01/2024-10
            }

            string? value = unresolved || year is null ? null : Format(year.Value, y, part);
            var granularity = y.Kind == YearKind.Range ? PeriodGranularity.Range : Granularity(part);
            if (asAt && part.Kind == PartKind.Day && year is int closingYear && ClosingMonths(end) is { Months: > 0 } closing
                && MonthsEnding(closingYear, part, closing.Months) is { } covered)
            {
                // 截至6月30日止六个月: the accounts' months up to that day, not a point in time
                (value, granularity) = covered;
                asAt = false;
                end += closing.Length;
            }

            if (value is null && y.Kind == YearKind.Range && !unresolved)
            {
                value = $"{y.Value:D4}-01/{y.Year2:D4}-12";
            }

            // 2016年8月以来的回购金额: a starting point, which governs nothing; 今年以来 is the year to date
            int afterLength = _lex.After.Longest(_text, end, _fold, out var after);
            bool since = afterLength > 0 && after.Kind == PeriodWordKind.Since;
            if (since && !(part.Kind is PartKind.None or PartKind.Year && y.Kind != YearKind.Range
                && (_date is { } now ? year == now.Year : y.Kind == YearKind.Doc && y.Value == 0)))
            {
                comparison = true;
            }

            // the starting point's word is part of the period (今年以来 is one period), never of the words after it
            var mention = new PeriodMention(new TextSpan(spanStart, since ? end + afterLength : end), value, relative)
            {
                Granularity = granularity,
                HasExplicitYear = explicitYear,
                IsYearInferred = inferred,
                IsComparison = comparison,
                IsAsAt = asAt,
                IsSince = since,
                IsMinguoYear = y.Minguo,
            };
            Found.Add(mention);

            if (comparison || value is null)
            {
                return;
            }

            _governing = mention;
            if (explicitYear)
            {
                _anchorYear = year;
                _anchorIsDocYear = y.Kind == YearKind.Doc;
                _anchorFrames = Punctuation.OpensClause(_text, spanStart);
                _paragraphSinceAnchor = false;
            }

            if (part.Kind is PartKind.Month or PartKind.Day && year is int yy)
            {
                _lastMonth = (yy, part.A, relative); // a later bare 17日 takes this month
            }
        }

        // 上月 against --date 0001-01-01, 明天 against 9999-12-31: off the calendar, so unresolved rather than thrown
        private static DateOnly? ShiftMonths(DateOnly? date, int months) =>
            date is { } d && (d.Year * 12) + d.Month - 1 + months is >= 12 and < 120_000 ? d.AddMonths(months) : null;

        private static DateOnly? ShiftDays(DateOnly? date, int days) =>
            date is { } d && d.DayNumber + (long)days >= DateOnly.MinValue.DayNumber && d.DayNumber + (long)days <= DateOnly.MaxValue.DayNumber
                ? DateOnly.FromDayNumber(d.DayNumber + days)
                : null;

        private void AddRelative(int start, int end, DateOnly? date, PeriodGranularity granularity, bool endOfMonth = false)
        {
            var (spanStart, asAt, comparison, _) = Markers(start);
            if (asAt && date is { } at && (granularity == PeriodGranularity.Quarter || endOfMonth))
            {
                // 截至上月底, 截至上季度: the last day
                int lastMonth = granularity == PeriodGranularity.Quarter ? (((at.Month - 1) / 3) + 1) * 3 : at.Month;
                date = new DateOnly(at.Year, lastMonth, DateTime.DaysInMonth(at.Year, lastMonth));
                granularity = PeriodGranularity.Day;
            }

            string? value = date is { } d
                ? granularity switch
                {
                    PeriodGranularity.Month => d.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                    PeriodGranularity.Quarter => $"{d.Year:D4}-Q{((d.Month - 1) / 3) + 1}",
                    _ => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }
                : null;
            var mention = new PeriodMention(new TextSpan(spanStart, end), value, IsRelative: true)
            {
                Granularity = granularity,
                IsComparison = comparison,
                IsAsAt = asAt,
            };
            Found.Add(mention);
            if (!comparison && value is not null)
            {
                _governing = mention;
            }
        }

        /// <summary>A period read from the one under discussion (单季度 → its last quarter).</summary>
        private void AddContext(int start, int end, string value, PeriodGranularity granularity)
        {
            var (spanStart, asAt, comparison, _) = Markers(start);
            var mention = new PeriodMention(new TextSpan(spanStart, end), value, _governing?.IsRelative ?? false)
            {
                Granularity = granularity,
                IsYearInferred = true,
                IsComparison = comparison,
                IsAsAt = asAt,
            };
            Found.Add(mention);
            if (!comparison)
            {
                _governing = mention;
            }
        }

        private void AddSamePeriod(int start, int end, int yearsBack)
        {
            var governing = _governing;
            string? value = PeriodResolver.ShiftYears(governing?.Value, -yearsBack);
            var (spanStart, asAt, comparison, _) = Markers(start);
            Found.Add(new PeriodMention(new TextSpan(spanStart, end), value, governing?.IsRelative ?? false)
            {
                Granularity = governing?.Granularity ?? PeriodGranularity.Year,
                IsSamePeriod = true,
                IsYearInferred = true,
                IsComparison = comparison,
                IsAsAt = asAt,
            });
        }

        private string? Format(int year, YearSpec y, PartSpec part)
        {
            if (y.Kind == YearKind.Range)
            {
                return $"{y.Value:D4}-01/{y.Year2:D4}-12";
            }

            string yy = year.ToString("D4", CultureInfo.InvariantCulture);
            switch (part.Kind)
            {
                case PartKind.None:
                case PartKind.Year:
                    return yy;
                case PartKind.Half:
                    return $"{yy}-H{part.A}";
                case PartKind.Quarter:
                    return $"{yy}-Q{part.A}";
                case PartKind.QuartersToDate:
                    return $"{yy}-01/{yy}-{part.A * 3:D2}";
                case PartKind.Month:
                    return $"{yy}-{part.A:D2}";
                case PartKind.MonthRange:
                    return $"{yy}-{part.A:D2}/{yy}-{part.B:D2}";
                case PartKind.MonthsToDate:
                    return part.A == 1 ? $"{yy}-01" : $"{yy}-01/{yy}-{part.A:D2}";
                case PartKind.Day:
                    return IsValidDay(year, part.A, part.B) ? $"{yy}-{part.A:D2}-{part.B:D2}" : null;
                case PartKind.DayOnly:
                    int month = _lastMonth?.Month ?? _date?.Month ?? 0;
                    return month > 0 && IsValidDay(year, month, part.A) ? $"{yy}-{month:D2}-{part.A:D2}" : null;
                default:
                    return null;
            }
        }

        /// <summary>The months a word after a day closes (止六个月 → 6) and the word's length; no months where none stands there.</summary>
        private (int Months, int Length) ClosingMonths(int end)
        {
            int length = _lex.After.Longest(_text, end, _fold, out var word);
            return length > 0 && word.Kind == PeriodWordKind.Closing ? (word.Offset, length) : (0, 0);
        }

        /// <summary>
        /// The months that end on a month's last day, written as the spec writes them: a calendar year, a half or a quarter
        /// where they are one, else a span of months (a fiscal year from April: 2023-04/2024-03). A day inside a month
        /// closes nothing whole: null, and it stays the day.
        /// </summary>
        private static (string Value, PeriodGranularity Granularity)? MonthsEnding(int year, PartSpec day, int months)
        {
            int last = day.A;
            if (year is < 2 or > 9999 || last is < 1 or > 12 || months > 12 || day.B != DateTime.DaysInMonth(year, last))
            {
                return null;
            }

            string yy = year.ToString("D4", CultureInfo.InvariantCulture);
            int first = last - months + 1;
            return (months, last) switch
            {
                (12, 12) => (yy, PeriodGranularity.Year),
                (6, 6 or 12) => ($"{yy}-H{last / 6}", PeriodGranularity.Half),
                (3, 3 or 6 or 9 or 12) => ($"{yy}-Q{last / 3}", PeriodGranularity.Quarter),
                _ when first >= 1 => ($"{yy}-{first:D2}/{yy}-{last:D2}", PeriodGranularity.Range),
                _ => ($"{year - 1:D4}-{first + 12:D2}/{yy}-{last:D2}", PeriodGranularity.Range),
            };
        }

        /// <summary>将于, 预计 or another word of the future ends within the few characters before <paramref name="start"/> (将于11月, 预计在12月).</summary>
        private bool FutureBefore(int start)
        {
            for (int k = start; k >= 0 && k >= start - 3; k--)
            {
                if (_lex.FutureWords.Longest(_text, k, _fold, out _) > 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The month a part ends in (12 for 12月, 7 for 1-7月), 0 for parts that are not months.</summary>
        private static int LastMonthOf(PartSpec part) => part.Kind switch
        {
            PartKind.Month or PartKind.Day => part.A,
            PartKind.MonthRange => part.B,
            _ => 0,
        };

        // a month written without a year more than this many months after the document's is taken as last year's
        private const int MaxMonthsAhead = 4;

        // a quarter written without a year that begins more than this many months after the document's month is last
        // year's: results and releases of January to April speak of last year's fourth quarter (四季度 in a February
        // text), while from May on a fourth quarter named is the coming one
        private const int MaxQuarterMonthsAhead = 5;

        /// <summary>True when a part of a year written without its year lies too far after the document's month to be this year's.</summary>
        private static bool IsLastYears(PartSpec part, int month) => part.Kind == PartKind.Quarter
            ? (part.A * 3) - 2 - month > MaxQuarterMonthsAhead
            : LastMonthOf(part) - month > MaxMonthsAhead;

        /// <summary>
        /// An "as at" point that names a part of a year is its last day: 6月底, 上半年, 一季度, 年末. A month without
        /// 底 (截至7月) and a year without 底 (截至2023年) stay as they are.
        /// </summary>
        private static PartSpec LastDayOf(PartSpec part, int year)
        {
            int month = part.Kind switch
            {
                PartKind.Month when part.IsEnd => part.A,
                PartKind.Half => part.A * 6,
                PartKind.Quarter => part.A * 3,
                PartKind.Year when part.IsEnd => 12,
                _ => 0,
            };
            return month == 0 || year is < 1 or > 9999
                ? part
                : new PartSpec { Kind = PartKind.Day, A = month, B = DateTime.DaysInMonth(year, month), End = part.End };
        }

        private static PeriodGranularity Granularity(PartSpec part) => part.Kind switch
        {
            PartKind.Half => PeriodGranularity.Half,
            PartKind.Quarter => PeriodGranularity.Quarter,
            PartKind.Month => PeriodGranularity.Month,
            PartKind.Day or PartKind.DayOnly => PeriodGranularity.Day,
            PartKind.QuartersToDate or PartKind.MonthRange => PeriodGranularity.Range,
            PartKind.MonthsToDate => part.A == 1 ? PeriodGranularity.Month : PeriodGranularity.Range,
            _ => PeriodGranularity.Year,
        };

        /// <summary>
        /// A month or quarter that closes a running total (累计至10月, 累计至三季度) is the span from the start of its year
        /// to it, as 1-10月 and 前三季度 are; other parts stay as they are.
        /// </summary>
        private static PartSpec FromYearStart(PartSpec part) => part.Kind switch
        {
            PartKind.Month when part.A > 1 => new PartSpec { Kind = PartKind.MonthsToDate, A = part.A, End = part.End },
            PartKind.Quarter when part.A > 1 => new PartSpec { Kind = PartKind.QuartersToDate, A = part.A, End = part.End },
            _ => part,
        };

        /// <summary>截至 and 累计至 (part of the span) and 比/较 (not part of it) right before a period.</summary>
        private (int Start, bool AsAt, bool Comparison, bool ToDate) Markers(int start)
        {
            int len = _lex.Markers.Longest(_text, start, _fold, out var marker);
            if (len == 0)
            {
                // 较2022年全年和2023年一季度: the second of two joined bases is a base too
                bool joined = Found.Count > 0 && Found[^1].IsComparison && Found[^1].Span.End == start - 1
                    && F(start - 1) is '和' or '与' or '及' or '、';
                return (start, false, joined, false);
            }

            return marker.Kind switch
            {
                PeriodWordKind.AsAt => (start - len, true, false, false),
                PeriodWordKind.ToDate => (start - len, false, false, true),
                _ => (start, false, true, false),
            };
        }

        /// <summary>
        /// The farthest a word of comparison may stand before a period followed by 同期 that it makes the base of
        /// (比疫情爆发前的2019年同期: eight characters between).
        /// </summary>
        private const int DistantBaseReach = 12;

        /// <summary>
        /// True when the period from start to end is followed by a word of the same period (同期) and a word of
        /// comparison (比, 较) stands before it in its clause, a few words away: 比疫情爆发前的2019年同期增长23.6% compares with
        /// 2019, it does not date the growth. Right before the period the markers read it already.
        /// </summary>
        private bool IsDistantBase(int start, int end)
        {
            if (_lex.Words.Longest(_text, end, _fold, out var next) == 0 || next.Kind != PeriodWordKind.SamePeriod)
            {
                return false;
            }

            for (int k = start - 1; k > 0 && start - k <= DistantBaseReach && !Punctuation.ClauseEnds.Contains(_text[k - 1]); k--)
            {
                if (_lex.Markers.Longest(_text, k, _fold, out var marker) > 0 && marker.Kind == PeriodWordKind.Comparison)
                {
                    return true;
                }
            }

            return false;
        }

        // ---- small readers -------------------------------------------------------------------------

        /// <summary>
        /// Sixteen Chinese numerals or more in a row from p: no month, day, quarter or year, and parsing such a run at
        /// each of its positions (三千六百三千六百…) was quadratic. Looks at sixteen characters at most.
        /// </summary>
        private bool IsLongNumeralRun(int p)
        {
            for (int k = 0; k < 16; k++)
            {
                if (_num.NumeralKindOf(F(p + k)) == NumeralKind.None)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A small whole number in Arabic or Chinese digits (7, 十二, 两).</summary>
        private bool TryNumber(int p, out int value, out int end)
        {
            value = 0;
            end = p;
            char c = F(p);
            if (IsDigit(c))
            {
                end = ReadDigits(p, out value);
                return end - p <= 4 && !(F(end) == '.' && IsDigit(F(end + 1)));
            }

            if (_num.NumeralKindOf(c) is NumeralKind.None or NumeralKind.Big || IsLongNumeralRun(p)
                || !NumberParser.TryParse(_text, p, _num, out var num)
                || num.Invalid || num.More || num.Approx || num.HasDecimal || num.HasBigMagnitude || num.IsDigitString
                || num.Value > 9999)
            {
                return false;
            }

            value = (int)num.Value;
            end = num.End;
            return true;
        }

        // Every caller wants a run of at most four digits; reading on to the end of the run at each of its positions
        // made a run of 200,000 digits quadratic. A run longer than this reads as this long, which no caller accepts.
        private const int MaxDigitsRead = 10;

        private int ReadDigits(int p, out int value)
        {
            value = 0;
            int j = p;
            while (IsDigit(F(j)) && j - p < MaxDigitsRead)
            {
                if (j - p < 9)
                {
                    value = (value * 10) + (F(j) - '0');
                }

                j++;
            }

            return j;
        }

        private bool IsDayCount(int numberStart, int afterDay)
        {
            foreach (var s in _num.DayCountAfter)
            {
                if (StartsWith(afterDay, s))
                {
                    return true;
                }
            }

            foreach (var s in _num.DayCountBefore)
            {
                if (numberStart - s.Length >= 0 && StartsWith(numberStart - s.Length, s))
                {
                    return true;
                }
            }

            return false;
        }

        private bool NotBlocked(PeriodWord word, int after)
        {
            foreach (var s in word.NotBefore)
            {
                if (StartsWith(after, s))
                {
                    return false;
                }
            }

            if (word.OnlyBefore.Length == 0)
            {
                return true;
            }

            foreach (var s in word.OnlyBefore)
            {
                if (StartsWith(after, s))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>After Arabic digits from <paramref name="start"/> to <paramref name="p"/>, one space before a Chinese word is skipped (10 月).</summary>
        private int SkipSpace(int start, int p) =>
            F(p) == ' ' && IsDigit(F(start)) && IsCjk(F(p + 1)) ? p + 1 : p;

        private bool IsGlued(int i)
        {
            char prev = F(i - 1);
            if (IsAsciiLetter(prev) || prev == '_')
            {
                return true;
            }

            char before = F(i - 2);
            return prev is '/' or '%' or '.' or '#' or '=' or '&' or '@' or '\\' or ':' or '-'
                && (IsAsciiAlnum(before) || before is '_' or '/' or '%' or '.');
        }

        private int AsciiRunEnd(int i)
        {
            int k = i;
            while (k < _text.Length)
            {
                char c = F(k);
                if (IsAsciiAlnum(c) || c is '_' or '%' or '/' or '.' or ':' or '=' or '&' or '?' or '#' or '-' or '+' or '~' or '@' or '\\')
                {
                    k++;
                    continue;
                }

                break;
            }

            return Math.Max(k, i + 1);
        }

        private bool StartsWith(int p, string s)
        {
            if (p < 0 || p + s.Length > _text.Length)
            {
                return false;
            }

            for (int k = 0; k < s.Length; k++)
            {
                if (F(p + k) != s[k])
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsRangeConnector(char c) => c is '-' or '至' or '到' or '~' or '～' or '—';

        private static bool IsValidDay(int year, int month, int day) =>
            month is >= 1 and <= 12 && day >= 1 && year is >= 1 and <= 9999 && day <= DateTime.DaysInMonth(year, month);

        private static bool IsDigit(char c) => c is >= '0' and <= '9';

        private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

        private static bool IsAsciiAlnum(char c) => IsAsciiLetter(c) || IsDigit(c);

        private static bool IsCjk(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');
    }
}
