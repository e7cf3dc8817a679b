using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Lexicons;

namespace Anvil.Core.Facts;

/// <summary>What a stretch of a document is about: its place, its company, and which of them its figures belong to.</summary>
internal sealed record Topic(string? Place, string? Company)
{
    public static readonly Topic None = new(null, null);

    /// <summary>The subject a figure takes when nothing nearer names one: the company of a company article, else the place.</summary>
    public string? Subject { get; init; }
}

/// <summary>
/// The topic of each section of a document, as a reader takes it from the headline, the lead and what the text keeps
/// naming. A section runs from a heading (a line starting with #, as in a news feed) to the next; a document without
/// headings is one section whose headline is the document's title. Names in the headline weigh most, then names in
/// the lead, then every mention; words standing for a place (本港, 全市) count for the place they stand for, and the
/// place of the document's region (Hong Kong, Taiwan) counts once more. A company the headline or lead names and the
/// section keeps naming makes a company article: its figures are the company's.
/// </summary>
internal static class DocumentTopic
{
    private const int HeadlineWeight = 4;
    private const int LeadWeight = 2;
    private const int LeadLength = 150;

    public static List<(int Start, Topic Topic)> Find(FactDocument doc, IReadOnlyList<TextSpan> sentences, EntityLexicon? lexicon)
    {
        var sections = new List<(int Start, int HeadingEnd, int End)>();
        foreach (var s in sentences)
        {
            if (doc.Text[s.Start] == '#')
            {
                if (sections.Count > 0)
                {
                    sections[^1] = sections[^1] with { End = s.Start };
                }
                else if (s.Start > 0)
                {
                    sections.Add((0, 0, s.Start));
                }

                sections.Add((s.Start, s.End, doc.Text.Length));
            }
        }

        if (sections.Count == 0)
        {
            sections.Add((0, 0, doc.Text.Length));
        }

        var titleNames = sections[0].HeadingEnd == 0 ? NamesIn(doc.Analysis.Document.Title, lexicon) : [];
        var topics = sections.Select((s, i) => (Start: s.Start, Topic: Of(doc, s.Start, s.HeadingEnd, s.End, i == 0 ? titleNames : []))).ToList();
        if (sections.Count > 1 && (doc.RegionPlace ?? doc.CountryByDefault) is { } home)
        {
            // the items of a news feed have nothing to do with each other: an item that names no place or company speaks
            // of the feed's region (or country), not of what the other items name most
            for (int i = 0; i < topics.Count; i++)
            {
                if (topics[i].Topic.Subject is null)
                {
                    topics[i] = topics[i] with { Topic = topics[i].Topic with { Subject = home } };
                }
            }
        }

        return topics;
    }

    private static Topic Of(FactDocument doc, int start, int headingEnd, int end, List<(string Name, EntityType Type)> headline)
    {
        var scores = new Dictionary<(string Name, EntityType Type), (int Score, int First)>();
        void Add(string name, EntityType type, int weight, int at)
        {
            var key = (name, type);
            scores[key] = scores.TryGetValue(key, out var s) ? (s.Score + weight, s.First) : (weight, at);
        }

        foreach (var (name, type) in headline)
        {
            Add(name, type, HeadlineWeight, -1);
        }

        int leadEnd = Math.Max(headingEnd, start) + LeadLength;
        foreach (var m in doc.MentionsWithin(start, end))
        {
            if (m.Type is not (EntityType.Place or EntityType.Company) || m.Name == doc.Data.Subjects.Country || (m.Type == EntityType.Place && doc.IsDateline(m)))
            {
                continue;
            }

            int weight = 1 + (m.View.Start < headingEnd ? HeadlineWeight : m.View.Start < leadEnd ? LeadWeight : 0);
            Add(m.Name, m.Type, weight, m.View.Start);
        }

        foreach (var (at, name) in doc.NamedReferences(start, end))
        {
            Add(name, EntityType.Place, 1, at);
        }

        if (doc.RegionPlace is { } region && scores.Keys.Any(k => k.Type == EntityType.Place))
        {
            Add(region, EntityType.Place, 1, end);
        }

        var place = Best(scores, EntityType.Place);
        var company = Best(scores, EntityType.Company);
        // a company article: the company is named in the headline or lead and as often as the place
        bool companyArticle = company is { } c && c.First < leadEnd && (place is not { } p || c.Score >= p.Score);
        return new Topic(place?.Name, company?.Name) { Subject = companyArticle ? company!.Value.Name : place?.Name ?? company?.Name };
    }

    private static (string Name, int Score, int First)? Best(Dictionary<(string Name, EntityType Type), (int Score, int First)> scores, EntityType type)
    {
        (string Name, int Score, int First)? best = null;
        foreach (var (key, s) in scores)
        {
            if (key.Type == type && (best is null || s.Score > best.Value.Score || (s.Score == best.Value.Score && s.First < best.Value.First)))
            {
                best = (key.Name, s.Score, s.First);
            }
        }

        return best;
    }

    /// <summary>The places and companies a title names, found through the lexicon (a title outside the text has no mentions).</summary>
    private static List<(string Name, EntityType Type)> NamesIn(string? title, EntityLexicon? lexicon)
    {
        var names = new List<(string, EntityType)>();
        if (string.IsNullOrEmpty(title) || lexicon is null)
        {
            return names;
        }

        string text = lexicon.Normalize(title);
        for (int i = 0; i < text.Length;)
        {
            int next = i + 1;
            for (int len = Math.Min(8, text.Length - i); len >= 2; len--)
            {
                if (lexicon.Lookup(text.Substring(i, len)) is { Type: EntityType.Place or EntityType.Company, RequiresContext: null } entry)
                {
                    names.Add((entry.Name, entry.Type));
                    next = i + len;
                    break;
                }
            }

            i = next;
        }

        return names;
    }
}
