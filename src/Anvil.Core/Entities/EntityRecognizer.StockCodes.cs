namespace Anvil.Core.Entities;

/// <summary>
/// Listed companies found by their stock code: financial news writes the code in brackets right after the name
/// (某某(00004), 某某(600519.SH), 某某(2330.TW)), and nothing but a listed company has one.
/// </summary>
public sealed partial class EntityRecognizer
{
    private const int StockCodeNameMaxLength = 8;

    private void FindCompaniesBeforeStockCodes(string view, List<EntityCandidate> output)
    {
        for (int open = view.IndexOf('('); open >= 2; open = view.IndexOf('(', open + 1))
        {
            if (!IsStockCode(view, open + 1) || !TextClasses.IsHan(view[open - 1]))
            {
                continue;
            }

            var (start, bounded) = NameStart(view, open, StockCodeNameMaxLength);
            start = AfterLeadingWords(view, start, open);
            if (!bounded || open - start < 2)
            {
                continue;
            }

            string surface = view[start..open];
            if (IsNoShortCompanyName(view, start, surface))
            {
                continue;
            }

            string? name = IsCommonWord(surface) ? surface : CompanyName(view, start, open);
            if (name is not null)
            {
                output.Add(new EntityCandidate(start, open, name, EntityType.Company, PatternPriority, "stock-code"));
            }
        }
    }

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
            if (word.Length < 2 || !_words.IsCommonWord(word) || end - (start + cuts[next]) < 2 || LookupView(word) is not null)
            {
                break;
            }

            k = next;
        }

        return start + cuts[k];
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
