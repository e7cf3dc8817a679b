using Anvil.Cli.CommandLine;
using Anvil.Store;
using Anvil.Store.Matching;
using Anvil.Store.Records;

namespace Anvil.Cli.Commands.Store;

/// <summary>
/// Says when a query names a subject or an indicator the knowledge base does not hold (a name nothing is known by, an
/// indicator no fact states), and which stored ones are near it; when none is, the ones it holds most. One line each on
/// standard error; the command then ends with status 1 (an input that failed).
/// </summary>
internal static class UnknownNames
{
    public const string SubjectCode = "E0508";
    public const string IndicatorCode = "E0513";

    /// <summary>Stored names searched for near ones: the most stated, so a large knowledge base costs one bounded read.</summary>
    private const int Candidates = 5000;

    private const int Suggested = 5;

    /// <summary>The error line for a subject no entity goes by and no fact is about, or null when it is known.</summary>
    public static string? Subject(IKnowledgeStore store, string typed)
    {
        var names = Filters.Expand(typed)!;
        if (store.FindEntities(names).Count > 0 || store.CountFacts(new FactQuery { Subjects = names }) > 0)
        {
            return null;
        }

        var known = store.TopEntities(null, Candidates).Where(e => e.Facts > 0).Select(e => e.Name).ToList();
        return Line(SubjectCode, $"no subject named '{typed}' in {store.Location.Display}", typed, known, "subjects with the most figures");
    }

    /// <summary>The error line for a name no entity goes by, with the entities near it.</summary>
    public static string Entity(IKnowledgeStore store, string typed) =>
        Line(SubjectCode, $"no entity named '{typed}' in {store.Location.Display}", typed,
            [.. store.TopEntities(null, Candidates).Select(e => e.Name)], "entities with the most figures");

    /// <summary>The error line for an indicator no fact states (under any name the thesaurus gives it), or null when one does.</summary>
    public static string? Indicator(IKnowledgeStore store, string typed)
    {
        if (store.CountFacts(new FactQuery { Indicators = Filters.ExpandIndicator(typed) }) > 0)
        {
            return null;
        }

        var known = store.TopIndicators(Candidates).Select(i => i.Indicator).ToList();
        return Line(IndicatorCode, $"no figure for the indicator '{typed}' in {store.Location.Display}", typed, known, "indicators with the most figures");
    }

    /// <summary>Writes the lines for the unknown subjects and indicator; true when there was any.</summary>
    public static bool Report(IKnowledgeStore store, IEnumerable<string> subjects, string? indicator)
    {
        var lines = subjects.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => Subject(store, s))
            .Append(string.IsNullOrWhiteSpace(indicator) ? null : Indicator(store, indicator))
            .OfType<string>().ToList();
        foreach (var line in lines)
        {
            Console.Error.WriteLine(line);
        }

        return lines.Count > 0;
    }

    private static string Line(string code, string what, string typed, IReadOnlyList<string> known, string most)
    {
        string folded = Names.Fold(typed);
        // a name of two or three characters is near only one edit away (深钏, 深圳), longer ones a third of their length
        var near = NearNames.Find(folded, known.Select(Names.Fold), Math.Max(1, folded.Length / 3), Suggested)
            .Select(n => known.First(k => Names.Fold(k) == n)).ToList();
        if (near.Count > 0)
        {
            return $"anvil: {code}: {what}; did you mean {string.Join(", ", near)}?";
        }

        return known.Count == 0
            ? $"anvil: {code}: {what}, which holds no figures yet (anvil ingest DOCS adds some)"
            : $"anvil: {code}: {what}, nor any name near it; {most}: {string.Join(", ", known.Take(Suggested))}";
    }
}
