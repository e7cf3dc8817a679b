using Anvil.Core.Entities;
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
internal sealed partial class FigureResolver
{
    private readonly FactDocument _doc;
    private readonly SubjectAttribution _subjects;
    private readonly KindClassifier _kinds;
    private readonly MeasurePhrase _phrase;
    private readonly MeasureReader _measures;
    private readonly EnumerationDistributor _lists;
    private readonly PeriodAttribution _periods;
    private readonly StatementReader _statements;
    private readonly MarketIndexReader _indices;
    private readonly MeasureCues _cues;

    public FigureResolver(FactDocument doc, EntityLexicon? lexicon)
    {
        _doc = doc;
        _subjects = new SubjectAttribution(doc, lexicon);
        _kinds = new KindClassifier(doc);
        _phrase = new MeasurePhrase(doc);
        _measures = new MeasureReader(doc, _phrase);
        _lists = new EnumerationDistributor(doc, _phrase, _measures);
        _periods = new PeriodAttribution(doc);
        _statements = new StatementReader(doc);
        _indices = new MarketIndexReader(doc);
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
        if (reading.Kind == FactKind.Share && _phrase.TrimEnds(reading.Measure).Length == 0 && q.IsPercent
            && f.LastInSentence is { Kind: FactKind.Value or FactKind.Growth } level && level.Unit == q.Unit
            && (level.Kind == FactKind.Value || WordMatch.EndsWithAny(phrase, _doc.Data.Kinds.ToLevel)))
        {
            // 印花税由0.1%增加至0.13%: the new level of a rate the sentence just gave is a rate too, not a share of a whole;
            // 出口增幅由6%提高到8.4%: of a growth, a growth
            reading = reading with { Kind = level.Kind };
        }

        if (_phrase.TrimEnds(reading.Measure).Length == 0 && _phrase.TrimEnds(earlier).Length > 0 && reading.Kind is not FactKind.Rank)
        {
            // 经济去年收缩3.5%: a period between the measure and the word of change; the measure is the run before it
            reading = reading with { Measure = earlier };
        }

        var (kind, sign) = (reading.Kind, reading.Sign);
        var (scope, indicator, written, inherited, ranksAmong) = Measure(f, reading, subject, phrase);
        if (q.Unit == "month" && StockCovering(indicator) is { } stock)
        {
            // 财政储备相当于12个月: the months measure the reserve; the verb after it says how
            (indicator, written) = (stock, null);
        }

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
            else if (!string.IsNullOrEmpty(item.Scope) && Array.IndexOf(_cues.GrowthWords, indicator) >= 0
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

        // 恒指低见24186点: the level or move of a market index is the index's, in its market's place, whatever name is near
        var index = _indices.For(f, kind);
        if (index is not null)
        {
            (subject, scope, indicator, written) = (index.Place, index.Market, index.Name, null);
        }

        // a measure only places have (GDP, 经济增长) is never a company's: a bank's economist forecasting the economy speaks of
        // the place the text is about
        if (_doc.Data.Vocabulary.OnlyOfPlaces(indicator) && _doc.KindOfSubject(subject) == IndicatorApplies.Company
            && (_doc.RegionPlace ?? _doc.TopicAt(figure.View.Start).Place ?? _doc.CountryByDefault) is { } place)
        {
            subject = place;
        }
        else if (_doc.Data.Vocabulary.OnlyOfPlaces(indicator) && who.Mention is { Type: EntityType.Government } body && body.Name == subject
            && _doc.GovernedPlace(subject) is { } governed)
        {
            subject = governed; // nor a body's (主計總處修正…經濟成長率): the place it governs
        }

        // a figure whose words name no measure (上半年赚102.4亿) has its unit from the number alone, then the measure of its
        // kind and unit
        var unit = FactUnits.Of(_doc, figure, indicator, subject, who.PhraseStart);
        if (indicator.Length == 0)
        {
            indicator = MeasureEarned(phrase) ?? DefaultIndicator(kind, unit);
        }
        else if (indicator.Length <= MaxEarningWordLength && MeasureEarned(indicator) is { } earned)
        {
            indicator = earned; // 大赚, 净赚 + 4523亿: the verb of earning with a word of degree, no measure of its own
        }

        string? period = _periods.Read(f, inherited, list, out bool yearFromContext);
        var status = _statements.Status(figure, f.Sentence);
        if (yearFromContext && status == FactStatus.Actual && _doc.Analysis.PeriodsDate is { } dated)
        {
            period = PeriodAttribution.EarlierIfUnfinished(period, dated);
        }

        var mention = who.Mention;
        int start = mention is not null && mention.View.Start >= f.Clause.Start ? mention.View.Start : who.PhraseStart + phraseOffset;
        var span = _doc.Analysis.View.ToOriginal(Math.Min(start, figure.View.Start), figure.View.End);
        var (low, high) = SignedValues(q, kind, sign);
        // the canonical indicator for this kind of subject and unit (营收 of a company → 营业收入), the words as written beside it
        string canonical = _doc.Data.Vocabulary.Canonical(indicator, _doc.KindOfSubject(subject),
            unit.IsCurrency ? IndicatorApplies.Money : unit == Unit.Count ? IndicatorApplies.Count : IndicatorApplies.Any);
        scope = ScopeWords.Clean(_doc, scope);
        var fact = new Fact
        {
            Subject = subject,
            // a noun that names no thing measured (数据, 当局), a word of the statement's kind (冲击 + 4万辆), the subject's own
            // short name (有线 of 有线宽频) or the measure itself (股价 of 股价…收报62.3元) is no scope, however it was reached
            Scope = string.IsNullOrEmpty(scope) || _doc.Data.GenericNouns.Contains(scope) || _doc.Data.StatusCueTexts.Contains(scope)
                || (scope.Length < subject.Length && subject.StartsWith(scope, StringComparison.Ordinal))
                || scope == indicator || scope == canonical ? null : _doc.Data.WrittenOut(scope),
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
            Status = status,
            // an index's move is over the day or the session the text names, not over a year, unless the text says so
            Basis = _statements.Basis(figure, f.Clause, kind, period, f.LastInSentence, yearOnYearByDefault: index is null),
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
    /// The source that speaks for the sentences after it, except that a government body that released figures of its place
    /// (某市商务局发布，全市出口…) does not speak for what a later sentence says of a company (某客车厂签下150辆订单), nor a
    /// company's announcement for another company's figures, nor, once its paragraph has ended, for a place's (the
    /// people and firms of its deal stay its own).
    /// </summary>
    private string? OnwardSourceFor(Discourse discourse, string subject)
    {
        var kind = _doc.KindOfSubject(subject);
        bool company = kind == IndicatorApplies.Company;
        return (discourse.OnwardSourceIsGovernment && company) || (discourse.OnwardSourceIsAnnouncement && company && subject != discourse.OnwardSource)
            || (discourse.AnnouncedInEarlierParagraph && kind is IndicatorApplies.Country or IndicatorApplies.Region or IndicatorApplies.OwnAccounts)
            ? null
            : discourse.OnwardSource;
    }

    /// <summary>
    /// A company reports its results, not its share price, market value or turnover: the market sets those
    /// (facts/source-cues.tsv, market-measure), so the company is no source of them.
    /// </summary>
    private string? OwnSourceOrNone(string? source, string subject, string indicator) =>
        source == subject && Array.IndexOf(_doc.Data.Sources.MarketMeasures, indicator) >= 0 ? null : source;

    /// <summary>The words up to the reserve they name (财政储备相当于 → 财政储备), or null when they name none.</summary>
    private string? StockCovering(string indicator)
    {
        int end = -1;
        foreach (var word in _doc.Data.Figures.MonthsCoverBefore)
        {
            int at = indicator.LastIndexOf(word, StringComparison.Ordinal);
            end = at < 0 ? end : Math.Max(end, at + word.Length);
        }

        return end > 0 && end < indicator.Length ? indicator[..end] : null;
    }

    /// <summary>True when the words right before the figure move or quote a price (收跌, 现报; facts/measure-cues.tsv, price-move).</summary>
    private bool MovesPrice(Figure figure) => WordMatch.EndsWithAny(_doc.Text.AsSpan(0, figure.View.Start).TrimEnd(' '), _cues.PriceMoves);

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
}
