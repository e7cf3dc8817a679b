using System.Runtime.InteropServices;
using Anvil.Core.Tests.Support;

namespace Anvil.Cli.Tests.Install;

/// <summary>
/// The self-contained single-file publish (README, Install) is one file that runs alone: no .NET on the machine, no
/// native SQLite library beside it (the file carries it and extracts it on first run). Built apart from the
/// repository's own build folders (<c>--artifacts-path</c>), so it changes nothing the other tests use.
/// </summary>
[Collection(Installing.Name)]
public sealed class SingleFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("anvil-single-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_single_file_runs_alone_in_an_empty_folder()
    {
        Installing.RequirePackagingRun("The single-file publish test");
        string project = Path.Combine(SharedFolder.RepositoryRoot, "src", "Anvil.Cli", "Anvil.Cli.csproj");
        string published = Path.Combine(_dir, "published"), alone = Path.Combine(_dir, "alone");
        Directory.CreateDirectory(alone);

        var publish = Installing.Run("dotnet", ["publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained",
            "-p:PublishSingleFile=true", "--artifacts-path", Path.Combine(_dir, "build"), "-o", published, "--nologo"], _dir, minutes: 15);
        if (publish.ExitCode != 0 && publish.Output.Contains("NU1101", StringComparison.Ordinal))
        {
            Assert.Skip($"the runtime packs for a self-contained publish cannot be restored here: {Installing.LastLine(publish.Output)}");
        }

        Assert.True(publish.ExitCode == 0, publish.Output);
        string name = OperatingSystem.IsWindows() ? "anvil.exe" : "anvil";
        var beside = Directory.GetFiles(published).Select(Path.GetFileName).Where(f => !f!.EndsWith(".pdb", StringComparison.Ordinal));
        Assert.Equal([name], beside); // nothing else to carry: no native library, no runtime

        File.Copy(Path.Combine(published, name), Path.Combine(alone, name));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Path.Combine(alone, name), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        // no installed .NET to lean on; the native library extracts under a folder of the test's own
        var bare = new Dictionary<string, string?>
        {
            ["DOTNET_ROOT"] = null,
            ["PATH"] = OperatingSystem.IsWindows() ? Environment.GetEnvironmentVariable("PATH") : "/usr/bin:/bin",
            ["DOTNET_BUNDLE_EXTRACT_BASE_DIR"] = Path.Combine(_dir, "extracted"),
        };
        string anvil = Path.Combine(alone, name);
        var about = Installing.Run(anvil, ["--version"], alone, bare);
        Assert.True(about.ExitCode == 0, about.Output);
        Assert.StartsWith("anvil ", about.Stdout, StringComparison.Ordinal);

        var demo = Installing.Run(anvil, ["demo"], alone, bare);
        Assert.True(demo.ExitCode == 0, demo.Output); // the demo writes SQLite: the native library was found
        Assert.Contains("ingested 4 new document(s)", demo.Stdout, StringComparison.Ordinal);
    }
}
