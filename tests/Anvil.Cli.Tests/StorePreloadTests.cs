using Anvil.Cli.Commands.Store;

namespace Anvil.Cli.Tests;

/// <summary>Which knowledge base a command line names, read before Spectre reads it (so that it opens meanwhile).</summary>
public sealed class StorePreloadTests
{
    [Theory]
    [InlineData("compare 深圳 杭州 --db kb.db", "kb.db")]
    [InlineData("compare 深圳 杭州 --db=kb.db", "kb.db")]
    [InlineData("compare 深圳 杭州 --db:kb.db", "kb.db")]
    [InlineData("compare --db first.db 深圳 杭州 --db second.db", "second.db")]
    [InlineData("compare 深圳 杭州", null)]
    [InlineData("compare 深圳 杭州 --db", null)]
    [InlineData("compare 深圳 -- --db kb.db", null)]
    [InlineData("compare 深圳 杭州 --dbx kb.db", null)]
    public void The_db_option_is_found_in_any_of_its_forms(string line, string? db)
    {
        Assert.Equal(db, StorePreload.DbOption(line.Split(' ')));
    }
}
