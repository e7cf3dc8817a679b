using System.Globalization;
using System.Text;

namespace Anvil.Core.Tests.Fuzzing;

/// <summary>How large generated inputs may get.</summary>
internal sealed record GeneratorLimits
{
    /// <summary>Inputs are cut to this many bytes, except the long lines.</summary>
    public int MaxSize { get; init; } = 128 * 1024;

    /// <summary>About one input in this many is a long line without a line break (0: none).</summary>
    public int LongLineEvery { get; init; } = 1000;

    /// <summary>The longest of those lines, in bytes.</summary>
    public int LongLineMax { get; init; } = 1 << 20;

    /// <summary>The deepest HTML nesting generated.</summary>
    public int MaxHtmlDepth { get; init; } = 10_000;
}

/// <summary>
/// Makes input number <c>i</c> of a run from the run's seed alone: mutated real documents in every encoding,
/// splices, hot texts, random bytes, HTML pages (ordinary, broken and deeply nested), PDFs (built, truncated,
/// damaged), long lines, and texts with lone surrogates given to the pipeline directly.
/// </summary>
internal sealed class InputGenerator(SeedCorpus corpus, ulong runSeed, GeneratorLimits? limits = null)
{
    private static readonly string[] TextNames = ["doc.txt", "doc.txt", "doc.txt", "doc.md", "doc.text", "doc.markdown"];

    private static readonly string[] DeepTags = ["div", "span", "b", "p", "li", "ul", "table", "td", "a", "section", "font", "blockquote", "i", "em"];

    private readonly GeneratorLimits _limits = limits ?? new GeneratorLimits();

    public ulong RunSeed => runSeed;

    public FuzzInput Make(long index)
    {
        var rng = FuzzRandom.ForInput(runSeed, index);
        var recipe = new List<string>();
        if (_limits.LongLineEvery > 0 && rng.OneIn(_limits.LongLineEvery))
        {
            return LongLine(rng, recipe);
        }

        int pick = rng.Next(1000);
        var input = pick switch
        {
            < 300 => MutatedSeed(rng, recipe),
            < 380 => Splice(rng, recipe),
            < 500 => Hot(rng, recipe),
            < 550 => RandomBytes(rng, recipe),
            < 670 => Html(rng, recipe),
            < 710 => OddHtml(rng, recipe),
            < 800 => Pdf(rng, recipe),
            _ => DirectText(rng, recipe),
        };

        // the caller's date, as --date gives it: relative periods (去年, 上月, 前天) resolve against it, at the ends of the calendar too
        return rng.OneIn(4) ? input with { Date = CallersDate(rng) } : input;
    }

    private static DateOnly CallersDate(FuzzRandom rng) => rng.Next(6) switch
    {
        0 => DateOnly.MinValue,
        1 => DateOnly.MaxValue,
        2 => new DateOnly(rng.Next(1, 10_000), rng.Next(1, 13), rng.Next(1, 29)),
        3 => new DateOnly(rng.Pick([1, 2, 9998, 9999]), rng.Next(1, 13), 1),
        _ => new DateOnly(rng.Next(2015, 2027), rng.Next(1, 13), rng.Next(1, 29)),
    };

    private FuzzInput Finish(List<string> recipe, byte[] bytes, string? fileName) =>
        new(string.Join(' ', recipe), bytes.Length > _limits.MaxSize && !recipe.Contains("long-line") ? bytes[.._limits.MaxSize] : bytes, fileName);

    private static string? TextName(FuzzRandom rng) => rng.OneIn(6) ? null : rng.Pick(TextNames);

    /// <summary>A window of a seed (usually short: speed), sometimes the whole of it.</summary>
    private static string Window(FuzzRandom rng, SeedDocument seed, int max = 4000)
    {
        if (rng.OneIn(20) || seed.Text.Length <= 64)
        {
            return seed.Text;
        }

        int len = Math.Max(16, rng.SkewedLength(Math.Min(max, seed.Text.Length)));
        int start = rng.Next(seed.Text.Length - len + 1);
        return seed.Text.Substring(start, len);
    }

    private FuzzInput MutatedSeed(FuzzRandom rng, List<string> recipe)
    {
        var seed = rng.Pick(corpus.Documents);
        string encoding = rng.Pick(FuzzEncodings.Names);
        recipe.Add($"seed:{seed.Name}:{encoding}");
        byte[] bytes = FuzzEncodings.Encode(Window(rng, seed), encoding);
        if (!rng.OneIn(8))
        {
            bytes = Mutator.Mutate(rng, bytes, encoding, corpus, _limits.MaxSize, recipe);
        }

        return Finish(recipe, bytes, TextName(rng));
    }

    private FuzzInput Splice(FuzzRandom rng, List<string> recipe)
    {
        var a = rng.Pick(corpus.Documents);
        var b = rng.Pick(corpus.Documents);
        string ea = rng.Pick(FuzzEncodings.Names);
        string eb = rng.OneIn(2) ? ea : rng.Pick(FuzzEncodings.Names);
        recipe.Add($"splice:{a.Name}:{ea}+{b.Name}:{eb}");
        byte[] head = FuzzEncodings.Encode(Window(rng, a), ea);
        byte[] tail = FuzzEncodings.Encode(Window(rng, b), eb);
        byte[] bytes = [.. head.AsSpan(0, rng.Next(head.Length + 1)), .. tail.AsSpan(rng.Next(tail.Length + 1))];
        if (rng.OneIn(2))
        {
            bytes = Mutator.Mutate(rng, bytes, ea, corpus, _limits.MaxSize, recipe);
        }

        return Finish(recipe, bytes, TextName(rng));
    }

    private FuzzInput Hot(FuzzRandom rng, List<string> recipe)
    {
        string encoding = rng.Pick(FuzzEncodings.Names);
        recipe.Add("hot:" + encoding);
        byte[] bytes = FuzzEncodings.Encode(HotText.Make(rng, rng.SkewedLength(4000)), encoding);
        if (rng.OneIn(2))
        {
            bytes = Mutator.Mutate(rng, bytes, encoding, corpus, _limits.MaxSize, recipe);
        }

        return Finish(recipe, bytes, TextName(rng));
    }

    private FuzzInput RandomBytes(FuzzRandom rng, List<string> recipe)
    {
        recipe.Add("random");
        var bytes = new byte[rng.SkewedLength(4096)];
        rng.NextBytes(bytes);
        if (rng.OneIn(3))
        {
            // mostly ASCII or mostly high bytes: random data that gets past the first checks more often
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = rng.OneIn(2) ? (byte)rng.Next(0x20, 0x7F) : (byte)rng.Next(0x81, 0xFF);
            }

            recipe.Add("printable");
        }

        if (rng.OneIn(3))
        {
            bytes = Mutator.Mutate(rng, bytes, null, corpus, _limits.MaxSize, recipe, maxSteps: 3);
        }

        return Finish(recipe, bytes, rng.OneIn(2) ? null : rng.Pick(["x.txt", "x.html", "x.pdf", "x.md"]));
    }

    private FuzzInput Html(FuzzRandom rng, List<string> recipe)
    {
        var seed = rng.Pick(corpus.Documents);
        string body = rng.OneIn(4) ? HotText.Make(rng, rng.SkewedLength(3000)) : Window(rng, seed, 6000);
        string title = HotText.Make(rng, rng.Next(1, 40));
        string date = rng.Pick(["2024-03-05", "2024-03-05T08:00:00+08:00", "2024/3/5", "2024年3月5日", "2024-13-45", "0001-01-01", "9999-12-31T23:59:59Z", "99999-01-01", "1e999", "", "2024-02-30", "-1", Dates(rng)]);
        bool escape = !rng.OneIn(5);
        var html = new StringBuilder();
        if (!rng.OneIn(4))
        {
            html.Append("<!DOCTYPE html>");
        }

        html.Append("<html><head><meta charset=\"utf-8\">");
        html.Append("<title>").Append(Escape(title, escape)).Append("</title>");
        if (rng.OneIn(2))
        {
            html.Append("<meta property=\"og:title\" content=\"").Append(Escape(title, true)).Append("\">");
        }

        if (rng.OneIn(2))
        {
            html.Append("<meta name=\"").Append(rng.Pick(["pubdate", "article:published_time", "date", "dc.date"])).Append("\" content=\"").Append(date).Append("\">");
        }

        if (rng.OneIn(3))
        {
            html.Append("<script type=\"application/ld+json\">").Append(rng.Pick(
            [
                "{\"datePublished\":\"" + date + "\"}",
                "[{\"@graph\":[{\"datePublished\":\"" + date + "\"}]}]",
                "{\"datePublished\":" + string.Concat(Enumerable.Repeat("[", rng.Next(1, 2000))),
                "{broken json",
            ])).Append("</script>");
        }

        html.Append("</head><body>");
        if (rng.OneIn(2))
        {
            html.Append("<nav>首页 &gt; 新闻 &gt; 正文</nav>");
        }

        html.Append(rng.OneIn(2) ? "<article>" : "<div class=\"content\">");
        if (rng.OneIn(2))
        {
            html.Append("<h1>").Append(Escape(title, escape)).Append("</h1>");
        }

        if (rng.OneIn(3))
        {
            html.Append("<time datetime=\"").Append(date).Append("\">").Append(date).Append("</time>");
        }

        foreach (var paragraph in body.Split('\n'))
        {
            html.Append(rng.Pick(["<p>", "<p>", "<div>", "<li>", "<td>", "<br>", ""])).Append(Escape(paragraph, escape));
            if (rng.OneIn(2))
            {
                html.Append("</p>");
            }
        }

        html.Append(rng.OneIn(2) ? "</article>" : "</div>");
        if (rng.OneIn(2))
        {
            html.Append("<footer>版权所有 © 2024 原文連結</footer>");
        }

        html.Append("</body></html>");
        string encoding = rng.OneIn(6) ? rng.Pick(FuzzEncodings.Names) : "utf-8";
        recipe.Add($"html:{seed.Name}:{encoding}");
        byte[] bytes = FuzzEncodings.Encode(html.ToString(), encoding);
        if (rng.OneIn(2))
        {
            bytes = Mutator.Mutate(rng, bytes, encoding, corpus, _limits.MaxSize, recipe);
        }

        return Finish(recipe, bytes, rng.OneIn(4) ? null : rng.Pick(["page.html", "page.htm", "page.xhtml"]));
    }

    private static string Dates(FuzzRandom rng) =>
        string.Create(CultureInfo.InvariantCulture, $"{rng.Next(-10, 100000)}-{rng.Next(-1, 20)}-{rng.Next(-1, 40)}");

    private static string Escape(string text, bool escape) =>
        escape ? text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal) : text;

    /// <summary>Pages whose structure is the problem: deep nesting, thousands of siblings, unclosed elements, entity floods, huge attributes.</summary>
    private FuzzInput OddHtml(FuzzRandom rng, List<string> recipe)
    {
        var html = new StringBuilder("<html><body>");
        string text = HotText.Make(rng, rng.SkewedLength(400));
        switch (rng.Next(6))
        {
            case 5:
            {
                // thousands of siblings: quadratic passes over the children of one element show here
                int count = rng.OneIn(10) ? rng.Next(5_000, 20_001) : rng.SkewedLength(5_000);
                string tag = rng.Pick(DeepTags);
                recipe.Add($"siblings:{tag}:{count}");
                for (int i = 0; i < count; i++)
                {
                    html.Append('<').Append(tag).Append('>');
                    if (rng.OneIn(3))
                    {
                        html.Append(rng.Pick(HotText.Tokens));
                    }

                    html.Append("</").Append(tag).Append('>');
                }

                html.Append(Escape(text, true));
                break;
            }

            case 0:
            case 1:
            {
                int depth = rng.OneIn(10) ? rng.Next(_limits.MaxHtmlDepth / 2, _limits.MaxHtmlDepth + 1) : rng.SkewedLength(_limits.MaxHtmlDepth);
                string tag = rng.Pick(DeepTags);
                bool close = rng.OneIn(2);
                bool textEach = rng.OneIn(3);
                recipe.Add($"deep-html:{tag}:{depth}:{(close ? "closed" : "open")}");
                for (int i = 0; i < depth; i++)
                {
                    html.Append('<').Append(tag).Append('>');
                    if (textEach)
                    {
                        html.Append(rng.Pick(HotText.Tokens));
                    }
                }

                html.Append(Escape(text, true));
                if (close)
                {
                    for (int i = 0; i < depth; i++)
                    {
                        html.Append("</").Append(tag).Append('>');
                    }
                }

                break;
            }

            case 2:
                recipe.Add("entities");
                for (int i = 0, n = rng.SkewedLength(4000); i < n; i++)
                {
                    html.Append(rng.Pick(["&#xD800;", "&#xDC00;", "&#0;", "&#x110000;", "&#65;", "&#x4E07;", "&amp", "&nbsp;", "&#12288;", "&#x1F600;", "&#9999999999;", "&", "&#;", "&#x;"]));
                    if (rng.OneIn(4))
                    {
                        html.Append(rng.Pick(HotText.Tokens));
                    }
                }

                break;
            case 3:
                recipe.Add("unclosed");
                html.Append(Escape(text, true));
                html.Append(rng.Pick(["<script>", "<!--", "<style>", "<textarea>", "<title>", "<![CDATA[", "<a href=\"", "<p title='", "<table><tr><td>", "<template>", "<svg><foreignObject>"]));
                html.Append(Escape(HotText.Make(rng, rng.SkewedLength(400)), rng.OneIn(2)));
                break;
            default:
                recipe.Add("attribute");
                html.Append("<p data-x=\"").Append('x', rng.SkewedLength(100_000)).Append("\" hidden>hidden</p><p>").Append(Escape(text, true)).Append("</p>");
                break;
        }

        html.Append("</body></html>");
        byte[] bytes = Encoding.UTF8.GetBytes(html.ToString());
        if (rng.OneIn(4))
        {
            bytes = Mutator.Mutate(rng, bytes, "utf-8", corpus, _limits.MaxSize, recipe, maxSteps: 3);
        }

        return Finish(recipe, bytes, rng.OneIn(3) ? null : "deep.html");
    }

    private FuzzInput Pdf(FuzzRandom rng, List<string> recipe)
    {
        byte[] pdf;
        if (rng.OneIn(3))
        {
            // a fresh text layer: hot text, possibly with lone surrogates (a ToUnicode map may say anything)
            string text = HotText.Make(rng, rng.SkewedLength(1500), illFormed: rng.OneIn(2));
            pdf = FuzzPdf.Cid(text, rng.OneIn(2) ? HotText.Make(rng, rng.Next(1, 20), illFormed: rng.OneIn(2)) : null);
            recipe.Add("pdf:fresh");
        }
        else
        {
            pdf = rng.Pick(corpus.Pdfs);
            recipe.Add("pdf:seed");
        }

        if (rng.OneIn(8))
        {
            // garbage straight after the header
            var junk = new byte[rng.SkewedLength(4096)];
            rng.NextBytes(junk);
            pdf = [.. "%PDF-1.4\n"u8, .. junk, .. pdf.AsSpan(rng.Next(pdf.Length))];
            recipe.Add("pdf-garbage");
        }

        if (!rng.OneIn(4))
        {
            pdf = Mutator.Mutate(rng, pdf, "utf-8", corpus, _limits.MaxSize, recipe);
        }

        return Finish(recipe, pdf, rng.OneIn(3) ? null : "doc.pdf");
    }

    private FuzzInput LongLine(FuzzRandom rng, List<string> recipe)
    {
        int target = rng.OneIn(4) ? _limits.LongLineMax : rng.Next(16 * 1024, _limits.LongLineMax + 1);
        if (rng.OneIn(3))
        {
            // a flood: one or two tokens over and over (a number that never ends, a title never closed, 分别 x 100,000)
            string a = rng.OneIn(3) ? HotText.Number(rng) : rng.Pick(HotText.Tokens);
            string b = rng.OneIn(2) ? "" : rng.Pick(HotText.Tokens);
            recipe.Add("flood");
            var flood = new StringBuilder(target);
            while (flood.Length * 2 < target)
            {
                flood.Append(a).Append(b);
            }

            return Finish(recipe, Encoding.UTF8.GetBytes(flood.ToString()), rng.OneIn(4) ? null : "flood.txt");
        }

        var seed = rng.Pick(corpus.Documents);
        bool hot = rng.OneIn(2);
        recipe.Add("long-line");
        recipe.Add(hot ? "hot" : seed.Name);
        var sb = new StringBuilder(target / 2);
        int bytes = 0;
        while (bytes < target)
        {
            string piece = hot ? HotText.Make(rng, 200) : seed.Text;
            piece = piece.Replace("\r", "", StringComparison.Ordinal).Replace('\n', '，').Replace('\u2028', '，').Replace('\u2029', '，').Replace('\u0085', '，');
            sb.Append(piece);
            bytes += Encoding.UTF8.GetByteCount(piece);
        }

        byte[] utf8 = Encoding.UTF8.GetBytes(sb.ToString());
        int cut = Math.Min(utf8.Length, target);
        while (cut > 0 && cut < utf8.Length && (utf8[cut] & 0xC0) == 0x80)
        {
            cut--; // end on a character boundary: this input is about length, not damage
        }

        return Finish(recipe, utf8[..cut], rng.OneIn(4) ? null : "long.txt");
    }

    private FuzzInput DirectText(FuzzRandom rng, List<string> recipe)
    {
        string text;
        if (rng.OneIn(2))
        {
            recipe.Add("text:hot");
            text = HotText.Make(rng, rng.SkewedLength(3000), illFormed: true);
        }
        else
        {
            var seed = rng.Pick(corpus.Documents);
            recipe.Add("text:" + seed.Name);
            text = Window(rng, seed);
        }

        if (!rng.OneIn(4))
        {
            text = Mutator.MutateText(rng, text, recipe);
        }

        return FuzzInput.FromText(string.Join(' ', recipe), text);
    }
}
