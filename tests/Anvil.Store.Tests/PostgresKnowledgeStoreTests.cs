using Anvil.Store.Tests.Support;
using Npgsql;

namespace Anvil.Store.Tests;

/// <summary>
/// The knowledge-base contract on PostgreSQL: a database of its own per test on the server of
/// <see cref="PostgresServer"/> (ANVIL_TEST_PG, or a throw-away cluster); skipped where there is none.
/// </summary>
public sealed class PostgresKnowledgeStoreTests : KnowledgeStoreContract
{
    private readonly PostgresServer _server;
    private readonly Lazy<string> _database;

    public PostgresKnowledgeStoreTests(PostgresServer server)
    {
        _server = server;
        _database = new Lazy<string>(server.CreateDatabase);
    }

    protected override StoreLocation Location => StoreLocation.Parse(_database.Value);

    protected override void ExecuteSql(string sql)
    {
        using var connection = new NpgsqlConnection(_database.Value);
        connection.Open();
        using var cmd = new NpgsqlCommand(sql, connection);
        cmd.ExecuteNonQuery();
    }

    public override void Dispose()
    {
        base.Dispose();
        if (_database.IsValueCreated)
        {
            _server.DropDatabase(_database.Value);
        }
    }

    [Fact]
    public void A_url_names_the_same_database_as_a_connection_string()
    {
        var builder = new NpgsqlConnectionStringBuilder(_database.Value);
        var url = $"postgres://{builder.Username}@{builder.Host}:{builder.Port}/{builder.Database}";
        Store.Add(new TestAnalysis("u", "深圳").Records());

        using var viaUrl = KnowledgeStore.Open(StoreLocation.Parse(url), create: false);
        Assert.Equal(1, viaUrl.Counts().Documents);
        Assert.DoesNotContain("Password", viaUrl.Location.Display, StringComparison.OrdinalIgnoreCase);
    }
}
