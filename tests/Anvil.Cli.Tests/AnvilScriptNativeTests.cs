using Anvil.Core.Tests.Support;

namespace Anvil.Cli.Tests;

/// <summary>
/// How ./anvil hands <c>extract</c> to the native extract: in a copy of the script beside stand-ins for dotnet and for
/// the native binary (shell scripts that say they ran), so no build happens.
/// </summary>
public sealed class AnvilScriptNativeTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("anvil-script-native-").FullName;

    public AnvilScriptNativeTests()
    {
        File.Copy(Path.Combine(SharedFolder.RepositoryRoot, "anvil"), Path.Combine(_repo, "anvil"));
        foreach (var source in new[] { "src/Anvil.Core/Thing.cs", "src/Anvil.NativeExtract/Program.cs", "Directory.Build.props", "Directory.Packages.props" })
        {
            Put(source, "");
        }

        // a native extract that prints its arguments on standard error and exits with FAKE_NATIVE_STATUS; with no
        // arguments it hands back, as the real one does (./anvil's check that a new build starts)
        var nativeStandIn = Put("fake/native", "#!/bin/sh\n[ $# -gt 0 ] || exit 97\necho \"native $*\" >&2\nexit \"${FAKE_NATIVE_STATUS:-0}\"\n", executable: true);
        // dotnet: runs print "managed ARGS"; a publish of the native extract fails unless FAKE_NATIVE_BUILDS=1, when it
        // leaves the stand-in; a publish of the CLI leaves an anvil.dll
        Put("fake/bin/dotnet", $$"""
            #!/bin/sh
            case "$1" in
              --info) echo " RID:        linux-x64"; exit 0 ;;
              publish)
                project="$2"
                while [ $# -gt 0 ]; do [ "$1" = -o ] && out="$2"; shift; done
                mkdir -p "$out"
                case "$project" in
                  *NativeExtract*)
                    [ "${FAKE_NATIVE_BUILDS:-0}" = 1 ] || { echo "fake: no ILCompiler package" >&2; exit 1; }
                    cp "{{nativeStandIn}}" "$out/anvil-native-extract" ;;
                  *) : > "$out/anvil.dll" ;;
                esac
                exit 0 ;;
            esac
            echo "managed $*"
            """, executable: true);
        Put("artifacts/cli/anvil.dll", "");
        File.Copy(nativeStandIn, Put("artifacts/native-extract/anvil-native-extract", "", executable: true), overwrite: true);
        var past = DateTime.UtcNow.AddMinutes(-10);
        foreach (var f in Directory.EnumerateFiles(_repo, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(f, past);
        }

        // folders too: the script counts a folder changed since its build as a source (a file deleted there)
        foreach (var d in Directory.EnumerateDirectories(_repo, "*", SearchOption.AllDirectories))
        {
            Directory.SetLastWriteTimeUtc(d, past);
        }

        File.SetLastWriteTimeUtc(Put("artifacts/cli/.built", ""), past.AddMinutes(1));
        File.SetLastWriteTimeUtc(Put("artifacts/native-extract/.built", ""), past.AddMinutes(1));
    }

    public void Dispose() => Directory.Delete(_repo, recursive: true);

    [Fact]
    public void Extract_runs_natively_and_its_status_is_the_run_s()
    {
        var r = Anvil(["extract", "doc.txt"], ("FAKE_NATIVE_STATUS", "1"));
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("native extract doc.txt", r.Stderr.Trim());
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void A_hand_back_runs_the_managed_cli_on_the_same_command_line()
    {
        var r = Anvil(["extract", "doc.txt", "--format", "table"], ("FAKE_NATIVE_STATUS", "97"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal($"managed {_repo}/artifacts/cli/anvil.dll extract doc.txt --format table", r.Stdout.Trim());
    }

    [Theory]
    [InlineData("extract doc.txt", "0")]
    [InlineData("eval doc.txt", null)]
    [InlineData("demo", null)]
    public void Other_verbs_and_ANVIL_NATIVE_0_run_the_managed_cli(string line, string? native)
    {
        var r = Anvil(line.Split(' '), ("ANVIL_NATIVE", native));
        Assert.StartsWith("managed ", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("native", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_change_builds_the_native_extract_again_before_it_runs()
    {
        File.SetLastWriteTimeUtc(Path.Combine(_repo, "src/Anvil.Core/Thing.cs"), DateTime.UtcNow);
        Assert.Equal("stale", Anvil([], ("ANVIL_SCRIPT_CHECK", "native")).Stdout.Trim());

        var r = Anvil(["extract", "doc.txt"], ("FAKE_NATIVE_BUILDS", "1"));

        Assert.Contains("building the native extract", r.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("native extract doc.txt", r.Stderr.Trim(), StringComparison.Ordinal);
        Assert.Equal("fresh", Anvil([], ("ANVIL_SCRIPT_CHECK", "native")).Stdout.Trim());
    }

    [Fact]
    public void A_source_outside_the_native_extract_does_not_build_it_again()
    {
        File.SetLastWriteTimeUtc(Put("src/Anvil.Web/Page.cs", ""), DateTime.UtcNow);
        Assert.Equal("fresh", Anvil([], ("ANVIL_SCRIPT_CHECK", "native")).Stdout.Trim());
        Assert.Equal("stale", Anvil([], ("ANVIL_SCRIPT_CHECK", "1")).Stdout.Trim());
    }

    [Fact]
    public void A_failed_native_build_is_said_once_and_extract_runs_managed()
    {
        File.SetLastWriteTimeUtc(Path.Combine(_repo, "src/Anvil.NativeExtract/Program.cs"), DateTime.UtcNow);

        var first = Anvil(["extract", "doc.txt"]);
        var second = Anvil(["extract", "doc.txt"]);

        Assert.Equal(0, first.ExitCode);
        Assert.StartsWith("managed ", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("anvil: the native extract cannot be built", first.Stderr, StringComparison.Ordinal);
        Assert.StartsWith("managed ", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("native", second.Stderr, StringComparison.Ordinal);
    }

    private AnvilProcess.Result Anvil(string[] args, params (string Name, string? Value)[] environment)
    {
        var variables = new Dictionary<string, string?>
        {
            ["PATH"] = $"{_repo}/fake/bin:{Environment.GetEnvironmentVariable("PATH")}",
            ["ANVIL_NATIVE"] = null,
            ["ANVIL_SCRIPT_CHECK"] = null,
        };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }

        return AnvilProcess.RunProgram("bash", [Path.Combine(_repo, "anvil"), .. args], workingDirectory: _repo, environment: variables);
    }

    private string Put(string relative, string content, bool executable = false)
    {
        var path = Path.Combine(_repo, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content.ReplaceLineEndings("\n"));
        if (executable && !OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return path;
    }
}
