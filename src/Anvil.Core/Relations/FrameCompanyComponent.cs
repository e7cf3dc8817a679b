using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Lexicons;
using Anvil.Core.Normalization;
using Anvil.Core.Pipeline;

namespace Anvil.Core.Relations;

/// <summary>
/// Companies read from their slot in a relation frame (entities/company-frames.tsv): 某某新材总部位于宁波, 某某电子是某某科技
/// 旗下的全资子公司, 持有某某新材20%股权, 其附属公司某某物业已…. On unseen news most relations missed sat on names the
/// recogniser did not find, while the frame around them says plainly that they are companies. A slot is read only when
/// nothing known stands in it, it is bounded on both sides (clause start or opener, the frame word, a stop word, a figure
/// or a known name) and it holds no function word, digit, title or plain dictionary word: a wrong company is worse than a
/// missed one. A name so read is then a company wherever the text writes it again, so relations stated elsewhere find it.
/// Runs after the facts (whose subjects stay as they were) and before the relation extractor.
/// </summary>
public sealed class FrameCompanyComponent(CompanyFrameData frames, RelationData relations, WordDictionary words) : IPipelineComponent
{
    /// <summary>The shortest name read: two characters are too often a plain word or a person's given name.</summary>
    private const int MinName = 3;

    /// <summary>The longest name read (恒瑞达新能源科技): longer slots are phrases, not names.</summary>
    private const int MaxName = 10;

    private static readonly System.Buffers.SearchValues<char> ClauseMarks =
        System.Buffers.SearchValues.Create("，,；;：:。！!？?\n（）()「」“”\"《》、");

    public string Name => "frame-companies";

    public Annotations Requires => Annotations.View | Annotations.Sentences | Annotations.Entities;

    public Annotations Provides => Annotations.None;

    public void Process(Analysis analysis)
    {
        string text = analysis.View.Text;
        var taken = new TakenSpans(analysis.Entities.Select(e => analysis.View.ToView(e.Span)));
        var names = new List<string>();
        foreach (var part in analysis.Sentences.Parts)
        {
            for (int start = part.Start; start < part.End;)
            {
                int mark = text.AsSpan(start, part.End - start).IndexOfAny(ClauseMarks);
                int end = mark < 0 ? part.End : start + mark;
                if (end > start)
                {
                    ReadClause(text, start, end, taken, names);
                }

                start = end + 1;
            }
        }

        if (names.Count == 0)
        {
            return;
        }

        // each name read is a company wherever the text writes it and nothing else is named there, longest names first
        foreach (var name in names.Distinct().OrderByDescending(n => n.Length))
        {
            for (int at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + name.Length, StringComparison.Ordinal))
            {
                var span = analysis.View.ToOriginal(at, at + name.Length);
                if (taken.Overlaps(at, at + name.Length) || span.IsEmpty || analysis.Document.IsBoilerplate(span))
                {
                    continue;
                }

                taken.Add(new TextSpan(at, at + name.Length));
                analysis.Entities.Add(new EntityMention(span, AsWritten(analysis, name, span), EntityType.Company, "frame"));
            }
        }
    }

    /// <summary>The frames of one clause [start, end): a name before a lead word, in the slots of a copula and an owner word, and after a follow word.</summary>
    private void ReadClause(string text, int start, int end, TakenSpans taken, List<string> names)
    {
        var clause = text.AsSpan(0, end);
        int head = start;
        for (int len; head < end && (len = frames.Openers.WordAt(clause, head)) > 0;)
        {
            head += len;
        }

        // 某某环球（股份代号：2318）: the clause before a labelled stock code in brackets is a listed company's name
        if (end + 1 < text.Length && text[end] is '(' or '（' && frames.CodeLabels.WordAt(text, end + 1) > 0)
        {
            Read(text, head, end, taken, names);
        }

        // 某某新材总部位于… : the first lead word, with the name from the clause's head up to it
        for (int i = head + MinName; i < end; i++)
        {
            if (frames.Leads.CanStartWith(text[i]) && frames.Leads.WordAt(clause, i) > 0)
            {
                Read(text, head, i, taken, names);
                break;
            }
        }

        // 某某材料是某某科技旗下子公司: a copula after the head's name and an owner word closing the second name
        for (int i = head + MinName; i < end; i++)
        {
            int copula = relations.ListWordAt(clause, i, ListWord.Copula);
            if (copula == 0)
            {
                continue;
            }

            for (int o = i + copula + MinName; o < end; o++)
            {
                if (frames.Owners.CanStartWith(text[o]) && frames.Owners.WordAt(clause, o) > 0)
                {
                    Read(text, head, i, taken, names);
                    Read(text, i + copula, o, taken, names);
                    break;
                }
            }

            break;
        }

        // 旗下的某某电子将…, 持有某某新材20%: each follow word, with the name up to the first stop after it
        for (int i = start; i < end; i++)
        {
            int len = frames.Follows.CanStartWith(text[i]) ? frames.Follows.WordAt(clause, i) : 0;
            if (len == 0)
            {
                continue;
            }

            int from = i + len, to = from;
            while (to < end && to - from <= MaxName && !IsStopAt(text, clause, to, taken))
            {
                to++;
            }

            Read(text, from, to, taken, names);
            i = to - 1;
        }
    }

    /// <summary>Whether a name read forwards ends at <paramref name="position"/>: a stop word, a figure, a title or a known name.</summary>
    private bool IsStopAt(string text, ReadOnlySpan<char> clause, int position, TakenSpans taken) =>
        char.IsAsciiDigit(text[position]) || frames.Stops.WordAt(clause, position) > 0 || frames.Leads.WordAt(clause, position) > 0
        || relations.PositionWordAt(clause, position, PositionWord.Title) > 0 || taken.StartsAt(position);

    /// <summary>Takes [start, end) as a company's name when it is shaped like one and nothing known stands there.</summary>
    private void Read(string text, int start, int end, TakenSpans taken, List<string> names)
    {
        if (end - start is < MinName or > MaxName || taken.Overlaps(start, end))
        {
            return;
        }

        var name = text.AsSpan(start, end - start);
        foreach (char c in name)
        {
            if (!IsHan(c) || frames.Breakers.Contains(c))
            {
                return; // Latin names and figures are the recogniser's: a frame reads Han names only
            }
        }

        // a plain word (企业, 记者) or one holding a title, a stop or a frame word (某某董事) is no name
        if (words.IsCommonWord(name) || !HasNameHead(name))
        {
            return;
        }

        for (int k = 1; k < name.Length; k++)
        {
            if (frames.Stops.WordAt(name, k) > 0 || frames.Leads.WordAt(name, k) > 0 || frames.Follows.WordAt(name, k) > 0
                || relations.PositionWordAt(name, k, PositionWord.Title) > 0)
            {
                return;
            }
        }

        names.Add(name.ToString());
    }

    /// <summary>
    /// Whether the words of <paramref name="name"/> look like a name's rather than a phrase's: it holds no verb or function
    /// word, does not open with a plain word and at least two of its characters lie outside plain words (瀚川 of 瀚川智造,
    /// 国芯 of 国芯投资). Phrases a frame also fits are made of plain words (大量现金, 半导体设备, 全球芯片龙头, 许多新品牌);
    /// names made of them (极光智行) are left to the recogniser.
    /// </summary>
    private bool HasNameHead(ReadOnlySpan<char> name)
    {
        Span<int> cuts = stackalloc int[MaxName + 1];
        int count = words.Segment(name, cuts);
        int outside = 0;
        for (int k = 0; k + 1 < count; k++)
        {
            var word = name[cuts[k]..cuts[k + 1]];
            var wordClass = words.ClassOf(word);
            bool suffix = k + 2 == count && frames.Suffixes.TryGet(word, out _);
            if (wordClass is WordClass.Function or WordClass.Verb && word.Length >= 2 && !suffix)
            {
                // a verb or an adverb (仍未表态): a clause, not a name. Single characters are the breakers' (之 of 恒之源
                // may stand in a name), and a company suffix the dictionary calls a verb (控股) still ends one
                return false;
            }

            bool plain = word.Length >= 2 && words.IsCommonWord(word);
            if (plain && k == 0)
            {
                return false;
            }

            outside += plain ? 0 : word.Length;
        }

        return outside >= 2;
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    /// <summary>
    /// The spans named so far, in order of their start, so that each question is a binary search: a long text names
    /// thousands, and the frames ask at every word that may end a name.
    /// </summary>
    private sealed class TakenSpans
    {
        private readonly List<TextSpan> _spans;
        private int _longest;

        public TakenSpans(IEnumerable<TextSpan> spans)
        {
            _spans = [.. spans];
            _spans.Sort((a, b) => a.Start.CompareTo(b.Start));
            foreach (var s in _spans)
            {
                _longest = Math.Max(_longest, s.Length);
            }
        }

        public void Add(TextSpan span)
        {
            _spans.Insert(FirstStartingAtOrAfter(span.Start), span);
            _longest = Math.Max(_longest, span.Length);
        }

        public bool StartsAt(int position)
        {
            int i = FirstStartingAtOrAfter(position);
            return i < _spans.Count && _spans[i].Start == position;
        }

        public bool Overlaps(int start, int end)
        {
            // the spans starting before the end, back to the first that could still reach the start
            for (int i = FirstStartingAtOrAfter(end) - 1; i >= 0 && _spans[i].Start + _longest > start; i--)
            {
                if (_spans[i].End > start)
                {
                    return true;
                }
            }

            return false;
        }

        private int FirstStartingAtOrAfter(int position)
        {
            int lo = 0, hi = _spans.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (_spans[mid].Start < position)
                {
                    lo = mid + 1;
                }
                else
                {
                    hi = mid;
                }
            }

            return lo;
        }
    }

    /// <summary>The name as the text writes it, in Simplified script: the view may have put a mainland word for a regional one.</summary>
    private static string AsWritten(Analysis analysis, string name, TextSpan span)
    {
        var original = analysis.Document.Text.AsSpan(span.Start, span.Length);
        if (original.SequenceEqual(name))
        {
            return name;
        }

        string written = TextNormalizer.Default.AsWritten(original, analysis.Script);
        return written.Length > 0 ? written : name;
    }
}
