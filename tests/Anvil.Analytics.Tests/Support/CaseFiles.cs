namespace Anvil.Analytics.Tests.Support;

/// <summary>
/// Reads a case file beside the tests (<c>Chains/cases/NAME.tsv</c>): one case per line, tab-separated columns;
/// blank lines and lines starting with '#' are comments. The files double as documentation of the behaviour.
/// </summary>
public static class CaseFiles
{
    public static TheoryData<string[]> Read(string name)
    {
        var data = new TheoryData<string[]>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Chains", "cases", name)))
        {
            if (line.Trim().Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            data.Add(line.Split('\t'));
        }

        return data;
    }
}
