using System.Text;
using Anvil.NativeExtract;

namespace Anvil.Cli.Tests;

/// <summary>
/// The native extract reads only the common forms of <c>anvil extract</c> and hands every other command line back to
/// the managed CLI before it reads or writes anything. Each form it reads must be one the CLI takes too (checked here
/// against the CLI itself), so the two never differ on what a command line means.
/// </summary>
public sealed class NativeExtractArgumentsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("anvil-native-args-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Command lines after "extract DOC" (DOC a one-line document), space-separated.</summary>
    public static TheoryData<string> ReadNatively =>
    [
        "",
        "--threads 1",
        "--threads 2",
        "--threads 256",
        "--date 2024-03-05",
        "--date 2024-3-5 --force-date",
        "--force-date --date 2024/03/05",
        "--thorough",
        "--format jsonl",
        "--id piped",
        "--profile",
        "DOC --threads 1",
        "--lexicon LEX --lexicon LEX",
    ];

    public static TheoryData<string> HandedBack =>
    [
        "--format table",
        "--format xml",
        "--threads 0",
        "--threads 257",
        "--threads +2",
        "--threads 0x2",
        "--threads=1",
        "--threads",
        "--threads -1",
        "--threads 1 --threads 2",
        "--date yesterday",
        "--date 2024-13-01",
        "--force-date",
        "--id",
        "--id -",
        "--profile true",
        "--thorough --thorough",
        "--help",
        "-h",
        "--version",
        "--no-such-option",
        "-x",
        "--",
    ];

    [Theory]
    [MemberData(nameof(ReadNatively))]
    public void A_form_read_natively_is_one_the_managed_cli_takes(string options)
    {
        var args = Args(options);
        Assert.NotNull(ExtractArguments.Read(args));

        var r = AnvilProcess.Run([.. args]);
        Assert.True(r.ExitCode == 0, $"the CLI refused extract {options}: {r.Stderr}");
    }

    [Theory]
    [MemberData(nameof(HandedBack))]
    public void Any_other_form_goes_back_to_the_managed_cli(string options) => Assert.Null(ExtractArguments.Read(Args(options)));

    [Theory]
    [InlineData("eval DOC")]
    [InlineData("extract")]
    [InlineData("extract --threads 1")]
    [InlineData("")]
    public void No_extract_or_no_path_goes_back_too(string line) =>
        Assert.Null(ExtractArguments.Read(line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Fill).ToList()));

    [Fact]
    public void The_values_read_are_the_ones_given()
    {
        var request = ExtractArguments.Read(Args("- --threads 3 --date 2024-3-5 --force-date --lexicon LEX --thorough --id piped --profile"))!;

        Assert.Equal([Doc(), "-"], request.Paths);
        Assert.Equal(3, request.Threads);
        Assert.Equal(new DateOnly(2024, 3, 5), request.Date);
        Assert.True(request.ForceDate && request.Thorough && request.Profile);
        Assert.Equal([Lexicon()], request.Lexicons);
        Assert.Equal("piped", request.Id);
    }

    [Fact]
    public void Without_threads_every_core_extracts_as_in_the_cli() =>
        Assert.Equal(Environment.ProcessorCount, ExtractArguments.Read(Args(""))!.Threads);

    private List<string> Args(string options) =>
        ["extract", Doc(), .. options.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Fill)];

    private string Fill(string token) => token switch
    {
        "DOC" => Doc(),
        "LEX" => Lexicon(),
        _ => token,
    };

    private string Doc() => WriteOnce("doc.txt", "示例市统计局发布数据。");

    private string Lexicon() => WriteOnce("mine.tsv", "# test words\n示例科技\tcompany\t示例\n");

    private string WriteOnce(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        if (!File.Exists(path))
        {
            File.WriteAllText(path, content, new UTF8Encoding(false));
        }

        return path;
    }
}
