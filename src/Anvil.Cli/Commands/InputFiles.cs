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
    public static List<InputItem> Expand(IEnumerable<string> paths, out int skipped)
    {
        skipped = 0;
        var items = new List<InputItem>();
        foreach (var path in paths)
        {
            if (path is "-" or InputItem.StandardInputToken)
            {
                items.Add(new InputItem(InputItem.StandardInputToken, true));
            }
            else if (Directory.Exists(path))
            {
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
