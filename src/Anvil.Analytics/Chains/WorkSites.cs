using Anvil.Core.Documents;
using Anvil.Core.Normalization;
using Anvil.Store.Records;

namespace Anvil.Analytics.Chains;

/// <summary>A city a statement names as where a company's work is done, with the words that say so (淮安的基地, 在苏州量产) as evidence.</summary>
internal sealed record WorkSite(string City, ChainEvidence Evidence);

/// <summary>
/// Where, in one stored document, the work a statement states is done. The statement is a stage's evidence (a
/// <c>produces</c> relation, text evidence, a figure): its span runs from the company to the stage word. Within the clause
/// of the stage word (cut at 。！？；, line ends and commas, reaching back to the statement's start within its sentence), a
/// place extraction recognised names a site of that work when
/// <list type="bullet">
/// <item>a site word (<see cref="TextCues.Sites"/>: 工厂, 基地) starts within <see cref="SiteReach"/> characters after it
/// (盐城电池工厂, 淮安的基地, 南昌工厂); or</item>
/// <item>an at word (<see cref="TextCues.At"/>: 在, 于) stands right before it and a work word (<see cref="TextCues.Work"/>:
/// 生产, 量产, 研发) starts within <see cref="WorkReach"/> characters after it (在苏州量产).</item>
/// </list>
/// A place after another company's name in the clause is that company's (…的电池供应华光汽车西安工厂). Only places that are a
/// city, or a district of exactly one, count: a province or a country says too little of where the work is.
/// </summary>
internal sealed class WorkSites
{
    /// <summary>盐城 + 电池生产 + 基地: a place, up to four characters of product and kind, then the site word.</summary>
    private const int SiteReach = 6;

    /// <summary>在苏州 + 建设工厂批量 + 生产.</summary>
    private const int WorkReach = 8;

    private static readonly char[] ClauseBreaks = ['，', ','];

    private readonly string _doc;
    private readonly string _text;
    private readonly string _view;
    private readonly MatchView _normalized;
    private readonly CodePoints _positions;
    private readonly TextCues _cues;
    private readonly List<(int Start, int End, string City)> _places = [];
    private readonly List<(int Start, string Company)> _companies = [];

    /// <param name="mentions">The document's mentions as the store holds them (spans in code points of <paramref name="text"/>).</param>
    public WorkSites(string doc, string text, IReadOnlyList<MentionRow> mentions, PlaceIndex places, TextCues cues)
    {
        _doc = doc;
        _text = text;
        _cues = cues;
        _normalized = TextNormalizer.Default.Normalize(text);
        _view = _normalized.Text;
        _positions = new CodePoints(text);
        foreach (var m in mentions)
        {
            var span = ToView(m.Start, m.End);
            if (m.Type == "place" && (places.TryCity(m.Name, out var city) || places.TryCity(m.Quote, out city)))
            {
                _places.Add((span.Start, span.End, city));
            }
            else if (m.Type == "company")
            {
                _companies.Add((span.Start, m.Name));
            }
        }
    }

    /// <summary>The sites the statement behind <paramref name="evidence"/> names for <paramref name="company"/>'s work; none when it names none.</summary>
    public IReadOnlyList<WorkSite> Of(string company, ChainEvidence evidence)
    {
        if (_places.Count == 0 || evidence.Doc != _doc || evidence.Start is not { } s || evidence.End is not { } e || e <= s)
        {
            return [];
        }

        var (start, end) = ToView(s, e);
        int word = Math.Max(start, end - 1);
        var before = _view.AsSpan(0, word);
        int sentence = before.LastIndexOfAny(Punctuation.PartEnds) + 1;
        int clause = Math.Max(sentence, before.LastIndexOfAny(ClauseBreaks) + 1);
        int from = Math.Max(sentence, Math.Min(start, clause));
        int ahead = _view.AsSpan(end).IndexOfAny(Punctuation.PartEnds);
        int comma = _view.AsSpan(end).IndexOfAny(ClauseBreaks);
        int to = end + (ahead < 0 ? _view.Length - end : comma < 0 ? ahead : Math.Min(ahead, comma));

        var places = _places.Where(p => p.Start >= from && p.End <= to
            && !_companies.Any(c => c.Start >= from && c.Start < p.Start && c.Company != company)).ToList();
        var phrases = new List<(int Start, int End)>();
        foreach (var (placeStart, placeEnd, _) in places)
        {
            // the words after the place, up to the end of its own clause (在盐城、淮安，主要生产: 生产 is another clause's)
            int clauseEnd = _view.AsSpan(placeEnd, to - placeEnd).IndexOfAny(ClauseBreaks);
            int limit = clauseEnd < 0 ? to : placeEnd + clauseEnd;
            int at = AtBefore(placeStart, from);
            int siteEnd = SiteAfter(placeEnd, limit);
            if (siteEnd < 0 && at > 0)
            {
                siteEnd = WorkAfter(placeEnd, limit);
            }

            if (siteEnd >= 0)
            {
                phrases.Add((placeStart - at, siteEnd));
            }
        }

        // every place inside a site's words is a site of the same work (在盐城、淮安生产; 盐城和淮安的工厂)
        var sites = new List<WorkSite>();
        foreach (var (placeStart, placeEnd, city) in places)
        {
            if (sites.Any(x => x.City == city) || phrases.FirstOrDefault(x => x.Start <= placeStart && placeEnd <= x.End) is not { End: > 0 } phrase)
            {
                continue;
            }

            var span = _normalized.ToOriginal(phrase.Start, phrase.End);
            sites.Add(new WorkSite(city, new ChainEvidence(EvidenceKind.Text, $"site {city}")
            {
                Doc = _doc,
                Start = _positions.FromUtf16(span.Start),
                End = _positions.FromUtf16(span.End),
                Quote = _text[span.Start..span.End],
            }));
        }

        return sites;
    }

    private TextSpan ToView(int start, int end) => _normalized.ToView(new TextSpan(_positions.ToUtf16(start), _positions.ToUtf16(end)));

    /// <summary>The end of a site word starting within <see cref="SiteReach"/> characters after a place, or -1.</summary>
    private int SiteAfter(int placeEnd, int to) => WordAfter(_cues.Sites, placeEnd, SiteReach, to);

    private int WorkAfter(int placeEnd, int to) => WordAfter(_cues.Work, placeEnd, WorkReach, to);

    private int WordAfter(IReadOnlyList<string> words, int from, int reach, int to)
    {
        int best = -1;
        foreach (var w in words)
        {
            int limit = Math.Min(to, from + reach + w.Length);
            if (limit <= from)
            {
                continue;
            }

            int at = _view.AsSpan(from, limit - from).IndexOf(w, StringComparison.Ordinal);
            if (at >= 0 && (best < 0 || from + at + w.Length < best))
            {
                best = from + at + w.Length;
            }
        }

        return best;
    }

    /// <summary>The length of the at word (在) right before the place, or 0.</summary>
    private int AtBefore(int placeStart, int from) =>
        _cues.At.FirstOrDefault(a => placeStart - a.Length >= from && _view.AsSpan(placeStart - a.Length, a.Length).SequenceEqual(a))?.Length ?? 0;
}
