using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Anvil.Web.Tests.Support.Browser))]

namespace Anvil.Web.Tests.Support;

/// <summary>
/// Debian's Chromium, driven by Playwright (never a downloaded browser), launched once for the whole run. Tests call
/// <see cref="RequireAsync"/>, which skips with a message where <c>/usr/bin/chromium</c> is absent. Screenshots go to
/// <c>screenshots/</c> in the test output folder, or to <c>$ANVIL_TEST_SCREENSHOTS</c> (<c>.ci/run</c> sets
/// <c>TestResults/screenshots</c>, the folder a CI job keeps as the run's artefacts).
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    public const string Executable = "/usr/bin/chromium";

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public static string Screenshots { get; } = Environment.GetEnvironmentVariable("ANVIL_TEST_SCREENSHOTS") is { Length: > 0 } kept
        ? Path.GetFullPath(kept)
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Executable))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-dev-shm-usage"],
        });
        Directory.CreateDirectory(Screenshots);
    }

    /// <summary>A fresh page (its own context) at a desktop or phone size; skips the test without Chromium.</summary>
    public async Task<IPage> RequireAsync(Uri baseUrl, bool phone = false)
    {
        if (_browser is null)
        {
            Assert.Skip($"{Executable} is not installed (apt-get install chromium fonts-wqy-microhei); the browser tests need it");
        }

        var context = await _browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl.ToString(),
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            DeviceScaleFactor = phone ? 2 : 1,
            IsMobile = phone,
            HasTouch = phone,
            Locale = "zh-CN",
            AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        // a bound for a page that never comes, not a speed check: on a 2-core CI machine running the store tests
        // beside these, a cold page and Chromium's own start have taken over 10 s (timed checks belong in bench/)
        page.SetDefaultTimeout(30_000);
        return page;
    }

    /// <summary>Saves a screenshot of the page, at most its first 3000 CSS pixels (long pages make images too tall to look at).</summary>
    public static async Task ShotAsync(IPage page, string name, bool fullPage = true)
    {
        var height = fullPage ? await page.EvaluateAsync<double>("() => document.documentElement.scrollHeight") : page.ViewportSize!.Height;
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(Screenshots, name + ".png"),
            FullPage = fullPage,
            Clip = fullPage ? new Clip { X = 0, Y = 0, Width = page.ViewportSize!.Width, Height = (float)Math.Min(height, 3000) } : null,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
