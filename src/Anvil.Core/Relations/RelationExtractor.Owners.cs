using Anvil.Core.Entities;

namespace Anvil.Core.Relations;

/// <summary>
/// Owners stated in ways the shareholder and holding readers do not see: a stake held through another company
/// (某人通过一家公司持有…), several companies with their own stakes (持有A已发行股本约60%及B已发行股本约30%), joint ventures
/// (A与B的合资公司C) and shareholding structures (某公司的股权结构是A占40%、B占60%). Part of <see cref="RelationExtractor"/>.
/// </summary>
public sealed partial class RelationExtractor
{
    /// <summary>How many characters may stand between a via word and 持有 (通过旗下一家投资公司).</summary>
    private const int MaxVia = 10;

    /// <summary>
    /// 某人通过一家公司持有…: the holder written right before a via word (通过, 透过) that comes, within <see cref="MaxVia"/>
    /// characters and one clause, before the verb at <paramref name="verb"/>; null when there is none. A company named
    /// between them is the direct holder and is read before this (it stands right before the verb).
    /// </summary>
    private RelationMention? HolderThrough(RelationContext ctx, List<RelationMention> before, int verb)
    {
        var text = ctx.Text;
        for (int k = before.Count - 1; k >= 0; k--)
        {
            var m = before[k];
            if (verb - m.View.End > MaxVia + 4 || CrossesClause(text, m.View.End, verb))
            {
                return null;
            }

            if (m.Type is not (EntityType.Person or EntityType.Company or EntityType.Organization))
            {
                continue;
            }

            // what it holds through ends in a word for such a holder (一家公司, 旗下基金), perhaps with an adverb (间接):
            // 通过手机查看持有… holds nothing through anything
            int via = data.ListWordAt(text.AsSpan(0, verb), m.View.End, ListWord.Via);
            int end = verb - data.ListWordEndingAt(text, verb, m.View.End, ListWord.Adverb);
            return via > 0 && verb - (m.View.End + via) <= MaxVia && data.ListWordEndingAt(text, end, m.View.End + via, ListWord.Vehicle) > 0 ? m : null;
        }

        return null;
    }

    /// <summary>
    /// 甲持有乙已发行股本约64%及丙已发行股本约30%: the companies after the last one held, each right after a joiner and
    /// followed by its own stake word, in the same clause.
    /// </summary>
    private IEnumerable<RelationMention> FurtherHeld(RelationContext ctx, List<RelationMention> following, RelationMention last, RelationMention holder)
    {
        var text = ctx.Text;
        int p = last.View.End;
        foreach (var m in following)
        {
            if (m.View.Start < p)
            {
                continue;
            }

            if (CrossesClause(text, p, m.View.Start))
            {
                yield break;
            }

            if (m.IsCompany && m.Name != holder.Name && data.ListWordEndingAt(text, m.View.Start, p, ListWord.Joiner) > 0
                && StakeFollows(text, m.View.End))
            {
                yield return m;
                p = m.View.End;
            }
        }
    }

    /// <summary>
    /// A与B的合资公司C, A和B合资成立了C (each owner invests_in C), and C是A与B的合资公司: the owners listed right before the
    /// word (a 的 or an adverb such as 共同 between), the venture named right after it or before 是 in front of the owners.
    /// </summary>
    private void Venture(RelationContext ctx, List<RelationMention> before, List<RelationMention> following, int i, int after)
    {
        var text = ctx.Text;
        int p = i > 0 && text[i - 1] == RelationData.Of ? i - 1 : i;
        p -= data.ListWordEndingAt(text, p, 0, ListWord.Adverb);
        var owners = new List<RelationMention>();
        for (int k = before.Count - 1; k >= 0; k--)
        {
            var m = before[k];
            if (m.View.End > p || !(m.View.End == p || (owners.Count > 0 && IsListGap(text, m.View.End, p))))
            {
                break;
            }

            if (m.Type is not (EntityType.Person or EntityType.Company or EntityType.Organization))
            {
                break;
            }

            owners.Add(m);
            p = m.View.Start;
        }

        if (owners.Count == 0)
        {
            return;
        }

        int gap = after < text.Length && text[after] == RelationData.Of ? 1 : 0;
        var venture = following.FirstOrDefault(m => m.IsCompany && m.View.Start - after <= gap && !owners.Exists(o => o.Name == m.Name))
            ?? CompanyJoinedBefore(text, before, owners[^1]);
        if (venture is null || owners.Exists(o => o.Name == venture.Name))
        {
            return;
        }

        foreach (var owner in owners)
        {
            ctx.Add(owner, "invests_in", venture);
        }
    }

    /// <summary>
    /// 某公司的股权结构是A占40%、B占60%: the company named right before the word (with its 的) is owned by each person,
    /// company or organisation of the sentence followed by a portion word (占, 持股) and a figure.
    /// </summary>
    private void Structure(RelationContext ctx, List<RelationMention> before, List<RelationMention> following, int i, int after, Documents.TextSpan sentence)
    {
        var text = ctx.Text;
        var company = before.LastOrDefault(m => m.IsMaker && i - m.View.End <= 1 && (i == m.View.End || text[i - 1] == RelationData.Of));
        if (company is null)
        {
            return;
        }

        foreach (var m in following)
        {
            if (m.View.Start >= sentence.End)
            {
                break;
            }

            int portion = data.ListWordAt(text.AsSpan(0, sentence.End), m.View.End, ListWord.Portion);
            if (portion > 0 && m.Name != company.Name && m.Type is EntityType.Person or EntityType.Company or EntityType.Organization
                && StartsFigure(text, m.View.End + portion, sentence.End))
            {
                ctx.Add(m, "invests_in", company);
            }
        }
    }

    /// <summary>Whether a figure starts at <paramref name="p"/>: digits, or a word that opens one (约, a numeral; relations/list-words.tsv, figure).</summary>
    private bool StartsFigure(string text, int p, int end) =>
        p < end && (char.IsAsciiDigit(text[p]) || data.ListWordAt(text.AsSpan(0, end), p, ListWord.Figure) > 0);

    /// <summary>
    /// 某某物流的母公司为某某控股, 某某电子的母公司某某科技…: the company right before the word (after 的 or 之) is a subsidiary
    /// of the one right after it (after 为 or 是). Both must stand next to the word, in its clause.
    /// </summary>
    private void Parent(RelationContext ctx, List<RelationMention> before, List<RelationMention> following, int i, int after)
    {
        var text = ctx.Text;
        var child = before.LastOrDefault(m => m.IsCompany && i - m.View.End <= 1 && !CrossesClause(text, m.View.End, i));
        var parent = following.FirstOrDefault(m => m.IsCompany && m.View.Start - after <= 1 && !CrossesClause(text, after, m.View.Start));
        if (child is not null && parent is not null && (parent.View.Start == after || IsCopula(text, after, parent.View.Start)))
        {
            ctx.Add(child, "subsidiary_of", parent);
        }
    }

    /// <summary>
    /// Whether a copula opens [start, end): a company followed by one (某某国际为本公司主要股东…) is what the word after it
    /// names, not the company the word speaks of.
    /// </summary>
    private bool StartsCopula(string text, int start, int end) => start < end && data.ListWordAt(text.AsSpan(0, end), start, ListWord.Copula) > 0;
}
