using Anvil.Data;

namespace Anvil.Core.Facts;

/// <summary>
/// A data file of cue words by role (<c>role TAB word [TAB more…]</c>), as the fact components read them: each role's
/// rows in file order. A role the code asks for but the file lacks is a broken data file, reported at load time.
/// </summary>
public sealed class CueTable
{
    private readonly Dictionary<string, List<string[]>> _rows = new(StringComparer.Ordinal);
    private readonly string _file;

    private CueTable(string file)
    {
        _file = file;
    }

    public static CueTable Load(string file)
    {
        var table = new CueTable(file);
        foreach (var line in DataFiles.ReadLines(file))
        {
            var columns = line.Split('\t');
            if (columns.Length < 2)
            {
                throw new InvalidDataException($"E0101: {file}: '{line}' has no word after its role");
            }

            if (!table._rows.TryGetValue(columns[0], out var rows))
            {
                table._rows[columns[0]] = rows = [];
            }

            rows.Add(columns[1..]);
        }

        return table;
    }

    /// <summary>The rows of a role (its columns after the role), in file order.</summary>
    public IReadOnlyList<string[]> Rows(string role) =>
        _rows.TryGetValue(role, out var rows) ? rows : throw new InvalidDataException($"E0101: {_file} has no role '{role}'");

    /// <summary>The words (first column after the role) of a role, in file order.</summary>
    public string[] Words(string role) => [.. Rows(role).Select(r => r[0])];

    /// <summary>The one word of a role that has one.</summary>
    public string Word(string role) => Words(role)[0];

    /// <summary>The characters of a role whose words are single characters.</summary>
    public char[] Chars(string role) => [.. Words(role).Select(w => w.Length == 1 ? w[0] : throw new InvalidDataException($"E0101: {_file}: '{w}' in role '{role}' is not one character"))];
}
