using Anvil.Core.Documents;
using Anvil.Core.Entities;

namespace Anvil.Core.Facts;

/// <summary>
/// Who the figures come from: the body a sentence attributes them to (据X统计, X数据显示), a body whose release speaks
/// for the figures that follow (X发布), or a source named in the document's first lines. Words from facts/source-words.tsv.
/// </summary>
internal static partial class SourceAttribution
{
    /// <summary>How far into a document a source still speaks for all of it (a dateline, a lead 据X统计).</summary>
    private const int LeadLength = 120;

    /// <summary>
    /// The body the sentence's figures come from, and the discourse with the sentence's source taken in: a government
    /// body becomes the one 全市 refers to; a body that releases figures speaks for those that follow.
    /// </summary>
    public static (string? Source, Discourse Discourse) OfSentence(FactDocument doc, TextSpan sentence, Discourse discourse)
    {
        string? found = null;
        foreach (var m in doc.MentionsWithin(sentence.Start, sentence.End))
        {
            if (m.Type == EntityType.Person && SpeakerBody(doc, m) is { } body)
            {
                // 国家发改委产业司副司长霍福鹏表示, 行政长官某某表示: an official speaks for the body
                found ??= body.Name;
                discourse = discourse with { OnwardSource = body.Name, OnwardSourceIsGovernment = body.Government, OnwardSourceIsAnnouncement = false };
                continue;
            }

            if (m.Type is not (EntityType.Government or EntityType.Media or EntityType.Organization or EntityType.Company or EntityType.Work))
            {
                continue;
            }

            var (says, onward, act) = Attribution(doc, m);
            if (!says && (Releases(doc, m.View.End, m.Type == EntityType.Government) || (m.Type == EntityType.Work && DocumentSpeaks(doc, m))))
            {
                (says, onward) = (true, true);
            }

            bool adviser = false;
            if (m.Type == EntityType.Company && !says)
            {
                if (!AdviserSpeaks(doc, m))
                {
                    continue;
                }

                // 某某投顾预估…。下半年出货量约为…: an adviser's forecast goes on in the sentences after it
                (says, onward, adviser) = (true, true, true);
            }

            if (says)
            {
                string name = m.Type switch
                {
                    EntityType.Government => BodyOf(doc, m.Name),
                    EntityType.Work => FullTitle(doc, m),
                    _ => m.Name,
                };
                found ??= name;
                if (m.Type == EntityType.Government)
                {
                    discourse = discourse with { SourceBody = m };
                }

                if (onward)
                {
                    discourse = discourse with
                    {
                        OnwardSource = name,
                        OnwardSourceIsGovernment = m.Type == EntityType.Government,
                        OnwardSourceIsAnnouncement = m.Type == EntityType.Company && !adviser,
                        AnnouncedInEarlierParagraph = false,
                    };
                }
                else if (act)
                {
                    // 某基金宣布授权进场护盘: another body announcing an act ends what the speaker before was saying
                    discourse = discourse with { OnwardSource = null, OnwardSourceIsGovernment = false, OnwardSourceIsAnnouncement = false };
                }
            }
        }

        if (found is null && CompanyReferenceReleases(doc, sentence) is { } company)
        {
            found = company;
            discourse = discourse with { OnwardSource = company, OnwardSourceIsGovernment = false, OnwardSourceIsAnnouncement = true, AnnouncedInEarlierParagraph = false };
        }

        return (found, discourse);
    }

    /// <summary>
    /// 某某电子（0312）停牌后，公司晚间发出公告，…: a word for the company the text is about (facts/subject-references.tsv,
    /// company) that releases an announcement makes that company the source, as its name would.
    /// </summary>
    private static string? CompanyReferenceReleases(FactDocument doc, TextSpan sentence)
    {
        var text = doc.Text.AsSpan(sentence.Start, sentence.End - sentence.Start);
        foreach (string word in doc.Data.CompanyReferenceWords)
        {
            for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = NextIndexOf(text, word, at + word.Length))
            {
                int end = sentence.Start + at + word.Length;
                if (Releases(doc, end, government: false) && doc.TopicAt(end).Company is { } company)
                {
                    return company;
                }
            }
        }

        return null;
    }

    private static int NextIndexOf(ReadOnlySpan<char> text, string word, int from)
    {
        int at = text[from..].IndexOf(word, StringComparison.Ordinal);
        return at < 0 ? -1 : from + at;
    }

    /// <summary>
    /// The body a government unit belongs to, when its name is a body the lexicon knows and a department after it
    /// (国家发改委 + 产业司 → the body's lexicon name); otherwise the name itself.
    /// </summary>
    internal static string BodyOf(FactDocument doc, string name)
    {
        if (doc.Lexicon is not { } lexicon)
        {
            return name;
        }

        foreach (var department in doc.Data.Sources.Departments)
        {
            if (!name.EndsWith(department, StringComparison.Ordinal))
            {
                continue;
            }

            // the longest known body the name begins with, leaving a department of its own name (产业司, not 司 alone)
            for (int end = name.Length - department.Length - 1; end >= 2; end--)
            {
                if (lexicon.Lookup(name[..end]) is { Type: EntityType.Government } body)
                {
                    return body.Name;
                }
            }
        }

        return name;
    }

    /// <summary>A source named in the document's first lines speaks for all of it.</summary>
    public static string? OfLead(FactDocument doc) => OfLead(doc, 0, LeadLength);

    /// <summary>
    /// A source named in the first lines of an item of a news feed (from its heading, pictures and their captions
    /// included) speaks for the whole item, its heading too (# 失业率降至5.1% ... 国家统计局公布).
    /// </summary>
    public static string? OfItem(FactDocument doc, int heading)
    {
        // the heading's own line, then the lead's length of words (a caption's link is no words), within the item: a short
        // item ends at the next heading before that
        int next = doc.Text.IndexOf("\n#", heading + 1, StringComparison.Ordinal);
        int itemEnd = next < 0 ? doc.Text.Length : next;
        int end = heading;
        int words = 0;
        while (end < itemEnd && words < LeadLength)
        {
            words += TextClasses.IsHan(doc.Text[end]) ? 1 : 0;
            end++;
        }

        return OfLead(doc, heading, end);
    }

    private static string? OfLead(FactDocument doc, int start, int end)
    {
        for (int at = FactDocument.FirstStartingAt(doc.Mentions, start, x => x.View.Start); at < doc.Mentions.Count; at++)
        {
            var m = doc.Mentions[at];
            if (m.View.Start > end)
            {
                break;
            }

            if (m.Type is EntityType.Government or EntityType.Organization && IsSourceRole(doc, m))
            {
                return m.Name;
            }

            if (m.Type == EntityType.Person && OfficeBody(doc, m) is { } office && Speaks(doc, m))
            {
                return office; // 行政长官某某表示 in an item's first lines: the government speaks for the item
            }
        }

        return null;
    }

    /// <summary>
    /// The body a speaking official speaks for: the body named right before the person and the title, or the body of an
    /// office whose title stands right before the person (行政长官某某; facts/source-cues.tsv, office).
    /// </summary>
    private static (string Name, bool Government)? SpeakerBody(FactDocument doc, Mention person)
    {
        if (BodyOfSpeaker(doc, person) is { } body)
        {
            return (BodyOf(doc, body.Name), body.Type == EntityType.Government);
        }

        return OfficeBody(doc, person) is { } office && Speaks(doc, person) ? (office, true) : null;
    }

    /// <summary>
    /// 腾讯控股于8月16日公布了第二季度财报: a release verb after the name in its clause, then what it released; or, for a
    /// government body, the verb ending the clause (某市税务局7日对外公布，…).
    /// </summary>
    private static bool Releases(FactDocument doc, int nameEnd, bool government)
    {
        var clause = doc.ClauseOf(nameEnd - 1);
        var rest = doc.Text.AsSpan(nameEnd, Math.Max(0, Math.Min(clause.End, nameEnd + 16) - nameEnd));
        var cues = doc.Data.Sources;
        foreach (var verb in cues.ReleaseVerbs)
        {
            int at = rest.IndexOf(verb, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var released = rest[(at + verb.Length)..];
            int verbEnd = nameEnd + at + verb.Length;
            if (government && verbEnd <= clause.End && doc.Text.AsSpan(verbEnd, clause.End - verbEnd).Trim(' ').Trim(Punctuation.ClauseMarks).IsEmpty)
            {
                return true; // 某市税务局7日对外公布，截至目前…: what a body released is what the clauses after it say
            }

            foreach (var noun in cues.Disclosures)
            {
                int n = released.IndexOf(noun, StringComparison.Ordinal);
                if (n >= 0 && n <= 12)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Where a name starts and ends with the title or quotation marks around it (《某报》) counted in.</summary>
    private static (int Start, int End) OutsideTitleMarks(string text, Mention m)
    {
        int start = m.View.Start, end = m.View.End;
        if (start > 0 && end < text.Length && Punctuation.OpeningTitleMarks.Contains(text[start - 1]) && Punctuation.ClosingTitleMarks.Contains(text[end]))
        {
            (start, end) = (start - 1, end + 1);
        }

        return (start, end);
    }

    /// <summary>
    /// Whether the words around a name attribute figures to it, whether for the figures that follow too, and whether it
    /// announces an act instead (宣布 + a verb).
    /// </summary>
    /// <summary>A joiner of sources (和, 与: facts/subject-cues.tsv) stands right before <paramref name="start"/>.</summary>
    private static bool JoinedAfterAnother(FactDocument doc, int start)
    {
        foreach (var joiner in doc.Data.Subjects.SourceJoiners)
        {
            if (start >= joiner.Length && doc.Text.AsSpan(start - joiner.Length, joiner.Length).SequenceEqual(joiner))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The longest day written between a body and its word of stating (今（20）日, 21日).</summary>
    private const int MaxDayBeforeWord = 8;

    private static (bool Says, bool Onward, bool Act) Attribution(FactDocument doc, Mention m)
    {
        var text = doc.Text;
        // a title in its marks (据《某报》报道) is read as the name without them
        var (start, end) = OutsideTitleMarks(text, m);
        // 某部统计处今日公布, 某局21日公布: the day it spoke stands between the body and its word of stating; not for the second
        // of two bodies joined (某市统计局和某调查队7月25日发布 is the first's release, the joiner after it says so)
        foreach (var p in doc.PeriodsWithin(end, Math.Min(text.Length, end + MaxDayBeforeWord)))
        {
            if (p.Span.Start == end && p.Granularity == Periods.PeriodGranularity.Day && !JoinedAfterAnother(doc, start))
            {
                end = p.Span.End;
            }

            break;
        }

        var after = text.AsSpan(end, Math.Min(6, text.Length - end));
        bool says = false, onward = false, act = false;
        foreach (var (word, before, wordOnward) in doc.Data.SourceWords)
        {
            if (before)
            {
                says |= start >= word.Length && text.AsSpan(start - word.Length, word.Length).SequenceEqual(word);
            }
            else if (after.StartsWith(word, StringComparison.Ordinal))
            {
                says = true;
                bool announcesAct = wordOnward && ActFollows(doc, end + word.Length);
                onward |= wordOnward && !announcesAct;
                act |= announcesAct;
            }
        }

        return (says, onward, act && !onward);
    }

    /// <summary>
    /// 某基金宣布授权进场护盘: a word of announcing followed by a verb announces an act, not figures; it speaks for its own
    /// sentence, not for the ones after it (as 某局公布，… or 某行公布上半年业绩 do).
    /// </summary>
    private static bool ActFollows(FactDocument doc, int at)
    {
        if (doc.Words is not { } dictionary || at >= doc.Text.Length)
        {
            return false;
        }

        var run = doc.Text.AsSpan(at, Math.Min(ActLookahead, doc.Text.Length - at));
        Span<int> cuts = stackalloc int[run.Length + 1];
        int count = dictionary.Segment(run, cuts);
        if (count < 2 || dictionary.ClassOf(run[..cuts[1]]) != Lexicons.WordClass.Verb)
        {
            return false;
        }

        // 公布显示: a verb that attributes in turn (facts/source-words.tsv) still announces figures
        foreach (var (word, before, _) in doc.Data.SourceWords)
        {
            if (!before && run.StartsWith(word, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How far after a word of announcing the next word is looked for.</summary>
    private const int ActLookahead = 6;
}
