using Anvil.Core.Entities;

namespace Anvil.Core.Facts;

// Sources that speak: an official, an adviser or the document itself saying the figures, and the body each speaks for.
internal static partial class SourceAttribution
{
    /// <summary>The body of an office whose title ends right before a person's name (行政长官 + 某某 → the government), or null.</summary>
    private static string? OfficeBody(FactDocument doc, Mention person)
    {
        foreach (var (title, body) in doc.Data.Sources.Offices)
        {
            int at = person.View.Start - title.Length;
            if (at >= 0 && string.CompareOrdinal(doc.Text, at, title, 0, title.Length) == 0)
            {
                return body;
            }
        }

        return null;
    }

    /// <summary>A body named as a source (据X, X统计, X、Y发布), not as what figures are about.</summary>
    public static bool IsSourceRole(FactDocument doc, Mention m)
    {
        if (m.Type == EntityType.Company)
        {
            return AdviserSpeaks(doc, m);
        }

        if (m.Type is not (EntityType.Government or EntityType.Organization or EntityType.Media))
        {
            return false;
        }

        if (Attribution(doc, m).Says)
        {
            return true;
        }

        var after = doc.Text.AsSpan(m.View.End, Math.Min(6, doc.Text.Length - m.View.End));
        foreach (var joiner in doc.Data.Subjects.SourceJoiners)
        {
            if (after.StartsWith(joiner, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 元大投顾预估, 华泰证券预计: an adviser (a company named as an investment adviser, broker or research house, facts/source-cues.tsv)
    /// followed by a word of speaking or forecasting speaks of other companies' figures.
    /// </summary>
    private static bool AdviserSpeaks(FactDocument doc, Mention m)
    {
        var cues = doc.Data.Sources;
        bool adviser = false;
        foreach (var ending in cues.Advisers)
        {
            adviser |= m.Name.EndsWith(ending, StringComparison.Ordinal);
        }

        if (!adviser)
        {
            return false;
        }

        var after = doc.Text.AsSpan(m.View.End, Math.Min(3, doc.Text.Length - m.View.End));
        return WordMatch.StartsWithAny(after, cues.Forecasts) || WordMatch.StartsWithAny(after, cues.Speaking);
    }

    /// <summary>
    /// A document's short title as the text wrote it in full before (《某市发展规划》 … 《规划》提出 → 某市发展规划): the
    /// longest earlier title that ends with it.
    /// </summary>
    private static string FullTitle(FactDocument doc, Mention work)
    {
        string full = work.Name;
        foreach (var m in doc.MentionsWithin(0, work.View.Start))
        {
            if (m.Type == EntityType.Work && m.Name.Length > full.Length && m.Name.EndsWith(work.Name, StringComparison.Ordinal))
            {
                full = m.Name;
            }
        }

        return full;
    }

    /// <summary>
    /// 《某某规划》提出, 预算案文件显示, 翻查预算案: a document followed in its clause by a verb of what it says or sets, or
    /// read with a word of looking up before it, is where the figures after it come from.
    /// </summary>
    private static bool DocumentSpeaks(FactDocument doc, Mention work)
    {
        var cues = doc.Data.Sources;
        var text = doc.Text.AsSpan();
        int start = OutsideTitleMarks(doc.Text, work).Start;
        foreach (var lookup in cues.DocumentLookups)
        {
            if (start >= lookup.Length && text[(start - lookup.Length)..start].SequenceEqual(lookup))
            {
                return true;
            }
        }

        // the document's own nouns may stand between (文件地图揭示): a few characters of the clause, no figure among them
        var clause = doc.ClauseOf(work.View.Start);
        int end = Math.Min(clause.End, work.View.End + 8);
        var after = text[work.View.End..Math.Max(work.View.End, end)];
        int digit = after.IndexOfAnyInRange('0', '9');
        if (digit >= 0)
        {
            after = after[..digit];
        }

        foreach (var verb in cues.DocumentVerbs)
        {
            if (after.Contains(verb, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>某市税务局所得税处处长某某介绍: the body's official, named right after it, speaks for it.</summary>
    public static bool OfficialSpeaks(FactDocument doc, Mention body)
    {
        foreach (var m in doc.MentionsWithin(body.View.End, Math.Min(doc.Text.Length, body.View.End + 11)))
        {
            if (m.Type == EntityType.Person)
            {
                return BodyOfSpeaker(doc, m) is { } spoken && spoken.View == body.View;
            }
        }

        return false;
    }

    /// <summary>A person followed in the clause by a verb of speaking (表示, 透露, 在发布会上介绍), after the title at most.</summary>
    private static bool Speaks(FactDocument doc, Mention person)
    {
        var clause = doc.ClauseOf(person.View.Start);
        var after = doc.Text.AsSpan(person.View.End, Math.Max(0, Math.Min(clause.End, person.View.End + 16) - person.View.End));
        foreach (var verb in doc.Data.Sources.Speaking)
        {
            if (after.Contains(verb, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The body an official speaks for: a person followed in the clause by a verb of speaking (表示, 透露, 在发布会上介绍), with a
    /// body named right before the person and the title (国家发改委产业司副司长霍福鹏).
    /// </summary>
    private static Mention? BodyOfSpeaker(FactDocument doc, Mention person)
    {
        if (!Speaks(doc, person))
        {
            return null;
        }

        var clause = doc.ClauseOf(person.View.Start);
        var body = FactDocument.LastBefore(doc.Mentions, person.View.Start,
            b => b.Type is EntityType.Government or EntityType.Organization or EntityType.Company or EntityType.Media);
        return body is not null && body.View.Start >= clause.Start && person.View.Start - body.View.End <= 10 ? body : null;
    }
}
