using Spectre.Console.Cli;

namespace Anvil.Cli.Commands.Chains;

/// <summary>The chains verbs: what a city makes itself, and what breaks when links are cut. All read the knowledge base (--db).</summary>
internal static class ChainVerbs
{
    public static void AddChainVerbs(this IConfigurator config)
    {
        config.AddBranch("chains", chains =>
        {
            chains.SetDescription("Industrial chains: which stages each city makes itself, side by side, and what a cut supply line breaks");
            chains.AddCommand<ChainsListCommand>("list")
                .WithDescription("The chain templates: stages, weights and the words that place a company in each")
                .WithExample("chains", "list", "新能源汽车");
            chains.AddCommand<ChainsCoverageCommand>("coverage")
                .WithDescription("Per city and chain: the stages made locally, by which companies, with evidence, and the closure score")
                .WithExample("chains", "coverage", "深圳", "杭州");
            chains.AddCommand<ChainsCompareCommand>("compare")
                .WithDescription("Cities side by side, stage by stage, with the companies and evidence of each stage")
                .WithExample("chains", "compare", "深圳", "杭州");
            chains.AddCommand<ChainsShockCommand>("shock")
                .WithDescription("Which chains in which cities lose a stage when its supply lines are cut")
                .WithExample("chains", "shock", "--cut", "芯片", "--outside", "深圳")
                .WithExample("chains", "shock", "--cut", "电池", "--outside", "长三角");
            chains.AddCommand<ChainsCompaniesCommand>("companies")
                .WithDescription("Every company's stages and cities with their evidence: why a company counts where it does")
                .WithExample("chains", "companies", "比亚迪");
            chains.AddCommand<ChainsWhyCommand>("why")
                .WithDescription("Why a city makes a stage, or not: each company's statements with their sentences, and how the work counts there")
                .WithExample("chains", "why", "合肥", "电池");
        });
    }
}
