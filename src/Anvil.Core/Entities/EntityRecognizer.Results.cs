namespace Anvil.Core.Entities;

/// <summary>
/// Companies known by a short form no lexicon lists, found by what only a company has: a clause that opens
/// with a name, perhaps a period (去年, 上月) or a qualifier (税后, 基础), and then a company's results or
/// price (盈利, 营收, 载客量, 收市报). Financial news names listed companies so, by two or three characters.
/// </summary>
public sealed partial class EntityRecognizer
{
    private const int ResultsNameMaxLength = 6;

    private void FindCompaniesBeforeResults(string view, List<EntityCandidate> output)
    {
        var context = _data.CompanyContext;
        for (int w = 2; w < view.Length; w++)
        {
            int length = context.CanStartWith(view[w]) ? context.LongestMatch(view, w, out _) : 0;
            if (length == 0)
            {
                continue;
            }

            int word = w;
            w += length - 1; // 营收 inside 经营收入 is no second word

            int end = SkipModifiersLeftward(view, word);
            if (end < 2 || !TextClasses.IsHan(view[end - 1]))
            {
                continue;
            }

            var (start, bounded) = NameStart(view, end, ResultsNameMaxLength);
            if (start == end && end >= 3 && _data.NameConjunctions.Contains(view[end - 1]))
            {
                // a joining character that ends the name itself (长和): the name still has to open its clause; 的 never does
                var (before, opens) = NameStart(view, end - 1, ResultsNameMaxLength - 1);
                (start, bounded) = opens && (before == 0 || !TextClasses.IsNameChar(view[before - 1])) ? (before, true) : (start, bounded);
            }

            // the name opens its clause: punctuation before it, not a stop word (折旧及 + 摊销前) nor the length limit
            if (!bounded || (start > 0 && TextClasses.IsNameChar(view[start - 1])) || end - start < 2 || end - start > ResultsNameMaxLength)
            {
                continue;
            }

            string surface = view[start..end];
            if (IsNoShortCompanyName(view, start, surface))
            {
                continue;
            }

            // a rare dictionary word in this place is a company's short form (长实): CompanyName would veto it
            string? name = IsCommonWord(surface) ? surface : CompanyName(view, start, end);
            if (name is not null)
            {
                output.Add(new EntityCandidate(start, end, name, EntityType.Company, ModelPriority, "results-pattern"));
            }
        }
    }

    /// <summary>
    /// Whether the words of a short name found by its context (a clause about results, a list of companies) say it is
    /// none: digits, a measure (毛利), a phrase ending in an ordinary word, generic words, a reference (本港), a known
    /// name of another kind, or a word too common to be a name.
    /// </summary>
    private bool IsNoShortCompanyName(string view, int start, string surface) =>
        surface.Any(char.IsAsciiDigit) || StartsWithMeasure(view, start) || EndsWithOrdinaryWord(surface) || IsGeneric(surface)
        || _data.References.Contains(surface) || LookupView(surface) is { Type: not EntityType.Company }
        || (IsCommonWord(surface) && !IsRareWord(surface)) || IsClassOfFirms(surface);

    /// <summary>A generic word before an industry word (民营 + 企业, 中小 + 企业): a class of firms, not a company's name.</summary>
    private bool IsClassOfFirms(string surface)
    {
        foreach (var word in _data.IndustryWords)
        {
            if (surface.Length > word.Length && surface.EndsWith(word, StringComparison.Ordinal) && IsGeneric(surface[..^word.Length]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A dictionary word too rare to be what a clause about results opens with (ln p below -13.5: 长实 is
    /// -14.7, while 公司, 企业, 银行 and 集团 are above -9).
    /// </summary>
    private bool IsRareWord(string word) => _words is not null && _words.LogProbability(word) < RareWordLogProbability;

    private const float RareWordLogProbability = -13.5f;

    /// <summary>ln p above which a word is among the commonest few thousand (随后, 今年, 企业).</summary>
    private const float FrequentWordLogProbability = -10f;

    /// <summary>The clause opens with a measure (毛利为…, 归母净利润…), not a name.</summary>
    private bool StartsWithMeasure(string view, int start) =>
        _data.MeasureWords.CanStartWith(view[start]) && _data.MeasureWords.LongestMatch(view, start, out _) > 0;

    /// <summary>
    /// A clause head that ends with an ordinary word is a phrase, not a name (较上日, 首次公开, 摊销前): the best
    /// segmentation of the candidate ends with a common word that is neither a company suffix, an industry word (航空)
    /// nor a place.
    /// </summary>
    private bool EndsWithOrdinaryWord(string surface)
    {
        if (_words is null)
        {
            return false;
        }

        Span<int> cuts = stackalloc int[surface.Length + 2];
        int count = _words.Segment(surface, cuts);
        if (count <= 2)
        {
            return false; // one word: judged as a whole by the caller
        }

        var first = surface.AsSpan(0, cuts[1]);
        if (first.Length >= 2 && _words.IsCommonWord(first) && _words.LogProbability(first) > FrequentWordLogProbability)
        {
            return true; // 随后 + …: a clause that opens with a frequent word opens with no name
        }

        var last = surface.AsSpan(cuts[count - 2]);
        // a last character alone says nothing: unknown names split into single characters (恒 + 地)
        return last.Length >= 2 && _words.IsCommonWord(last) && !_data.CompanySuffixes.TryGet(last, out _) && !_data.IndustryWords.Contains(last.ToString()) && LookupView(last) is null;
    }

    /// <summary>Where the name ends: before the period words and qualifiers that stand right before the results word.</summary>
    private int SkipModifiersLeftward(string view, int position)
    {
        var modifiers = _data.ResultsModifiers;
        bool moved = true;
        while (moved && position > 0)
        {
            moved = false;
            for (int len = Math.Min(5, position); len >= 1; len--)
            {
                int at = position - len;
                if (modifiers.CanStartWith(view[at]) && modifiers.LongestMatch(view.AsSpan(0, position), at, out _) == len)
                {
                    position = at;
                    moved = true;
                    break;
                }
            }

            if (!moved && YearBefore(view, position) is int yearStart)
            {
                position = yearStart; // 某某科技 + 2025年 + 上半年营收: a year written in digits, as a period word
                moved = true;
            }
        }

        return position;
    }

    /// <summary>Where a year written in four digits and its mark (2025年) starts, when one ends at the position; else null.</summary>
    private int? YearBefore(string view, int position)
    {
        foreach (var mark in _data.YearMarks)
        {
            int digits = position - mark.Length - 4;
            if (digits >= 0 && view.AsSpan(digits + 4, mark.Length).SequenceEqual(mark)
                && char.IsAsciiDigit(view[digits]) && char.IsAsciiDigit(view[digits + 1]) && char.IsAsciiDigit(view[digits + 2]) && char.IsAsciiDigit(view[digits + 3])
                && (digits == 0 || !char.IsAsciiDigit(view[digits - 1])))
            {
                return digits;
            }
        }

        return null;
    }
}
