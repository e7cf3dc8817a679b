using Spectre.Console.Cli;

namespace Anvil.Cli.CommandLine;

/// <summary>
/// Checks the options on a command line against the verb's settings before Spectre reads them. Spectre would take an
/// unknown option as a "remaining argument" and go on (<c>facts --subjet 深圳</c> listed every fact), or take the next
/// argument as its value; here it is an error that names the option and the one the user most likely meant. An option
/// given without its value is named too (Spectre would read the word <c>__default_command</c> as the value).
/// </summary>
internal static class OptionCheck
{
    /// <summary>What Spectre answers itself on every verb.</summary>
    private static readonly string[] HelpNames = ["help", "h", "?"];

    /// <summary>The message for the first unknown option or option without its value, or null when every option is the verb's and has its value.</summary>
    public static string? FindError(VerbCatalog catalog, IReadOnlyList<string> args)
    {
        if (catalog.MissingCommand(args) is { } missing)
        {
            return missing;
        }

        if (catalog.Find(args) is not var (verb, settings, length))
        {
            // an unknown verb is Spectre's to find (CliFailure words it); an option before any verb is ours
            return args.Count > 0 && LooksLikeOption(args[0]) && !HelpNames.Contains(args[0].TrimStart('-'))
                ? $"{CliErrors.BadCommandLine}: {args[0]} before any command; write the command first: anvil COMMAND [OPTIONS] (anvil --help)"
                : null;
        }

        var options = VerbCatalog.OptionsOf(settings);
        for (int i = length; i < args.Count; i++)
        {
            string token = args[i];
            if (token == "--")
            {
                break; // what follows is not options
            }

            if (!LooksLikeOption(token))
            {
                continue; // a value, "-" (standard input) or a negative number
            }

            bool isLong = token.StartsWith("--", StringComparison.Ordinal);
            string name = token[(isLong ? 2 : 1)..];
            int valueMark = name.IndexOfAny(['=', ':']);
            bool inlineValue = valueMark >= 0;
            if (inlineValue)
            {
                name = name[..valueMark];
            }

            if (HelpNames.Contains(name))
            {
                continue;
            }

            var option = isLong
                ? options.FirstOrDefault(o => o.LongNames.Contains(name))
                : name.Length == 1 ? options.FirstOrDefault(o => o.ShortNames.Contains(name)) : null;
            if (option is null)
            {
                return Unknown(verb, token[..((isLong ? 2 : 1) + name.Length)], name, options);
            }

            if (option.ValueName is not null && !option.ValueIsOptional)
            {
                string written = token[..((isLong ? 2 : 1) + name.Length)];
                bool noValue = inlineValue
                    ? token.Length == written.Length + 1 // --format=
                    : i + 1 >= args.Count || LooksLikeOption(args[i + 1]);
                if (noValue)
                {
                    return $"{CliErrors.BadCommandLine}: {written} needs a value: {written} <{option.ValueName}> (anvil {verb} --help)";
                }

                i += inlineValue ? 0 : 1; // past its value
            }
        }

        return null;
    }

    private static bool LooksLikeOption(string token) =>
        token.Length >= 2 && token[0] == '-' && !char.IsAsciiDigit(token[1]) && token[1] != '.';

    private static string Unknown(string verb, string written, string name, IReadOnlyList<CommandOptionAttribute> options)
    {
        var names = options.SelectMany(o => o.LongNames.Select(n => "--" + n)).Order(StringComparer.Ordinal).ToList();
        string? meant = Closest(name, options.SelectMany(o => o.LongNames));
        string hint = meant is not null
            ? $"did you mean --{meant}?"
            : names.Count > 0 ? $"its options are {string.Join(", ", names)}" : "it takes no options";
        return $"{CliErrors.UnknownOption}: {verb} has no option {written}; {hint} (anvil {verb} --help)";
    }

    /// <summary>The option name nearest to what was typed: a few letters apart, or the only one it starts.</summary>
    internal static string? Closest(string typed, IEnumerable<string> names)
    {
        var candidates = names.Distinct(StringComparer.Ordinal).ToList();
        var lower = typed.ToLowerInvariant();
        var prefixed = candidates.Where(n => n.StartsWith(lower, StringComparison.Ordinal)).ToList();
        if (lower.Length >= 2 && prefixed.Count == 1)
        {
            return prefixed[0];
        }

        // as many edits as letters typed would turn anything into anything (-x is not --db)
        var best = candidates.Select(n => (Name: n, Distance: NearNames.EditDistance(lower, n))).OrderBy(c => c.Distance).ThenBy(c => c.Name, StringComparer.Ordinal).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, typed.Length / 3) && best.Distance < typed.Length ? best.Name : null;
    }
}
