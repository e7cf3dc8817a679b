using System.Diagnostics;
using System.Text;

namespace Anvil.Cli.Tests.Install;

/// <summary>
/// The install tests build, pack or publish the CLI: one at a time (they share build folders and two cores), and the
/// costly ones (a self-contained publish, a container image) only where <c>ANVIL_TEST_PACKAGING=1</c> asks for them
/// (<c>.ci/run</c> does), so a developer's <c>dotnet test</c> stays quick.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class Installing
{
    public const string Name = "install";

    public sealed record Outcome(int ExitCode, string Stdout, string Stderr)
    {
        public string Output => Stdout + Stderr;
    }

    public static void RequirePackagingRun(string what)
    {
        if (Environment.GetEnvironmentVariable("ANVIL_TEST_PACKAGING") != "1")
        {
            Assert.Skip($"{what} runs in CI only (takes a minute or more): set ANVIL_TEST_PACKAGING=1 to run it here");
        }
    }

    /// <summary>Runs a program to its end (at most <paramref name="minutes"/>), as a user at a shell would.</summary>
    public static Outcome Run(string program, IEnumerable<string> args, string folder, IReadOnlyDictionary<string, string?>? environment = null, int minutes = 5)
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

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment.Remove("ANVIL_COMMAND"); // as installed, not as ./anvil
        foreach (var (key, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                psi.Environment.Remove(key);
            }
            else
            {
                psi.Environment[key] = value;
            }
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(minutes)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {minutes} minutes");
        }

        return new Outcome(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>The last line a failed step wrote, for a skip message.</summary>
    public static string LastLine(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";
}
