namespace Anvil.Web.Charts;

/// <summary>
/// What a period measures, for deciding which figures one line may join: a year's figure and a half-year's are not
/// points of one curve (a half-year GDP is about half a year's), so each basis is a line of its own. The basis is
/// the period's length: whole months (12 yearly, 6 half-yearly whether written H1 or 1-6月, 3 quarterly, 1 monthly,
/// other spans such as 1-7月 by their months), or days; a figure stated as current (its document's date) is one day.
/// </summary>
internal readonly record struct PeriodBasis(int Order, string Name)
{
    public static PeriodBasis Of(DateOnly start, DateOnly end)
    {
        if (start.Day == 1 && end.AddDays(1).Day == 1)
        {
            int months = ((end.Year - start.Year) * 12) + end.Month - start.Month + 1;
            return months switch
            {
                12 => new(0, "yearly"),
                6 => new(1, "half-yearly"),
                3 => new(2, "quarterly"),
                1 => new(3, "monthly"),
                _ => new(4 + months, $"{months} months"),
            };
        }

        int days = end.DayNumber - start.DayNumber + 1;
        return days == 1 ? new(1000, "as of a date") : new(1000 + days, $"{days} days");
    }
}
