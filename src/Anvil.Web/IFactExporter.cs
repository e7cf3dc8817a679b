using Anvil.Store.Records;

namespace Anvil.Web;

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>Writes facts as a file for download (the CLI's writers, so the dashboard's exports match <c>anvil facts --format</c>).</summary>
public interface IFactExporter
{
    void Write(IReadOnlyList<FactRow> facts, ExportFormat format, Stream output);
}
