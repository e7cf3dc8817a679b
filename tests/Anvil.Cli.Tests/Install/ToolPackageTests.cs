using System.Reflection;
using System.Text;
using Anvil.Core.Tests.Support;

namespace Anvil.Cli.Tests.Install;

/// <summary>
/// The CLI as a user installs it: <c>dotnet pack</c> makes a .NET tool package, <c>dotnet tool install</c> takes it from a
/// local folder, and the installed <c>anvil</c> answers <c>--version</c> and runs the demo in an empty folder (its samples
/// travel inside it). Packs what the test run already built (<c>--no-build</c>), so it costs seconds, not a rebuild.
/// </summary>
[Collection(Installing.Name)]
public sealed class ToolPackageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("anvil-tool-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_packed_tool_installs_into_a_tool_path_and_runs_the_demo_from_an_empty_folder()
    {
        string project = Path.Combine(SharedFolder.RepositoryRoot, "src", "Anvil.Cli", "Anvil.Cli.csproj");
        string configuration = typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        string packages = Path.Combine(_dir, "packages"), tools = Path.Combine(_dir, "tools"), empty = Path.Combine(_dir, "empty");
        Directory.CreateDirectory(empty);

        var pack = Installing.Run("dotnet", ["pack", project, "--no-build", "-c", configuration, "-o", packages, "--nologo"], _dir);
        if (pack.ExitCode != 0 && Environment.GetEnvironmentVariable("ANVIL_TEST_PACKAGING") != "1") // in CI a pack that fails is a failure
        {
            Assert.Skip($"dotnet pack could not pack the CLI here (status {pack.ExitCode}), so the tool is not tested: {Installing.LastLine(pack.Output)}");
        }

        Assert.True(pack.ExitCode == 0, pack.Output);
        var package = Assert.Single(Directory.GetFiles(packages, "anvil.*.nupkg"));
        string version = Path.GetFileNameWithoutExtension(package)["anvil.".Length..];

        // only the folder as a source: nothing else may answer to the name anvil
        string config = Path.Combine(_dir, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>
            """, new UTF8Encoding(false));
        var install = Installing.Run("dotnet", ["tool", "install", "anvil", "--tool-path", tools, "--version", version, "--configfile", config], _dir);
        Assert.True(install.ExitCode == 0, install.Output);

        // the installed launcher finds the runtime this test runs on, wherever that is installed
        var runtime = new Dictionary<string, string?>
        {
            ["DOTNET_ROOT"] = Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root
                ? root
                : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", "..")),
        };
        string anvil = Path.Combine(tools, OperatingSystem.IsWindows() ? "anvil.exe" : "anvil");
        var about = Installing.Run(anvil, ["--version"], empty, runtime);
        Assert.Equal(0, about.ExitCode);
        Assert.StartsWith($"anvil {version}", about.Stdout, StringComparison.Ordinal);
        Assert.Contains("lexicons", about.Stdout, StringComparison.Ordinal);

        var demo = Installing.Run(anvil, ["demo"], empty, runtime);
        Assert.True(demo.ExitCode == 0, demo.Output);
        Assert.Contains("ingested 4 new document(s)", demo.Stdout, StringComparison.Ordinal);
        Assert.Contains("anvil serve --db anvil-demo.db", demo.Stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(empty, "anvil-demo.db")));
    }
}
