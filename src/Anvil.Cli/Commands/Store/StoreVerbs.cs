using Anvil.Cli.Commands.Chains;
using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Store;

/// <summary>The knowledge-base verbs: ingest and reindex write, the others query; all take --db.</summary>
internal static class StoreVerbs
{
    public static void AddStoreVerbs(this IConfigurator config)
    {
        config.AddCommand<IngestCommand>("ingest")
            .WithDescription("Extract documents into the knowledge base (./anvil.db, or --db / $ANVIL_DB: SQLite file or PostgreSQL)")
            .WithExample("ingest", "samples/")
            .WithExample("ingest", "reports/", "--db", "'Host=localhost;Database=anvil;Username=anvil'");
        config.AddCommand<ReindexCommand>("reindex")
            .WithDescription("Extract stored documents again after an upgrade, or after changing lexicons or anvil.aliases.yaml");
        config.AddCommand<FactsCommand>("facts")
            .WithDescription("Stated figures, filtered by subject, scope, indicator, kind, period, source, document or text")
            .WithExample("facts", "--subject", "杭州", "--period", "2024")
            .WithExample("facts", "--subject", "深圳", "--format", "xlsx", "--output", "shenzhen.xlsx");
        config.AddCommand<CompareCommand>("compare")
            .WithDescription("Indicators of two or more places or companies side by side, latest period first")
            .WithExample("compare", "深圳", "杭州");
        config.AddCommand<EntityCommand>("entity")
            .WithDescription("One entity: type, aliases, facts, relations and documents")
            .WithExample("entity", "华为");
        config.AddCommand<TimelineCommand>("timeline")
            .WithDescription("An indicator over periods, from every source")
            .WithExample("timeline", "深圳", "产业规模", "--scope", "人工智能");
        config.AddCommand<ConflictsCommand>("conflicts")
            .WithDescription("Figures stated with values that disagree beyond their qualifiers (约, 超...)");
        config.AddCommand<SearchCommand>("search")
            .WithDescription("Documents containing a text (any script), with the matching passage")
            .WithExample("search", "人工智能");
        config.AddCommand<StatsCommand>("stats")
            .WithDescription("How many documents, entities, mentions, facts and relations the knowledge base holds");
        config.AddCommand<ServeCommand>("serve")
            .WithDescription("The dashboard in a browser: overview, compare, facts, documents, entities, conflicts (http://127.0.0.1:5080)")
            .WithExample("serve", "--db", "anvil-demo.db")
            .WithExample("serve", "--urls", "http://127.0.0.1:8080", "--allow-upload");
        config.AddCommand<DemoCommand>("demo")
            .WithDescription("Ingest the bundled samples into ./anvil-demo.db (replaced each run) and compare two places");
        config.AddChainVerbs();
    }
}
