using System.Globalization;
using Anvil.Web.Html;

namespace Anvil.Web.Charts;

/// <summary>One bar: a label, its value, how to write the value, a page it links to, and its colour (0-7: one per subject).</summary>
internal sealed record Bar(string Label, double Value, string ValueText, string? Href, string? Tooltip, int Colour = 0);

/// <summary>One point of a line: where it lies in time (a day number), its label, value and link.</summary>
internal sealed record LinePoint(double X, string Label, double Value, string ValueText, string? Href, string? Tooltip);

/// <summary>One line of a chart: the figures of one period basis (yearly, half-yearly...), named in the legend, in a colour (0-7).</summary>
internal sealed record LineSeries(string Name, IReadOnlyList<LinePoint> Points, int Colour);

/// <summary>One edge of a relation graph: the predicate and the entity at the other end.</summary>
internal sealed record GraphEdge(string Predicate, string Other, bool Outgoing, string? Href);

/// <summary>
/// Charts drawn on the server as inline SVG: nothing to load, no script, and every label escaped like any other text.
/// Sizes are in the SVG's own units; the style sheet scales a chart to the width of its column, so a phone shows it
/// whole. Colours come from classes in the style sheet.
/// </summary>
internal static class Svg
{
    private const int BarWidth = 320;
    private const int BarRow = 40;

    private static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>Horizontal bars, each with its label above it and its value at its end; negative values go left of a zero line.</summary>
    public static TrustedMarkup Bars(string title, IReadOnlyList<Bar> bars)
    {
        double min = Math.Min(0, bars.Min(b => b.Value)), max = Math.Max(0, bars.Max(b => b.Value));
        double span = max - min is > 0 and var s ? s : 1;
        const double left = 4;
        double right = BarWidth - Math.Min(160, (bars.Max(b => TextWidth(b.ValueText)) * 1.1) + 14); // bold: a little wider // room for the value text after the longest bar
        double X(double v) => left + ((v - min) / span * (right - left));
        int height = (bars.Count * BarRow) + 8;
        var svg = Open("chart bars", BarWidth, height, title);
        double zero = X(0);
        for (int i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            double y = (i * BarRow) + 4;
            Link(svg, bar.Href, () =>
            {
                svg.Open("g", ("class", "bar"));
                svg.Element("title", bar.Tooltip ?? $"{bar.Label}: {bar.ValueText}");
                svg.Element("text", bar.Label, ("x", N(left)), ("y", N(y + 13)), ("class", "label"));
                double x0 = Math.Min(zero, X(bar.Value)), x1 = Math.Max(zero, X(bar.Value));
                svg.Open("rect", ("x", N(x0)), ("y", N(y + 18)), ("width", N(Math.Max(1.5, x1 - x0))), ("height", "14"), ("rx", "2"),
                    ("class", "fill c" + (bar.Colour % 8).ToString(CultureInfo.InvariantCulture))).Close("rect");
                svg.Element("text", bar.ValueText, ("x", N(x1 + 5)), ("y", N(y + 29.5)), ("class", "value"));
                svg.Close("g");
            });
        }

        if (min < 0)
        {
            svg.Open("line", ("x1", N(zero)), ("x2", N(zero)), ("y1", "18"), ("y2", N(height - 4)), ("class", "axis")).Close("line");
        }

        return new TrustedMarkup(svg.Close("svg").ToString());
    }

    /// <summary>
    /// Lines over time on one pair of axes: the y axis in the series' unit (each tick written as analysts write figures),
    /// the x axis in time with the periods' labels, and a legend naming each line. Each line joins figures of one
    /// period basis only (years with years, halves with halves), through the first figure of each period; further
    /// figures of a period (other sources) are dots beside it. The y axis starts at zero unless values go below it.
    /// </summary>
    public static TrustedMarkup Lines(string title, IReadOnlyList<LineSeries> lines, Func<double, string> tick)
    {
        const int width = 360, height = 230, right = 14, bottom = 30;
        var points = lines.SelectMany(l => l.Points).ToList();
        int top = 34; // room for the legend
        double xMin = points.Min(p => p.X), xMax = points.Max(p => p.X);
        double yMin = Math.Min(0, points.Min(p => p.Value)), yMax = Math.Max(0, points.Max(p => p.Value));
        var ticks = Ticks(yMin, yMax);
        yMin = Math.Min(yMin, ticks[0]);
        yMax = Math.Max(yMax, ticks[^1]);
        var tickTexts = ticks.Select(tick).ToList();
        // the widest tick decides where the plot starts: a CJK character is about a font size wide, a digit half of it
        double left = Math.Clamp(tickTexts.Max(t => TextWidth(t)) + 10, 36, 110);
        double X(double x) => xMax > xMin ? left + 8 + ((x - xMin) / (xMax - xMin) * (width - left - 8 - right - 8)) : (left + width - right) / 2.0;
        double Y(double v) => yMax > yMin ? top + ((yMax - v) / (yMax - yMin) * (height - top - bottom)) : (top + height - bottom) / 2.0;

        var svg = Open("chart line", width, height, title);
        double legendX = 2;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            string colour = Colour(line.Colour);
            svg.Open("g", ("class", "legend"));
            svg.Open("line", ("x1", N(legendX)), ("x2", N(legendX + 16)), ("y1", "12"), ("y2", "12"), ("class", "stroke " + colour)).Close("line");
            svg.Element("text", line.Name, ("x", N(legendX + 20)), ("y", "16"), ("class", "legend-label"));
            svg.Close("g");
            legendX += 20 + TextWidth(line.Name) + 14;
        }

        for (int i = 0; i < ticks.Length; i++)
        {
            double y = Y(ticks[i]);
            svg.Open("line", ("x1", N(left)), ("x2", N(width - right)), ("y1", N(y)), ("y2", N(y)), ("class", ticks[i] == 0 ? "axis" : "grid")).Close("line");
            svg.Element("text", tickTexts[i], ("x", N(left - 5)), ("y", N(y + 4)), ("class", "tick y"), ("text-anchor", "end"));
        }

        svg.Open("line", ("x1", N(left)), ("x2", N(left)), ("y1", N(top - 4)), ("y2", N(height - bottom)), ("class", "axis")).Close("line");

        foreach (var line in lines)
        {
            // one figure per period joins the line; a line needs two periods
            var joined = line.Points.GroupBy(p => p.X).Select(g => g.First()).OrderBy(p => p.X).ToList();
            if (joined.Count >= 2)
            {
                svg.Open("polyline", ("points", string.Join(' ', joined.Select(p => N(X(p.X)) + "," + N(Y(p.Value))))),
                    ("class", "stroke " + Colour(line.Colour)), ("data-basis", line.Name)).Close("polyline");
            }
        }

        foreach (var line in lines)
        {
            foreach (var p in line.Points)
            {
                Link(svg, p.Href, () =>
                {
                    svg.Open("g", ("class", "point"), ("data-basis", line.Name));
                    svg.Element("title", p.Tooltip ?? $"{p.Label}: {p.ValueText}");
                    svg.Open("circle", ("cx", N(X(p.X))), ("cy", N(Y(p.Value))), ("r", "4"), ("class", "dot " + Colour(line.Colour))).Close("circle");
                    svg.Close("g");
                });
            }
        }

        // x labels: each period once, the first and the last always, and as many between as fit without overlapping
        var periods = points.GroupBy(p => p.X).OrderBy(g => g.Key).Select(g => (X: X(g.Key), g.First().Label)).ToList();
        var labelled = new List<(double X, string Label)>();
        static double Half(string label) => TextWidth(label, 12) / 2;
        bool Fits((double X, string Label) p) => labelled.Count == 0 || p.X - Half(p.Label) >= labelled[^1].X + Half(labelled[^1].Label) + 6;
        foreach (var p in periods.Take(periods.Count - 1).Where(Fits))
        {
            labelled.Add(p);
        }

        while (!Fits(periods[^1]))
        {
            labelled.RemoveAt(labelled.Count - 1); // the latest period matters more than those just before it
        }

        labelled.Add(periods[^1]);

        svg.Open("line", ("x1", N(left)), ("x2", N(width - right)), ("y1", N(height - bottom)), ("y2", N(height - bottom)), ("class", "axis")).Close("line");
        foreach (var (x, label) in labelled)
        {
            double half = Half(label);
            var anchor = x - half < left ? "start" : x + half > width ? "end" : "middle";
            svg.Element("text", label, ("x", N(anchor == "start" ? Math.Max(x - 4, left) : anchor == "end" ? width - 2 : x)), ("y", N(height - 10)),
                ("class", "tick x"), ("text-anchor", anchor));
        }

        return new TrustedMarkup(svg.Close("svg").ToString());
    }

    /// <summary>About how wide a text is drawn at <paramref name="size"/>: CJK characters a size wide, others about half.</summary>
    internal static double TextWidth(string text, double size = 13) =>
        text.EnumerateRunes().Sum(r => r.Value >= 0x2E80 ? size : size * 0.58);

    private static string Colour(int index) => "c" + (index % 8).ToString(CultureInfo.InvariantCulture);

    /// <summary>The entity in the middle, the entities it is related to around it, each edge labelled with its predicate.</summary>
    public static TrustedMarkup Graph(string title, string center, IReadOnlyList<GraphEdge> edges)
    {
        const int width = 400, height = 320;
        const double cx = width / 2.0, cy = height / 2.0, rx = 135, ry = 115;
        var svg = Open("chart graph", width, height, title);
        svg.Open("defs");
        svg.Open("marker", ("id", "arrow"), ("viewBox", "0 0 10 10"), ("refX", "16"), ("refY", "5"), ("markerWidth", "7"), ("markerHeight", "7"),
            ("orient", "auto-start-reverse"));
        svg.Open("path", ("d", "M0,0 L10,5 L0,10 z"), ("class", "arrowhead")).Close("path");
        svg.Close("marker");
        svg.Close("defs");

        var nodes = edges.Select(e => e.Other).Distinct(StringComparer.Ordinal).ToList();
        var position = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
        {
            double angle = (-Math.PI / 2) + (2 * Math.PI * i / nodes.Count);
            position[nodes[i]] = (cx + (rx * Math.Cos(angle)), cy + (ry * Math.Sin(angle)));
        }

        // edges between the same two nodes share a line: their predicates are listed together
        foreach (var group in edges.GroupBy(e => e.Other, StringComparer.Ordinal))
        {
            var (x, y) = position[group.Key];
            foreach (var direction in group.GroupBy(e => e.Outgoing))
            {
                var (x1, y1, x2, y2) = direction.Key ? (cx, cy, x, y) : (x, y, cx, cy);
                svg.Open("line", ("x1", N(x1)), ("y1", N(y1)), ("x2", N(x2)), ("y2", N(y2)), ("class", "edge"), ("marker-end", "url(#arrow)")).Close("line");
            }

            svg.Element("text", string.Join(", ", group.Select(e => e.Predicate).Distinct(StringComparer.Ordinal)),
                ("x", N((cx + x) / 2)), ("y", N(((cy + y) / 2) - 3)), ("class", "predicate"), ("text-anchor", "middle"));
        }

        svg.Open("circle", ("cx", N(cx)), ("cy", N(cy)), ("r", "9"), ("class", "node center")).Close("circle");
        svg.Element("text", center, ("x", N(cx)), ("y", N(cy + 24)), ("class", "node-label center"), ("text-anchor", "middle"));
        foreach (var node in nodes)
        {
            var (x, y) = position[node];
            var href = edges.First(e => e.Other == node).Href;
            Link(svg, href, () =>
            {
                svg.Open("circle", ("cx", N(x)), ("cy", N(y)), ("r", "7"), ("class", "node")).Close("circle");
                svg.Element("text", node, ("x", N(x)), ("y", N(y > cy ? y + 20 : y - 12)), ("class", "node-label"), ("text-anchor", "middle"));
            });
        }

        return new TrustedMarkup(svg.Close("svg").ToString());
    }

    /// <summary>About four round steps from <paramref name="min"/> to <paramref name="max"/>, zero among them when in range.</summary>
    internal static double[] Ticks(double min, double max)
    {
        if (max <= min)
        {
            return max == 0 ? [0, 1] : [Math.Min(0, min), Math.Max(0, max)];
        }

        double raw = (max - min) / 4;
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        double step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        double start = Math.Floor(min / step) * step, end = Math.Ceiling(max / step) * step;
        var ticks = new List<double>();
        for (double t = start; t <= end + (step / 2); t += step)
        {
            ticks.Add(Math.Round(t / step) * step);
        }

        return [.. ticks];
    }

    private static HtmlWriter Open(string @class, int width, int height, string title)
    {
        var svg = new HtmlWriter();
        svg.Open("svg", ("class", @class), ("viewBox", $"0 0 {width} {height}"), ("role", "img"), ("aria-label", title),
            ("xmlns", "http://www.w3.org/2000/svg"), ("preserveAspectRatio", "xMinYMin meet"));
        svg.Element("title", title);
        return svg;
    }

    private static void Link(HtmlWriter svg, string? href, Action content)
    {
        if (href is null)
        {
            content();
            return;
        }

        svg.Open("a", ("href", Links.Local(href)));
        content();
        svg.Close("a");
    }
}
