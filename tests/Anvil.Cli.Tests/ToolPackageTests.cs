using System.Diagnostics;
using System.Reflection;
using System.Text;
using Anvil.Core.Tests.Support;

namespace Anvil.Cli.Tests;

/// <summary>
/// The CLI as a user installs it: <c>dotnet pack</c> makes a .NET tool package, <c>dotnet tool install</c> takes it from a
/// local folder, and the installed <c>anvil</c> answers <c>--version</c> and runs the demo in an empty folder (its samples
/// travel inside it). Packs what the test run already built (<c>--no-build</c>), so it costs seconds, not a rebuild.
/// </summary>
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

        var pack = Dotnet(["pack", project, "--no-build", "-c", configuration, "-o", packages, "--nologo"]);
        if (pack.ExitCode != 0)
        {
            Assert.Skip($"dotnet pack could not pack the CLI here (status {pack.ExitCode}), so the tool is not tested: {Last(pack.Output)}");
        }

        var package = Assert.Single(Directory.GetFiles(packages, "anvil.*.nupkg"));
        string version = Path.GetFileNameWithoutExtension(package)["anvil.".Length..];

        // only the folder as a source: nothing else may answer to the name anvil
        string config = Path.Combine(_dir, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{packages}" /></packageSources></configuration>
            """, new UTF8Encoding(false));
        var install = Dotnet(["tool", "install", "anvil", "--tool-path", tools, "--version", version, "--configfile", config]);
        Assert.True(install.ExitCode == 0, install.Output);

        string anvil = Path.Combine(tools, OperatingSystem.IsWindows() ? "anvil.exe" : "anvil");
        var about = Run(anvil, ["--version"], empty);
        Assert.Equal(0, about.ExitCode);
        Assert.StartsWith($"anvil {version}", about.Output, StringComparison.Ordinal);
        Assert.Contains("lexicons", about.Output, StringComparison.Ordinal);

        var demo = Run(anvil, ["demo"], empty);
        Assert.True(demo.ExitCode == 0, demo.Output);
        Assert.Contains("ingested 4 new document(s)", demo.Output, StringComparison.Ordinal);
        Assert.Contains("anvil serve --db anvil-demo.db", demo.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(empty, "anvil-demo.db")));
    }

    private sealed record Outcome(int ExitCode, string Output);

    private Outcome Dotnet(string[] args) => Run("dotnet", args, _dir);

    private static Outcome Run(string program, string[] args, string folder)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = folder,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        // the installed tool's launcher finds the runtime this test runs on, wherever it is installed
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_ROOT")))
        {
            psi.Environment["DOTNET_ROOT"] = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment.Remove("ANVIL_COMMAND"); // as installed, not as ./anvil

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in 3 minutes");
        }

        return new Outcome(p.ExitCode, stdout.Result + stderr.Result);
    }

    private static string Last(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
