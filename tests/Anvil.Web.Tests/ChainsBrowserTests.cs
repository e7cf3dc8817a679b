using Anvil.Web.Tests.Support;
using Microsoft.Playwright;

namespace Anvil.Web.Tests;

/// <summary>The chains page in Debian's Chromium over the seed knowledge base: the matrix, the evidence, a shock from the form, at desktop and phone width.</summary>
public sealed class ChainsBrowserTests(Servers servers, Browser browser)
{
    [Fact]
    public async Task Chains_shows_the_matrix_with_evidence_and_a_shock_from_the_form()
    {
        if (!servers.HasSeed)
        {
            Assert.Skip("../shared/seeds is not present; this check is on the seed article");
        }

        var page = await browser.RequireAsync(servers.ReadOnlyUrl);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                errors.Add($"{r.Status} {r.Url}");
            }
        };
        await page.GotoAsync("/chains");

        var shenzhen = page.Locator("table.chains-matrix tbody tr[data-city='深圳']");
        foreach (var stage in new[] { "电池", "电机", "电控" })
        {
            var cell = shenzhen.Locator($"td[data-chain=nev][data-stage='{stage}']");
            Assert.Contains("covered", await cell.GetAttributeAsync("class"));
            Assert.Contains("比亚迪", await cell.Locator("a").GetAttributeAsync("title"));
        }

        var chips = shenzhen.Locator("td[data-chain=ai][data-stage='芯片'] a");
        Assert.Contains("华为", await chips.GetAttributeAsync("title"));
        await Browser.ShotAsync(page, "chains", fullPage: false);

        // the count leads to its evidence, which leads to the document
        await chips.ClickAsync();
        var evidence = page.Locator("li.stage-evidence:target");
        await Assertions.Expect(evidence).ToContainTextAsync("华为");
        Assert.StartsWith("/documents/", await evidence.Locator("q a").First.GetAttributeAsync("href"));
        await Assertions.Expect(evidence.Locator("div.supplier .basis").First).ToContainTextAsync("深圳");

        await page.FillAsync("form.shock input[name=cut]", "芯片");
        await page.FillAsync("form.shock input[name=outside]", "深圳");
        await page.Locator("form.shock button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/chains?*#shock");
        var hangzhou = page.Locator("table.shock tbody tr[data-city='杭州']", new() { HasText = "人工智能" });
        Assert.Equal("lost", await hangzhou.Locator("td[data-h=outcome]").InnerTextAsync());
        Assert.Contains("华为 (深圳)", await hangzhou.Locator("td[data-h='cut off from']").InnerTextAsync());
        await Assertions.Expect(page.Locator("ul.lost")).ToContainTextAsync("杭州 loses 芯片 in 人工智能");
        await Browser.ShotAsync(page, "chains-shock", fullPage: false);

        // at phone width: a card per city, nothing wider than the screen
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync("/chains?cut=芯片&outside=深圳");
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "the page is wider than a 390 px phone");
        await Browser.ShotAsync(page, "chains-phone", fullPage: false);
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }
}
