using Anvil.Core.Documents;
using Anvil.Core.Normalization;
using Anvil.Core.Tests.Support;
using Anvil.Data;

namespace Anvil.Core.Tests.Normalization;

public class TextNormalizerTests
{
    private static readonly TextNormalizer Normalizer = TextNormalizer.Default;

    public static TheoryData<string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var row in TestData.ReadTsv("Normalization/cases/normalization.tsv"))
        {
            data.Add(row["input"], row["view"], row["what"]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Builds_the_match_view(string input, string view, string what)
    {
        var actual = Normalizer.Normalize(input);
        Assert.True(view == actual.Text, $"{what}: expected {view}, got {actual.Text}");
        AssertMapsBack(input, actual);
    }

    [Fact]
    public void Folds_the_ideographic_space_and_full_width_forms_only()
    {
        var view = Normalizer.Normalize("\u3000ＡＢＣ\uFF01\uFF5E、。「」《》“”\uFF5F");
        Assert.Equal(" ABC!~、。「」《》“”\uFF5F", view.Text);
        Assert.True(view.IsIdentity);
    }

    [Fact]
    public void Same_length_conversion_keeps_the_identity_view()
    {
        var view = Normalizer.Normalize("華為的昇騰AI晶片，從晶片到作業系統");
        Assert.True(view.IsIdentity);
        Assert.Equal(new TextSpan(3, 5), view.ToOriginal(3, 5));
    }

    [Fact]
    public void Length_changing_term_maps_back_to_the_exact_original_slice()
    {
        const string text = "需要更多記憶體和雲端運算。";
        var view = Normalizer.Normalize(text);
        Assert.Equal("需要更多内存和云计算。", view.Text);
        Assert.False(view.IsIdentity);

        int memory = view.Text.IndexOf("内存", StringComparison.Ordinal);
        Assert.Equal("記憶體", Slice(text, view.ToOriginal(memory, memory + 2)));
        Assert.Equal("記", Slice(text, view.ToOriginal(memory, memory + 1))[..1]);
        Assert.Equal("記憶體", Slice(text, view.ToOriginal(memory + 1, memory + 2))); // part of a replacement is all of its key

        int cloud = view.Text.IndexOf("云计算", StringComparison.Ordinal);
        Assert.Equal("雲端運算", Slice(text, view.ToOriginal(cloud, cloud + 3)));
        Assert.Equal("記憶體和雲端運算", Slice(text, view.ToOriginal(memory, cloud + 3)));
        Assert.Equal("需要更多", Slice(text, view.ToOriginal(0, 4)));
        Assert.Equal("。", Slice(text, view.ToOriginal(view.Text.Length - 1, view.Text.Length)));
        Assert.Equal(new TextSpan(0, text.Length), view.ToOriginal(0, view.Text.Length));
    }

    [Fact]
    public void Original_spans_map_into_the_view()
    {
        const string text = "需要更多記憶體和雲端運算。";
        var view = Normalizer.Normalize(text);
        Assert.Equal(new TextSpan(4, 6), view.ToView(new TextSpan(4, 7)));   // 記憶體 -> 内存
        Assert.Equal(new TextSpan(4, 6), view.ToView(new TextSpan(5, 6)));   // inside it: the whole replacement
        Assert.Equal(new TextSpan(7, 10), view.ToView(new TextSpan(8, 12))); // 雲端運算 -> 云计算
        Assert.Equal(new TextSpan(10, 11), view.ToView(new TextSpan(12, 13)));
    }

    [Fact]
    public void A_character_whose_simplified_form_is_a_surrogate_pair_stays_as_written_in_the_view()
    {
        // OpenCC's TSCharactersExt: 殢 (one UTF-16 unit) -> 𣨼 (two); the view keeps 殢, the plain converter gives OpenCC's form
        var view = Normalizer.Normalize("殢雲尤雨");
        Assert.Equal("殢云尤雨", view.Text);
        Assert.Equal(new TextSpan(0, 1), view.ToOriginal(0, 1));
        Assert.Equal("𣨼云尤雨", ScriptConverter.TraditionalToSimplified.Convert("殢雲尤雨"));
    }

    [Fact]
    public void Every_regional_term_becomes_its_mainland_term_in_either_script()
    {
        foreach (var line in DataFiles.ReadLines("normalization/regional-terms.tsv"))
        {
            var cells = line.Split('\t');
            Assert.True(cells.Length == 3, $"regional-terms.tsv: three columns expected: {line}");
            var (term, mainland) = (cells[0], cells[1]);
            Assert.Equal(mainland, Normalizer.Normalize(term).Text);
            Assert.Equal(mainland, Normalizer.Normalize(ScriptConverter.TraditionalToSimplified.Convert(term)).Text);
            Assert.Equal(mainland, Normalizer.Normalize(mainland).Text);
            Assert.Contains(cells[2], new[] { "HK", "TW", "HK TW" });
        }
    }

    [Fact]
    public void Every_converter_fix_applies_and_keeps_its_result()
    {
        foreach (var line in DataFiles.ReadLines("normalization/converter-fixes.tsv"))
        {
            var cells = line.Split('\t');
            Assert.True(cells.Length == 3 && cells[2].Length > 0, $"converter-fixes.tsv: text, simplified and why expected: {line}");
            Assert.Equal(cells[1], Normalizer.Normalize(cells[0]).Text);
            Assert.Equal(cells[1], Normalizer.Normalize(cells[1]).Text);
        }
    }

    [Fact]
    public void Every_corpus_document_keeps_a_consistent_view()
    {
        var files = Directory.GetFiles(SharedFolder.RequireOrSkip("corpus/dev"), "*.txt")
            .Concat(Directory.GetFiles(SharedFolder.RequireOrSkip("seeds"), "*.txt"))
            .ToList();
        Assert.NotEmpty(files);
        foreach (var path in files)
        {
            var text = File.ReadAllText(path);
            var view = Normalizer.Normalize(text);
            Assert.Equal(text.Length, view.OriginalLength);
            if (view.IsIdentity)
            {
                Assert.Equal(text.Length, view.Text.Length);
            }

            AssertMapsBack(text, view);

            // whatever the document's script, the view is Simplified
            Assert.True(ScriptDetector.Default.Detect(view.Text) == Script.Hans, $"{Path.GetFileName(path)}: the view is not Simplified");
        }
    }

    /// <summary>Each view character maps into the original, in order, and together they cover all of it.</summary>
    private static void AssertMapsBack(string original, MatchView view)
    {
        int covered = 0;
        var previous = new TextSpan(0, 0);
        for (int i = 0; i < view.Text.Length; i++)
        {
            var span = view.ToOriginal(i, i + 1);
            Assert.True(span.Start >= 0 && span.End <= original.Length && span.Start < span.End, $"view {i} maps to {span}");
            Assert.True(span.Start >= previous.Start && span.End >= previous.End, $"view {i} maps to {span}, before it {previous}");
            Assert.True(span.Start <= covered, $"view {i} maps to {span}, leaving a gap after {covered}");
            covered = Math.Max(covered, span.End);
            previous = span;
        }

        Assert.Equal(original.Length, covered);
        Assert.Equal(new TextSpan(0, original.Length), view.ToOriginal(0, view.Text.Length));
    }

    private static string Slice(string text, TextSpan span) => text.Substring(span.Start, span.Length);
}
