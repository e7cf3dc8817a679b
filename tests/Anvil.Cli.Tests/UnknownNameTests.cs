using System.Text;
using Anvil.Cli.CommandLine;

namespace Anvil.Cli.Tests;

/// <summary>The demo's knowledge base, built once for the tests that query it.</summary>
public sealed class DemoBase : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("anvil-cli-names-").FullName;

    public DemoBase()
    {
        var r = AnvilProcess.Run(["demo"], workingDirectory: Folder);
        if (r.ExitCode != 0)
        {
            throw new InvalidOperationException("anvil demo failed: " + r.Stderr);
        }
    }

    public AnvilProcess.Result Run(params string[] args) => AnvilProcess.Run([.. args, "--db", "anvil-demo.db"], workingDirectory: Folder);

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>
/// A subject or indicator the knowledge base does not hold is said to be unknown, with the stored names near it (or the
/// most stated ones), in one line on standard error and status 1; an indicator is found under the thesaurus's canonical
/// name (GDP → 地区生产总值).
/// </summary>
public sealed class UnknownNameTests(DemoBase demo) : IClassFixture<DemoBase>
{
    [Fact]
    public void Compare_names_the_unknown_place_and_still_shows_the_known_one()
    {
        var r = demo.Run("compare", "深圳", "火星");

        Assert.Equal(1, r.ExitCode);
        var error = Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("anvil: E0508: no subject named '火星'", error, StringComparison.Ordinal);
        Assert.Contains("深圳", error, StringComparison.Ordinal); // among the subjects with the most figures
        Assert.Contains("only 深圳", r.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("火星", null)]
    [InlineData("杭洲", "杭州")]  // one character off
    [InlineData("深钏", "深圳")]
    [InlineData("臺積雷", "台积电")] // Traditional, one character off
    public void Facts_about_an_unknown_subject_say_so_and_suggest_near_names(string subject, string? near)
    {
        var r = demo.Run("facts", "--subject", subject);

        Assert.Equal(1, r.ExitCode);
        Assert.Contains($"E0508: no subject named '{subject}'", r.Stderr, StringComparison.Ordinal);
        if (near is not null)
        {
            Assert.Contains($"did you mean {near}", r.Stderr, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("深圳")]
    [InlineData("深圳市")] // the lexicon's canonical name
    [InlineData("臺積電")] // Traditional script
    public void A_known_subject_is_no_error(string subject)
    {
        var r = demo.Run("facts", "--subject", subject);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
    }

    [Theory]
    [InlineData("GDP")]
    [InlineData("gdp")]
    [InlineData("地区生产总值")]
    [InlineData("地區生產總值")]
    public void Timeline_finds_the_regional_product_under_any_of_its_names(string indicator)
    {
        var r = demo.Run("timeline", "深圳", indicator, "--format", "jsonl");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains(r.Lines, l => l.Contains("\"period\":\"2024\"", StringComparison.Ordinal) && l.Contains("\"unit\":\"CNY\"", StringComparison.Ordinal));
    }

    [Fact]
    public void Facts_take_the_indicator_through_the_thesaurus()
    {
        var r = demo.Run("facts", "--indicator", "营收", "--format", "jsonl");

        Assert.Equal(0, r.ExitCode);
        Assert.NotEmpty(r.Lines);
        Assert.All(r.Lines, l => Assert.Contains("\"indicator\":\"营业收入\"", l, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_indicator_says_so_with_the_indicators_stored()
    {
        var r = demo.Run("timeline", "深圳", "火星产值");

        Assert.Equal(1, r.ExitCode);
        Assert.StartsWith("anvil: E0513: no figure for the indicator '火星产值'", r.Stderr, StringComparison.Ordinal);
        Assert.Contains("地区生产总值", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_known_subject_and_indicator_without_figures_together_is_no_error()
    {
        var r = demo.Run("timeline", "台积电", "地区生产总值");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("no facts about", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Entity_counts_in_words_that_agree_with_their_numbers()
    {
        var r = demo.Run("entity", "华为");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("in 1 document, 0 facts, 1 relation", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Entity_suggests_near_names()
    {
        var r = demo.Run("entity", "華衛");

        Assert.Equal(1, r.ExitCode);
        Assert.Contains("did you mean 华为", r.Stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, int, string> NearCases()
    {
        var data = new TheoryData<string, string, int, string>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "cases", "near-names.tsv"), Encoding.UTF8))
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var c = line.Split('\t');
            data.Add(c[0], c[1], int.Parse(c[2], System.Globalization.CultureInfo.InvariantCulture), c.Length > 3 ? c[3] : "");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NearCases))]
    public void Near_names_from_the_case_file(string typed, string known, int maxEdits, string expected)
    {
        var near = NearNames.Find(typed, known.Split('|'), maxEdits, 5);

        Assert.Equal(expected.Split('|', StringSplitOptions.RemoveEmptyEntries), near);
    }
}
