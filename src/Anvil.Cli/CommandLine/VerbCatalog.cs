using System.Reflection;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;

namespace Anvil.Cli.CommandLine;

/// <summary>
/// Every verb the application configures (<c>extract</c>, <c>chains list</c>) with its settings type, recorded while
/// Spectre is configured (<see cref="Recording"/> wraps its configurator), so that options can be checked against the
/// verb they are given to, and a misspelled one answered with the right one.
/// </summary>
internal sealed class VerbCatalog
{
    private readonly Dictionary<string, Type> _settings = new(StringComparer.Ordinal);
    private readonly HashSet<string> _branches = new(StringComparer.Ordinal);

    /// <summary>Verbs and branches (<c>chains</c>, <c>chains list</c>) in the order they were configured, the order help lists them in.</summary>
    private readonly List<string> _names = [];

    /// <summary>A configurator that configures <paramref name="inner"/> and records every verb in this catalog.</summary>
    public IConfigurator Recording(IConfigurator inner) => new RecordingConfigurator(inner, this);

    /// <summary>The verb the arguments start with (<c>facts</c>, <c>chains shock</c>) and how many arguments name it; null when they name none.</summary>
    public (string Verb, Type Settings, int Length)? Find(IReadOnlyList<string> args)
    {
        if (args.Count == 0)
        {
            return null;
        }

        if (_branches.Contains(args[0]))
        {
            return args.Count > 1 && _settings.TryGetValue(args[0] + " " + args[1], out var nested) ? (args[0] + " " + args[1], nested, 2) : null;
        }

        return _settings.TryGetValue(args[0], out var settings) ? (args[0], settings, 1) : null;
    }

    /// <summary>
    /// The message for a word Spectre read as an unknown command: a misspelled verb, answered with the nearest one or the
    /// list of them, or a word after a verb that takes no such argument (<c>facts 深圳</c>).
    /// </summary>
    public string UnknownCommand(string word, IReadOnlyList<string> args)
    {
        int at = Math.Max(0, args.ToList().IndexOf(word));
        if (Find(args) is var (verb, _, length) && at >= length)
        {
            return $"{CliErrors.BadCommandLine}: {verb} takes no argument '{word}' (anvil {verb} --help)";
        }

        string path = string.Join(' ', args.Take(at));
        string help = path.Length == 0 ? "anvil --help" : $"anvil {path} --help";

        var names = Below(path);
        string? meant = OptionCheck.Closest(word, names);
        string hint = meant is not null
            ? $"did you mean {(path.Length == 0 ? meant : path + " " + meant)}?"
            : $"the commands are {string.Join(", ", names)}";
        return $"{CliErrors.BadCommandLine}: unknown command '{word}'; {hint} ({help})";
    }

    /// <summary>A branch given without one of its verbs (<c>anvil chains</c>): null when the arguments name a verb or ask for help.</summary>
    public string? MissingCommand(IReadOnlyList<string> args)
    {
        if (args.Count == 0 || !_branches.Contains(args[0]) || (args.Count > 1 && (!args[1].StartsWith('-') || args[1] is "-h" or "--help" or "-?")))
        {
            return null;
        }

        return $"{CliErrors.BadCommandLine}: {args[0]} needs one of its commands: {string.Join(", ", Below(args[0]))} (anvil {args[0]} --help)";
    }

    /// <summary>The verbs one level below <paramref name="path"/> (the top level when empty), as they are typed after it.</summary>
    private List<string> Below(string path)
    {
        string prefix = path.Length == 0 ? "" : path + " ";
        return [.. _names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && !n[prefix.Length..].Contains(' ')).Select(n => n[prefix.Length..])];
    }

    private void Record(string name)
    {
        if (!_names.Contains(name))
        {
            _names.Add(name);
        }
    }

    private void Add(string verb, Type command)
    {
        Record(verb);
        for (var type = command; type is not null; type = type.BaseType)
        {
            if (type.IsGenericType && type.GetGenericArguments() is [var settings] && typeof(CommandSettings).IsAssignableFrom(settings))
            {
                _settings[verb] = settings;
                return;
            }
        }

        _settings[verb] = typeof(EmptyCommandSettings);
    }

    /// <summary>The options a settings type declares, its base classes' included.</summary>
    public static IReadOnlyList<CommandOptionAttribute> OptionsOf(Type settings) =>
        [.. settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>()];

    private sealed class RecordingConfigurator(IConfigurator inner, VerbCatalog catalog) : IConfigurator
    {
        public ICommandAppSettings Settings => inner.Settings;

        public IConfigurator SetHelpProvider(IHelpProvider helpProvider)
        {
            inner.SetHelpProvider(helpProvider);
            return this;
        }

        public IConfigurator SetHelpProvider<T>()
            where T : IHelpProvider
        {
            inner.SetHelpProvider<T>();
            return this;
        }

        public IConfigurator AddExample(params string[] args)
        {
            inner.AddExample(args);
            return this;
        }

        public ICommandConfigurator AddCommand<TCommand>(string name)
            where TCommand : class, ICommand
        {
            catalog.Add(name, typeof(TCommand));
            return inner.AddCommand<TCommand>(name);
        }

        public ICommandConfigurator AddDelegate<TSettings>(string name, Func<CommandContext, TSettings, CancellationToken, int> func)
            where TSettings : CommandSettings
        {
            catalog._settings[name] = typeof(TSettings);
            catalog.Record(name);
            return inner.AddDelegate(name, func);
        }

        public ICommandConfigurator AddAsyncDelegate<TSettings>(string name, Func<CommandContext, TSettings, CancellationToken, Task<int>> func)
            where TSettings : CommandSettings
        {
            catalog._settings[name] = typeof(TSettings);
            catalog.Record(name);
            return inner.AddAsyncDelegate(name, func);
        }

        public IBranchConfigurator AddBranch<TSettings>(string name, Action<IConfigurator<TSettings>> action)
            where TSettings : CommandSettings
        {
            catalog._branches.Add(name);
            catalog.Record(name);
            return inner.AddBranch<TSettings>(name, branch => action(new RecordingBranch<TSettings>(branch, catalog, name)));
        }
    }

    private sealed class RecordingBranch<TSettings>(IConfigurator<TSettings> inner, VerbCatalog catalog, string branch) : IConfigurator<TSettings>
        where TSettings : CommandSettings
    {
        public void SetDescription(string description) => inner.SetDescription(description);

        public void AddExample(params string[] args) => inner.AddExample(args);

        public void SetDefaultCommand<TDefaultCommand>()
            where TDefaultCommand : class, ICommandLimiter<TSettings> => inner.SetDefaultCommand<TDefaultCommand>();

        public void HideBranch() => inner.HideBranch();

        public ICommandConfigurator AddCommand<TCommand>(string name)
            where TCommand : class, ICommandLimiter<TSettings>
        {
            catalog.Add(branch + " " + name, typeof(TCommand));
            return inner.AddCommand<TCommand>(name);
        }

        public ICommandConfigurator AddDelegate<TDerivedSettings>(string name, Func<CommandContext, TDerivedSettings, CancellationToken, int> func)
            where TDerivedSettings : TSettings
        {
            catalog._settings[branch + " " + name] = typeof(TDerivedSettings);
            catalog.Record(branch + " " + name);
            return inner.AddDelegate(name, func);
        }

        public ICommandConfigurator AddAsyncDelegate<TDerivedSettings>(string name, Func<CommandContext, TDerivedSettings, CancellationToken, Task<int>> func)
            where TDerivedSettings : TSettings
        {
            catalog._settings[branch + " " + name] = typeof(TDerivedSettings);
            catalog.Record(branch + " " + name);
            return inner.AddAsyncDelegate(name, func);
        }

        public IBranchConfigurator AddBranch<TDerivedSettings>(string name, Action<IConfigurator<TDerivedSettings>> action)
            where TDerivedSettings : TSettings =>
            throw new NotSupportedException("anvil's verbs nest one level deep (chains list); a deeper branch needs VerbCatalog to learn it");
    }
}
