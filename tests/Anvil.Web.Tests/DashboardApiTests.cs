using System.Net;
using System.Text.Json;
using Anvil.Web.Tests.Support;

namespace Anvil.Web.Tests;

/// <summary>The API and pages behind search, the facts' facets and sortable headers, and relation flags.</summary>
public sealed class DashboardApiTests(Servers servers)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Search_finds_either_script_and_refuses_what_is_no_query()
    {
        using var client = servers.Client();
        var found = await client.JsonAsync("/api/search?q=" + Uri.EscapeDataString("人工智能產業"));
        var hit = found.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("doc").GetString() == Servers.HostileKey);
        Assert.Equal("人工智能产业", hit.GetProperty("match").GetString()); // as the document writes it

        Assert.Empty((await client.JsonAsync("/api/search?q=")).GetProperty("hits").EnumerateArray());
        using var tooLong = await client.GetAsync("/api/search?q=" + new string('深', 201), Token);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        using var limit = await client.GetAsync("/api/search?q=深圳&limit=0", Token);
        Assert.Equal(HttpStatusCode.BadRequest, limit.StatusCode);

        var page = await client.PageAsync("/search?q=" + Uri.EscapeDataString("人工智能產業"));
        Assert.Contains("<mark>人工智能产业</mark>", page);
        Assert.DoesNotContain("<script>window", page);
    }

    [Fact]
    public async Task Facets_count_the_matching_facts_of_each_value()
    {
        using var client = servers.Client();
        var facets = await client.JsonAsync("/api/facts/facets?subject=" + Uri.EscapeDataString("深圳市"));
        int total = (await client.JsonAsync("/api/facts?subject=" + Uri.EscapeDataString("深圳市"))).GetProperty("total").GetInt32();
        var subject = Assert.Single(facets.GetProperty("subject").EnumerateArray());
        Assert.Equal(("深圳", total), (subject.GetProperty("value").GetString(), subject.GetProperty("facts").GetInt32()));
        Assert.Equal(total, facets.GetProperty("kind").EnumerateArray().Sum(k => k.GetProperty("facts").GetInt32())); // every fact has a kind
        var indicators = facets.GetProperty("indicator").EnumerateArray().Select(i => i.GetProperty("facts").GetInt32()).ToList();
        Assert.Equal(indicators.OrderDescending(), indicators); // most first
        // a value narrows to as many facts as it counts: a year holds its halves, quarters, months and current figures
        foreach (var facet in (string[])["period", "indicator", "kind", "source"])
        {
            foreach (var value in facets.GetProperty(facet).EnumerateArray().Where(v => v.GetProperty("value").ValueKind == JsonValueKind.String))
            {
                var narrowed = await client.JsonAsync($"/api/facts?subject=%E6%B7%B1%E5%9C%B3%E5%B8%82&{facet}={Uri.EscapeDataString(value.GetProperty("value").GetString()!)}");
                Assert.True(value.GetProperty("facts").GetInt32() <= narrowed.GetProperty("total").GetInt32(), $"{facet}={value}");
                if (facet is "period" or "indicator" or "kind")
                {
                    Assert.Equal(value.GetProperty("facts").GetInt32(), narrowed.GetProperty("total").GetInt32());
                }
            }
        }

        using var bad = await client.GetAsync("/api/facts/facets?kind=size", Token);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_facts_page_sorts_from_its_headers_and_links_each_facet_value_keeping_the_other_filters()
    {
        using var client = servers.Client();
        var html = await client.PageAsync("/facts?kind=value&sort=value");
        Assert.Contains("<th scope=\"col\" aria-sort=\"ascending\" data-sort=\"value\"><a href=\"/facts?kind=value&amp;sort=value&amp;order=desc\"", html);
        Assert.Contains("<th scope=\"col\" data-sort=\"period\"><a href=\"/facts?kind=value&amp;sort=period\"", html);
        Assert.Contains("href=\"/facts?subject=%E6%B7%B1%E5%9C%B3&amp;kind=value&amp;sort=value\"", html); // 深圳, kind kept, page dropped
        Assert.Contains("<th scope=\"col\">quote</th>", html); // not a sort
    }

    [Fact]
    public async Task A_relation_is_flagged_wrong_and_back_through_the_api_or_the_pages_form()
    {
        using var client = servers.Client(uploads: true);
        var huawei = (await client.JsonAsync("/api/entities?name=" + Uri.EscapeDataString("华为")))[0].GetProperty("id").GetInt64();
        var relations = (await client.JsonAsync($"/api/entities/{huawei}")).GetProperty("relations");
        long id = relations[relations.GetArrayLength() - 1].GetProperty("id").GetInt64();

        async Task<bool> FlaggedAsync() => (await client.JsonAsync($"/api/entities/{huawei}")).GetProperty("relations").EnumerateArray()
            .Single(r => r.GetProperty("id").GetInt64() == id).GetProperty("flagged_wrong").GetBoolean();

        using (var flag = await client.PostAsync($"/api/relations/{id}/flag", null, Token))
        {
            Assert.Equal(HttpStatusCode.OK, flag.StatusCode);
        }

        Assert.True(await FlaggedAsync());
        using (var back = await client.PostAsync($"/api/relations/{id}/flag?wrong=false", null, Token))
        {
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        }

        Assert.False(await FlaggedAsync());
        using (var missing = await client.PostAsync("/api/relations/987654321/flag", null, Token))
        {
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }

        // the page's form as a browser posts it: Origin "null" (no referrer) and Sec-Fetch-Site same-origin; back where it was
        using var noRedirect = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = servers.UploadUrl };
        HttpRequestMessage Form(string? fetchSite, string back) => new HttpRequestMessage(HttpMethod.Post, $"/relations/{id}/flag")
        {
            Content = new FormUrlEncodedContent([new("wrong", "true"), new("back", back)]),
            Headers = { { "Origin", "null" } },
        }.With(fetchSite);
        using (var posted = await noRedirect.SendAsync(Form("same-origin", $"/entities/{huawei}"), Token))
        {
            Assert.Equal(HttpStatusCode.Found, posted.StatusCode);
            Assert.Equal($"/entities/{huawei}#r-r{id}", posted.Headers.Location!.OriginalString);
        }

        Assert.True(await FlaggedAsync());
        using (var elsewhere = await noRedirect.SendAsync(Form("same-origin", "//evil.example/x"), Token))
        {
            Assert.Equal($"/#r-r{id}", elsewhere.Headers.Location!.OriginalString); // never off this site
        }

        using (var forged = await noRedirect.SendAsync(Form(null, "/"), Token))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode); // a null origin without the browser's word
        }

        using var clear = await client.PostAsync($"/api/relations/{id}/flag?wrong=false", null, Token);
        Assert.False(await FlaggedAsync());
    }
}

internal static class RequestExtensions
{
    public static HttpRequestMessage With(this HttpRequestMessage request, string? fetchSite)
    {
        if (fetchSite is not null)
        {
            request.Headers.TryAddWithoutValidation("Sec-Fetch-Site", fetchSite);
        }

        return request;
    }
}
