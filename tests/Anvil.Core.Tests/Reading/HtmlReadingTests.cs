using System.Text;
using Anvil.Core.Documents;
using Anvil.Core.Reading;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Reading;

/// <summary>HTML pages: the main text as plain paragraphs, the title and the publication date the page states.</summary>
public sealed class HtmlReadingTests : IDisposable
{
    private static readonly DocumentReader Reader = new();
    private readonly TempFolder _folder = new();

    static HtmlReadingTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public void Dispose() => _folder.Dispose();

    private static Document ReadFixture() => Reader.Read(TestData.PathOf("Reading/fixtures/article.html"), ReadOptions.Default);

    private Document ReadHtml(string html, string name = "page.html") =>
        Reader.Read(_folder.Write(name, Encoding.UTF8.GetBytes(html)), ReadOptions.Default);

    [Fact]
    public void Title_from_og_title_and_date_from_published_time()
    {
        var doc = ReadFixture();
        Assert.Equal("html", doc.Format);
        Assert.Equal("article", doc.Id);
        Assert.Equal("深圳上半年新能源汽车产量增长三成", doc.Title);
        Assert.Equal(new DateOnly(2023, 8, 5), doc.Date);
    }

    [Fact]
    public void Main_text_is_plain_paragraphs_without_page_furniture()
    {
        var doc = ReadFixture();
        Assert.Contains("上半年全市新能源汽车产量达到85万辆，同比增长三成，产业规模继续扩大", doc.Text, StringComparison.Ordinal);
        Assert.Contains("形成了较为完整的产业链。\n其中，规模以上工业增加值", doc.Text, StringComparison.Ordinal); // <br>
        Assert.Contains("订单明显增加。\n\n据介绍", doc.Text, StringComparison.Ordinal); // paragraphs
        Assert.DoesNotContain("财经频道", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("不应出现的脚本文字", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<", doc.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n\n\n", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Headline_is_part_of_the_text_and_residue_is_marked()
    {
        var doc = ReadFixture();
        int headline = doc.Text.IndexOf("深圳上半年新能源汽车产量增长三成", StringComparison.Ordinal);
        Assert.True(headline >= 0);
        Assert.False(doc.IsBoilerplate(new TextSpan(headline, headline + 16)));

        int share = doc.Text.IndexOf("分享到", StringComparison.Ordinal);
        if (share >= 0)
        {
            Assert.True(doc.IsBoilerplate(new TextSpan(share, share + 3)));
        }

        int crumb = doc.Text.IndexOf("您现在的位置", StringComparison.Ordinal);
        if (crumb >= 0)
        {
            Assert.True(doc.IsBoilerplate(new TextSpan(crumb, crumb + 6)));
        }
    }

    [Fact]
    public void Headline_missing_from_the_article_body_is_put_first()
    {
        var doc = ReadHtml(Page(head: "<title>杭州数字经济核心产业增加值增长 | 示例网</title>", body: Paragraphs()));
        Assert.Equal("杭州数字经济核心产业增加值增长 | 示例网", doc.Title);
        Assert.StartsWith(doc.Title + "\n\n", doc.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Title_is_the_h1_when_the_title_element_wraps_it()
    {
        var doc = ReadHtml(Page(head: "<title>杭州数字经济核心产业增加值增长_示例网</title>",
            body: "<h1>杭州数字经济核心产业增加值增长</h1>" + Paragraphs()));
        Assert.Equal("杭州数字经济核心产业增加值增长", doc.Title);
    }

    [Fact]
    public void Date_from_json_ld()
    {
        var doc = ReadHtml(Page(
            head: """<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","datePublished":"2024-03-05T10:00:00+08:00"}]}</script>""",
            body: Paragraphs()));
        Assert.Equal(new DateOnly(2024, 3, 5), doc.Date);
    }

    [Fact]
    public void Date_from_time_element()
    {
        var doc = ReadHtml(Page(head: "", body: """<p><time datetime="2022-11-30">11月30日</time></p>""" + Paragraphs()));
        Assert.Equal(new DateOnly(2022, 11, 30), doc.Date);
    }

    [Fact]
    public void Date_from_text_near_the_top()
    {
        var doc = ReadHtml(Page(head: "", body: "<p>发布时间：2021年12月3日 08:15</p>" + Paragraphs()));
        Assert.Equal(new DateOnly(2021, 12, 3), doc.Date);
    }

    [Fact]
    public void Callers_date_wins_over_metadata_only_when_forced()
    {
        var stated = Reader.Read(TestData.PathOf("Reading/fixtures/article.html"), ReadOptions.Default).Date;
        var doc = Reader.Read(TestData.PathOf("Reading/fixtures/article.html"), new ReadOptions { Date = new DateOnly(2025, 2, 7), Id = "named" });
        Assert.NotNull(stated);
        Assert.Equal(stated, doc.Date);
        Assert.Equal("named", doc.Id);
        var forced = Reader.Read(TestData.PathOf("Reading/fixtures/article.html"), new ReadOptions { Date = new DateOnly(2025, 2, 7), ForceDate = true });
        Assert.Equal(new DateOnly(2025, 2, 7), forced.Date);
    }

    [Fact]
    public void Gb2312_page_is_decoded_from_its_bytes()
    {
        string html = Page(head: """<meta charset="gb2312"><title>上海工业机器人产量增长</title>""", body: Paragraphs());
        var doc = Reader.Read(_folder.Write("gb.htm", Encoding.GetEncoding("GB18030").GetBytes(html)), ReadOptions.Default);
        Assert.Contains("规模以上工业企业", doc.Text, StringComparison.Ordinal);
        Assert.Equal("上海工业机器人产量增长", doc.Title);
    }

    [Fact]
    public void Short_page_falls_back_to_the_body_text()
    {
        var doc = ReadHtml("<html><body><nav>首页 新闻</nav><div>深圳今日发布新政策。</div></body></html>", "short.xhtml");
        Assert.Equal("深圳今日发布新政策。", doc.Text);
    }

    [Fact]
    public void Html_on_standard_input_is_recognised_by_its_doctype()
    {
        var doc = Reader.Read(File.ReadAllBytes(TestData.PathOf("Reading/fixtures/article.html")), "stdin", null, ReadOptions.Default);
        Assert.Equal("html", doc.Format);
        Assert.Equal("深圳上半年新能源汽车产量增长三成", doc.Title);
    }

    private static string Page(string head, string body) =>
        $"<!DOCTYPE html><html><head><meta charset=\"utf-8\">{head}</head><body><article>{body}</article></body></html>";

    // Test text written for these tests: enough paragraphs for a readability extractor to see an article.
    private static string Paragraphs() =>
        "<p>今年前三季度，全市规模以上工业企业实现增加值同比增长百分之六，其中高技术制造业增长较快，成为拉动工业增长的主要力量。</p>" +
        "<p>数据显示，全市数字经济核心产业增加值占地区生产总值的比重继续提高，软件和信息技术服务业营业收入保持两位数增长。</p>" +
        "<p>有关负责人表示，下一步将继续加大对重点产业链的支持力度，推动更多项目落地投产，为全年经济平稳运行打下基础。</p>";
}
