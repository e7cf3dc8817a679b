using Anvil.Web.Tests.Support;
using Microsoft.Playwright;

namespace Anvil.Web.Tests;

/// <summary>
/// The dashboard as people would rather look at it, in Debian's Chromium: search from any page, facts sorted by a
/// header and narrowed by facets, charts whose lines join figures of one period basis with readable text, compare bars
/// beside their rows, aliases one by one, relations flagged wrong, the chains matrix scrolling in its frame, figures
/// written as analysts write them. Screenshots go to <c>screenshots/</c> beside the tests, as the other browser tests'.
/// </summary>
public sealed class DashboardBrowserTests(Servers servers, Browser browser)
{
    private readonly Dictionary<IPage, List<string>> _errors = [];

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
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                errors.Add($"{r.Status} {r.Url}");
            }
        };
        _errors[page] = errors;
        Assert.NotNull(await page.GotoAsync(path));
        return page;
    }

    private async Task DoneAsync(IPage page)
    {
        Assert.Empty(_errors[page]);
        await page.Context.CloseAsync();
    }

    /// <summary>The smallest size any chart text is drawn at, in CSS pixels: its font size times the scale of its drawing.</summary>
    private static Task<double> SmallestChartTextAsync(IPage page) => page.EvaluateAsync<double>("""
        () => {
          let smallest = 1000;
          for (const svg of document.querySelectorAll('svg.chart')) {
            const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
            for (const t of svg.querySelectorAll('text')) {
              smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
            }
          }
          return smallest;
        }
        """);

    [Fact]
    public async Task Every_page_links_the_documents_and_searches_in_either_script_with_matches_marked()
    {
        foreach (var path in new[] { "/", "/documents", "/search?q=深圳", "/facts", "/compare", "/conflicts", "/chains", "/entities?name=深圳", "/documents/" + Servers.HostileKey })
        {
            var visit = await OpenAsync(path);
            Assert.Equal(1, await visit.Locator("header nav a[href='/documents']").CountAsync());
            Assert.Equal(1, await visit.Locator(path.StartsWith("/search", StringComparison.Ordinal)
                ? "form.search-page input[name=q]" // the search page's own box stands in for the header's
                : "header form.search input[name=q]").CountAsync());
            await DoneAsync(visit);
        }

        var upload = await OpenAsync("/upload", uploads: true);
        Assert.Equal(1, await upload.Locator("header nav a[href='/documents']").CountAsync());
        await DoneAsync(upload);

        // Traditional typed, Simplified found (the hostile document writes 人工智能产业), every occurrence marked
        var page = await OpenAsync("/");
        await page.FillAsync("header form.search input[name=q]", "人工智能產業");
        await page.Locator("header form.search button").ClickAsync();
        await page.WaitForURLAsync("**/search?q=*");
        var hit = page.Locator("li.hit", new() { Has = page.Locator($"a.title[href='/documents/{Servers.HostileKey}']") });
        Assert.Equal(1, await hit.CountAsync());
        Assert.Contains("人工智能产业", await hit.Locator("mark").AllInnerTextsAsync());
        Assert.Contains("</script>", await hit.Locator(".passage").InnerTextAsync()); // the passage is text, never markup
        await Browser.ShotAsync(page, "search");

        if (servers.HasSeed)
        {
            // Simplified typed, the seed's Traditional found and marked as it is written
            await page.FillAsync("form.search-page input[name=q]", "民营企业 深圳");
            await page.Locator("form.search-page button").ClickAsync();
            await page.WaitForURLAsync("**/search?q=*");
            var marks = await page.Locator("li.hit mark").AllInnerTextsAsync();
            Assert.Contains("民營企業", marks);
        }

        await page.Locator("li.hit a.title").First.ClickAsync();
        await page.WaitForURLAsync("**/documents/*");
        await page.Locator("header nav a[href='/documents']").ClickAsync();
        await page.WaitForURLAsync("**/documents");
        Assert.True(await page.Locator("ul.documents li").CountAsync() >= 5);
        await DoneAsync(page);
    }

    [Fact]
    public async Task Facts_sort_by_a_header_narrow_by_facets_with_counts_and_link_subjects_and_indicators()
    {
        var page = await OpenAsync("/facts");
        foreach (var facet in new[] { "subject", "indicator", "period", "kind", "source" })
        {
            Assert.True(await page.Locator($"aside.facets section[data-facet={facet}] li").CountAsync() > 0, facet);
        }

        await Browser.ShotAsync(page, "facts-facets");

        // a facet value narrows to as many facts as it counts
        var shenzhen = page.Locator("aside.facets section[data-facet=subject] li", new() { Has = page.Locator("a", new() { HasTextString = "深圳" }) }).First;
        int count = int.Parse(await shenzhen.Locator(".facet-count").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
        await shenzhen.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/facts?*subject=*");
        Assert.StartsWith($"{count} facts", await page.Locator("p.summary").InnerTextAsync());
        Assert.All(await page.Locator("table.facts tbody td[data-h=subject]").AllInnerTextsAsync(), s => Assert.Equal("深圳", s));
        Assert.Equal("深圳", await page.Locator("aside.facets section[data-facet=subject] .chosen strong").InnerTextAsync());

        // a header sorts; the same header again sorts the other way
        await page.Locator("th[data-sort=value] a").ClickAsync();
        await page.WaitForURLAsync("**sort=value*");
        Assert.Equal("ascending", await page.Locator("th[data-sort=value]").GetAttributeAsync("aria-sort"));
        Assert.Contains("subject=", page.Url); // the filters stay
        await page.Locator("th[data-sort=value] a").ClickAsync();
        await page.WaitForURLAsync("**order=desc*");
        Assert.Equal("descending", await page.Locator("th[data-sort=value]").GetAttributeAsync("aria-sort"));
        await Browser.ShotAsync(page, "facts-sorted");

        // figures as analysts write them; a subject leads to its entity, an indicator to its facts
        await page.GotoAsync("/facts?doc=" + Servers.HostileKey);
        var values = await page.Locator("table.facts tbody td[data-h=value]").AllInnerTextsAsync();
        Assert.Contains("3600亿元", values);
        Assert.Contains("≈+35%", values);
        Assert.Contains("5675亿元", values);
        await page.Locator("table.facts tbody td[data-h=indicator] a").First.ClickAsync();
        await page.WaitForURLAsync("**/facts?indicator=*");
        await page.GoBackAsync();
        await page.Locator("table.facts tbody td[data-h=subject] a", new() { HasTextString = "深圳" }).First.ClickAsync();
        await page.WaitForURLAsync("**/entities/*");
        Assert.Equal("深圳", await page.Locator("h1").InnerTextAsync());
        await DoneAsync(page);
    }

    [Theory]
    [InlineData(false, "entity-charts")]
    [InlineData(true, "phone-entity-charts")]
    public async Task Entity_charts_keep_each_period_basis_on_its_own_line_with_axes_and_readable_text(bool phone, string shot)
    {
        var page = await OpenAsync("/entities?name=深圳", phone);
        await page.WaitForURLAsync("**/entities/*");
        var gdp = page.Locator("figure", new() { Has = page.Locator("figcaption", new() { HasTextString = "地区生产总值 · value" }) }).First;
        var lines = gdp.Locator("svg.chart.line polyline");
        var bases = await lines.EvaluateAllAsync<string[]>("ls => ls.map(l => l.getAttribute('data-basis'))");
        Assert.Contains("yearly", bases);
        Assert.Contains("half-yearly", bases);
        Assert.Equal(bases.Length, bases.Distinct().Count()); // one line per basis
        // the points a line joins are the dots of its basis: never a half-year value joined to a year's
        foreach (var basis in bases)
        {
            var joined = await gdp.Locator($"polyline[data-basis='{basis}']").GetAttributeAsync("points");
            var dots = await gdp.Locator($"g.point[data-basis='{basis}'] circle").EvaluateAllAsync<string[]>(
                "cs => cs.map(c => c.getAttribute('cx') + ',' + c.getAttribute('cy'))");
            Assert.All(joined!.Split(' '), p => Assert.Contains(p, dots));
        }

        var ticks = await gdp.Locator("text.tick.y").AllTextContentsAsync();
        Assert.Contains(ticks, t => t.EndsWith("亿元", StringComparison.Ordinal)); // the y axis in the unit, as analysts write it
        Assert.Contains("2021", await gdp.Locator("text.tick.x").AllTextContentsAsync());
        Assert.Equal(bases.Length, await gdp.Locator("text.legend-label").CountAsync());
        Assert.True(await SmallestChartTextAsync(page) >= 11, $"chart text drawn at {await SmallestChartTextAsync(page):0.0} px");
        await gdp.ScrollIntoViewIfNeededAsync();
        await Browser.ShotAsync(page, shot);
        await DoneAsync(page);
    }

    [Fact]
    public async Task Compare_draws_each_rows_bars_beside_it_with_readable_text()
    {
        var page = await OpenAsync("/compare?subject=深圳&subject=杭州");
        var rows = page.Locator("table.compare:not(.apart) tbody tr");
        int n = await rows.CountAsync();
        Assert.True(n > 0);
        Assert.Equal(n, await rows.Locator("td.chart svg.chart.bars").CountAsync());
        Assert.Equal("chart", await page.Locator("table.compare:not(.apart) thead th").Last.InnerTextAsync());
        // a figure and how many documents state it never run together (≈+30%1 document reads as another number)
        var gaps = await page.Locator("table.compare td.cell .figure").EvaluateAllAsync<double[]>("""
            fs => fs.map(f => {
              const v = f.querySelector('.value').getBoundingClientRect(), s = f.querySelector('.summary').getClientRects()[0]; // its first line
              return s.top >= v.bottom - 1 ? 100 : s.left - v.right;
            })
            """);
        Assert.NotEmpty(gaps);
        Assert.All(gaps, g => Assert.True(g >= 4, $"the summary starts {g:0.0} px after the figure"));
        Assert.True(await SmallestChartTextAsync(page) >= 11, $"chart text drawn at {await SmallestChartTextAsync(page):0.0} px");
        await Browser.ShotAsync(page, "compare-rows");
        await DoneAsync(page);
    }

    [Fact]
    public async Task Entity_lists_aliases_apart_and_a_relation_flagged_wrong_stays_flagged()
    {
        // the upload server's knowledge base: the flag is a write, and the read-only one stays as the other tests expect it
        var page = await OpenAsync("/entities?name=華為", uploads: true);
        await page.WaitForURLAsync("**/entities/*");
        var entity = page.Url;
        var aliases = await page.Locator("dl.aliases li.alias").AllInnerTextsAsync();
        Assert.True(aliases.Count >= 2, "华为 has a lexicon alias and is written 華為 in the samples");
        Assert.Contains("華為", aliases);
        Assert.DoesNotContain("华为", aliases); // its name is the title, not an alias
        Assert.Equal(aliases.Count, aliases.Distinct().Count());
        Assert.Equal(aliases.Count, await page.Locator("dl.aliases li.alias").EvaluateAllAsync<int>("ls => ls.filter(l => l.children.length === 0).length"));

        var relation = page.Locator("ul.relations li.relation").First;
        var id = await relation.GetAttributeAsync("id");
        Assert.True(await relation.Locator("blockquote a").CountAsync() == 1, "a relation shows its quote, linked to its document");
        await relation.Locator("form.flag button").ClickAsync();
        await page.WaitForURLAsync($"**#{id}");
        var flagged = page.Locator($"li#{id}");
        await Assertions.Expect(flagged).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("flagged"));
        Assert.Contains("flagged wrong", await flagged.InnerTextAsync());
        await Browser.ShotAsync(page, "entity-flagged");

        await page.GotoAsync(entity);
        Assert.Contains("flagged wrong", await page.Locator($"li#{id}").InnerTextAsync()); // stored: it survives a reload
        using (var client = servers.Client(uploads: true))
        {
            var api = await client.JsonAsync(new Uri(entity).AbsolutePath.Replace("/entities/", "/api/entities/", StringComparison.Ordinal));
            Assert.Contains(api.GetProperty("relations").EnumerateArray(), r => "r-r" + r.GetProperty("id").GetInt64() == id && r.GetProperty("flagged_wrong").GetBoolean());
        }

        await page.Locator($"li#{id} form.flag button").ClickAsync();
        await page.WaitForURLAsync($"**#{id}");
        Assert.DoesNotContain("flagged wrong", await page.Locator($"li#{id}").InnerTextAsync());
        await DoneAsync(page);
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(900)]
    public async Task The_chains_matrix_scrolls_inside_its_frame(int width)
    {
        if (!servers.HasSeed)
        {
            Assert.Skip("../shared/seeds is not present; the chains matrix is drawn from the seed article");
        }

        var page = await OpenAsync("/chains");
        await page.SetViewportSizeAsync(width, 900);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"the page is wider than the {width} px window");
        var frame = page.Locator(".matrix-scroll");
        Assert.True(await frame.EvaluateAsync<bool>("f => f.getBoundingClientRect().right <= window.innerWidth"));
        if (await frame.EvaluateAsync<bool>("f => f.scrollWidth > f.clientWidth"))
        {
            Assert.Equal("auto", await frame.EvaluateAsync<string>("f => getComputedStyle(f).overflowX"));
            await frame.EvaluateAsync("f => f.scrollLeft = f.scrollWidth");
            Assert.True(await frame.EvaluateAsync<double>("f => f.scrollLeft") > 0, "the frame scrolls sideways");
            Assert.True(await frame.EvaluateAsync<bool>(
                "f => Math.abs(f.querySelector('td.city').getBoundingClientRect().left - f.getBoundingClientRect().left) < 2"),
                "the city column stays in view while the chains scroll");
        }

        await Browser.ShotAsync(page, $"chains-{width}", fullPage: false);
        await DoneAsync(page);
    }
}
