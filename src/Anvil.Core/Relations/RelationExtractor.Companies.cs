using Anvil.Core.Documents;
using Anvil.Core.Entities;

namespace Anvil.Core.Relations;

/// <summary>
/// Who owns, invests in and supplies whom: subsidiaries (旗下, 子公司), shareholders (大股东是), suppliers (代工厂) and
/// customers (客户包括), with the lists of names these words introduce. Part of <see cref="RelationExtractor"/>, in a file of
/// its own so the extractor's main file stays readable.
/// </summary>
public sealed partial class RelationExtractor
{
    /// <summary>A子公司B, A旗下的B, A的子公司包括B、C; and B是A的子公司 (nothing after the word: the company before 是 is the subsidiary).</summary>
    private void Subsidiary(RelationContext ctx, List<RelationMention> before, List<RelationMention> following, int i, int after)
    {
        var text = ctx.Text;
        var parent = before.LastOrDefault(m => m.IsCompany && i - m.View.End <= 4 && !CrossesClause(text, m.View.End, i));
        if (parent is null)
        {
            return;
        }

        // 某公司的子公司包括A、B和C, 某集团旗下有A、B: every company listed right after the word (and its 包括 / 有 / 的)
        int p = after + data.ListWordAt(text, after, ListWord.Intro);
        if (p == after && p < text.Length && text[p] == RelationData.Of)
        {
            p++;
        }

        var listed = ListFrom(ctx, following, p, allowTitles: false, gapFirst: false).Where(m => m.IsCompany && m.Name != parent.Name).ToList();
        if (p == after)
        {
            // no word introduces a list (其全资子公司A与B新设…): a name after 与 or 同 is A's partner, not a second subsidiary
            for (int k = 1; k < listed.Count; k++)
            {
                if (PartnerJoined(text, listed[k - 1].View.End, listed[k].View.Start))
                {
                    listed.RemoveRange(k, listed.Count - k);
                    break;
                }
            }
        }

        if (listed.Count == 0)
        {
            listed = ListedAfterClass(ctx, following, p, parent);
        }

        if (listed.Count > 1 || (listed.Count == 1 && listed[0].View.Start > p))
        {
            foreach (var m in listed)
            {
                ctx.Add(m, "subsidiary_of", parent);
            }

            return;
        }

        var child = following.FirstOrDefault(m => m.IsCompany && m.View.Start - after <= 2 && !CrossesClause(text, after, m.View.Start))
            ?? CompanyJoinedBefore(text, before, parent);
        if (child is not null)
        {
            ctx.Add(child, "subsidiary_of", parent);
        }
    }

    /// <summary>Whether a word that may join a partner rather than a list item (与, 同; relations/list-words.tsv, partner) stands in [start, end).</summary>
    private bool PartnerJoined(string text, int start, int end)
    {
        for (int k = start; k < end; k++)
        {
            if (data.ListWordAt(text.AsSpan(0, end), k, ListWord.Partner) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The company named right before <paramref name="named"/> and joined to it by a copula (A是B的子公司, A为B的供应商): the one the
    /// relation word after <paramref name="named"/> says something of; null when there is none.
    /// </summary>
    private RelationMention? CompanyJoinedBefore(string text, List<RelationMention> before, RelationMention named)
    {
        int k = before.IndexOf(named) - 1;
        return k >= 0 && before[k].IsCompany && named.View.Start - before[k].View.End is >= 1 and <= 2 && IsCopula(text, before[k].View.End, named.View.Start)
            ? before[k] : null;
    }

    /// <summary>某公司的大股东是A、B (each invests_in the company), A是某公司的股东 (A invests_in it).</summary>
    private void Shareholders(RelationContext ctx, List<RelationMention> before, List<RelationMention> following, int i, int after, TextSpan sentence)
    {
        var text = ctx.Text;
        var company = before.LastOrDefault(m => m.IsMaker && i - m.View.End <= 4 && !CrossesClause(text, m.View.End, i) && !StartsCopula(text, m.View.End, i));
        if (company is null)
        {
            return;
        }

        var owners = ListAfter(ctx, following, after, sentence, allowTitles: true);
        if (owners.Count == 0)
        {
            // 某公司的控股股东A（代码）、B及C: the owners listed right after the word
            owners = ListFrom(ctx, following, after, allowTitles: true, gapFirst: false);
        }

        if (owners.Count == 0)
        {
            // A是某公司的股东
            int k = before.IndexOf(company) - 1;
            if (k >= 0 && before[k].Type is EntityType.Person or EntityType.Company or EntityType.Organization
                && company.View.Start - before[k].View.End is >= 1 and <= 2 && IsCopula(text, before[k].View.End, company.View.Start))
            {
                owners.Add(before[k]);
            }
        }

        foreach (var owner in owners)
        {
            if (owner.Type is EntityType.Person or EntityType.Company or EntityType.Organization)
            {
                ctx.Add(owner, "invests_in", company);
            }
        }
    }

    /// <summary>
    /// 某集团旗下的另外三家上市公司A、B和C, 旗下品牌D: the companies listed right after a few words that end in a word for
    /// the kind of company they are (relations/list-words.tsv, class), within <see cref="MaxIntroGap"/> characters of the
    /// clause; empty when no list follows such a word.
    /// </summary>
    private List<RelationMention> ListedAfterClass(RelationContext ctx, List<RelationMention> following, int p, RelationMention parent)
    {
        var text = ctx.Text;
        for (int k = p; k < text.Length && k - p <= MaxIntroGap && Array.IndexOf(ClauseMarks, text[k]) < 0; k++)
        {
            int len = data.ListWordAt(text, k, ListWord.Class);
            if (len == 0)
            {
                continue;
            }

            var listed = ListFrom(ctx, following, k + len, allowTitles: false, gapFirst: false).Where(m => m.IsCompany && m.Name != parent.Name).ToList();
            if (listed.Count > 0)
            {
                return listed;
            }
        }

        return [];
    }

    /// <summary>
    /// 某人持有某公司5%的股份, 甲公司持有乙公司和丙公司各一成股权, 甲公司持有的乙公司股票: the holder right before the verb
    /// invests_in each company listed right after it. 持有 says nothing of a stake by itself (持有现金, 持有某公司发布的报告),
    /// so a stake word must follow the list within the clause.
    /// </summary>
    private void Holdings(RelationContext ctx, List<RelationMention> before, List<RelationMention> following, int i, int after)
    {
        var text = ctx.Text;
        var holder = before.LastOrDefault(m => m.Type is EntityType.Person or EntityType.Company or EntityType.Organization
            && i - m.View.End <= 2 && !CrossesClause(text, m.View.End, i)) ?? HolderThrough(ctx, before, i);
        if (holder is null)
        {
            return;
        }

        int p = after < text.Length && text[after] == RelationData.Of ? after + 1 : after;
        var held = ListFrom(ctx, following, p, allowTitles: false, gapFirst: false).Where(m => m.IsCompany && m.Name != holder.Name).ToList();
        if (held.Count == 0 || !StakeFollows(text, held[^1].View.End))
        {
            return;
        }

        foreach (var company in held.Concat(FurtherHeld(ctx, following, held[^1], holder)))
        {
            ctx.Add(holder, "invests_in", company);
        }
    }

    /// <summary>Whether a stake word (股份, 股权) starts within <see cref="MaxIntroGap"/> characters of the clause after <paramref name="from"/>.</summary>
    private bool StakeFollows(string text, int from)
    {
        for (int k = from; k < text.Length && k - from <= MaxIntroGap && Array.IndexOf(ClauseMarks, text[k]) < 0; k++)
        {
            if (data.ListWordAt(text, k, ListWord.Stake) > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>苹果芯片代工厂台积电, 台积电是苹果的供应商: the company after the word, or before 是, supplies the one before it.</summary>
    private void Supplier(RelationContext ctx, List<RelationMention> before, List<RelationMention> following, int i, int after)
    {
        var text = ctx.Text;
        var customer = before.LastOrDefault(m => m.IsMaker && i - m.View.End <= 6 && !CrossesClause(text, m.View.End, i));
        if (customer is null)
        {
            return;
        }

        var supplier = following.FirstOrDefault(m => m.IsCompany && m.View.Start - after <= 1) ?? CompanyJoinedBefore(text, before, customer);
        if (supplier is not null)
        {
            ctx.Add(supplier, "supplies", customer);
        }
    }

    /// <summary>某公司的客户包括A、B (the company supplies each); 公司的客户 when the company was named before.</summary>
    private void Customers(RelationContext ctx, List<RelationMention> before, List<RelationMention> following, int i, int after, TextSpan sentence)
    {
        var text = ctx.Text;
        if (ListedBeforeClass(ctx, before, i, sentence) is { Count: > 0 } listed)
        {
            // 公司的客户包括A、B等家电客户；C、D等通信客户: each list closed by 等 and its field is the customers of the
            // company the sentence is about
            if (CompanyOfSentence(ctx, sentence) is { } company)
            {
                foreach (var customer in listed)
                {
                    if (customer.Name != company.Name)
                    {
                        ctx.Add(company, "supplies", customer);
                    }
                }
            }

            return;
        }
        var supplier = before.LastOrDefault(m => m.IsCompany && i - m.View.End <= 4 && !CrossesClause(text, m.View.End, i));
        if (supplier is null)
        {
            int clause = i;
            while (clause > sentence.Start && Array.IndexOf(ClauseMarks, text[clause - 1]) < 0 && i - clause <= 6)
            {
                clause--;
            }

            if (data.PositionWordAt(text.AsSpan(0, i), clause, PositionWord.Anaphor) > 0 && (clause == 0 || !IsHan(text[clause - 1])))
            {
                supplier = ctx.CompanyBefore(clause);
            }
        }

        if (supplier is null)
        {
            return;
        }

        foreach (var customer in ListAfter(ctx, following, after, sentence, allowTitles: false))
        {
            if (customer.IsMaker && customer.Name != supplier.Name)
            {
                ctx.Add(supplier, "supplies", customer);
            }
        }
    }

    /// <summary>
    /// 美的、格力等家用电器领域 + 客户: the makers listed right before 等 (relations/list-words.tsv, etc) and a few words of the
    /// class that end at the trigger; empty when the trigger does not close such a list.
    /// </summary>
    private List<RelationMention> ListedBeforeClass(RelationContext ctx, List<RelationMention> before, int i, TextSpan sentence)
    {
        var text = ctx.Text;
        var listed = new List<RelationMention>();
        for (int end = i; end > sentence.Start && i - end <= MaxClassWords && IsHan(text[end - 1]); end--)
        {
            int etc = data.ListWordEndingAt(text, end, sentence.Start, ListWord.Etc);
            if (etc == 0)
            {
                continue;
            }

            int p = end - etc;
            for (int k = before.Count - 1; k >= 0 && IsListGap(text, before[k].View.End, p); k--)
            {
                if (before[k].IsMaker)
                {
                    listed.Add(before[k]);
                }

                p = before[k].View.Start;
            }

            break;
        }

        return listed;
    }

    /// <summary>
    /// The company a sentence is about: named at its start, or 公司 / 该公司 there standing for the company named before. The
    /// sentence is the whole one, its parts after a ； included (…等家电客户；C、D等通信客户 speak of the same company).
    /// </summary>
    private RelationMention? CompanyOfSentence(RelationContext ctx, TextSpan sentence)
    {
        var text = ctx.Text;
        int start = sentence.Start;
        while (start > 0 && Array.IndexOf(Punctuation.PartMarks, text[start - 1]) >= 0)
        {
            start--;
            while (start > 0 && !Punctuation.IsSentenceEnd(text[start - 1]))
            {
                start--;
            }
        }

        while (start < sentence.End && !IsHan(text[start]))
        {
            start++;
        }

        foreach (var m in ctx.All)
        {
            if (m.View.Start >= start)
            {
                if (m.View.Start - start <= 1)
                {
                    return m.IsCompany ? m : null;
                }

                break;
            }
        }

        return data.PositionWordAt(text.AsSpan(0, sentence.End), start, PositionWord.Anaphor) > 0 ? ctx.CompanyBefore(start) : null;
    }

    /// <summary>
    /// The names listed after a word that introduces them (包括, 是, 为, 有), within <see cref="MaxIntroGap"/> characters and
    /// one clause mark, joined by list words; with <paramref name="allowTitles"/>, a person's title may stand before the
    /// name (大股东是某公司主席某某).
    /// </summary>
    private List<RelationMention> ListAfter(RelationContext ctx, List<RelationMention> following, int after, TextSpan sentence, bool allowTitles)
    {
        var text = ctx.Text;
        var list = new List<RelationMention>();
        int limit = Math.Min(sentence.End, after + MaxIntroGap);
        int p = -1;
        for (int k = after; k < limit; k++)
        {
            int intro = data.ListWordAt(text.AsSpan(0, sentence.End), k, ListWord.Intro);
            if (intro > 0)
            {
                p = k + intro;
                break;
            }

            if (text[k] is '。' or '；' or ';')
            {
                break;
            }
        }

        return p < 0 ? list : ListFrom(ctx, following, p, allowTitles, gapFirst: true);
    }

    /// <summary>
    /// The names listed from <paramref name="p"/> on, joined by list words (see <see cref="ListAfter"/>). Without
    /// <paramref name="gapFirst"/> the first name (or its title) starts right at <paramref name="p"/>: 股东和某公司 lists nothing.
    /// </summary>
    private List<RelationMention> ListFrom(RelationContext ctx, List<RelationMention> following, int p, bool allowTitles, bool gapFirst)
    {
        var text = ctx.Text;
        var list = new List<RelationMention>();
        foreach (var m in following)
        {
            if (m.View.Start < p)
            {
                continue;
            }

            bool listed = m.View.Start == p || ((gapFirst || list.Count > 0) && IsListGap(text, p, m.View.Start));
            bool titled = !listed && allowTitles && m.Type == EntityType.Person && m.View.Start - p <= MaxProductName
                && !CrossesClause(text, p, m.View.Start) && data.PositionWordEndingAt(text, m.View.Start, p, PositionWord.Title) > 0;
            if (!listed && !titled)
            {
                break;
            }

            // 星河集团主席王某: the body written right before the person's title only says who the person is
            if (titled && list.Count > 0 && list[^1].View.End == p && list[^1].Type != EntityType.Person)
            {
                list.RemoveAt(list.Count - 1);
            }

            list.Add(m);
            p = m.View.End;
        }

        return list;
    }
}
