using Anvil.Cli.Commands;
using Anvil.Core.Tests.Support;
using Anvil.Store.Ingest;
using Anvil.Store.Merging;
using Anvil.Store.Tests.Support;
using Anvil.Web.Tests.Support;

namespace Anvil.Web.Tests;

/// <summary>The dashboard over a PostgreSQL knowledge base: the same pages and API, the document's spans included.</summary>
public sealed class PostgresTests(PostgresServer postgres, Servers servers)
{
    [Fact]
    public async Task The_dashboard_reads_a_postgresql_knowledge_base()
    {
        var db = postgres.CreateDatabase();
        try
        {
            var hostile = Path.Combine(servers.Folder, "hostile");
            Servers.Ingest(db, [Path.Combine(SharedFolder.RepositoryRoot, "samples"), hostile], IngestConfiguration.Create([], AliasRules.None));
            await using var app = ServeCommand.Build(new ServeSettings { Db = db, Urls = "http://127.0.0.1:0" });
            await app.StartAsync(TestContext.Current.CancellationToken);
            using var client = new HttpClient { BaseAddress = new Uri(Dashboard.Addresses(app)[0]) };

            var doc = await client.JsonAsync("/api/documents/" + Servers.HostileKey);
            var text = doc.GetProperty("text").GetString()!;
            Assert.Equal(Servers.HostileText, text);
            var entities = doc.GetProperty("entities").EnumerateArray().ToList();
            Assert.NotEmpty(entities);
            Assert.All(entities, e => Assert.Equal(e.GetProperty("quote").GetString(), Http.Slice(text, e.GetProperty("start").GetInt32(), e.GetProperty("end").GetInt32())));

            var entity = await client.JsonAsync("/api/entities/" + entities[0].GetProperty("entity_id").GetInt64());
            Assert.Equal("深圳", entity.GetProperty("entity").GetProperty("name").GetString());
            var compare = await client.JsonAsync("/api/compare?subject=深圳&subject=杭州");
            Assert.NotEmpty(compare.GetProperty("comparable").EnumerateArray());
            Assert.Contains("&lt;script&gt;", await client.PageAsync("/documents/" + Servers.HostileKey));

            // facets are counted by the server's SQL, flags are stored there, search goes through its index
            var facets = await client.JsonAsync("/api/facts/facets?subject=深圳");
            int total = (await client.JsonAsync("/api/facts?subject=深圳")).GetProperty("total").GetInt32();
            Assert.Equal(total, Assert.Single(facets.GetProperty("subject").EnumerateArray()).GetProperty("facts").GetInt32());
            Assert.Equal(total, facets.GetProperty("kind").EnumerateArray().Sum(k => k.GetProperty("facts").GetInt32()));
            Assert.Contains("aria-sort=\"ascending\"", await client.PageAsync("/facts?sort=value"));
            var relation = (await client.JsonAsync("/api/entities/" + entities[0].GetProperty("entity_id").GetInt64())).GetProperty("relations");
            if (relation.GetArrayLength() > 0)
            {
                long rid = relation[0].GetProperty("id").GetInt64();
                using var flag = await client.PostAsync($"/api/relations/{rid}/flag", null, TestContext.Current.CancellationToken);
                Assert.True(flag.IsSuccessStatusCode);
                var again = (await client.JsonAsync("/api/entities/" + entities[0].GetProperty("entity_id").GetInt64())).GetProperty("relations");
                Assert.True(again.EnumerateArray().Single(r => r.GetProperty("id").GetInt64() == rid).GetProperty("flagged_wrong").GetBoolean());
            }

            var hits = (await client.JsonAsync("/api/search?q=" + Uri.EscapeDataString("人工智能產業"))).GetProperty("hits");
            Assert.Contains(hits.EnumerateArray(), h => h.GetProperty("doc").GetString() == Servers.HostileKey);
            await app.StopAsync(TestContext.Current.CancellationToken);
        }
        finally
        {
            postgres.DropDatabase(db);
        }
    }
}
