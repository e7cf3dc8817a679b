using Anvil.Cli.Commands;

namespace Anvil.NativeExtract;

/// <summary>
/// The command lines of <c>anvil extract</c> the native extract runs itself: the verb, paths (or - for standard
/// input) and the options <c>--threads N</c>, <c>--date D</c>, <c>--force-date</c>, <c>--lexicon FILE</c> (repeated),
/// <c>--thorough</c>, <c>--id ID</c>, <c>--profile</c> and <c>--format jsonl</c>, each in its plain spaced form and
/// each with a value the managed CLI accepts. Anything else (an unknown or repeated option, a value it would refuse,
/// <c>--format table</c>, <c>--opt=value</c>, help) is not read here: the run goes back to the managed CLI before
/// anything is written or read, and that CLI says what it always says. Only the accepted forms need to agree with
/// Spectre's reading; a form that is only possibly ambiguous is left to the CLI.
/// </summary>
internal static class ExtractArguments
{
    /// <summary>
    /// The exit status that tells ./anvil to run the managed CLI on the same command line instead (nothing was read
    /// or written). No other status of anvil's is 97 (src/Anvil.Cli/CommandLine/CliErrors.cs).
    /// </summary>
    public const int HandBack = 97;

    /// <summary>The request, or null when the command line is not one of the forms read here.</summary>
    public static ExtractRequest? Read(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || args[0] != "extract")
        {
            return null;
        }

        var paths = new List<string>();
        var lexicons = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int? threads = null;
        DateOnly? date = null;
        string? id = null;
        bool forceDate = false, thorough = false, profile = false;
        for (int i = 1; i < args.Count; i++)
        {
            string token = args[i];
            if (token == "-" || !token.StartsWith('-'))
            {
                // Spectre may read true or false after a flag as the flag's value; such a path is the CLI's to read
                if (token.Length == 0 || token.Equals("true", StringComparison.OrdinalIgnoreCase) || token.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }

                paths.Add(token);
                continue;
            }

            if (token != "--lexicon" && !seen.Add(token))
            {
                return null;
            }

            switch (token)
            {
                case "--force-date":
                    forceDate = true;
                    continue;
                case "--thorough":
                    thorough = true;
                    continue;
                case "--profile":
                    profile = true;
                    continue;
            }

            if (i + 1 >= args.Count || args[i + 1] is not { Length: > 0 } value || value.StartsWith('-'))
            {
                return null;
            }

            i++;
            switch (token)
            {
                case "--threads" when IsThreadCount(value, out int n):
                    threads = n;
                    break;
                case "--date" when ExtractRun.TryParseDate(value, out var d):
                    date = d;
                    break;
                case "--lexicon":
                    lexicons.Add(value);
                    break;
                case "--id":
                    id = value;
                    break;
                case "--format" when value == "jsonl":
                    break;
                default:
                    return null;
            }
        }

        if (paths.Count == 0 || (forceDate && date is null))
        {
            return null;
        }

        return new ExtractRequest(paths, threads ?? Environment.ProcessorCount, date, forceDate, lexicons, thorough, id, profile);
    }

    /// <summary>Plain digits within the CLI's range (Spectre would also take a sign, spaces or hex; those go back to it).</summary>
    private static bool IsThreadCount(string value, out int threads)
    {
        threads = 0;
        if (value.Length > 3)
        {
            return false;
        }

        foreach (char c in value)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }

            threads = (threads * 10) + (c - '0');
        }

        return threads is >= ExtractRun.MinThreads and <= ExtractRun.MaxThreads;
    }
}
