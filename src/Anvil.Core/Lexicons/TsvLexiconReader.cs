using Anvil.Core.Entities;

namespace Anvil.Core.Lexicons;

/// <summary>One line of an entity lexicon file: name, type, aliases (separated by '|').</summary>
public sealed record LexiconLine(string Name, EntityType Type, IReadOnlyList<string> Aliases, int LineNumber)
{
    /// <summary>For a government body: the place it governs (财政部 → 中国, 运输署 → 香港), or null.</summary>
    public string? Place { get; init; }
}

/// <summary>
/// Reads the lexicon format shared by Anvil's own files and users' <c>--lexicon</c> files:
/// <c>name TAB type [TAB aliases [TAB place]]</c>, '#' comments and blank lines ignored; the place is where a
/// government body governs, for bodies whose name does not say it (财政部 → 中国).
/// </summary>
public static class TsvLexiconReader
{
    public static IEnumerable<LexiconLine> Parse(IEnumerable<string> lines, string origin)
    {
        int n = 0;
        foreach (var raw in lines)
        {
            n++;
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 2 || cells[0].Trim().Length == 0)
            {
                throw new LexiconFormatException(origin, n, "expected 'name<TAB>type[<TAB>aliases]'");
            }

            if (!EntityTypeNames.TryParse(cells[1], out var type))
            {
                throw new LexiconFormatException(origin, n,
                    $"unknown entity type '{cells[1]}' (use place, company, person, government, organization, university, media, group, work, product or industry)");
            }

            var aliases = cells.Length > 2
                ? cells[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            string? place = cells.Length > 3 && cells[3].Trim().Length > 0 ? cells[3].Trim() : null;
            yield return new LexiconLine(cells[0].Trim(), type, aliases, n) { Place = place };
        }
    }
}

/// <summary>A lexicon file that does not follow the format; names the file and line.</summary>
public sealed class LexiconFormatException(string file, int line, string reason)
    : Exception(line > 0 ? $"{file}:{line}: {reason}" : $"{file}: {reason}") // line 0: the file as a whole
{
    public string File { get; } = file;

    public int Line { get; } = line;
}
