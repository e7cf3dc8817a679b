using System.Globalization;
using Anvil.Core.Quantities;
using Anvil.Data;

namespace Anvil.Core.Periods;

internal enum PeriodWordKind
{
    DocYear,
    ContextYear,
    Part,
    YearSuffix,
    DocQuarter,
    LastQuarter,
    DocMonth,
    DocDay,
    DocMoment,
    Fiscal,
    FiscalText,
    FiscalSuffix,
    SamePeriod,
    AsAt,
    ToDate,
    Comparison,
    Since,
    Closing,
    Future,
}

internal sealed record PeriodWord(string Text, PeriodWordKind Kind, string Argument, string[] NotBefore, string[] OnlyBefore)
{
    /// <summary>The offset a relative word carries (-1 for 去年); a trailing F is <see cref="IsFiscalInBudget"/>.</summary>
    public int Offset => int.Parse(Argument.TrimEnd('F'), CultureInfo.InvariantCulture);

    /// <summary>明年 in a budget text is the coming fiscal year (argument 1F).</summary>
    public bool IsFiscalInBudget => Argument.EndsWith('F');
}

/// <summary>
/// The language data of the period recogniser, loaded once from <c>Anvil.Data/data/periods/</c>
/// (relative years, parts of years, as-at and comparison markers). Numerals and character folding
/// come from <see cref="QuantityLexicon"/>. Immutable after construction.
/// </summary>
public sealed class PeriodLexicon
{
    private static readonly Lazy<PeriodLexicon> LazyDefault = new(() => Load(QuantityLexicon.Default));

    private PeriodLexicon(QuantityLexicon numerals)
    {
        Numerals = numerals;
    }

    public static PeriodLexicon Default => LazyDefault.Value;

    internal QuantityLexicon Numerals { get; }

    internal CharFold Fold => Numerals.Fold;

    /// <summary>Period words read forward (今年, 上半年, 同期…).</summary>
    internal CharTrie<PeriodWord> Words { get; } = new();

    /// <summary>截至 and 比/较 read backward from the start of a period.</summary>
    internal CharTrie<PeriodWord> Markers { get; } = new(backward: true);

    /// <summary>Words of the future (将于, 预计) read backward from before a month.</summary>
    internal CharTrie<PeriodWord> FutureWords { get; } = new(backward: true);

    /// <summary>Words read forward right after a period or after 截至: 以来, 财政年度, 收盘, 止六个月.</summary>
    internal CharTrie<PeriodWord> After { get; } = new();

    /// <summary>Words whose presence anywhere makes the text a budget text (财政预算, 预算案), folded.</summary>
    internal List<string> FiscalTexts { get; } = [];

    private readonly bool[] _wordStart = new bool[char.MaxValue + 1];

    internal bool IsWordStart(char folded) => _wordStart[folded];

    public static PeriodLexicon Load(QuantityLexicon numerals)
    {
        var lex = new PeriodLexicon(numerals);
        var fold = lex.Fold;
        foreach (var line in DataFiles.ReadLines("periods/words.tsv"))
        {
            var cells = line.Split('\t');
            if (cells.Length != 5 || cells.Any(c => c.Length == 0))
            {
                throw new InvalidDataException($"E0211: periods/words.tsv: '{line}' must have 5 non-empty tab-separated columns");
            }

            var kind = cells[1] switch
            {
                "doc-year" => PeriodWordKind.DocYear,
                "context-year" => PeriodWordKind.ContextYear,
                "part" => PeriodWordKind.Part,
                "year-suffix" => PeriodWordKind.YearSuffix,
                "doc-quarter" => PeriodWordKind.DocQuarter,
                "last-quarter" => PeriodWordKind.LastQuarter,
                "doc-month" => PeriodWordKind.DocMonth,
                "doc-day" => PeriodWordKind.DocDay,
                "doc-moment" => PeriodWordKind.DocMoment,
                "fiscal" => PeriodWordKind.Fiscal,
                "fiscal-text" => PeriodWordKind.FiscalText,
                "fiscal-suffix" => PeriodWordKind.FiscalSuffix,
                "same-period" => PeriodWordKind.SamePeriod,
                "as-at" => PeriodWordKind.AsAt,
                "to-date" => PeriodWordKind.ToDate,
                "comparison" => PeriodWordKind.Comparison,
                "since" => PeriodWordKind.Since,
                "closing" => PeriodWordKind.Closing,
                "future" => PeriodWordKind.Future,
                _ => throw new InvalidDataException($"E0212: periods/words.tsv: '{line}': unknown kind '{cells[1]}'"),
            };
            var notBefore = cells[3] == "-" ? [] : cells[3].Split('|').Select(fold.Fold).ToArray();
            var onlyBefore = cells[4] == "-" ? [] : cells[4].Split('|').Select(fold.Fold).ToArray();
            var word = new PeriodWord(cells[0], kind, cells[2], notBefore, onlyBefore);
            if (kind == PeriodWordKind.Future)
            {
                lex.FutureWords.Add(fold.Fold(cells[0]), word);
            }
            else if (kind is PeriodWordKind.AsAt or PeriodWordKind.ToDate or PeriodWordKind.Comparison)
            {
                lex.Markers.Add(fold.Fold(cells[0]), word);
            }
            else if (kind is PeriodWordKind.Since or PeriodWordKind.FiscalSuffix or PeriodWordKind.Closing)
            {
                lex.After.Add(fold.Fold(cells[0]), word);
            }
            else if (kind == PeriodWordKind.FiscalText)
            {
                lex.FiscalTexts.Add(fold.Fold(cells[0]));
            }
            else
            {
                var key = fold.Fold(cells[0]);
                lex.Words.Add(key, word);
                lex._wordStart[key[0]] = true;
            }
        }

        return lex;
    }
}
