using System.Text;
using Anvil.Core.Tests.Support;
using ClosedXML.Excel;

namespace Anvil.Cli.Tests;

/// <summary>Figures as analysts write them in the CLI's tables and spreadsheets, while machine formats keep base units.</summary>
public sealed class FigureDisplayTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("anvil-cli-figures-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private const string Report =
        "深圳市统计局发布，2024年深圳地区生产总值3.68万亿元，同比增长约5.8%。深圳人工智能产业规模达3600亿元，深圳民营企业超过254万家，"
        + "深圳规模以上工业增加值增速较上半年加快2.3个百分点，这一段文字写得很长，好让表格比八十列更宽而不被折断。";

    [Fact]
    public void Extract_tables_write_magnitudes_units_and_hedges_and_keep_every_row_on_one_line_in_a_pipe()
    {
        var r = AnvilProcess.Run(["extract", "-", "--format", "table", "--date", "2025-01-20"], stdin: Report);

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("3.68万亿元", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("3600亿元", r.Stdout, StringComparison.Ordinal);
        Assert.Contains(">254万家", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("≈+5.8%", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("+2.3个百分点", r.Stdout, StringComparison.Ordinal);
        // a pipe is no terminal: rows are as wide as they need, never wrapped at 80 columns
        var rows = r.Stdout.Split('\n').Where(l => l.StartsWith('│')).ToList();
        Assert.Contains(rows, l => l.Contains("深圳人工智能产业规模达3600亿元", StringComparison.Ordinal));
        Assert.All(rows, l => Assert.EndsWith("│", l.TrimEnd()));
        Assert.Contains(rows, l => l.Length > 80);
    }

    [Fact]
    public void Json_lines_keep_base_units()
    {
        var r = AnvilProcess.Run(["extract", "-", "--date", "2025-01-20"], stdin: Report);

        Assert.Equal(0, r.ExitCode);
        var gdp = r.Lines.Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement)
            .Single(f => f.GetProperty("type").GetString() == "fact" && f.GetProperty("quote").GetString()!.Contains("3.68万亿元", StringComparison.Ordinal));
        Assert.Equal(3.68e12, gdp.GetProperty("value").GetDouble());
        Assert.Equal("CNY", gdp.GetProperty("unit").GetString());
    }

    [Fact]
    public void Spreadsheet_values_stay_numbers_and_show_as_analysts_write_them()
    {
        File.WriteAllText(Path.Combine(_dir, "report.txt"), Report, new UTF8Encoding(false));
        Assert.Equal(0, AnvilProcess.Run(["ingest", "report.txt", "--db", "kb.db", "--date", "2025-01-20"], workingDirectory: _dir).ExitCode);

        var r = AnvilProcess.Run(["facts", "--db", "kb.db", "--format", "xlsx", "--output", "facts.xlsx"], workingDirectory: _dir);

        Assert.Equal(0, r.ExitCode);
        using var workbook = new XLWorkbook(Path.Combine(_dir, "facts.xlsx"));
        var sheet = workbook.Worksheet(1);
        var header = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        int value = header.IndexOf("value") + 1;
        var cells = sheet.Column(value).CellsUsed().Skip(1).ToList();
        Assert.All(cells, c => Assert.Equal(XLDataType.Number, c.DataType));
        var gdp = Assert.Single(cells, c => c.GetDouble() == 3.68e12);
        Assert.Equal("0.0#,,,,\"万亿元\";\"-\"0.0#,,,,\"万亿元\";0\"万亿元\"", gdp.Style.NumberFormat.Format);
        var firms = Assert.Single(cells, c => c.GetDouble() == 2.54e6);
        Assert.StartsWith("\">\"0!.0,\"万家\"", firms.Style.NumberFormat.Format, StringComparison.Ordinal);
    }

    private const string OtherCity =
        "杭州市统计局发布，2024年杭州地区生产总值2.19万亿元，同比增长4.7%。杭州人工智能产业规模约3000億元，杭州民营企业超过120万家。";

    /// <summary>Both reports in one knowledge base (kb.db).</summary>
    private void IngestBoth()
    {
        File.WriteAllText(Path.Combine(_dir, "sz.txt"), Report, new UTF8Encoding(false));
        File.WriteAllText(Path.Combine(_dir, "hz.txt"), OtherCity, new UTF8Encoding(false));
        Assert.Equal(0, AnvilProcess.Run(["ingest", "sz.txt", "hz.txt", "--db", "kb.db", "--date", "2025-01-20"], workingDirectory: _dir).ExitCode);
    }

    [Fact]
    public void Facts_and_compare_tables_write_figures_as_analysts_do()
    {
        IngestBoth();

        var facts = AnvilProcess.Run(["facts", "--db", "kb.db", "--subject", "深圳"], workingDirectory: _dir);
        var compare = AnvilProcess.Run(["compare", "深圳", "杭州", "--db", "kb.db"], workingDirectory: _dir);

        Assert.Equal((0, 0), (facts.ExitCode, compare.ExitCode));
        foreach (var figure in new[] { "3.68万亿元", "3600亿元", ">254万家", "≈+5.8%", "+2.3个百分点" })
        {
            Assert.Contains(figure, facts.Stdout, StringComparison.Ordinal);
        }

        foreach (var figure in new[] { "3.68万亿元", "2.19万亿元", "≈+5.8%", "+4.7%", "≈3000亿元" })
        {
            Assert.Contains(figure, compare.Stdout, StringComparison.Ordinal);
        }

        Assert.DoesNotContain(" CNY", compare.Stdout, StringComparison.Ordinal); // the unit as a Chinese reader expects, after the number
        Assert.DoesNotContain(" CNY", facts.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_comparison_in_a_spreadsheet_keeps_numbers_shown_as_analysts_write_them()
    {
        IngestBoth();

        var r = AnvilProcess.Run(["compare", "深圳", "杭州", "--db", "kb.db", "--format", "xlsx", "--output", "compare.xlsx"], workingDirectory: _dir);

        Assert.Equal(0, r.ExitCode);
        using var workbook = new XLWorkbook(Path.Combine(_dir, "compare.xlsx"));
        var sheet = workbook.Worksheet(1);
        var header = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        foreach (var column in new[] { "value", "low", "high" })
        {
            var cells = sheet.Column(header.IndexOf(column) + 1).CellsUsed().Skip(1).ToList();
            Assert.All(cells, c => Assert.Equal(XLDataType.Number, c.DataType));
            var hangzhou = Assert.Single(cells, c => c.GetDouble() == 2.19e12);
            Assert.Contains("万亿元", hangzhou.Style.NumberFormat.Format, StringComparison.Ordinal);
        }
    }
}
