using System.Text.Encodings.Web;
using System.Text.Json;
using Anvil.Core.Display;
using ClosedXML.Excel;
using CsvHelper;
using Spectre.Console;

namespace Anvil.Cli.Commands.Store.Output;

/// <summary>
/// Writes result sheets in the chosen format to standard output or to <c>--output FILE</c>. A file is written
/// beside its final name and moved into place at the end, so an interrupted run never leaves half a file.
/// </summary>
internal static class SheetWriter
{
    // made when JSON is written: a field of its type would load System.Text.Json for every table
    private static JsonWriterOptions JsonOptions => new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese stays readable
    };

    /// <summary>
    /// Standard output for people: the terminal's width, or each table as wide as its content when it is a file or a
    /// pipe (where tables would otherwise wrap at 80 columns, in the middle of Chinese words).
    /// </summary>
    public static IAnsiConsole People => UnwrappedConsole.StandardOutput;

    public static void Write(IReadOnlyList<ResultSheet> sheets, OutputFormat format, string? outputPath, Action<IAnsiConsole>? table = null)
    {
        if (outputPath is null)
        {
            if (format == OutputFormat.Table)
            {
                (table ?? (c => WriteTables(c, sheets)))(People);
                return;
            }

            using var stdout = Console.OpenStandardOutput();
            WriteTo(stdout, sheets, format, table);
            return;
        }

        var full = Path.GetFullPath(outputPath);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Environment.ProcessId + ".tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                WriteTo(file, sheets, format, table);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void WriteTo(Stream stream, IReadOnlyList<ResultSheet> sheets, OutputFormat format, Action<IAnsiConsole>? table)
    {
        switch (format)
        {
            case OutputFormat.Csv:
                WriteCsv(stream, sheets);
                break;
            case OutputFormat.Jsonl:
                WriteJsonLines(stream, sheets);
                break;
            case OutputFormat.Xlsx:
                WriteXlsx(stream, sheets);
                break;
            default:
                using (var writer = new StreamWriter(stream, leaveOpen: true))
                {
                    var console = AnsiConsole.Create(new AnsiConsoleSettings
                    {
                        Out = new AnsiConsoleOutput(writer),
                        Ansi = AnsiSupport.No,
                        ColorSystem = ColorSystemSupport.NoColors,
                        Interactive = InteractionSupport.No,
                    });
                    (table ?? (c => WriteTables(c, sheets)))(new UnwrappedConsole(console));
                }

                break;
        }
    }

    /// <summary>People's tables: one per sheet, titled, numbers right-aligned.</summary>
    public static void WriteTables(IAnsiConsole console, IReadOnlyList<ResultSheet> sheets)
    {
        foreach (var sheet in sheets)
        {
            if (sheet.Rows.Count == 0)
            {
                console.MarkupLine($"[grey]{Markup.Escape(sheet.Name)}: none[/]");
                continue;
            }

            var t = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(sheet.Name));
            for (int c = 0; c < sheet.Columns.Count; c++)
            {
                var column = new TableColumn(Markup.Escape(sheet.Columns[c]));
                if (sheet.Rows.All(r => r[c].Number is not null || r[c].IsEmpty))
                {
                    column.RightAligned();
                }

                t.AddColumn(column);
            }

            foreach (var row in sheet.Rows)
            {
                t.AddRow(row.Select(cell => Markup.Escape(cell.ToString())).ToArray());
            }

            console.Write(t);
        }
    }

    /// <summary>
    /// RFC 4180 CSV, UTF-8 with a byte order mark (so spreadsheet programs read Chinese right), numbers as numbers,
    /// text that a spreadsheet would run as a formula escaped. Several sheets follow one another, a blank line apart.
    /// </summary>
    private static void WriteCsv(Stream stream, IReadOnlyList<ResultSheet> sheets)
    {
        var options = CsvWriterOptions.Default with
        {
            WriteByteOrderMark = true,
            Injection = CsvInjection.Escape,
            ValidateFieldCount = sheets.Count == 1,
        };
        using var csv = CsvWriter.Create(stream, options, leaveOpen: true);
        for (int s = 0; s < sheets.Count; s++)
        {
            if (s > 0)
            {
                csv.Flush();
                stream.Write("\r\n"u8);
            }

            csv.WriteHeader([.. sheets[s].Columns]);
            foreach (var row in sheets[s].Rows)
            {
                foreach (var cell in row)
                {
                    if (cell.Number is { } n)
                    {
                        csv.WriteField(n, default);
                    }
                    else
                    {
                        csv.WriteField(cell.Text);
                    }
                }

                csv.EndRecord();
            }
        }

        csv.Flush();
    }

    /// <summary>One JSON object per row: <c>type</c> (the sheet's record name), then the columns; numbers as numbers, empty cells as null.</summary>
    private static void WriteJsonLines(Stream stream, IReadOnlyList<ResultSheet> sheets)
    {
        using var json = new Utf8JsonWriter(stream, JsonOptions);
        foreach (var sheet in sheets)
        {
            foreach (var row in sheet.Rows)
            {
                json.Reset(stream);
                json.WriteStartObject();
                json.WriteString("type", sheet.Record);
                for (int c = 0; c < sheet.Columns.Count; c++)
                {
                    var name = sheet.Columns[c];
                    if (row[c].Number is { } n)
                    {
                        json.WriteNumber(name, n);
                    }
                    else if (row[c].Text is { } text)
                    {
                        json.WriteString(name, text);
                    }
                    else
                    {
                        json.WriteNull(name);
                    }
                }

                json.WriteEndObject();
                json.Flush();
                stream.WriteByte((byte)'\n');
            }
        }
    }

    /// <summary>One worksheet per sheet: a bold, frozen header with filters, numbers as numbers, columns sized to their text.</summary>
    private static void WriteXlsx(Stream stream, IReadOnlyList<ResultSheet> sheets)
    {
        using var workbook = new XLWorkbook();
        foreach (var sheet in sheets)
        {
            var ws = workbook.Worksheets.Add(SheetName(sheet.Name, workbook));
            var figures = new FigureColumns(sheet.Columns);
            for (int c = 0; c < sheet.Columns.Count; c++)
            {
                ws.Cell(1, c + 1).Value = sheet.Columns[c];
            }

            for (int r = 0; r < sheet.Rows.Count; r++)
            {
                var row = sheet.Rows[r];
                for (int c = 0; c < row.Length; c++)
                {
                    var target = ws.Cell(r + 2, c + 1);
                    if (row[c].Number is { } n)
                    {
                        target.Value = n;
                        if (figures.DisplayFormat(row, c) is { } format)
                        {
                            target.Style.NumberFormat.Format = format;
                        }
                    }
                    else if (row[c].Text is { } text)
                    {
                        target.SetValue(text); // as text: never read as a number, date or formula
                    }
                }
            }

            var header = ws.Range(1, 1, 1, Math.Max(1, sheet.Columns.Count));
            header.Style.Font.Bold = true;
            ws.SheetView.FreezeRows(1);
            if (sheet.Rows.Count > 0)
            {
                ws.Range(1, 1, sheet.Rows.Count + 1, sheet.Columns.Count).SetAutoFilter();
            }

            // widths by counting characters (a CJK character is two wide): AdjustToContents needs libgdiplus
            for (int c = 0; c < sheet.Columns.Count; c++)
            {
                int width = DisplayWidth(sheet.Columns[c]);
                foreach (var row in sheet.Rows)
                {
                    width = Math.Max(width, DisplayWidth(row[c].ToString()));
                }

                ws.Column(c + 1).Width = Math.Clamp(width + 2, 6, 80);
            }
        }

        // the package format needs a seekable stream; standard output is not
        using var buffer = new MemoryStream();
        workbook.SaveAs(buffer);
        buffer.Position = 0;
        buffer.CopyTo(stream);
    }

    /// <summary>
    /// Where a sheet keeps a figure's parts (value, value_high, unit, unit_text, kind, qualifier, named as in the
    /// extraction spec): its value cells (and a summary's low and high) get the display format analysts read
    /// (3600.00亿元, ≈35%) and stay numbers.
    /// </summary>
    private sealed class FigureColumns(IReadOnlyList<string> columns)
    {
        private readonly int _value = Index(columns, "value");
        private readonly int _valueHigh = Index(columns, "value_high");
        private readonly int _unit = Index(columns, "unit");
        private readonly int _unitText = Index(columns, "unit_text");
        private readonly int _kind = Index(columns, "kind");
        private readonly int _qualifier = Index(columns, "qualifier");
        private readonly int _low = Index(columns, "low"); // a summary's range of the values stated (compare, timeline)
        private readonly int _high = Index(columns, "high");

        public string? DisplayFormat(Cell[] row, int column)
        {
            bool stated = column == _value;
            if (_unit < 0 || !(stated || column == _valueHigh || column == _low || column == _high) || row[column].Number is not { } value)
            {
                return null;
            }

            var figure = FigureParts.FromSpecNames(Text(row, _kind), value, null, Text(row, _unit), Text(row, _unitText),
                stated ? Text(row, _qualifier) : "eq");
            return FigureFormatter.Default.SpreadsheetFormat(figure);
        }

        private static int Index(IReadOnlyList<string> columns, string name)
        {
            for (int i = 0; i < columns.Count; i++)
            {
                if (columns[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        private static string? Text(Cell[] row, int column) => column < 0 ? null : row[column].Text;
    }

    private static string SheetName(string name, XLWorkbook workbook)
    {
        var clean = new string([.. name.Select(c => "[]:*?/\\".Contains(c, StringComparison.Ordinal) ? '_' : c)]);
        clean = clean.Length > 31 ? clean[..31] : clean.Length == 0 ? "Sheet" : clean;
        var candidate = clean;
        for (int i = 2; workbook.Worksheets.Any(w => w.Name == candidate); i++)
        {
            var suffix = " " + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            candidate = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }

        return candidate;
    }

    private static int DisplayWidth(string text)
    {
        int width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += rune.Value >= 0x1100 ? 2 : 1;
        }

        return width;
    }
}
