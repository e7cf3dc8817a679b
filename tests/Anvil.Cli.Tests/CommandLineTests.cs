using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Anvil.Cli.CommandLine;
using Anvil.Core.Tests.Support;

namespace Anvil.Cli.Tests;

/// <summary>
/// Every option means what it says: unknown options are errors that name the right one, errors go to standard error,
/// and exit statuses follow one rule (0 success, 1 some inputs failed, 2 usage or store errors).
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("anvil-cli-line-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private AnvilProcess.Result Run(params string[] args) => AnvilProcess.Run(args, workingDirectory: _dir);

    public static TheoryData<string> Verbs =>
    [
        "extract", "eval", "ingest", "reindex", "facts", "compare", "entity", "timeline", "conflicts", "search", "stats", "serve", "demo",
        "chains list", "chains coverage", "chains compare", "chains shock", "chains companies",
    ];

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Every_verb_refuses_an_option_it_does_not_have_naming_it(string verb)
    {
        var r = Run([.. verb.Split(' '), "--no-such-option", "x"]);

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.StartsWith($"anvil: E0010: {verb} has no option --no-such-option", r.Stderr, StringComparison.Ordinal);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("facts --subjet 深圳", "--subject")]
    [InlineData("facts --fromat csv", "--format")]
    [InlineData("extract --thread 2 x.txt", "--threads")]
    [InlineData("extract --lexicons my.tsv x.txt", "--lexicon")]
    [InlineData("chains shock --cutt 芯片", "--cut")]
    [InlineData("serve --url http://127.0.0.1:0", "--urls")]
    [InlineData("ingest --forcedate x", "--force-date")]
    public void A_misspelled_option_is_answered_with_the_right_one(string line, string meant)
    {
        var r = Run(line.Split(' '));

        Assert.Equal(2, r.ExitCode);
        Assert.Contains($"did you mean {meant}?", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_option_takes_no_value_away_from_the_verb()
    {
        var r = Run("extract", "--bogus", "report.txt");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--bogus", r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("missing required argument", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Known_options_pass_in_every_form_and_a_lone_dash_is_standard_input()
    {
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "深圳人工智能企业超过3000家。", new UTF8Encoding(false));

        Assert.Equal(0, Run("extract", "a.txt", "--format=table").ExitCode);
        Assert.Equal(0, AnvilProcess.Run(["extract", "-", "--id", "piped"], stdin: "华为在深圳。").ExitCode); // "-" is standard input
        Assert.Equal(0, Run("extract", "a.txt", "--profile", "--threads", "1").ExitCode);
        Assert.Equal(0, Run("extract", "--help").ExitCode);
    }

    [Theory]
    [InlineData("extract /no/such/folder/a.txt --date yesterday", "E0302: --date must look like 2024-03-05")]
    [InlineData("extract", "E0011: Command 'extract' is missing required argument 'PATH'")]
    [InlineData("extract a.txt --threads abc", "E0011: --threads takes a whole number, not 'abc'")]
    [InlineData("factz", "E0011: unknown command 'factz'")]
    [InlineData("facts --format pdf", "E0502: --format must be")]
    [InlineData("extract a.txt --force-date", "E0306: --force-date needs --date")]
    [InlineData("serve --max-upload-mb lots", "E0011: --max-upload-mb takes a number, not 'lots'")]
    [InlineData("facts --limit=abc", "E0011: --limit takes a whole number, not 'abc'")]
    [InlineData("extract a.txt --lexicon /no/such.tsv", "E0303: lexicon /no/such.tsv: no such file")]
    [InlineData("eval --gold /no/such/gold a.txt", "E0400: gold folder '/no/such/gold' does not exist")]
    public void Usage_errors_go_to_standard_error_with_their_code_and_exit_2(string line, string message)
    {
        var r = Run(line.Split(' '));

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        Assert.StartsWith("anvil: " + message, r.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("factz", "anvil: E0011: unknown command 'factz'; did you mean facts?")]
    [InlineData("chains shok", "anvil: E0011: unknown command 'shok'; did you mean chains shock?")]
    [InlineData("help", "anvil: E0011: unknown command 'help'; the commands are extract, eval, ingest,")]
    [InlineData("facts 深圳", "anvil: E0011: facts takes no argument '深圳'")]
    [InlineData("stats extra", "anvil: E0011: stats takes no argument 'extra'")]
    [InlineData("--bogus", "anvil: E0011: --bogus before any command; write the command first")]
    public void A_misspelled_verb_or_an_extra_argument_is_one_line_on_standard_error(string line, string message)
    {
        var r = Run(line.Split(' '));

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var error = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_of_verbs_without_one_names_them_and_exits_2()
    {
        var r = Run("chains");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var error = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("anvil: E0011: chains needs one of its commands: list, coverage, compare, shock, companies", error, StringComparison.Ordinal);
        Assert.Equal(0, Run("chains", "--help").ExitCode);
    }

    [Theory]
    [InlineData("facts --limit", "--limit needs a value")]
    [InlineData("facts --db", "--db needs a value")]
    [InlineData("facts --limit --format table", "--limit needs a value")]
    [InlineData("extract a.txt --date", "--date needs a value")]
    [InlineData("extract a.txt --threads", "--threads needs a value")]
    [InlineData("compare 深圳 杭州 --scope", "--scope needs a value")]
    [InlineData("facts --format=", "--format needs a value")]
    public void An_option_without_its_value_is_named(string line, string message)
    {
        var r = Run(line.Split(' '));

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var error = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("anvil: E0011: " + message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("__default_command", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_store_error_exits_2_and_a_name_not_found_exits_1()
    {
        Assert.Equal(2, Run("facts", "--db", "none.db").ExitCode);
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "华为在深圳发布新产品。", new UTF8Encoding(false));
        Assert.Equal(0, Run("ingest", "a.txt", "--db", "kb.db").ExitCode);

        var r = Run("entity", "不存在的公司", "--db", "kb.db");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("E0508", r.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("extract")]
    [InlineData("ingest")]
    public void An_empty_folder_says_so_and_counts_as_a_failed_input(string verb)
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir, "empty")).FullName;
        File.WriteAllText(Path.Combine(empty, "notes.docx"), "x");

        var r = Run(verb, empty, "--db", "kb.db");
        if (verb == "extract")
        {
            r = Run(verb, empty);
        }

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"anvil: E0305: {empty}: no document in this folder", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Date_is_for_documents_that_state_none_and_force_date_overrides()
    {
        const string Dated = "发布时间：2023年7月28日\n深圳人工智能企业超过3000家。";

        Assert.Equal("2023-07-28", DocumentDate(Run, Dated, "--date", "2025-01-02"));
        Assert.Equal("2025-01-02", DocumentDate(Run, Dated, "--date", "2025-01-02", "--force-date"));
        Assert.Equal("2025-01-02", DocumentDate(Run, "深圳人工智能企业超过3000家。", "--date", "2025-01-02"));
    }

    private static string? DocumentDate(Func<string[], AnvilProcess.Result> run, string text, params string[] options)
    {
        var r = AnvilProcess.Run(["extract", "-", .. options], stdin: text);
        Assert.Equal(0, r.ExitCode);
        return JsonDocument.Parse(r.Lines.First()).RootElement.GetProperty("date").GetString();
    }

    [Fact]
    public async Task Ctrl_c_stops_an_ingest_with_status_130_keeping_what_it_stored()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("sends SIGINT, as Ctrl+C in a terminal does");
        }

        var folder = Directory.CreateDirectory(Path.Combine(_dir, "many")).FullName;
        var sample = File.ReadAllText(Path.Combine(SharedFolder.RepositoryRoot, "samples", "sz-ai-industry-2025.txt"));
        for (int i = 0; i < 3000; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"copy-{i:0000}.txt"), $"第{i}份\n{sample}", new UTF8Encoding(false)); // each its own content
        }

        var db = Path.Combine(_dir, "kb.db");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _dir, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "anvil.dll"), "ingest", folder, "--db", db, "--threads", "1" })
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var cancel = TestContext.Current.CancellationToken;
        var stdout = p.StandardOutput.ReadToEndAsync(cancel);
        var stderr = p.StandardError.ReadToEndAsync(cancel);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (StoredDocuments(db) < 1 && !p.HasExited && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, cancel);
        }

        Assert.False(p.HasExited, "the ingest finished before it could be interrupted; give it more to do");
        if (File.ReadLines($"/proc/{p.Id}/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal)) is { } ignored
            && (Convert.ToUInt64(ignored["SigIgn:".Length..].Trim(), 16) & 0b10) != 0)
        {
            p.Kill();
            Assert.Skip("SIGINT is ignored in this test run (started in the background of a shell without job control), as it would be for anvil");
        }

        using (var kill = Process.Start("kill", ["-INT", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cancel);
        }

        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancel))
        {
            stop.CancelAfter(TimeSpan.FromSeconds(60)); // a hang on SIGINT fails here
            await p.WaitForExitAsync(stop.Token);
        }

        string output = await stdout;
        Assert.True(p.ExitCode == 130, $"status {p.ExitCode}: {await stderr}");
        Assert.StartsWith("interrupted: ingested ", output, StringComparison.Ordinal);
        int stored = StoredDocuments(db);
        Assert.InRange(stored, 1, 2999);
        Assert.Contains($"holds {stored} documents", output, StringComparison.Ordinal);
    }

    private static int StoredDocuments(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            using var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM documents";
            return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // not created yet
        }
    }

    [Fact]
    public void Serve_on_a_busy_port_is_one_line_on_standard_error()
    {
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "华为在深圳发布新产品。", new UTF8Encoding(false));
        Assert.Equal(0, Run("ingest", "a.txt", "--db", "kb.db").ExitCode);
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        int port = ((IPEndPoint)busy.LocalEndpoint).Port;

        var r = Run("serve", "--db", "kb.db", "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(2, r.ExitCode);
        Assert.Equal("", r.Stdout);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"anvil: E0609: http://127.0.0.1:{port}/: the port is in use", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_on_an_address_this_machine_does_not_have_is_one_line_with_its_code()
    {
        File.WriteAllText(Path.Combine(_dir, "a.txt"), "华为在深圳发布新产品。", new UTF8Encoding(false));
        Assert.Equal(0, Run("ingest", "a.txt", "--db", "kb.db").ExitCode);

        var r = Run("serve", "--db", "kb.db", "--urls", "http://192.0.2.1:5080"); // TEST-NET-1: documentation's, no machine's

        Assert.Equal(2, r.ExitCode);
        var line = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("anvil: E0610: http://192.0.2.1:5080/: this machine has no such address", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_examples_quote_the_postgresql_connection_string_for_the_shell()
    {
        var r = Run("ingest", "--help");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("'Host=localhost;Database=anvil;Username=anvil'", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(" Host=", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Verbs))]
    public void Help_in_a_pipe_keeps_quoted_values_and_examples_whole_on_their_lines(string verb)
    {
        var r = Run([.. verb.Split(' '), "--help"]);

        Assert.Equal(0, r.ExitCode);
        var lines = r.Stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
        foreach (var line in lines.Where(l => l.Contains("'Host=", StringComparison.Ordinal)))
        {
            Assert.Contains("'", line[(line.IndexOf("'Host=", StringComparison.Ordinal) + 1)..], StringComparison.Ordinal); // closed on its line
        }

        // each example is one line that pastes into a shell, and fits an 80-column terminal as it is
        var examples = lines.SkipWhile(l => l != "EXAMPLES:").Skip(1).TakeWhile(l => l.Length > 0).ToList();
        Assert.All(examples, l => Assert.StartsWith("    anvil ", l, StringComparison.Ordinal));
        Assert.All(examples, l => Assert.True(Columns(l) <= 80, $"{Columns(l)} columns: {l}"));
    }

    /// <summary>How wide a line shows in a terminal: CJK characters take two columns.</summary>
    private static int Columns(string line) => line.Sum(c => c >= '\u2E80' ? 2 : 1);

    [Fact]
    public void Closest_option_names_take_typos_transpositions_and_unique_prefixes()
    {
        string[] names = ["subject", "scope", "source", "format", "output", "limit"];
        Assert.Equal("subject", OptionCheck.Closest("subjet", names));
        Assert.Equal("format", OptionCheck.Closest("fromat", names));
        Assert.Equal("limit", OptionCheck.Closest("lim", names));
        Assert.Null(OptionCheck.Closest("colour", names));
        Assert.Null(OptionCheck.Closest("x", ["db", "format"])); // a letter or two shares nothing with a name two edits away
        Assert.Null(OptionCheck.Closest("fo", ["db", "limit"]));
    }

    [Fact]
    public void The_anvil_script_rebuilds_for_sources_not_for_what_dotnet_test_or_pack_writes()
    {
        var repo = Directory.CreateDirectory(Path.Combine(_dir, "repo")).FullName;
        File.Copy(Path.Combine(SharedFolder.RepositoryRoot, "anvil"), Path.Combine(repo, "anvil"));
        var source = Write(repo, "src/Anvil.Core/Thing.cs", "class Thing {}");
        var assets = Write(repo, "src/Anvil.Core/obj/project.assets.json", "{}");
        var built = Write(repo, "src/Anvil.Cli/bin/Release/net10.0/anvil.deps.json", "{}");
        BuiltLongAgo(repo);
        Assert.Equal("fresh", Check(repo));
        File.SetLastWriteTimeUtc(assets, DateTime.UtcNow);
        File.SetLastWriteTimeUtc(built, DateTime.UtcNow);
        Assert.Equal("fresh", Check(repo));
        File.SetLastWriteTimeUtc(source, DateTime.UtcNow);
        Assert.Equal("stale", Check(repo));
    }

    // words.bin and name-tagger.bin are sources too: regenerated by their scripts, they must reach the next run; a
    // migration taken out leaves no newer file behind, only its folder's time, and the build would still hold it
    [Theory]
    [InlineData("src/Anvil.Data/data/words/words.bin", "changed")]
    [InlineData("src/Anvil.Store/Sqlite/Migrations/0009_something.sql", "deleted")]
    public void The_anvil_script_rebuilds_for_a_source_changed_or_deleted(string relative, string change)
    {
        var repo = Directory.CreateDirectory(Path.Combine(_dir, "repo-" + change)).FullName;
        File.Copy(Path.Combine(SharedFolder.RepositoryRoot, "anvil"), Path.Combine(repo, "anvil"));
        var source = Write(repo, relative, "content");
        BuiltLongAgo(repo);
        Assert.Equal("fresh", Check(repo));
        if (change == "deleted")
        {
            File.Delete(source);
        }
        else
        {
            File.SetLastWriteTimeUtc(source, DateTime.UtcNow);
        }

        Assert.Equal("stale", Check(repo));
    }

    /// <summary>Writes the build files and a build stamp, every file and folder ten minutes old and the stamp newer than the rest.</summary>
    private static void BuiltLongAgo(string repo)
    {
        Write(repo, "Directory.Build.props", "<Project />");
        Write(repo, "Directory.Packages.props", "<Project />");
        Write(repo, "artifacts/cli/anvil.dll", "");
        var stamp = Write(repo, "artifacts/cli/.built", "");
        var past = DateTime.UtcNow.AddMinutes(-10);
        foreach (var f in Directory.EnumerateFiles(repo, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(f, past);
        }

        foreach (var d in Directory.EnumerateDirectories(repo, "*", SearchOption.AllDirectories))
        {
            Directory.SetLastWriteTimeUtc(d, past);
        }

        File.SetLastWriteTimeUtc(stamp, past.AddMinutes(1));
    }

    private static string Write(string root, string relative, string content)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    private static string Check(string repo)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(Path.Combine(repo, "anvil"));
        psi.Environment["ANVIL_SCRIPT_CHECK"] = "1";
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return output;
    }
}
