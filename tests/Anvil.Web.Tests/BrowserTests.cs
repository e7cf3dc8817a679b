using Anvil.Web.Tests.Support;
using Microsoft.Playwright;

namespace Anvil.Web.Tests;

/// <summary>
/// Each page's main interaction in a real browser (Debian's Chromium), on a desktop and at phone width (390 px), with a
/// screenshot of each in <c>screenshots/</c>. Any script error, and any dialog a document could open, fails the test.
/// </summary>
public sealed class BrowserTests(Servers servers, Browser browser)
{
    private async Task<IPage> OpenAsync(string path, bool phone = false, bool uploads = false)
    {
        var page = await browser.RequireAsync(uploads ? servers.UploadUrl : servers.ReadOnlyUrl, phone);
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        page.Dialog += (_, d) => errors.Add("dialog opened: " + d.Message);
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                errors.Add($"{r.Status} {r.Url}");
            }
        };
        _errors[page] = errors;
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        return page;
    }

    private readonly Dictionary<IPage, List<string>> _errors = [];

    private async Task DoneAsync(IPage page)
    {
        Assert.Empty(_errors[page]);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__xss"));
        await page.Context.CloseAsync();
    }

    /// <summary>At phone width nothing may be wider than the screen.</summary>
    private static async Task NoSidewaysScrollAsync(IPage page) =>
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            "the page is wider than a 390 px phone");

    [Fact]
    public async Task Overview_shows_counts_and_leads_to_a_place()
    {
        var page = await OpenAsync("/");
        Assert.Contains("documents", await page.Locator(".counts").InnerTextAsync());
        await Browser.ShotAsync(page, "overview");
        await page.Locator("ol.ranked a", new() { HasText = "深圳" }).First.ClickAsync();
        await page.WaitForURLAsync("**/entities/*");
        Assert.Equal("深圳", await page.Locator("h1").InnerTextAsync());
        await DoneAsync(page);
    }

    [Fact]
    public async Task Compare_shows_shenzhen_against_hangzhou_with_quotes_and_bar_charts()
    {
        var page = await OpenAsync("/compare");
        var ticked = page.Locator("input[name=subject][type=checkbox]:checked");
        while (await ticked.CountAsync() > 0)
        {
            await ticked.First.UncheckAsync();
        }

        await page.Locator("label.choice", new() { HasText = "深圳" }).Locator("input").CheckAsync();
        await page.Locator("label.choice", new() { HasText = "杭州" }).Locator("input").CheckAsync();
        await page.Locator("form.picker button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/compare?*");
        Assert.Equal(["indicator", "scope", "kind", "period", "unit", "深圳", "杭州", "chart"], await page.Locator("table.compare:not(.apart) thead th").AllInnerTextsAsync());
        Assert.True(await page.Locator("svg.chart.bars").CountAsync() > 0);
        if (servers.HasSeed)
        {
            var row = page.Locator("table.compare:not(.apart) tbody tr", new() { HasText = "民营企业" }).Filter(new() { HasText = "企业数量" });
            var text = await row.InnerTextAsync();
            Assert.Contains(">254万", text);
            Assert.Contains("深圳民營企業數量超過254萬", text);
            Assert.Contains("≈90万", text);
            Assert.Contains("杭州市的民營企業有約90萬家", text);
            var bars = page.Locator("svg.chart.bars", new() { Has = page.Locator("title", new() { HasText = "企业数量 民营企业" }) });
            Assert.Equal(2, await bars.First.Locator("rect").CountAsync());
            await Browser.ShotAsync(page, "compare");

            // a quote leads to its place in the document, highlighted, with its record shown
            await row.Locator("blockquote a", new() { HasText = "254萬" }).ClickAsync();
            await page.WaitForURLAsync("**/documents/**#r-f*");
            await Assertions.Expect(page.Locator("#detail .record.fact")).ToContainTextAsync("254万");
            Assert.True(await page.Locator("a.hl.active").CountAsync() > 0);
        }
        else
        {
            await Browser.ShotAsync(page, "compare");
        }

        await DoneAsync(page);
    }

    [Fact]
    public async Task Facts_filter_sort_page_and_export()
    {
        var page = await OpenAsync("/facts");
        await page.FillAsync("input[name=subject]", "深圳市");
        await page.SelectOptionAsync("select[name=sort]", "value");
        await page.SelectOptionAsync("select[name=order]", "desc");
        await page.FillAsync("input[name=page_size]", "5");
        await page.Locator("form.filters button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/facts?*");
        var subjects = await page.Locator("table.facts tbody td[data-h=subject]").AllInnerTextsAsync();
        Assert.Equal(5, subjects.Count);
        Assert.All(subjects, s => Assert.Equal("深圳", s));
        await Browser.ShotAsync(page, "facts");
        await page.Locator("nav.pager a.next").ClickAsync();
        await page.WaitForURLAsync("**page=2*");
        Assert.Contains("page 2 of", await page.Locator("p.summary").InnerTextAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a.export", new() { HasText = "CSV" }).ClickAsync());
        Assert.Equal("anvil-facts.csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync(await download.PathAsync(), TestContext.Current.CancellationToken);
        var csv = System.Text.Encoding.UTF8.GetString(bytes);
        Assert.StartsWith("\uFEFFsubject,", csv);
        Assert.Contains("深圳", csv);
        var xlsx = await page.RunAndWaitForDownloadAsync(() => page.Locator("a.export", new() { HasText = "XLSX" }).ClickAsync());
        Assert.Equal("anvil-facts.xlsx", xlsx.SuggestedFilename);
        await DoneAsync(page);
    }

    [Fact]
    public async Task Document_highlights_the_seed_figures_and_a_click_shows_the_record()
    {
        var key = servers.HasSeed ? "000_aa59eec68af4f562" : "sz-ai-industry-2025";
        var page = await OpenAsync("/documents/" + key);
        var facts = page.Locator("#text a.hl.f");
        Assert.True(await facts.CountAsync() > 10);
        Assert.True(await page.Locator("#text a.hl.e.t-place").CountAsync() > 0);
        if (servers.HasSeed)
        {
            var figure = page.Locator("#text a.hl.f", new() { HasText = "2236.6億元" }).First;
            await figure.ClickAsync();
            await Assertions.Expect(page.Locator("#detail .record.fact")).ToContainTextAsync("全社会研发投入");
            Assert.True(await page.Locator("#text .bp").CountAsync() > 0, "the seed's scrape residue is greyed");
        }
        else
        {
            await facts.First.ClickAsync();
            await Assertions.Expect(page.Locator("#detail .record").First).ToBeVisibleAsync();
        }

        await Browser.ShotAsync(page, "document");
        var place = page.Locator("#text a.hl.t-place").First;
        await place.ClickAsync();
        await Assertions.Expect(page.Locator("#detail .record.entity").First).ToBeVisibleAsync();
        await DoneAsync(page);
    }

    [Fact]
    public async Task A_document_holding_script_and_markup_shows_them_as_text()
    {
        var page = await OpenAsync("/documents/" + Servers.HostileKey);
        var text = await page.Locator("#text").InnerTextAsync();
        Assert.Contains("<script>window.__xss=1;alert('xss')</script>", text);
        Assert.Contains("<img src=x onerror=\"window.__xss=2\">", text);
        Assert.Contains("<a href=\"javascript:window.__xss=3\">点此查看</a>", text);
        Assert.StartsWith("𠀀深圳", text);
        Assert.Equal(0, await page.Locator("main script, main img, main a[href^='javascript']").CountAsync());
        Assert.Contains("<script>", await page.Locator("h1").InnerTextAsync());
        await page.Locator("#text a.hl", new() { HasText = "3600亿元" }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#detail .record.fact")).ToContainTextAsync("3600亿");
        await Browser.ShotAsync(page, "document-hostile");
        await DoneAsync(page);
    }

    [Fact]
    public async Task Entity_shows_a_line_over_time_a_relation_graph_and_its_documents()
    {
        var page = await OpenAsync("/entities?name=深圳");
        await page.WaitForURLAsync("**/entities/*");
        Assert.Equal("place", await page.Locator(".meta .key").InnerTextAsync());
        var gdp = page.Locator("figure", new() { Has = page.Locator("figcaption", new() { HasText = "地区生产总值 · value" }) });
        Assert.True(await gdp.Locator("svg.chart.line circle").CountAsync() >= 3); // 2021, 2022, 2023 (and 2024 from the samples)
        Assert.Contains("2021", await gdp.Locator("svg").TextContentAsync());
        Assert.Equal(1, await page.Locator("svg.chart.graph").CountAsync());
        Assert.True(await page.Locator("ul.documents li").CountAsync() > 0);
        await Browser.ShotAsync(page, "entity");
        await page.Locator("ul.documents a").First.ClickAsync();
        await page.WaitForURLAsync("**/documents/*");
        await DoneAsync(page);
    }

    [Fact]
    public async Task Documents_and_an_entitys_facts_are_paged_through_with_the_pager()
    {
        var page = await OpenAsync("/documents?page_size=2");
        Assert.Equal(2, await page.Locator("ul.documents li").CountAsync());
        var first = await page.Locator("ul.documents a").First.InnerTextAsync();
        await page.Locator("nav.pager a.next").ClickAsync();
        await page.WaitForURLAsync("**/documents?page_size=2&page=2");
        Assert.StartsWith("page 2 of ", await page.Locator("nav.pager span").InnerTextAsync());
        Assert.InRange(await page.Locator("ul.documents li").CountAsync(), 1, 2);
        Assert.NotEqual(first, await page.Locator("ul.documents a").First.InnerTextAsync());

        await page.GotoAsync("/entities?name=深圳");
        await page.WaitForURLAsync("**/entities/*");
        var entity = page.Url;
        await page.GotoAsync(entity + "?page_size=2");
        Assert.Equal(2, await page.Locator("table.facts tbody tr").CountAsync());
        await page.Locator("nav.pager a.next").ClickAsync();
        await page.WaitForURLAsync(entity + "?page_size=2&page=2");
        Assert.InRange(await page.Locator("table.facts tbody tr").CountAsync(), 1, 2);
        Assert.Equal(1, await page.Locator("svg.chart.graph").CountAsync()); // the rest of the entity page is on every page
        await Browser.ShotAsync(page, "entity-page-2");
        await DoneAsync(page);
    }

    [Fact]
    public async Task Conflicts_put_both_quotes_side_by_side_linked_to_their_documents()
    {
        var page = await OpenAsync("/conflicts");
        if (!servers.HasSeed)
        {
            await DoneAsync(page);
            Assert.Skip("../shared/seeds is not present; the samples alone state no conflicting figures");
        }

        var conflict = page.Locator("article.conflict", new() { HasText = "全社会研发投入" }).First;
        Assert.Equal(2, await conflict.Locator(".side blockquote a").CountAsync());
        await Browser.ShotAsync(page, "conflicts");
        await conflict.Locator(".side blockquote a").Nth(1).ClickAsync();
        await page.WaitForURLAsync("**/documents/**#r-f*");
        await Assertions.Expect(page.Locator("#detail .record.fact")).ToContainTextAsync("全社会研发投入");
        await DoneAsync(page);
    }

    [Fact]
    public async Task Upload_shows_progress_and_links_the_new_document()
    {
        var page = await OpenAsync("/upload", uploads: true);
        await page.SetInputFilesAsync("input[type=file]", new FilePayload
        {
            Name = "浏览器上传.txt",
            MimeType = "text/plain",
            Buffer = "2025年2月，杭州人工智能企业超过2100家，同比增长约12%。"u8.ToArray(),
        });
        await page.Locator("form#upload button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("#upload-progress .status")).ToContainTextAsync("Done: 1 new document(s)", new() { Timeout = 20_000 });
        Assert.Equal(100, await page.Locator("#upload-progress progress").EvaluateAsync<double>("p => p.value"));
        await Browser.ShotAsync(page, "upload");
        await page.Locator("#upload-progress .results a", new() { HasText = "浏览器上传" }).ClickAsync();
        await page.WaitForURLAsync("**/documents/*");
        Assert.True(await page.Locator("#text a.hl.f").CountAsync() > 0);
        await DoneAsync(page);
    }

    [Theory]
    [InlineData("/", "phone-overview")]
    [InlineData("/compare?subject=深圳&subject=杭州", "phone-compare")]
    [InlineData("/facts?subject=杭州", "phone-facts")]
    [InlineData("/conflicts", "phone-conflicts")]
    [InlineData("/entities?name=深圳", "phone-entity")]
    public async Task Pages_fit_a_phone(string path, string shot)
    {
        var page = await OpenAsync(path, phone: true);
        await NoSidewaysScrollAsync(page);
        await Browser.ShotAsync(page, shot);
        await DoneAsync(page);
    }

    [Fact]
    public async Task On_a_phone_the_record_of_a_highlight_opens_as_a_sheet()
    {
        var key = servers.HasSeed ? "000_aa59eec68af4f562" : "sz-ai-industry-2025";
        var page = await OpenAsync("/documents/" + key, phone: true);
        await NoSidewaysScrollAsync(page);
        Assert.False(await page.Locator("#detail").IsVisibleAsync());
        await page.Locator("#text a.hl.f").First.TapAsync();
        await Assertions.Expect(page.Locator("#detail")).ToBeVisibleAsync();
        await Browser.ShotAsync(page, "phone-document", fullPage: false);
        await page.Locator("#detail button.close").TapAsync();
        await Assertions.Expect(page.Locator("#detail")).ToBeHiddenAsync();
        await DoneAsync(page);
    }

    [Fact]
    public async Task Chinese_is_drawn_with_a_cjk_font()
    {
        var page = await OpenAsync("/");
        Assert.Equal("UTF-8", await page.EvaluateAsync<string>("() => document.characterSet"));
        var family = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
        Assert.Contains("WenQuanYi Micro Hei", family);
        if (File.Exists("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"))
        {
            Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('16px \"WenQuanYi Micro Hei\"', '深圳')"));
        }

        await DoneAsync(page);
    }
}
