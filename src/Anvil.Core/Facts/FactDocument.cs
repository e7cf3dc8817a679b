using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Lexicons;
using Anvil.Core.Normalization;
using Anvil.Core.Periods;
using Anvil.Core.Pipeline;

namespace Anvil.Core.Facts;

/// <summary>
/// One document as the fact components read it: the matching view's text, its names, figures and periods sorted and
/// indexed, and what holds for the whole document (the place or company it names most, its local currency). Built
/// once per document, never changed after.
/// </summary>
internal sealed partial class FactDocument
{
    public FactDocument(Analysis analysis, FactData data, EntityLexicon? lexicon = null, WordDictionary? words = null)
    {
        Analysis = analysis;
        Data = data;
        Words = words;
        Lexicon = lexicon;
        var view = analysis.View;
        Text = view.Text;
        // in plain loops, each list sorted only where it is out of order (StartOrder): the LINQ chains and their sorts of
        // lists already in order were about 1.5% of the bench input's samples
        var mentions = new List<Mention>(analysis.Entities.Count);
        foreach (var e in analysis.Entities)
        {
            mentions.Add(new Mention(view.ToView(e.Span), e.Name, e.Type));
        }

        Mentions = StartOrder.Sorted(mentions, m => m.View.Start);
        var figures = new List<Figure>(analysis.Quantities.Count);
        var durations = new List<TextSpan>();
        foreach (var q in analysis.Quantities)
        {
            var span = view.ToView(q.Span);
            if (!FigureFilter.IsNeverAFact(q) || FigureFilter.CountsMonthsCovered(Text, q, span, data.Figures))
            {
                figures.Add(new Figure(q, span, view.ToView(q.NumberSpan)));
            }

            if (FigureFilter.IsDuration(q) && !FigureFilter.CountsMonthsCovered(Text, q, span, data.Figures))
            {
                durations.Add(span);
            }
        }

        Figures = StartOrder.Sorted(figures, f => f.View.Start);
        Durations = StartOrder.Sorted(durations, span => span.Start);
        var periods = new List<PeriodMention>(analysis.Periods.Count);
        foreach (var p in analysis.Periods)
        {
            periods.Add(p with { Span = view.ToView(p.Span) });
        }

        Periods = StartOrder.Sorted(periods, p => p.Span.Start);
        MainCompany = MostNamed(m => m.Type == EntityType.Company);
        // the subject of last resort: what the text names most, a company or a place (not the place of a dateline)
        MainSubject = MostNamed(m => m.Type == EntityType.Company || (m.Type == EntityType.Place && !IsDateline(m)));
        MainPlace = MostNamed(m => m.Type is EntityType.Place && !IsDateline(m));
        // a text of both scripts (a short Hong Kong item with 恒指 and 點) is read as the one it leans to: else it had
        // neither the mainland's default subject nor the region's, and no figure of it became a fact
        Script = analysis.Script == Script.Mixed ? ScriptDetector.Default.Leaning(analysis.Document.Text) : analysis.Script;
        // a mainland text that names no place or company speaks of the country (全国, national statistics)
        CountryByDefault = Script == Script.Hans ? data.Subjects.Country : null;
        PlaceMentions = [];
        CompanyMentions = [];
        foreach (var m in Mentions)
        {
            if (m.Type == EntityType.Place)
            {
                PlaceMentions.Add(m);
            }
            else if (m.Type == EntityType.Company)
            {
                CompanyMentions.Add(m);
            }
        }

        PlaceNames = [.. PlaceMentions.Select(m => m.Name).Distinct(StringComparer.Ordinal)];
        CompanyNames = CompanyMentions.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        PlaceAndCompanyNames = Mentions.Where(m => m.Type is EntityType.Place or EntityType.Company).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        // names written longer than their canonical form come first, the longer before the shorter: 安徽省 of
        // 安徽省民营企业 goes whole, where the canonical 安徽 alone left 省 behind; then the names, then the reference words
        // that are no name (as a Distinct over all three, without a set of every reference word per text)
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in Mentions)
        {
            // only a mention longer than its name and opening with it is copied out (most are the name itself)
            if (m.Type is EntityType.Place or EntityType.Company && m.View.Length > m.Name.Length
                && Text.AsSpan(m.View.Start, m.Name.Length).SequenceEqual(m.Name) && Text[m.View.Start..m.View.End] is var w
                && !PlaceAndCompanyNames.Contains(w))
            {
                written.Add(w);
            }
        }

        ListWordsToStrip = [.. written.OrderByDescending(w => w.Length), .. PlaceAndCompanyNames,
            .. data.SubjectReferences.Keys.Where(k => !PlaceAndCompanyNames.Contains(k) && !written.Contains(k))];
        // only mentions that can govern: PeriodResolver.Governing skips the others one by one, and a text of thousands
        // of unresolved periods (去年 with no document date) made every figure walk them all
        GoverningPeriods = [.. Periods.Where(p => (p.Granularity != PeriodGranularity.Day || p.IsAsAt) && !p.IsComparison && p.Value is not null)];
        FramingPeriods = [.. GoverningPeriods.Where(p => !p.IsSamePeriod && Punctuation.OpensClause(Text, p.Span.Start))];
        LocalCurrency = FindLocalCurrency();
        RegionPlace = Script != Script.Hant ? null : LocalCurrency == "TWD" ? data.RegionPlaces.Taiwan : data.RegionPlaces.HongKong;
        _namedReferences = FindNamedReferences();
        _topics = DocumentTopic.Find(this, analysis.Sentences.All, lexicon);
        _declaredCurrencies = FindCurrencyDeclarations(analysis.Sentences.All);
    }

    private readonly List<(int At, string Name)> _namedReferences;
    private readonly List<(int Start, Topic Topic)> _topics;

    /// <summary>The place of a text's region when it is written in Traditional script: 香港, or 台湾 for a Taiwanese text.</summary>
    public string? RegionPlace { get; }

    /// <summary>
    /// The company whose own report of its results a position stands in: the company of a company article whose section
    /// speaks of its results (财报, 业绩, 半年报); its figures come from it. Null elsewhere.
    /// </summary>
    public string? ReportingCompanyAt(int position)
    {
        int i = FirstStartingAt(_topics, position + 1, t => t.Start) - 1;
        if (i < 0 || _topics[i].Topic is not { Company: { } company } topic || topic.Subject != company)
        {
            return null;
        }

        // asked for every figure and answered per section: each section's text is searched once (a long report is one)
        _speaksOfResults ??= new bool?[_topics.Count];
        return (_speaksOfResults[i] ??= SpeaksOfResults(i)) ? company : null;
    }

    private bool?[]? _speaksOfResults;

    private bool SpeaksOfResults(int topic)
    {
        int end = topic + 1 < _topics.Count ? _topics[topic + 1].Start : Text.Length;
        var section = Text.AsSpan(_topics[topic].Start, end - _topics[topic].Start);
        foreach (var word in Data.Sources.Results)
        {
            if (section.Contains(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What the section holding a position is about.</summary>
    public Topic TopicAt(int position)
    {
        int i = FirstStartingAt(_topics, position + 1, t => t.Start) - 1;
        return i >= 0 ? _topics[i].Topic : Topic.None;
    }

    /// <summary>Words standing for one named place (本港 → 香港) in [from, to), with the name they stand for.</summary>
    public IEnumerable<(int At, string Name)> NamedReferences(int from, int to)
    {
        for (int i = FirstStartingAt(_namedReferences, from, r => r.At); i < _namedReferences.Count && _namedReferences[i].At < to; i++)
        {
            yield return _namedReferences[i];
        }
    }

    private List<(int At, string Name)> FindNamedReferences()
    {
        var found = new List<(int At, string Name)>();
        foreach (var (word, refersTo) in Data.SubjectReferences)
        {
            if (FactData.TopicTarget(refersTo) is not { } name)
            {
                continue;
            }

            for (int at = Text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = Text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                found.Add((at, name));
            }
        }

        found.Sort((a, b) => a.At.CompareTo(b.At));
        return found;
    }

    public Analysis Analysis { get; }

    public FactData Data { get; }

    /// <summary>The name lexicon, or null: which body a department belongs to.</summary>
    public EntityLexicon? Lexicon { get; }

    /// <summary>The word dictionary, to ask whether words before a figure name a thing at all; null to not ask.</summary>
    public WordDictionary? Words { get; }

    /// <summary>The matching view's text: every position in the fact components is a position in it.</summary>
    public string Text { get; }

    /// <summary>The text's script; a Mixed text is read as the script it leans to.</summary>
    public Script Script { get; }

    // Sorted by start: every lookup is a binary search, so a long document costs no more per figure than a short one.
    public List<Mention> Mentions { get; }

    public List<Figure> Figures { get; }

    public List<PeriodMention> Periods { get; }

    /// <summary>Lengths of time the text writes (连续39年, 三个月内) that state no fact: no part of the words that name a measure.</summary>
    public List<TextSpan> Durations { get; }

    public List<PeriodMention> GoverningPeriods { get; }

    /// <summary>
    /// The governing periods that open their clause (2023年，… / 上半年全市…): they set the time of what follows, where a
    /// period after a verb (将在9月完成, 到2019年初提高到25%) dates its own clause. Only these carry into a new paragraph.
    /// </summary>
    public List<PeriodMention> FramingPeriods { get; }

    public List<Mention> PlaceMentions { get; }

    public List<Mention> CompanyMentions { get; }

    public List<string> PlaceNames { get; }

    public HashSet<string> CompanyNames { get; }

    /// <summary>What a subject is, for the indicator thesaurus: the country, a place below it (with national accounts of its own or not), or a company.</summary>
    public IndicatorApplies KindOfSubject(string subject)
    {
        var level = PlaceLevels.Default.LevelOf(subject);
        if (subject == Data.Subjects.Country || level == PlaceLevel.Country)
        {
            return IndicatorApplies.Country;
        }

        if (CompanyNames.Contains(subject) || TopicAt(0).Company == subject)
        {
            return IndicatorApplies.Company;
        }

        if (Array.IndexOf(Data.Subjects.OwnAccounts, subject) >= 0)
        {
            return IndicatorApplies.OwnAccounts;
        }

        return level != PlaceLevel.Unknown || PlaceNames.Contains(subject) || Data.Regions.ContainsKey(subject) ? IndicatorApplies.Region : IndicatorApplies.Any;
    }

    public HashSet<string> PlaceAndCompanyNames { get; }

    /// <summary>Names and reference words that open a list item without being part of it (杭州规模以上工业).</summary>
    public List<string> ListWordsToStrip { get; }

    /// <summary>The place or company the text names most: the subject of last resort.</summary>
    public string? MainSubject { get; }

    /// <summary>The place the text names most: what 全市 stands for when no place of its level was named before it.</summary>
    public string? MainPlace { get; }

    /// <summary>The company the text names most: what 公司 and 该公司 stand for.</summary>
    public string? MainCompany { get; }

    public string? CountryByDefault { get; }
}
