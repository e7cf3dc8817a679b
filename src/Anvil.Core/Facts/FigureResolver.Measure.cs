
namespace Anvil.Core.Facts;

// The measure of a figure: its scope and indicator from the words before it, completed from the clause before, the
// words after it, or the figure before; the scope carried between figures.
internal partial class FigureResolver
{
    /// <summary>
    /// 汽车二季度产量30万辆, 半导体上半年销售额…: the nouns right before a period that stands between them and a named measure
    /// are the thing measured. Null when the words before the period are no thing (a verb, a function word, a name, 全市,
    /// a word of the statement's kind such as 计划) or the measure is not one.
    /// </summary>
    private string? ThingBeforePeriod(int measureStart, string earlier, string indicator)
    {
        if (earlier.Length < 2 || indicator.Length == 0 || !IsKnownMeasure(indicator))
        {
            return null;
        }

        int at = measureStart;
        while (at > 0 && _doc.Text[at - 1] == ' ')
        {
            at--;
        }

        foreach (var p in _doc.PeriodsWithin(Math.Max(0, at - 16), at))
        {
            if (p.Span.End == at && !p.IsComparison && p.Span.Start >= earlier.Length
                && _doc.Text.AsSpan(p.Span.Start - earlier.Length, earlier.Length).SequenceEqual(earlier))
            {
                // 中国移动去年盈利: a name is a subject, not a thing; 恒地计划今年推售: a word of the statement's kind is none
                bool named = _doc.MentionsWithin(p.Span.Start - earlier.Length, p.Span.Start).Any();
                return !named && _measures.IsThing(earlier) && !_doc.Data.SubjectReferences.ContainsKey(earlier)
                    && !_doc.Data.StatusCueWords.AnyIn(earlier) ? _measures.ThingOrNone(earlier) : null;
            }
        }

        return null;
    }

    /// <summary>The scope and indicator the words name, completed from the clause before, the words after, or the figure before.</summary>
    /// <remarks>
    /// Written is the measure as the text writes it where the indicator is made from it (许可证 of 许可证数量), else null;
    /// RanksAmong says the scope is the class a rank stands among, which carries to no figure after it.
    /// </remarks>
    private (string? Scope, string Indicator, string? Written, bool Inherited, bool RanksAmong) Measure(FigureContext f, KindReading reading, string subject, string phrase)
    {
        var figure = f.Figure;
        var q = figure.Quantity;
        var kind = reading.Kind;
        var lastInSentence = f.LastInSentence;
        var split = _measures.Split(reading.Measure, q);
        var (scope, indicator) = (_measures.ThingOrNone(split.Scope), split.Indicator);
        string? written = null;
        bool ranksAmong = false;
        if (kind == FactKind.Rank && scope is null)
        {
            // 居中部地区城市第1位、全国省会城市第5位: the class a rank stands among, after its verb or alone before it, is its
            // scope; the measure ranked is the one named before
            scope = RankField(reading.Field);
            if (scope is null && !split.Known && indicator.Length > 0 && !IsKnownMeasure(indicator)
                && RankField(indicator) is { } field)
            {
                (scope, indicator) = (field, "");
            }

            ranksAmong = scope is not null;
        }

        if (!split.Known && indicator.Length > 0 && WordMatch.EndsWithAny(indicator, _cues.TimeSuffixes) && !_measures.IsMeasure(indicator)
            && !_doc.Data.Indicators.ContainsKey(indicator))
        {
            // 停牌前报0.61元, 加征新关税之后: words ending as a time does say when, not what; the kind and unit, or the
            // figure before, name the measure
            indicator = "";
        }

        if (scope is null && (Array.IndexOf(_cues.GenericMeasures, indicator) >= 0
            || (kind == FactKind.Growth && Array.IndexOf(_cues.GrowthWords, indicator) >= 0)))
        {
            // 数额降至10亿美元: an amount of what was named before (facts/measure-cues.tsv, generic-measure); 价格上涨0.5%，其中
            // 北京涨幅0.2%: the growth of what was named before. A change in points keeps the growth word (涨幅回落0.3个百分点
            // is the change of the rate as written)
            indicator = "";
        }

        if (indicator.Length > 0 && CountOfMoney(kind, q, indicator))
        {
            // 分担研发开支的合作计划，批出45宗申请: a count is never a sum of money; the words say what the count is about, and
            // the noun after it, the verb before it or the figure before name what it counts
            (scope, indicator) = (null, "");
        }

        // what a verb moved, paid or counted is measured in the figure's unit: 金额 for money, 数量 for counts, none for others
        string? unitMeasure = kind == FactKind.Value && (q.Unit == "count" || new Unit(q.Unit).IsCurrency || _cues.UnitMeasures.ContainsKey(q.Unit))
            ? DefaultIndicator(kind, new Unit(q.Unit)) : null;
        if (unitMeasure is not null && new Unit(q.Unit).IsCurrency && _measures.PurposeOfSpending(reading.Measure, figure) is { } purpose)
        {
            // 斥资10亿元收购, 动用20亿元回购股份: a sum spent is measured by what it was spent on (收购金额)
            (indicator, written, scope) = (purpose + unitMeasure, purpose, null);
        }
        else if (unitMeasure is not null && !split.Known && _measures.ActionOnObject(reading.Measure, figure) is { } acted)
        {
            // 对2000亿美元中国产品加征关税: the figure is what the verb after it acts on; the words before 对 say who acts,
            // and name no measure to take from a figure before when no verb follows
            (indicator, written, scope) = (acted + unitMeasure, acted.Length == 0 ? null : acted, null);
        }
        else if (kind == FactKind.Value && _measures.Action(reading.Measure, figure) is { } action)
        {
            indicator = action;
            scope = null;
        }
        else if (kind == FactKind.Value && indicator.Length > 0 && !split.Known && scope is null && q.Unit.Length > 0 && !_measures.IsMeasure(indicator)
            && !_doc.Data.Indicators.ContainsKey(indicator) && f.LastValueInSentence is { } named
            && named.Unit == q.Unit && !_cues.DefaultIndicators.Values.Contains(named.Indicator, StringComparer.Ordinal)
            && IsKnownMeasure(named.Indicator)
            && (_measures.IsThing(indicator) || _measures.IsScope(indicator)
                || (named.Scope is not null && MeasureReader.IsNounPhrase(indicator) && !_measures.OpensOrEndsWithVerb(indicator))))
        {
            // 新增并网容量536万千瓦，其中常规水电206万千瓦: a thing or a sector, not a measure, stated in the unit of the
            // measure just named (perhaps before a growth of it) is a part of that measure (抽水蓄能330万千瓦); after a
            // part, so are words that neither open nor end with a verb (公共充电桩; not 直接挥别 + 29元, 报复对美)
            scope = indicator;
            indicator = "";
        }
        else if (!split.Known && scope is null && !(kind == FactKind.Growth && lastInSentence is not null)
            && (indicator.Length == 0 || (!_doc.Data.Indicators.ContainsKey(indicator) && (_measures.EndsWithVerb(indicator) || EndsWithName(indicator))))
            && q.Unit != "month" // 8个月进口: months measure the stock of money before them, not the spending they pay for
            && _measures.NounAfter(figure) is { } after && !(q.Unit == "count" && _measures.ScopeAfter(figure) is not null)
            && Array.IndexOf(_cues.GrowthWords, after) < 0 && !_doc.Data.StatusCueTexts.Contains(after))
        {
            // (a word of the statement's kind after it, 超越330亿美元目标, says the figure is a goal, not of what)
            // 录得1200亿元赤字, 面临125%关税, 提供3000个单位: words ending with a verb (or naming nothing) say what happened
            // to the figure; the noun after it is what it measures, and a count of it its number. So too words ending
            // with names given as examples (在越南等12个国家): the names are some of what is counted, not the measure.
            // A word of growth after it (较1月份的2%升幅) says what kind of figure it is, not of what; and a growth after a
            // figure of its sentence is that figure's measure's, whatever follows it (增长5%至10%之间, 30%左右的年增长率)
            indicator = q.Unit is "count" or "" ? after + _cues.CountIndicator : after;
            written = after;
        }
        else if (unitMeasure is not null && !split.Known && scope is null
            && (indicator.Length == 0 || (!_doc.Data.Indicators.ContainsKey(indicator) && _measures.EndsWithVerb(indicator)))
            && _measures.LastVerb(reading.Measure) is { } verb && !_doc.Data.Indicators.ContainsKey(verb) && MeasureEarned(verb) is null
            && _phrase.TrimEnds(verb).Length > 0)
        {
            // (a verb of earning, 净赚, names its own measure: FigureResolver.Resolve reads it; a verb the phrase words trim,
            // 超越 + 330亿美元目标, names none)
            // 共涉及860万元, 借出3幅: words ending with a verb and no noun after the figure name what the verb moved, paid or
            // counted, in the figure's unit (涉及金额, 借出数量); the verb is the measure as the text writes it
            indicator = verb + unitMeasure;
            written = verb;
        }
        else if (kind == FactKind.Value && !split.Known && scope is null && indicator.Length > 0 && !_doc.Data.Indicators.ContainsKey(indicator)
            && EndsWithName(indicator))
        {
            // 在越南等地有12个: words ending with a name, and nothing after the figure, name no measure; the figure before or
            // its kind and unit will
            indicator = "";
        }
        else if (kind == FactKind.Growth && indicator.Length > 0 && !split.Known && scope is null && !_measures.IsMeasure(indicator))
        {
            if (lastInSentence is { Kind: FactKind.Value })
            {
                // 生产总值9602亿元，以可比价格计同比增长6.9%: the growth of the value just stated
                indicator = "";
            }
            else
            {
                // 服务机器人增长25.8%: the words name what grows (the scope); the measure is the growth itself,
                // unless a clause before frames the items with a measure (产量中，锂电池增长41.2%)
                // 工业增加值增长5%，其中汽车制造业增长12%: after the growth of a named measure in the sentence, an item's
                // growth is that measure's growth for the item
                scope = _measures.ThingOrNone(indicator);
                indicator = _measures.FramingMeasure(f.Sentence, f.Clause, _subjects, f.Discourse, q)
                    ?? (lastInSentence is { Kind: FactKind.Growth } grew && grew.Subject == subject && grew.Indicator.Length > 0
                        && IsKnownMeasure(grew.Indicator) ? grew.Indicator : null)
                    ?? _measures.GrowthName(phrase, reading.AfterWord);
            }
        }

        if (kind == FactKind.Value && !split.Known && MeasuredByUnit(q, indicator) is { } byUnit)
        {
            scope ??= byUnit.Scope;
            (indicator, written) = (byUnit.Indicator, byUnit.Written);
        }

        if (indicator.Length == 0 && lastInSentence is null && scope is null)
        {
            // 本地研发总开支相对本地生产总值的比率，由0.73%: the measure was named in the clause before
            var before = _measures.OfPreviousClause(f.Sentence, f.Clause, _subjects, f.Discourse);
            // 重磅金融股回吐，宏达控股跌2%: before a company's price move, only a known measure of the clause before is its measure;
            // other words there are talk of the market
            if (before is { Length: > 0 } && !CountOfMoney(kind, q, before) && _measures.SplitClauseBefore(before, q) is { } named
                && (named.Known || IsKnownMeasure(named.Indicator) || !(MovesPrice(figure) && _doc.KindOfSubject(subject) == IndicatorApplies.Company)))
            {
                split = named;
                (scope, indicator) = (split.Scope, split.Indicator);
            }
        }

        string? countedAs = null;
        if (scope is null && (q.Unit is "count" or "" || (!split.Known && new Unit(q.Unit).IsCurrency)) && _measures.ScopeAfter(figure) is { } counted
            && (q.Unit is "count" or "" || _measures.IsThing(counted)))
        {
            // 12家国家级高新技术企业; 对2000亿美元中国产品加征关税: the class of things after a count, or after an amount
            // no measure names, is what it is of
            scope = counted;
            if (indicator.Length == 0 && q.Unit == "count" && _measures.CountIndicatorOf(counted) is { } count)
            {
                // 集聚了6家整车企业: a count of firms, whatever was counted before it; as written, the firms the text counts
                (indicator, written, countedAs) = (count, counted, counted);
            }
        }

        scope = CarriedScope(f, subject, scope, indicator);

        // 加快2.3个百分点: a change of the growth rate of the measure before; a short measure of its own (利率, 税率) is not
        bool rateChange = q.Unit == "pp" && kind == FactKind.Delta && indicator.Length <= 2 && !IsKnownMeasure(indicator);
        if (rateChange)
        {
            indicator = "";
        }

        // 某某（持有31.5%）, 三人合计持有公司44%的股份: a percent held is a holding of shares, whatever words stand before
        if (kind == FactKind.Share && !split.Known && HoldingVerbBefore(figure) is { } holding)
        {
            return (null, _cues.ShareHolding, holding, false, false);
        }

        bool inherited = false;
        var last = f.Discourse.Last;
        var from = lastInSentence ?? (last is not null && (last.Subject == subject || OpensWithPart(f.Sentence)) && !split.WasClause ? last : null);

        // 宏达控股收跌3.5%，现报54.2元: a company's rise, fall or quote in money with no measure named is its share price; after
        // a measure of the company (盈利…，按年跌20%) it is that measure's
        if ((indicator.Length == 0 || Array.IndexOf(_cues.GrowthWords, indicator) >= 0) && scope is null
            && (lastInSentence is null || lastInSentence.Indicator == _cues.SharePrice) && (q.Unit == Unit.Percent.Code || new Unit(q.Unit).IsCurrency)
            && _doc.KindOfSubject(subject) == IndicatorApplies.Company && MovesPrice(figure))
        {
            return (null, _cues.SharePrice, null, false, false);
        }

        // a count takes no measure from a sum of money, nor a sum from a count (270宗申请 after a 四成 subsidy's amount), nor an
        // count from a share (逾200家公司 after 占总产值比重约九成)
        if (indicator.Length == 0 && from is not null && !(kind == FactKind.Value && from.Kind == FactKind.Value && MoneyAndCount(q.Unit, from.Unit))
            && !(kind == FactKind.Value && q.Unit == "count" && from.Kind == FactKind.Share)
            && !CountOfMoney(kind, q, from.Indicator))
        {
            scope ??= from.Scope;
            indicator = kind == FactKind.Share && from.Kind != FactKind.Share ? _measures.ShareOf(from.Indicator) : from.Indicator;
            if (rateChange && from.Kind == FactKind.Share)
            {
                // 占比提升至38%，较上年提高5个百分点: points of a share are a change of that share, not of a growth rate
                indicator = _measures.ShareOf(indicator);
            }
            else if (rateChange && !WordMatch.EndsWithAny(indicator, _cues.RateMeasureEndings))
            {
                indicator += _cues.GrowthSuffix;
            }

            inherited = true;
        }

        // a measure taken from elsewhere since (the clause before, the figure before) was not written here
        written = written is not null && (indicator.StartsWith(written, StringComparison.Ordinal) || written == countedAs) ? written : null;
        // not where the words after the figure name what it is a share of (占据全球80%民用无人机市场份额, 54%股权)
        if (kind == FactKind.Share && reading.Whole.Length > 0 && !SharesAfter(figure) && _measures.NounAfter(figure) is null)
        {
            (scope, indicator, written) = ShareOfWhole(reading, scope, indicator, written, inherited ? from!.Indicator : null, subject, q);
        }

        return (scope, indicator, written, inherited, ranksAmong);
    }

    /// <summary>
    /// The class of places or firms a rank stands among (中部地区城市, 全国省会城市): nouns only, ending as such a class does
    /// (facts/kind-cues.tsv, rank-field-ending); null otherwise.
    /// </summary>
    private string? RankField(string words)
    {
        string? field = _measures.ThingOrNone(words);
        return field is not null && WordMatch.EndsWithAny(field, _doc.Data.Kinds.RankFieldEndings) && _measures.IsThing(field)
            && !_doc.PlaceAndCompanyNames.Contains(field) ? field : null;
    }

    /// <summary>True when the words end with a place or company the document names (在越南, 拥有泰国、越南).</summary>
    private bool EndsWithName(string words)
    {
        foreach (var name in _doc.PlaceAndCompanyNames)
        {
            if (words.EndsWith(name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The measure's words as the text wrote them (each Hong Kong or Taiwan word its own, not the mainland one the view
    /// reads), looked for in the sentence up to the figure's end; null when they are the canonical name itself.
    /// </summary>
    private string? IndicatorAsWritten(string? words, string canonical, Documents.TextSpan sentence, Figure figure)
    {
        string asWritten = _doc.WordsAsWritten(words ?? canonical, sentence.Start, Math.Min(sentence.End, figure.View.End + (words ?? canonical).Length + 4));
        return asWritten == canonical ? null : asWritten;
    }

    /// <summary>
    /// How many clause marks a scope carries past within its sentence (…企业超过300家，从业人员10万人，产业规模约800亿元):
    /// further on, a long sentence has moved to another statement (…人数超过5000万人，经济复苏较早，消费回暖，据统计，出口增长12%).
    /// </summary>
    private const int ScopeCarryClauses = 2;

    /// <summary>Where the figure before this one in its sentence ends (the sentence's start when there is none).</summary>
    private static int PreviousFigureEnd(FigureContext f)
    {
        int end = f.Sentence.Start;
        foreach (var other in f.SentenceFigures)
        {
            if (other.View.End <= f.Figure.View.Start)
            {
                end = Math.Max(end, other.View.End);
            }
        }

        return end;
    }

    /// <summary>
    /// A scope named earlier carries: in the sentence within a few clauses (…新能源汽车产销…，市场占有率达32.7%), from the sentence before
    /// when the measure is the same (汽车出口253.3万辆。其中，上汽出口量达8.8万辆).
    /// </summary>
    private string? CarriedScope(FigureContext f, string subject, string? scope, string indicator)
    {
        if (scope is not null || indicator.Length == 0)
        {
            return scope;
        }

        if (f.LastInSentence is { Scope: not null } same && same.Subject == subject && _doc.SamePart(f.Sentence, same.SubjectStart, f.Figure.View.Start)
            && _doc.ClauseMarksBetween(PreviousFigureEnd(f), f.Figure.View.Start) <= ScopeCarryClauses)
        {
            // 人工智能企业超过3000家，产业规模约3800亿元: the sector carries, not the counted noun
            scope = same.Scope;
            string count = _cues.CountIndicator;
            if (same.Indicator.EndsWith(count, StringComparison.Ordinal) && !indicator.EndsWith(count, StringComparison.Ordinal) && scope.Length > 2)
            {
                foreach (var noun in _cues.FirmNouns)
                {
                    if (scope.EndsWith(noun, StringComparison.Ordinal))
                    {
                        return scope[..^noun.Length];
                    }
                }
            }

            return scope;
        }

        // a place's sector is no part of a company's measure (香港快运载客量升32%。国泰航空载客量…): the scope carries from a
        // company to a company and from a place to a place. So too past a semicolon or a long way within the sentence, where
        // the measure is named again (全球半导体销售额…；6月的全球销售额为415亿美元)
        var earlier = f.LastInSentence is { } inSentence ? (inSentence.Subject == subject ? inSentence : null) : f.Discourse.Last;
        if (earlier is { Scope: not null } before
            && (before.Indicator.Contains(indicator, StringComparison.Ordinal) || indicator.Contains(before.Indicator, StringComparison.Ordinal))
            && (_doc.KindOfSubject(before.Subject) == IndicatorApplies.Company) == (_doc.KindOfSubject(subject) == IndicatorApplies.Company))
        {
            return before.Scope;
        }

        return scope;
    }

    /// <summary>
    /// 其中，北京上涨0.1%: the sentence opens with a word that makes what follows parts of what the sentence before stated
    /// (facts/measure-cues.tsv, part-opener).
    /// </summary>
    private bool OpensWithPart(Documents.TextSpan sentence) =>
        WordMatch.StartsWithAny(_doc.Text.AsSpan(sentence.Start, sentence.End - sentence.Start).TrimStart(), _cues.PartOpeners);
}
