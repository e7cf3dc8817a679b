using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Fuzzing;

/// <summary>
/// Inputs the fuzzer once broke Anvil with, shrunk and kept under <c>Fuzzing/cases/</c>; <c>cases/INDEX.tsv</c>
/// says for each what broke and where it was fixed, and optionally words the text read must contain. The extension chooses how the input is given: <c>.txt</c>,
/// <c>.md</c>, <c>.html</c>, <c>.pdf</c> to the reader under that name, <c>.stdin</c> to the reader without a name
/// (the format sniffed), <c>.utf16</c> (UTF-16LE, lone surrogates allowed) to the pipeline as a text directly;
/// a name ending <c>.date-YYYY-MM-DD.ext</c> gives the caller's date, as <c>--date</c> does.
/// </summary>
public sealed class FuzzCaseTests
{
    private const string Folder = "Fuzzing/cases";

    public static TheoryData<string> Cases() =>
        [.. Directory.GetFiles(TestData.PathOf(Folder)).Select(f => Path.GetFileName(f)).Where(f => f != "INDEX.tsv").Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Saved_input_keeps_every_property(string file)
    {
        var input = FuzzInput.Load(TestData.PathOf(Path.Combine(Folder, file)));
        string failures = FuzzHarness.RunAll([(file, input)]);
        Assert.True(failures.Length == 0, failures);

        // where the index says so, the text read must hold these words: a bug may lose text without throwing
        string contains = Index().Single(r => r["file"] == file).GetValueOrDefault("contains", "");
        if (contains.Length > 0)
        {
            var doc = FuzzHarness.Reader.Read(input.Bytes, "case", input.FileName, new Anvil.Core.Reading.ReadOptions { Date = input.Date });
            Assert.Contains(contains, doc.Text, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<IReadOnlyDictionary<string, string>> Index() => TestData.ReadTsv(Path.Combine(Folder, "INDEX.tsv"));

    [Fact]
    public void Every_case_is_explained_in_the_index()
    {
        var listed = Index().Select(r => r["file"]).ToHashSet(StringComparer.Ordinal);
        var files = Cases().Select(row => row.Data).ToList();
        Assert.Equal([], files.Where(f => !listed.Contains(f)));
        Assert.Equal([], listed.Where(f => !files.Contains(f)));
    }
}
