using System.Net;
using System.Text.Json;
using Anvil.Web.Tests.Support;

namespace Anvil.Web.Tests;

/// <summary>Uploads on a server started with --allow-upload (limit 1 MB): stored like ingest, limited in size and type, same-site only.</summary>
public sealed class UploadTests(Servers servers)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static MultipartFormDataContent Files(params (string Name, byte[] Bytes)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, bytes) in files)
        {
            content.Add(new ByteArrayContent(bytes), "files", name);
        }

        return content;
    }

    private static async Task<JsonElement> WaitAsync(HttpClient client, string id)
    {
        for (int i = 0; i < 200; i++)
        {
            var status = await client.JsonAsync("/api/upload/" + id);
            if (status.GetProperty("state").GetString() is "done" or "failed")
            {
                return status;
            }

            await Task.Delay(50, Token);
        }

        throw new TimeoutException("the upload did not finish in 10 s");
    }

    [Fact]
    public async Task An_upload_is_ingested_and_its_document_is_served()
    {
        using var client = servers.Client(uploads: true);
        using var content = Files(("上传-深圳报告.txt", "2025年1月，深圳人工智能企业超过3200家，产业规模达4100亿元。"u8.ToArray()),
            ("binary.txt", [0x00, 0x01, 0x02, 0xFF, 0x00, 0x00, 0x10, 0x00]));
        using var response = await client.PostAsync("/api/upload", content, Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!;
        Assert.Equal("/api/upload/" + id, response.Headers.Location?.ToString());

        var status = await WaitAsync(client, id);
        Assert.Equal("done", status.GetProperty("state").GetString());
        Assert.Equal(2, status.GetProperty("files").GetInt32());
        Assert.Equal(["上传-深圳报告"], status.GetProperty("documents").EnumerateArray().Select(d => d.GetString()));
        var failure = status.GetProperty("failures").EnumerateArray().Single();
        Assert.Equal("binary.txt", failure.GetProperty("file").GetString());
        Assert.StartsWith("E02", failure.GetProperty("code").GetString()); // the reader's own refusal, as for anvil ingest

        var doc = await client.JsonAsync("/api/documents/" + Uri.EscapeDataString("上传-深圳报告"));
        Assert.Contains(doc.GetProperty("facts").EnumerateArray(), f => f.GetProperty("value").GetDouble() == 410_000_000_000);
    }

    [Fact]
    public async Task Without_script_the_form_posts_and_lands_on_a_status_page()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = servers.UploadUrl };
        using var content = Files(("无脚本上传.md", "# 标题\n\n2024年，杭州数字经济核心产业增加值达5675亿元。"u8.ToArray()));
        using var response = await client.PostAsync("/upload", content, Token);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.Matches("^/upload/[0-9a-f]{32}$", location);
        await WaitAsync(client, location["/upload/".Length..]);
        var page = await client.PageAsync(location);
        Assert.Contains("Done: 1 new document(s)", page);
        Assert.Contains("href=\"/documents/%E6%97%A0%E8%84%9A%E6%9C%AC%E4%B8%8A%E4%BC%A0\"", page);
    }

    [Fact]
    public async Task An_upload_over_the_limit_is_refused_before_it_is_stored()
    {
        using var client = servers.Client(uploads: true);
        // a client that asks first (Expect: 100-continue) hears the refusal before it sends the body; the page's script
        // checks the size before it sends
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/upload") { Content = Files(("big.txt", new byte[1_200_000])) };
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("E0604", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Too_many_files_are_refused()
    {
        using var client = servers.Client(uploads: true);
        using var content = Files([.. Enumerable.Range(0, 21).Select(i => ($"f{i}.txt", "深圳"u8.ToArray()))]);
        using var response = await client.PostAsync("/api/upload", content, Token);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("payload.exe")]
    [InlineData("script.js")]
    [InlineData("page.svg")]
    [InlineData("noextension")]
    public async Task A_file_of_a_type_anvil_does_not_read_is_refused(string name)
    {
        using var client = servers.Client(uploads: true);
        using var content = Files((name, "深圳"u8.ToArray()));
        using var response = await client.PostAsync("/api/upload", content, Token);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("E0605", await response.Content.ReadAsStringAsync(Token));
    }

    [Fact]
    public async Task Something_that_is_not_a_file_upload_is_refused()
    {
        using var client = servers.Client(uploads: true);
        using var json = new StringContent("{\"files\":[]}", System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/upload", json, Token);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        using var empty = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        using var none = await client.PostAsync("/api/upload", empty, Token);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        using var badDate = Files(("a.txt", "深圳"u8.ToArray()));
        badDate.Add(new StringContent("yesterday"), "date");
        using var dated = await client.PostAsync("/api/upload", badDate, Token);
        Assert.Equal(HttpStatusCode.BadRequest, dated.StatusCode);
    }

    [Theory]
    [InlineData("Origin", "http://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    [InlineData("Sec-Fetch-Site", "same-site")]
    public async Task A_post_from_another_site_is_refused(string header, string value)
    {
        using var client = servers.Client(uploads: true);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/upload") { Content = Files(("a.txt", "深圳"u8.ToArray())) };
        request.Headers.TryAddWithoutValidation(header, value);
        using var response = await client.SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("E0606", await response.Content.ReadAsStringAsync(Token));
    }
}
