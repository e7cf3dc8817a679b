using Anvil.Core.Documents;
using Anvil.Core.Lexicons;
using Anvil.Core.Normalization;

namespace Anvil.Analytics.Chains;

/// <summary>
/// The words of the text-evidence rule (<c>chains/support/text-evidence.yaml</c>); <see cref="Sites"/>: the words that make
/// a <c>located_in</c> relation place a site of the company (工厂, 基地, 分公司), not the company itself, and that name a site
/// after a place (盐城电池工厂); <see cref="At"/> and <see cref="Work"/>: the words around a place that say work is done
/// there (在苏州量产). <see cref="WorkSites"/> reads the last three.
/// </summary>
public sealed record TextCues(int MaxGap, IReadOnlyList<string> Links, IReadOnlyList<string> After, IReadOnlyList<string> Blocks)
{
    public static TextCues None { get; } = new(24, [], [], []);

    public IReadOnlyList<string> Sites { get; init; } = [];

    /// <summary>Words right before a place that make it where something happens (在, 于).</summary>
    public IReadOnlyList<string> At { get; init; } = [];

    /// <summary>Words of making and developing (生产, 量产, 研发): after <see cref="At"/> and a place, the work is done there.</summary>
    public IReadOnlyList<string> Work { get; init; } = [];

    /// <summary>A user's file over Anvil's: lists it gives replace Anvil's lists.</summary>
    public TextCues Merge(TextCues user) => new(
        user.MaxGap,
        user.Links.Count > 0 ? user.Links : Links,
        user.After.Count > 0 ? user.After : After,
        user.Blocks.Count > 0 ? user.Blocks : Blocks)
    {
        Sites = user.Sites.Count > 0 ? user.Sites : Sites,
        At = user.At.Count > 0 ? user.At : At,
        Work = user.Work.Count > 0 ? user.Work : Work,
    };

    /// <summary>Whether a relation's quote names a site (比亚迪的工厂分别坐落在…, 襄阳工厂).</summary>
    public bool NamesSite(string? quote)
    {
        if (quote is null || Sites.Count == 0)
        {
            return false;
        }

        var simplified = TextNormalizer.Default.Normalize(quote).Text;
        return Sites.Any(w => simplified.Contains(w, StringComparison.Ordinal));
    }
}

/// <summary>A company named in a document, at a span of the folded view.</summary>
internal readonly record struct CompanyMention(int Start, int End, string Company);

/// <summary>
/// "Text evidence": places a company in a stage from the words near its name in a stored document, for what relation
/// extraction does not state as <c>produces</c> (藏在比亚迪的「垂直整合」模式里——电池、电机、电控全部自主). Within one
/// sentence (cut at 。！？；!?; and line ends), a stage word counts for the nearest company named before it when
/// <list type="bullet">
/// <item>no other company is named between them, no comma either, and the gap is at most <see cref="TextCues.MaxGap"/> characters;</item>
/// <item>the gap is empty (华为芯片), or holds a link word (的, 模式, 量产, 研发...), or an after word (自主, 自研) follows
/// the stage word within the same distance, or the gap is a city and a site word follows the stage word (星桥电驱盐城电池工厂:
/// a factory named with its product; <see cref="WorkSites"/> then places the work in that city);</item>
/// <item>the gap holds no block word (用了, 采购, 依赖...: a company that buys a product does not make it).</item>
/// </list>
/// The quote runs from the company's name to the stage word, in the original text. Boilerplate is skipped.
/// </summary>
public sealed class TextEvidence
{

    // 电池工厂, 电池生产基地: the site word starts at most this many characters after the stage word
    private const int NamedSiteReach = 2;

    // a comma between the name and the word starts another clause, most often about something else
    private static readonly char[] ClauseBreaks = ['，', ','];

    private readonly StageMatcher _matcher;
    private readonly TextCues _cues;
    private readonly PlaceIndex? _places;
    private readonly WordTrie<string> _companies = new();

    /// <param name="companies">Each company's canonical name and the folded names it goes by (name, aliases, forms documents write it in).</param>
    /// <param name="places">When given, a city between the name and the stage word, with a site word after the word, is a factory named with its product (星桥电驱盐城电池工厂).</param>
    public TextEvidence(StageMatcher matcher, TextCues cues, IEnumerable<(string Company, IEnumerable<string> FoldedNames)> companies, PlaceIndex? places = null)
    {
        _matcher = matcher;
        _cues = cues;
        _places = places;
        foreach (var (company, names) in companies)
        {
            foreach (var name in names.Where(n => n.Length >= 2))
            {
                // a name two companies share stays with the first (the better known: callers list by mentions)
                if (!_companies.TryGet(name, out _))
                {
                    _companies.Add(name, company);
                }
            }
        }
    }

    /// <summary>
    /// The stage placements a document's text gives. <paramref name="mentioned"/> says which companies extraction saw
    /// in this document: a name counts only for those (理想 is also an ordinary word).
    /// </summary>
    public IEnumerable<StagePlacement> Read(string doc, string text, IReadOnlyList<(int Start, int End)> boilerplate, Func<string, bool> mentioned)
    {
        var view = TextNormalizer.Default.Normalize(text);
        var folded = StageMatcher.Fold(view.Text);
        var positions = new CodePoints(text);
        var skip = boilerplate.Select(b => (Start: view.ToView(positions.ToUtf16(b.Start)), End: view.ToView(positions.ToUtf16(b.End)))).ToList();
        bool InBoilerplate(int start) => skip.Any(b => start >= b.Start && start < b.End);

        var mentions = Mentions(folded).Where(m => mentioned(m.Company) && !InBoilerplate(m.Start)).ToList();
        if (mentions.Count == 0)
        {
            yield break;
        }

        foreach (var word in _matcher.Find(folded))
        {
            // a word inside a name (星海电池, 蓝鲸电驱) is part of the name, not evidence
            if (InBoilerplate(word.Start) || mentions.Any(m => m.Start < word.End && word.Start < m.End))
            {
                continue;
            }

            // the sentence part the word stands in, as the extraction pipeline cuts sentences
            int sentenceStart = folded.AsSpan(0, word.Start).LastIndexOfAny(Punctuation.PartEnds) + 1;
            var company = mentions.LastOrDefault(m => m.End <= word.Start && m.Start >= sentenceStart);
            if (company.Company is null || mentions.Any(m => m.Start > company.Start && m.Start < word.Start))
            {
                continue;
            }

            var gap = folded[company.End..word.Start];
            if (gap.Length > _cues.MaxGap || gap.AsSpan().IndexOfAny(ClauseBreaks) >= 0 || _cues.Blocks.Any(b => gap.Contains(b, StringComparison.Ordinal)))
            {
                continue;
            }

            int sentenceEnd = folded.AsSpan(word.End).IndexOfAny(Punctuation.PartEnds) is int ahead and >= 0 ? word.End + ahead : -1;
            var after = folded[word.End..Math.Min(sentenceEnd < 0 ? folded.Length : sentenceEnd, word.End + _cues.MaxGap)];
            string? cue = gap.Length == 0 ? "adjoining"
                : _cues.Links.FirstOrDefault(l => gap.Contains(l, StringComparison.Ordinal))
                ?? _cues.After.FirstOrDefault(a => after.Contains(a, StringComparison.Ordinal))
                ?? (NamesSite(gap, after) ? "site" : null);
            if (cue is null)
            {
                continue;
            }

            var span = view.ToOriginal(company.Start, word.End);
            var evidence = new ChainEvidence(EvidenceKind.Text, $"text {word.Word} ({cue})")
            {
                Doc = doc,
                Start = positions.FromUtf16(span.Start),
                End = positions.FromUtf16(span.End),
                Quote = text[span.Start..span.End],
            };
            foreach (var stage in word.Stages)
            {
                yield return new StagePlacement(company.Company, stage, word.Word, evidence);
            }
        }
    }

    /// <summary>The gap is a city and a site word follows the stage word at once: the company's factory named with its product and city.</summary>
    private bool NamesSite(string gap, string after) =>
        _places is not null && _places.TryCity(gap, out _)
        && _cues.Sites.Any(w => after.AsSpan(0, Math.Min(after.Length, NamedSiteReach + w.Length)).IndexOf(w, StringComparison.Ordinal) >= 0);

    private List<CompanyMention> Mentions(string folded)
    {
        var found = new List<CompanyMention>();
        int i = 0;
        while (i < folded.Length)
        {
            int length = _companies.LongestMatch(folded, i, out var company);
            if (length > 0 && LatinBounded(folded, i, i + length))
            {
                found.Add(new CompanyMention(i, i + length, company));
                i += length;
                continue;
            }

            i++;
        }

        return found;
    }

    private static bool LatinBounded(string text, int start, int end)
    {
        static bool Letter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9');
        return !(Letter(text[start]) && start > 0 && Letter(text[start - 1]))
            && !(Letter(text[end - 1]) && end < text.Length && Letter(text[end]));
    }
}
