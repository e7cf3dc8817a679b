using System.Reflection;
using System.Text;

namespace Anvil.Data;

/// <summary>
/// Opens the language data files shipped with Anvil. Paths are relative to <c>src/Anvil.Data/data/</c>,
/// with forward slashes (<c>opencc/TSCharacters.txt</c>).
/// </summary>
public static class DataFiles
{
    private static readonly Assembly Assembly = typeof(DataFiles).Assembly;

    public static Stream Open(string relativePath)
    {
        string name = "anvil/" + relativePath.Replace('\\', '/');
        return Assembly.GetManifestResourceStream(name)
            ?? throw new FileNotFoundException($"E0100: Anvil data file '{relativePath}' is not built into Anvil.Data", relativePath);
    }

    public static bool Exists(string relativePath) =>
        Assembly.GetManifestResourceInfo("anvil/" + relativePath.Replace('\\', '/')) is not null;

    /// <summary>The data files under a folder, as relative paths; every data file for the empty folder.</summary>
    public static IEnumerable<string> List(string folder)
    {
        string prefix = folder.Trim('/').Length == 0 ? "anvil/" : "anvil/" + folder.TrimEnd('/') + "/";
        return Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => n["anvil/".Length..])
            .Order(StringComparer.Ordinal);
    }

    /// <summary>
    /// Reads a data file line by line, skipping blank lines and lines starting with '#'
    /// (every data file starts with a comment block naming its source and licence).
    /// </summary>
    public static IEnumerable<string> ReadLines(string relativePath)
    {
        using var reader = new StreamReader(Open(relativePath), Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            yield return line;
        }
    }
}
