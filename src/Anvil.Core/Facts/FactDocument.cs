using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Lexicons;
using Anvil.Core.Normalization;
using Anvil.Core.Periods;
using Anvil.Core.Pipeline;
using Anvil.Core.Quantities;

namespace Anvil.Core.Facts;

/// <summary>
/// One document as the fact components read it: the matching view's text, its names, figures and periods sorted and
/// indexed, and what holds for the whole document (the place or company it names most, its local currency). Built
/// once per document, never changed after.
/// </summary>
internal sealed class FactDocument
{
    public FactDocument(Analysis analysis, FactData data, EntityLexicon? lexicon = null, WordDictionary? words = null)
    {
        Analysis = analysis;
        Data = data;
        Words = words;
        Lexicon = lexicon;
        var view = analysis.View;
        Text = view.Text;
        Mentions = [.. analysis.Entities.Select(e => new Mention(view.ToView(e.Span), e.Name, e.Type)).OrderBy(m => m.View.Start)];
        Figures = [.. analysis.Quantities.Where(q => !FigureFilter.IsNeverAFact(q)).Select(q => new Figure(q, view.ToView(q.Span), view.ToView(q.NumberSpan))).OrderBy(f => f.View.Start)];
        Periods = [.. analysis.Periods.Select(p => p with { Span = view.ToView(p.Span) }).OrderBy(p => p.Span.Start)];
        MainCompany = MostNamed(m => m.Type == EntityType.Company);
        // the subject of last resort: what the text names most, a company or a place
        MainSubject = MostNamed(m => m.Type is EntityType.Place or EntityType.Company);
        MainPlace = MostNamed(m => m.Type is EntityType.Place);
        Script = analysis.Script;
        // a mainland text that names no place or company speaks of the country (全国, national statistics)
        CountryByDefault = Script == Script.Hans ? data.Subjects.Country : null;
        PlaceMentions = [.. Mentions.Where(m => m.Type == EntityType.Place)];
        CompanyMentions = [.. Mentions.Where(m => m.Type == EntityType.Company)];
        PlaceNames = [.. PlaceMentions.Select(m => m.Name).Distinct(StringComparer.Ordinal)];
        CompanyNames = CompanyMentions.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        PlaceAndCompanyNames = Mentions.Where(m => m.Type is EntityType.Place or EntityType.Company).Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        ListWordsToStrip = [.. PlaceAndCompanyNames.Concat(data.SubjectReferences.Keys).Distinct(StringComparer.Ordinal)];
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

    private readonly List<(int From, string Code)> _declaredCurrencies;

    /// <summary>
    /// The currency a declaration (（美元，下同）, 单位：亿美元) sets for bare amounts at a position: declared in the same
    /// section, in the position's sentence or before it. Null when none is declared.
    /// </summary>
    public string? DeclaredCurrencyAt(int position)
    {
        int i = FirstStartingAt(_declaredCurrencies, position + 1, d => d.From) - 1;
        if (i < 0)
        {
            return null;
        }

        int sectionStart = FirstStartingAt(_topics, position + 1, t => t.Start) - 1;
        return sectionStart >= 0 && _declaredCurrencies[i].From < _topics[sectionStart].Start ? null : _declaredCurrencies[i].Code;
    }

    private List<(int From, string Code)> FindCurrencyDeclarations(IReadOnlyList<TextSpan> sentences)
    {
        var found = new List<(int From, string Code)>();
        var cues = Data.Measures;
        List<TextSpan>? sorted = null; // the sentences as a list to search, copied once and only when a declaration is found
        foreach (var (word, code) in Data.Currencies)
        {
            for (int at = Text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = Text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                int end = at + word.Length;
                bool after = Text.AsSpan(end, Math.Min(3, Text.Length - end)).Contains(cues.CurrencyDeclaredAfter, StringComparison.Ordinal);
                bool before = Text.AsSpan(Math.Max(0, at - 6), Math.Min(6, at)).Contains(cues.CurrencyDeclaredBefore, StringComparison.Ordinal);
                if (after || before)
                {
                    // from the start of the declaring sentence: 上半年赚102.4亿（美元，下同） declares the figure before it too
                    sorted ??= [.. sentences];
                    int s = FirstStartingAt(sorted, at + 1, x => x.Start) - 1;
                    found.Add((s >= 0 ? sentences[s].Start : 0, code));
                }
            }
        }

        found.Sort((a, b) => a.From.CompareTo(b.From));
        return found;
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

    public Script Script { get; }

    // Sorted by start: every lookup is a binary search, so a long document costs no more per figure than a short one.
    public List<Mention> Mentions { get; }

    public List<Figure> Figures { get; }

    public List<PeriodMention> Periods { get; }

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

    /// <summary>What a bare 元 means in this text: CNY, or the local dollar of a text in Traditional script.</summary>
    public string LocalCurrency { get; }

    public ItemsWithin<Mention> MentionsWithin(int from, int to) => Within(Mentions, from, to, m => m.View);

    public ItemsWithin<Figure> FiguresWithin(int from, int to) => Within(Figures, from, to, f => f.View);

    public ItemsWithin<PeriodMention> PeriodsWithin(int from, int to) => Within(Periods, from, to, p => p.Span);

    /// <summary>The items whose spans lie inside [from, to).</summary>
    public static ItemsWithin<T> Within<T>(List<T> list, int from, int to, Func<T, TextSpan> span) =>
        new(list, FirstSpanStartingAt(list, from, span), to, span);

    /// <summary>
    /// <see cref="FirstStartingAt"/> by the items' spans: the span selector is used as it is, where a start selector
    /// made from it would be a new closure on every call (and this is called for every figure many times over).
    /// </summary>
    private static int FirstSpanStartingAt<T>(List<T> list, int position, Func<T, TextSpan> span)
    {
        int lo = 0, hi = list.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (span(list[mid]).Start < position)
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

    public static int FirstStartingAt<T>(List<T> list, int position, Func<T, int> start)
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

    /// <summary>The last mention that ends before a position and that <paramref name="accept"/> takes.</summary>
    public static Mention? LastBefore(List<Mention> list, int position, Func<Mention, bool> accept)
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

    /// <summary>The clause of a sentence around a position: between the clause marks before and after it.</summary>
    public TextSpan ClauseAround(TextSpan sentence, int position)
    {
        int start = position > sentence.Start ? Text.AsSpan(sentence.Start, position - sentence.Start).LastIndexOfAny(Punctuation.ClauseMarkValues) : -1;
        start = start < 0 ? sentence.Start : sentence.Start + start + 1;
        int end = Text.AsSpan(position, sentence.End - position).IndexOfAny(Punctuation.ClauseMarkValues);
        end = end < 0 ? sentence.End : position + end;
        return new TextSpan(start, end);
    }

    /// <summary>The clause around a position, bounded by clause marks and sentence ends, for a position whose sentence is not at hand.</summary>
    public TextSpan ClauseOf(int position)
    {
        int start = Text.AsSpan(0, position).LastIndexOfAny(Punctuation.ClauseEnds) + 1;
        int ahead = Text.AsSpan(position).IndexOfAny(Punctuation.ClauseEnds);
        return new TextSpan(start, ahead < 0 ? Text.Length : position + ahead);
    }

    /// <summary>Where the part of the sentence that holds a position starts: after the last semicolon before it.</summary>
    public int PartStart(TextSpan sentence, int position)
    {
        int part = position > sentence.Start ? Text.LastIndexOfAny(Punctuation.PartMarks, position - 1, position - sentence.Start) : -1;
        return part >= sentence.Start ? part + 1 : sentence.Start;
    }

    /// <summary>True when no semicolon divides the sentence between two positions.</summary>
    public bool SamePart(TextSpan sentence, int a, int b)
    {
        int from = Math.Max(sentence.Start, Math.Min(a, b)), to = Math.Min(sentence.End, Math.Max(a, b));
        return to <= from || Text.AsSpan(from, to - from).IndexOfAny(Punctuation.PartMarks) < 0;
    }

    /// <summary>
    /// Words of the view as the text wrote them, in Simplified script: the view (even one of the text's length) also puts the mainland's word for a
    /// Hong Kong or Taiwan one (每股盈利 → 每股收益, normalization/regional-terms.tsv) so that measures match, but a
    /// record's words as written (indicator_text) are the text's own. The last place the words stand in [from, to) of the
    /// view is read back in the original through the view's steps without the regional words (TextNormalizer.AsWritten).
    /// </summary>
    public string WordsAsWritten(string words, int from, int to)
    {
        var view = Analysis.View;
        if (words.Length == 0 || to <= from || ReferenceEquals(Text, Analysis.Document.Text))
        {
            return words;
        }

        int at = Text.AsSpan(from, to - from).LastIndexOf(words, StringComparison.Ordinal);
        if (at < 0)
        {
            return words;
        }

        var original = view.ToOriginal(from + at, from + at + words.Length);
        string written = TextNormalizer.Default.AsWritten(Analysis.Document.Text.AsSpan(original.Start, original.End - original.Start), Analysis.Script);

        // a run the view rewrote in more than its words (a line break or spaces inside), or only in its punctuation and
        // letters' widths (（SSD） and (SSD)), stays as the view has it
        return written.Length > 0 && !written.AsSpan().ContainsAny(WrittenBreaks) && !SameHanCharacters(written, words) ? written : words;
    }

    private static bool SameHanCharacters(string a, string b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }

        for (int i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i] && (TextClasses.IsHan(a[i]) || TextClasses.IsHan(b[i])))
            {
                return false;
            }
        }

        return true;
    }

    private static readonly System.Buffers.SearchValues<char> WrittenBreaks = System.Buffers.SearchValues.Create("\n\r\t ");

    /// <summary>How many clause marks (，；：) stand between two positions.</summary>
    public int ClauseMarksBetween(int from, int to)
    {
        int count = 0;
        var rest = Text.AsSpan(from, Math.Max(0, to - from));
        for (int at = rest.IndexOfAny(Punctuation.ClauseMarkValues); at >= 0; at = rest.IndexOfAny(Punctuation.ClauseMarkValues))
        {
            count++;
            rest = rest[(at + 1)..];
        }

        return count;
    }

    /// <summary>True when the text right after a mention starts with one of the words.</summary>
    public bool FollowedBy(Mention m, string[] words)
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

    /// <summary>
    /// A mainland place (or the country), whose bare 元 is CNY whatever the text's script: a division of China outside
    /// Hong Kong, Macau and Taiwan. A foreign country, a company or an unknown name is not.
    /// </summary>
    public bool IsMainlandPlace(string subject)
    {
        if (subject == Data.Subjects.Country)
        {
            return true;
        }

        if (Data.Regions.ContainsKey(subject) || !PlaceNames.Contains(subject))
        {
            return false;
        }

        var levels = PlaceLevels.Default;
        var level = levels.LevelOf(subject);
        if (level == PlaceLevel.Region)
        {
            return IsInMainland(subject);
        }

        if (level is PlaceLevel.Country or PlaceLevel.Unknown)
        {
            return level == PlaceLevel.Unknown && !Data.Regions.ContainsKey(subject);
        }

        return IsMainlandDivision(subject);
    }

    /// <summary>A division of China (province, city, district) outside Hong Kong, Macau and Taiwan.</summary>
    private bool IsMainlandDivision(string division) =>
        PlaceLevels.Default.AtLevel(division, PlaceLevel.Province) is not { } province || !Data.Regions.ContainsKey(province);

    /// <summary>
    /// Whether a region lies in the mainland by what the place data says it lies in, mentioned or not: 华南 in the country,
    /// 华强北 in a mainland city, not 北台湾 (Taiwan), 硅谷 (a country abroad) or 亚洲 (no one country).
    /// </summary>
    private bool IsInMainland(string region)
    {
        var levels = PlaceLevels.Default;
        for (string? p = levels.ParentOf(region); p is not null; p = levels.ParentOf(p))
        {
            if (p == Data.Subjects.Country)
            {
                return true;
            }

            switch (levels.LevelOf(p))
            {
                case PlaceLevel.Country:
                    return false;
                case PlaceLevel.Province or PlaceLevel.City or PlaceLevel.District:
                    return IsMainlandDivision(p);
            }
        }

        return false;
    }

    /// <summary>The name <paramref name="accept"/> takes that is mentioned most; of equals, the one mentioned first.</summary>
    private string? MostNamed(Func<Mention, bool> accept)
    {
        // counted in one pass, not grouped and the groups sorted through LINQ (twice per document)
        var counts = new Dictionary<string, (int Count, int FirstStart)>(StringComparer.Ordinal);
        var names = new List<string>(); // in order of first mention
        foreach (var m in Mentions)
        {
            if (accept(m))
            {
                if (counts.TryGetValue(m.Name, out var c))
                {
                    counts[m.Name] = (c.Count + 1, c.FirstStart);
                }
                else
                {
                    counts[m.Name] = (1, m.View.Start);
                    names.Add(m.Name);
                }
            }
        }

        // of equals, the first in order of first mention wins, as the stable sort by count and first start kept it
        string? best = null;
        (int Count, int FirstStart) bestScore = default;
        foreach (var name in names)
        {
            var score = counts[name];
            if (best is null || score.Count > bestScore.Count || (score.Count == bestScore.Count && score.FirstStart < bestScore.FirstStart))
            {
                best = name;
                bestScore = score;
            }
        }

        return best;
    }

    /// <summary>
    /// A bare 元 in a text written in Traditional script means the local dollar: Hong Kong's, or Taiwan's when the text
    /// names Taiwanese places more often than Hong Kong's.
    /// </summary>
    private string FindLocalCurrency()
    {
        if (Script != Script.Hant)
        {
            return "CNY";
        }

        int hk = 0, tw = 0;
        foreach (var m in PlaceMentions)
        {
            if (Data.Regions.TryGetValue(m.Name, out var currency))
            {
                hk += currency == "HKD" ? 1 : 0;
                tw += currency == "TWD" ? 1 : 0;
            }
        }

        return tw > hk ? "TWD" : "HKD";
    }
}
