using System.Globalization;
using Anvil.Core.Display;
using Anvil.Core.Facts;
using Anvil.Core.Quantities;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Display;

/// <summary>
/// The display case files: each row is a figure (kind, value, value_high, unit, unit_text, qualifier) and what
/// <see cref="FigureFormatter"/> makes of it, as text (<c>cases/figures.tsv</c>) and as a spreadsheet number format
/// (<c>cases/spreadsheet.tsv</c>).
/// </summary>
public class FigureFormatterTests
{
    public static TheoryData<int, string, string> TextCases => Rows("Display/cases/figures.tsv");

    public static TheoryData<int, string, string> SpreadsheetCases => Rows("Display/cases/spreadsheet.tsv");

    [Theory]
    [MemberData(nameof(TextCases))]
    public void Figures_tsv(int line, string figure, string expected) =>
        Assert.True(expected == FigureFormatter.Default.Format(Parse(figure)),
            $"figures.tsv line {line}: {figure} gave '{FigureFormatter.Default.Format(Parse(figure))}', expected '{expected}'");

    [Theory]
    [MemberData(nameof(SpreadsheetCases))]
    public void Spreadsheet_tsv(int line, string figure, string expected) =>
        Assert.True(expected == FigureFormatter.Default.SpreadsheetFormat(Parse(figure)),
            $"spreadsheet.tsv line {line}: {figure} gave '{FigureFormatter.Default.SpreadsheetFormat(Parse(figure))}', expected '{expected}'");

    [Fact]
    public void A_fact_is_written_from_its_own_fields()
    {
        var fact = new Fact
        {
            Subject = "深圳",
            Indicator = "产业规模",
            Kind = FactKind.Value,
            Value = 3.6e11,
            Unit = Unit.Cny,
            UnitText = "億元",
            Qualifier = Qualifier.Approx,
        };

        Assert.Equal("≈3600亿元", FigureFormatter.Default.Format(fact));
    }

    [Fact]
    public void Stored_rows_read_by_spec_names_and_unknown_names_read_as_the_plain_case()
    {
        Assert.Equal("+2.3个百分点", FigureFormatter.Default.Format(FigureParts.FromSpecNames("delta", 2.3, null, "pp", null, "eq")));
        Assert.Equal("3600亿元", FigureFormatter.Default.Format(FigureParts.FromSpecNames("nonsense", 3.6e11, null, "CNY", null, "whatever")));
        Assert.Equal("12", FigureFormatter.Default.Format(FigureParts.FromSpecNames(null, 12, null, null, null, null)));
    }

    [Fact]
    public void Every_unit_a_quantity_can_have_is_written_in_words_not_as_its_code()
    {
        var codes = Anvil.Data.DataFiles.ReadLines("quantities/units.tsv")
            .Select(line => line.Split('\t'))
            .Where(c => c.Length > 3 && c[1] != "-" && c[3] is not ("date" or "nonfact"))
            .Select(c => c[1])
            .Concat(["count/km2", "times", "rank"])
            .Distinct();
        foreach (var code in codes)
        {
            var text = FigureFormatter.Default.Format(new FigureParts(FactKind.Value, 12, null, code, null, Qualifier.Eq));
            Assert.False(text.EndsWith(" " + code, StringComparison.Ordinal), $"{code} has no line in display/units.tsv: {text}");
        }
    }

    [Fact]
    public void Values_no_figure_has_do_not_throw()
    {
        foreach (var value in new[] { double.NaN, double.PositiveInfinity, 1e40, -1e40, double.Epsilon })
        {
            Assert.False(string.IsNullOrEmpty(FigureFormatter.Default.Format(new FigureParts(FactKind.Value, value, null, "CNY", null, Qualifier.Eq))));
            Assert.False(string.IsNullOrEmpty(FigureFormatter.Default.SpreadsheetFormat(new FigureParts(FactKind.Value, value, null, "CNY", null, Qualifier.Eq))));
        }
    }

    private static TheoryData<int, string, string> Rows(string file)
    {
        var data = new TheoryData<int, string, string>();
        foreach (var row in TestData.ReadTsv(file))
        {
            var figure = string.Join('\t', row["kind"], row["value"], row["value_high"], row["unit"], row["unit_text"], row["qualifier"]);
            data.Add(int.Parse(row["line"], CultureInfo.InvariantCulture), figure, row["expected"]);
        }

        return data;
    }

    private static FigureParts Parse(string figure)
    {
        var c = figure.Split('\t');
        return FigureParts.FromSpecNames(
            c[0],
            double.Parse(c[1], CultureInfo.InvariantCulture),
            c[2] == "-" ? null : double.Parse(c[2], CultureInfo.InvariantCulture),
            c[3],
            c[4] == "-" ? null : c[4],
            c[5]);
    }
}
