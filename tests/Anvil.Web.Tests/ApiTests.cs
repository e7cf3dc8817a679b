using System.Text.Json;
using Anvil.Web.Tests.Support;

namespace Anvil.Web.Tests;

/// <summary>The JSON API behind the pages, over the samples, the seed article (when present) and hostile documents.</summary>
public sealed class ApiTests(Servers servers)
{
    private readonly HttpClient _client = servers.Client();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Overview_counts_what_was_ingested_and_ranks_places_by_facts()
    {
        var o = await _client.JsonAsync("/api/overview");
        Assert.True(o.GetProperty("counts").GetProperty("documents").GetInt64() >= 5);
        var places = o.GetProperty("places").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("深圳", places);
        Assert.Contains("杭州", places);
        Assert.NotEmpty(o.GetProperty("indicators").EnumerateArray());
        Assert.NotEmpty(o.GetProperty("recent_documents").EnumerateArray());
    }

    [Fact]
    public async Task Compare_puts_shenzhen_and_hangzhou_private_firms_side_by_side_with_their_quotes()
    {
        if (!servers.HasSeed)
        {
            Assert.Skip("../shared/seeds is not present; this check is on the seed article");
        }

        var c = await _client.JsonAsync("/api/compare?subject=深圳&subject=杭州&indicator=企业数量");
        Assert.Equal(["深圳", "杭州"], c.GetProperty("subjects").EnumerateArray().Select(s => s.GetString()));
        var row = c.GetProperty("comparable").EnumerateArray().Single(r => r.GetProperty("scope").GetString() == "民营企业");
        var cells = row.GetProperty("cells").EnumerateArray().ToDictionary(x => x.GetProperty("subject").GetString()!, x => x.GetProperty("fact"));
        Assert.Equal(2540000, cells["深圳"].GetProperty("value").GetDouble());
        Assert.Equal("gt", cells["深圳"].GetProperty("qualifier").GetString());
        Assert.Contains("254萬", cells["深圳"].GetProperty("quote").GetString());
        Assert.Equal(900000, cells["杭州"].GetProperty("value").GetDouble());
        Assert.Equal("approx", cells["杭州"].GetProperty("qualifier").GetString());
        Assert.Contains("約90萬家", cells["杭州"].GetProperty("quote").GetString());
    }

    [Fact]
    public async Task Compare_without_subjects_takes_the_two_places_with_most_facts()
    {
        var c = await _client.JsonAsync("/api/compare");
        Assert.Equal(2, c.GetProperty("subjects").GetArrayLength());
    }

    [Fact]
    public async Task Facts_filter_by_alias_sort_and_page()
    {
        var all = await _client.JsonAsync("/api/facts?subject=深圳市&page_size=500");
        int total = all.GetProperty("total").GetInt32();
        Assert.True(total > 3);
        Assert.All(all.GetProperty("facts").EnumerateArray(), f => Assert.Equal("深圳", f.GetProperty("subject").GetString()));

        var page = await _client.JsonAsync("/api/facts?subject=深圳&sort=value&order=desc&page=2&page_size=2");
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal((total + 1) / 2, page.GetProperty("pages").GetInt32());
        var values = all.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("value").GetDouble()).OrderDescending().ToList();
        Assert.Equal(values.Skip(2).Take(2), page.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("value").GetDouble()));
    }

    [Fact]
    public async Task A_fact_carries_every_field_of_the_typed_fact_by_its_spec_name()
    {
        var growth = (await _client.JsonAsync("/api/facts?subject=深圳&kind=growth&page_size=1")).GetProperty("facts")[0];
        Assert.Equal("growth", growth.GetProperty("kind").GetString());
        Assert.Equal("percent", growth.GetProperty("unit").GetString());
        Assert.Contains(growth.GetProperty("qualifier").GetString(), (string[])["eq", "approx", "gt", "ge", "lt", "le", "range"]);
        Assert.Contains(growth.GetProperty("status").GetString(), (string[])["actual", "target", "forecast"]);
        foreach (var field in (string[])["indicator_text", "value_high", "basis", "start", "end", "quote", "doc", "id"])
        {
            Assert.True(growth.TryGetProperty(field, out _), field);
        }

        var html = await _client.PageAsync("/facts?subject=深圳&kind=growth");
        Assert.Contains("<th scope=\"col\">status</th>", html);
        Assert.Contains("<th scope=\"col\">basis</th>", html);
        Assert.Contains("data-h=\"status\">actual</td>", html);
    }

    [Fact]
    public async Task Exports_are_the_cli_csv_and_xlsx()
    {
        var csv = await _client.GetByteArrayAsync("/api/facts/export?format=csv&subject=深圳", Token);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, csv[..3]);
        var text = System.Text.Encoding.UTF8.GetString(csv[3..]);
        Assert.StartsWith("subject,scope,indicator,kind,value,unit,unit_text,qualifier,period,source,doc,title,date,span_start,span_end,quote", text);
        Assert.Contains("深圳", text);

        using var xlsx = await _client.GetAsync("/api/facts/export?format=xlsx", Token);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", xlsx.Content.Headers.ContentDisposition?.DispositionType);
        var bytes = await xlsx.Content.ReadAsByteArrayAsync(Token);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
    }

    [Fact]
    public async Task Every_span_of_every_document_is_its_quote_in_code_points()
    {
        var documents = (await _client.JsonAsync("/api/documents?page_size=500")).GetProperty("documents");
        Assert.True(documents.GetArrayLength() >= 5);
        foreach (var d in documents.EnumerateArray())
        {
            var doc = await _client.JsonAsync("/api/documents/" + Uri.EscapeDataString(d.GetProperty("key").GetString()!));
            var text = doc.GetProperty("text").GetString()!;
            foreach (var record in doc.GetProperty("facts").EnumerateArray().Concat(doc.GetProperty("entities").EnumerateArray())
                         .Concat(doc.GetProperty("relations").EnumerateArray()))
            {
                Assert.Equal(record.GetProperty("quote").GetString(), Http.Slice(text, record.GetProperty("start").GetInt32(), record.GetProperty("end").GetInt32()));
            }
        }
    }

    [Fact]
    public async Task Documents_come_a_page_at_a_time_newest_first()
    {
        var all = await _client.JsonAsync("/api/documents?page_size=500");
        int total = all.GetProperty("total").GetInt32();
        var keys = all.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(total, keys.Count);
        Assert.True(total >= 5, "the test knowledge base has five documents at least");
        var dates = all.GetProperty("documents").EnumerateArray().Select(d => d.GetProperty("date").GetString()).ToList();
        Assert.Equal(dates.OrderByDescending(d => d ?? "", StringComparer.Ordinal).ThenBy(d => d is null), dates); // newest first, undated last

        var first = await _client.JsonAsync("/api/documents");
        Assert.Equal((total, 1, 50, 1), (first.GetProperty("total").GetInt32(), first.GetProperty("page").GetInt32(),
            first.GetProperty("page_size").GetInt32(), first.GetProperty("pages").GetInt32()));

        int pages = (total + 1) / 2;
        var paged = new List<long>();
        for (int page = 1; page <= pages; page++)
        {
            var result = await _client.JsonAsync($"/api/documents?page_size=2&page={page}");
            Assert.Equal((total, page, 2, pages), (result.GetProperty("total").GetInt32(), result.GetProperty("page").GetInt32(),
                result.GetProperty("page_size").GetInt32(), result.GetProperty("pages").GetInt32()));
            var rows = result.GetProperty("documents");
            Assert.InRange(rows.GetArrayLength(), 1, 2);
            paged.AddRange(rows.EnumerateArray().Select(d => d.GetProperty("id").GetInt64()));
        }

        Assert.Equal(keys, paged);
        Assert.Empty((await _client.JsonAsync($"/api/documents?page_size=2&page={pages + 1}")).GetProperty("documents").EnumerateArray());
    }

    [Fact]
    public async Task The_document_list_shows_one_page_with_a_pager()
    {
        int total = (await _client.JsonAsync("/api/documents")).GetProperty("total").GetInt32();
        int pages = (total + 1) / 2;
        var html = await _client.PageAsync("/documents?page_size=2&page=2");
        Assert.Contains($"{total} documents, newest first · page 2 of {pages}", html);
        Assert.Equal(2, CountOf(Between(html, "<ul class=\"documents\">", "</ul>"), "<li>"));
        var pager = Between(html, "<nav class=\"pager\"", "</nav>");
        Assert.Contains("href=\"/documents?page_size=2&amp;page=1\"", pager);
        Assert.Contains("href=\"/documents?page_size=2&amp;page=3\"", pager);
        Assert.Contains($"page 2 of {pages}", pager);
        Assert.DoesNotContain("class=\"pager\"", await _client.PageAsync("/documents")); // one page: no pager
    }

    [Fact]
    public async Task An_entitys_facts_come_a_page_at_a_time_and_its_lists_are_bounded()
    {
        long id = (await _client.JsonAsync("/api/entities?name=深圳"))[0].GetProperty("id").GetInt64();
        var all = await _client.JsonAsync($"/api/entities/{id}?page_size=500");
        int total = all.GetProperty("total").GetInt32();
        Assert.Equal(all.GetProperty("entity").GetProperty("facts").GetInt32(), total);
        Assert.True(total >= 5, "深圳 has five facts at least in the test knowledge base");
        var ids = all.GetProperty("facts").EnumerateArray().Select(f => f.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(total, ids.Count);
        Assert.Equal(all.GetProperty("entity").GetProperty("documents").GetInt32(), all.GetProperty("documents_total").GetInt32());
        Assert.True(all.GetProperty("documents").GetArrayLength() <= 50);
        Assert.InRange(all.GetProperty("relations").GetArrayLength(), 0, Math.Min(50, all.GetProperty("relations_total").GetInt32()));
        Assert.InRange(all.GetProperty("series").GetArrayLength(), 1, Math.Min(20, all.GetProperty("series_total").GetInt32()));

        int pages = (total + 1) / 2;
        var paged = new List<long>();
        for (int page = 1; page <= pages; page++)
        {
            var result = await _client.JsonAsync($"/api/entities/{id}?page_size=2&page={page}");
            Assert.Equal((total, page, 2, pages), (result.GetProperty("total").GetInt32(), result.GetProperty("page").GetInt32(),
                result.GetProperty("page_size").GetInt32(), result.GetProperty("pages").GetInt32()));
            var rows = result.GetProperty("facts");
            Assert.InRange(rows.GetArrayLength(), 1, 2);
            paged.AddRange(rows.EnumerateArray().Select(f => f.GetProperty("id").GetInt64()));
            Assert.Equal(all.GetProperty("series").GetArrayLength(), result.GetProperty("series").GetArrayLength()); // series are of every fact
        }

        Assert.Equal(ids, paged);
        Assert.Empty((await _client.JsonAsync($"/api/entities/{id}?page_size=2&page={pages + 1}")).GetProperty("facts").EnumerateArray());
        Assert.Equal(50, (await _client.JsonAsync($"/api/entities/{id}")).GetProperty("page_size").GetInt32());
    }

    [Fact]
    public async Task The_entity_page_shows_one_page_of_facts_with_a_pager()
    {
        long id = (await _client.JsonAsync("/api/entities?name=深圳"))[0].GetProperty("id").GetInt64();
        int total = (await _client.JsonAsync($"/api/entities/{id}")).GetProperty("total").GetInt32();
        int pages = (total + 1) / 2;
        var html = await _client.PageAsync($"/entities/{id}?page_size=2&page=2");
        Assert.Contains($"Facts ({total})", html);
        Assert.Equal(2, CountOf(Between(html, "<tbody>", "</tbody>"), "<tr>"));
        var pager = Between(html, "<nav class=\"pager\"", "</nav>");
        Assert.Contains($"href=\"/entities/{id}?page_size=2&amp;page=1\"", pager);
        Assert.Contains($"href=\"/entities/{id}?page_size=2&amp;page=3\"", pager);
        Assert.Contains($"page 2 of {pages}", pager);
        Assert.Contains("<ul class=\"documents\">", html); // the rest of the page is still there
    }

    [Fact]
    public async Task A_hostile_document_comes_back_as_it_was_written()
    {
        var doc = await _client.JsonAsync("/api/documents/" + Servers.HostileKey);
        Assert.Equal(Servers.HostileText, doc.GetProperty("text").GetString());
        Assert.Contains(doc.GetProperty("entities").EnumerateArray(), e => e.GetProperty("name").GetString() == "深圳" && e.GetProperty("start").GetInt32() == 1);
        Assert.NotEmpty(doc.GetProperty("facts").EnumerateArray());
    }

    [Fact]
    public async Task Entity_by_any_name_then_by_id_with_facts_series_and_documents()
    {
        var found = await _client.JsonAsync("/api/entities?name=深圳市");
        var id = found[0].GetProperty("id").GetInt64();
        Assert.Equal("深圳", found[0].GetProperty("name").GetString());
        var e = await _client.JsonAsync($"/api/entities/{id}");
        Assert.Equal("place", e.GetProperty("entity").GetProperty("type").GetString());
        Assert.NotEmpty(e.GetProperty("facts").EnumerateArray());
        Assert.NotEmpty(e.GetProperty("series").EnumerateArray());
        Assert.NotEmpty(e.GetProperty("documents").EnumerateArray());
        Assert.Contains(e.GetProperty("aliases").EnumerateArray(), a => a.GetProperty("origin").GetString() == "name");
        var gdp = e.GetProperty("series").EnumerateArray().Single(x => x.GetProperty("indicator").GetString() == "地区生产总值" && x.GetProperty("kind").GetString() == "value");
        var labels = gdp.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("label").GetString()).ToList();
        Assert.Equal(["2021", "2022", "2023"], labels.Take(3)); // oldest first
    }

    [Fact]
    public async Task Conflicts_are_figures_whose_clusters_of_values_come_from_different_documents()
    {
        var result = await _client.JsonAsync("/api/conflicts?page_size=500");
        var conflicts = result.GetProperty("conflicts");
        Assert.Equal(conflicts.GetArrayLength(), result.GetProperty("total").GetInt64());
        foreach (var c in conflicts.EnumerateArray())
        {
            var summary = c.GetProperty("summary");
            Assert.True(summary.GetProperty("conflict").GetBoolean());
            Assert.True(summary.GetProperty("documents").GetInt32() >= 2);
            var clusters = c.GetProperty("clusters").EnumerateArray().ToList();
            Assert.True(clusters.Count >= 2);
            Assert.All(clusters, k => Assert.False(string.IsNullOrEmpty(k.GetProperty("fact").GetProperty("quote").GetString())));
        }

        if (servers.HasSeed)
        {
            Assert.Contains(conflicts.EnumerateArray(), c => c.GetProperty("summary").GetProperty("indicator").GetString() == "全社会研发投入");
        }
    }

    [Fact]
    public async Task Conflicts_come_a_page_at_a_time_in_one_order()
    {
        static string Key(JsonElement c) => c.GetProperty("summary").GetProperty("subject").GetString() + "|" +
            c.GetProperty("summary").GetProperty("indicator").GetString() + "|" + c.GetProperty("period_label").GetString() + "|" +
            c.GetProperty("summary").GetProperty("fact_id").GetInt64();
        var all = (await _client.JsonAsync("/api/conflicts?within_documents=true&page_size=500")).GetProperty("conflicts").EnumerateArray().Select(Key).ToList();
        Assert.True(all.Count >= 2, "the test knowledge base has two conflicting figures at least");

        var paged = new List<string>();
        for (int page = 1; page <= all.Count; page++)
        {
            var result = await _client.JsonAsync($"/api/conflicts?within_documents=true&page_size=1&page={page}");
            Assert.Equal((all.Count, page, 1, all.Count), (result.GetProperty("total").GetInt32(), result.GetProperty("page").GetInt32(),
                result.GetProperty("page_size").GetInt32(), result.GetProperty("pages").GetInt32()));
            paged.AddRange(result.GetProperty("conflicts").EnumerateArray().Select(Key));
        }

        Assert.Equal(all, paged);
        Assert.Empty((await _client.JsonAsync($"/api/conflicts?within_documents=true&page={all.Count + 1}")).GetProperty("conflicts").EnumerateArray());
    }

    [Fact]
    public async Task The_openapi_document_describes_every_api_route_and_no_page()
    {
        var doc = await _client.JsonAsync("/openapi.json");
        Assert.StartsWith("3.", doc.GetProperty("openapi").GetString());
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        foreach (var expected in new[] { "/api/overview", "/api/facts", "/api/facts/export", "/api/compare", "/api/documents", "/api/documents/{key}",
                     "/api/entities", "/api/entities/{id}", "/api/conflicts", "/api/upload", "/api/upload/{id}" })
        {
            Assert.Contains(expected, paths);
        }

        Assert.All(paths, p => Assert.StartsWith("/api/", p));
        var facts = doc.GetProperty("paths").GetProperty("/api/facts").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("page_size", facts);
        Assert.Contains("subject", facts);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/api/overview")]
    [InlineData("/assets/anvil.css")]
    [InlineData("/api/facts?kind=nonsense")]
    [InlineData("/no/such/page")]
    public async Task Every_answer_carries_a_strict_content_security_policy(string path)
    {
        using var response = await _client.GetAsync(path, Token);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/compare?subject=深圳&subject=杭州")]
    [InlineData("/facts?page_size=500")]
    [InlineData("/documents")]
    [InlineData("/documents/hostile-markup")]
    [InlineData("/conflicts")]
    [InlineData("/entities?name=深圳")]
    public async Task Pages_hold_no_markup_from_documents(string path)
    {
        var html = await _client.PageAsync(path);
        Assert.Equal(1, CountOf(html, "<script")); // the page's own script, by src
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("javascript:", html.Replace("javascript:window.__xss=3", "", StringComparison.Ordinal));
        Assert.DoesNotContain("onerror=", html.Replace("onerror=&quot;", "", StringComparison.Ordinal));
        Assert.DoesNotContain("style=", html);
    }

    [Fact]
    public async Task The_hostile_document_page_shows_its_markup_as_text()
    {
        var html = await _client.PageAsync("/documents/" + Servers.HostileKey);
        Assert.Contains("&lt;script&gt;window.__xss=1;alert(&#39;xss&#39;)&lt;/script&gt;", html);
        Assert.Contains("&lt;img src=x onerror=&quot;window.__xss=2&quot;&gt;", html);
        Assert.Contains("&lt;a href=&quot;javascript:window.__xss=3&quot;&gt;", html);
        Assert.Contains("𠀀", html);
    }

    /// <summary>The text from the first <paramref name="start"/> to the next <paramref name="end"/>.</summary>
    private static string Between(string text, string start, string end)
    {
        int i = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(i >= 0, $"no {start} in the page");
        int j = text.IndexOf(end, i, StringComparison.Ordinal);
        Assert.True(j >= 0, $"no {end} after {start}");
        return text[i..j];
    }

    private static int CountOf(string text, string part) =>
        (text.Length - text.Replace(part, "", StringComparison.OrdinalIgnoreCase).Length) / part.Length;
}
