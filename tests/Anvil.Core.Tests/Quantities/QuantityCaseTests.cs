using System.Globalization;
using Anvil.Core.Normalization;
using Anvil.Core.Quantities;

namespace Anvil.Core.Tests.Quantities;

/// <summary>
/// The quantity case files: each row is a text and every quantity the recogniser must find in it, in
/// order, as <c>SURFACE=VALUE UNIT QUALIFIER [+flags]</c> (surface as written in the original text;
/// VALUE <c>LOW..HIGH</c> for a range; unit <c>-</c> for none; flags +mult, +ord, +frac, +borrowed, +assumed)
/// or <c>none</c>.
/// The text goes through <see cref="TextNormalizer"/> first, as in the pipeline.
/// </summary>
public class QuantityCaseTests
{
    public static TheoryData<int, string, string, string> NumberCases => CaseFile.Rows("Quantities/cases/numbers.tsv", "text", "expected", "needs");

    public static TheoryData<int, string, string, string> UnitCases => CaseFile.Rows("Quantities/cases/units.tsv", "text", "expected", "needs");

    public static TheoryData<int, string, string, string> QualifierCases => CaseFile.Rows("Quantities/cases/qualifiers.tsv", "text", "expected", "needs");

    public static TheoryData<int, string, string, string> RangeCases => CaseFile.Rows("Quantities/cases/ranges.tsv", "text", "expected", "needs");

    [Theory]
    [MemberData(nameof(NumberCases))]
    public void Numbers_tsv(int line, string text, string expected, string needs) => Check(line, text, expected, needs);

    [Theory]
    [MemberData(nameof(UnitCases))]
    public void Units_tsv(int line, string text, string expected, string needs) => Check(line, text, expected, needs);

    [Theory]
    [MemberData(nameof(QualifierCases))]
    public void Qualifiers_tsv(int line, string text, string expected, string needs) => Check(line, text, expected, needs);

    [Theory]
    [MemberData(nameof(RangeCases))]
    public void Ranges_tsv(int line, string text, string expected, string needs) => Check(line, text, expected, needs);

    /// <summary>The compact form a case file uses for one mention.</summary>
    internal static string Describe(QuantityMention m, string surface)
    {
        var flags = (m.IsMultiple ? " +mult" : "") + (m.IsOrdinal ? " +ord" : "") + (m.IsFraction ? " +frac" : "")
            + (m.IsUnitBorrowed ? " +borrowed" : "") + (m.IsCurrencyAssumed ? " +assumed" : "");
        string value = m.Value.ToString("R", CultureInfo.InvariantCulture)
            + (m.ValueHigh is double high ? ".." + high.ToString("R", CultureInfo.InvariantCulture) : "");
        return $"{surface}={value} {(m.Unit.Length == 0 ? "-" : m.Unit)} "
            + $"{m.Qualifier.ToString().ToLowerInvariant()}{flags}";
    }

    private static void Check(int line, string text, string expected, string needs)
    {
        var view = TextNormalizer.Default.Normalize(text);
        var found = QuantityRecognizer.Default.Find(view.Text);
        var actual = found.Select(m =>
        {
            var span = view.ToOriginal(m.Span);
            return (Mention: m, Surface: text[span.Start..span.End]);
        }).ToList();
        string actualText = actual.Count == 0 ? "none" : string.Join(" ; ", actual.Select(a => Describe(a.Mention, a.Surface)));
        var items = CaseFile.Items(expected);
        string context = $"line {line}: {text}\n  expected: {expected}\n  actual:   {actualText}";
        if (items.Length != actual.Count)
        {
            CaseFile.Fail(needs, context);
            return;
        }

        for (int k = 0; k < items.Length; k++)
        {
            if (!Matches(items[k], actual[k].Mention, actual[k].Surface))
            {
                CaseFile.Fail(needs, context + $"\n  differs at item {k + 1}: {items[k]}");
                return;
            }
        }
    }

    private static bool Matches(string item, QuantityMention m, string surface)
    {
        int eq = item.IndexOf('=', StringComparison.Ordinal);
        var fields = item[(eq + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (eq < 0 || fields.Length < 3)
        {
            throw new FormatException($"case item '{item}' must read SURFACE=VALUE UNIT QUALIFIER [+flags]");
        }

        var ends = fields[0].Split("..");
        double value = double.Parse(ends[0], CultureInfo.InvariantCulture);
        double? high = ends.Length > 1 ? double.Parse(ends[1], CultureInfo.InvariantCulture) : null;
        var flags = fields.Skip(3).ToHashSet(StringComparer.Ordinal);
        return item[..eq] == surface
            && Close(m.Value, value)
            && (high is null ? m.ValueHigh is null : m.ValueHigh is double h && Close(h, high.Value))
            && (fields[1] == "-" ? "" : fields[1]) == m.Unit
            && string.Equals(fields[2], m.Qualifier.ToString(), StringComparison.OrdinalIgnoreCase)
            && flags.Contains("+mult") == m.IsMultiple
            && flags.Contains("+ord") == m.IsOrdinal
            && flags.Contains("+frac") == m.IsFraction
            && (!flags.Contains("+borrowed") || m.IsUnitBorrowed)
            && (!flags.Contains("+assumed") || m.IsCurrencyAssumed);
    }

    private static bool Close(double actual, double expected) => Math.Abs(actual - expected) <= 1e-6 * Math.Max(1, Math.Abs(expected));
}
