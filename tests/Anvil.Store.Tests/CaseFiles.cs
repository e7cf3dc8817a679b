namespace Anvil.Store.Tests;

/// <summary>Reads a tab-separated case file beside the tests (cases/NAME.tsv); '#' lines are comments.</summary>
public static class CaseFiles
{
    public static TheoryData<string[]> Read(string name)
    {
        var data = new TheoryData<string[]>();
        foreach (var line in File.ReadLines(Path.Combine(AppContext.BaseDirectory, "cases", name)))
        {
            if (line.Length > 0 && line[0] != '#')
            {
                data.Add(line.Split('\t'));
            }
        }

        return data;
    }
}
