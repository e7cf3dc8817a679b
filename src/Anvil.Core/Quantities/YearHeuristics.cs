namespace Anvil.Core.Quantities;

/// <summary>
/// Shared by the quantity and period recognisers: when is a two-digit number before 年 a year
/// (Hong Kong usage: 由23年平均每日成交金额 = 2023) rather than a duration (23年来)?
/// </summary>
internal static class YearHeuristics
{
    /// <param name="text">The text.</param>
    /// <param name="numberStart">Start of the two digits.</param>
    /// <param name="afterYear">Index just after 年.</param>
    /// <param name="fold">Character folding.</param>
    public static bool IsShortYearContext(string text, int numberStart, int afterYear, CharFold fold)
    {
        char before = numberStart > 0 ? fold[text[numberStart - 1]] : '\0';
        if (before is not ('由' or '在' or '于' or '从' or '自' or '到' or '至' or '\'' or '’' or '‘'))
        {
            return false;
        }

        char after = afterYear < text.Length ? fold[text[afterYear]] : '\0';
        return after is not ('来' or '以' or '间' or '内' or '多' or '半' or '时' or '的' or '前' or '后' or '里' or '之'
            or '期' or '左' or '才' or '就' or '中');
    }
}
