namespace Anvil.Core.Entities;

/// <summary>
/// Listed companies found by their stock code: financial news writes the code in brackets right after the name
/// (某某(00004), 某某(600519.SH), 某某(2330.TW)), and nothing but a listed company has one.
/// </summary>
public sealed partial class EntityRecognizer
{
    private const int StockCodeNameMaxLength = 8;

    /// <summary>
    /// Names with a code each that make a text a list of listed companies (a market report: 某某（0700）升2%，某某（9988）跌1%):
    /// there an ordinary word or a place's name before a code is one of them too (紫金（2899）).
    /// </summary>
    private const int CodedNamesForAList = 2;

    private void FindCompaniesBeforeStockCodes(string view, List<EntityCandidate> output)
    {
        int found = 0;
        List<EntityCandidate>? ordinary = null;
        for (int open = view.IndexOf('('); open >= 2; open = view.IndexOf('(', open + 1))
        {
            if (!IsStockCode(view, open + 1) || !TextClasses.IsHan(view[open - 1]))
            {
                continue;
            }

            // bounded as a registered name is (a stop character inside a word of the name stays: 有 + 线 in 有线宽频), then
            // after the clause's own stop words and leading words
            var (start, bounded) = NameStart(view, open, StockCodeNameMaxLength, allowParentheses: true);
            start = AfterLeadingWords(view, AfterStopWordInClause(view, start, open), open);
            if (!bounded || open - start < 2)
            {
                continue;
            }

            string surface = view[start..open];
            if (IsYearInBrackets(view, open + 1) && !ListedAroundYear(view, surface, open))
            {
                continue;
            }

            if (IsNoShortCompanyName(view, start, surface))
            {
                if (IsOrdinaryWordOrPlace(view, start, surface))
                {
                    (ordinary ??= []).Add(new EntityCandidate(start, open, surface, EntityType.Company, PatternPriority, "stock-code"));
                }

                continue;
            }

            // a place and an industry word before a code (无锡 + 电子(300001)) is the listed company of that name
            string? name = IsCommonWord(surface) ? surface : CompanyName(view, start, open) ?? PlaceAndIndustryWord(surface);
            if (name is not null)
            {
                output.Add(new EntityCandidate(start, open, name, EntityType.Company, PatternPriority, "stock-code"));
                found++;
            }
        }

        if (ordinary is not null && found >= CodedNamesForAList)
        {
            output.AddRange(ordinary);
        }
    }

    /// <summary>
    /// A name refused only for being an ordinary word or a place's name (紫金, 鸿运), nothing worse: no digits, no measure, no
    /// generic or referring word (公司, 该公司), no ordinary word at its end.
    /// </summary>
    private bool IsOrdinaryWordOrPlace(string view, int start, string surface) =>
        !surface.Any(char.IsAsciiDigit) && !StartsWithMeasure(view, start) && !EndsWithOrdinaryWord(surface) && !IsGeneric(surface)
        && !_data.References.Contains(surface) && LookupView(surface) is null or { Type: EntityType.Place or EntityType.Company };

    /// <summary>
    /// Where the name starts after the ordinary words a clause may open with before it (控股股东 + 某某, 旗下 + 某某):
    /// the best segmentation's leading common words of two or more characters (a single character before one goes
    /// with it), leaving two characters at least.
    /// </summary>
    private int AfterLeadingWords(string view, int start, int end)
    {
        if (_words is null || end - start <= 2)
        {
            return start;
        }

        Span<int> cuts = stackalloc int[end - start + 2];
        int count = _words.Segment(view.AsSpan(start, end - start), cuts);
        int k = 0;
        while (k < count - 2)
        {
            // a single character goes with the common word after it (大 + 股东)
            int next = cuts[k + 1] - cuts[k] == 1 && k + 2 < count - 1 ? k + 2 : k + 1;
            var word = view.AsSpan(start + cuts[next - 1], cuts[next] - cuts[next - 1]);
            // nor where what is left would be only the word of an industry or a company suffix (有线 + 宽带, 鸿运 + 科技: the
            // name is both)
            var rest = view.AsSpan(start + cuts[next], end - start - cuts[next]);
            if (word.Length < 2 || !_words.IsCommonWord(word) || rest.Length < 2 || LookupView(word) is not null
                || _data.IndustryWords.Contains(rest.ToString()) || _data.CompanySuffixes.TryGet(rest, out _))
            {
                break;
            }

            k = next;
        }

        return start + cuts[k];
    }

    /// <summary>
    /// Four digits that read as a year (1900-2099) and close the bracket: a work's edition or a date (某某足球（2011）) as
    /// often as a code, which Hong Kong writes with a leading zero (02020) and other markets with their exchange.
    /// </summary>
    private static bool IsYearInBrackets(string view, int from) =>
        from + 4 < view.Length && view[from + 4] == ')'
        && (view.AsSpan(from, 2).SequenceEqual("19") || view.AsSpan(from, 2).SequenceEqual("20"))
        && char.IsAsciiDigit(view[from + 2]) && char.IsAsciiDigit(view[from + 3]);

    /// <summary>
    /// A year-like code names a listed company only where the name is a company already known or what follows says only a
    /// listed company does it (its profit, its announcement): one year in brackets made a game's title a company that was
    /// then found again throughout its text.
    /// </summary>
    private bool ListedAroundYear(string view, string surface, int open) =>
        LookupView(surface) is { Type: EntityType.Company } || CompanyContextAfter(view, open + 6);

    private string? PlaceAndIndustryWord(string surface)
    {
        foreach (var word in _data.IndustryWords)
        {
            if (surface.Length > word.Length + 1 && surface.EndsWith(word, StringComparison.Ordinal)
                && LookupView(surface.AsSpan(0, surface.Length - word.Length)) is { Type: EntityType.Place })
            {
                return surface;
            }
        }

        return null;
    }

    /// <summary>Three to six digits, then perhaps a dot and an exchange (HK, SH, TW), then the closing bracket.</summary>
    private bool IsStockCode(string view, int from)
    {
        int k = from;
        while (k < view.Length && char.IsAsciiDigit(view[k]))
        {
            k++;
        }

        int digits = k - from;
        if (digits is < 3 or > 6 || k >= view.Length)
        {
            return false;
        }

        if (view[k] == '.')
        {
            int letters = ++k;
            while (k < view.Length && char.IsAsciiLetter(view[k]))
            {
                k++;
            }

            if (!_data.StockExchanges.Contains(view[letters..k]))
            {
                return false;
            }
        }

        return k < view.Length && view[k] == ')';
    }
}
