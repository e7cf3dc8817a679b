using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Lexicons;
using Anvil.Core.Output;
using Anvil.Core.Periods;
using Anvil.Core.Pipeline;
using Anvil.Core.Quantities;

namespace Anvil.Core.Facts;

/// <summary>
/// Turns the quantities of a text into facts: for each figure, the subject it is about, the measure
/// (indicator) and its scope, the kind (value, growth, delta, share, rank), the period and the source.
/// Works clause by clause on the matching view; what a clause leaves out (the subject, the measure, the
/// period, the source) is carried from the clause or sentence before, as a reader would.
/// </summary>
public sealed class FactExtractor(FactData data, Lexicons.EntityLexicon? lexicon = null) : IPipelineComponent
{
    public string Name => "facts";

    public Annotations Requires => Annotations.View | Annotations.Entities | Annotations.Quantities | Annotations.Periods;

    public Annotations Provides => Annotations.Facts;

    public void Process(Analysis analysis)
    {
        if (analysis.Quantities.Count == 0)
        {
            return;
        }

        var state = new DocumentState(analysis, data, lexicon);
        foreach (var sentence in Sentences(state.Text))
        {
            state.ProcessSentence(sentence);
        }
    }

    internal static IEnumerable<TextSpan> Sentences(string text)
    {
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] is '。' or '!' or '?' or '！' or '？' or '\n')
            {
                foreach (var part in LongSentences.Cut(text, start, i))
                {
                    yield return part;
                }

                start = i + 1;
            }
        }

        foreach (var part in LongSentences.Cut(text, start, text.Length))
        {
            yield return part;
        }
    }

    private sealed record Mention(TextSpan View, string Name, EntityType Type)
    {
        /// <summary>A word standing for a subject (全市, 国内), not a name: it may sit inside the measure (新能源汽车国内销量).</summary>
        public bool IsReference { get; init; }
    }

    private sealed record Figure(QuantityMention Quantity, TextSpan View, TextSpan NumberView);

    /// <summary>One item of a 分别 list: a subject (北京和广州分别…), a scope (房地产业、金融业…) or a measure (产销).</summary>
    private sealed record ListItem(string? Subject, string? Scope, string Indicator);

    /// <summary>What the previous figure said, for the next one to carry.</summary>
    private sealed record Carried(string Subject, string? Scope, string Indicator, string Kind, string? Period, int SubjectStart);

    private sealed class DocumentState
    {
        private static readonly string[] CurrentWords = ["目前", "现在", "当前", "如今", "截至目前", "至今"];
        private readonly Analysis _analysis;
        private readonly FactData _data;
        private readonly List<Mention> _mentions;
        private readonly List<Figure> _figures;
        private readonly List<PeriodMention> _periods;
        private readonly string? _mainPlace;
        private readonly string? _mainCompany;
        private readonly string? _countryByDefault;
        private readonly string _localCurrency;
        private string? _onwardSource;
        private Mention? _currentSourceMention;
        private Carried? _last;
        private string? _topic;
        private string _afterWord = "";
        private List<ListItem>? _lastList;
        private (string Kind, int Sign)? _listKind;

        private readonly Lexicons.EntityLexicon? _lexicon;

        public DocumentState(Analysis analysis, FactData data, Lexicons.EntityLexicon? lexicon)
        {
            _analysis = analysis;
            _data = data;
            _lexicon = lexicon;
            var view = analysis.View;
            Text = view.Text;
            _mentions = analysis.Entities.Select(e => new Mention(view.ToView(e.Span), e.Name, e.Type)).OrderBy(m => m.View.Start).ToList();
            _figures = analysis.Quantities.Where(q => !IsNeverAFact(q)).Select(q => new Figure(q, view.ToView(q.Span), view.ToView(q.NumberSpan))).OrderBy(f => f.View.Start).ToList();
            _periods = analysis.Periods.Select(p => p with { Span = view.ToView(p.Span) }).OrderBy(p => p.Span.Start).ToList();
            _mainPlace = _mentions.Where(m => m.Type == EntityType.Place).GroupBy(m => m.Name).OrderByDescending(g => g.Count()).ThenBy(g => g.First().View.Start).FirstOrDefault()?.Key;
            _mainCompany = _mentions.Where(m => m.Type == EntityType.Company).GroupBy(m => m.Name).OrderByDescending(g => g.Count()).ThenBy(g => g.First().View.Start).FirstOrDefault()?.Key;
            // the subject of last resort: what the text names most, a company or a place
            _mainPlace = _mentions.Where(m => m.Type is EntityType.Place or EntityType.Company).GroupBy(m => m.Name).OrderByDescending(g => g.Count()).ThenBy(g => g.First().View.Start).FirstOrDefault()?.Key;
            _localCurrency = LocalCurrency();
            // a mainland text that names no place or company speaks of the country (全国, national statistics)
            _countryByDefault = ScriptOf() == Script.Hans ? "中国" : null;
            _onwardSource = LeadSource();
            _placeMentions = _mentions.Where(m => m.Type == EntityType.Place).ToList();
            _companyMentions = _mentions.Where(m => m.Type == EntityType.Company).ToList();
            _placeNames = _placeMentions.Select(m => m.Name).Distinct(StringComparer.Ordinal).ToList();
            _placeAndCompanyNames = _mentions.Where(m => m.Type is EntityType.Place or EntityType.Company).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
            _listWordsToStrip = _placeAndCompanyNames.Concat(_data.SubjectReferences.Keys).Distinct(StringComparer.Ordinal).ToList();
            // only mentions that can govern: PeriodResolver.Governing skips the others one by one, and a text
            // of thousands of unresolved periods (去年 with no document date) made every figure walk them all
            _governingPeriods = _periods.Where(p => (p.Granularity != PeriodGranularity.Day || p.IsAsAt) && !p.IsComparison && p.Value is not null).ToList();
        }

        // Indexes over the sorted mentions, figures and periods: every lookup is a binary search, so a
        // long document costs no more per figure than a short one.
        private readonly List<Mention> _placeMentions;
        private readonly List<Mention> _companyMentions;
        private readonly List<string> _placeNames;
        private readonly HashSet<string> _placeAndCompanyNames;
        private readonly List<string> _listWordsToStrip;
        private readonly List<PeriodMention> _governingPeriods;

        private static int FirstStartingAt<T>(List<T> list, int position, Func<T, int> start)
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

        private IEnumerable<Mention> MentionsWithin(int from, int to) => Within(_mentions, from, to, m => m.View);

        private IEnumerable<Figure> FiguresWithin(int from, int to) => Within(_figures, from, to, f => f.View);

        private IEnumerable<PeriodMention> PeriodsWithin(int from, int to) => Within(_periods, from, to, p => p.Span);

        private static IEnumerable<T> Within<T>(List<T> list, int from, int to, Func<T, TextSpan> span)
        {
            for (int i = FirstStartingAt(list, from, x => span(x).Start); i < list.Count && span(list[i]).Start < to; i++)
            {
                if (span(list[i]).End <= to)
                {
                    yield return list[i];
                }
            }
        }

        private static Mention? LastBefore(List<Mention> list, int position, Func<Mention, bool> accept)
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

        public string Text { get; }

        private TextSpan _currentSentence;

        public void ProcessSentence(TextSpan sentence)
        {
            _currentSentence = sentence;
            if (Text[sentence.Start] == '#')
            {
                // a heading starts a new item of a news feed: nothing carries over from the item before
                _topic = null;
                _last = null;
                _onwardSource = null;
                _currentSourceMention = null;
                _lastList = null;
            }

            var figures = FiguresWithin(sentence.Start, sentence.End).ToList();
            string? sentenceSource = SentenceSource(sentence);
            Carried? lastInSentence = null;
            for (int i = 0; i < figures.Count; i++)
            {
                var figure = figures[i];
                var clause = ClauseAround(sentence, figure.View.Start);
                int previousEnd = i > 0 && figures[i - 1].View.End > clause.Start ? figures[i - 1].View.End : clause.Start;
                var fact = Resolve(figure, sentence, clause, previousEnd, lastInSentence, figures, i, sentenceSource);
                if (fact is null)
                {
                    continue;
                }

                _analysis.Facts.Add(fact.Value.Record);
                lastInSentence = fact.Value.Carried;
                _last = lastInSentence;
                if (fact.Value.IsTopic)
                {
                    _topic = fact.Value.Record.Fact.Subject;
                }
            }
        }

        private (FactRecord Record, Carried Carried, bool IsTopic)? Resolve(Figure figure, TextSpan sentence, TextSpan clause, int previousEnd,
            Carried? lastInSentence, List<Figure> figures, int index, string? sentenceSource)
        {
            var q = figure.Quantity;
            if (IsNotAFigure(figure))
            {
                return null; // durations, index levels, ordinals, 这两座, 「90%」 are not facts about a subject
            }

            // the subject: the nearest subject-like name in the clause before the figure, else carried
            // the subject: named in the clause; else the previous figure's in this sentence; else the topic of
            // the sentence part (up to the last ；) before the figure; else carried from before
            var subjectMention = (q.Unit == "rank" ? SubjectAfter(figure.View.End) : null) ?? SubjectIn(clause.Start, figure.View.Start, -1);
            if (subjectMention is null && lastInSentence is null)
            {
                int part = figure.View.Start > sentence.Start ? Text.LastIndexOfAny(['；', ';'], figure.View.Start - 1, figure.View.Start - sentence.Start) : -1;
                subjectMention = SubjectIn(-1, figure.View.Start, part >= sentence.Start ? part + 1 : sentence.Start);
            }

            string? subject = subjectMention?.Name;
            int phraseStart = Math.Max(previousEnd, clause.Start);
            if (subjectMention is not null && subjectMention.View.End > phraseStart
                && !(subjectMention.IsReference && Text[phraseStart..subjectMention.View.Start].Trim().Length > 1))
            {
                phraseStart = subjectMention.View.End;
            }

            if (subject is null && lastInSentence is null && q.Unit == "rank")
            {
                return null; // a ranking claim names what it ranks in its own sentence
            }

            subject ??= lastInSentence?.Subject ?? _topic ?? _mainPlace ?? _countryByDefault;
            if (subject is null)
            {
                return null;
            }

            // what kind of figure, and the words that name what it measures
            string phrase = CleanPhrase(phraseStart, figure.View.Start, out int phraseOffset);
            _afterWord = "";
            var (kind, sign, measure) = KindOf(q, phrase, figure);
            if (kind == "none")
            {
                return null;
            }

            var (scope, indicator) = SplitMeasure(measure, q);
            if (kind == "value" && ActionMeasure(TrimEnds(measure) is { Length: > 0 } m ? measure : measure, figure) is { } action)
            {
                indicator = action;
                scope = null;
            }
            else if (kind == "growth" && indicator.Length > 0 && !_data.Indicators.ContainsKey(indicator) && scope is null && !IsMeasure(indicator))
            {
                if (lastInSentence is { Kind: "value" })
                {
                    // 生产总值9602亿元，以可比价格计同比增长6.9%: the growth of the value just stated
                    indicator = "";
                }
                else
                {
                    // 服务机器人增长25.8%: the words name what grows (the scope); the measure is the growth itself
                    scope = indicator;
                    indicator = GrowthWord(phrase);
                }
            }

            if (indicator.Length == 0 && lastInSentence is null && scope is null)
            {
                // 本地研发总开支相对本地生产总值的比率，由0.73%: the measure was named in the clause before
                var before = PreviousClauseMeasure(sentence, clause);
                if (before is { Length: > 0 })
                {
                    (scope, indicator) = SplitMeasure(before, q);
                }
            }

            if (scope is null && q.Unit is "count" or "" && ScopeAfter(figure) is { } counted)
            {
                scope = counted;
            }

            // a scope named earlier carries: in the sentence always (…新能源汽车产销…，市场占有率达32.7%), from the
            // sentence before when the measure is the same (汽车出口253.3万辆。其中，上汽出口量达8.8万辆)
            if (scope is null && indicator.Length > 0)
            {
                if (lastInSentence is { Scope: not null } same && same.Subject == subject && SamePart(sentence, same.SubjectStart, figure.View.Start))
                {
                    // 人工智能企业超过3000家，产业规模约3800亿元: the sector carries, not the counted noun
                    scope = same.Scope;
                    if (same.Indicator.EndsWith("数量", StringComparison.Ordinal) && !indicator.EndsWith("数量", StringComparison.Ordinal)
                        && (scope.EndsWith("企业", StringComparison.Ordinal) || scope.EndsWith("公司", StringComparison.Ordinal)) && scope.Length > 2)
                    {
                        scope = scope[..^2];
                    }
                }
                else if (lastInSentence is null && _last is { Scope: not null } before
                    && (before.Indicator.Contains(indicator, StringComparison.Ordinal) || indicator.Contains(before.Indicator, StringComparison.Ordinal)))
                {
                    scope = before.Scope;
                }
            }

            // 加快2.3个百分点: a change of the growth rate of the measure before
            bool rateChange = q.Unit == "pp" && kind == "delta" && indicator.Length <= 2 && !_data.Indicators.ContainsKey(indicator);
            if (rateChange)
            {
                indicator = "";
            }

            bool inherited = false;
            if (indicator.Length == 0)
            {
                var from = lastInSentence ?? (_last is not null && _last.Subject == subject && !_measureWasClause ? _last : null);
                if (from is not null)
                {
                    scope ??= from.Scope;
                    indicator = kind == "share" && from.Kind != "share" ? ShareOf(from.Indicator) : from.Indicator;
                    if (rateChange && !indicator.EndsWith("增速", StringComparison.Ordinal) && !indicator.EndsWith('率') && !indicator.EndsWith("比重", StringComparison.Ordinal))
                    {
                        indicator += "增速";
                    }

                    inherited = true;
                }
            }

            // 分别: the i-th figure of a list takes the i-th item named before it
            var listed = Distribute(figure, figures, index, clause, phrase, kind, out int listPosition);
            if (listed is { } item)
            {
                scope = item.Scope ?? scope;
                if (item.Indicator.Length > 0)
                {
                    indicator = item.Indicator;
                    scope = item.Scope; // 营收和毛利分别…: the items were measures, not a scope
                }
                else if (item.Scope is not null && indicator is "增长" or "增速" or "增幅" && _last is { } before && before.Subject == subject && IsMeasure(before.Indicator))
                {
                    // 通用设备制造业、专用设备制造业分别增长9.8%和7.8%: the growth of the measure named before
                    indicator = before.Indicator;
                }
                subject = item.Subject ?? subject;
                // 分别下降17.64%和14.89%: every figure of the list has the first one's kind and sign
                if (listPosition == 0)
                {
                    _listKind = (kind, sign);
                }
                else if (_listKind is { } k && (k.Kind == kind || q.IsUnitBorrowed || phrase.Length <= 1))
                {
                    (kind, sign) = k;
                }
            }

            if (indicator.Length == 0)
            {
                indicator = kind switch
                {
                    "growth" => "增速",
                    "share" => "占比",
                    "rank" => "排名",
                    _ => q.Unit == "count" || q.Unit.Length == 0 ? "数量" : "金额",
                };
            }

            string unit = q.Unit.Length == 0 ? UnitlessUnit(q, indicator) : q.Unit;
            if (unit == "count" && Text.AsSpan(Math.Max(0, phraseStart), Math.Max(0, figure.View.Start - phraseStart)).Contains("每平方公里", StringComparison.Ordinal))
            {
                unit = "count/km2";
            }
            if (q.IsCurrencyAssumed && unit == "CNY" && _localCurrency != "CNY" && !IsMainlandPlace(subject))
            {
                unit = _localCurrency;
            }

            double value = kind is "growth" or "delta" ? sign * q.Value : q.Value;
            string? period = PeriodFor(figure, sentence, lastInSentence, inherited);
            string? source = sentenceSource ?? _onwardSource;
            int start = subjectMention is not null && subjectMention.View.Start >= clause.Start ? subjectMention.View.Start : phraseStart + phraseOffset;
            var span = _analysis.View.ToOriginal(Math.Min(start, figure.View.Start), figure.View.End);
            var record = new FactRecord(span, new Fact
            {
                Subject = subject,
                Scope = string.IsNullOrEmpty(scope) ? null : scope,
                Indicator = indicator,
                Kind = FactNames.ParseKind(kind),
                Value = value,
                Unit = new Unit(unit),
                UnitText = q.UnitText.Length == 0 ? null : q.UnitText,
                Qualifier = q.Qualifier,
                Period = period,
                Source = source,
            });
            // a subject named at the head of its clause is what the text goes on about; one from a list is not
            bool isTopic = subjectMention is not null && subjectMention.Type is not (EntityType.Government or EntityType.Person or EntityType.Work) && listed?.Subject is null
                && (subjectMention.View.Start <= clause.Start + 2 || IsTopicPosition(subjectMention.View.Start, clause.Start));
            return (record, new Carried(subject, record.Fact.Scope, indicator, kind, period, start), isTopic);
        }

        /// <summary>Durations, index levels and ordinals are not facts about a subject.</summary>
        private static bool IsNeverAFact(QuantityMention q) =>
            q.Unit is "year" or "month" or "week" or "day" or "hour" or "h" or "min" or "minute" or "s" or "second" or "point" || q.IsOrdinal;

        /// <summary>这两座 (a demonstrative before the number) and 「90%」 (a quoted label) state no figure.</summary>
        private bool IsNotAFigure(Figure figure)
        {
            int start = figure.View.Start, end = figure.View.End;
            if (start > 0 && "这那该此哪".Contains(Text[start - 1], StringComparison.Ordinal))
            {
                return true;
            }

            // 两个市场, 九大基地, 三种资源: a count written as one numeral character lists kinds of things in
            // policy prose; the figures analysts compare are written out (2.5万家, 138家)
            var number = Text.AsSpan(figure.NumberView.Start, Math.Max(0, figure.NumberView.Length));
            if (figure.Quantity.Unit == "count" && number.Length == 1 && "一二两三四五六七八九十".Contains(number[0], StringComparison.Ordinal))
            {
                return true;
            }

            // 「兩個確立」, 「四個意識」: a number opening a quoted slogan names it, it counts nothing
            if (start > 0 && "「“『".Contains(Text[start - 1], StringComparison.Ordinal))
            {
                int close = Text.IndexOfAny(['」', '”', '』'], end, Math.Min(10, Text.Length - end));
                if (close >= 0)
                {
                    return true;
                }
            }

            return start > 0 && end < Text.Length && "「“\"『".Contains(Text[start - 1], StringComparison.Ordinal) && "」”\"』".Contains(Text[end], StringComparison.Ordinal);
        }

        /// <summary>A number with a magnitude but no unit (超過254萬, 7億搞智慧城市): a count, or money when it is large and counts nothing.</summary>
        private string UnitlessUnit(QuantityMention q, string indicator)
        {
            bool countsThings = indicator.Contains("数量", StringComparison.Ordinal) || indicator.Contains('人') || indicator.Contains("企业", StringComparison.Ordinal)
                || indicator.Contains("用户", StringComparison.Ordinal) || indicator.Contains("辆", StringComparison.Ordinal);
            return !countsThings && q.Value >= 1e8 ? _localCurrency : "count";
        }

        private bool IsTopicPosition(int start, int clauseStart) =>
            PeriodsWithin(clauseStart, start).Any(p => Text[clauseStart..p.Span.Start].Trim().Length <= 2);

        /// <summary>Which kind of figure this is, its sign, and the words left to name the measure.</summary>
        private (string Kind, int Sign, string Measure) KindOf(QuantityMention q, string phrase, Figure figure)
        {
            if (q.Unit == "rank")
            {
                string measure = StripRankWords(phrase);
                foreach (var w in new[] { "总量", "数量", "规模", "总额" })
                {
                    measure = measure == w ? "" : measure;
                }

                return ("rank", 1, measure);
            }

            // a kind word right after the figure: 以31.8%的增速
            string after = Text.Substring(figure.View.End, Math.Min(8, Text.Length - figure.View.End));
            foreach (var w in _data.KindWordsAfter)
            {
                if (after.StartsWith(w.Word, StringComparison.Ordinal) && (q.IsPercent || w.Kind != "growth"))
                {
                    string measure = phrase.EndsWith('以') ? phrase[..^1] : phrase;
                    _afterWord = w.Word;
                    return (w.Kind, w.Sign, measure);
                }
            }

            // the rightmost kind word in the phrase decides; the words before it name the measure
            int bestAt = -1;
            FactData.KindWord? best = null;
            foreach (var w in _data.KindWordsBefore)
            {
                int at = phrase.LastIndexOf(w.Word, StringComparison.Ordinal);
                while (at >= 0 && InsideIndicatorWord(phrase, at, w.Word.Length))
                {
                    at = at == 0 ? -1 : phrase.LastIndexOf(w.Word, at - 1, StringComparison.Ordinal);
                }

                if (at >= 0 && (best is null || at + w.Word.Length > bestAt + best.Word.Length || (at + w.Word.Length == bestAt + best.Word.Length && w.Word.Length > best.Word.Length)))
                {
                    // a one-character growth word only counts right before the figure (升3%, not 升级)
                    if (w.Word.Length == 1 && w.Kind == "growth" && at + 1 < phrase.Length - 1)
                    {
                        continue;
                    }

                    best = w;
                    bestAt = at;
                }
            }

            if (q.Unit == "pp")
            {
                int sign = best?.Sign ?? 1;
                if (phrase.Contains("低于", StringComparison.Ordinal) || phrase.Contains("收窄", StringComparison.Ordinal) || phrase.Contains("放缓", StringComparison.Ordinal))
                {
                    sign = -1;
                }

                return ("delta", sign, bestAt >= 0 ? phrase[..bestAt] : phrase);
            }

            if (q.IsMultiple)
            {
                // 增长1.5倍 is a growth; 5G的容量是4G的20倍 compares two things and is none
                if (best is null && !q.UnitText.Contains('番', StringComparison.Ordinal) && !q.UnitText.Contains("翻", StringComparison.Ordinal))
                {
                    return ("none", 1, phrase);
                }

                return ("growth", best?.Sign ?? 1, bestAt >= 0 ? phrase[..bestAt] : phrase);
            }

            if (q.IsFraction)
            {
                return ("share", 1, bestAt >= 0 ? phrase[..bestAt] : phrase);
            }

            if (q.IsPercent && IsRate(phrase))
            {
                return ("value", 1, bestAt >= 0 && best!.Kind == "growth" ? phrase[..bestAt] : phrase);
            }

            // 提高到66.2%, 降低至8.25%, 增加至1.5%: a new level, not a change
            if (best is not null && q.IsPercent && best.Kind == "growth")
            {
                string rest = phrase[(bestAt + best.Word.Length)..];
                // 增长为5% is a growth of 5%; 股权比例下降为33% is a new level
                if (rest.StartsWith('至') || rest.StartsWith('到') || (rest.StartsWith('为') && (NamesARatio(phrase[..bestAt]) || phrase[..bestAt].Contains("比例", StringComparison.Ordinal))))
                {
                    return ("share", 1, phrase[..bestAt]);
                }
            }

            if (best is null && q.IsPercent && NamesARatio(phrase))
            {
                return ("share", 1, phrase);
            }

            if (best is null)
            {
                if (q.IsPercent && SentenceSpeaksOfGrowth(figure.View.Start))
                {
                    return ("growth", 1, phrase);
                }

                return (q.IsPercent ? (IsRate(phrase) ? "value" : "share") : "value", 1, phrase);
            }

            string before = phrase[..bestAt];
            if (best.Kind == "share")
            {
                return q.IsPercent ? ("share", 1, before) : ("value", 1, phrase);
            }

            // growth words before an amount make an absolute change (增加1200亿元); 增至 / 增加至 is a level
            if (!q.IsPercent)
            {
                string tail = phrase[(bestAt + best.Word.Length)..];
                bool toLevel = tail.StartsWith('至') || tail.StartsWith('到') || tail.StartsWith("为", StringComparison.Ordinal);
                return toLevel || best.Word.Length == 1 || best.Word is "同比" or "环比" or "按年" or "按月" or "增速" or "增幅" or "涨幅" or "跌幅" or "降幅"
                    ? ("value", 1, before)
                    : ("delta", best.Sign, before);
            }

            return ("growth", best.Sign, before);
        }

        /// <summary>True when a kind word at <paramref name="at"/> is part of a longer measure word (增加 in 增加值).</summary>
        private bool InsideIndicatorWord(string phrase, int at, int length)
        {
            var trie = _data.IndicatorTrie;
            for (int start = Math.Max(0, at - _data.LongestIndicator); start <= at; start++)
            {
                int node = WordTrie<bool>.Root;
                for (int k = start; k < phrase.Length && trie.TryStep(node, phrase[k], out node); k++)
                {
                    int len = k - start + 1;
                    if (trie.IsWord(node) && len > length && k + 1 >= at + length)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The last kind word before the figure in its sentence is one of growth (从经济增速来看，上海（9.7%）).</summary>
        private bool SentenceSpeaksOfGrowth(int position)
        {
            var sentence = _currentSentence;
            string before = Text[sentence.Start..position];
            int growthAt = -1, shareAt = -1;
            foreach (var w in _data.KindWordsBefore.Where(w => w.Word.Length >= 2))
            {
                int at = before.LastIndexOf(w.Word, StringComparison.Ordinal);
                if (at < 0 || InsideIndicatorWord(before, at, w.Word.Length) && w.Word != "增速")
                {
                    continue;
                }

                if (w.Kind == "growth")
                {
                    growthAt = Math.Max(growthAt, at);
                }
                else
                {
                    shareAt = Math.Max(shareAt, at);
                }
            }

            return growthAt > shareAt;
        }

        /// <summary>The words name a ratio of a whole (失业率, 城镇化率, 比重, 份额): its level is a share.</summary>
        private static bool NamesARatio(string phrase)
        {
            string p = phrase.TrimEnd('为', '达', '是', '约', ' ');
            return p.EndsWith('率') || p.EndsWith("比重", StringComparison.Ordinal) || p.EndsWith("占比", StringComparison.Ordinal) || p.EndsWith("份额", StringComparison.Ordinal);
        }

        /// <summary>Tax, interest and tariff rates are levels, not shares of a whole (the gold's convention).</summary>
        private static bool IsRate(string phrase) =>
            phrase.Contains("税率", StringComparison.Ordinal) || phrase.Contains("利率", StringComparison.Ordinal) || phrase.Contains("关税", StringComparison.Ordinal)
            || phrase.EndsWith("获", StringComparison.Ordinal) || phrase.Contains("扣税", StringComparison.Ordinal);

        private static string StripRankWords(string phrase)
        {
            foreach (var w in new[] { "稳居", "位居", "位列", "排名", "排在", "居于", "居", "列", "排", "全国", "全球", "城市", "大中城市", "数量", "总量" })
            {
                int at = phrase.IndexOf(w, StringComparison.Ordinal);
                if (at >= 0 && w is "稳居" or "位居" or "位列" or "排名" or "排在" or "居于" or "居" or "列" or "排")
                {
                    return phrase[..at];
                }
            }

            return phrase;
        }

        /// <summary>Splits "人工智能产业规模" into scope 人工智能 and indicator 产业规模.</summary>
        private (string? Scope, string Indicator) SplitMeasure(string measure, QuantityMention q)
        {
            _measureWasClause = false;
            measure = TrimEnds(CutComparison(TrimEnds(measure)));
            if (measure.Length == 0)
            {
                return (null, "");
            }

            // the longest known measure at the end of the words
            for (int len = Math.Min(_data.LongestIndicator, measure.Length); len >= 1; len--)
            {
                string tail = measure[^len..];
                if (_data.Indicators.TryGetValue(tail, out var canonical))
                {
                    string scope = TrimEnds(measure[..^len]);
                    // as written, unless an abbreviation (GDP → 地区生产总值)
                    string indicator = tail.Any(TextClasses.IsHan) ? tail : canonical;
                    int clauseEnd = EndOfLastClauseMarker(scope);
                    if (clauseEnd > 0)
                    {
                        // 李明称有信心 + 国内生产总值: a clause before the measure names neither it nor a scope,
                        // unless what follows its last marker is a sector (他说 + 新能源汽车 + 销量)
                        scope = TrimEnds(scope[clauseEnd..]);
                        return (scope.Length > 0 && IsScope(scope) ? scope : null, indicator);
                    }

                    // 新能源汽车国内 + 销量: a modifier at the end of the scope belongs to the measure
                    foreach (var modifier in _data.MeasureModifiers)
                    {
                        if (scope.Length > modifier.Length && scope.EndsWith(modifier, StringComparison.Ordinal))
                        {
                            scope = scope[..^modifier.Length];
                            indicator = modifier + indicator;
                            break;
                        }
                    }

                    // 民营 + 企业数量: the counted class completes the scope (民营企业)
                    foreach (var noun in new[] { "企业", "公司" })
                    {
                        if (scope.Length > 0 && !IsScope(scope) && indicator.StartsWith(noun, StringComparison.Ordinal) && IsScope(scope + noun))
                        {
                            scope += noun;
                        }
                    }

                    if (scope.Length > 0 && !IsScope(scope))
                    {
                        // 技术合同 + 成交额: not a sector, so part of the measure
                        return (null, scope + indicator);
                    }

                    return (scope.Length == 0 ? null : scope, indicator);
                }
            }

            // a count of things: 人工智能企业超2800家 → scope 人工智能, indicator 企业数量
            if (q.Unit is "count" or "")
            {
                foreach (var noun in new[] { "企业", "公司", "机构", "项目", "人才", "人" })
                {
                    if (measure.EndsWith(noun, StringComparison.Ordinal))
                    {
                        string scope = TrimEnds(measure[..^noun.Length]);
                        // 民营企业有约90万家: the class counted, with its noun, as 民营企业数量 gives it
                        if (scope.Length > 0 && noun is "企业" or "公司" && IsScope(scope + noun))
                        {
                            scope += noun;
                        }

                        string indicator = noun is "企业" or "公司" ? "企业数量" : noun is "人" or "人才" ? "人数" : noun + "数量";
                        return (scope.Length == 0 ? null : scope, indicator);
                    }
                }
            }

            if (_data.ScopeTerms.Contains(measure))
            {
                return (measure, "");
            }

            // a known measure inside the words (GDP十强城市中, 增速为全市各行政区)
            for (int len = Math.Min(_data.LongestIndicator, measure.Length - 1); len >= 2; len--)
            {
                for (int at = measure.Length - len - 1; at >= 0; at--)
                {
                    string inner = measure.Substring(at, len);
                    if (_data.Indicators.TryGetValue(inner, out var found) && (char.IsAsciiLetter(inner[0]) || len >= 2))
                    {
                        return (null, inner.Any(TextClasses.IsHan) ? inner : found);
                    }
                }
            }

            // words that are a clause (他说我们在全国有26个) name no measure: what follows the last marker may
            // (公司可以把 + 物流成本), else the figure's kind and unit will
            int clause = EndOfLastClauseMarker(measure);
            if (clause > 0)
            {
                measure = TrimEnds(measure[clause..]);
                if (measure.Count(TextClasses.IsHan) < 2 || !measure.All(c => TextClasses.IsHan(c) || TextClasses.IsAsciiLetterOrDigit(c))
                    || _data.NotMeasureStarts.Contains(measure[0]))
                {
                    _measureWasClause = true;
                    return (null, "");
                }
            }

            // otherwise the words themselves name the measure: after the last 的 or 按 when that leaves a
            // word (所有工厂加起来的总占地面积 → 总占地面积), and never a running count of years (连续10年)
            foreach (char cut in "的按则")
            {
                int at = measure.LastIndexOf(cut);
                if (at >= 0 && measure.Length - at - 1 >= 2)
                {
                    measure = measure[(at + 1)..];
                }
            }

            if (measure.StartsWith("连续", StringComparison.Ordinal) && measure.EndsWith('年'))
            {
                return (null, "");
            }

            return (null, measure.Length > 16 ? measure[^16..] : measure);
        }

        /// <summary>
        /// Set when the last <see cref="SplitMeasure"/> found a clause and no measure in the words: the figure then
        /// takes no measure from a sentence before (他说我们在全国有26个 is not a count of the GDP stated earlier).
        /// </summary>
        private bool _measureWasClause;

        /// <summary>Where the last clause marker (facts/clause-markers.tsv) in the words ends; 0 when there is none.</summary>
        private int EndOfLastClauseMarker(string words)
        {
            int end = 0;
            foreach (var marker in _data.ClauseMarkers)
            {
                int at = words.LastIndexOf(marker, StringComparison.Ordinal);
                if (at >= 0)
                {
                    end = Math.Max(end, at + marker.Length);
                }
            }

            return end;
        }

        /// <summary>A sector, industry, product class or group of firms (facts/scopes.tsv).</summary>
        private bool IsScope(string words) =>
            _data.ScopeTerms.Contains(words) || _data.ScopeEndings.Any(e => words.EndsWith(e, StringComparison.Ordinal));

        /// <summary>12家国家级高新技术企业, 7407辆新能源汽车: the class of things counted, written after the figure.</summary>
        private string? ScopeAfter(Figure figure)
        {
            int k = figure.View.End;
            int end = k;
            while (end < Text.Length && end - k < 12 && (TextClasses.IsHan(Text[end]) || char.IsAsciiLetter(Text[end])) && Text[end] != '的')
            {
                end++;
            }

            for (int e = end; e - k >= 2; e--)
            {
                string words = Text[k..e];
                // a class alone (公司, 企业) narrows nothing; 国家级高新技术企业, 新能源汽车 do
                if ((words.Length >= 3 || _data.ScopeTerms.Contains(words)) && IsScope(words) && !_data.MeasureEndings.Any(m => m.Length > 1 && words.EndsWith(m, StringComparison.Ordinal)))
                {
                    return words;
                }
            }

            return null;
        }

        /// <summary>True when no ；divides the sentence between two positions.</summary>
        private bool SamePart(TextSpan sentence, int a, int b)
        {
            int from = Math.Max(sentence.Start, Math.Min(a, b)), to = Math.Min(sentence.End, Math.Max(a, b));
            return to <= from || Text.AsSpan(from, to - from).IndexOfAny('；', ';') < 0;
        }

        private bool IsMeasure(string words) => _data.MeasureEndings.Any(e => words.EndsWith(e, StringComparison.Ordinal));

        /// <summary>The words of the clause before this one, when it holds no figure.</summary>
        private string? PreviousClauseMeasure(TextSpan sentence, TextSpan clause)
        {
            if (clause.Start <= sentence.Start + 1)
            {
                return null;
            }

            var previous = ClauseAround(sentence, clause.Start - 2);
            if (FiguresWithin(previous.Start, previous.End).Any())
            {
                return null;
            }

            var subject = SubjectIn(previous.Start, previous.End, -1);
            int from = subject is not null ? Math.Max(previous.Start, subject.View.End) : previous.Start;
            return TrimEnds(CleanPhrase(from, previous.End, out _));
        }

        /// <summary>The share of a counted measure: 企业数量 → 企业占比, 出口量 → 出口量占比.</summary>
        private static string ShareOf(string indicator) =>
            (indicator.EndsWith("数量", StringComparison.Ordinal) ? indicator[..^2] : indicator) + "占比";

        private string GrowthWord(string phrase) =>
            (phrase + _afterWord).Contains("增速", StringComparison.Ordinal) ? "增速" : phrase.Contains("增幅", StringComparison.Ordinal) ? "增幅" : "增长";

        /// <summary>增速比一季度, 比上年年初预算: the base of a comparison is not part of the measure.</summary>
        private static string CutComparison(string measure)
        {
            for (int i = 0; i < measure.Length; i++)
            {
                bool bi = measure[i] == '比' && (i + 1 >= measure.Length || measure[i + 1] is not ('重' or '例'))
                    && (i == 0 || measure[i - 1] is not ('同' or '环' or '对' or '相' or '占' or '类' or '好'));
                bool jiao = measure[i] == '较' && (i + 1 >= measure.Length || measure[i + 1] is not ('大' or '多' or '高' or '快'));
                if (bi || jiao)
                {
                    return measure[..i];
                }
            }

            return measure;
        }

        /// <summary>增发1万亿元国债: a verb before the figure and the noun after it name the measure.</summary>
        private string? ActionMeasure(string measure, Figure figure)
        {
            var verb = _data.ActionVerbs.FirstOrDefault(v => measure.EndsWith(v, StringComparison.Ordinal));
            if (verb is null)
            {
                return null;
            }

            int k = figure.View.End;
            int end = k;
            while (end < Text.Length && end - k < 6 && TextClasses.IsHan(Text[end]) && Text[end] != '的')
            {
                end++;
            }

            return end - k >= 2 ? verb.TrimEnd('出') + Text[k..end] : null;
        }

        private string TrimEnds(string s)
        {
            bool changed = true;
            while (changed && s.Length > 0)
            {
                changed = false;
                foreach (var w in _data.TrimAtEnd)
                {
                    if (s.Length >= w.Length && s.EndsWith(w, StringComparison.Ordinal))
                    {
                        s = s[..^w.Length];
                        changed = true;
                        break;
                    }
                }

                foreach (var w in _data.TrimAtStartWithReferences)
                {
                    if (s.Length >= w.Length && s.StartsWith(w, StringComparison.Ordinal))
                    {
                        s = s[w.Length..];
                        changed = true;
                        break;
                    }
                }
            }

            s = s.Trim(' ', '、', ',', '(', ')', '「', '」', '“', '”', '"');
            return s;
        }

        /// <summary>The words between the start and the figure, with period words and qualifiers taken out.</summary>
        private string CleanPhrase(int start, int end, out int offset)
        {
            offset = 0;
            if (end <= start)
            {
                return "";
            }

            var chars = Text.AsSpan(start, end - start).ToArray();
            var gone = new bool[chars.Length]; // apart from the text, which may hold any character (NUL too)
            foreach (var p in Within(_periods, Math.Max(0, start - 64), end + 64, x => x.Span))
            {
                // 增速比一季度快: the base of a comparison goes without a trace, other periods separate words
                for (int k = Math.Max(p.Span.Start, start); k < Math.Min(p.Span.End, end); k++)
                {
                    chars[k - start] = ' ';
                    gone[k - start] = p.IsComparison;
                }
            }

            foreach (var m in MentionsWithin(start, end))
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
            // keep only the last run of words: a period or a name in the middle separates; a last run of
            // function words only (…拨款由2013-14年度的) gives way to the run before it
            string trimmed = s.TrimEnd();
            int lastGap = trimmed.LastIndexOf(' ');
            if (lastGap > 0 && TrimEnds(trimmed[(lastGap + 1)..]).Length == 0)
            {
                string head = trimmed[..lastGap].TrimEnd();
                int headGap = head.LastIndexOf(' ');
                offset = At(headGap + 1);
                return head[(headGap + 1)..];
            }

            int cut = s.LastIndexOf(' ');
            if (cut >= 0 && cut < s.Length - 1)
            {
                offset = At(cut + 1);
                s = s[(cut + 1)..];
            }
            else if (cut == s.Length - 1)
            {
                s = s.TrimEnd();
                int again = s.LastIndexOf(' ');
                offset = At(again + 1);
                s = again >= 0 ? s[(again + 1)..] : s;
            }

            return s;
        }

        /// <summary>The nearest subject-like name before the figure in its clause (then in its sentence).</summary>
        private Mention? SubjectIn(int clauseStart, int position, int sentenceStart)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                int from = pass == 0 ? clauseStart : sentenceStart;
                if (from < 0)
                {
                    continue;
                }

                Mention? best = null;
                foreach (var m in MentionsWithin(from, position))
                {
                    var candidate = AsSubject(m);
                    if (candidate is not null && pass == 1 && (InWhenClause(m.View.Start, sentenceStart) || candidate.Type == EntityType.Person))
                    {
                        continue; // 当杭州…时，深圳…: the subordinate clause's name is not the topic
                    }

                    if (candidate is not null && (pass == 0 || best is null))
                    {
                        best = candidate; // in the clause the nearest name; in the sentence its topic, the first
                    }
                }

                var reference = ReferenceIn(from, position);
                if (reference is not null && (best is null || (pass == 0 ? reference.View.Start > best.View.Start : reference.View.Start < best.View.Start)))
                {
                    best = reference;
                }

                if (best is not null)
                {
                    return best;
                }
            }

            return null;
        }

        /// <summary>位居第十的南京: a rank names its subject right after it.</summary>
        private Mention? SubjectAfter(int position)
        {
            if (position < Text.Length && Text[position] == '的')
            {
                int at = FirstStartingAt(_mentions, position + 1, x => x.View.Start);
                var m = at < _mentions.Count && _mentions[at].View.Start == position + 1 ? _mentions[at] : null;
                return m is null ? null : AsSubject(m);
            }

            return null;
        }

        /// <summary>True when the position lies in a clause of the form 当…时.</summary>
        private bool InWhenClause(int position, int from)
        {
            var clause = ClauseAround(new TextSpan(Math.Max(0, from), Text.Length), position);
            string text = Text[clause.Start..clause.End].Trim();
            return text.StartsWith('当') && text.EndsWith('时');
        }

        private Mention? AsSubject(Mention m)
        {
            switch (m.Type)
            {
                case EntityType.Person when !IsSourceRole(m):
                    return m;
                case EntityType.Place when FollowedBy(m, "工厂", "基地", "生产基地", "园区"):
                    // 深圳工厂的产能: the factory's company is the subject
                    var owner = LastBefore(_companyMentions, m.View.Start, _ => true) ?? _companyMentions.FirstOrDefault();
                    return owner is null ? null : m with { Name = owner.Name, Type = EntityType.Company };
                case EntityType.Place when FollowedBy(m, "首个", "首家", "首款", "首座", "第一", "影史", "历史") || IsDateline(m):
                    return null; // 中国首个, 中国影史第一: the field of a record, not its holder; 北京8月10日电: a dateline
                case EntityType.Place or EntityType.Company or EntityType.Group or EntityType.Organization:
                    return IsComparisonBase(m.View.Start) || IsSourceRole(m) ? null : m;
                case EntityType.Government:
                    // a body that publishes figures is their source; its place is their subject
                    if (IsSourceRole(m))
                    {
                        var place = PlaceOfBody(m);
                        return place is null ? null : m with { Name = place };
                    }

                    return m;
                default:
                    return null;
            }
        }

        /// <summary>The place a body's name starts with (深圳统计局 → 深圳, 广东省发展改革委 → 广东).</summary>
        private string? PlacePrefix(string bodyName)
        {
            if (_lexicon is not null)
            {
                for (int len = Math.Min(6, bodyName.Length - 1); len >= 2; len--)
                {
                    if (_lexicon.Lookup(bodyName[..len]) is { Type: EntityType.Place } place)
                    {
                        return place.Name;
                    }
                }
            }

            int cut = bodyName.IndexOfAny(['省', '市']);
            return cut >= 2 && cut <= 4 ? bodyName[..cut] : null;
        }

        /// <summary>
        /// The place 全市 or 该市 stands for at a position: the place of the body whose figures these are
        /// (深圳市统计局 → 深圳), else the place named last, else the place the text names most.
        /// </summary>
        private string? CurrentPlace(int position)
        {
            var source = _currentSourceMention;
            if (source is not null && PlaceOfBody(source) is { } bodyPlace)
            {
                return bodyPlace;
            }

            var last = LastBefore(_placeMentions, position, m => m.Name != "中国");
            return last?.Name ?? _mainPlace;
        }

        private string? PlaceOfBody(Mention body) =>
            _placeNames.FirstOrDefault(n => body.Name.StartsWith(n, StringComparison.Ordinal))
            ?? PlacePrefix(body.Name);

        /// <summary>人民网北京8月10日电, 新华社深圳8月4日电: the place a report was filed from.</summary>
        private bool IsDateline(Mention m)
        {
            int k = m.View.End;
            int limit = Math.Min(Text.Length, k + 8);
            while (k < limit && (char.IsAsciiDigit(Text[k]) || Text[k] is '月' or '日' or ' '))
            {
                k++;
            }

            return k > m.View.End && k < Text.Length && Text[k] is '电' or '讯';
        }

        private bool FollowedBy(Mention m, params string[] words)
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

        /// <summary>A name after 占/居/比/高于 is what the figure is compared with, not its subject.</summary>
        private bool IsComparisonBase(int start)
        {
            string before = Text.Substring(Math.Max(0, start - 3), Math.Min(3, start));
            return before.EndsWith('占') || before.EndsWith('居') || before.EndsWith('比') || before.EndsWith("高于", StringComparison.Ordinal)
                || before.EndsWith('被') || before.EndsWith('受') || before.EndsWith('对') || before.EndsWith('向') || before.EndsWith("登顶", StringComparison.Ordinal)
                || before.EndsWith("低于", StringComparison.Ordinal) || before.EndsWith('较') || before.EndsWith("超过", StringComparison.Ordinal);
        }

        private bool IsSourceRole(Mention m)
        {
            if (m.Type is not (EntityType.Government or EntityType.Organization or EntityType.Media))
            {
                return false;
            }

            string after = Text.Substring(m.View.End, Math.Min(6, Text.Length - m.View.End));
            string before = Text.Substring(Math.Max(0, m.View.Start - 1), Math.Min(1, m.View.Start));
            return before == "据" || _data.SourceWords.Any(w => !w.Before && after.StartsWith(w.Word, StringComparison.Ordinal))
                || after.StartsWith('、') || after.StartsWith("和", StringComparison.Ordinal) || after.StartsWith('(');
        }

        /// <summary>全市, 全国, 我国...: a word standing for the place the text is about.</summary>
        private Mention? ReferenceIn(int from, int position)
        {
            if (position <= from)
            {
                return null; // nothing before the figure: a figure that opens the text or the clause
            }

            Mention? found = null;
            foreach (var (word, refersTo) in _data.SubjectReferences)
            {
                int at = Text.LastIndexOf(word, position - 1, position - from, StringComparison.Ordinal);
                if (at < from || at + word.Length > position || IsComparisonBase(at) || (found is not null && found.View.Start >= at))
                {
                    continue;
                }

                string? name = refersTo switch
                {
                    "country" => "中国",
                    "company" => _mainCompany,
                    _ => CurrentPlace(at),
                };
                if (name is not null)
                {
                    found = new Mention(new TextSpan(at, at + word.Length), name, EntityType.Place) { IsReference = true };
                }
            }

            return found;
        }

        private ListItem? Distribute(Figure figure, List<Figure> figures, int index, TextSpan clause, string phrase, string kind, out int position)
        {
            position = -1;
            int fenbie = Text.LastIndexOf("分别", figure.View.Start, figure.View.Start - clause.Start, StringComparison.Ordinal);
            if (fenbie < 0)
            {
                return null;
            }

            // the figures of the list: those after 分别 in this clause
            var list = figures.Where(f => f.View.Start > fenbie && f.View.Start < clause.End && ClauseAround(clause, f.View.Start) == clause).ToList();
            position = list.FindIndex(f => f.View == figure.View);
            if (position < 0 || list.Count < 2)
            {
                return null;
            }

            // the items named before 分别: 房地产业、金融业、住宿餐饮业(增加值)
            int itemsStart = clause.Start;
            string before = Text[itemsStart..fenbie];
            var items = SplitItems(before, list.Count);
            if (items is not null)
            {
                _lastList = items;
                return items[position];
            }

            // 同比分别增长: the items of the list before, in the same order
            if (_lastList is not null && _lastList.Count == list.Count)
            {
                return _lastList[position];
            }

            return null;
        }

        private List<ListItem>? SplitItems(string before, int count)
        {
            before = before.Trim();
            foreach (var (word, measures) in _data.CompoundIndicators)
            {
                int at = before.LastIndexOf(word, StringComparison.Ordinal);
                if (at >= 0 && measures.Length == count)
                {
                    string scope = TrimEnds(StripSubjectWords(before[..at]));
                    return measures.Select(m => new ListItem(null, scope.Length == 0 ? null : scope, m)).ToList();
                }
            }

            // 北京和广州分别…: the items are subjects
            var names = _placeAndCompanyNames;
            var raw = before.Split(['、', '和', '及', '与', ',', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (raw.Length >= count && raw.TakeLast(count).All(names.Contains))
            {
                return raw.TakeLast(count).Select(n => new ListItem(n, null, "")).ToList();
            }

            var whole = before.Split(['、', '和', '及', '与'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => TrimEnds(StripSubjectWords(p))).Where(p => p.Length > 0).ToList();
            if (whole.Count >= count && whole.TakeLast(count).All(_data.Indicators.ContainsKey))
            {
                return whole.TakeLast(count).Select(p => new ListItem(null, null, p)).ToList(); // 营收和毛利分别…
            }

            // a shared measure at the end (…住宿餐饮业增加值): split it off first
            string shared = "";
            for (int len = Math.Min(_data.LongestIndicator, before.Length); len >= 2; len--)
            {
                if (_data.Indicators.TryGetValue(before[^len..], out var canonical))
                {
                    shared = canonical;
                    before = before[..^len];
                    break;
                }
            }

            var parts = before.Split(['、', '和', '及', '与'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(p => TrimEnds(StripSubjectWords(p))).Where(p => p.Length > 0).ToList();
            if (parts.Count < count)
            {
                return null;
            }

            parts = parts.Skip(parts.Count - count).ToList();
            // an item that is itself a measure (营收和毛利) is the indicator, not a scope
            return parts.Select(p => _data.Indicators.ContainsKey(p) ? new ListItem(null, null, p) : new ListItem(null, p, shared)).ToList();
        }

        /// <summary>Drops a leading subject or reference word from a list item (杭州规模以上工业 → 规模以上工业).</summary>
        private string StripSubjectWords(string s)
        {
            int comma = s.LastIndexOfAny([',', '，', ':', '：']);
            if (comma >= 0)
            {
                s = s[(comma + 1)..];
            }

            foreach (var m in _listWordsToStrip)
            {
                if (s.StartsWith(m, StringComparison.Ordinal) && s.Length > m.Length)
                {
                    s = s[m.Length..];
                }
            }

            foreach (var w in new[] { "其中", "主要行业中", "限额以上单位" })
            {
                if (s.StartsWith(w, StringComparison.Ordinal))
                {
                    s = s[w.Length..];
                }
            }

            return s;
        }

        private string? PeriodFor(Figure figure, TextSpan sentence, Carried? lastInSentence, bool inherited)
        {
            var governing = GoverningPeriod(figure, sentence);
            // 目前 / 现在 after the governing period: a current figure, dated by the document
            int since = governing is null ? sentence.Start : Math.Max(sentence.Start, governing.Span.End);
            if (since < figure.View.Start)
            {
                string between = Text[since..figure.View.Start];
                if (CurrentWords.Any(w => between.Contains(w, StringComparison.Ordinal)))
                {
                    return null;
                }
            }

            if (governing is null && inherited && lastInSentence is not null)
            {
                return lastInSentence.Period;
            }

            return governing?.Value;
        }

        /// <summary>
        /// The period of a figure. Within the part of the sentence the figure stands in (up to the last ；),
        /// the nearest period whose clause states figures, or else the first one (二季度扭转了一季度…的局面，
        /// 实现营收… belongs to 二季度); a part without a period takes the sentence's opening one
        /// (上半年…，6月环比下降0.1%；工业生产者出厂价格同比下降1.7% belongs to 上半年); else the period carried on.
        /// </summary>
        private PeriodMention? GoverningPeriod(Figure figure, TextSpan sentence)
        {
            int position = figure.View.Start;
            int part = Text.LastIndexOfAny(['；', ';'], Math.Max(sentence.Start, position - 1), Math.Max(0, position - sentence.Start));
            int partStart = part >= sentence.Start ? part + 1 : sentence.Start;
            var figureClause = ClauseAround(sentence, position);
            // a day (7月20日发布…, 北京8月10日电) dates an event, not the figures of other clauses, unless it is an as-at date
            var inPart = PeriodsWithin(partStart, position).Where(p => !p.IsComparison && p.Value is not null
                && (p.Granularity != PeriodGranularity.Day || p.IsAsAt || figureClause.Contains(p.Span))).ToList();
            if (inPart.Count > 0)
            {
                for (int k = inPart.Count - 1; k >= 0; k--)
                {
                    var clause = ClauseAround(sentence, inPart[k].Span.Start);
                    bool clauseHasFigures = clause.Contains(figure.View) || FiguresWithin(clause.Start, clause.End).Any();
                    if (clauseHasFigures)
                    {
                        return inPart[k];
                    }
                }

                return inPart[0];
            }

            if (partStart > sentence.Start)
            {
                var opening = PeriodsWithin(sentence.Start, partStart).FirstOrDefault(p => !p.IsComparison && p.Value is not null
                    && (p.Granularity != PeriodGranularity.Day || p.IsAsAt));
                if (opening is not null)
                {
                    return opening;
                }
            }

            var carried = PeriodResolver.Governing(_governingPeriods, position, Text);
            var dayInClause = PeriodsWithin(figureClause.Start, position).LastOrDefault(p => !p.IsComparison && p.Value is not null && p.Granularity == PeriodGranularity.Day);
            return dayInClause is not null && (carried is null || dayInClause.Span.Start > carried.Span.Start) ? dayInClause : carried;
        }

        private static readonly char[] ClauseMarks = [',', '，', ';', '；', ':', '：', '|', '｜'];

        private TextSpan ClauseAround(TextSpan sentence, int position)
        {
            int start = position > sentence.Start ? Text.LastIndexOfAny(ClauseMarks, position - 1, position - sentence.Start) : -1;
            start = start < sentence.Start ? sentence.Start : start + 1;
            int end = Text.IndexOfAny(ClauseMarks, position, sentence.End - position);
            end = end < 0 ? sentence.End : end;
            // a thousands separator is no clause mark (1,100万)
            return new TextSpan(start, end);
        }

        /// <summary>据X统计, X数据显示, X发布: the body the sentence's figures come from.</summary>
        private string? SentenceSource(TextSpan sentence)
        {
            string? found = null;
            foreach (var m in MentionsWithin(sentence.Start, sentence.End))
            {
                if (m.Type is not (EntityType.Government or EntityType.Media or EntityType.Organization or EntityType.Company or EntityType.Work))
                {
                    continue;
                }

                string before = Text.Substring(Math.Max(0, m.View.Start - 1), Math.Min(1, m.View.Start));
                string after = Text.Substring(m.View.End, Math.Min(6, Text.Length - m.View.End));
                bool onward = false, says = before == "据";
                foreach (var (word, wordBefore, wordOnward) in _data.SourceWords)
                {
                    if (!wordBefore && after.StartsWith(word, StringComparison.Ordinal))
                    {
                        says = true;
                        onward |= wordOnward;
                    }
                }

                if (m.Type == EntityType.Company && !says)
                {
                    continue;
                }

                if (says)
                {
                    found ??= m.Name;
                    if (m.Type == EntityType.Government)
                    {
                        _currentSourceMention = m;
                    }

                    if (onward)
                    {
                        _onwardSource = m.Name;
                    }
                }
            }

            return found;
        }

        /// <summary>A source named in the document's first lines (a dateline, 据X统计) speaks for all of it.</summary>
        private string? LeadSource()
        {
            foreach (var m in _mentions)
            {
                if (m.View.Start > 120)
                {
                    break;
                }

                if (m.Type is EntityType.Government or EntityType.Organization && IsSourceRole(m))
                {
                    return m.Name;
                }
            }

            return null;
        }

        private static readonly HashSet<string> OutsideMainland = new(StringComparer.Ordinal) { "香港", "澳门", "台湾", "中国台湾", "台北", "新北", "台中", "高雄", "新竹", "九龙", "新界" };

        /// <summary>
        /// A bare 元 in a text written in Traditional script means the local dollar (Hong Kong's, or
        /// Taiwan's when the text is about Taiwan), except for figures about mainland places.
        /// </summary>
        private string LocalCurrency()
        {
            if (ScriptOf() != Script.Hant)
            {
                return "CNY";
            }

            var places = _mentions.Where(m => m.Type == EntityType.Place).Select(m => m.Name).ToList();
            int hk = places.Count(p => p is "香港" or "九龙" or "新界" or "澳门"), tw = places.Count(p => p is "台湾" or "中国台湾" or "台北" or "高雄" or "台中" or "新竹");
            return tw > hk ? "TWD" : "HKD";
        }

        private Script ScriptOf() => Normalization.ScriptDetector.Default.Detect(_analysis.Document.Text);

        private bool IsMainlandPlace(string subject) =>
            subject == "中国" || (!OutsideMainland.Contains(subject) && _placeNames.Contains(subject));
    }
}
