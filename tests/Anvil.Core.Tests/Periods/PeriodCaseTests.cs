using System.Globalization;
using Anvil.Core.Normalization;
using Anvil.Core.Periods;
using Anvil.Core.Tests.Quantities;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Periods;

/// <summary>
/// The period case file: each row is a text, the document date (<c>-</c> for none) and every period the
/// recogniser must find, in order, as <c>SURFACE=VALUE [+flags]</c> (value <c>null</c> when unresolved;
/// flags +rel, +cmp, +same, +asat, +since are checked both ways, +inferred and +explicit when listed) or <c>none</c>.
/// </summary>
public class PeriodCaseTests
{
    public static TheoryData<int, string, string, string> PeriodCases
    {
        get
        {
            var data = new TheoryData<int, string, string, string>();
            foreach (var row in TestData.ReadTsv("Periods/cases/periods.tsv"))
            {
                data.Add(int.Parse(row["line"], CultureInfo.InvariantCulture), row["text"],
                    row["date"] + "\t" + row["expected"], row["needs"]);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(PeriodCases))]
    public void Periods_tsv(int line, string text, string dateAndExpected, string needs)
    {
        var parts = dateAndExpected.Split('\t');
        DateOnly? date = parts[0] == "-" ? null : DateOnly.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture);
        string expected = parts[1];
        text = text.Replace("\\n", "\n", StringComparison.Ordinal); // a line break is written \n in the case file
        var view = TextNormalizer.Default.Normalize(text);
        var actual = PeriodRecognizer.Default.Find(view.Text, date).Select(m =>
        {
            var span = view.ToOriginal(m.Span);
            return (Mention: m, Surface: text[span.Start..span.End]);
        }).ToList();
        string actualText = actual.Count == 0 ? "none" : string.Join(" ; ", actual.Select(a => Describe(a.Mention, a.Surface)));
        var items = CaseFile.Items(expected);
        string context = $"line {line}: {text} (date {parts[0]})\n  expected: {expected}\n  actual:   {actualText}";
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

    internal static string Describe(PeriodMention m, string surface) =>
        $"{surface}={m.Value ?? "null"}" + (m.IsRelative ? " +rel" : "") + (m.IsComparison ? " +cmp" : "")
        + (m.IsSamePeriod ? " +same" : "") + (m.IsAsAt ? " +asat" : "") + (m.IsSince ? " +since" : "");

    private static bool Matches(string item, PeriodMention m, string surface)
    {
        int eq = item.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0)
        {
            throw new FormatException($"case item '{item}' must read SURFACE=VALUE [+flags]");
        }

        var fields = item[(eq + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var flags = fields.Skip(1).ToHashSet(StringComparer.Ordinal);
        return item[..eq] == surface
            && fields[0] == (m.Value ?? "null")
            && flags.Contains("+rel") == m.IsRelative
            && flags.Contains("+cmp") == m.IsComparison
            && flags.Contains("+same") == m.IsSamePeriod
            && flags.Contains("+asat") == m.IsAsAt
            && flags.Contains("+since") == m.IsSince
            && (!flags.Contains("+inferred") || m.IsYearInferred)
            && (!flags.Contains("+explicit") || m.HasExplicitYear);
    }
}
