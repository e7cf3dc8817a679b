using Anvil.Store.Tests.Support;

namespace Anvil.Store.Tests;

public sealed class StoreLocationTests
{
    [Fact]
    public void A_path_is_a_sqlite_file()
    {
        var location = StoreLocation.Parse("anvil.db");
        Assert.Equal(StoreProvider.Sqlite, location.Provider);
        Assert.Equal("anvil.db", location.Display);
        Assert.Equal(Path.GetFullPath("anvil.db"), location.Target);
    }

    [Theory]
    [InlineData("Host=db.example;Database=kb;Username=anvil;Password=secret", "postgresql://anvil@db.example:5432/kb")]
    [InlineData("host=db.example; port=6543; database=kb; username=anvil", "postgresql://anvil@db.example:6543/kb")]
    [InlineData("postgres://anvil:secret@db.example:6543/kb", "postgresql://anvil@db.example:6543/kb")]
    [InlineData("postgresql://db.example/kb", "postgresql://db.example:5432/kb")]
    public void A_connection_string_or_url_is_postgresql_and_is_shown_without_its_password(string value, string display)
    {
        var location = StoreLocation.Parse(value);
        Assert.Equal(StoreProvider.Postgres, location.Provider);
        Assert.Equal(display, location.Display);
        Assert.DoesNotContain("secret", location.Display);
    }

    [Fact]
    public void A_url_keeps_escaped_passwords_and_options()
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(StoreLocation.Parse("postgres://anvil:p%40ss%3Bword@db/kb?sslmode=require").Target);
        Assert.Equal(("anvil", "p@ss;word", "kb", Npgsql.SslMode.Require), (builder.Username, builder.Password, builder.Database, builder.SslMode));
    }

    [Theory]
    [InlineData("postgres://", StoreErrorCodes.BadConnectionString)]
    [InlineData("Host=;Database=kb", StoreErrorCodes.BadConnectionString)]
    [InlineData("Database=kb;Username=anvil", StoreErrorCodes.BadConnectionString)]
    [InlineData("Hots=db;Database=kb", StoreErrorCodes.BadConnectionString)]
    [InlineData("postgres://db/kb?nonsense=1", StoreErrorCodes.BadConnectionString)]
    [InlineData("", StoreErrorCodes.BadPath)]
    [InlineData("/no/such/folder/anvil.db", StoreErrorCodes.BadPath)]
    public void A_location_that_cannot_work_is_refused_with_its_code(string value, string code)
    {
        var e = Assert.Throws<StoreException>(() => StoreLocation.Parse(value));
        Assert.Equal(code, e.Code);
    }

    [Fact]
    public void A_folder_is_not_a_knowledge_base()
    {
        using var folder = new TempFolder();
        var e = Assert.Throws<StoreException>(() => StoreLocation.Parse(folder.Path));
        Assert.Equal(StoreErrorCodes.BadPath, e.Code);
        Assert.Contains("is a folder", e.Message);
    }
}
