using System.Diagnostics;
using System.Text;
using Anvil.Cli.Tests;

namespace Anvil.Store.Tests.Support;

/// <summary>
/// Runs the real CLI in a test's own folder: <see cref="AnvilProcess"/> for a run to the end, and
/// <see cref="Start"/> for a run the test may kill, or that needs environment variables (ANVIL_DB).
/// </summary>
public static class AnvilCli
{
    public static AnvilProcess.Result Run(string folder, params string[] args) =>
        AnvilProcess.Run(args, workingDirectory: folder);

    /// <summary>Starts anvil without waiting; standard output and error are discarded unless read.</summary>
    public static Process Start(string folder, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = folder,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "anvil.dll"));
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[key] = value;
        }

        return Process.Start(psi)!;
    }

    /// <summary>Runs to the end with environment variables set.</summary>
    public static AnvilProcess.Result RunWith(string folder, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using var p = Start(folder, environment, args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"anvil {string.Join(' ', args)} did not finish in 120 s");
        }

        return new AnvilProcess.Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
