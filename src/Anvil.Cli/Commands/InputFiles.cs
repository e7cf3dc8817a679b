using Anvil.Core.Reading;

namespace Anvil.Cli.Commands;

/// <summary>One thing to read: a file, or standard input ("-").</summary>
internal sealed record InputItem(string Path, bool NamedExplicitly)
{
    /// <summary>What "-" on the command line becomes before option parsing.</summary>
    public const string StandardInputToken = "<stdin>";

    public bool IsStandardInput => Path == StandardInputToken;
}

/// <summary>
/// Expands command-line paths: files as given, folders recursively (in ordinal order, so output is
/// stable), "-" for standard input. In folders, files Anvil does not read are skipped and counted.
/// </summary>
internal static class InputFiles
{
    /// <summary>A folder that holds no file Anvil reads: an input that gave nothing, reported as such.</summary>
    public const string EmptyFolderCode = "E0305";

    /// <summary>
    /// <see cref="Expand"/> for a verb that reads documents: files of other types are counted on one line of standard
    /// error, and each folder that holds nothing Anvil reads gets a line of its own (counted in <paramref name="emptyFolders"/>:
    /// such an input failed, and the exit status says so).
    /// </summary>
    public static List<InputItem> ExpandReporting(IEnumerable<string> paths, out int emptyFolders)
    {
        var items = Expand(paths, out int skipped, out var empty);
        if (skipped > 0)
        {
            Console.Error.WriteLine($"anvil: skipped {skipped} file(s) of a type Anvil does not read");
        }

        foreach (var folder in empty)
        {
            Console.Error.WriteLine($"anvil: {EmptyFolderCode}: {folder}: no document in this folder (Anvil reads .txt, .md, .html and .pdf files)");
        }

        emptyFolders = empty.Count;
        return items;
    }

    public static List<InputItem> Expand(IEnumerable<string> paths, out int skipped) => Expand(paths, out skipped, out _);

    private static List<InputItem> Expand(IEnumerable<string> paths, out int skipped, out List<string> emptyFolders)
    {
        skipped = 0;
        emptyFolders = [];
        var items = new List<InputItem>();
        foreach (var path in paths)
        {
            if (path is "-" or InputItem.StandardInputToken)
            {
                items.Add(new InputItem(InputItem.StandardInputToken, true));
            }
            else if (Directory.Exists(path))
            {
                int before = items.Count;
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    if (DocumentReader.IsReadableExtension(file))
                    {
                        items.Add(new InputItem(file, false));
                    }
                    else
                    {
                        skipped++;
                    }
                }

                if (items.Count == before)
                {
                    emptyFolders.Add(path);
                }
            }
            else
            {
                // a named file is always attempted: if it cannot be read, that is an error, not a skip
                items.Add(new InputItem(path, true));
            }
        }

        return items;
    }
}
