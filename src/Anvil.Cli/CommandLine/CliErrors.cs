namespace Anvil.Cli.CommandLine;

/// <summary>
/// The command line's own error codes and the one rule for exit statuses, as the README states it:
/// 0 success; 1 the run finished but some inputs failed (a file that cannot be read, a name not found);
/// 2 usage or store errors (an unknown option or verb, a bad value, no knowledge base, a busy port), nothing done;
/// 130 interrupted (Ctrl+C), as shells count it.
/// </summary>
internal static class CliErrors
{
    public const int Success = 0;
    public const int SomeInputsFailed = 1;
    public const int Usage = 2;
    public const int Interrupted = 130;

    /// <summary>An option the verb does not have (<c>--subjet</c>).</summary>
    public const string UnknownOption = "E0010";

    /// <summary>A command line Spectre cannot read: an unknown verb, a missing argument, a value of the wrong type.</summary>
    public const string BadCommandLine = "E0011";

    /// <summary>A failure no verb expected: a bug, reported in one line (set ANVIL_DEBUG=1 for the stack trace).</summary>
    public const string Internal = "E0099";

    /// <summary>A failure no verb expected, as one line on standard error (the stack trace too with ANVIL_DEBUG=1); the exit status.</summary>
    public static int ReportInternal(Exception exception)
    {
        bool debug = Environment.GetEnvironmentVariable("ANVIL_DEBUG") is "1";
        Console.Error.WriteLine($"anvil: {Internal}: {exception.GetType().Name}: {exception.Message}" + (debug ? "" : " (ANVIL_DEBUG=1 shows where)"));
        if (debug)
        {
            Console.Error.WriteLine(exception);
        }

        return Usage;
    }
}
