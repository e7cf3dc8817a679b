using Anvil.Web.Charts;
using Anvil.Web.Features.Documents;
using Anvil.Web.Features.Upload;
using Anvil.Web.Html;

namespace Anvil.Web.Tests;

/// <summary>The pieces pages are made of: escaping, links, highlighted text, charts.</summary>
public sealed class RenderingTests
{
    [Fact]
    public void Text_and_attributes_are_escaped_and_chinese_stays_as_characters()
    {
        var html = new HtmlWriter().Element("p", "<script>alert(1)</script> & 深圳", ("title", "\"><img src=x onerror=alert(1)>")).ToString();
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("深圳", html);
        Assert.StartsWith("<p title=\"&quot;&gt;&lt;img", html);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("//evil.example/x")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("")]
    public void Links_refuse_anything_but_a_path_of_this_site(string href) =>
        Assert.Throws<ArgumentException>(() => Links.Local(href));

    [Fact]
    public void Links_encode_every_segment_and_value()
    {
        Assert.Equal("/documents/..%2Fetc%2Fpasswd#r-f3", Links.Document("../etc/passwd", 3));
        Assert.Equal("/facts?subject=%E6%B7%B1%E5%9C%B3&text=a%26b%3Dc", Links.WithQuery("/facts", ("subject", "深圳"), ("kind", null), ("text", "a&b=c")));
    }

    [Fact]
    public void Spans_count_code_points_so_highlights_after_an_astral_character_land_on_their_quote()
    {
        const string text = "𠀀深圳人工智能产业规模达3600亿元";
        // code points: 𠀀 is one, so 深圳 is [1, 3) although it starts at UTF-16 index 2
        var html = SpanMarkup.Render(text, [new Mark(1, 3, "e t-place", "r-e1", "place"), new Mark(1, 18, "f", "r-f2")]).Value;
        Assert.Contains(">深圳</a>", html);
        Assert.Contains(">人工智能产业规模达3600亿元</a>", html);
        Assert.StartsWith("𠀀", html);
        Assert.Contains("data-r=\"r-e1 r-f2\"", html); // the entity inside the fact's quote: both records, the entity first
        Assert.Contains("data-label=\"place\"", html);
    }

    [Fact]
    public void Highlighted_text_keeps_every_character_once_and_markup_in_it_stays_text()
    {
        const string text = "前<script>alert(1)</script>后 深圳 & 杭州";
        var html = SpanMarkup.Render(text, [new Mark(1, 9, "f", "r-f1"), new Mark(0, 3, "bp"), new Mark(5, 100, "f", "r-f9"), new Mark(4, 2, "f", "r-f8")]).Value;
        Assert.DoesNotContain("<script", html);
        Assert.Equal(text, System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Replace(html, "<[^>]+>", "")));
        Assert.Contains("class=\"bp\"", html);
        Assert.DoesNotContain("r-f9", html); // past the end: left out
        Assert.DoesNotContain("r-f8", html); // end before start: left out
    }

    [Fact]
    public void Bars_escape_labels_and_draw_negative_values_left_of_zero()
    {
        var svg = Svg.Bars("增长 <b>", [new Bar("深圳<script>", 35, "35%", "/facts", null), new Bar("杭州", -2, "-2%", null, null)]).Value;
        Assert.DoesNotContain("<script", svg);
        Assert.DoesNotContain("<b>", svg);
        Assert.Contains("深圳&lt;script&gt;", svg);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(svg, "<rect "));
        Assert.Contains("class=\"axis\"", svg);
    }

    [Fact]
    public void Line_and_graph_draw_every_point_and_node()
    {
        var line = Svg.Line("t", [new LinePoint(1, "2023", 10, "10", null, null), new LinePoint(2, "2024", 30, "30", "/facts", null)]).Value;
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(line, "<circle "));
        var graph = Svg.Graph("g", "华为", [new GraphEdge("founded", "任正非", false, "/entities?name=x"), new GraphEdge("headquartered_in", "深圳", true, null)]).Value;
        Assert.Contains("任正非", graph);
        Assert.Contains("headquartered_in", graph);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(graph, "<circle "));
    }

    [Theory]
    [InlineData(0, 100, new[] { 0.0, 25, 50, 75, 100 })]
    [InlineData(-2, 35, new[] { -10.0, 0, 10, 20, 30, 40 })]
    public void Ticks_are_round_and_cover_the_values(double min, double max, double[] expected) =>
        Assert.Equal(expected, Svg.Ticks(min, max));

    [Theory]
    [InlineData("report.txt", "report.txt")]
    [InlineData("C:\\Users\\me\\深圳报告.md", "深圳报告.md")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("a\u0000b\u001f.html", "ab.html")]
    [InlineData(".txt", "upload.txt")]
    [InlineData("", "upload")]
    public void Uploaded_file_names_lose_folders_and_control_characters(string sent, string expected) =>
        Assert.Equal(expected, Upload.FileName(sent));
}
