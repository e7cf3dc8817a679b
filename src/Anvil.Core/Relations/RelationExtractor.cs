using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Output;
using Anvil.Core.Pipeline;

namespace Anvil.Core.Relations;

/// <summary>
/// Finds the relations a text states between the entities it names: positions (廣東省發展改革委主任艾學峰),
/// members of a named group (以A、B、C為代表的「G」), founders and where they founded, headquarters and
/// sites, products (華為的昇騰AI晶片, 量產激光雷達), investments, supply and ownership. Only what a
/// sentence states, in the sentence that states it.
/// </summary>
public sealed class RelationExtractor(RelationData data) : IPipelineComponent
{
    private const int NearWindow = 14;

    public string Name => "relations";

    public Annotations Requires => Annotations.View | Annotations.Sentences | Annotations.Entities;

    public Annotations Provides => Annotations.Relations;

    public void Process(Analysis analysis)
    {
        var view = analysis.View;
        var mentions = analysis.Entities
            .Select(e => new Mention(view.ToView(e.Span), e.Span, e.Name, e.Type))
            .OrderBy(m => m.View.Start).ToList();
        var found = new List<RelationRecord>();
        var ctx = new Context(view.Text, mentions, found);
        var companies = mentions.Where(m => m.IsCompany).ToList();
        int next = 0;
        var inSentence = new List<Mention>();
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

            if (inSentence.Count == 0)
            {
                continue;
            }

            Positions(ctx, inSentence);
            Members(ctx, inSentence);
            Possessives(ctx, inSentence);
            TriggerRelations(ctx, sentence, inSentence);
            ProductsNamedAfterMaker(ctx, inSentence, companies);
            InsideParks(ctx, inSentence);
        }

        var seen = new HashSet<(string, string, string)>();
        foreach (var r in found)
        {
            if (r.Subject != r.Object && seen.Add((r.Subject, r.Predicate, r.Object)))
            {
                analysis.Relations.Add(r);
            }
        }
    }

    private sealed record Mention(TextSpan View, TextSpan Original, string Name, EntityType Type)
    {
        public bool IsCompany => Type is EntityType.Company;

        public bool IsMaker => Type is EntityType.Company or EntityType.Organization or EntityType.University;
    }

    private sealed record Context(string Text, List<Mention> All, List<RelationRecord> Found)
    {
        public void Add(Mention a, string predicate, string objectName, TextSpan objectOriginal) =>
            Found.Add(new RelationRecord(TextSpan.Cover(a.Original, objectOriginal), a.Name, predicate, objectName));

        public void Add(Mention a, string predicate, Mention b) => Add(a, predicate, b.Name, b.Original);

        /// <summary>The mentions before and after the trigger being read; reused from trigger to trigger.</summary>
        public List<Mention> Before { get; } = [];

        public List<Mention> Following { get; } = [];
    }

    /// <summary>A title right before a person, with the body right before the title: 工业和信息化部副部长辛国斌.</summary>
    private void Positions(Context ctx, List<Mention> mentions)
    {
        foreach (var person in mentions.Where(m => m.Type == EntityType.Person))
        {
            int end = person.View.Start;
            while (end > 0 && char.IsWhiteSpace(ctx.Text[end - 1]))
            {
                end--;
            }

            int titleStart = -1;
            for (int len = Math.Min(data.LongestTitle, end); len >= 1; len--)
            {
                if (data.PositionTitles.TryGet(ctx.Text.AsSpan(end - len, len), out _))
                {
                    titleStart = end - len;
                    break;
                }
            }

            if (titleStart < 0)
            {
                continue;
            }

            string title = ctx.Text[titleStart..end];
            var body = mentions.LastOrDefault(m => m.View.End == titleStart && m.Type is EntityType.Government or EntityType.Organization or EntityType.Company or EntityType.University);
            // 省委 + 书记 is one title word already: the body is part of it
            if (body is not null && !title.StartsWith(ctx.Text[body.View.Start..body.View.End], StringComparison.Ordinal))
            {
                string bodyText = ctx.Text[body.View.Start..body.View.End];
                ctx.Add(person, "holds_position", bodyText + title, TextSpan.Cover(body.Original, person.Original));
                if (body.IsCompany && title is "董事长" or "总裁" or "CEO" or "首席执行官" or "总经理")
                {
                    ctx.Add(person, "leads", body);
                }
            }
            else
            {
                var titleOriginal = new TextSpan(person.Original.Start - (person.View.Start - titleStart), person.Original.Start);
                ctx.Add(person, "holds_position", title, titleOriginal);
            }
        }
    }

    /// <summary>Companies listed right before a named group: 以A、B、C等为代表的「G」, 有A B C D的「G」.</summary>
    private static void Members(Context ctx, List<Mention> mentions)
    {
        foreach (var group in mentions.Where(m => m.Type == EntityType.Group))
        {
            int p = group.View.Start;
            p = SkipLeft(ctx.Text, p, "「“\"『");
            foreach (var filler in new[] { "等为代表的", "为代表的", "等", "的", "这" })
            {
                if (p >= filler.Length && ctx.Text.AsSpan(p - filler.Length, filler.Length).SequenceEqual(filler))
                {
                    p -= filler.Length;
                    break;
                }
            }

            var members = new List<Mention>();
            foreach (var m in mentions.Where(m => m.View.End <= p).Reverse())
            {
                var gap = ctx.Text.AsSpan(m.View.End, p - m.View.End);
                if (!IsListGap(gap))
                {
                    break;
                }

                if (m.IsMaker)
                {
                    members.Add(m);
                }

                p = m.View.Start;
            }

            foreach (var m in members.DistinctBy(m => m.Name))
            {
                ctx.Add(m, "member_of", group);
            }
        }
    }

    private static bool IsListGap(ReadOnlySpan<char> gap)
    {
        foreach (char c in gap)
        {
            if (!"、,，和与及 ()（）等".Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return gap.Length <= 3;
    }

    private static int SkipLeft(string text, int p, string chars)
    {
        while (p > 0 && chars.Contains(text[p - 1], StringComparison.Ordinal))
        {
            p--;
        }

        return p;
    }

    /// <summary>
    /// X的Y: a company's product (華為的昇騰AI晶片, 宇樹科技的機器狗), a place's company (深圳的速騰聚創),
    /// a person's company (馬斯克的SpaceX).
    /// </summary>
    private void Possessives(Context ctx, List<Mention> mentions)
    {
        foreach (var a in mentions)
        {
            int p = a.View.End;
            if (p >= ctx.Text.Length || ctx.Text[p] != '的')
            {
                continue;
            }

            int q = p + 1;
            var b = mentions.FirstOrDefault(m => m.View.Start == q);
            if (b is not null)
            {
                if (a.IsCompany && b.Type == EntityType.Product)
                {
                    ctx.Add(a, "produces", b);
                    // 华为的昇腾AI芯片和鸿蒙系统: the products listed after the first
                    var last = b;
                    for (var next = mentions.FirstOrDefault(m => m.View.Start > last.View.End); next is { Type: EntityType.Product }
                        && IsListGap(ctx.Text.AsSpan(last.View.End, next.View.Start - last.View.End)); next = mentions.FirstOrDefault(m => m.View.Start > last.View.End))
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

            if (a.IsCompany && ProductTermAt(ctx.Text, q, out int len))
            {
                ctx.Add(a, "produces", ctx.Text.Substring(q, len), OriginalOf(a, q, len));
            }
        }
    }

    /// <summary>
    /// A product word at the position. Two-character words (芯片, 汽车) are too general to say what a
    /// company makes on their own; the relation needs a specific word (激光雷达, 机器狗, 全固态电池).
    /// </summary>
    private bool ProductTermAt(string text, int position, out int length)
    {
        length = 0;
        if (position >= text.Length || !data.ProductTerms.CanStartWith(text[position]))
        {
            return false;
        }

        length = data.ProductTerms.LongestMatch(text, position, out _);
        return length >= 3;
    }

    /// <summary>The original span of a view range, located relative to a mention (identity-length views map exactly).</summary>
    private static TextSpan OriginalOf(Mention anchor, int viewStart, int length)
    {
        int start = anchor.Original.Start + (viewStart - anchor.View.Start);
        return new TextSpan(start, start + length);
    }

    /// <summary>Relations stated by a trigger word in the sentence (创立, 量产, 总部位于, 坐落在, 投资, 子公司...).</summary>
    private void TriggerRelations(Context ctx, TextSpan sentence, List<Mention> mentions)
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
    private void Trigger(Context ctx, TextSpan sentence, List<Mention> mentions, int i, int after, string predicate)
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
                Founded(ctx, before, following, after);
                break;
            case "produces":
                Produces(ctx, before, following, after, sentence);
                break;
            case "site":
                var site = before.LastOrDefault(m => m.Type == EntityType.Place && m.View.End == i);
                var owner = site is null ? null : (following.FirstOrDefault(m => m.IsCompany) ?? before.LastOrDefault(m => m.IsCompany));
                if (site is not null && owner is not null)
                {
                    ctx.Add(owner, "located_in", site);
                }

                break;
            case "headquartered_in" or "located_in":
                Sites(ctx, predicate, text[i..after], before, following, mentions, i);
                break;
            case "invests_in" or "supplies":
                var investor = before.LastOrDefault(m => m.IsMaker && i - m.View.End <= NearWindow);
                var target = following.FirstOrDefault(m => m.IsMaker && m.View.Start - after <= NearWindow);
                if (investor is not null && target is not null)
                {
                    ctx.Add(investor, predicate, target);
                }

                break;
            case "subsidiary_of":
                // A子公司B / A旗下的B
                var parent = before.LastOrDefault(m => m.IsCompany && i - m.View.End <= 2);
                var child = following.FirstOrDefault(m => m.IsCompany && m.View.Start - after <= 2);
                if (parent is not null && child is not null)
                {
                    ctx.Add(child, "subsidiary_of", parent);
                }

                break;
        }
    }

    private static bool InsideMention(List<Mention> mentions, int position)
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

    private static void Founded(Context ctx, List<Mention> before, List<Mention> following, int after)
    {
        var company = following.FirstOrDefault(m => m.IsMaker && m.View.Start - after <= 4);
        if (company is null)
        {
            return;
        }

        var founder = before.LastOrDefault(m => m.Type == EntityType.Person);
        if (founder is not null)
        {
            ctx.Add(founder, "founded", company);
        }

        // where it was founded: the nearest place between the founder and the verb (在深圳創立了大疆)
        var place = before.LastOrDefault(m => m.Type == EntityType.Place && (founder is null || m.View.Start > founder.View.Start));
        if (place is not null)
        {
            ctx.Add(company, "located_in", place);
        }
    }

    private void Produces(Context ctx, List<Mention> before, List<Mention> following, int after, TextSpan sentence)
    {
        var maker = before.LastOrDefault(m => m.IsCompany);
        if (maker is null)
        {
            return;
        }

        var product = following.FirstOrDefault(m => m.Type is EntityType.Product or EntityType.Work && m.View.Start - after <= NearWindow);
        if (product is not null)
        {
            ctx.Add(maker, "produces", product);
            return;
        }

        // a product word a few characters on (量產全球頂尖的激光雷達, 生產了200萬輛新能源汽車)
        for (int k = after; k < Math.Min(sentence.End, after + NearWindow); k++)
        {
            if (ProductTermAt(ctx.Text, k, out int len))
            {
                ctx.Add(maker, "produces", ctx.Text.Substring(k, len), OriginalOf(maker, k, len));
                return;
            }
        }
    }

    private static void Sites(Context ctx, string predicate, string trigger, List<Mention> before, List<Mention> following, List<Mention> sentence, int triggerStart)
    {
        if (trigger == "大本营")
        {
            // 深圳…是比亚迪的大本营: the company just before, the place earlier in the sentence
            var company = before.LastOrDefault(m => m.IsCompany);
            // the first place named, or the city right after its province (广东深圳)
            var place = before.FirstOrDefault(m => m.Type == EntityType.Place && !before.Any(n => n.Type == EntityType.Place && n.View.Start == m.View.End));
            if (company is not null && place is not null)
            {
                ctx.Add(company, "headquartered_in", place);
            }

            return;
        }

        // the places listed after the trigger; a province right before its city gives way to the city
        var places = new List<Mention>();
        int p = triggerStart + trigger.Length;
        foreach (var m in following)
        {
            var gap = ctx.Text.AsSpan(p, m.View.Start - p);
            if (m.Type != EntityType.Place || !(gap.IsEmpty || IsListGap(gap)))
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

        var subject = before.LastOrDefault(m => m.IsCompany) ?? sentence.FirstOrDefault(m => m.IsCompany && m.View.Start >= p);
        if (subject is null)
        {
            return;
        }

        foreach (var place in places)
        {
            ctx.Add(subject, predicate, place);
        }
    }

    /// <summary>A product named after its maker (讯飞AI学习机 by 科大讯飞, 比亚迪F3 DM by 比亚迪).</summary>
    private static void ProductsNamedAfterMaker(Context ctx, List<Mention> sentence, List<Mention> all)
    {
        foreach (var product in sentence.Where(m => m.Type == EntityType.Product))
        {
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

    /// <summary>A company inside a named park is located in the place the park's name starts with.</summary>
    private static void InsideParks(Context ctx, List<Mention> sentence)
    {
        foreach (var park in sentence)
        {
            if (park.Type != EntityType.Place)
            {
                continue;
            }

            // the place the park's name starts with, then the companies inside the park's name
            Mention? place = null;
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
}
