using Anvil.Data;

namespace Anvil.Core.Documents;

/// <summary>A phrase that marks a line, with the longest line it may mark whole.</summary>
public readonly record struct LinePhrase(string Phrase, int MaxLineChars);

/// <summary>
/// The word lists behind <see cref="BoilerplateMarker"/>, loaded from <c>reading/boilerplate.tsv</c> in Anvil.Data
/// (that file documents each rule). Immutable once built.
/// </summary>
public sealed class BoilerplateRules
{
    public const string DataFile = "reading/boilerplate.tsv";

    private const int DefaultMaxLineChars = 120;

    private static readonly Lazy<BoilerplateRules> Loaded = new(() => Parse(DataFiles.ReadLines(DataFile)));

    public BoilerplateRules(
        IReadOnlyList<LinePhrase> lineStarts,
        IReadOnlyList<LinePhrase> lineContains,
        IReadOnlyList<string> inlinePhrases,
        IReadOnlyCollection<string> shareTargets,
        IReadOnlyList<string> leadMarkers,
        IReadOnlyCollection<string> imageExtensions,
        IReadOnlyCollection<string> htmlTags)
    {
        LineStarts = lineStarts;
        LineContains = lineContains;
        InlinePhrases = inlinePhrases;
        ShareTargets = new HashSet<string>(shareTargets, StringComparer.OrdinalIgnoreCase);
        LeadMarkers = leadMarkers;
        ImageExtensions = new HashSet<string>(imageExtensions, StringComparer.OrdinalIgnoreCase);
        HtmlTags = new HashSet<string>(htmlTags, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The rules shipped in Anvil.Data.</summary>
    public static BoilerplateRules Default => Loaded.Value;

    public IReadOnlyList<LinePhrase> LineStarts { get; }

    public IReadOnlyList<LinePhrase> LineContains { get; }

    public IReadOnlyList<string> InlinePhrases { get; }

    public IReadOnlySet<string> ShareTargets { get; }

    public IReadOnlyList<string> LeadMarkers { get; }

    public IReadOnlySet<string> ImageExtensions { get; }

    public IReadOnlySet<string> HtmlTags { get; }

    /// <summary>Parses the data file's lines (comments already dropped); the first line names the columns.</summary>
    public static BoilerplateRules Parse(IEnumerable<string> lines)
    {
        var lineStarts = new List<LinePhrase>();
        var lineContains = new List<LinePhrase>();
        var inline = new List<string>();
        var share = new List<string>();
        var lead = new List<string>();
        var images = new List<string>();
        var tags = new List<string>();
        bool header = true;
        foreach (var line in lines)
        {
            if (header)
            {
                header = false; // rule, phrase, max_line_chars
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 2 || cells[1].Length == 0)
            {
                throw new FormatException($"E0101: {DataFile}: line '{line}' needs a rule and a phrase");
            }

            string phrase = cells[1];
            int max = cells.Length > 2 && int.TryParse(cells[2], out int m) ? m : DefaultMaxLineChars;
            switch (cells[0])
            {
                case "line-start": lineStarts.Add(new(phrase, max)); break;
                case "line-contains": lineContains.Add(new(phrase, max)); break;
                case "inline": inline.Add(phrase); break;
                case "share-target": share.Add(phrase); break;
                case "lead-marker": lead.Add(phrase); break;
                case "image-extension": images.Add(phrase); break;
                case "html-tag": tags.Add(phrase); break;
                default: throw new FormatException($"E0101: {DataFile}: unknown rule '{cells[0]}'");
            }
        }

        return new(lineStarts, lineContains, inline, share, lead, images, tags);
    }
}
