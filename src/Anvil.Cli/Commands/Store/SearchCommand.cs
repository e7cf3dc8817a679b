using System.ComponentModel;
using Anvil.Cli.Commands.Store.Output;
using Anvil.Store.Records;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Store;

internal sealed class SearchSettings : QuerySettings
{
    [CommandArgument(0, "<TEXT>")]
    [Description("Words to find, in any script (人工智能, 機械人); documents must contain every one")]
    public string[] Terms { get; init; } = [];

    public override ValidationResult Validate()
    {
        var result = base.Validate();
        if (!result.Successful)
        {
            return result;
        }

        return Terms.Any(t => t.Trim().Length > 0)
            ? ValidationResult.Success()
            : ValidationResult.Error("E0507: name the text to search for, such as: anvil search 人工智能");
    }
}

/// <summary><c>anvil search TEXT</c>: documents containing the text (any script), with the passage around the first match.</summary>
internal sealed class SearchCommand : StoreCommand<SearchSettings>
{
    private const int DefaultLimit = 20;

    protected override int Run(SearchSettings settings, CancellationToken cancellationToken)
    {
        using var store = Open(settings, create: false);
        var hits = store.Search(string.Join(' ', settings.Terms), settings.Limit > 0 ? settings.Limit : DefaultLimit);
        var format = settings.ParsedFormat;
        var sheet = ResultSheet.From("search", "hit", hits,
            ("doc", h => Cell.Of(h.Doc)),
            ("title", h => Cell.Of(h.Title)),
            ("date", h => Cell.Of(h.Date)),
            ("matches", h => Cell.Of(h.Matches)),
            ("span_start", h => Cell.Of(h.Start)),
            ("span_end", h => Cell.Of(h.End)),
            ("match", h => Cell.Of(h.Match)),
            ("passage", h => Cell.Of(h.Passage)));
        SheetWriter.Write([sheet], format, settings.Output, format == OutputFormat.Table ? console => Render(console, hits) : null);
        if (hits.Count == 0)
        {
            Console.Error.WriteLine("anvil: no document contains that text");
        }

        return 0;
    }

    private static void Render(IAnsiConsole console, IReadOnlyList<SearchHit> hits)
    {
        if (hits.Count == 0)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("doc", "date", "matches", "passage");
        foreach (var h in hits)
        {
            table.AddRow(Markup.Escape(h.Doc), h.Date ?? "", h.Matches.ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{Markup.Escape(h.Before)}[bold yellow]{Markup.Escape(h.Match)}[/]{Markup.Escape(h.After)}");
        }

        console.Write(table);
    }
}
