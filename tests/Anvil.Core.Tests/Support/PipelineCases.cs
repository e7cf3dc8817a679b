using System.Globalization;
using Anvil.Core.Pipeline;

namespace Anvil.Core.Tests.Support;

/// <summary>What the case-file tests share: one standard pipeline, and rows of (line, text, expected, absent).</summary>
public static class PipelineCases
{
    private static readonly Lazy<ExtractionPipeline> SharedPipeline = new(() => AnvilPipeline.Create());

    /// <summary>The standard pipeline, built once for all case tests.</summary>
    public static ExtractionPipeline Pipeline => SharedPipeline.Value;

    /// <summary>The rows of a case file with the columns text, expected and absent, with their line numbers.</summary>
    public static TheoryData<int, string, string, string> TextCases(string relativePath)
    {
        var data = new TheoryData<int, string, string, string>();
        foreach (var row in TestData.ReadTsv(relativePath))
        {
            data.Add(int.Parse(row["line"], CultureInfo.InvariantCulture), row["text"], row["expected"], row["absent"]);
        }

        return data;
    }
}
