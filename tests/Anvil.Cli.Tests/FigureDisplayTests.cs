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
}
