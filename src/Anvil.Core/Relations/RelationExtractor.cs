using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Output;
using Anvil.Core.Pipeline;

namespace Anvil.Core.Relations;

/// <summary>
/// Finds the relations a text states between the entities it names: positions in any order (<see cref="PositionReader"/>),
/// members of a named group (以A、B、C為代表的「G」), founders (A創立了B, B由A、C一同成立, B創辦人A), headquarters and
/// sites (總部位於, 襄陽工廠, 佛山市某某有限公司), products (華為的昇騰AI晶片, 量產激光雷達), investments and
/// shareholders, supply (客戶包括, 代工廠) and ownership (旗下, 子公司). Every pattern reads words from data
/// (relations/*.tsv) and stays inside one sentence: only what a sentence states, in the sentence that states it.
/// </summary>
public sealed partial class RelationExtractor(RelationData data) : IPipelineComponent
{
    private const int NearWindow = 14;

    /// <summary>The longest product name read before its product word (AI训练及推理服务器).</summary>
    private const int MaxProductName = 12;

    /// <summary>How far a list may start after the word that introduces it (客户来自五大领域，包括…).</summary>
    private const int MaxIntroGap = 12;

    /// <summary>How many characters of a class may stand between 等 and the trigger (等家用电器领域 + 客户).</summary>
    private const int MaxClassWords = 8;

    /// <summary>The shortest group word that cannot be an ordinary 的 or 等 (为代表的).</summary>
    private const int LongGroupWord = 4;

    private static readonly char[] ClauseMarks = ['，', ',', '；', ';', '：', ':', '。', '\n'];

    private static readonly System.Buffers.SearchValues<char> ClauseMarkValues = System.Buffers.SearchValues.Create(ClauseMarks);

    private readonly PositionReader _positions = new(data);

    public string Name => "relations";

    public Annotations Requires => Annotations.View | Annotations.Sentences | Annotations.Entities | Annotations.Periods;

    public Annotations Provides => Annotations.Relations;

    public void Process(Analysis analysis)
    {
        var view = analysis.View;
        var unsorted = new List<RelationMention>(analysis.Entities.Count);
        foreach (var e in analysis.Entities)
        {
            unsorted.Add(new RelationMention(view.ToView(e.Span), e.Span, e.Name, e.Type));
        }

        var mentions = StartOrder.Sorted(unsorted, m => m.View.Start); // sorted only where out of order
        var found = new List<RelationRecord>();
        var ctx = new RelationContext(analysis.Document.Text, view, mentions, found);
        foreach (var period in analysis.Periods)
        {
            ctx.Periods.Add(view.ToView(period.Span));
        }

        var companies = mentions.Where(m => m.IsCompany).ToList();
        int next = 0;
        var inSentence = new List<RelationMention>();
        // a relation stays inside one part of a sentence (up to a semicolon)
        foreach (var sentence in analysis.Sentences.Parts)
        {
            // mentions are sorted: walk them alongside the sentences
            while (next < mentions.Count && mentions[next].View.Start < sentence.Start)
            {
                next++;
            }

            inSentence.Clear();
            for (int k = next; k < mentions.Count && mentions[k].View.Start < sentence.End; k++)
            {
                if (mentions[k].View.End <= sentence.End)
                {
                    inSentence.Add(mentions[k]);
                }
            }

            // a sentence that names nothing may still speak of a company named before (公司计划生产…): it is read too
            _positions.Read(ctx, inSentence, sentence.Start, sentence.End);
            Members(ctx, inSentence);
            MadeIn(ctx, inSentence);
            Possessives(ctx, inSentence, sentence);
            TriggerRelations(ctx, sentence, inSentence);
            ProductsNamedAfterMaker(ctx, inSentence, companies);
            InsideParks(ctx, inSentence);
            RegisteredSeats(ctx, inSentence);
        }

        // one record per statement: the same relation stated twice keeps both places (a chain reads where each one says)
        var seen = new HashSet<(string, string, string, TextSpan)>();
        foreach (var r in found)
        {
            if (r.Subject != r.Object && seen.Add((r.Subject, r.Predicate, r.Object, r.Span)))
            {
                analysis.Relations.Add(r);
            }
        }
    }

    /// <summary>Companies listed right before a named group: 以A、B、C等为代表的「G」, 有A B C D的「G」.</summary>
    private void Members(RelationContext ctx, List<RelationMention> mentions)
    {
        foreach (var group in mentions)
        {
            if (group.Type != EntityType.Group)
            {
                continue;
            }

            int p = StartBeforeQuote(ctx.Text, group.View.Start);
            p -= data.ListWordEndingAt(ctx.Text, p, 0, ListWord.Group);
            foreach (var m in MakersListedBefore(ctx.Text, mentions, p))
            {
                ctx.Add(m, "member_of", group);
            }
        }
    }

    /// <summary>
    /// 以A、B为代表的“郑州造”汽车: a place and a word of origin (造, 制造) after a listed group of makers says where they
    /// make, so each is located in the place. Only a quoted label or the full 为代表的 reads so: 比亚迪的深圳造车计划 is a
    /// plan to make cars in Shenzhen, not a maker of Shenzhen.
    /// </summary>
    private void MadeIn(RelationContext ctx, List<RelationMention> mentions)
    {
        foreach (var place in mentions)
        {
            if (place.Type != EntityType.Place || data.ListWordAt(ctx.Text, place.View.End, ListWord.Origin) == 0)
            {
                continue;
            }

            int p = StartBeforeQuote(ctx.Text, place.View.Start);
            int groupWord = data.ListWordEndingAt(ctx.Text, p, 0, ListWord.Group);
            bool quoted = p < place.View.Start;
            if (groupWord == 0 || (!quoted && groupWord < LongGroupWord))
            {
                continue;
            }

            foreach (var m in MakersListedBefore(ctx.Text, mentions, p - groupWord))
            {
                ctx.Add(m, "located_in", place);
            }
        }
    }

    /// <summary>Where a name starts once the quotes opened right before it are counted in.</summary>
    private static int StartBeforeQuote(string text, int start)
    {
        while (start > 0 && text[start - 1] is '「' or '“' or '"' or '『')
        {
            start--;
        }

        return start;
    }

    /// <summary>The makers (companies, bodies, universities) of the list that ends at <paramref name="end"/>, each once.</summary>
    private IEnumerable<RelationMention> MakersListedBefore(string text, List<RelationMention> mentions, int end)
    {
        var members = new List<RelationMention>();
        for (int k = mentions.Count - 1; k >= 0; k--)
        {
            var m = mentions[k];
            if (m.View.End > end)
            {
                continue;
            }

            if (!IsListGap(text, m.View.End, end))
            {
                break;
            }

            if (m.IsMaker)
            {
                members.Add(m);
            }

            end = m.View.Start;
        }

        return members.DistinctBy(m => m.Name);
    }

    /// <summary>
    /// Whether [start, end) holds only list joiners (、, 和, 及, brackets), at most three characters, after the stock code
    /// in brackets a name may carry (九龙仓（0004）、会德丰).
    /// </summary>
    private bool IsListGap(string text, int start, int end)
    {
        start = AfterStockCode(text, start, end);
        if (end - start > 3)
        {
            return false;
        }

        for (int i = start; i < end;)
        {
            int len = data.ListWordAt(text.AsSpan(0, end), i, ListWord.Joiner);
            if (len == 0)
            {
                return false;
            }

            i += len;
        }

        return true;
    }

    /// <summary>Where a stock code in brackets at <paramref name="start"/> ends ((0004), （1211.HK）); <paramref name="start"/> when none stands there.</summary>
    private static int AfterStockCode(string text, int start, int end)
    {
        if (start >= end || text[start] is not ('(' or '（'))
        {
            return start;
        }

        int k = start + 1;
        while (k < end && (char.IsAsciiLetterOrDigit(text[k]) || text[k] == '.'))
        {
            k++;
        }

        return k - start > 1 && k < end && text[k] is ')' or '）' && char.IsAsciiDigit(text[start + 1]) ? k + 1 : start;
    }

    /// <summary>
    /// X的Y: a company's product (華為的昇騰AI晶片, 宇樹科技的機器狗), a place's company (深圳的速騰聚創),
    /// a person's company (馬斯克的SpaceX); and a company's name right before a product word (華為手機, 上汽乘用車).
    /// </summary>
    private void Possessives(RelationContext ctx, List<RelationMention> mentions, TextSpan sentence)
    {
        foreach (var a in mentions)
        {
            int p = a.View.End;
            if (p >= sentence.End)
            {
                continue;
            }

            if (ctx.Text[p] != RelationData.Of)
            {
                // a product word right after the maker's name: the name is the brand (华为手机, 宇通客车); two characters are
                // enough here. Before a supplier word it says what the supplier makes for the company (苹果芯片代工厂): no product of it
                if (a.IsCompany && RelationContext.StartingAt(mentions, p) is null && ProductTermAt(ctx.Text, p, 2, out int adjacent, compound: false)
                    && !IsSupplierWordAt(ctx.Text, p + adjacent, sentence.End))
                {
                    ctx.Add(a, "produces", ctx.Text.Substring(p, adjacent), ctx.Original(p, p + adjacent));
                }

                continue;
            }

            int q = p + 1;
            var b = RelationContext.StartingAt(mentions, q);
            if (b is not null)
            {
                if (a.IsCompany && b.Type == EntityType.Product)
                {
                    ctx.Add(a, "produces", b);
                    // 华为的昇腾AI芯片和鸿蒙系统: the products listed after the first
                    var last = b;
                    for (var next = mentions.FirstOrDefault(m => m.View.Start > last.View.End); next is { Type: EntityType.Product }
                        && IsListGap(ctx.Text, last.View.End, next.View.Start); next = mentions.FirstOrDefault(m => m.View.Start > last.View.End))
                    {
                        ctx.Add(a, "produces", next);
                        last = next;
                    }
                }
                else if (a.Type == EntityType.Place && b.IsCompany)
                {
                    ctx.Add(b, "located_in", a);
                }
                else if (a.Type == EntityType.Person && b.IsCompany)
                {
                    ctx.Add(a, "leads", b);
                }

                continue;
            }

            if (a.IsCompany && ProductTermAt(ctx.Text, q, 3, out int len, compound: false))
            {
                ctx.Add(a, "produces", ctx.Text.Substring(q, len), ctx.Original(q, q + len));
            }
        }
    }

    /// <summary>Whether a supplier word (代工厂, 供应商) starts at <paramref name="position"/>.</summary>
    private bool IsSupplierWordAt(string text, int position, int end) =>
        position < end && data.Triggers.LongestMatch(text.AsSpan(0, end), position, out var pattern) > 0 && pattern == "supplier";

    /// <summary>
    /// A product word at the position, at least <paramref name="minLength"/> long, and with <paramref name="compound"/> any
    /// product word right after it (笔记本电脑 + 键盘). Two-character words (芯片, 汽车) after 的 are too general to say what a company makes; the
    /// relation then needs a specific word (激光雷达, 机器狗, 全固态电池).
    /// </summary>
    private bool ProductTermAt(string text, int position, int minLength, out int length, bool compound = true)
    {
        length = 0;
        if (position >= text.Length || !data.ProductTerms.CanStartWith(text[position]))
        {
            return false;
        }

        length = data.ProductTerms.LongestMatch(text, position, out _);
        if (length < minLength)
        {
            return false;
        }

        while (compound && position + length < text.Length && data.ProductTerms.CanStartWith(text[position + length])
            && data.ProductTerms.LongestMatch(text, position + length, out _) is > 0 and var more)
        {
            length += more;
        }

        return true;
    }

    /// <summary>Relations stated by a trigger word in the sentence (创立, 量产, 总部位于, 坐落在, 投资, 子公司...).</summary>
    private void TriggerRelations(RelationContext ctx, TextSpan sentence, List<RelationMention> mentions)
    {
        var text = ctx.Text;
        for (int i = sentence.Start; i < sentence.End; i++)
        {
            if (!data.Triggers.CanStartWith(text[i]))
            {
                continue;
            }

            int len = data.Triggers.LongestMatch(text.AsSpan(0, sentence.End), i, out var predicate);
            if (len == 0 || InsideMention(mentions, i))
            {
                continue;
            }

            Trigger(ctx, sentence, mentions, i, i + len, predicate);
            i += len - 1;
        }
    }

    /// <summary>
    /// One trigger word at [i, after) in the sentence. A method of its own so the lambdas below capture
    /// per trigger found, not per character read.
    /// </summary>
    private void Trigger(RelationContext ctx, TextSpan sentence, List<RelationMention> mentions, int i, int after, string predicate)
    {
        var text = ctx.Text;
        var before = ctx.Before;
        var following = ctx.Following;
        before.Clear();
        following.Clear();
        foreach (var m in mentions)
        {
            if (m.View.End <= i)
            {
                before.Add(m);
            }

            if (m.View.Start >= after)
            {
                following.Add(m);
            }
        }

        switch (predicate)
        {
            case "founded":
                Founded(ctx, before, following, i, after);
                break;
            case "produces":
                Produces(ctx, before, following, i, after, sentence);
                break;
            case "site":
                Site(ctx, before, following, i, after);
                break;
            case "headquartered_in" or "located_in":
                Sites(ctx, predicate, text[i..after], before, following, mentions, i);
                break;
            case "invests_in" or "supplies":
                var investor = before.LastOrDefault(m => m.IsMaker && i - m.View.End <= NearWindow && !CrossesClause(text, m.View.End, i));
                var target = following.FirstOrDefault(m => m.IsMaker && m.View.Start - after <= NearWindow && !CrossesClause(text, after, m.View.Start));
                if (investor is not null && target is not null)
                {
                    ctx.Add(investor, predicate, target);
                }

                break;
            case "subsidiary_of":
                Subsidiary(ctx, before, following, i, after);
                break;
            case "shareholder":
                Shareholders(ctx, before, following, i, after, sentence);
                break;
            case "parent":
                Parent(ctx, before, following, i, after);
                break;
            case "holding":
                Holdings(ctx, before, following, i, after);
                break;
            case "venture":
                Venture(ctx, before, following, i, after);
                break;
            case "structure":
                Structure(ctx, before, following, i, after, sentence);
                break;
            case "supplier":
                Supplier(ctx, before, following, i, after);
                break;
            case "customer":
                Customers(ctx, before, following, i, after, sentence);
                break;
            case "output":
                Output(ctx, before, i, sentence);
                break;
            case "member_of":
                // 中国加入世界贸易组织: a member right before the word, the organisation right after it
                var member = before.LastOrDefault(m => m.Type is EntityType.Company or EntityType.Organization or EntityType.Place && i - m.View.End <= 1);
                var body = following.FirstOrDefault(m => m.Type is EntityType.Organization or EntityType.Group && m.View.Start - after <= 1);
                if (member is not null && body is not null)
                {
                    ctx.Add(member, "member_of", body);
                }

                break;
        }
    }

    private static bool InsideMention(List<RelationMention> mentions, int position)
    {
        foreach (var m in mentions)
        {
            if (m.View.Start <= position && position < m.View.End)
            {
                return true;
            }
        }

        return false;
    }

    private static bool CrossesClause(string text, int start, int end) => end > start && text.AsSpan(start, end - start).IndexOfAny(ClauseMarkValues) >= 0;

    /// <summary>
    /// A创立了B (the founder and, when the text says where, the place: 在深圳创立了大疆), and B由A、C一同成立 (each of the
    /// people and companies listed after 由 founded the company named before it). A year after the verb (成立于2015年) is
    /// no founder and no company: 成立于 is a word of its own that states nothing.
    /// </summary>
    private void Founded(RelationContext ctx, List<RelationMention> before, List<RelationMention> following, int i, int after)
    {
        if (FoundedBy(ctx, before, i))
        {
            return;
        }

        var company = following.FirstOrDefault(m => m.IsMaker && m.View.Start - after <= 4);
        if (company is null)
        {
            return;
        }

        var founder = before.LastOrDefault(m => m.Type == EntityType.Person);
        if (founder is not null)
        {
            ctx.Add(founder, "founded", company);

            // 甲和乙共同创立了某公司: the people listed right before the founder founded it with them
            int k = before.IndexOf(founder) - 1;
            for (var next = founder; k >= 0 && before[k].Type == EntityType.Person && IsListGap(ctx.Text, before[k].View.End, next.View.Start); k--)
            {
                ctx.Add(before[k], "founded", company);
                next = before[k];
            }
        }

        // where it was founded: the nearest place between the founder and the verb (在深圳創立了大疆)
        var place = before.LastOrDefault(m => m.Type == EntityType.Place && (founder is null || m.View.Start > founder.View.Start));
        if (place is not null)
        {
            ctx.Add(company, "located_in", place);
        }
    }

    /// <summary>B由A、C一同成立: the list right before the verb (and its adverb), opened by 由, with the company named before 由.</summary>
    private bool FoundedBy(RelationContext ctx, List<RelationMention> before, int verb)
    {
        var text = ctx.Text;
        int p = verb - data.ListWordEndingAt(text, verb, 0, ListWord.Adverb);
        var founders = new List<RelationMention>();
        for (int k = before.Count - 1; k >= 0; k--)
        {
            var m = before[k];
            if (m.View.End > p || !(m.View.End == p || IsListGap(text, m.View.End, p)))
            {
                break;
            }

            if (m.Type is not (EntityType.Person or EntityType.Company or EntityType.Organization))
            {
                break;
            }

            founders.Add(m);
            p = m.View.Start;
        }

        if (founders.Count == 0 || data.ListWordEndingAt(text, p, 0, ListWord.Agent) == 0)
        {
            return false;
        }

        p -= data.ListWordEndingAt(text, p, 0, ListWord.Agent);
        var company = before.LastOrDefault(m => m.IsMaker && m.View.End <= p && !founders.Contains(m));
        if (company is null)
        {
            return false;
        }

        foreach (var f in founders)
        {
            ctx.Add(f, "founded", company.Name, TextSpan.Cover(company.Original, f.Original));
        }

        return true;
    }

    private void Produces(RelationContext ctx, List<RelationMention> before, List<RelationMention> following, int i, int after, TextSpan sentence)
    {
        var text = ctx.Text;
        var makers = Makers(ctx, before, i, sentence.Start);
        if (makers.Count == 0)
        {
            return;
        }

        var product = following.FirstOrDefault(m => m.Type is EntityType.Product or EntityType.Work && m.View.Start - after <= NearWindow
            && !CrossesClause(text, after, m.View.Start));
        if (product is not null && ModifiesNext(text, product.View.End, sentence.End, out int of))
        {
            // iPhone 13用的A15晶片: the product named first only says what the thing made is for; what is made comes after 的
            product = null;
            after = of + 1;
        }

        if (product is not null)
        {
            foreach (var maker in makers)
            {
                ctx.Add(maker, "produces", product);
            }

            return;
        }

        // a product word a few characters on (量產全球頂尖的激光雷達, 生產了200萬輛新能源汽車, 研发生产笔记本电脑键盘),
        // with the words written before it that name it (商用中央空调, AI算力服务器), and the ones listed after it
        int limit = Math.Min(sentence.End, after + NearWindow);
        for (int k = after; k < limit; k++)
        {
            if (Array.IndexOf(ClauseMarks, text[k]) >= 0)
            {
                return;
            }

            if (!ProductTermAt(text, k, 2, out int len))
            {
                continue;
            }

            // A15芯片, M3晶片: a model code before the product word names the product on its own
            int code = ModelCodeEndingAt(text, after, k);
            if (code < k)
            {
                foreach (var maker in makers)
                {
                    ctx.Add(maker, "produces", text[code..k], ctx.Original(code, k));
                }

                return;
            }

            int start = ProductNameStart(text, after, k);
            if (len == 2 && start == k)
            {
                // 生产出如此多的汽车: a two-character word alone is too general to say what a company makes
                return;
            }

            foreach (var maker in makers)
            {
                ctx.Add(maker, "produces", text[start..(k + len)], ctx.Original(start, k + len));
            }

            // 分立器件和集成电路: the next product word after a joiner
            int j = k + len;
            int joiner = data.ListWordAt(text.AsSpan(0, sentence.End), j, ListWord.Joiner);
            if (joiner > 0 && joiner <= 2 && ProductTermAt(text, j + joiner, 2, out int len2))
            {
                foreach (var maker in makers)
                {
                    ctx.Add(maker, "produces", text.Substring(j + joiner, len2), ctx.Original(j + joiner, j + joiner + len2));
                }
            }

            return;
        }
    }

    /// <summary>
    /// 宁德时代上半年动力电池装机量, 苹果去年第四季iPhone的销售额, 公司储能电芯产量: a measure of what is made or sold (at
    /// <paramref name="i"/>) right after a product word or a product's name, and before them the company, with nothing
    /// between but a period the text states: the company makes the product. 公司 there stands for the company that
    /// opened a clause before it (not a source it cites: 宁德时代援引某机构数据显示，公司…).
    /// </summary>
    private void Output(RelationContext ctx, List<RelationMention> before, int i, TextSpan sentence)
    {
        var text = ctx.Text;
        int end = i > sentence.Start && text[i - 1] == RelationData.Of ? i - 1 : i;
        var named = before.LastOrDefault(m => m.Type == EntityType.Product && m.View.End == end);
        int start = named?.View.Start ?? ProductTermEndingAt(text, end, sentence.Start);
        if (start < 0)
        {
            return;
        }

        int gap = ctx.PeriodsStartBefore(start, sentence.Start);
        var maker = before.LastOrDefault(m => m.IsCompany && m.View.End == gap);
        int anaphor = data.PositionWordEndingAt(text, gap, sentence.Start, PositionWord.Anaphor);
        if (maker is null && anaphor > 0)
        {
            // 公司 alone opening the clause (not the end of 子公司), perhaps after a period
            int clause = ctx.PeriodsStartBefore(gap - anaphor, sentence.Start);
            if (clause == sentence.Start || Array.IndexOf(ClauseMarks, text[clause - 1]) >= 0)
            {
                maker = CompanyOpeningClauseBefore(ctx, clause);
            }
        }

        if (maker is null)
        {
            return;
        }

        if (named is not null)
        {
            ctx.Add(maker, "produces", named);
        }
        else
        {
            ctx.Add(maker, "produces", text[start..end], ctx.Original(start, end));
        }
    }

    /// <summary>Where the longest product word (or words: 笔记本电脑键盘) that ends at <paramref name="end"/> starts, or -1.</summary>
    private int ProductTermEndingAt(string text, int end, int floor)
    {
        for (int k = Math.Max(floor, end - MaxProductName); k <= end - 2; k++)
        {
            if (ProductTermAt(text, k, 2, out int len) && k + len == end)
            {
                return k;
            }
        }

        return -1;
    }

    /// <summary>The last company named before <paramref name="position"/> at the start of a clause or sentence: what a later 公司 stands for.</summary>
    private static RelationMention? CompanyOpeningClauseBefore(RelationContext ctx, int position)
    {
        RelationMention? last = null;
        var text = ctx.Text;
        foreach (var m in ctx.All)
        {
            if (m.View.End > position)
            {
                break;
            }

            if (m.IsCompany && (m.View.Start == 0 || Array.IndexOf(ClauseMarks, text[m.View.Start - 1]) >= 0 || Punctuation.IsSentenceEnd(text[m.View.Start - 1])))
            {
                last = m;
            }
        }

        return last;
    }

    /// <summary>
    /// The companies that make what the verb at <paramref name="verb"/> says: the last company named before it (A与B联合推出:
    /// both), or the company 公司 / 该公司 at the clause's start stands for.
    /// </summary>
    private List<RelationMention> Makers(RelationContext ctx, List<RelationMention> before, int verb, int sentenceStart)
    {
        var text = ctx.Text;
        var makers = new List<RelationMention>();
        var maker = before.LastOrDefault(m => m.IsCompany);
        if (maker is not null)
        {
            makers.Add(maker);
            int p = maker.View.Start;
            for (int k = before.IndexOf(maker) - 1; k >= 0 && before[k].IsCompany && IsListGap(text, before[k].View.End, p); k--)
            {
                makers.Add(before[k]);
                p = before[k].View.Start;
            }

            return makers;
        }

        // 公司为…提供, 该公司主营: the clause starts with the word for a company named before
        int clause = verb;
        while (clause > 0 && Array.IndexOf(ClauseMarks, text[clause - 1]) < 0 && verb - clause < NearWindow)
        {
            clause--;
        }

        int anaphor = data.PositionWordAt(text.AsSpan(0, verb), clause, PositionWord.Anaphor);
        if (anaphor > 0 && (clause == 0 || Array.IndexOf(ClauseMarks, text[clause - 1]) >= 0) && ctx.CompanyBefore(clause) is { } named)
        {
            makers.Add(named);
            return makers;
        }

        // 公司拟投资…，计划建设年产…: a sentence that opens with 公司 and names nothing else before the verb keeps it as
        // the subject of its later clauses
        int open = sentenceStart;
        while (open < verb && char.IsWhiteSpace(text[open]))
        {
            open++;
        }

        if (before.Count == 0 && data.PositionWordAt(text.AsSpan(0, verb), open, PositionWord.Anaphor) > 0 && ctx.CompanyBefore(open) is { } opening)
        {
            makers.Add(opening);
        }

        return makers;
    }

    /// <summary>
    /// Whether a name is followed by 的 after at most its model number and two characters (iPhone 13用的A15芯片): it then
    /// qualifies what comes after it, which starts after <paramref name="of"/>, the 的.
    /// </summary>
    private static bool ModifiesNext(string text, int end, int sentenceEnd, out int of)
    {
        of = -1;
        int k = end;
        while (k < sentenceEnd && (text[k] == ' ' || char.IsAsciiLetterOrDigit(text[k])))
        {
            k++;
        }

        for (int limit = Math.Min(sentenceEnd, k + 3); k < limit; k++)
        {
            if (text[k] == RelationData.Of)
            {
                of = k;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Where a model code ending at <paramref name="end"/> starts (A15, M1X, H100: a Latin letter first, a digit in it,
    /// standing apart from the letters and digits before it), no earlier than <paramref name="from"/>; <paramref name="end"/>
    /// when there is none. 5G芯片 names a kind of chip, not a model.
    /// </summary>
    private static int ModelCodeEndingAt(string text, int from, int end)
    {
        int start = end;
        bool digit = false;
        while (start > from && char.IsAsciiLetterOrDigit(text[start - 1]))
        {
            start--;
            digit |= char.IsAsciiDigit(text[start]);
        }

        return start < end && digit && char.IsAsciiLetter(text[start]) ? start : end;
    }

    /// <summary>
    /// Where a product's name starts: after the verb, the last 的 and any quantity (200万辆), less the words that lead to
    /// a product without naming it (了, 国产, 首款); at most <see cref="MaxProductName"/> characters before the product word.
    /// </summary>
    private int ProductNameStart(string text, int from, int word)
    {
        int start = Math.Max(from, word - MaxProductName);
        for (int k = word - 1; k >= start; k--)
        {
            if (text[k] == RelationData.Of || char.IsAsciiDigit(text[k]) || !(IsHan(text[k]) || char.IsAsciiLetter(text[k])))
            {
                start = k + 1;
                // the unit and classifier after a number (200万辆): the name starts after them
                if (char.IsAsciiDigit(text[k]))
                {
                    for (int unit; start < word && (unit = data.ProductCounts.LongestMatch(text.AsSpan(0, word), start, out _)) > 0;)
                    {
                        start += unit;
                    }
                }

                break;
            }
        }

        // 了, 国产, and another production verb (研发生产笔记本电脑键盘)
        while (start < word)
        {
            int lead = data.ProductLeads.LongestMatch(text.AsSpan(0, word), start, out _);
            if (lead == 0 && data.Triggers.LongestMatch(text.AsSpan(0, word), start, out var verb) > 0 && verb == "produces")
            {
                lead = data.Triggers.LongestMatch(text.AsSpan(0, word), start, out _);
            }

            if (lead == 0)
            {
                break;
            }

            start += lead;
        }

        return start;
    }

    /// <summary>A product named after its maker (讯飞AI学习机 by 科大讯飞, 比亚迪F3 DM by 比亚迪).</summary>
    private static void ProductsNamedAfterMaker(RelationContext ctx, List<RelationMention> sentence, List<RelationMention> all)
    {
        foreach (var product in sentence)
        {
            if (product.Type != EntityType.Product)
            {
                continue;
            }

            // the product starts with the maker's name as written, its canonical name, or the end of it (科大讯飞 → 讯飞);
            // compared as spans because this runs for every product against every company of the document
            var surface = ctx.Text.AsSpan(product.View.Start, product.View.Length);
            foreach (var maker in all)
            {
                if (maker.View != product.View && (surface.StartsWith(ctx.Text.AsSpan(maker.View.Start, maker.View.Length), StringComparison.Ordinal) || EndOfNameStarts(surface, maker.Name)))
                {
                    ctx.Add(maker, "produces", product);
                    break;
                }
            }
        }
    }

    /// <summary>Whether the surface starts with the last two or more characters of the name (讯飞 of 科大讯飞).</summary>
    private static bool EndOfNameStarts(ReadOnlySpan<char> surface, string name)
    {
        for (int k = 2; k <= name.Length; k++)
        {
            if (surface.StartsWith(name.AsSpan(name.Length - k), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>B是A的…: a copula (是, 为) at <paramref name="start"/>, then at most 的 before <paramref name="end"/>.</summary>
    private bool IsCopula(string text, int start, int end)
    {
        int len = data.ListWordAt(text.AsSpan(0, end), start, ListWord.Copula);
        return len > 0 && end - start - len <= 1;
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
