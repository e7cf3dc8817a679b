using System.Text;

namespace Anvil.Core.Tests.Fuzzing;

/// <summary>
/// Inputs that are large or deep on purpose, each under a time bound on its thread's processor time: a megabyte
/// without a line break, a megabyte that is one sentence, floods of one token, ten thousand nested tags, thousands
/// of sibling tables. Work that grows with the square of a line, a sentence, a run or a nesting depth fails here.
/// </summary>
public sealed class FuzzSizeTests
{
    private static void AllPass(IEnumerable<(string Name, FuzzInput Input)> inputs, TimeSpan? timeout = null)
    {
        string failures = FuzzHarness.RunAll(inputs, timeout);
        Assert.True(failures.Length == 0, failures);
    }

    [Fact]
    public void A_megabyte_without_a_line_break()
    {
        var corpus = FuzzHarness.Corpus;
        var text = new StringBuilder(1 << 20);
        for (int i = 0; Encoding.UTF8.GetByteCount(text.ToString()) < 1 << 20 && i < 10_000; i++)
        {
            text.Append(corpus.Documents[i % corpus.Documents.Count].Text.Replace("\r", "", StringComparison.Ordinal).Replace('\n', '，'));
        }

        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());
        int cut = 1 << 20;
        while ((bytes[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        Assert.DoesNotContain((byte)'\n', bytes.AsSpan(0, cut).ToArray());
        AllPass([("one-megabyte-line", new FuzzInput("one megabyte line", bytes[..cut], "long.txt"))]);
    }

    [Fact]
    public void A_megabyte_of_figures_in_one_sentence()
    {
        // a short text of figures, names and periods repeated with its sentence ends and line breaks turned into
        // commas: the whole megabyte is one sentence, as in a scrape that lost its punctuation (bench/fuzz.sh
        // seed 2, input 31118, took 5 s, twice that took 18 s)
        string piece = FuzzHarness.Corpus.Documents.Single(d => d.Name == "hot-0").Text;
        piece = new string([.. piece.Select(c => c is '。' or '！' or '？' or '!' or '?' or '\n' or '\r' or '\u2028' or '\u2029' or '\u0085' ? '，' : c)]);
        var text = new StringBuilder(1 << 20);
        for (int bytes = 0; bytes < 1 << 20; bytes += Encoding.UTF8.GetByteCount(piece))
        {
            text.Append(piece);
        }

        AllPass([("one-sentence", FuzzInput.FromText("one sentence of figures", text.ToString()))], TimeSpan.FromSeconds(5));
    }

    [Theory]
    [InlineData("9", 200_000)]
    [InlineData("三千六百", 200_000)]
    [InlineData("《", 50_000)]
    [InlineData("深圳、北京和上海分别增长5%、6%和7%，", 50_000)]
    public void A_flood_of_one_token(string token, int chars)
    {
        // one thing over and over: a number of 200,000 digits, a numeral that never ends, a title never closed, a
        // list; bench/Anvil.Fuzz --floods runs every hot token so
        string text = string.Concat(Enumerable.Repeat(token, chars / token.Length));
        AllPass([($"flood-{token.Length}-{(int)token[0]:x4}", FuzzInput.FromText($"flood of {token}", text))], TimeSpan.FromSeconds(3));
    }

    [Theory]
    [InlineData("div", true)]
    [InlineData("ul", false)]
    public void Ten_thousand_nested_tags(string tag, bool closed)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><head><title>深圳</title></head><body>");
        for (int i = 0; i < 10_000; i++)
        {
            html.Append('<').Append(tag).Append('>');
        }

        html.Append("深圳人工智能产业规模达3600亿元，同比增长约35%。");
        for (int i = 0; closed && i < 10_000; i++)
        {
            html.Append("</").Append(tag).Append('>');
        }

        html.Append("</body></html>");
        AllPass([($"nested-{tag}", new FuzzInput($"10,000 nested {tag}", Encoding.UTF8.GetBytes(html.ToString()), "deep.html"))],
            TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Seven_thousand_sibling_tables()
    {
        // under the element bound that keeps SmartReader away from huge pages, but its table checks are quadratic
        var html = new StringBuilder("<!DOCTYPE html><html><body><p>深圳人工智能产业规模达3600亿元，同比增长约35%。</p>");
        for (int i = 0; i < 7_000; i++)
        {
            html.Append(i % 2 == 0 ? "<table></table>" : "<table>9</table>");
        }

        html.Append("</body></html>");
        AllPass([("sibling-tables", new FuzzInput("7,000 sibling tables", Encoding.UTF8.GetBytes(html.ToString()), "tables.html"))],
            TimeSpan.FromSeconds(2));
    }
}
