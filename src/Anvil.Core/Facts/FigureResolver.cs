using Anvil.Core.Lexicons;
using Anvil.Core.Output;

namespace Anvil.Core.Facts;

/// <summary>A resolved figure: the fact, what it leaves for the next figure to carry, and the discourse after it.</summary>
internal sealed record Resolution(FactRecord Record, Carried Carried, Discourse Discourse);

/// <summary>
/// Resolves one figure into a fact by asking each part in turn: the subject (<see cref="SubjectAttribution"/>), the kind
/// and the words left to name the measure (<see cref="KindClassifier"/>), the measure's scope and indicator
/// (<see cref="MeasureReader"/>), what a 分别 list gives it (<see cref="EnumerationDistributor"/>), the unit, the period
/// (<see cref="PeriodAttribution"/>) and the source. What a clause leaves out is carried from the figure before.
/// </summary>
internal sealed class FigureResolver
{
    private readonly FactDocument _doc;
    private readonly SubjectAttribution _subjects;
    private readonly KindClassifier _kinds;
    private readonly MeasurePhrase _phrase;
    private readonly MeasureReader _measures;
    private readonly EnumerationDistributor _lists;
    private readonly PeriodAttribution _periods;
    private readonly StatementReader _statements;
    private readonly MeasureCues _cues;

    public FigureResolver(FactDocument doc, EntityLexicon? lexicon)
    {
        _doc = doc;
        _subjects = new SubjectAttribution(doc, lexicon);
        _kinds = new KindClassifier(doc);
        _phrase = new MeasurePhrase(doc);
        _measures = new MeasureReader(doc, _phrase);
        _lists = new EnumerationDistributor(doc, _phrase);
        _periods = new PeriodAttribution(doc);
        _statements = new StatementReader(doc);
        _cues = doc.Data.Measures;
    }

    /// <summary>The fact a figure states, or null when it states none (durations, references, a rank naming nothing).</summary>
    public Resolution? Resolve(FigureContext f)
    {
        var figure = f.Figure;
        var q = figure.Quantity;
        if (FigureFilter.IsNotAFigure(_doc, figure) || _subjects.Read(f) is not { } who)
        {
            return null;
        }

        string subject = who.Subject;
        string phrase = _phrase.Clean(who.PhraseStart, figure.View.Start, out int phraseOffset, out string earlier);
        if (_kinds.Read(figure, phrase, f.Sentence) is not { } reading)
        {
            return null;
        }

        reading = reading with { Measure = _phrase.AfterStatement(reading.Measure) };

        if (_phrase.TrimEnds(reading.Measure).Length == 0 && _phrase.TrimEnds(earlier).Length > 0 && reading.Kind is not FactKind.Rank)
        {
            // 经济去年收缩3.5%: a period between the measure and the word of change; the measure is the run before it
            reading = reading with { Measure = earlier };
        }

        var (kind, sign) = (reading.Kind, reading.Sign);
        var (scope, indicator, written, inherited, ranksAmong) = Measure(f, reading, subject, phrase);
        if (scope is null && !inherited && !ReferenceEquals(reading.Measure, earlier) && ThingBeforePeriod(who.PhraseStart + phraseOffset, earlier, indicator) is { } thing)
        {
            scope = thing;
        }

        // 分别: the i-th figure of a list takes the i-th item named before it
        var list = _lists.Distribute(f);
        var discourse = list.Discourse;
        if (list.Item is { } item)
        {
            scope = item.Scope ?? scope;
            if (item.Indicator.Length > 0)
            {
                indicator = item.Indicator;
                written = null;
                scope = item.Scope; // 营收和毛利分别…: the items were measures, not a scope
            }
            else if (item.Scope is not null && Array.IndexOf(_cues.GrowthWords, indicator) >= 0
                && discourse.Last is { } before && before.Subject == subject && _measures.IsMeasure(before.Indicator))
            {
                // 通用设备制造业、专用设备制造业分别增长9.8%和7.8%: the growth of the measure named before
                indicator = before.Indicator;
            }

            subject = item.Subject ?? subject;
            // 分别下降17.64%和14.89%: every figure of the list has the first one's kind and sign
            if (list.Position == 0)
            {
                discourse = discourse with { ListKind = (kind, sign) };
            }
            else if (discourse.ListKind is { } k && (k.Kind == kind || q.IsUnitBorrowed || phrase.Length <= 1))
            {
                (kind, sign) = k;
            }
        }

        // a measure only places have (GDP, 经济增长) is never a company's: a bank's economist forecasting the economy speaks of
        // the place the text is about
        if (_doc.Data.Vocabulary.OnlyOfPlaces(indicator) && _doc.KindOfSubject(subject) == IndicatorApplies.Company
            && (_doc.RegionPlace ?? _doc.TopicAt(figure.View.Start).Place ?? _doc.CountryByDefault) is { } place)
        {
            subject = place;
        }

        // a figure whose words name no measure (上半年赚102.4亿) has its unit from the number alone, then the measure of its
        // kind and unit
        var unit = FactUnits.Of(_doc, figure, indicator, subject, who.PhraseStart);
        if (indicator.Length == 0)
        {
            indicator = MeasureEarned(phrase) ?? DefaultIndicator(kind, unit);
        }

        string? period = _periods.Read(f, inherited, list);
        var mention = who.Mention;
        int start = mention is not null && mention.View.Start >= f.Clause.Start ? mention.View.Start : who.PhraseStart + phraseOffset;
        var span = _doc.Analysis.View.ToOriginal(Math.Min(start, figure.View.Start), figure.View.End);
        var (low, high) = SignedValues(q, kind, sign);
        // the canonical indicator for this kind of subject and unit (营收 of a company → 营业收入), the words as written beside it
        string canonical = _doc.Data.Vocabulary.Canonical(indicator, _doc.KindOfSubject(subject),
            unit.IsCurrency ? IndicatorApplies.Money : unit == Unit.Count ? IndicatorApplies.Count : IndicatorApplies.Any);
        var fact = new Fact
        {
            Subject = subject,
            // a noun that names no thing measured (数据, 当局), a word of the statement's kind (冲击 + 4万辆) or the subject's own
            // short name (有线 of 有线宽频) is no scope, however it was reached
            Scope = string.IsNullOrEmpty(scope) || _doc.Data.GenericNouns.Contains(scope) || _doc.Data.StatusCueTexts.Contains(scope)
                || (scope.Length < subject.Length && subject.StartsWith(scope, StringComparison.Ordinal)) ? null : scope,
            Indicator = canonical,
            IndicatorText = IndicatorAsWritten(written is not null && written != canonical ? written : canonical == indicator ? null : indicator, canonical, f.Sentence, figure),
            Kind = kind,
            Value = low,
            ValueHigh = high,
            Unit = unit,
            UnitText = q.UnitText.Length == 0 ? null : q.UnitText,
            Qualifier = q.Qualifier,
            Period = period,
            Source = OwnSourceOrNone(f.SentenceSource ?? OnwardSourceFor(f.Discourse, subject)
                ?? (_doc.ReportingCompanyAt(figure.View.Start) is { } reporter && reporter == subject ? reporter : null), subject, canonical),
            Status = _statements.Status(figure, f.Sentence),
            Basis = _statements.Basis(figure, f.Clause, kind, period, f.LastInSentence),
        };
        // what a rank stands among (居全国省会城市第5位) is no scope of the figures after it
        var carried = new Carried(subject, ranksAmong ? null : fact.Scope, indicator, kind, period, start) { Basis = fact.Basis, Unit = q.Unit };
        discourse = discourse with { Last = carried };
        // a subject named at the head of its clause is what the text goes on about; one from a list is not
        if (mention is not null && list.Item?.Subject is null && _subjects.IsTopic(mention, f.Sentence))
        {
            discourse = discourse with { Topic = subject };
        }

        return new Resolution(new FactRecord(span, fact), carried, discourse);
    }

    /// <summary>
    /// 汽车二季度产量30万辆, 半导体上半年销售额…: the nouns right before a period that stands between them and a named measure
    /// are the thing measured. Null when the words before the period are no thing (a verb, a function word, a name, 全市,
    /// a word of the statement's kind such as 计划) or the measure is not one.
    /// </summary>
    private string? ThingBeforePeriod(int measureStart, string earlier, string indicator)
    {
        if (earlier.Length < 2 || indicator.Length == 0 || !(_measures.IsMeasure(indicator) || _doc.Data.Indicators.ContainsKey(indicator)))
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
            if (scope is null && !split.Known && indicator.Length > 0 && !_measures.IsMeasure(indicator) && !_doc.Data.Indicators.ContainsKey(indicator)
                && RankField(indicator) is { } field)
            {
                (scope, indicator) = (field, "");
            }

            ranksAmong = scope is not null;
        }

        if (kind == FactKind.Value && _measures.Action(reading.Measure, figure) is { } action)
        {
            indicator = action;
            scope = null;
        }
        else if (kind == FactKind.Value && indicator.Length > 0 && !split.Known && scope is null && q.Unit.Length > 0 && !_measures.IsMeasure(indicator)
            && !_doc.Data.Indicators.ContainsKey(indicator) && lastInSentence is { Kind: FactKind.Value } named
            && named.Unit == q.Unit && !_cues.DefaultIndicators.Values.Contains(named.Indicator, StringComparer.Ordinal)
            && (_measures.IsMeasure(named.Indicator) || _doc.Data.Indicators.ContainsKey(named.Indicator)) && _measures.IsThing(indicator))
        {
            // 新增并网容量536万千瓦，其中常规水电206万千瓦: a thing, not a measure, stated in the unit of the measure just
            // named is a part of that measure
            scope = indicator;
            indicator = "";
        }
        else if (!split.Known && scope is null
            && (indicator.Length == 0 || (!_doc.Data.Indicators.ContainsKey(indicator) && (_measures.EndsWithVerb(indicator) || EndsWithName(indicator))))
            && _measures.NounAfter(figure) is { } after && !(q.Unit == "count" && _measures.ScopeAfter(figure) is not null))
        {
            // 录得1200亿元赤字, 面临125%关税, 提供3000个单位: words ending with a verb (or naming nothing) say what happened
            // to the figure; the noun after it is what it measures, and a count of it its number. So too words ending
            // with names given as examples (在越南等12个国家): the names are some of what is counted, not the measure
            indicator = q.Unit is "count" or "" ? after + _cues.CountIndicator : after;
            written = after;
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
                        && (_measures.IsMeasure(grew.Indicator) || _doc.Data.Indicators.ContainsKey(grew.Indicator)) ? grew.Indicator : null)
                    ?? _measures.GrowthName(phrase, reading.AfterWord);
            }
        }

        if (indicator.Length == 0 && lastInSentence is null && scope is null)
        {
            // 本地研发总开支相对本地生产总值的比率，由0.73%: the measure was named in the clause before
            var before = _measures.OfPreviousClause(f.Sentence, f.Clause, _subjects, f.Discourse);
            if (before is { Length: > 0 })
            {
                split = _measures.Split(before, q);
                (scope, indicator) = (split.Scope, split.Indicator);
            }
        }

        if (scope is null && (q.Unit is "count" or "" || (!split.Known && new Unit(q.Unit).IsCurrency)) && _measures.ScopeAfter(figure) is { } counted
            && (q.Unit is "count" or "" || _measures.IsThing(counted)))
        {
            // 12家国家级高新技术企业; 对2000亿美元中国产品加征关税: the class of things after a count, or after an amount
            // no measure names, is what it is of
            scope = counted;
        }

        scope = CarriedScope(f, subject, scope, indicator);

        // 加快2.3个百分点: a change of the growth rate of the measure before
        bool rateChange = q.Unit == "pp" && kind == FactKind.Delta && indicator.Length <= 2 && !_doc.Data.Indicators.ContainsKey(indicator);
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
        var from = lastInSentence ?? (last is not null && last.Subject == subject && !split.WasClause ? last : null);

        // 宏达控股收跌3.5%，现报54.2元: a company's rise, fall or quote in money with no measure named is its share price; after
        // a measure of the company (盈利…，按年跌20%) it is that measure's
        if ((indicator.Length == 0 || Array.IndexOf(_cues.GrowthWords, indicator) >= 0) && scope is null
            && (lastInSentence is null || lastInSentence.Indicator == _cues.SharePrice) && (q.Unit == Unit.Percent.Code || new Unit(q.Unit).IsCurrency)
            && _doc.KindOfSubject(subject) == IndicatorApplies.Company && MovesPrice(figure))
        {
            return (null, _cues.SharePrice, null, false, false);
        }

        if (indicator.Length == 0 && from is not null)
        {
            scope ??= from.Scope;
            indicator = kind == FactKind.Share && from.Kind != FactKind.Share ? _measures.ShareOf(from.Indicator) : from.Indicator;
            if (rateChange && !_cues.RateMeasureEndings.Any(e => indicator.EndsWith(e, StringComparison.Ordinal)))
            {
                indicator += _cues.GrowthSuffix;
            }

            inherited = true;
        }

        // a measure taken from elsewhere since (the clause before, the figure before) was not written here
        return (scope, indicator, written is not null && indicator.StartsWith(written, StringComparison.Ordinal) ? written : null, inherited, ranksAmong);
    }

    /// <summary>
    /// The source that speaks for the sentences after it, except that a government body that released figures of its place
    /// (某市商务局发布，全市出口…) does not speak for what a later sentence says of a company (某客车厂签下150辆订单), nor a
    /// company's announcement for another company's figures.
    /// </summary>
    private string? OnwardSourceFor(Discourse discourse, string subject)
    {
        bool company = _doc.KindOfSubject(subject) == IndicatorApplies.Company;
        return (discourse.OnwardSourceIsGovernment && company) || (discourse.OnwardSourceIsAnnouncement && company && subject != discourse.OnwardSource)
            ? null
            : discourse.OnwardSource;
    }

    /// <summary>
    /// A company reports its results, not its share price, market value or turnover: the market sets those
    /// (facts/source-cues.tsv, market-measure), so the company is no source of them.
    /// </summary>
    private string? OwnSourceOrNone(string? source, string subject, string indicator) =>
        source == subject && Array.IndexOf(_doc.Data.Sources.MarketMeasures, indicator) >= 0 ? null : source;

    /// <summary>
    /// The verb of holding (持有; facts/measure-cues.tsv, holding-verb) right before a percent, or a few characters before one
    /// followed by shares (持有公司44%的股份); null when there is none.
    /// </summary>
    private string? HoldingVerbBefore(Figure figure)
    {
        var before = _doc.Text.AsSpan(Math.Max(0, figure.View.Start - 8), Math.Min(8, figure.View.Start)).TrimEnd(' ');
        var after = _doc.Text.AsSpan(figure.View.End, Math.Min(4, _doc.Text.Length - figure.View.End));
        if (after.Length > 0 && after[0] == _cues.NameStop)
        {
            after = after[1..];
        }

        bool shares = WordMatch.StartsWithAny(after, _cues.HeldNouns);
        foreach (var verb in _cues.HoldingVerbs)
        {
            int at = before.LastIndexOf(verb, StringComparison.Ordinal);
            if (at >= 0 && (at + verb.Length == before.Length || shares))
            {
                return verb;
            }
        }

        return null;
    }

    /// <summary>True when the words right before the figure move or quote a price (收跌, 现报; facts/measure-cues.tsv, price-move).</summary>
    private bool MovesPrice(Figure figure) => WordMatch.EndsWithAny(_doc.Text.AsSpan(0, figure.View.Start).TrimEnd(' '), _cues.PriceMoves);

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
        // company to a company and from a place to a place
        if (f.LastInSentence is null && f.Discourse.Last is { Scope: not null } before
            && (before.Indicator.Contains(indicator, StringComparison.Ordinal) || indicator.Contains(before.Indicator, StringComparison.Ordinal))
            && (_doc.KindOfSubject(before.Subject) == IndicatorApplies.Company) == (_doc.KindOfSubject(subject) == IndicatorApplies.Company))
        {
            return before.Scope;
        }

        return scope;
    }

    /// <summary>
    /// The value (and a range's high end) with the sign a word of decrease gives a growth or a change (下降3% = -3). A number
    /// written negative keeps its sign (下降-3.9% is -3.9, the text's own sign); a falling range turns round (下降3%-5% is
    /// -5 to -3, low to high).
    /// </summary>
    private static (double Low, double? High) SignedValues(Quantities.QuantityMention q, FactKind kind, int sign)
    {
        if (kind is not (FactKind.Growth or FactKind.Delta) || sign > 0 || q.Value < 0)
        {
            return (q.Value, q.ValueHigh);
        }

        return q.ValueHigh is { } high ? (-high, -q.Value) : (-q.Value, null);
    }

    /// <summary>The measure of a figure whose words name none: by its kind, or for a value by its unit.</summary>
    /// <summary>上半年赚102亿, 去年多赚一倍: a verb of earning or losing in the words names the measure (facts/measure-cues.tsv).</summary>
    private string? MeasureEarned(string words)
    {
        foreach (var (verb, measure) in _cues.EarningVerbs)
        {
            if (words.Contains(verb, StringComparison.Ordinal))
            {
                return measure;
            }
        }

        return null;
    }

    private string DefaultIndicator(FactKind kind, Unit unit) => _cues.DefaultIndicators[kind switch
    {
        FactKind.Growth => "growth",
        FactKind.Share => "share",
        FactKind.Rank => "rank",
        _ => unit == Unit.Count ? "count" : "money",
    }];
}
