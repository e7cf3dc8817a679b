using System.Text;
using Anvil.Core.Tests.Support;
using Anvil.NativeExtract;

namespace Anvil.Cli.Tests;

/// <summary>
/// The native extract ./anvil hands <c>extract</c> to, built as ./anvil builds it (the first time it takes a few
/// minutes). Where it cannot be built here (no C linker, no ILCompiler packages) or ANVIL_NATIVE=0 turns it off, these
/// tests skip and say why.
/// </summary>
public sealed class NativeExtractBuild
{
    private readonly Lazy<(string? Binary, string Why)> _built = new(Build);

    public string RequireOrSkip()
    {
        var (binary, why) = _built.Value;
        if (binary is null)
        {
            Assert.Skip(why);
        }

        return binary!;
    }

    private static (string? Binary, string Why) Build()
    {
        if (Environment.GetEnvironmentVariable("ANVIL_NATIVE") == "0")
        {
            return (null, "ANVIL_NATIVE=0: the native extract is turned off");
        }

        string root = SharedFolder.RepositoryRoot;
        var probe = Path.Combine(Directory.CreateTempSubdirectory("anvil-native-build-").FullName, "probe.txt");
        File.WriteAllText(probe, "示例市统计局发布数据。", new UTF8Encoding(false));
        var script = Path.Combine(root, "anvil");
        // an extract through ./anvil builds the native extract when it is missing or older than its sources
        AnvilProcess.RunProgram("bash", [script, "extract", probe], workingDirectory: root, timeoutSeconds: 1800,
            environment: new Dictionary<string, string?> { ["ANVIL_NATIVE"] = null });
        Directory.Delete(Path.GetDirectoryName(probe)!, recursive: true);
        var check = AnvilProcess.RunProgram("bash", [script], environment: new Dictionary<string, string?> { ["ANVIL_SCRIPT_CHECK"] = "native" });
        var binary = Path.Combine(root, "artifacts", "native-extract", "anvil-native-extract");
        if (check.Stdout.Trim() == "fresh" && File.Exists(binary))
        {
            return (binary, "");
        }

        var failed = Path.Combine(root, "artifacts", "native-extract.failed");
        return (null, "the native extract could not be built here: " + (File.Exists(failed) ? File.ReadLines(failed).FirstOrDefault() : "no reason recorded"));
    }
}

/// <summary>Byte for byte what the managed <c>anvil extract</c> writes, on standard output and standard error, with its exit status.</summary>
public sealed class NativeExtractTests(NativeExtractBuild build) : IClassFixture<NativeExtractBuild>, IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("anvil-native-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Samples => Path.Combine(SharedFolder.RepositoryRoot, "samples");

    [Fact]
    public void The_samples_come_out_as_from_the_cli_on_one_thread_and_on_two()
    {
        AssertSame(["extract", Samples, "--threads", "1"]);
        AssertSame(["extract", Samples, "--threads", "2"]);
    }

    [Fact]
    public void Bad_inputs_give_the_cli_s_messages_and_status_and_the_other_files_go_on()
    {
        File.WriteAllBytes(Path.Combine(_dir, "binary.txt"), [0, 1, 2, 3, 0, 0, 0xFF, 0xFE, 0, 7, 8, 0, 0, 0]);
        File.WriteAllText(Path.Combine(_dir, "broken.pdf"), "not a pdf");
        File.WriteAllText(Path.Combine(_dir, "empty.txt"), "");
        File.WriteAllText(Path.Combine(_dir, "photo.jpg"), "skipped");
        Write("good.txt", "示例市统计局发布数据：2024年示例市生产总值增长5.1%。");
        Directory.CreateDirectory(Path.Combine(_dir, "nothing-readable"));

        AssertSame(["extract", _dir, Path.Combine(_dir, "missing.txt"), Path.Combine(_dir, "nothing-readable")]);
    }

    [Fact]
    public void Standard_input_dates_ids_and_lexicons_are_read_as_by_the_cli()
    {
        const string Text = "示例科技在示例市发布新产品，今年营收增长12%。";
        var lexicon = Write("mine.tsv", "# test words\n示例科技\tcompany\tSampleTech\n");
        AssertSame(["extract", "-", "--date", "2024-03-05", "--id", "piped", "--lexicon", lexicon], Text);
        var dated = Write("dated.txt", "2023年5月1日\n示例科技今年营收增长12%。");
        AssertSame(["extract", dated, "--date", "2024-3-5", "--force-date", "--thorough"]);
    }

    [Fact]
    public void A_bad_lexicon_is_refused_with_the_cli_s_message()
    {
        var lexicon = Write("bad.tsv", "no tab on this line\n");
        AssertSame(["extract", Write("doc.txt", "示例市统计局发布数据。"), "--lexicon", lexicon]);
    }

    [Fact]
    public void A_profile_goes_to_standard_error_and_the_records_are_unchanged()
    {
        var native = RunNative(["extract", Samples, "--profile"]);
        Assert.Equal(0, native.ExitCode);
        Assert.Equal(AnvilProcess.Run(["extract", Samples]).Stdout, native.Stdout);
        Assert.Contains("anvil: profile: entities", native.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format table")]
    [InlineData("--threads 0")]
    [InlineData("--date yesterday")]
    [InlineData("--no-such-option")]
    public void A_form_it_does_not_read_writes_nothing_and_reads_nothing(string options)
    {
        var r = RunNative(["extract", "-", .. options.Split(' ')], stdin: "示例市统计局发布数据。");
        Assert.Equal(ExtractArguments.HandBack, r.ExitCode);
        Assert.Equal("", r.Stdout + r.Stderr);
    }

    [Fact]
    public void The_anvil_script_waits_for_the_same_hand_back_status()
    {
        var script = File.ReadAllText(Path.Combine(SharedFolder.RepositoryRoot, "anvil"));
        Assert.Contains($"native_hand_back={ExtractArguments.HandBack}\n", script, StringComparison.Ordinal);
    }

    private void AssertSame(string[] args, string? stdin = null)
    {
        var managed = AnvilProcess.Run(args, stdin, workingDirectory: _dir);
        var native = RunNative(args, stdin);
        Assert.Equal(managed.ExitCode, native.ExitCode);
        Assert.Equal(managed.Stderr, native.Stderr);
        Assert.True(managed.Stdout == native.Stdout, $"extract {string.Join(' ', args[1..])}: the native extract wrote other records");
    }

    private AnvilProcess.Result RunNative(string[] args, string? stdin = null) =>
        AnvilProcess.RunProgram(build.RequireOrSkip(), args, stdin, workingDirectory: _dir);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        return path;
    }
}
