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
        var line = Svg.Lines("t", [new LineSeries("yearly", [new LinePoint(1, "2023", 10, "10", null, null), new LinePoint(2, "2024", 30, "30", "/facts", null)], 0)],
            t => t + "亿元").Value;
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Count(line, "<circle "));
        Assert.Contains(">30亿元<", line); // ticks are written by the caller's formatter
        var graph = Svg.Graph("g", "华为", [new GraphEdge("founded", "任正非", false, "/entities?name=x"), new GraphEdge("headquartered_in", "深圳", true, null)]).Value;
        Assert.Contains("任正非", graph);
        Assert.Contains("headquartered_in", graph);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Count(graph, "<circle "));
    }

    [Fact]
    public void A_line_joins_only_figures_of_one_period_basis_and_each_basis_is_named()
    {
        static LinePoint P(string day, string label, double value) =>
            new(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture).DayNumber, label, value, value.ToString(System.Globalization.CultureInfo.InvariantCulture), null, null);
        var svg = Svg.Lines("GDP", [
            new LineSeries("yearly", [P("2022-12-31", "2022", 32388), P("2023-12-31", "2023", 34606)], 0),
            new LineSeries("half-yearly", [P("2023-06-30", "2023-H1", 15000), P("2024-06-30", "2024-H1", 16000), P("2024-06-30", "2024-H1", 16100)], 1),
            new LineSeries("as of a date", [P("2025-02-07", "2025-02-07", 9)], 2),
        ], t => t.ToString(System.Globalization.CultureInfo.InvariantCulture)).Value;

        var lines = System.Text.RegularExpressions.Regex.Matches(svg, "<polyline points=\"([^\"]+)\"[^>]*data-basis=\"([^\"]+)\"").ToList();
        Assert.Equal(["yearly", "half-yearly"], lines.Select(m => m.Groups[2].Value)); // a single figure draws no line
        Assert.All(lines, m => Assert.Equal(2, m.Groups[1].Value.Split(' ').Length)); // one figure per period joins the line
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Count(svg, "<circle ")); // every figure is a dot
        foreach (var name in (string[])["yearly", "half-yearly", "as of a date"])
        {
            Assert.Contains($"class=\"legend-label\">{name}<", svg);
        }
    }

    [Theory]
    [InlineData("2023-01-01", "2023-12-31", "yearly")]
    [InlineData("2023-07-01", "2024-06-30", "yearly")]
    [InlineData("2023-01-01", "2023-06-30", "half-yearly")] // 2023-H1 and 1-6月 alike
    [InlineData("2023-07-01", "2023-12-31", "half-yearly")]
    [InlineData("2023-04-01", "2023-06-30", "quarterly")]
    [InlineData("2024-02-01", "2024-02-29", "monthly")]
    [InlineData("2023-01-01", "2023-07-31", "7 months")]
    [InlineData("2025-02-07", "2025-02-07", "as of a date")]
    [InlineData("2025-02-01", "2025-02-10", "10 days")]
    public void A_period_basis_is_the_periods_length(string start, string end, string basis) =>
        Assert.Equal(basis, PeriodBasis.Of(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)).Name);

    [Fact]
    public void Search_marks_every_term_in_the_passage_whatever_its_script()
    {
        var html = new Anvil.Web.Html.HtmlWriter();
        Anvil.Web.Features.Search.SearchPage.Highlighted(html, "香港的人工智能產業<b>與</b>深圳人工智能产业", Anvil.Web.Features.Search.SearchPage.Terms("人工智能產業"));
        Assert.Equal("香港的<mark>人工智能產業</mark>&lt;b&gt;與&lt;/b&gt;深圳<mark>人工智能产业</mark>", html.ToString());
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
