using System.Text.Json;
using Anvil.Cli.Tests;
using Anvil.Core.Entities;
using Anvil.Core.Tests.Support;
using Anvil.Store.Tests.Support;
using ClosedXML.Excel;
using CsvHelper;
using Microsoft.Data.Sqlite;

namespace Anvil.Store.Tests.Cli;

/// <summary>The knowledge-base verbs as a user runs them: the real CLI in a folder of the test's own.</summary>
public sealed class StoreCliTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly PostgresServer _server;

    public StoreCliTests(PostgresServer server)
    {
        _server = server;
    }

    public void Dispose() => _dir.Dispose();

    private AnvilProcess.Result Run(params string[] args) => AnvilCli.Run(_dir.Path, args);

    private static string Samples => Path.Combine(SharedFolder.RepositoryRoot, "samples");

    /// <summary>A knowledge base holding figures about 杭州 and 深圳, written through the store (fact extraction lands separately).</summary>
    private string FactBase()
    {
        var path = _dir.File("facts.db");
        using var store = KnowledgeStore.Open(StoreLocation.Parse(path), create: true);
        store.Add(new TestAnalysis("hz-2024", "杭州市人工智能產業規模3200億元,同比增長約12%。杭州民營企業約90萬家,「杭州六小龍」。", new DateOnly(2025, 1, 5))
            .Mention("杭州市", "杭州", EntityType.Place)
            .Fact("杭州市人工智能產業規模3200億元", "杭州", "产业规模", 3.2e11, "CNY", period: "2024", scope: "人工智能", source: "杭州市统计局")
            .Fact("同比增長約12%", "杭州", "产业规模", 12, "percent", kind: "growth", qualifier: "approx", period: "2024", scope: "人工智能", basis: "yoy")
            .Fact("杭州民營企業約90萬家", "杭州", "企业数量", 900000, qualifier: "approx", scope: "民营企业")
            .Records());
        store.Add(new TestAnalysis("sz-2024", "深圳人工智能產業規模達3600億元。深圳民營企業數量超過254萬。", new DateOnly(2025, 2, 7))
            .Mention("深圳", "深圳", EntityType.Place)
            .Fact("深圳人工智能產業規模達3600億元", "深圳", "产业规模", 3.6e11, "CNY", period: "2024", scope: "人工智能", source: "新华社")
            .Fact("深圳民營企業數量超過254萬", "深圳", "企业数量", 2540000, qualifier: "gt", scope: "民营企业")
            .Records());
        store.Add(new TestAnalysis("sz-other", "另有报道称深圳人工智能产业规模为3200亿元。", new DateOnly(2025, 3, 1))
            .Fact("深圳人工智能产业规模为3200亿元", "深圳", "产业规模", 3.2e11, "CNY", period: "2024", scope: "人工智能")
            .Records());
        return path;
    }

    // ------------------------------------------------------------------ ingest

    [Fact]
    public void Ingest_prints_a_summary_and_the_same_content_again_changes_nothing()
    {
        var first = Run("ingest", Samples, "--db", "kb.db");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("ingested 4 new document(s), 0 already stored, 0 failed", first.Stdout);
        Assert.Contains("kb.db holds 4 documents", first.Stdout);

        var second = Run("ingest", Samples, "--db", "kb.db", "--threads", "1");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("ingested 0 new document(s), 4 already stored", second.Stdout);
        Assert.Equal(Holdings(first.Stdout), Holdings(second.Stdout));
        Assert.DoesNotContain("\u001b[", second.Stderr); // no progress bar when standard error is not a terminal
    }

    [Fact]
    public void Ingest_uses_anvil_db_in_the_working_folder_by_default()
    {
        var r = Run("ingest", Path.Combine(Samples, "sz-ai-industry-2025.txt"));
        Assert.Equal(0, r.ExitCode);
        Assert.True(File.Exists(_dir.File("anvil.db")));
        Assert.Contains("anvil.db holds 1 documents", r.Stdout);
    }

    [Fact]
    public void A_killed_ingest_leaves_no_partial_document_and_a_rerun_equals_a_clean_run()
    {
        var text = File.ReadAllText(Path.Combine(SharedFolder.RequireOrSkip("corpus/dev"), "cn-2024-gov-work-report.txt"));
        var folder = Path.Combine(_dir.Path, "copies");
        Directory.CreateDirectory(folder);
        for (int i = 0; i < 120; i++)
        {
            File.WriteAllText(Path.Combine(folder, $"copy-{i:000}.txt"), $"第{i}份\n{text}"); // each copy its own content
        }

        var killedDb = _dir.File("killed.db");
        using (var p = AnvilCli.Start(_dir.Path, null, "ingest", folder, "--db", killedDb, "--threads", "1"))
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (StoredDocuments(killedDb) < 3 && !p.HasExited && DateTime.UtcNow < deadline)
            {
                Thread.Sleep(20);
            }

            Assert.False(p.HasExited, "the ingest finished before it could be killed; give it more to do");
            p.Kill(); // SIGKILL: no chance to clean up
            p.WaitForExit();
        }

        int survived = StoredDocuments(killedDb);
        Assert.InRange(survived, 3, 119);
        AssertEveryDocumentComplete(killedDb);

        var rerun = Run("ingest", folder, "--db", killedDb);
        Assert.Equal(0, rerun.ExitCode);
        Assert.Contains($"ingested {120 - survived} new document(s), {survived} already stored", rerun.Stdout);

        var clean = Run("ingest", folder, "--db", _dir.File("clean.db"));
        Assert.Equal(Holdings(clean.Stdout), Holdings(rerun.Stdout));
        Assert.Equal(MentionsPerDocument(_dir.File("clean.db")), MentionsPerDocument(killedDb));
    }

    private static int StoredDocuments(string path)
    {
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            using var c = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
            c.Open();
            using var cmd = c.CreateCommand();
            cmd.CommandText = "SELECT COUNT(*) FROM documents";
            return Convert.ToInt32(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // not created yet
        }
    }

    /// <summary>Every stored document has its mentions: each copy of the report mentions the same entities the same number of times.</summary>
    private static void AssertEveryDocumentComplete(string path)
    {
        var perDocument = MentionsPerDocument(path);
        Assert.Single(perDocument.Values.Distinct());
        Assert.True(perDocument.Values.First() > 10);
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "PRAGMA integrity_check";
        Assert.Equal("ok", cmd.ExecuteScalar());
    }

    private static Dictionary<string, long> MentionsPerDocument(string path)
    {
        using var c = new SqliteConnection($"Data Source={path};Pooling=False");
        c.Open();
        using var cmd = c.CreateCommand();
        cmd.CommandText = "SELECT d.sha256, (SELECT COUNT(*) FROM mentions m WHERE m.document_id = d.id) FROM documents d";
        using var r = cmd.ExecuteReader();
        var result = new Dictionary<string, long>();
        while (r.Read())
        {
            result[r.GetString(0)] = r.GetInt64(1);
        }

        return result;
    }

    /// <summary>"... holds N documents, N entities, N mentions, N facts, N relations" from a summary line.</summary>
    private static string Holdings(string stdout)
    {
        var line = stdout.Split('\n').Single(l => l.Contains(" holds ", StringComparison.Ordinal));
        return line[(line.IndexOf(" holds ", StringComparison.Ordinal) + 7)..].Trim();
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_named_and_the_others_are_stored()
    {
        var empty = _dir.Write("in/empty.txt", "");
        _dir.Write("in/good.txt", "深圳市统计局发布数据。");
        var missing = _dir.File("missing.txt");

        var r = Run("ingest", _dir.File("in"), missing, "--db", "kb.db");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ingested 1 new document(s), 0 already stored, 2 failed", r.Stdout);
        Assert.Contains(r.Stderr.Split('\n'), l => l.StartsWith("anvil: E0202: ", StringComparison.Ordinal) && l.Contains(empty, StringComparison.Ordinal));
        Assert.Contains(r.Stderr.Split('\n'), l => l.StartsWith("anvil: E0201: ", StringComparison.Ordinal) && l.Contains(missing, StringComparison.Ordinal));
    }

    [Fact]
    public void A_db_in_a_missing_folder_is_named_and_nothing_is_created()
    {
        var r = Run("ingest", Samples, "--db", "no/such/folder/kb.db");

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("anvil: E0401: no/such/folder/kb.db: the folder ", r.Stderr);
        Assert.False(Directory.Exists(_dir.File("no")));
    }

    [Fact]
    public void A_bad_connection_string_is_refused_before_any_work()
    {
        var r = Run("facts", "--db", "Host=;Nonsense=1");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("anvil: E0402: ", r.Stderr);

        var unreachable = Run("facts", "--db", "postgres://anvil:secret@127.0.0.1:1/kb");
        Assert.Equal(2, unreachable.ExitCode);
        Assert.StartsWith("anvil: E0403: postgresql://anvil@127.0.0.1:1/kb", unreachable.Stderr);
        Assert.DoesNotContain("secret", unreachable.Stderr);
    }

    [Fact]
    public void A_file_that_is_not_a_knowledge_base_is_left_untouched()
    {
        var path = _dir.Write("notes.db", "这是笔记,不是数据库。");
        var before = File.ReadAllBytes(path);

        var r = Run("ingest", Samples, "--db", "notes.db");

        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("anvil: E0405: notes.db: is not a SQLite database", r.Stderr);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void A_query_before_any_ingest_says_so_and_creates_nothing()
    {
        var r = Run("facts", "--subject", "杭州");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("anvil: E0404: anvil.db: no knowledge base there yet; run 'anvil ingest PATH' first", r.Stderr);
        Assert.False(File.Exists(_dir.File("anvil.db")));
    }

    [Fact]
    public void Settings_are_checked_with_codes()
    {
        // refusals go to standard error, like every error
        Assert.Contains("E0502", Run("facts", "--format", "pdf").Stderr);
        Assert.Contains("E0503", Run("facts", "--period", "last year").Stderr);
        Assert.Contains("E0504", Run("facts", "--kind", "amount").Stderr);
        Assert.Contains("E0501", Run("ingest", Samples, "--threads", "0").Stderr);
        Assert.Contains("E0507", Run("compare", "深圳").Stderr);
        Assert.Contains("E0506", Run("facts", "--output", "no/such/folder/f.csv").Stderr);
    }

    [Fact]
    public void A_broken_aliases_file_is_named_with_its_line()
    {
        _dir.Write("anvil.aliases.yaml", "merge:\n  - name: 华为\n    type: corporation\n    aliases: [Huawei]\n");

        var r = Run("ingest", Samples);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("anvil: E0410: ", r.Stderr);
        Assert.Contains("anvil.aliases.yaml:3: unknown entity type 'corporation'", r.Stderr);
        Assert.False(File.Exists(_dir.File("anvil.db")));
    }

    // ------------------------------------------------------------------ reindex

    [Fact]
    public void Reindex_applies_a_new_aliases_file_and_then_has_nothing_left_to_do()
    {
        _dir.Write("docs/a.txt", "华为和海思合作研发芯片。");
        Assert.Equal(0, Run("ingest", "docs").ExitCode);
        Assert.Equal(0, Run("entity", "海思", "--type", "company").ExitCode);

        _dir.Write("anvil.aliases.yaml", "merge:\n  - name: 华为\n    aliases: [海思]\n");
        var reindex = Run("reindex");

        Assert.Equal(0, reindex.ExitCode);
        Assert.Contains("reindexed 1 document(s)", reindex.Stdout);
        Assert.Contains("(1 entities no longer mentioned removed)", reindex.Stdout);
        var entity = Run("entity", "海思", "--format", "jsonl");
        Assert.Contains("\"name\":\"华为\"", entity.Stdout);
        Assert.Contains("\"alias\":\"海思\",\"origin\":\"user\"", entity.Stdout);
        Assert.Contains("reindexed 0 document(s)", Run("reindex").Stdout);
        Assert.Contains("reindexed 1 document(s)", Run("reindex", "--all").Stdout);
    }

    // ------------------------------------------------------------------ queries

    [Fact]
    public void Huawei_is_found_from_the_traditional_seed()
    {
        var seed = SharedFolder.RequireOrSkip("seeds");
        Assert.Equal(0, Run("ingest", seed).ExitCode);

        var r = Run("entity", "华为");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("华为 (company)", r.Stdout);
        Assert.Contains("華為 (text)", r.Stdout);
        Assert.Contains("華為 (text)", Run("entity", "華為").Stdout);
        Assert.Contains("\"entity_type\":\"company\"", Run("entity", "Huawei", "--format", "jsonl").Stdout);
        Assert.Equal(1, Run("entity", "不存在的公司").ExitCode);
    }

    [Fact]
    public void Facts_about_hangzhou_as_csv_and_xlsx_open_in_common_tools()
    {
        var db = FactBase();

        var csv = Run("facts", "--db", db, "--subject", "杭州市", "--format", "csv", "--output", "hz.csv");
        var xlsx = Run("facts", "--db", db, "--subject", "杭州", "--format", "xlsx", "--output", "hz.xlsx");

        Assert.Equal((0, 0), (csv.ExitCode, xlsx.ExitCode));
        var bytes = File.ReadAllBytes(_dir.File("hz.csv"));
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]); // spreadsheet programs read the UTF-8 as UTF-8
        var rows = new List<(string Subject, string Value, string Quote)>();
        using (var reader = CsvReader.FromFile(_dir.File("hz.csv")))
        {
            while (reader.Read())
            {
                rows.Add((reader.GetString("subject"), reader.GetString("value"), reader.GetString("quote")));
            }
        }

        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Equal("杭州", r.Subject));
        Assert.Contains(("杭州", "320000000000", "杭州市人工智能產業規模3200億元"), rows);

        using var workbook = new XLWorkbook(_dir.File("hz.xlsx"));
        var sheet = workbook.Worksheet("facts");
        var header = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Equal(["subject", "scope", "indicator", "kind", "value", "unit"], header.Take(6));
        int value = header.IndexOf("value") + 1, quote = header.IndexOf("quote") + 1;
        var values = Enumerable.Range(2, 3).Select(r => (sheet.Cell(r, value).GetDouble(), sheet.Cell(r, quote).GetString())).ToList();
        Assert.Contains((3.2e11, "杭州市人工智能產業規模3200億元"), values);
        Assert.Contains((900000.0, "杭州民營企業約90萬家"), values);
        Assert.True(sheet.Row(5).IsEmpty());
    }

    [Fact]
    public void Facts_about_hangzhou_in_the_seed_open_as_csv_and_xlsx()
    {
        Assert.Equal(0, Run("ingest", SharedFolder.RequireOrSkip("seeds")).ExitCode);
        var jsonl = Run("facts", "--subject", "杭州", "--format", "jsonl");
        if (!jsonl.Lines.Any())
        {
            Assert.Skip("no facts about 杭州 in the seed yet: fact extraction has not landed");
        }

        Assert.Equal(0, Run("facts", "--subject", "杭州", "--format", "csv", "--output", "seed.csv").ExitCode);
        Assert.Equal(0, Run("facts", "--subject", "杭州", "--format", "xlsx", "--output", "seed.xlsx").ExitCode);
        int n = 0;
        using (var reader = CsvReader.FromFile(_dir.File("seed.csv")))
        {
            while (reader.Read())
            {
                n++;
            }
        }

        using var workbook = new XLWorkbook(_dir.File("seed.xlsx"));
        Assert.Equal(jsonl.Lines.Count(), n);
        Assert.Equal(n + 1, workbook.Worksheet("facts").RowsUsed().Count());
    }

    [Fact]
    public void Facts_as_json_lines_and_as_a_table()
    {
        var db = FactBase();

        var jsonl = Run("facts", "--db", db, "--indicator", "產業規模", "--period", "2024", "--kind", "value", "--format", "jsonl");
        var facts = jsonl.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, facts.Count);
        Assert.All(facts, f => Assert.Equal("fact", f.GetProperty("type").GetString()));
        Assert.Contains(facts, f => f.GetProperty("value").GetDouble() == 3.6e11 && f.GetProperty("source").GetString() == "新华社");

        var table = Run("facts", "--db", db, "--subject", "深圳", "--scope", "民營企業");
        Assert.Contains(">254万", table.Stdout);
        Assert.Contains("深圳民營企業數量超過254萬", table.Stdout);
    }

    [Fact]
    public void Exports_carry_status_basis_value_high_and_indicator_text()
    {
        var db = FactBase();

        var growth = JsonDocument.Parse(Assert.Single(Run("facts", "--db", db, "--kind", "growth", "--format", "jsonl").Lines)).RootElement;
        Assert.Equal(("actual", "yoy"), (growth.GetProperty("status").GetString(), growth.GetProperty("basis").GetString()));
        Assert.Equal(JsonValueKind.Null, growth.GetProperty("value_high").ValueKind);
        Assert.Equal(JsonValueKind.Null, growth.GetProperty("indicator_text").ValueKind);

        Assert.Equal(0, Run("facts", "--db", db, "--kind", "growth", "--format", "csv", "--output", "growth.csv").ExitCode);
        var csv = File.ReadAllLines(_dir.File("growth.csv"));
        Assert.EndsWith("indicator_text,value_high,status,basis", csv[0]);
        Assert.EndsWith(",,actual,yoy", csv[1]);
    }

    [Fact]
    public void Compare_puts_shenzhen_and_hangzhou_side_by_side()
    {
        var db = FactBase();

        var table = Run("compare", "深圳", "杭州", "--db", db);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("≈90万", table.Stdout);
        Assert.Contains(">254万", table.Stdout);
        Assert.Contains("not comparable", table.Stdout); // the growth figure only 杭州 states

        var rows = Run("compare", "深圳", "杭州", "--db", db, "--format", "jsonl").Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var firms = rows.Where(r => r.GetProperty("indicator").GetString() == "企业数量").ToList();
        Assert.Equal(2, firms.Count);
        Assert.All(firms, r => Assert.Equal("yes", r.GetProperty("comparable").GetString()));
        Assert.Equal(["杭州", "深圳"], firms.Select(r => r.GetProperty("subject").GetString()).Order());
        var growth = Assert.Single(rows, r => r.GetProperty("kind").GetString() == "growth");
        Assert.Equal(("no", "only 杭州"), (growth.GetProperty("comparable").GetString(), growth.GetProperty("note").GetString()));
    }

    [Fact]
    public void A_query_reads_the_knowledge_base_however_it_is_named_and_a_refused_one_leaves_it_closed()
    {
        // the knowledge base opens while the command line is read: from --db X, --db=X or ANVIL_DB alike
        var db = FactBase();
        var expected = Run("timeline", "深圳", "产业规模", "--db", db, "--format", "csv");
        Assert.Equal(0, expected.ExitCode);
        Assert.Equal(expected.Stdout, Run("timeline", "深圳", "产业规模", "--db=" + db, "--format", "csv").Stdout);
        Assert.Equal(expected.Stdout, AnvilCli.RunWith(_dir.Path, new Dictionary<string, string> { ["ANVIL_DB"] = db }, "timeline", "深圳", "产业规模", "--format", "csv").Stdout);
        Assert.Contains("E0404", Run("timeline", "深圳", "产业规模", "--db", "other.db").Stderr);

        var refused = Run("compare", "深圳", "杭州", "--db", db, "--no-such-option");
        Assert.Equal(2, refused.ExitCode);
        Assert.False(File.Exists(db + "-wal")); // closed, not left open as the process ended
    }

    [Fact]
    public void Compare_pairs_the_gdp_of_two_cities_whatever_each_text_calls_it()
    {
        // one text writes GDP, the other 地区生产总值 (Traditional) and a third 经济总量: one indicator in the knowledge base
        var folder = _dir.File("gdp");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "sz.txt"), "2024年深圳GDP达3.68万亿元，同比增长5.8%。");
        File.WriteAllText(Path.Combine(folder, "hz.txt"), "2024年杭州市地區生產總值2.19萬億元，同比增長4.7%。");
        File.WriteAllText(Path.Combine(folder, "nj.txt"), "2024年南京经济总量1.85万亿元。");
        Assert.Equal(0, Run("ingest", folder, "--db", "gdp.db").ExitCode);

        var rows = Run("compare", "深圳", "杭州", "--db", "gdp.db", "--format", "jsonl").Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var gdp = rows.Where(r => r.GetProperty("indicator").GetString() == "地区生产总值" && r.GetProperty("kind").GetString() == "value").ToList();
        Assert.Equal(["杭州", "深圳"], gdp.Select(r => r.GetProperty("subject").GetString()).Order());
        Assert.All(gdp, r => Assert.Equal("yes", r.GetProperty("comparable").GetString()));
        Assert.Contains("地区生产总值", Run("timeline", "南京", "GDP", "--db", "gdp.db").Stdout + Run("timeline", "南京", "地区生产总值", "--db", "gdp.db").Stdout);
    }

    [Fact]
    public void Conflicts_show_each_figure_as_clusters_with_their_quotes_and_timeline_one_line_per_period()
    {
        var db = FactBase();

        var clusters = Run("conflicts", "--db", db, "--format", "jsonl").Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, clusters.Count); // one figure, two values that cannot both be true
        Assert.All(clusters, c => Assert.Equal(("深圳", "产业规模", "2024", 2), (c.GetProperty("subject").GetString(), c.GetProperty("indicator").GetString(),
            c.GetProperty("period").GetString(), c.GetProperty("clusters").GetInt32())));
        Assert.Equal(["深圳人工智能产业规模为3200亿元", "深圳人工智能產業規模達3600億元"], clusters.Select(c => c.GetProperty("quote").GetString()!).Order());
        Assert.Contains("3200亿元", Run("conflicts", "--db", db).Stdout);

        var timeline = Run("timeline", "深圳", "产业规模", "--db", db, "--format", "jsonl").Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var line = Assert.Single(timeline); // two documents, one period
        Assert.Equal(("2024", 2, "yes"), (line.GetProperty("period").GetString(), line.GetProperty("sources").GetInt32(), line.GetProperty("conflict").GetString()));
        var all = Run("timeline", "深圳", "产业规模", "--db", db, "--format", "jsonl", "--all").Lines.ToList();
        Assert.Equal(2, all.Count);
        Assert.All(all, l => Assert.Contains("\"period\":\"2024\"", l));
    }

    [Fact]
    public void Search_finds_simplified_text_from_a_traditional_query()
    {
        Assert.Equal(0, Run("ingest", Samples).ExitCode);

        var r = Run("search", "人工智能產業", "--format", "jsonl");

        Assert.Equal(0, r.ExitCode);
        var hits = r.Lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(hits, h => h.GetProperty("doc").GetString() == "sz-ai-industry-2025" && h.GetProperty("match").GetString() == "人工智能产业");
        Assert.Contains("人工智能", Run("search", "深圳").Stdout);
    }

    // ------------------------------------------------------------------ demo

    [Fact]
    public void Demo_builds_a_fresh_knowledge_base_each_run_and_says_how_to_open_the_dashboard()
    {
        var first = Run("demo");
        var second = Run("demo");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.Contains("ingested 4 new document(s)", second.Stdout); // replaced, not added to
        var compare = Assert.Single(second.Lines, l => l.StartsWith("anvil compare ", StringComparison.Ordinal));
        Assert.Contains("深圳", compare); // the two places the samples say most about
        Assert.Contains("杭州", compare);
        Assert.Contains("anvil serve --db anvil-demo.db", second.Stdout);
        Assert.True(File.Exists(_dir.File("anvil-demo.db")));
    }

    [Fact]
    public void Demo_never_replaces_a_file_that_is_not_its_own()
    {
        var path = _dir.Write("anvil-demo.db", "my notes");

        var r = Run("demo");

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("E0405", r.Stderr);
        Assert.Equal("my notes", File.ReadAllText(path));
    }

    // ------------------------------------------------------------------ PostgreSQL through the CLI

    [Fact]
    public void Ingest_into_postgresql_named_by_anvil_db_twice_gives_the_same_counts()
    {
        var server = _server;
        var database = server.CreateDatabase();
        try
        {
            var env = new Dictionary<string, string> { ["ANVIL_DB"] = database };
            var folders = new[] { SharedFolder.RequireOrSkip("seeds"), SharedFolder.RequireOrSkip("corpus/dev") };
            var first = AnvilCli.RunWith(_dir.Path, env, ["ingest", .. folders]);
            var second = AnvilCli.RunWith(_dir.Path, env, ["ingest", .. folders]);

            Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
            Assert.Contains("postgresql://", first.Stdout);
            Assert.Contains("ingested 0 new document(s), 19 already stored", second.Stdout);
            Assert.Equal(Holdings(first.Stdout), Holdings(second.Stdout));

            var sqlite = Run(["ingest", .. folders, "--db", "same.db"]);
            Assert.Equal(Holdings(sqlite.Stdout), Holdings(first.Stdout));
            Assert.Contains("華為 (text)", AnvilCli.RunWith(_dir.Path, env, "entity", "华为").Stdout);
        }
        finally
        {
            server.DropDatabase(database);
        }
    }
}
