using Anvil.Store;
using Anvil.Store.Ingest;

namespace Anvil.Web;

/// <summary>How <c>anvil serve</c> runs the dashboard.</summary>
public sealed record DashboardOptions
{
    /// <summary>The default address: loopback only, so nothing outside this machine can reach the knowledge base.</summary>
    public const string DefaultUrls = "http://127.0.0.1:5080";

    public required StoreLocation Store { get; init; }

    /// <summary>Where to listen: one or more <c>http://HOST:PORT</c>, separated by <c>;</c> (port 0 takes a free one).</summary>
    public string Urls { get; init; } = DefaultUrls;

    /// <summary>Whether <c>/upload</c> may add documents to the knowledge base.</summary>
    public bool AllowUpload { get; init; }

    /// <summary>The largest upload (all files of one request together), in bytes.</summary>
    public long MaxUploadBytes { get; init; } = 10L * 1000 * 1000;

    /// <summary>The most files one upload may carry.</summary>
    public int MaxUploadFiles { get; init; } = 20;

    /// <summary>Lexicons and alias rules for uploads (what <c>anvil ingest</c> would use); built on the first upload.</summary>
    public Func<IngestConfiguration>? IngestConfiguration { get; init; }

    /// <summary>Writes CSV and XLSX exports of facts; without one the export links answer 501.</summary>
    public IFactExporter? Exporter { get; init; }
}
