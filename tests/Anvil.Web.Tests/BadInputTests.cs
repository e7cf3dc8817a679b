using System.Net;
using System.Text.Json;
using Anvil.Web.Tests.Support;

namespace Anvil.Web.Tests;

/// <summary>
/// Sweeps inputs a careless or hostile client sends: each gets a 4xx with a message (JSON with a code for the API, a
/// page with the code for pages), never a 500 and never a file from the disk.
/// </summary>
public sealed class BadInputTests(Servers servers)
{
    private static readonly string Long = new('深', 300);

    public static TheoryData<string> BadRequests() =>
    [
        "/api/entities/abc", "/entities/abc", "/api/entities/1.5", "/api/entities/99999999999999999999", "/api/facts?text=%00",
        "/api/entities/99999999", "/entities/-1", "/api/entities?name=", "/api/entities", "/entities?name=没有这个实体",
        "/api/facts?page=0", "/api/facts?page=-3", "/api/facts?page=abc", "/api/facts?page=99999999999", "/api/facts?page_size=0",
        "/api/facts?page_size=100000", "/facts?page_size=-1", "/api/facts?page_size=1e9", "/api/facts?kind=nonsense", "/facts?kind=%3Cscript%3E",
        "/api/facts?period=abcd", "/api/facts?period=2025-2024", "/api/facts?sort=evil", "/api/facts?order=sideways",
        "/api/facts?subject=" + Long, "/api/facts?text=%01%02", "/api/facts/export?format=exe", "/api/facts/export?format=csv&kind=x",
        "/api/compare?subject=a,b,c,d,e,f,g,h,i", "/compare?period=someday", "/api/compare?scope=" + Long,
        "/api/conflicts?tolerance=500", "/api/conflicts?tolerance=-1", "/api/conflicts?tolerance=NaN", "/api/conflicts?tolerance=abc",
        "/api/conflicts?within_documents=maybe", "/conflicts?tolerance=Infinity",
        "/api/documents?page=0", "/api/documents?page=-1", "/api/documents?page=abc", "/api/documents?page=99999999999", "/api/documents?page_size=0",
        "/api/documents?page_size=501", "/documents?page=0", "/documents?page_size=100000", "/documents?page=abc",
        "/api/entities/1?page=0", "/api/entities/1?page=-2", "/api/entities/1?page=x", "/api/entities/1?page_size=0", "/api/entities/1?page_size=501",
        "/entities/1?page=0", "/entities/1?page_size=1e9", "/entities/1?page=1000001",
        "/documents/..%2F..%2Fetc%2Fpasswd", "/api/documents/..%2F..%2Fetc%2Fpasswd", "/documents/%2e%2e%2fetc%2fpasswd", "/documents/..%5C..%5Cwindows",
        "/api/documents/no-such-document", "/api/documents/" + Long, "/documents/../../etc/passwd",
        "/assets/..%2F..%2Fappsettings.json", "/assets/nope.css", "/assets/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/api/upload/abc", "/upload/..%2F..", "/nope",
        "/api/nope", "/api/upload", "/upload/0123456789abcdef0123456789abcdef",
    ];

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_request_is_refused_with_a_message(string path)
    {
        using var client = servers.Client();
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        int status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{path}: {status} {body}");
        Assert.DoesNotContain("root:", body); // never /etc/passwd
        if (path.StartsWith("/api/", StringComparison.Ordinal))
        {
            var error = JsonDocument.Parse(body).RootElement;
            Assert.Equal(status, error.GetProperty("status").GetInt32());
            Assert.StartsWith("E06", error.GetProperty("code").GetString());
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("message").GetString()));
        }
        else
        {
            Assert.Contains("class=\"error\">E06", body);
            Assert.DoesNotContain("<script>", body);
        }
    }

    [Theory]
    [InlineData("/documents/%00")]
    [InlineData("/api/entities/%00")]
    public async Task A_path_with_a_nul_is_refused_by_the_server_before_the_application(string path)
    {
        using var client = servers.Client();
        using var response = await client.GetAsync(path, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("POST", "/api/overview")]
    [InlineData("DELETE", "/api/facts")]
    [InlineData("PUT", "/documents/x")]
    public async Task A_wrong_method_is_refused_with_a_message(string method, string path)
    {
        using var client = servers.Client();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("not allowed", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Uploads_are_refused_when_the_server_was_not_told_to_allow_them()
    {
        using var client = servers.Client();
        using var content = new MultipartFormDataContent { { new ByteArrayContent("深圳人工智能产业规模达3600亿元"u8.ToArray()), "files", "a.txt" } };
        using var response = await client.PostAsync("/api/upload", content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("E0603", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        using var page = await client.GetAsync("/upload", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("--allow-upload", await page.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("127.0.0.1.nip.io")]
    public async Task A_host_name_other_than_loopback_is_refused_against_dns_rebinding(string host)
    {
        using var client = servers.Client();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/overview");
        request.Headers.Host = host;
        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("E0606", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
