using System.Globalization;
using System.Text;
using Anvil.Core.Facts;
using Anvil.Core.Quantities;

namespace Anvil.Core.Display;

/// <summary>
/// Writes a figure as a Chinese analyst writes it: 3.68万亿元, 3600亿元, 254万家, ≈35%, &gt;2540万, 2～3千亿元, +2.3个百分点,
/// 第3, 前7, 1245亿美元. Every renderer for people (CLI tables, the dashboard, the spreadsheet display format) takes its
/// figures from here; machine formats (JSON Lines, CSV) keep the value in base units. The words and signs are data
/// (<c>display/*.tsv</c>); see this folder's README for the rules.
/// </summary>
public sealed class FigureFormatter
{
    private static readonly Lazy<FigureFormatter> LazyDefault = new(() => new FigureFormatter(DisplayData.Load()));

    private static readonly Magnitude None = new("", 1);

    /// <summary>Below this a value converts to decimal (whose range ends near 7.9e28).</summary>
    private const double DecimalLimit = 7.9e27;

    private readonly DisplayData _data;

    private FigureFormatter(DisplayData data) => _data = data;

    public static FigureFormatter Default => LazyDefault.Value;

    public string Format(Fact fact) => Format(FigureParts.Of(fact));

    /// <summary>The figure as people read it: hedge, sign of a change, number, magnitude, classifier, unit.</summary>
    public string Format(in FigureParts figure)
    {
        var unit = UnitOf(figure.Unit);
        string text = unit.Form == UnitForm.Classifier ? ClassifierOf(figure.UnitText) + unit.Text : unit.Text;
        if (!double.IsFinite(figure.Value) || figure.ValueHigh is double h && !double.IsFinite(h))
        {
            return figure.Value.ToString(CultureInfo.InvariantCulture) + text; // no figure; shown, never thrown on
        }

        if (figure.Qualifier == Qualifier.Range && figure.ValueHigh is double high)
        {
            return FormatRange(figure, unit, text, high);
        }

        var sb = new StringBuilder();
        double value = figure.Value / unit.Per;
        if (unit.Form == UnitForm.Prefix)
        {
            sb.Append(_data.RankWords.TryGetValue(figure.Qualifier, out var word) ? word : QualifierSign(figure.Qualifier) + unit.Text);
            AppendEnd(sb, value, figure.IsChange, None, unit.Decimals);
            return sb.ToString();
        }

        sb.Append(QualifierSign(figure.Qualifier));
        var magnitude = unit.UsesMagnitude ? MagnitudeOf(Math.Abs(value), unit.Decimals) : None;
        AppendEnd(sb, value, figure.IsChange, magnitude, unit.Decimals);
        return sb.Append(magnitude.Word).Append(text).ToString();
    }

    /// <summary>
    /// A spreadsheet number format (Excel's format codes) that shows a cell holding the figure's value in base units as
    /// <see cref="Format(in FigureParts)"/> writes it, while the cell stays a number: <c>"≈"0.0#"%"</c>,
    /// <c>0!.00,,"亿元"</c> (3.6e11 shows as 3600.00亿元: commas divide by a thousand, the literal point by a hundred).
    /// A range's cell holds its low end and shows it alone.
    /// </summary>
    public string SpreadsheetFormat(in FigureParts figure)
    {
        var unit = UnitOf(figure.Unit);
        string text = unit.Form == UnitForm.Classifier ? ClassifierOf(figure.UnitText) + unit.Text : unit.Text;
        string hedge = figure.Qualifier == Qualifier.Range ? "" : QualifierSign(figure.Qualifier);
        double value = Math.Abs(figure.Value / unit.Per);
        if (!double.IsFinite(value))
        {
            return "General";
        }

        if (unit.Form == UnitForm.Prefix)
        {
            string opening = _data.RankWords.TryGetValue(figure.Qualifier, out var word) ? word : hedge + unit.Text;
            return Quoted(opening) + "0";
        }

        var magnitude = unit.UsesMagnitude ? MagnitudeOf(value, unit.Decimals) : None;
        double divisor = unit.Per * magnitude.Value;
        int exponent = (int)Math.Round(Math.Log10(divisor));
        if (exponent < 0 || Math.Abs(Math.Pow(10, exponent) - divisor) > 1e-9 * divisor)
        {
            return Quoted(hedge) + "General" + Quoted(magnitude.Word + text); // a factor no format code can divide by
        }

        string number;
        if (exponent % 3 == 0)
        {
            bool whole = Rounded(value / magnitude.Value, unit.Decimals) % 1 == 0;
            number = whole || unit.Decimals == 0 ? "0" : "0.0" + new string('#', unit.Decimals - 1);
        }
        else
        {
            number = "0!." + new string('0', exponent % 3);
        }

        number += new string(',', exponent / 3) + Quoted(magnitude.Word + text);
        string positive = Quoted(hedge + (figure.IsChange ? _data.Plus : "")) + number;
        string negative = Quoted(hedge + _data.Minus) + number;
        string zero = Quoted(hedge) + "0" + Quoted(magnitude.Word + text);
        return $"{positive};{negative};{zero}";
    }

    /// <summary>2～3千亿元, 0.85～3万港元, 3%～5%, +2～+3个百分点, 第3～5; ends of different magnitudes each keep theirs.</summary>
    private string FormatRange(in FigureParts figure, DisplayUnit unit, string text, double high)
    {
        double low = figure.Value / unit.Per;
        high /= unit.Per;
        var sb = new StringBuilder();
        if (unit.Form == UnitForm.Prefix)
        {
            sb.Append(unit.Text);
            AppendEnd(sb, low, figure.IsChange, None, unit.Decimals);
            sb.Append(_data.RangeMark);
            AppendEnd(sb, high, figure.IsChange, None, unit.Decimals);
            return sb.ToString();
        }

        var magnitude = unit.UsesMagnitude ? MagnitudeOf(Math.Max(Math.Abs(low), Math.Abs(high)), unit.Decimals) : None;
        if (low != 0 && Rounded(Math.Abs(low) / magnitude.Value, unit.Decimals) == 0)
        {
            // 5～3亿 would read as 5亿～3亿: each end its own magnitude and unit
            var lowMagnitude = MagnitudeOf(Math.Abs(low), unit.Decimals);
            AppendEnd(sb, low, figure.IsChange, lowMagnitude, unit.Decimals);
            sb.Append(lowMagnitude.Word).Append(text).Append(_data.RangeMark);
            AppendEnd(sb, high, figure.IsChange, magnitude, unit.Decimals);
            return sb.Append(magnitude.Word).Append(text).ToString();
        }

        string word = magnitude.Word;
        decimal lowScaled = Rounded(Math.Abs(low) / magnitude.Value, unit.Decimals);
        decimal highScaled = Rounded(Math.Abs(high) / magnitude.Value, unit.Decimals);
        if (word.Length > 0 && _data.Thousands.Length > 0 && IsWholeThousands(lowScaled) && IsWholeThousands(highScaled))
        {
            // 2000～3000亿 → 2～3千亿, as the range is said (两到三千亿)
            magnitude = magnitude with { Value = magnitude.Value * 1000 };
            word = _data.Thousands + word;
        }

        AppendEnd(sb, low, figure.IsChange, magnitude, unit.Decimals);
        if (unit.RepeatInRange)
        {
            sb.Append(word).Append(text);
        }

        sb.Append(_data.RangeMark);
        AppendEnd(sb, high, figure.IsChange, magnitude, unit.Decimals);
        return sb.Append(word).Append(text).ToString();
    }

    private static bool IsWholeThousands(decimal scaled) => scaled >= 1000 && scaled < 10000 && scaled % 1000 == 0;

    /// <summary>The sign (a minus, or a plus for a change) and the digits of one value at a magnitude.</summary>
    private void AppendEnd(StringBuilder sb, double value, bool change, Magnitude magnitude, int decimals)
    {
        double scaled = Math.Abs(value) / magnitude.Value;
        decimal digits = Rounded(scaled, decimals);
        if (digits != 0)
        {
            sb.Append(value < 0 ? _data.Minus : change ? _data.Plus : "");
        }

        sb.Append(scaled < DecimalLimit
            ? digits.ToString("0.############", CultureInfo.InvariantCulture)
            : scaled.ToString("R", CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The largest magnitude whose word the value reaches (3.6e11 → 亿: 3600亿), or one larger when rounding carries
    /// the number up to it (99999999.99 → 1亿, not 10000万).
    /// </summary>
    private Magnitude MagnitudeOf(double abs, int decimals)
    {
        var magnitudes = _data.Magnitudes; // largest first
        int i = magnitudes.FindIndex(m => abs >= m.Value);
        var chosen = i < 0 ? None : magnitudes[i];
        int larger = (i < 0 ? magnitudes.Count : i) - 1;
        if (larger >= 0 && (double)Rounded(abs / chosen.Value, decimals) * chosen.Value >= magnitudes[larger].Value)
        {
            return magnitudes[larger];
        }

        return chosen;
    }

    /// <summary>Rounded half away from zero in decimal, so 2.675 rounds to 2.68 as it is written, not as it is stored.</summary>
    private static decimal Rounded(double value, int decimals) =>
        Math.Abs(value) < DecimalLimit
            ? Math.Round((decimal)value, decimals, MidpointRounding.AwayFromZero)
            : (decimal)DecimalLimit * Math.Sign(value); // beyond decimal: no real figure; compares as very large

    /// <summary>The classifier the text used for a count (萬輛 → 辆, 人次 → 人次), Simplified; empty when it used none.</summary>
    private string ClassifierOf(string? unitText)
    {
        if (string.IsNullOrEmpty(unitText))
        {
            return "";
        }

        var folded = _data.Fold.Fold(unitText);
        for (int length = Math.Min(folded.Length, _data.LongestClassifier); length > 0; length--)
        {
            var tail = folded[^length..];
            if (_data.Classifiers.Contains(tail))
            {
                return tail;
            }
        }

        return "";
    }

    private DisplayUnit UnitOf(string code) =>
        _data.Units.TryGetValue(code, out var unit) ? unit
        : new DisplayUnit(code.Length == 0 ? "" : " " + code, 1, true, 2, UnitForm.Suffix, false); // a unit without a written form: its code

    private string QualifierSign(Qualifier qualifier) => _data.QualifierSigns.GetValueOrDefault(qualifier, "");

    private static string Quoted(string text) => text.Length == 0 ? "" : "\"" + text + "\"";
}
