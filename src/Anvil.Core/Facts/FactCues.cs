namespace Anvil.Core.Facts;

/// <summary>The words the kind classifier reads beside the kind words (facts/kind-cues.tsv).</summary>
public sealed record KindCues(
    string[] RankVerbs,
    string[] RankGeneric,
    string[] Narrowing,
    string[] Doubling,
    string[] ToLevel,
    string AsLevel,
    string[] RatioWords,
    string[] LevelGrowthWords,
    string[] RatioEndings,
    char[] RatioTrim,
    string[] RateWords,
    string[] RateEndings,
    string[] RateExceptions,
    char[] RateTrim,
    char AfterTrim,
    string GrowthMeasure,
    string[] RankFieldEndings,
    string[] GrowthAfterNoun,
    string[] RunMarks,
    string[] ShareOfWords,
    char[] ShareOfNotAfter,
    string[] WholeEnds,
    string[] WholeStarts,
    string RatioComplement)
{
    public static KindCues Load(CueTable t) => new(
        t.Words("rank-verb"), t.Words("rank-generic"), t.Words("narrowing"), t.Words("doubling"), t.Words("to-level"), t.Word("as-level"),
        t.Words("ratio-word"), t.Words("level-growth-word"), t.Words("ratio-ending"), [.. t.Chars("ratio-trim"), ' '], t.Words("rate-word"),
        t.Words("rate-ending"), t.Words("rate-exception"), t.Chars("rate-trim"), t.Chars("after-trim")[0], t.Word("growth-measure"),
        t.Words("rank-field-ending"), t.Words("growth-after-noun"), t.Words("run-mark"), t.Words("share-of"), t.Chars("share-of-not-after"),
        t.Words("whole-end"), t.Words("whole-start"), t.Word("ratio-complement"));
}

/// <summary>A noun that names what a count counts, the indicator it gives, and whether it completes a scope (民营 + 企业).</summary>
public sealed record CountedNoun(string Noun, string Indicator, bool CompletesScope);

/// <summary>A character opening the base of a comparison, unless one of the others stands before or after it.</summary>
public sealed record ComparisonMark(char Mark, string NotBefore, string NotAfter);

/// <summary>The words the measure reader uses beside indicators, scopes and endings (facts/measure-cues.tsv).</summary>
public sealed record MeasureCues(
    CountedNoun[] Counted,
    string CountIndicator,
    string ShareSuffix,
    string GrowthSuffix,
    string[] RateMeasureEndings,
    string[] GrowthWords,
    (string Word, string Mode)[] GrowthNames,
    IReadOnlyDictionary<string, string> DefaultIndicators,
    IReadOnlyDictionary<string, string> UnitMeasures,
    string Density,
    char[] MeasureCuts,
    (string Start, string End) RunningCount,
    ComparisonMark[] Comparisons,
    char ActionTrim,
    char NameStop,
    string[] UnitlessCount,
    string[] CountEndings,
    string CurrencyDeclaredAfter,
    string CurrencyDeclaredBefore,
    string[] FrameMarkers,
    string[] LevelNouns,
    string SharePrice,
    string[] PriceMoves,
    string[] HoldingVerbs,
    string[] HeldNouns,
    string ShareHolding,
    string[] SizeNouns,
    (string Verb, string Measure)[] EarningVerbs,
    string[] LightVerbs,
    string[] ObjectPrepositions,
    string[] RecipientPrepositions,
    string[] MoneyMeasureEndings,
    string[] SpendingVerbs,
    string[] TimeSuffixes,
    (string Joint, string Suffix) ShareOfWhole,
    string[] GenericMeasures,
    string Superlative,
    string[] PartOpeners,
    (string Open, string Close)[] FrameAround)
{
    /// <summary>Nouns of firms (企业, 公司): the counted nouns that complete a scope.</summary>
    public string[] FirmNouns { get; } = [.. Counted.Where(c => c.CompletesScope).Select(c => c.Noun)];

    public static MeasureCues Load(CueTable t) => new(
        [.. t.Rows("counted").Select(r => new CountedNoun(r[0], r[1], r.Length > 2 && r[2] == "completes"))],
        t.Word("count-indicator"), t.Word("share-suffix"), t.Word("growth-suffix"), t.Words("rate-measure-ending"), t.Words("growth-word"),
        [.. t.Rows("growth-name").Select(r => (r[0], r[1]))],
        t.Rows("default-indicator").ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal),
        t.Rows("unit-measure").ToDictionary(r => r[0], r => r[1], StringComparer.Ordinal),
        t.Word("density"), t.Chars("measure-cut"), (t.Rows("running-count")[0][0], t.Rows("running-count")[0][1]),
        [.. t.Rows("comparison").Select(r => new ComparisonMark(r[0][0], r[1] == "-" ? "" : r[1], r[2] == "-" ? "" : r[2]))],
        t.Chars("action-trim")[0], t.Chars("name-stop")[0], t.Words("unitless-count"), t.Words("count-ending"),
        t.Word("currency-declared-after"), t.Word("currency-declared-before"), t.Words("frame-marker"), t.Words("level-noun"),
        t.Word("share-price"), t.Words("price-move"), t.Words("holding-verb"), t.Words("held-noun"), t.Word("share-holding"),
        t.Words("size-noun"), [.. t.Rows("earning-verb").Select(r => (r[0], r[1]))], t.Words("light-verb"), t.Words("object-preposition"), t.Words("recipient-preposition"),
        t.Words("money-measure"), t.Words("spending-verb"), t.Words("time-suffix"), (t.Rows("share-of-whole")[0][0], t.Rows("share-of-whole")[0][1]),
        t.Words("generic-measure"), t.Word("superlative"), t.Words("part-opener"),
        [.. t.Rows("frame-around").Select(r => (r[0], r[1]))]);
}

/// <summary>The words subject and source attribution read around names (facts/subject-cues.tsv).</summary>
public sealed record SubjectCues(
    string[] Facilities,
    string[] RecordFields,
    string[] ComparisonBases,
    char[] DatelineMarks,
    char[] DatelineEnds,
    (char Open, char Close) WhenClause,
    char Possessive,
    char[] BodyPlaceEnds,
    string Country,
    string[] OwnAccounts,
    string[] SourceJoiners,
    string[] CurrentWords,
    string[] SpeakerVerbs,
    char ExampleOpen,
    string[] ExampleClose,
    string[] ExampleAfter,
    char[] Locatives,
    string[] Exclusions,
    string[] FieldMeasures,
    string[] BusinessSegments)
{
    public static SubjectCues Load(CueTable t) => new(
        t.Words("facility"), t.Words("record-field"), t.Words("comparison-base"), t.Chars("dateline"), t.Chars("dateline-end"),
        (t.Rows("when-clause")[0][0][0], t.Rows("when-clause")[0][1][0]), t.Chars("possessive")[0], t.Chars("body-place-end"),
        t.Word("country"), t.Words("own-accounts"), t.Words("source-joiner"), t.Words("current"), t.Words("speaker-verb"),
        t.Chars("example-open")[0], t.Words("example-close"), t.Words("example-after"), t.Chars("locative"), t.Words("exclusion"), t.Words("field-measure"),
        t.Words("business-segment"));
}

/// <summary>What makes a number no figure, and the words of list statements (facts/figure-cues.tsv).</summary>
public sealed record FigureCues(string Demonstratives, string SingleNumerals, string Distributive, char[] ItemSeparators, char[] ItemConjunctions,
    string[] ItemPrefixes, char[] PeriodLinks, string[] MonthsCoverAfter, string[] MonthsCoverBefore, char[] OrdinalPrefixes,
    (string Word, string[] Items)[] Collectives)
{
    /// <summary>The separators that never stand inside an item (、): the list's first breaks.</summary>
    public char[] ListCommas { get; } = [.. ItemSeparators.Except(ItemConjunctions)];

    public static FigureCues Load(CueTable t) => new(
        new string(t.Chars("demonstrative")), new string(t.Chars("single-numeral")), t.Word("distributive"), t.Chars("item-separator"),
        t.Chars("item-conjunction"), t.Words("item-prefix"), t.Chars("period-link"), t.Words("months-cover-after"), t.Words("months-cover-before"),
        t.Chars("ordinal-prefix"), [.. t.Rows("collective").Select(r => (r[0], r[1..]))]);
}

/// <summary>How a text says a body released figures, and what makes a section a company's report of its results (facts/source-cues.tsv).</summary>
public sealed record SourceCues(string[] ReleaseVerbs, string[] Disclosures, string[] Results, string[] Speaking, string[] Departments,
    string[] Advisers, string[] Forecasts, string[] DocumentVerbs, string[] DocumentLookups, string[] MarketMeasures,
    (string Title, string Body)[] Offices)
{
    public static SourceCues Load(CueTable t) => new(t.Words("release-verb"), t.Words("disclosure"), t.Words("results"), t.Words("speaking"), t.Words("department"),
        t.Words("adviser"), t.Words("forecast"), t.Words("document-verb"), t.Words("document-lookup"), t.Words("market-measure"),
        [.. t.Rows("office").Select(r => (r[0], r[1]))]);
}
