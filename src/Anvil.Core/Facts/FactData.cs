using Anvil.Core.Lexicons;
using Anvil.Data;

namespace Anvil.Core.Facts;

/// <summary>The word lists behind fact extraction (facts/*.tsv), loaded once.</summary>
public sealed class FactData
{
    private FactData()
    {
    }

    /// <summary>Indicator alias → canonical indicator.</summary>
    public Dictionary<string, string> Indicators { get; } = new(StringComparer.Ordinal);

    public int LongestIndicator { get; private set; }

    public List<KindWord> KindWordsBefore { get; } = [];

    public List<KindWord> KindWordsAfter { get; } = [];

    public Dictionary<string, string> SubjectReferences { get; } = new(StringComparer.Ordinal);

    public List<(string Word, bool Before, bool Onward)> SourceWords { get; } = [];

    public Dictionary<string, string[]> CompoundIndicators { get; } = new(StringComparer.Ordinal);

    public List<string> TrimAtEnd { get; } = [];

    /// <summary>Verbs whose figure is named by the noun that follows it (增发1万亿元国债).</summary>
    public List<string> ActionVerbs { get; } = [];

    /// <summary>Endings that make words a measure (成交额, 产量), see facts/measure-endings.tsv.</summary>
    public List<string> MeasureEndings { get; } = [];

    public List<string> ScopeEndings { get; } = [];

    public HashSet<string> ScopeTerms { get; } = new(StringComparer.Ordinal);

    public List<string> MeasureModifiers { get; } = [];

    /// <summary>Words saying a measure is taken of the whole (整体): neither a scope nor part of the measure (facts/scopes.tsv).</summary>
    public HashSet<string> WholeWords { get; } = new(StringComparer.Ordinal);

    /// <summary>Short forms a scope may open with and what they stand for (规上 → 规模以上; facts/scopes.tsv, short).</summary>
    public List<(string Short, string Full)> ScopeShortForms { get; } = [];

    /// <summary>The scope with a short form at its start written out (规上工业 → 规模以上工业), so both spellings compare.</summary>
    public string WrittenOut(string scope)
    {
        foreach (var (shortForm, full) in ScopeShortForms)
        {
            if (scope.StartsWith(shortForm, StringComparison.Ordinal))
            {
                return string.Concat(full, scope.AsSpan(shortForm.Length));
            }
        }

        return scope;
    }

    /// <summary>Nouns that name no thing measured (数据, 当局, 措施): never a scope (facts/scopes.tsv, generic).</summary>
    public HashSet<string> GenericNouns { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// A company's words for itself in its results (集团, 本集团): never a scope, nor the start of one (本集团物业销售 → 物业销售);
    /// facts/scopes.tsv, self. Longest first.
    /// </summary>
    public List<string> SelfWords { get; } = [];

    /// <summary>Verbs of having that open the words before a count and name no part of the thing (facts/scopes.tsv, having).</summary>
    public List<string> HavingWords { get; } = [];

    /// <summary>Words that put a thing inside a place or company (境外业务 + 在 + 某公司的营收占比): facts/scopes.tsv, within.</summary>
    public List<string> WithinWords { get; } = [];

    /// <summary>Words that make the words before a figure a clause, not a measure's name (facts/clause-markers.tsv).</summary>
    public List<string> ClauseMarkers { get; } = [];

    /// <summary>Characters that, starting the words after a clause marker, show them to be no measure (在全国).</summary>
    public HashSet<char> NotMeasureStarts { get; } = [];

    public List<string> TrimAtStart { get; } = [];

    /// <summary>The start trims and the subject-reference words (全市, 全国) together, longest first.</summary>
    public List<string> TrimAtStartWithReferences { get; } = [];

    /// <summary>
    /// <see cref="TrimAtEnd"/>'s words reversed, and <see cref="TrimAtStartWithReferences"/>'s, as tries: the longest word
    /// at an end of a phrase in one walk, where trying the lists word by word was the fact extractor's largest cost.
    /// </summary>
    public WordTrie<bool> TrimAtEndReversed { get; } = new();

    /// <inheritdoc cref="TrimAtEndReversed"/>
    public WordTrie<bool> TrimAtStartTrie { get; } = new();

    public WordTrie<bool> IndicatorTrie { get; } = new();

    /// <summary>The thesaurus: the canonical indicator of a measure as written, by what it applies to.</summary>
    public IndicatorVocabulary Vocabulary { get; } = new();

    public KindCues Kinds { get; private set; } = null!;

    public MeasureCues Measures { get; private set; } = null!;

    public SubjectCues Subjects { get; private set; } = null!;

    public FigureCues Figures { get; private set; } = null!;

    public SourceCues Sources { get; private set; } = null!;

    /// <summary>Places outside the mainland's currency, with the local dollar a bare 元 means in a text about them (null: none).</summary>
    public Dictionary<string, string?> Regions { get; } = new(StringComparer.Ordinal);

    /// <summary>Status and basis cues (facts/statement-cues.tsv): word, role (target, forecast, yoy, mom, qoq, sequential), characters it may not follow.</summary>
    internal List<StatementCue> StatementCues { get; } = [];

    /// <summary>The statement cues of a figure's status (<see cref="StatementReader.IsStatusCue"/>) and of a growth's basis, in the file's order.</summary>
    internal List<StatementCue> StatusCues { get; } = [];

    /// <summary>The words of <see cref="StatusCues"/> as a set: such a word alone (冲击, 预计) names no thing measured.</summary>
    internal HashSet<string> StatusCueTexts { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc cref="StatusCues"/>
    internal List<StatementCue> BasisCues { get; } = [];

    /// <summary>Words without a word of basis at their end (增加值同比 → 增加值, 毛利率同比 → 毛利率): it says how, not what, moved.</summary>
    internal string WithoutBasisWord(string words)
    {
        foreach (var cue in BasisCues)
        {
            if (words.Length > cue.Word.Length && words.EndsWith(cue.Word, StringComparison.Ordinal))
            {
                return words[..^cue.Word.Length].TrimEnd();
            }
        }

        return words;
    }

    /// <summary>The status cues that count right after a figure (<see cref="StatementReader.IsStatusCueAfter"/>: 目标, 预期).</summary>
    internal List<StatementCue> StatusCuesAfter { get; } = [];

    /// <summary>Whether a stretch holds any status cue, basis cue, subject reference, clause marker or kind word before a figure.</summary>
    internal WordPresence StatusCueWords { get; private set; } = null!;

    /// <inheritdoc cref="StatusCueWords"/>
    internal WordPresence BasisCueWords { get; private set; } = null!;

    /// <inheritdoc cref="StatusCueWords"/>
    internal WordPresence SubjectReferenceWords { get; private set; } = null!;

    /// <summary>
    /// The words of <see cref="SubjectReferences"/> for the company the text is about, in the table's order: a source is looked
    /// for in every sentence, and walking the whole table there for its few company words was about 0.7% of the bench input's time.
    /// </summary>
    internal string[] CompanyReferenceWords { get; private set; } = [];

    /// <inheritdoc cref="StatusCueWords"/>
    internal WordPresence ClauseMarkerWords { get; private set; } = null!;

    /// <inheritdoc cref="StatusCueWords"/>
    internal WordPresence KindWordsBeforeWords { get; private set; } = null!;

    /// <summary>Whether a stretch holds a word saying a figure is current (目前, 现在: <see cref="SubjectCues.CurrentWords"/>).</summary>
    internal WordPresence CurrentWords { get; private set; } = null!;

    /// <summary>Currency names and their codes (quantities/units.tsv, kind currency), longest first: what a declaration names.</summary>
    public List<(string Word, string Code)> Currencies { get; } = [];

    /// <summary>The place standing for the Hong Kong and the Taiwan region (the first place voting for each currency).</summary>
    public (string HongKong, string Taiwan) RegionPlaces { get; private set; }

    /// <summary>Stock market indices by each surface form, longest first (facts/market-indices.tsv).</summary>
    public List<(string Surface, MarketIndex Index)> MarketIndices { get; } = [];

    /// <summary>Whether a stretch of text names any market index.</summary>
    internal WordPresence MarketIndexWords { get; private set; } = null!;

    /// <summary>The subject a reference word of kind <c>name:X</c> stands for (X), or null for the other kinds.</summary>
    public static string? NamedTarget(string refersTo) => refersTo.StartsWith("name:", StringComparison.Ordinal) ? refersTo[5..] : null;

    /// <summary>The subject a reference word of kind <c>name:X</c> or <c>topic:X</c> counts for as a section's topic, or null.</summary>
    public static string? TopicTarget(string refersTo) =>
        NamedTarget(refersTo) ?? (refersTo.StartsWith("topic:", StringComparison.Ordinal) ? refersTo[6..] : null);

    /// <summary>The kind of reference word that stands for the company the text is about (公司, 该公司).</summary>
    public const string CompanyReference = "company";

    /// <summary>A reference word that is a clause's subject only where it heads the clause (kind <c>topic:X</c>).</summary>
    public static bool IsTopicOnly(string refersTo) => refersTo.StartsWith("topic:", StringComparison.Ordinal);

    public static FactData LoadBuiltIn()
    {
        var d = new FactData();
        foreach (var line in DataFiles.ReadLines("facts/indicators.tsv"))
        {
            var c = line.Split('\t');
            string canonical = c[0].Trim();
            var appliesTo = c.Length > 2 ? IndicatorVocabulary.ParseAppliesTo(c[2].Trim()) : IndicatorApplies.Any;
            d.AddIndicator(canonical, canonical);
            d.Vocabulary.Add(canonical, canonical, appliesTo);
            if (c.Length > 1)
            {
                foreach (var alias in c[1].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    // =X: the whole measure only (经济增长5%), never the end of longer words (数字经济)
                    bool wholeOnly = alias.StartsWith('=');
                    string surface = wholeOnly ? alias[1..] : alias;
                    if (!wholeOnly)
                    {
                        d.AddIndicator(surface, canonical);
                    }

                    d.Vocabulary.Add(surface, canonical, appliesTo, wholeOnly);
                }
            }
        }

        foreach (var line in DataFiles.ReadLines("facts/kind-words.tsv"))
        {
            var c = line.Split('\t');
            var word = new KindWord(c[1], FactNames.ParseKind(c[0]), int.Parse(c[2], System.Globalization.CultureInfo.InvariantCulture)) { Adjacent = c[3] == "adjacent" };
            (c[3] == "after" ? d.KindWordsAfter : d.KindWordsBefore).Add(word);
        }

        d.KindWordsBefore.Sort((a, b) => b.Word.Length.CompareTo(a.Word.Length));
        d.KindWordsAfter.Sort((a, b) => b.Word.Length.CompareTo(a.Word.Length));
        foreach (var line in DataFiles.ReadLines("facts/subject-references.tsv"))
        {
            var c = line.Split('\t');
            d.SubjectReferences[c[0]] = c[1];
        }

        foreach (var line in DataFiles.ReadLines("facts/source-words.tsv"))
        {
            var c = line.Split('\t');
            d.SourceWords.Add((c[0], c[1] == "before", c[2] == "onward"));
        }

        foreach (var line in DataFiles.ReadLines("facts/compound-indicators.tsv"))
        {
            var c = line.Split('\t');
            d.CompoundIndicators[c[0]] = c[1].Split('|');
        }

        foreach (var line in DataFiles.ReadLines("facts/phrase-words.tsv"))
        {
            var c = line.Split('\t');
            (c[1] == "start" ? d.TrimAtStart : d.TrimAtEnd).Add(c[0]);
        }

        foreach (var line in DataFiles.ReadLines("facts/scopes.tsv"))
        {
            var c = line.Split('\t');
            switch (c[0])
            {
                case "ending":
                    d.ScopeEndings.Add(c[1].Trim());
                    break;
                case "term":
                    d.ScopeTerms.Add(c[1].Trim());
                    break;
                case "modifier":
                    d.MeasureModifiers.Add(c[1].Trim());
                    break;
                case "whole":
                    d.WholeWords.Add(c[1].Trim());
                    break;
                case "generic":
                    d.GenericNouns.Add(c[1].Trim());
                    break;
                case "within":
                    d.WithinWords.Add(c[1].Trim());
                    break;
                case "self":
                    d.GenericNouns.Add(c[1].Trim());
                    d.SelfWords.Add(c[1].Trim());
                    break;
                case "having":
                    d.HavingWords.Add(c[1].Trim());
                    break;
                case "short":
                    d.ScopeShortForms.Add((c[1].Trim(), c[2].Trim()));
                    break;
            }
        }

        d.MeasureModifiers.Sort((a, b) => b.Length.CompareTo(a.Length));
        d.MeasureEndings.AddRange(DataFiles.ReadLines("facts/measure-endings.tsv").Select(l => l.Trim()));
        foreach (var line in DataFiles.ReadLines("facts/clause-markers.tsv"))
        {
            var c = line.Split('\t');
            string word = c[0].Trim();
            if (c.Length >= 2 && c[1].Trim() == "start")
            {
                // one character: the check is on the first character of the words
                d.NotMeasureStarts.Add(word[0]);
            }
            else if (word.Length > 0)
            {
                d.ClauseMarkers.Add(word);
            }
        }
        d.ActionVerbs.AddRange(DataFiles.ReadLines("facts/action-verbs.tsv").Select(l => l.Trim()).OrderByDescending(v => v.Length));
        d.TrimAtEnd.Sort((a, b) => b.Length.CompareTo(a.Length));
        d.TrimAtStart.Sort((a, b) => b.Length.CompareTo(a.Length));
        d.Kinds = KindCues.Load(CueTable.Load("facts/kind-cues.tsv"));
        var measureCues = CueTable.Load("facts/measure-cues.tsv");
        d.Measures = MeasureCues.Load(measureCues);
        d.Vocabulary.DerivationSuffixes = measureCues.Words("derivation");
        d.Subjects = SubjectCues.Load(CueTable.Load("facts/subject-cues.tsv"));
        d.Figures = FigureCues.Load(CueTable.Load("facts/figure-cues.tsv"));
        d.Sources = SourceCues.Load(CueTable.Load("facts/source-cues.tsv"));
        foreach (var line in DataFiles.ReadLines("facts/regions.tsv"))
        {
            var c = line.Split('\t');
            d.Regions[c[0]] = c[1] == "-" ? null : c[1];
        }

        foreach (var line in DataFiles.ReadLines("facts/market-indices.tsv"))
        {
            var c = line.Split('\t');
            var index = new MarketIndex(c[0], c[2], c[3]);
            d.MarketIndices.AddRange(c[1].Split('|').Select(surface => (surface, index)));
        }

        d.MarketIndices.Sort((a, b) => b.Surface.Length.CompareTo(a.Surface.Length));
        d.MarketIndexWords = new WordPresence(d.MarketIndices.Select(m => m.Surface));

        foreach (var line in DataFiles.ReadLines("facts/statement-cues.tsv"))
        {
            var c = line.Split('\t');
            d.StatementCues.Add(new StatementCue(c[1], c[0], c.Length > 2 && c[2] != "-" ? c[2] : ""));
        }

        foreach (var line in DataFiles.ReadLines("quantities/units.tsv"))
        {
            var c = line.Split('\t');
            if (c.Length > 3 && c[3] == "currency" && c[0].Length > 1)
            {
                d.Currencies.Add((c[0], c[1]));
            }
        }

        d.Currencies.Sort((a, b) => b.Word.Length.CompareTo(a.Word.Length));
        d.RegionPlaces = (d.Regions.First(r => r.Value == "HKD").Key, d.Regions.First(r => r.Value == "TWD").Key);
        d.SelfWords.Sort((a, b) => b.Length.CompareTo(a.Length)); // longest first, once all are read
        d.TrimAtStartWithReferences.AddRange(d.TrimAtStart.Concat(d.SubjectReferences.Keys).Distinct(StringComparer.Ordinal).OrderByDescending(w => w.Length));
        foreach (var word in d.TrimAtEnd)
        {
            d.TrimAtEndReversed.Add(word.Reverse().ToArray(), true);
        }

        foreach (var word in d.TrimAtStartWithReferences)
        {
            d.TrimAtStartTrie.Add(word, true);
        }

        d.StatusCues.AddRange(d.StatementCues.Where(StatementReader.IsStatusCue));
        d.StatusCueTexts.UnionWith(d.StatusCues.Select(c => c.Word));
        d.BasisCues.AddRange(d.StatementCues.Where(StatementReader.IsBasisCue));
        d.StatusCuesAfter.AddRange(d.StatementCues.Where(StatementReader.IsStatusCueAfter));
        d.StatusCueWords = new WordPresence(d.StatusCues.Select(c => c.Word));
        d.BasisCueWords = new WordPresence(d.BasisCues.Select(c => c.Word));
        d.SubjectReferenceWords = new WordPresence(d.SubjectReferences.Keys);
        d.CompanyReferenceWords = [.. d.SubjectReferences.Where(r => r.Value == CompanyReference).Select(r => r.Key)];
        d.ClauseMarkerWords = new WordPresence(d.ClauseMarkers);
        d.KindWordsBeforeWords = new WordPresence(d.KindWordsBefore.Select(w => w.Word));
        d.CurrentWords = new WordPresence(d.Subjects.CurrentWords);
        return d;
    }

    private void AddIndicator(string alias, string canonical)
    {
        Indicators[alias] = canonical;
        IndicatorTrie.Add(alias, true);
        LongestIndicator = Math.Max(LongestIndicator, alias.Length);
    }

    /// <summary>A word that makes a figure a growth, delta, share or rank fact; sign -1 for decrease.</summary>
    /// <remarks>Adjacent: the word counts only right before the figure (低收 + 200点, not 低收 + 入家庭 before a count).</remarks>
    public sealed record KindWord(string Word, FactKind Kind, int Sign)
    {
        public bool Adjacent { get; init; }
    }
}
