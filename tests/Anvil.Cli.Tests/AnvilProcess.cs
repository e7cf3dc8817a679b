using System.Diagnostics;
using System.Text;

namespace Anvil.Cli.Tests;

/// <summary>Runs the real CLI (anvil.dll beside the tests) as a child process, as a user would.</summary>
public static class AnvilProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        public IEnumerable<string> Lines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result Run(string[] args, string? stdin = null, string? workingDirectory = null, int timeoutSeconds = 120) =>
        RunProgram("dotnet", [Path.Combine(AppContext.BaseDirectory, "anvil.dll"), .. args], stdin, workingDirectory, timeoutSeconds);

    /// <summary>
    /// Runs any program (./anvil, the native extract) the same way; <paramref name="environment"/> sets variables, or
    /// removes those whose value is null.
    /// </summary>
    public static Result RunProgram(string program, IReadOnlyList<string> args, string? stdin = null, string? workingDirectory = null,
        int timeoutSeconds = 120, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var psi = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

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
        if (stdin is not null)
        {
            var bytes = Encoding.UTF8.GetBytes(stdin);
            p.StandardInput.BaseStream.Write(bytes);
        }

        p.StandardInput.Close();
        if (!p.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} {string.Join(' ', args)} did not finish in {timeoutSeconds}s");
        }

        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
