using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Store;

internal sealed class StatsSettings : StoreSettings
{
    [CommandOption("--json")]
    [Description("Print the counts as one JSON object (for scripts)")]
    public bool Json { get; init; }
}

/// <summary><c>anvil stats</c>: how many documents, entities, mentions, facts and relations the knowledge base holds.</summary>
internal sealed class StatsCommand : StoreCommand<StatsSettings>
{
    protected override int Run(StatsSettings settings, CancellationToken cancellationToken)
    {
        using var store = Open(settings, create: false);
        var c = store.Counts();
        if (settings.Json)
        {
            Console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{{\"documents\":{c.Documents},\"entities\":{c.Entities},\"mentions\":{c.Mentions},\"facts\":{c.Facts},\"relations\":{c.Relations}}}"));
            return 0;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("documents", "entities", "mentions", "facts", "relations");
        table.AddRow(c.Documents.ToString(CultureInfo.InvariantCulture), c.Entities.ToString(CultureInfo.InvariantCulture),
            c.Mentions.ToString(CultureInfo.InvariantCulture), c.Facts.ToString(CultureInfo.InvariantCulture), c.Relations.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
        return 0;
    }
}
