using Anvil.Core.Documents;
using Anvil.Core.Entities;

namespace Anvil.Core.Relations;

/// <summary>
/// Where companies are: headquarters and sites (总部位于, 坐落在, 襄阳工厂, 在某地兴建新厂), companies inside named parks and the
/// seats registered names give (佛山市某某有限公司). Part of <see cref="RelationExtractor"/>, in a file of its own so the
/// extractor's main file stays readable.
/// </summary>
public sealed partial class RelationExtractor
{
    /// <summary>The most characters between a place and the site word a verb of building puts there (在某地兴建饮料充填厂).</summary>
    private const int MaxBuiltGap = 8;

    /// <summary>
    /// A site said to be in a place rather than named after it: 某公司在某地兴建新厂 (在 + the place + a verb of building, a
    /// few words, the site word) and 某公司旗下的新工厂在某地投产 (the site word, then 在 + the place). The company is the one
    /// named before in the clause, or in the clause before when the clause opens with 在 (某公司斥资5亿元，在某地兴建新厂).
    /// 某公司在某地召开发布会 names no site and says nothing.
    /// </summary>
    private void SiteBuiltIn(RelationContext ctx, List<RelationMention> before, List<RelationMention> following, int i, int siteEnd)
    {
        var text = ctx.Text;
        RelationMention? place = null;
        int ownerFloor;

        // the site word, then 在 + the place
        int at = data.ListWordAt(text, siteEnd, ListWord.Locative);
        var next = following.FirstOrDefault();
        if (at > 0 && next is { Type: EntityType.Place } && next.View.Start == siteEnd + at)
        {
            place = next;
            ownerFloor = i;
        }
        else
        {
            // 在 + the place + a verb of building + at most a few words + the site word
            var last = before.LastOrDefault();
            if (last is not { Type: EntityType.Place } || i - last.View.End > MaxBuiltGap || CrossesClause(text, last.View.End, i)
                || data.ListWordAt(text, last.View.End, ListWord.Build) == 0)
            {
                return;
            }

            int prep = data.ListWordEndingAt(text, last.View.Start, 0, ListWord.Locative);
            if (prep == 0)
            {
                return;
            }

            place = last;
            ownerFloor = last.View.Start - prep;
        }

        // the company before in the clause; past one clause mark when the clause opens with 在 (no subject of its own)
        int clauseStart = ownerFloor;
        while (clauseStart > 0 && Array.IndexOf(ClauseMarks, text[clauseStart - 1]) < 0)
        {
            clauseStart--;
        }

        var owner = before.LastOrDefault(m => m.IsCompany && m.View.End <= ownerFloor && m.View.Start >= clauseStart);
        if (owner is null && clauseStart > 0 && clauseStart == ownerFloor && text[clauseStart - 1] is not ('。' or '\n'))
        {
            int previous = clauseStart - 1;
            while (previous > 0 && Array.IndexOf(ClauseMarks, text[previous - 1]) < 0)
            {
                previous--;
            }

            owner = before.LastOrDefault(m => m.IsCompany && m.View.End < clauseStart && m.View.Start >= previous);
        }

        if (owner is not null)
        {
            ctx.Add(owner, "located_in", place.Name, TextSpan.Cover(owner.Original, TextSpan.Cover(place.Original, ctx.Original(i, siteEnd))));
        }
    }

    /// <summary>襄阳工厂, 佛山分公司, 台积电的美国厂: a place right before the word places the company named with it.</summary>
    private void Site(RelationContext ctx, List<RelationMention> before, List<RelationMention> following, int i, int siteEnd)
    {
        var site = before.LastOrDefault(m => m.Type == EntityType.Place && m.View.End == i);
        if (site is null)
        {
            SiteBuiltIn(ctx, before, following, i, siteEnd);
            return;
        }

        // the company written right before the place (比亚迪襄阳工厂, 台积电的美国厂), else the company the sentence names with it
        var adjacent = before.LastOrDefault(m => m.IsCompany && m.View.End <= site.View.Start && site.View.Start - m.View.End <= 1
            && (m.View.End == site.View.Start || ctx.Text[m.View.End] == RelationData.Of));
        var owner = adjacent ?? following.FirstOrDefault(m => m.IsCompany && !CrossesClause(ctx.Text, i, m.View.Start))
            ?? before.LastOrDefault(m => m.IsCompany && !CrossesClause(ctx.Text, m.View.End, site.View.Start));
        if (owner is not null)
        {
            // the quote keeps the site's word (襄阳工厂): it is a site of the company that the relation places
            ctx.Add(owner, "located_in", site.Name, TextSpan.Cover(site.Original, ctx.Original(site.View.End, siteEnd)));
        }
    }

    private void Sites(RelationContext ctx, string predicate, string trigger, List<RelationMention> before, List<RelationMention> following, List<RelationMention> sentence, int triggerStart)
    {
        if (following.Count == 0 || following[0].Type != EntityType.Place || !IsListGap(ctx.Text, triggerStart + trigger.Length, following[0].View.Start))
        {
            // 深圳…是比亚迪的大本营: nothing follows the word; the company just before, the first place named earlier
            var company = before.LastOrDefault(m => m.IsCompany);
            // the first place named, or the city right after its province (广东深圳)
            var place = before.FirstOrDefault(m => m.Type == EntityType.Place && !before.Any(n => n.Type == EntityType.Place && n.View.Start == m.View.End));
            if (predicate == "headquartered_in" && company is not null && place is not null && company.View.End > place.View.End
                && (triggerStart - company.View.End) <= 2)
            {
                ctx.Add(company, "headquartered_in", place.Name, TextSpan.Cover(place.Original, ctx.Original(triggerStart, triggerStart + trigger.Length)));
            }

            return;
        }

        // the places listed after the trigger; a province right before its city gives way to the city
        var places = new List<RelationMention>();
        int p = triggerStart + trigger.Length;
        foreach (var m in following)
        {
            if (m.Type != EntityType.Place || !(m.View.Start == p || IsListGap(ctx.Text, p, m.View.Start)))
            {
                break;
            }

            if (places.Count > 0 && places[^1].View.End == m.View.Start)
            {
                places.RemoveAt(places.Count - 1);
            }

            places.Add(m);
            p = m.View.End;
        }

        // the company of the clause, or of the sentence when the clause starts with the word (…，总部位于深圳) or with a
        // site's word (…，研发中心分布在上海)
        int clauseStart = triggerStart;
        if (clauseStart > 0 && Array.IndexOf(ClauseMarks, ctx.Text[clauseStart - 1]) < 0)
        {
            int site = SiteWordEndingAt(ctx.Text, triggerStart);
            clauseStart = site > 0 ? triggerStart - site : clauseStart;
        }

        var subject = before.LastOrDefault(m => m.IsCompany && !CrossesClause(ctx.Text, m.View.End, triggerStart))
            ?? (clauseStart > 0 && Array.IndexOf(ClauseMarks, ctx.Text[clauseStart - 1]) >= 0 ? before.LastOrDefault(m => m.IsCompany) : null)
            // 位于深圳的某公司: a company after the places in their clause, or after a 的 that ends clauses describing it
            // (总部位于深圳，团队在杭州的某公司); any other later clause is about something else (该地块位于深圳，…质疑某公司)
            ?? sentence.FirstOrDefault(m => m.IsCompany && m.View.Start >= p
                && (!CrossesClause(ctx.Text, p, m.View.Start) || ctx.Text[m.View.Start - 1] == RelationData.Of));
        if (subject is null)
        {
            return;
        }

        foreach (var place in places)
        {
            ctx.Add(subject, predicate, place);
        }
    }

    /// <summary>The length of the site word (工厂, 研发中心) that ends at <paramref name="end"/>, or 0.</summary>
    private int SiteWordEndingAt(string text, int end)
    {
        for (int len = Math.Min(end, 6); len >= 1; len--)
        {
            if (data.Triggers.TryGet(text.AsSpan(end - len, len), out var kind) && kind == "site")
            {
                return len;
            }
        }

        return 0;
    }

    /// <summary>A company inside a named park is located in the place the park's name starts with.</summary>
    private static void InsideParks(RelationContext ctx, List<RelationMention> sentence)
    {
        foreach (var park in sentence)
        {
            if (park.Type != EntityType.Place)
            {
                continue;
            }

            // the place the park's name starts with, then the companies inside the park's name
            RelationMention? place = null;
            foreach (var m in sentence)
            {
                if (m != park && m.Type == EntityType.Place && m.View.Start == park.View.Start && m.View.End <= park.View.End)
                {
                    place = m;
                    break;
                }
            }

            if (place is null)
            {
                continue;
            }

            foreach (var company in sentence)
            {
                if (company != park && company.IsCompany && company.View.Start >= park.View.Start && company.View.End <= park.View.End)
                {
                    ctx.Add(company, "located_in", place);
                }
            }
        }
    }

    /// <summary>
    /// A registered name that starts with a division of China and ends in a registered form (佛山市某某电子股份有限公司,
    /// 重庆某某有限公司) says where the company is registered: located_in that division.
    /// </summary>
    private void RegisteredSeats(RelationContext ctx, List<RelationMention> sentence)
    {
        var text = ctx.Text;
        foreach (var company in sentence)
        {
            if (!company.IsCompany || !data.LegalFormEndsAt(text, company.View.End, company.View.Start))
            {
                continue;
            }

            int len = data.Divisions.LongestMatch(text.AsSpan(0, company.View.End), company.View.Start, out var division);
            // the division is the seat, not the company's own name (a name that is only a place is no registered name)
            if (len >= 2 && company.View.Start + len < company.View.End - 4 && !company.Name.StartsWith(division, StringComparison.Ordinal))
            {
                ctx.Add(company, "located_in", division, ctx.Original(company.View.Start, company.View.Start + len));
            }
            else if (ctx.EndingAt(sentence, company.View.Start, 0) is { Type: EntityType.Place } seat && data.Divisions.TryGet(text.AsSpan(seat.View.Start, seat.View.Length), out _))
            {
                // 深圳市 + 华为技术有限公司: the seat read as a place of its own
                ctx.Add(company, "located_in", seat);
            }
        }
    }
}
