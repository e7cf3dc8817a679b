using Anvil.Core.Documents;
using Anvil.Core.Lexicons;

namespace Anvil.Core.Quantities;

/// <summary>
/// Finds and resolves quantities in match-view text (Simplified, half-width): amounts, counts,
/// percentages, percentage points, multiples, fractions, physical units, durations and ranks, with
/// their qualifiers. Dates, times, list numbers, ages, figures in names (5G, 《战狼2》), stock codes,
/// versions and URLs give nothing.
/// </summary>
/// <remarks>
/// A single pass of a hand-written scanner: at each character that can open a number it reads the
/// numeral (<see cref="NumberParser"/>), then looks the unit up in a trie and the qualifiers around it
/// in two more (all from <see cref="QuantityLexicon"/>). No regex, no per-character allocation.
/// Thread-safe after construction: <see cref="Find"/> keeps its state in a per-call scanner.
/// </remarks>
public sealed class QuantityRecognizer
{
    private static readonly Lazy<QuantityRecognizer> LazyDefault = new(() => new QuantityRecognizer());

    private readonly QuantityLexicon _lex;
    private readonly CharSet _reactsTo;

    public QuantityRecognizer(QuantityLexicon? lexicon = null)
    {
        _lex = lexicon ?? QuantityLexicon.Default;
        _reactsTo = new CharSet();
        for (int c = 0; c <= char.MaxValue; c++)
        {
            if (Scanner.Reacts(_lex.Fold[(char)c], _lex))
            {
                _reactsTo.Add((char)c);
            }
        }
    }

    /// <summary>A recogniser over the shipped data files.</summary>
    public static QuantityRecognizer Default => LazyDefault.Value;

    /// <summary>The quantities of a match-view text, in text order, with spans in view coordinates.</summary>
    public IReadOnlyList<QuantityMention> Find(string viewText)
    {
        ArgumentNullException.ThrowIfNull(viewText);
        var scanner = new Scanner(_lex, viewText, _reactsTo);
        scanner.Run();
        return scanner.Found;
    }

    private sealed class Scanner
    {
        private readonly QuantityLexicon _lex;
        private readonly CharFold _fold;
        private readonly string _text;
        private readonly CharSet _reactsTo;
        private readonly List<Pending> _pending = [];
        private int _pendingNext = -1;
        private bool _pendingIsRange;

        // a mention with a unit followed by 至, 到, - or ~: the index in Found of a range's possible low end, and
        // where its high end must start (3.78亿元至4亿元, 2.16%至8.11%)
        private int _rangeLow = -1;
        private int _rangeNext = -1;

        public Scanner(QuantityLexicon lex, string text, CharSet reactsTo)
        {
            _lex = lex;
            _fold = lex.Fold;
            _text = text;
            _reactsTo = reactsTo;
        }

        /// <summary>
        /// Whether <see cref="Run"/> does more at this (folded) character than step past it: keep in step with Run. Most
        /// characters of a text are none of these, and one look in a bit map of them is all they cost.
        /// </summary>
        public static bool Reacts(char c, QuantityLexicon lex) =>
            c is '《' or '〈' or '》' or '〉' or '\n' or '。' or '第' or '前' || IsAsciiLetter(c) || NumberParser.CanStart(c, lex) || lex.IsWordStart(c);

        public List<QuantityMention> Found { get; } = [];

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
                        titleDepth = 0; // a title never spans a sentence; an unclosed 《 must not hide the rest
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
                    i = SkipAsciiWord(i);
                    continue;
                }

                if (NumberParser.CanStart(c, _lex) || _lex.IsWordStart(c) || c is '第' or '前')
                {
                    int next = TryAt(i);
                    i = next > i ? next : i + 1;
                    continue;
                }

                i++;
            }
        }

        private char F(int p) => p >= 0 && p < _text.Length ? _fold[_text[p]] : '\0';

        private int TryAt(int i)
        {
            if (_pending.Count > 0 && i != _pendingNext)
            {
                _pending.Clear();
            }

            char c = F(i);
            if (_lex.IsWordStart(c))
            {
                int end = TryWord(i);
                if (end > 0)
                {
                    return end;
                }
            }

            if (c == '第')
            {
                return TryOrdinal(i);
            }

            if (c == '前')
            {
                return TryTop(i);
            }

            if (NumberParser.IsAsciiDigit(c) && IsGlued(i))
            {
                return AsciiRunEnd(i); // F3, A380, PM2.5, URL fragments
            }

            if (!NumberParser.TryParse(_text, i, _lex, out var num))
            {
                return i + 1;
            }

            if (num.Invalid)
            {
                _pending.Clear();
                return num.End;
            }

            if (!num.IsArabic && num.End - num.Start == 1 && IsWeekday(i))
            {
                return num.End;
            }

            try
            {
                return Complete(num);
            }
            catch (OverflowException)
            {
                // a value times its unit past decimal's 7.9e28 (999…9万TW): no real figure, no quantity
                _pending.Clear();
                return num.End;
            }
        }

        /// <summary>Reads what follows a number: unit, qualifiers, and decides whether it is a quantity.</summary>
        private int Complete(ParsedNumber num)
        {
            int p = num.End;
            if (num.IsArabic)
            {
                char after = F(p);

                // 13:13, 1:3
                if (after == ':' && NumberParser.IsAsciiDigit(F(p + 1)))
                {
                    _pending.Clear();
                    return AsciiRunEnd(p);
                }

                // 002594.SZ, 20250310.jpg
                if ((after == '.' && IsAsciiLetter(F(p + 1))) || after == '_')
                {
                    _pending.Clear();
                    return AsciiRunEnd(p);
                }

                if ((after is '-' or '/') && NumberParser.IsAsciiDigit(F(p + 1)) && !num.HasDecimal && num.MagnitudeStart == num.End)
                {
                    int q = p + 1;
                    while (NumberParser.IsAsciiDigit(F(q)))
                    {
                        q++;
                    }

                    if ((F(q) is '-' or '/' or ' ') && NumberParser.IsAsciiDigit(F(q + 1)))
                    {
                        _pending.Clear();
                        return AsciiRunEnd(q); // 2023-07-28, 2023/7/28, 852-2345-6789
                    }

                    if (after == '/')
                    {
                        return TryArabicFraction(num, p, q);
                    }
                }
            }

            // 5G, 4K, 3D, 300mm: a Latin word glued to the number is a name unless it is a unit (5GW, 100TEU)
            if (IsAsciiLetter(F(p)) && MatchUnit(p, num, out _) is null)
            {
                _pending.Clear();
                return AsciiRunEnd(p);
            }

            // 6600多万 is read by the parser; 1600多家 and 200余家 have 多/余 between number and unit
            var mid = num.More ? Qualifier.Gt : num.Approx ? Qualifier.Approx : Qualifier.Eq;
            int unitStart = p;
            int midLength = _lex.MidQualifiers.Longest(_text, p, _fold, out var midEntry);
            if (midLength > 0 && !num.More && !num.IsDigitString)
            {
                var probe = MatchUnit(p + midLength, num, out _);
                if (probe is not null)
                {
                    mid = midEntry.Qualifier;
                    unitStart = p + midLength;
                }
            }

            // 三分之一, 百分之三十五
            if (!num.IsArabic && F(p) == '分' && F(p + 1) == '之')
            {
                return TryChineseFraction(num, p);
            }

            var unit = MatchUnit(unitStart, num, out int unitLength);
            if (unit is null)
            {
                return CompleteBare(num, mid);
            }

            if (unit.Kind == UnitKind.Classifier && WritesUnitInFull(unitStart + unitLength, unit))
            {
                // 3.6个、0.2个百分点: the 个 opens the unit the next number writes in full; wait for it
                int after = unitStart + unitLength;
                var (pq, ps) = PreQualifier(num.Start, num.HasDigit);
                _pending.Add(new Pending(num, pq, ps, mid));
                _pendingNext = after + ConnectorLength(after);
                _pendingIsRange = IsRangeConnector(after);
                return _pendingNext;
            }

            int unitEnd = unitStart + unitLength;
            if (num.IsDigitString && (num.End - num.Start > 3
                || unit.Kind is not (UnitKind.Percent or UnitKind.PercentagePoints or UnitKind.Multiple)))
            {
                _pending.Clear();
                return unitEnd; // 二〇二四年: digits written one by one are a year or a code; only 一四% is a figure
            }

            switch (unit.Kind)
            {
                case UnitKind.Date:
                case UnitKind.NonFact:
                    _pending.Clear();
                    return unitEnd;
                case UnitKind.Duration when unit.Condition.HasFlag(UnitCondition.Year) && IsYear(num, unitEnd):
                    _pending.Clear();
                    return unitEnd;
                case UnitKind.Duration when unit.Condition.HasFlag(UnitCondition.Day) && !IsDayCount(num, unitEnd):
                    _pending.Clear();
                    return unitEnd;
            }

            if (unit.Kind == UnitKind.Duration && F(num.Start - 1) == '首')
            {
                _pending.Clear();
                return unitEnd; // 首两个月 is a period (January and February), not a duration
            }

            if (unit.Kind == UnitKind.Classifier && (_lex.RateBefore.Contains(F(num.Start - 1))
                || (_pending.Count > 0 && _lex.RateBefore.Contains(F(_pending[0].SpanStart - 1)))))
            {
                _pending.Clear();
                return unitEnd; // 每10股派3元, 每5至6辆: a count that is the base of a rate, not a figure
            }

            if (unit.Kind == UnitKind.Duration && F(unitEnd) == '前' && F(unitEnd + 1) != '后')
            {
                _pending.Clear();
                return unitEnd + 1; // 两年前, 3个月前: a point in time (the period recogniser's), not a duration
            }

            decimal value = num.Value * unit.Factor;
            int unitTextEnd = unitEnd;
            if (unit.Condition.HasFlag(UnitCondition.Tenths) && TenthDigit(unitEnd, out int tenth))
            {
                value += tenth * unit.Factor / 10; // 3成8 = 38%, 七成五 = 75%
                unitEnd++;
            }

            bool half = false;
            if (unit.Kind == UnitKind.Duration && F(unitEnd) == '半')
            {
                value += 0.5m * unit.Factor; // 一年半
                unitEnd++;
                half = true;
            }

            int end = unitEnd;
            var post = PostQualifier(ref end, unit.Kind);
            bool isMoney = unit.Kind is UnitKind.CurrencyAssumed or UnitKind.Currency;
            var (currency, currencyStart) = isMoney ? CurrencyPrefix(num.Start) : (null, num.Start);
            var (pre, spanStart) = PreQualifier(currencyStart, num.HasDigit);
            var qualifier = Combine(pre, post, mid);
            if (qualifier == Qualifier.Eq)
            {
                qualifier = ListedQualifier(spanStart);
            }

            if (qualifier == Qualifier.Eq && unit.Kind == UnitKind.Percent && F(spanStart - 1) == '的')
            {
                qualifier = ShareScopeQualifier(spanStart - 1); // 约占中国总装机的48.8%
            }

            if (num.IsLoneOne && qualifier == Qualifier.Eq && !half
                && unit.Kind is UnitKind.Classifier or UnitKind.Duration or UnitKind.CurrencyAssumed)
            {
                _pending.Clear();
                return unitEnd; // 一家公司, 一年一度: an article, not a count
            }

            if (!num.HasDigit && qualifier == Qualifier.Eq && F(num.Start) != '十'
                && (unit.Kind is UnitKind.Classifier or UnitKind.Duration || (num.End - num.Start == 1 && !IsCjk(F(num.Start - 1)))))
            {
                _pending.Clear();
                return unitEnd; // 万家灯火, 百家争鸣: a bare 百/千/万 before a classifier is an idiom; 单位：万元 a heading
            }

            string unitName = unit.Unit;
            bool multiple = unit.Kind == UnitKind.Multiple;
            if (multiple && NamedBefore(_lex.RatioWords, spanStart))
            {
                value = num.Value; // 市盈率为55.29倍: a ratio in times, not a change of 5529%
                unitName = "times";
                multiple = false;
            }

            bool assumed = unit.Kind == UnitKind.CurrencyAssumed;
            if (assumed && unit.Condition.HasFlag(UnitCondition.Counted) && NamedBefore(_lex.ThingsCounted, spanStart))
            {
                unitName = "count"; // 产量1500亿块: pieces (chips, panels), not colloquial 元
                assumed = false;
            }

            if (currency is not null)
            {
                unitName = assumed ? currency : unitName; // 人民币1亿元, 港币300亿元
                assumed = false;
            }

            // a minus written on the number (增长-2.5%, 负3.9%); 下降2.5% stays positive: the verb is the extractor's
            int minus = currency is null && pre == Qualifier.Eq ? MinusLength(num) : 0;
            if (minus > 0)
            {
                value = -value;
                spanStart = num.Start - minus;
            }

            int unitSpanStart = num.MagnitudeStart < num.End ? num.MagnitudeStart : unitStart;
            if (F(unitSpanStart) == ' ')
            {
                unitSpanStart++; // 3 家: the space is no part of the unit
            }

            if (half)
            {
                unitTextEnd = unitEnd; // 一年半: the unit is 年半
            }

            var mention = new QuantityMention(new TextSpan(spanStart, end), (double)value, unitName,
                _text[unitSpanStart..unitTextEnd], qualifier)
            {
                NumberSpan = new TextSpan(num.Start, num.DigitsEnd),
                UnitSpan = new TextSpan(unitSpanStart, unitTextEnd),
                IsMultiple = multiple,
                IsCurrencyAssumed = assumed,
            };
            Emit(mention, num, multiple || unitName != "times" ? unit.Factor : 1);
            OpenRange(end);
            return end;
        }

        /// <summary>After 3.6个, a connector and a number whose unit begins with the same word: 、0.2个百分点.</summary>
        private bool WritesUnitInFull(int p, UnitEntry unit)
        {
            int connector = ConnectorLength(p);
            if (connector == 0 || !CanOpenNumber(p + connector)
                || !NumberParser.TryParse(_text, p + connector, _lex, out var next) || next.Invalid)
            {
                return false;
            }

            var later = MatchUnit(next.End, next, out _);
            return later is not null && later.Kind is UnitKind.PercentagePoints or UnitKind.BasisPoints
                && later.Text.Length > unit.Text.Length && later.Text.StartsWith(unit.Text, StringComparison.Ordinal);
        }

        /// <summary>
        /// One of <paramref name="words"/> ends at most four characters before <paramref name="start"/>, within the
        /// same run of Chinese text: a ratio before N倍 (市盈率为55.29倍), a measure of things before N块 (产量约1500亿块).
        /// </summary>
        private bool NamedBefore(CharTrie<bool> words, int start)
        {
            for (int k = start; k >= 0 && k >= start - 4; k--)
            {
                if (words.Longest(_text, k, _fold, out _) > 0)
                {
                    return true;
                }

                if (k < start && !IsCjk(F(k - 1)))
                {
                    break;
                }
            }

            return false;
        }

        /// <summary>3成8, 七成五: one digit after 成 gives the tenths, unless it opens a figure of its own (三成8家).</summary>
        private bool TenthDigit(int p, out int digit)
        {
            char c = F(p);
            digit = NumberParser.IsAsciiDigit(c) ? c - '0' : IsChineseDigit(c) ? (int)_lex.NumeralValueOf(c) : -1;
            char next = F(p + 1);
            return digit is >= 1 and <= 9 && !NumberParser.IsAsciiDigit(next) && next != '.'
                && _lex.NumeralKindOf(next) == NumeralKind.None && !_lex.ListAfter.Contains(next)
                && _lex.Units.Longest(_text, p + 1, _fold, out _) == 0;
        }

        /// <summary>A number with no unit: a quantity only with a magnitude (254万) or a currency prefix.</summary>
        private int CompleteBare(ParsedNumber num, Qualifier mid)
        {
            int p = num.End;

            // 0.7和0.4个百分点, 3至5年, 1至7月: wait for the next number's unit
            int connector = ConnectorLength(p);
            if (connector > 0 && CanOpenNumber(p + connector) && !num.IsDigitString)
            {
                var (pq, ps) = PreQualifier(num.Start, num.HasDigit);
                _pending.Add(new Pending(num, pq, ps, mid));
                _pendingNext = p + connector;
                _pendingIsRange = IsRangeConnector(p);
                return p + connector;
            }

            var (currency, currencyStart) = CurrencyPrefix(num.Start);
            var (pre, spanStart) = PreQualifier(currencyStart, num.HasDigit);
            bool quantity = currency is not null
                || (num.HasBigMagnitude && (num.HasDigit || pre != Qualifier.Eq));
            if (!quantity)
            {
                _pending.Clear();
                return num.End;
            }

            int end = p;
            var post = PostQualifier(ref end, null);
            var mention = new QuantityMention(new TextSpan(spanStart, end), (double)num.Value, currency ?? "",
                _text[num.MagnitudeStart..num.End], Combine(pre, post, mid))
            {
                NumberSpan = new TextSpan(num.Start, num.DigitsEnd),
                UnitSpan = new TextSpan(num.MagnitudeStart, num.End),
            };
            Emit(mention, num, 1);
            return end;
        }

        private int TryArabicFraction(ParsedNumber num, int slash, int denominatorEnd)
        {
            _pending.Clear();
            decimal denominator = 0;
            for (int k = slash + 1; k < denominatorEnd && k <= slash + 5; k++) // five digits tell: a fraction has at most four
            {
                denominator = (denominator * 10) + (F(k) - '0');
            }

            bool fraction = !num.HasDecimal && num.Value >= 1 && denominator >= 2 && denominator <= 1000
                && num.Value < denominator && denominatorEnd - slash - 1 <= 4
                && !IsAsciiLetter(F(denominatorEnd)) && F(denominatorEnd) is not ('.' or '年' or '月'); // 18/19年度 is a fiscal year
            if (!fraction)
            {
                return denominatorEnd;
            }

            int end = denominatorEnd;
            var post = PostQualifier(ref end, UnitKind.Percent);
            var (pre, spanStart) = PreQualifier(num.Start, true);
            var mention = new QuantityMention(new TextSpan(spanStart, end), (double)(num.Value / denominator * 100), "percent",
                _text[num.Start..denominatorEnd], Combine(pre, post, Qualifier.Eq))
            {
                NumberSpan = new TextSpan(num.Start, denominatorEnd),
                UnitSpan = new TextSpan(num.Start, denominatorEnd),
                IsFraction = true,
            };
            Found.Add(mention);
            return end;
        }

        private int TryChineseFraction(ParsedNumber denominator, int p)
        {
            _pending.Clear();
            int numeratorStart = p + 2;
            if (!NumberParser.TryParse(_text, numeratorStart, _lex, out var numerator) || numerator.Invalid
                || denominator.Value == 0)
            {
                return numeratorStart;
            }

            int end = numerator.End;
            var post = PostQualifier(ref end, UnitKind.Percent);
            var (pre, spanStart) = PreQualifier(denominator.Start, true);
            bool percent = denominator.Value == 100;
            var mention = new QuantityMention(new TextSpan(spanStart, end),
                (double)(numerator.Value / denominator.Value * 100), "percent", _text[denominator.Start..numeratorStart],
                Combine(pre, post, numerator.More ? Qualifier.Gt : Qualifier.Eq))
            {
                NumberSpan = new TextSpan(numerator.Start, numerator.DigitsEnd),
                UnitSpan = new TextSpan(denominator.Start, numeratorStart),
                IsFraction = !percent,
            };
            Found.Add(mention);
            return end;
        }

        /// <summary>翻番, 一半, 首位: quantities written as words.</summary>
        private int TryWord(int i)
        {
            int length = _lex.Words.Longest(_text, i, _fold, out var word);
            if (length == 0)
            {
                return 0;
            }

            int end = i + length;
            if (word.Kind == WordKind.Share && _lex.Units.Longest(_text, end, _fold, out var unitAfter) > 0 && unitAfter.Kind == UnitKind.Duration)
            {
                return 0; // 近半年, 过半年: half a year, not a share
            }

            if (word.Kind == WordKind.Rank)
            {
                char next = F(end);
                if ((IsCjk(next) && next is not ('的' or '了')) || !ClauseHasRankVerb(i))
                {
                    return 0; // 首位女性, 摆在首位: a first or a priority, not a stated position
                }
            }

            int spanEnd = end;
            var post = word.Kind == WordKind.Rank ? Qualifier.Eq : PostQualifier(ref spanEnd, UnitKind.Percent);
            var (pre, spanStart) = word.Kind == WordKind.Rank ? (Qualifier.Eq, i) : PreQualifier(i, true);
            if (word.Kind == WordKind.Share && pre == Qualifier.Eq)
            {
                pre = ScopedPreQualifier(i); // 超过全球一半: the whole the share is of stands between
            }
            var qualifier = Combine(pre, post, word.Qualifier);
            _pending.Clear();
            Found.Add(new QuantityMention(new TextSpan(spanStart, spanEnd), (double)word.Value, word.Unit, _text[i..end], qualifier)
            {
                NumberSpan = new TextSpan(i, end),
                UnitSpan = new TextSpan(i, end),
                IsMultiple = word.Kind == WordKind.Multiple,
            });
            return spanEnd;
        }

        /// <summary>第N: a rank (居全国第一), an ordinal count (第500万辆) or part of a name (第一产业).</summary>
        private int TryOrdinal(int i)
        {
            _pending.Clear();
            int numberStart = F(i + 1) == ' ' && NumberParser.IsAsciiDigit(F(i + 2)) ? i + 2 : i + 1; // 第 3 名
            if (!NumberParser.TryParse(_text, numberStart, _lex, out var num) || num.Invalid || num.IsDigitString)
            {
                return i + 1;
            }

            int p = num.End;
            char next = F(p);
            if (next == ' ' && num.IsArabic && _lex.RankAfter.Contains(F(p + 1)))
            {
                next = F(++p);
            }

            if (_lex.RankAfter.Contains(next))
            {
                int end = next is '位' or '名' ? p + 1 : p;
                AddRank(i, end, num, Qualifier.Eq);
                return end;
            }

            var unit = MatchUnit(p, num, out int unitLength);
            if (unit is not null)
            {
                if (unit.Kind == UnitKind.Classifier)
                {
                    int end = p + unitLength;
                    int unitSpanStart = num.MagnitudeStart < num.End ? num.MagnitudeStart : p;
                    Found.Add(new QuantityMention(new TextSpan(i, end), (double)(num.Value * unit.Factor), unit.Unit,
                        _text[unitSpanStart..end], Qualifier.Eq)
                    {
                        NumberSpan = new TextSpan(num.Start, num.DigitsEnd),
                        UnitSpan = new TextSpan(unitSpanStart, end),
                        IsOrdinal = true,
                    });
                    return end;
                }

                return p + unitLength; // 第一季度, 第3天
            }

            if (!IsWordChar(next) && !AtClauseStart(i) && ClauseHasRankVerb(i))
            {
                AddRank(i, p, num, Qualifier.Eq); // 密度位居全国第一; "第二，" opening a line is a list
            }

            return p;
        }

        /// <summary>前N: a rank at most N (稳居前七) unless it is a period (前三季度, 前7个月) or a group (前五大股东).</summary>
        private int TryTop(int i)
        {
            _pending.Clear();
            if (!NumberParser.TryParse(_text, i + 1, _lex, out var num) || num.Invalid || num.IsDigitString)
            {
                return i + 1;
            }

            int p = num.End;
            char next = F(p);
            if (next == ' ' && num.IsArabic && IsCjk(F(p + 1)))
            {
                next = F(++p); // 前10 月 is a period like 前10月, 前 3 名 a rank
            }

            if (next is '名' or '位' or '强')
            {
                AddRank(i, p + 1, num, Qualifier.Le);
                return p + 1;
            }

            if (next == '的' || !IsWordChar(next))
            {
                AddRank(i, p, num, Qualifier.Le);
            }

            return p;
        }

        private void AddRank(int start, int end, ParsedNumber num, Qualifier qualifier) =>
            Found.Add(new QuantityMention(new TextSpan(start, end), (double)num.Value, "rank", "", qualifier)
            {
                NumberSpan = new TextSpan(num.Start, num.DigitsEnd),
                UnitSpan = new TextSpan(end, end),
            });

        /// <summary>Adds a mention and resolves the numbers that were waiting for its unit.</summary>
        private void Emit(QuantityMention mention, ParsedNumber num, decimal factor)
        {
            if (_pending.Count == 1 && num.Start == _pendingNext && _pendingIsRange
                && LowEnd(_pending[0].Number, num, factor) is decimal low && (double)low <= mention.Value && mention.Value > 0)
            {
                // 1万-5万元, 3-5%, 两到三千亿元: one mention for the whole range
                var pending = _pending[0];
                var n = pending.Number;
                _pending.Clear();
                Found.Add(mention with
                {
                    Span = new TextSpan(pending.SpanStart, mention.Span.End),
                    Value = (double)low,
                    ValueHigh = mention.Value,
                    Qualifier = Qualifier.Range,
                    NumberSpan = new TextSpan(n.Start, mention.NumberSpan.End),
                });
                return;
            }

            if (_pending.Count == 0 && _rangeLow == Found.Count - 1 && _rangeLow >= 0 && mention.Span.Start == _rangeNext
                && Found[_rangeLow] is var first && first.Unit == mention.Unit && first.IsMultiple == mention.IsMultiple
                && first.Qualifier is Qualifier.Eq or Qualifier.Approx && mention.Qualifier == Qualifier.Eq
                && first.Value >= 0 && first.Value <= mention.Value)
            {
                // 3.78亿元至4亿元, 2.16%至8.11%: the low end has its own unit
                Found[_rangeLow] = first with
                {
                    Span = new TextSpan(first.Span.Start, mention.Span.End),
                    ValueHigh = mention.Value,
                    Qualifier = Qualifier.Range,
                    NumberSpan = new TextSpan(first.NumberSpan.Start, mention.NumberSpan.End),
                    UnitSpan = mention.UnitSpan,
                    UnitText = mention.UnitText,
                    IsCurrencyAssumed = first.IsCurrencyAssumed && mention.IsCurrencyAssumed,
                };
                _rangeLow = -1;
                return;
            }

            if (_pending.Count > 0 && num.Start == _pendingNext)
            {
                foreach (var pending in _pending)
                {
                    var n = pending.Number;
                    decimal value = n.Value;
                    if (!n.HasBigMagnitude && num.HasBigMagnitude)
                    {
                        value *= num.TrailingMagnitude; // 3至5万元: 3万元
                    }

                    value *= factor;
                    var pre = pending.Pre;
                    Found.Add(mention with
                    {
                        Span = new TextSpan(pending.SpanStart, n.End),
                        Value = (double)value,
                        Qualifier = Combine(pre, Qualifier.Eq, pending.Mid),
                        NumberSpan = new TextSpan(n.Start, n.DigitsEnd),
                        IsUnitBorrowed = true,
                    });
                }
            }

            _pending.Clear();
            Found.Add(mention);
        }

        /// <summary>
        /// The low end of a range whose high end is <paramref name="high"/>, in base units, or null when it is not
        /// one. A low end written without its magnitude shares the high end's (3至5万 = 3万 to 5万, 两到三千亿 =
        /// 2千亿 to 3千亿) unless that would pass the high end (8500到3万 = 8500 to 30000).
        /// </summary>
        private decimal? LowEnd(ParsedNumber low, ParsedNumber high, decimal factor)
        {
            decimal value = low.Value;
            if (!low.HasBigMagnitude)
            {
                decimal scale = SharedScale(high);
                if (scale > 1 && value * scale <= high.Value)
                {
                    value *= scale;
                }
            }

            return value > high.Value ? null : value * factor;
        }

        /// <summary>What the leading digit of a number is worth: 1e11 in 三千亿, 1e4 in 5万 and in 20万.</summary>
        private decimal SharedScale(ParsedNumber n)
        {
            char first = F(n.Start);
            if (!n.IsArabic && IsChineseDigit(first) && _lex.NumeralValueOf(first) is > 0 and var digit)
            {
                decimal scale = n.Value / digit;
                decimal power = 1;
                while (power < scale)
                {
                    power *= 10;
                }

                if (power == scale)
                {
                    return scale;
                }
            }

            return n.TrailingMagnitude;
        }

        /// <summary>A range connector after a mention: the next mention may be its high end.</summary>
        private void OpenRange(int end)
        {
            _rangeLow = -1;
            int length = ConnectorLength(end);
            if (length > 0 && IsRangeConnector(end) && CanOpenNumber(end + length))
            {
                _rangeLow = Found.Count - 1;
                _rangeNext = end + length;
            }
        }

        private bool IsRangeConnector(int p) => F(p) is '至' or '到' or '-' or '~' or '～' or '—';

        /// <summary>
        /// The length of a minus written before the number: '-' (增长-2.5%) unless it joins two figures (1万-5万元,
        /// 3%-5%), or a word from contexts.tsv (负3.9%). 0 when there is none.
        /// </summary>
        private int MinusLength(ParsedNumber num)
        {
            int p = num.Start - 1;
            if (num.IsArabic && F(p) == '-')
            {
                char before = F(p - 1);
                bool joins = (Found.Count > 0 && Found[^1].Span.End == p) || (_pending.Count > 0 && _pendingNext == num.Start)
                    || _lex.NumeralKindOf(before) != NumeralKind.None;
                return !joins && !IsAsciiLetter(before) && !NumberParser.IsAsciiDigit(before)
                    && before is not ('-' or '.' or '/' or '_' or '%') ? 1 : 0;
            }

            int length = _lex.MinusWords.Longest(_text, num.Start, _fold, out bool isMinus);
            return length > 0 && isMinus ? length : 0;
        }

        private UnitEntry? MatchUnit(int p, ParsedNumber num, out int length)
        {
            int start = p;

            // one space may stand before a Latin unit or % (5 GW, 增加 2 %), and before any unit after Arabic digits
            // (交付了 9 万辆, 共 3 家: text from HTML or PDF spaces digits off the words around them)
            if (F(p) == ' ' && (IsAsciiLetter(F(p + 1)) || F(p + 1) == '%' || (num.IsArabic && IsCjk(F(p + 1)))))
            {
                start = p + 1;
            }

            int max = int.MaxValue;
            while (true)
            {
                int len = _lex.Units.Longest(_text, start, _fold, out var entry, max);
                if (len == 0)
                {
                    length = 0;
                    return null;
                }

                if (Accept(entry, start, len, num))
                {
                    length = start - p + len;
                    return entry;
                }

                max = len - 1;
            }
        }

        private bool Accept(UnitEntry e, int p, int len, ParsedNumber num)
        {
            int after = p + len;
            if (IsAsciiLetter(e.Text[0]) && (IsAsciiLetter(F(after)) || NumberParser.IsAsciiDigit(F(after))))
            {
                return false; // 5GWh is not 5GW + h
            }

            foreach (var s in e.NotBefore)
            {
                if (StartsWith(after, s))
                {
                    return false;
                }
            }

            var cond = e.Condition;
            if (cond.HasFlag(UnitCondition.Magnitude) && !num.HasBigMagnitude && !AnyStartsWith(after, e.Next)
                && !(cond.HasFlag(UnitCondition.Counted) && NamedBefore(_lex.MoneySpent, num.Start)))
            {
                // 花了300块 is money: the verb says so where no 万/亿 does; 3块蛋糕 is no figure
                return false; // 30度 is a temperature, 1.2亿度 and 300度电 are energy
            }

            if (cond.HasFlag(UnitCondition.Arabic) && !num.IsArabic)
            {
                return false;
            }

            if (cond.HasFlag(UnitCondition.Max10) && (num.Value > 10 || num.Value <= 0 || num.HasBigMagnitude))
            {
                return false;
            }

            if (cond.HasFlag(UnitCondition.Index) && (!num.IsArabic || IsTimeOfDay(num, after)))
            {
                return false;
            }

            return true;
        }

        /// <summary>下午3点, 3点半: a time, not index points.</summary>
        private bool IsTimeOfDay(ParsedNumber num, int after)
        {
            if (num.HasDecimal || num.Value > 24 || num.HasBigMagnitude)
            {
                return false;
            }

            char next = F(after);
            if (_lex.TimeAfter.Contains(next) || NumberParser.IsAsciiDigit(next))
            {
                return true;
            }

            for (int k = Math.Max(0, num.Start - 3); k < num.Start; k++)
            {
                if (_lex.TimeBefore.Contains(F(k)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>N年 is a year (2024年, 二〇二四年, 由23年, 23年上半年), not a duration.</summary>
        private bool IsYear(ParsedNumber num, int unitEnd)
        {
            if (num.HasDecimal || num.HasBigMagnitude || num.More)
            {
                return false;
            }

            if ((num.IsArabic && num.IntegerDigits == 4) || num.IsDigitString)
            {
                return num.Value is >= 1000 and <= 2999;
            }

            char next = F(unitEnd);
            if (next is '月' or '度' or '代' or '级' or '底' or '末' or '初' or '第' or '首')
            {
                return true;
            }

            if (StartsWith(unitEnd, "上半") || StartsWith(unitEnd, "下半") || StartsWith(unitEnd, "全年")
                || (IsChineseDigit(next) && F(unitEnd + 1) == '季'))
            {
                return true;
            }

            if (num.IsArabic && num.IntegerDigits == 3 && !num.HasDecimal
                && YearHeuristics.RocYear(_text, num.Start, (int)num.Value, unitEnd, _lex) > 0)
            {
                return true; // 民国112年, 112年3月: Taiwan's calendar
            }

            return num.IsArabic && num.IntegerDigits == 2 && !num.HasDecimal && YearHeuristics.IsShortYear(_text, num.Start, unitEnd, _lex);
        }

        /// <summary>N日 is a day of the month (17日, 8月9日) unless a duration word says otherwise (连续6日).</summary>
        private bool IsDayCount(ParsedNumber num, int unitEnd)
        {
            if (F(num.Start - 1) == '月')
            {
                return false;
            }

            foreach (var s in _lex.DayCountAfter)
            {
                if (StartsWith(unitEnd, s))
                {
                    return true;
                }
            }

            foreach (var s in _lex.DayCountBefore)
            {
                if (EndsWith(num.Start, s))
                {
                    return true;
                }
            }

            return num.More || num.HasBigMagnitude;
        }

        private (Qualifier Qualifier, int Start) PreQualifier(int numStart, bool hasDigit)
        {
            int at = F(numStart - 1) == ' ' && IsCjk(F(numStart - 2)) ? numStart - 1 : numStart; // 超过 50%
            int len = _lex.PreQualifiers.Longest(_text, at, _fold, out var entry);
            if (len == 0 || (entry.DigitlessOnly && hasDigit) || entry.Qualifier == Qualifier.Eq)
            {
                return (Qualifier.Eq, numStart);
            }

            return (entry.Qualifier, at - len);
        }

        /// <summary>A qualifier up to four characters before a share word, across the name of the whole.</summary>
        private Qualifier ScopedPreQualifier(int i)
        {
            for (int gap = 1; gap <= 4 && i - gap > 0; gap++)
            {
                if (!IsCjk(F(i - gap)))
                {
                    break;
                }

                var (q, _) = PreQualifier(i - gap, true);
                if (q != Qualifier.Eq)
                {
                    return q;
                }
            }

            return Qualifier.Eq;
        }

        private Qualifier PostQualifier(ref int end, UnitKind? unitKind)
        {
            int len = _lex.PostQualifiers.Longest(_text, end, _fold, out var entry);
            if (len == 0 && F(end) is '(' or '（' && ParenthesisEnd(end) is int close
                && _lex.PostQualifiers.Longest(_text, close, _fold, out entry) is > 0 and var after)
            {
                len = close - end + after; // 2万台（套）以上: the hedge after a note on the unit
            }

            if (len == 0 || entry.Qualifier == Qualifier.Eq)
            {
                return Qualifier.Eq;
            }

            // 上下游, 多元化: 上下 and 多 hedge a number only at the end of a phrase (5%上下, 三成多)
            char next = F(end + len);
            if (entry.BoundaryOnly && IsCjk(next) && next != '的'
                && unitKind is not (UnitKind.Duration or UnitKind.Percent or UnitKind.Multiple))
            {
                return Qualifier.Eq;
            }

            end += len;
            return entry.Qualifier;
        }

        /// <summary>A scope hedge (约占) up to ten Chinese characters before the 的 that ends the whole of a percentage.</summary>
        private Qualifier ShareScopeQualifier(int of)
        {
            for (int k = of; k > 0 && k >= of - 10 && IsCjk(F(k - 1)); k--)
            {
                if (_lex.PreQualifiers.Longest(_text, k, _fold, out var entry) > 0 && entry.Scoped)
                {
                    return entry.Qualifier;
                }
            }

            return Qualifier.Eq;
        }

        /// <summary>The index after a short parenthesis opening at p (at most four characters inside), or null.</summary>
        private int? ParenthesisEnd(int p)
        {
            for (int k = p + 1; k <= p + 5 && k < _text.Length; k++)
            {
                if (F(k) is ')' or '）')
                {
                    return k + 1;
                }
            }

            return null;
        }

        /// <summary>
        /// The hedge of a figure listed right after a hedged one: 超过1733万千瓦/3580万千瓦时, 分别约为5.71亿元、7.36亿元,
        /// 分别超过2700万人次和555万辆次. A hedge before a list covers every figure in it.
        /// </summary>
        private Qualifier ListedQualifier(int spanStart)
        {
            int connector = spanStart - 1;
            if (Found.Count == 0 || connector < 0 || Found[^1].Span.End != connector
                || F(connector) is not ('/' or '、' or '和' or '及' or '与'))
            {
                return Qualifier.Eq;
            }

            var previous = Found[^1].Qualifier;
            return previous is Qualifier.Range ? Qualifier.Eq : previous;
        }

        private (string? Currency, int Start) CurrencyPrefix(int numStart)
        {
            int at = F(numStart - 1) == ' ' ? numStart - 1 : numStart;
            int len = _lex.CurrencyPrefixes.Longest(_text, at, _fold, out var currency);
            if (len == 0)
            {
                return (null, numStart);
            }

            // RMB, USD must stand alone (not the tail of a longer Latin word)
            if (IsAsciiLetter(F(at - len - 1)) && IsAsciiLetter(F(at - len)))
            {
                return (null, numStart);
            }

            return (currency, at - len);
        }

        private static Qualifier Combine(Qualifier pre, Qualifier post, Qualifier mid) =>
            pre != Qualifier.Eq ? pre : post != Qualifier.Eq ? post : mid;

        private int ConnectorLength(int p)
        {
            char c = F(p);
            if (c is '、' or '和' or '及' or '与' or '至' or '到' or '或' or '-' or '~' or '～' or '—')
            {
                return c == '—' && F(p + 1) == '—' ? 2 : 1;
            }

            return 0;
        }

        private bool CanOpenNumber(int p)
        {
            char c = F(p);
            return NumberParser.IsAsciiDigit(c) || (_lex.NumeralKindOf(c) != NumeralKind.None);
        }

        private bool IsGlued(int i)
        {
            char prev = F(i - 1);
            if (IsAsciiLetter(prev) || prev == '_')
            {
                return true;
            }

            if (prev == '$')
            {
                return _lex.CurrencyPrefixes.Longest(_text, i, _fold, out _) == 0;
            }

            // URL and code punctuation glues only inside an ASCII token (13:13, %E5, v1.2, GPT-4); after
            // Chinese text it is ordinary punctuation (占比:35%)
            char before = F(i - 2);
            return prev is '/' or '%' or '.' or '#' or '=' or '&' or '@' or '\\' or ':' or '-'
                && (IsAsciiLetter(before) || NumberParser.IsAsciiDigit(before) || before is '_' or '/' or '%' or '.')
                && !(prev == '-' && (NumberParser.IsAsciiDigit(before) || before == '%')); // 3-5, 3%-5%: a range
        }

        private bool IsWeekday(int i) => EndsWith(i, "星期") || EndsWith(i, "礼拜") || F(i - 1) == '周';

        private bool AtClauseStart(int i)
        {
            int k = i - 1;
            while (k >= 0 && F(k) is ' ' or '\t')
            {
                k--;
            }

            return k < 0 || F(k) is '\n' or '\r' or '。' or '；' or ';' or '：' or ':' or '！' or '!' or '？' or '?'
                or '“' or '"' or '「' or '(' or '（' or '【' or '[' or '#' or '-' or '*' or '>';
        }

        /// <summary>位居全国第一: a verb of position stands earlier in the clause (not in 质量第一、效益优先).</summary>
        private bool ClauseHasRankVerb(int i)
        {
            for (int k = i - 1; k >= 0 && k >= i - 24; k--)
            {
                char c = F(k);
                if (!IsWordChar(c) && c != ' ')
                {
                    return false;
                }

                if (_lex.RankVerbs.Contains(c))
                {
                    return true;
                }
            }

            return false;
        }

        private int SkipAsciiWord(int i)
        {
            // a currency prefix right before a number is read with the number (US$5亿, HK$ 3)
            int end = AsciiRunEnd(i);
            for (int k = i + 1; k <= Math.Min(end, i + 4); k++)
            {
                if (_lex.CurrencyPrefixes.Longest(_text, k, _fold, out _) == k - i
                    && (NumberParser.IsAsciiDigit(F(k)) || (F(k) == ' ' && NumberParser.IsAsciiDigit(F(k + 1)))))
                {
                    return k;
                }
            }

            return end;
        }

        private int AsciiRunEnd(int i)
        {
            int k = i;
            while (k < _text.Length)
            {
                char c = F(k);
                if (IsAsciiLetter(c) || NumberParser.IsAsciiDigit(c)
                    || c is '_' or '%' or '/' or '.' or ':' or '=' or '&' or '?' or '#' or '-' or '+' or '~' or '@' or '\\')
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
            if (p + s.Length > _text.Length)
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

        private bool AnyStartsWith(int p, string[] candidates)
        {
            foreach (var s in candidates)
            {
                if (StartsWith(p, s))
                {
                    return true;
                }
            }

            return false;
        }

        private bool EndsWith(int p, string s) => p - s.Length >= 0 && StartsWith(p - s.Length, s);

        private bool IsChineseDigit(char c) => _lex.NumeralKindOf(c) == NumeralKind.Digit;

        private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

        private static bool IsCjk(char c) => c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF');

        private static bool IsWordChar(char c) => IsCjk(c) || IsAsciiLetter(c) || NumberParser.IsAsciiDigit(c);

        private readonly record struct Pending(ParsedNumber Number, Qualifier Pre, int SpanStart, Qualifier Mid);
    }
}
