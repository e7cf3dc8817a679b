using Anvil.Cli.CommandLine;
using Anvil.Cli.Commands;
using Anvil.Cli.Commands.Store;
using Anvil.Core.Pipeline;
using Spectre.Console.Cli;

if (VersionReport.IsAsked(args))
{
    Console.Write(VersionReport.Write());
    return 0;
}

// the language data loads while the command line is read (these commands build a pipeline at once)
if (args.Length > 0 && args[0] is "extract" or "eval" or "ingest" or "reindex")
{
    AnvilPipeline.Preload();
}
else if (args.Length > 0 && args[0] is "compare" or "timeline" or "entity")
{
    Filters.Preload();
}

// the knowledge base a query verb reads opens while the command line is read
if (args.Length > 0 && args[0] is "compare" or "timeline" or "entity" or "conflicts" or "facts" or "search" or "stats")
{
    StorePreload.Start(args);
}

var verbs = new VerbCatalog();
var app = new CommandApp();
app.Configure(spectre =>
{
    var config = verbs.Recording(spectre);
    config.SetApplicationName("anvil");
    config.SetApplicationVersion(VersionReport.ProgramVersion()); // lists -v, --version in the help
    config.UseStrictParsing();
    config.ConfigureConsole(UnwrappedConsole.StandardOutput); // help in a pipe or a file: whole lines, as tables are
    config.SetExceptionHandler((exception, _) => CliFailure.Report(exception, verbs, args));
    config.AddCommand<ExtractCommand>("extract")
        .WithDescription("Extract documents, entities, facts and relations as JSON Lines (or a table)")
        .WithExample("extract", "samples/")
        .WithExample("extract", "report.txt", "--date", "2024-03-05", "--format", "table");
    config.AddCommand<EvalCommand>("eval")
        .WithDescription("Score extraction against gold annotations (the reference scorer's matching)")
        .WithExample("eval", "--gold", "../shared/gold", "../shared/seeds", "../shared/corpus/dev")
        .WithExample("eval", "--gold", "../shared/gold", "--pred", "predictions.jsonl");
    config.AddStoreVerbs();
});

if (OptionCheck.FindError(verbs, args) is { } error)
{
    StorePreload.Release();
    return CliFailure.Usage(error);
}

// Spectre reads a lone "-" as an option; the shell convention is "standard input".
int status = app.Run(args.Select(a => a == "-" ? InputItem.StandardInputToken : a));
StorePreload.Release();
return status;
