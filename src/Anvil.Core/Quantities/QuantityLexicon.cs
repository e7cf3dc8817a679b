using System.Globalization;
using Anvil.Data;

namespace Anvil.Core.Quantities;

internal enum NumeralKind : byte
{
    None,
    Digit,
    Small,
    Big,
}

internal enum UnitKind
{
    Currency,
    CurrencyAssumed,
    Classifier,
    Measure,
    Percent,
    PercentagePoints,
    BasisPoints,
    Multiple,
    Point,
    Duration,
    Date,
    NonFact,
}

[Flags]
internal enum UnitCondition
{
    None = 0,
    Magnitude = 1,
    Arabic = 2,
    Max10 = 4,
    Index = 8,
    Year = 16,
    Day = 32,
    Tenths = 64,
    Counted = 128,
}

internal sealed record UnitEntry(string Text, string Unit, decimal Factor, UnitKind Kind, UnitCondition Condition,
    string[] NotBefore, string[] Next);

internal sealed record QualifierEntry(string Text, Qualifier Qualifier, bool DigitlessOnly, bool BoundaryOnly, bool Scoped);

internal enum WordKind
{
    Multiple,
    Share,
    Rank,
}

internal sealed record WordEntry(string Text, decimal Value, string Unit, WordKind Kind, Qualifier Qualifier);

/// <summary>
/// The language data of the quantity recogniser, loaded once from <c>Anvil.Data/data/quantities/</c>:
/// numeral characters, units and classifiers, qualifiers, currency prefixes, number words and the
/// rank markers. Immutable after construction and shared by every recogniser.
/// </summary>
public sealed class QuantityLexicon
{
    private static readonly Lazy<QuantityLexicon> LazyDefault = new(() => Load());

    private readonly NumeralKind[] _numeralKind = new NumeralKind[char.MaxValue + 1];
    private readonly long[] _numeralValue = new long[char.MaxValue + 1];
    private readonly bool[] _formal = new bool[char.MaxValue + 1];

    private QuantityLexicon()
    {
    }

    /// <summary>The lexicon built from the data files shipped in Anvil.Data.</summary>
    public static QuantityLexicon Default => LazyDefault.Value;

    internal CharFold Fold { get; private set; } = null!;

    internal CharTrie<UnitEntry> Units { get; } = new();

    internal CharTrie<string> CurrencyPrefixes { get; } = new(backward: true);

    internal CharTrie<QualifierEntry> PreQualifiers { get; } = new(backward: true);

    internal CharTrie<QualifierEntry> PostQualifiers { get; } = new();

    internal CharTrie<QualifierEntry> MidQualifiers { get; } = new();

    internal CharTrie<WordEntry> Words { get; } = new();

    internal HashSet<char> RankAfter { get; } = [];

    internal HashSet<char> ListAfter { get; } = [];

    internal HashSet<char> RankVerbs { get; } = [];

    internal List<string> DayCountBefore { get; } = [];

    internal List<string> DayCountAfter { get; } = [];

    /// <summary>Characters right before a number that make it the base of a rate (每10股).</summary>
    internal HashSet<char> RateBefore { get; } = [];

    /// <summary>Ratios named before N倍 (市盈率), read backward: the figure is in times.</summary>
    internal CharTrie<bool> RatioWords { get; } = new(backward: true);

    /// <summary>Measures of things named before N块 (产量, 出货量), read backward: 块 counts pieces, not 元.</summary>
    internal CharTrie<bool> ThingsCounted { get; } = new(backward: true);

    /// <summary>Words of spending or earning named before N块 (花了, 赚了), read backward: 块 is money without 万/亿.</summary>
    internal CharTrie<bool> MoneySpent { get; } = new(backward: true);

    /// <summary>Words before N年 that count the year from 1912 (民国).</summary>
    internal List<string> RocEra { get; } = [];

    internal HashSet<char> TimeBefore { get; } = [];

    internal HashSet<char> TimeAfter { get; } = [];

    /// <summary>Words right before a number that make it negative (负3.9%), read backward; false for those that do not (正负).</summary>
    internal CharTrie<bool> MinusWords { get; } = new(backward: true);

    private readonly bool[] _wordStart = new bool[char.MaxValue + 1];

    internal NumeralKind NumeralKindOf(char folded) => _numeralKind[folded];

    internal long NumeralValueOf(char folded) => _numeralValue[folded];

    internal bool IsFormal(char folded) => _formal[folded];

    internal bool IsWordStart(char folded) => _wordStart[folded];

    /// <summary>Loads the lexicon from the data files (the same files <see cref="Default"/> uses).</summary>
    public static QuantityLexicon Load()
    {
        var lex = new QuantityLexicon
        {
            Fold = new CharFold(["quantities/script-variants.tsv", "periods/script-variants.tsv"]),
        };
        var fold = lex.Fold;

        foreach (var cells in Rows("quantities/numerals.tsv", 4))
        {
            char c = fold[cells[0][0]];
            lex._numeralKind[c] = cells[2] switch
            {
                "digit" => NumeralKind.Digit,
                "small" => NumeralKind.Small,
                "big" => NumeralKind.Big,
                _ => throw Bad("quantities/numerals.tsv", cells, "kind must be digit, small or big"),
            };
            lex._numeralValue[c] = long.Parse(cells[1], CultureInfo.InvariantCulture);
            lex._formal[c] = cells[3] == "formal";
        }

        foreach (var cells in Rows("quantities/units.tsv", 6))
        {
            var kind = cells[3] switch
            {
                "currency" => UnitKind.Currency,
                "currency-assumed" => UnitKind.CurrencyAssumed,
                "classifier" => UnitKind.Classifier,
                "measure" => UnitKind.Measure,
                "percent" => UnitKind.Percent,
                "pp" => UnitKind.PercentagePoints,
                "bp" => UnitKind.BasisPoints,
                "multiple" => UnitKind.Multiple,
                "point" => UnitKind.Point,
                "duration" => UnitKind.Duration,
                "date" => UnitKind.Date,
                "nonfact" => UnitKind.NonFact,
                _ => throw Bad("quantities/units.tsv", cells, "unknown kind"),
            };
            var condition = UnitCondition.None;
            var next = new List<string>();
            foreach (var token in cells[4].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                condition |= token switch
                {
                    "-" => UnitCondition.None,
                    "magnitude" => UnitCondition.Magnitude,
                    "arabic" => UnitCondition.Arabic,
                    "max10" => UnitCondition.Max10,
                    "index" => UnitCondition.Index,
                    "year" => UnitCondition.Year,
                    "day" => UnitCondition.Day,
                    "tenths" => UnitCondition.Tenths,
                    "counted" => UnitCondition.Counted,
                    _ when token.StartsWith("next:", StringComparison.Ordinal) => UnitCondition.None,
                    _ => throw Bad("quantities/units.tsv", cells, $"unknown condition '{token}'"),
                };
                if (token.StartsWith("next:", StringComparison.Ordinal))
                {
                    next.Add(fold.Fold(token[5..]));
                }
            }

            var notBefore = cells[5] == "-" ? [] : cells[5].Split('|').Select(fold.Fold).ToArray();
            var text = fold.Fold(cells[0]);
            lex.Units.Add(text, new UnitEntry(cells[0], cells[1], decimal.Parse(cells[2], NumberStyles.Float, CultureInfo.InvariantCulture),
                kind, condition, notBefore, [.. next]));
        }

        foreach (var cells in Rows("quantities/currency-prefixes.tsv", 2))
        {
            lex.CurrencyPrefixes.Add(fold.Fold(cells[0]), cells[1]);
        }

        foreach (var cells in Rows("quantities/qualifiers.tsv", 4))
        {
            var q = ParseQualifier(cells[2]) ?? throw Bad("quantities/qualifiers.tsv", cells, "unknown qualifier");
            if (cells[3] is not ("-" or "digitless" or "boundary" or "scope"))
            {
                throw Bad("quantities/qualifiers.tsv", cells, "condition must be -, digitless, boundary or scope");
            }

            var entry = new QualifierEntry(cells[0], q, cells[3] == "digitless", cells[3] == "boundary", cells[3] == "scope");
            var key = fold.Fold(cells[0]);
            switch (cells[1])
            {
                case "pre":
                    lex.PreQualifiers.Add(key, entry);
                    break;
                case "post":
                    lex.PostQualifiers.Add(key, entry);
                    break;
                case "mid":
                    lex.MidQualifiers.Add(key, entry);
                    break;
                default:
                    throw Bad("quantities/qualifiers.tsv", cells, "position must be pre, post or mid");
            }
        }

        foreach (var cells in Rows("quantities/words.tsv", 5))
        {
            var kind = cells[3] switch
            {
                "multiple" => WordKind.Multiple,
                "share" => WordKind.Share,
                "rank" => WordKind.Rank,
                _ => throw Bad("quantities/words.tsv", cells, "kind must be multiple, share or rank"),
            };
            var q = ParseQualifier(cells[4]) ?? throw Bad("quantities/words.tsv", cells, "unknown qualifier");
            var key = fold.Fold(cells[0]);
            lex.Words.Add(key, new WordEntry(cells[0], decimal.Parse(cells[1], CultureInfo.InvariantCulture), cells[2], kind, q));
            lex._wordStart[key[0]] = true;
        }

        foreach (var cells in Rows("quantities/ranks.tsv", 2))
        {
            var set = cells[1] switch
            {
                "rank-after" => lex.RankAfter,
                "list-after" => lex.ListAfter,
                "rank-verb" => lex.RankVerbs,
                _ => throw Bad("quantities/ranks.tsv", cells, "role must be rank-after, list-after or rank-verb"),
            };
            set.Add(fold[cells[0][0]]);
        }

        // roles that only list words read backward before a number (市盈率 before N倍, 产量 or 花了 before N块)
        var wordsBefore = new Dictionary<string, CharTrie<bool>>(StringComparer.Ordinal)
        {
            ["ratio-before"] = lex.RatioWords,
            ["things-before"] = lex.ThingsCounted,
            ["money-before"] = lex.MoneySpent,
        };
        foreach (var cells in Rows("quantities/contexts.tsv", 2))
        {
            var key = fold.Fold(cells[0]);
            if (wordsBefore.TryGetValue(cells[1], out var words))
            {
                words.Add(key, true);
                continue;
            }

            switch (cells[1])
            {
                case "day-count-before":
                    lex.DayCountBefore.Add(key);
                    break;
                case "day-count-after":
                    lex.DayCountAfter.Add(key);
                    break;
                case "time-before":
                    lex.TimeBefore.Add(key[0]);
                    break;
                case "time-after":
                    lex.TimeAfter.Add(key[0]);
                    break;
                case "minus":
                    lex.MinusWords.Add(key, true);
                    break;
                case "rate-before":
                    lex.RateBefore.Add(key[0]);
                    break;
                case "roc-era":
                    lex.RocEra.Add(key);
                    break;
                case "not-minus":
                    lex.MinusWords.Add(key, false);
                    break;
                default:
                    throw Bad("quantities/contexts.tsv", cells, "unknown role");
            }
        }

        return lex;
    }

    internal static Qualifier? ParseQualifier(string s) => s switch
    {
        "eq" => Qualifier.Eq,
        "approx" => Qualifier.Approx,
        "gt" => Qualifier.Gt,
        "ge" => Qualifier.Ge,
        "lt" => Qualifier.Lt,
        "le" => Qualifier.Le,
        "range" => Qualifier.Range,
        _ => null,
    };

    private static IEnumerable<string[]> Rows(string file, int columns)
    {
        foreach (var line in DataFiles.ReadLines(file))
        {
            var cells = line.Split('\t');
            if (cells.Length != columns || cells.Any(c => c.Length == 0))
            {
                throw new InvalidDataException($"E0202: {file}: '{line}' must have {columns} non-empty tab-separated columns");
            }

            yield return cells;
        }
    }

    private static InvalidDataException Bad(string file, string[] cells, string reason) =>
        new($"E0203: {file}: '{string.Join('\t', cells)}': {reason}");
}
