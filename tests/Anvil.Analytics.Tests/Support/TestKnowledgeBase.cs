using Anvil.Cli.Tests;
using Anvil.Core.Reading;
using Anvil.Store;
using Anvil.Store.Ingest;
using Anvil.Store.Merging;

namespace Anvil.Analytics.Tests.Support;

/// <summary>
/// A SQLite knowledge base in a temporary file, filled the way <c>anvil ingest</c> fills one: files read by
/// <see cref="DocumentReader"/>, extracted and written by the <see cref="Ingestor"/>.
/// </summary>
public sealed class TestKnowledgeBase : IDisposable
{
    private readonly TempFolder _folder = new();

    private TestKnowledgeBase(IReadOnlyList<string> paths, IReadOnlyList<string> lexicons)
    {
        DbPath = _folder.File("kb.db");
        Store = KnowledgeStore.Open(StoreLocation.Parse(DbPath), create: true);
        var config = IngestConfiguration.Create(lexicons, AliasRules.None);
        var reader = new DocumentReader();
        var items = paths.Select(p => new IngestItem(p, new FileInfo(p).Length, () => reader.Read(p))).ToList();
        var summary = new Ingestor(Store, config, threads: 2).Run(items);
        Assert.Empty(summary.Failures);
    }

    public IKnowledgeStore Store { get; }

    public string DbPath { get; }

    public TempFolder Folder => _folder;

    /// <summary>The short texts written for these tests (<c>Chains/kb/*.txt</c>), with their lexicon of made-up companies.</summary>
    public static TestKnowledgeBase Small() =>
        new([.. Directory.GetFiles(KbFolder, "*.txt").Order(StringComparer.Ordinal)], [Path.Combine(KbFolder, "lexicon.tsv")]);

    /// <summary>The texts of a folder beside the tests (<c>Chains/sites</c>), with the lexicon.tsv of made-up companies in it.</summary>
    public static TestKnowledgeBase FromFolder(string relative)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, relative);
        return new([.. Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal)], [Path.Combine(folder, "lexicon.tsv")]);
    }

    /// <summary>Files or folders (read recursively) of documents.</summary>
    public static TestKnowledgeBase Of(params string[] paths) =>
        new([.. paths.SelectMany(p => Directory.Exists(p) ? Directory.GetFiles(p, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".txt", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".html", StringComparison.Ordinal)) : [p]).Order(StringComparer.Ordinal)], []);

    /// <summary>Documents with a lexicon of made-up companies.</summary>
    public static TestKnowledgeBase WithLexicon(string lexicon, params string[] files) => new(files, [lexicon]);

    public static string KbFolder => Path.Combine(AppContext.BaseDirectory, "Chains", "kb");

    /// <summary>Runs the real CLI in the knowledge base's folder against it.</summary>
    public AnvilProcess.Result Cli(params string[] args) =>
        AnvilProcess.Run([.. args, "--db", DbPath], workingDirectory: _folder.Path);

    public void Dispose()
    {
        Store.Dispose();
        _folder.Dispose();
    }
}
