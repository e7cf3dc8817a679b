using System.Net;
using System.Text.Json;
using Anvil.Web.Tests.Support;

namespace Anvil.Web.Tests;

/// <summary>The chains API (<c>/api/chains</c>, <c>/api/chains/shock</c>) and page over the samples and, when present, the seed article.</summary>
public sealed class ChainsApiTests(Servers servers)
{
    private readonly HttpClient _client = servers.Client();

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static JsonElement Cell(JsonElement city, string chain, string stage) =>
        city.GetProperty("chains").EnumerateArray().Single(c => c.GetProperty("chain").GetString() == chain)
            .GetProperty("stages").EnumerateArray().Single(s => s.GetProperty("stage").GetString() == stage);

    private static List<string> Companies(JsonElement suppliers) =>
        [.. suppliers.EnumerateArray().Select(s => s.GetProperty("company").GetString()!)];

    [Fact]
    public async Task Coverage_has_every_chain_for_every_city_with_counts_that_match_the_suppliers()
    {
        var c = await _client.JsonAsync("/api/chains");
        var chains = c.GetProperty("chains").EnumerateArray().ToList();
        Assert.Contains(chains, x => x.GetProperty("id").GetString() == "nev");
        Assert.Contains(chains, x => x.GetProperty("id").GetString() == "ai");
        Assert.All(chains, x => Assert.NotEmpty(x.GetProperty("stages").EnumerateArray()));
        var cities = c.GetProperty("cities").EnumerateArray().ToList();
        Assert.NotEmpty(cities);
        foreach (var city in cities)
        {
            Assert.Equal(chains.Count, city.GetProperty("chains").GetArrayLength());
            foreach (var chain in city.GetProperty("chains").EnumerateArray())
            {
                double closure = chain.GetProperty("closure").GetDouble();
                Assert.InRange(closure, 0, 1);
                var stages = chain.GetProperty("stages").EnumerateArray().ToList();
                Assert.Equal(stages.Count(s => s.GetProperty("count").GetInt32() > 0), chain.GetProperty("covered_stages").GetInt32());
                Assert.All(stages, s => Assert.Equal(s.GetProperty("count").GetInt32(), s.GetProperty("suppliers").GetArrayLength()));
                Assert.All(stages.SelectMany(s => s.GetProperty("suppliers").EnumerateArray()), s => Assert.NotEmpty(s.GetProperty("evidence").EnumerateArray()));
                // how the work counts in the city: stated there, or said of a company whose home the city is
                Assert.All(stages.SelectMany(s => s.GetProperty("suppliers").EnumerateArray()), s => Assert.Contains(s.GetProperty("basis").GetString(), (string[])["stated_here", "home"]));
            }
        }
    }

    [Fact]
    public async Task Coverage_places_byd_and_huawei_in_shenzhen_with_evidence_that_leads_to_documents()
    {
        if (!servers.HasSeed)
        {
            Assert.Skip("../shared/seeds is not present; this check is on the seed article");
        }

        var c = await _client.JsonAsync("/api/chains?city=深圳市");
        var shenzhen = Assert.Single(c.GetProperty("cities").EnumerateArray());
        Assert.Equal("深圳", shenzhen.GetProperty("city").GetString());
        foreach (var stage in new[] { "battery", "motor", "control" })
        {
            Assert.Contains("比亚迪", Companies(Cell(shenzhen, "nev", stage).GetProperty("suppliers")));
        }

        var chips = Cell(shenzhen, "ai", "chips");
        var huawei = chips.GetProperty("suppliers").EnumerateArray().Single(s => s.GetProperty("company").GetString() == "华为");
        var quoted = huawei.GetProperty("evidence").EnumerateArray().First(e => e.GetProperty("doc").ValueKind == JsonValueKind.String);
        Assert.StartsWith("/documents/", quoted.GetProperty("href").GetString());
        Assert.False(string.IsNullOrEmpty(quoted.GetProperty("quote").GetString()));
        Assert.True(shenzhen.GetProperty("chains").EnumerateArray().Single(x => x.GetProperty("chain").GetString() == "ai").GetProperty("closure").GetDouble() > 0);
    }

    [Fact]
    public async Task Shock_cutting_chips_outside_shenzhen_takes_them_from_hangzhou_and_says_whom_it_is_cut_off_from()
    {
        if (!servers.HasSeed)
        {
            Assert.Skip("../shared/seeds is not present; this check is on the seed article");
        }

        var s = await _client.JsonAsync("/api/chains/shock?cut=芯片&outside=深圳");
        Assert.Equal("深圳", s.GetProperty("outside").GetString());
        Assert.Contains("ai/chips", s.GetProperty("stages").EnumerateArray().Select(x => x.GetProperty("key").GetString()));
        var rows = s.GetProperty("rows").EnumerateArray().ToList();
        var hangzhou = rows.Single(r => r.GetProperty("city").GetString() == "杭州" && r.GetProperty("chain").GetString() == "ai");
        Assert.Equal("lost", hangzhou.GetProperty("outcome").GetString());
        Assert.False(hangzhou.GetProperty("inside_place").GetBoolean());
        Assert.Contains("华为", Companies(hangzhou.GetProperty("cut_off")));
        var shenzhen = rows.Single(r => r.GetProperty("city").GetString() == "深圳" && r.GetProperty("chain").GetString() == "ai");
        Assert.Equal("kept_locally", shenzhen.GetProperty("outcome").GetString());
        Assert.True(shenzhen.GetProperty("inside_place").GetBoolean());
        Assert.Equal("lost", rows[0].GetProperty("outcome").GetString()); // lost first
    }

    [Fact]
    public async Task Shock_without_a_place_answers_for_the_samples_too()
    {
        var s = await _client.JsonAsync("/api/chains/shock?cut=ai/chips");
        Assert.Equal(JsonValueKind.Null, s.GetProperty("outside").ValueKind);
        Assert.All(s.GetProperty("rows").EnumerateArray(), r =>
        {
            Assert.Equal(JsonValueKind.Null, r.GetProperty("inside_place").ValueKind);
            Assert.Equal(r.GetProperty("local").GetArrayLength() > 0 ? "kept_locally" : "lost", r.GetProperty("outcome").GetString());
        });
    }

    [Theory]
    [InlineData("/api/chains/shock?cut=没有这个环节", "人工智能/芯片")]
    [InlineData("/api/chains/shock", "cut: name the stage")]
    [InlineData("/api/chains/shock?outside=深圳", "人工智能/芯片")]
    [InlineData("/api/chains/shock?cut=芯片&outside=亚特兰蒂斯", "outside:")]
    [InlineData("/api/chains/shock?cut=%01", "control characters")]
    [InlineData("/api/chains?city=a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s,t,u,v,w,x,y,z,aa,bb,cc,dd,ee,ff,gg,hh,ii,jj,kk,ll,mm,nn,oo,pp,qq,rr,ss,tt,uu,vv,ww,xx,yy", "at most 50")]
    public async Task A_bad_parameter_is_refused_with_a_message_that_says_what_to_give(string path, string expected)
    {
        using var response = await _client.GetAsync(path, Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonDocument.Parse(body).RootElement;
        Assert.Equal(400, error.GetProperty("status").GetInt32());
        Assert.Equal("E0601", error.GetProperty("code").GetString());
        Assert.Contains(expected, error.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_page_refuses_an_unknown_stage_with_the_list_of_stages()
    {
        using var response = await _client.GetAsync("/chains?cut=%3Cscript%3Ealert(1)%3C%2Fscript%3E", Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("class=\"error\">E0601", body);
        Assert.Contains("新能源汽车/电池", body);
        Assert.DoesNotContain("<script>alert", body);
        Assert.Contains("&lt;script&gt;", body);
    }

    [Fact]
    public async Task The_page_shows_the_matrix_and_the_form_and_the_openapi_document_the_routes()
    {
        var html = await _client.PageAsync("/chains");
        Assert.Contains("class=\"chains-matrix\"", html);
        Assert.Contains("name=\"cut\"", html);
        Assert.Contains("href=\"/chains\" class=\"active\"", html);
        if (html.Contains("class=\"supplier\"", StringComparison.Ordinal))
        {
            // each maker in the evidence says how its work counts in the city
            Assert.Matches("class=\"supplier\" data-basis=\"(stated_here|home)\"><b>[^<]+</b><span class=\"basis muted\"> — (the statement places the work in|said of the company, whose home is) ", html);
        }

        var doc = await _client.JsonAsync("/openapi.json");
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/chains", paths);
        Assert.Contains("/api/chains/shock", paths);
        var parameters = doc.GetProperty("paths").GetProperty("/api/chains/shock").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["cut", "outside"], parameters);
    }
}
