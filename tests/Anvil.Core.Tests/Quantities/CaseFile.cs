using Anvil.Core.Normalization;
using Anvil.Core.Tests.Support;

namespace Anvil.Core.Tests.Quantities;

/// <summary>
/// Shared plumbing of the case files under <c>cases/</c>: one row is one case, read by
/// <see cref="TestData.ReadTsv"/>; the <c>needs</c> column marks cases that pass only once the
/// Traditional→Simplified converter is in <see cref="TextNormalizer"/>.
/// </summary>
internal static class CaseFile
{
    private static readonly Lazy<bool> ConverterPresent = new(() => TextNormalizer.Default.Normalize("國").Text == "国");

    public static TheoryData<int, string, string, string> Rows(string relative, params string[] columns)
    {
        var data = new TheoryData<int, string, string, string>();
        foreach (var row in TestData.ReadTsv(relative))
        {
            data.Add(int.Parse(row["line"], System.Globalization.CultureInfo.InvariantCulture),
                row[columns[0]], row[columns[1]], columns.Length > 2 ? row[columns[2]] : "");
        }

        return data;
    }

    /// <summary>
    /// Fails with <paramref name="message"/>, unless the case needs the script converter and it has not
    /// landed yet: then the case is skipped with a note.
    /// </summary>
    public static void Fail(string needs, string message)
    {
        if (needs.Contains("t2s", StringComparison.Ordinal) && !ConverterPresent.Value)
        {
            Assert.Skip("needs the Traditional→Simplified converter in TextNormalizer: " + message);
        }

        Assert.Fail(message);
    }

    /// <summary>Splits an expected column: "none" or items separated by " ; ".</summary>
    public static string[] Items(string expected) =>
        expected.Trim() == "none" ? [] : expected.Split(" ; ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
