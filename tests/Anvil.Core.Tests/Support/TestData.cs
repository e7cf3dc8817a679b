namespace Anvil.Core.Tests.Support;

/// <summary>Locates test case files copied beside the test assembly.</summary>
public static class TestData
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, relative);

    /// <summary>
    /// Reads a tab-separated case file: '#' lines are comments, the first non-comment line names the
    /// columns. Returns one dictionary per row, with the 1-based line number under "line".
    /// </summary>
    public static IEnumerable<IReadOnlyDictionary<string, string>> ReadTsv(string relative)
    {
        string[]? header = null;
        int n = 0;
        foreach (var raw in File.ReadLines(PathOf(relative)))
        {
            n++;
            if (raw.Length == 0 || raw.StartsWith('#'))
            {
                continue;
            }

            var cells = raw.Split('\t');
            if (header is null)
            {
                header = cells;
                continue;
            }

            var row = new Dictionary<string, string>(StringComparer.Ordinal) { ["line"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            for (int i = 0; i < header.Length; i++)
            {
                row[header[i]] = i < cells.Length ? cells[i] : "";
            }

            yield return row;
        }
    }
}
