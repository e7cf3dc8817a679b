using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Anvil.Cli.Tests;
using Anvil.Web.Tests.Support;

namespace Anvil.Web.Tests;

/// <summary>The verb as a user runs it: the real anvil.dll in a child process.</summary>
public sealed partial class ServeCommandTests(Servers servers)
{
    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/", RegexOptions.None, 1000)]
    private static partial Regex Url();

    [Fact]
    public async Task Serve_prints_the_loopback_address_it_listens_on_and_answers_there()
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            WorkingDirectory = servers.Folder,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "anvil.dll"), "serve", "--db", servers.Database, "--urls", "http://127.0.0.1:0" })
        {
            psi.ArgumentList.Add(a);
        }

        using var process = Process.Start(psi)!;
        try
        {
            var line = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            Assert.NotNull(line);
            Assert.Contains("uploads off", line);
            var url = Url().Match(line).Value;
            Assert.NotEmpty(url);
            using var client = new HttpClient { BaseAddress = new Uri(url) };
            var overview = await client.JsonAsync("/api/overview");
            Assert.True(overview.GetProperty("counts").GetProperty("documents").GetInt64() > 0);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
    }

    [Theory]
    [InlineData("https://127.0.0.1:5080")]
    [InlineData("ftp://127.0.0.1")]
    [InlineData("http://127.0.0.1:5080/sub/path")]
    [InlineData("not a url")]
    public void Serve_refuses_an_address_it_cannot_listen_on(string urls)
    {
        var result = AnvilProcess.Run(["serve", "--db", servers.Database, "--urls", urls], timeoutSeconds: 60);
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("E0600", result.Stdout + result.Stderr);
    }

    [Fact]
    public void Serve_without_a_knowledge_base_says_to_ingest_first()
    {
        var result = AnvilProcess.Run(["serve", "--db", Path.Combine(servers.Folder, "missing.db"), "--urls", "http://127.0.0.1:0"], timeoutSeconds: 60);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("E0404", result.Stderr);
        Assert.Contains("anvil ingest", result.Stderr);
    }
}
