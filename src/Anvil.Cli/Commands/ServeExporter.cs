using Anvil.Cli.Commands.Store;
using Anvil.Cli.Commands.Store.Output;
using Anvil.Store.Records;
using Anvil.Web;

namespace Anvil.Cli.Commands;

/// <summary>
/// The dashboard's CSV and XLSX exports, written by the same sheet writer and columns as <c>anvil facts --format csv|xlsx</c>:
/// the writer makes a file (written beside its name, then moved into place), which is copied to the response.
/// </summary>
internal sealed class ServeExporter : IFactExporter
{
    public void Write(IReadOnlyList<FactRow> facts, ExportFormat format, Stream output)
    {
        var kind = format == ExportFormat.Xlsx ? OutputFormat.Xlsx : OutputFormat.Csv;
        var file = Path.Combine(Path.GetTempPath(), $"anvil-export-{Guid.NewGuid():N}.{(kind == OutputFormat.Xlsx ? "xlsx" : "csv")}");
        try
        {
            SheetWriter.Write([FactSheets.Facts("facts", facts, kind)], kind, file);
            using var stream = File.OpenRead(file);
            stream.CopyTo(output);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
