using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.CommandLine;

/// <summary>
/// Every failure that reaches the command line becomes one line on standard error (<c>anvil: E0011: ...</c>), never
/// a stack trace on standard output, and its exit status follows <see cref="CliErrors"/>.
/// </summary>
internal static class CliFailure
{
    public static int Usage(string message)
    {
        Console.Error.WriteLine($"anvil: {message}");
        return CliErrors.Usage;
    }

    /// <summary>Spectre's exception handler: a command line it could not read, a refused value, or a failure no verb caught.</summary>
    public static int Report(Exception exception, VerbCatalog verbs, IReadOnlyList<string> args)
    {
        switch (exception)
        {
            case CommandAppException app:
                Console.Error.WriteLine($"anvil: {WithCode(Say(app, verbs, args), CliErrors.BadCommandLine)}");
                return CliErrors.Usage;
            case OperationCanceledException:
                Console.Error.WriteLine("anvil: interrupted");
                return CliErrors.Interrupted;
            default:
                return CliErrors.ReportInternal(exception);
        }
    }

    /// <summary>
    /// Spectre's message as one line: an unknown command with the verb meant (<see cref="VerbCatalog.UnknownCommand"/>), a
    /// value of the wrong type with what the option takes, anything else with the hint Spectre marks under the command
    /// line (its "pretty" form spans three lines, and every error here is one).
    /// </summary>
    private static string Say(CommandAppException app, VerbCatalog verbs, IReadOnlyList<string> args)
    {
        const string Unknown = "Unknown command '";
        if (app.Message.StartsWith(Unknown, StringComparison.Ordinal) && app.Message.IndexOf('\'', Unknown.Length) is var end && end > 0)
        {
            return verbs.UnknownCommand(app.Message[Unknown.Length..end], args);
        }

        string message = Explain(app.Message, verbs, args);
        return Hint(app) is { Length: > 0 } hint ? $"{message.TrimEnd('.')}; {char.ToLowerInvariant(hint[0])}{hint[1..]}" : message;
    }

    /// <summary>The words Spectre writes after the marks under the bad part of the command line (^^^^ Did you forget the command?).</summary>
    private static string? Hint(CommandAppException app)
    {
        if (app.Pretty is not { } pretty)
        {
            return null;
        }

        var text = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(text),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 1000; // one line, however long the command line
        console.Write(pretty);
        var marked = text.ToString().Split('\n').LastOrDefault(l => l.Contains('^', StringComparison.Ordinal));
        return marked?[(marked.LastIndexOf('^') + 1)..].Trim();
    }

    /// <summary>
    /// Spectre's "Failed to convert 'abc' to Nullable`1" said as the option and what it takes: "--threads takes a
    /// number, not 'abc'".
    /// </summary>
    private static string Explain(string message, VerbCatalog verbs, IReadOnlyList<string> args)
    {
        const string Prefix = "Failed to convert '";
        if (!message.StartsWith(Prefix, StringComparison.Ordinal) || message.IndexOf('\'', Prefix.Length) is var end && end < 0)
        {
            return message;
        }

        string value = message[Prefix.Length..end];
        for (int i = 0; i < args.Count; i++)
        {
            // the option and its value as two arguments (--limit abc) or as one (--limit=abc, --limit:abc)
            string? option = i > 0 && args[i] == value && args[i - 1].StartsWith('-') ? args[i - 1]
                : args[i].StartsWith('-') && (args[i].EndsWith("=" + value, StringComparison.Ordinal) || args[i].EndsWith(":" + value, StringComparison.Ordinal))
                    ? args[i][..^(value.Length + 1)]
                    : null;
            if (option is not null && verbs.Find(args) is var (_, settings, _))
            {
                var name = option.TrimStart('-');
                var property = settings.GetProperties().FirstOrDefault(p =>
                    p.GetCustomAttributes(typeof(CommandOptionAttribute), true).OfType<CommandOptionAttribute>().Any(o => o.LongNames.Contains(name) || o.ShortNames.Contains(name)));
                var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                string what = type == typeof(int) || type == typeof(long) ? "a whole number"
                    : type == typeof(double) || type == typeof(decimal) ? "a number"
                    : "another value";
                return $"{option} takes {what}, not '{value}'";
            }
        }

        return message;
    }

    /// <summary>The message as it is when it starts with its code (validation messages do: E0302: ...), else with <paramref name="code"/>.</summary>
    private static string WithCode(string message, string code) =>
        message.Length > 5 && message[0] == 'E' && char.IsAsciiDigit(message[1]) && message[5] == ':' ? message : $"{code}: {message}";
}
