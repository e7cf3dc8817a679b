using System.Text;
using Anvil.Core.Entities;

namespace Anvil.Core.Relations;

/// <summary>
/// Positions a text gives a person, in any order: the title before the name (国家能源局能源节约与科技装备司副司长某某,
/// 集团行政总裁某某, 该公司总经理某某), after it (某某院士), in brackets after it (某某（某公司创始人）), or after a verb
/// (某某曾任发展局局长, 某某为某公司董事长). The phrase is read leftwards from the title: titles joined by 兼, the
/// modifiers before them (副, 首席, 执行), then bodies the text names (比亚迪, 国家能源局) and department names between
/// them (统计处, 产业司) — never past a boundary word or punctuation. holds_position takes the whole phrase; a leader
/// title right after a company (比亚迪董事长) also gives leads, a founder title (富力地产创办人) gives founded instead.
/// </summary>
internal sealed class PositionReader(RelationData data)
{
    /// <summary>The longest department name read between a body and a title (能源节约与科技装备司).</summary>
    private const int MaxRun = 12;

    /// <summary>The longest department name read with no body before it (规划署 after punctuation or a boundary word).</summary>
    private const int MaxOpenRun = 8;

    /// <summary>How far after a name a verb may stand (在2012至2016年期间担任).</summary>
    private const int MaxGapToVerb = 16;

    /// <summary>The longest position phrase read after a verb or in brackets.</summary>
    private const int MaxPhrase = 30;

    private static readonly char[] ClauseMarks = ['，', ',', '。', '；', ';', '：', ':', '！', '？', '!', '?', '\n'];

    /// <summary>A position phrase: its pieces in the view (brackets left out), the bodies it names, and what its first title is.</summary>
    private sealed class Phrase
    {
        public int Start { get; set; }

        public int End { get; init; }

        /// <summary>Where the titles start: what comes before is the body part (工业和信息化部 of 工业和信息化部新闻发言人).</summary>
        public int TitlesStart { get; init; }

        public List<(int Start, int End)> Pieces { get; } = [];

        /// <summary>The body named right before the titles (比亚迪 in 比亚迪董事长), or null.</summary>
        public RelationMention? Head { get; set; }

        public bool HasBody { get; set; }

        /// <summary>The phrase opens with the state itself (国家主席): it is whole, and takes no body from before.</summary>
        public bool NamesOwnState { get; set; }

        public PositionWord FirstTitle { get; set; }

        public bool HasFounder { get; set; }

        public bool HasOtherTitle { get; set; }

        /// <summary>Where an anaphor (该公司) stands before the titles, or -1.</summary>
        public int AnaphorStart { get; set; } = -1;

        public string Text(RelationContext ctx)
        {
            var b = new StringBuilder();
            foreach (var (s, e) in Pieces)
            {
                b.Append(ctx.Simplified(s, e));
            }

            return b.ToString();
        }

        public string BodyText(RelationContext ctx)
        {
            var b = new StringBuilder();
            foreach (var (s, e) in Pieces)
            {
                if (s < TitlesStart)
                {
                    b.Append(ctx.Simplified(s, Math.Min(e, TitlesStart)));
                }
            }

            return b.ToString();
        }
    }

    public void Read(RelationContext ctx, List<RelationMention> sentence, int sentenceStart, int sentenceEnd)
    {
        foreach (var person in sentence)
        {
            if (person.Type != EntityType.Person)
            {
                continue;
            }

            TitleBefore(ctx, sentence, person, sentenceStart);
            TitleAfter(ctx, sentence, person, sentenceEnd);
        }
    }

    /// <summary>国家发改委产业司副司长某某; 工业和信息化部新闻发言人、总工程师某某 (the body carried to the second title); 资深董事的某某; 董事长由某某担任.</summary>
    private void TitleBefore(RelationContext ctx, List<RelationMention> sentence, RelationMention person, int floor)
    {
        var text = ctx.Text;
        int end = person.View.Start;
        while (end > floor && text[end - 1] is ' ' or '\u3000' or '\u00a0')
        {
            end--;
        }

        if (end > floor + 1 && text[end - 1] == RelationData.Of && data.PositionWordEndingAt(text, end - 1, floor, PositionWord.Title) > 0)
        {
            end--;
        }

        // 某公司董事长（一职）由某某担任: the position before 由, when a verb of taking it (two characters or more: 担任,
        // 出任, not 为) follows the name; 会议由某某主持 names no position
        int agent = data.ListWordEndingAt(text, end, floor, ListWord.Agent);
        if (agent > 0 && data.PositionWordAt(text, person.View.End, PositionWord.Verb) >= 2)
        {
            end -= agent;
            end -= data.PositionWordEndingAt(text, end, floor, PositionWord.Post);
        }

        var phrase = Parse(ctx, sentence, end, floor);
        if (phrase is null || !StartsWord(ctx, sentence, phrase, floor))
        {
            return;
        }

        // titles listed with 、 for one person, read leftwards; a body named first carries to the titles after it
        var phrases = new List<Phrase> { phrase };
        for (int p = phrase.Start; p > floor + 1 && text[p - 1] == '、';)
        {
            var earlier = Parse(ctx, sentence, p - 1, floor);
            if (earlier is null)
            {
                break;
            }

            phrases.Insert(0, earlier);
            p = earlier.Start;
        }

        string? carried = null;
        foreach (var ph in phrases)
        {
            Emit(ctx, person, ph, ph.HasBody || ph.NamesOwnState ? null : carried);
            if (ph.HasBody)
            {
                carried = ph.BodyText(ctx);
            }
        }
    }

    /// <summary>某某院士表示; 某某（某公司创始人）; 某某曾任发展局局长; 某某在2012至2016年期间担任规划署署长; 某某为某公司董事长.</summary>
    private void TitleAfter(RelationContext ctx, List<RelationMention> sentence, RelationMention person, int sentenceEnd)
    {
        var text = ctx.Text;
        int q = person.View.End;
        if (q >= sentenceEnd)
        {
            return;
        }

        // a title right after the name, ending there
        int len = data.PositionWordAt(text.AsSpan(0, sentenceEnd), q, PositionWord.Title);
        if (len > 0 && EndsPhrase(text, q + len, sentenceEnd) && RelationContext.StartingAt(sentence, q) is null)
        {
            var phrase = Parse(ctx, sentence, q + len, q);
            if (phrase is not null && phrase.Start == q)
            {
                Emit(ctx, person, phrase, null);
                return;
            }
        }

        // in brackets after the name
        if (text[q] is '（' or '(')
        {
            int close = text.IndexOfAny([')', '）'], q + 1, Math.Min(MaxPhrase, sentenceEnd - q - 1));
            if (close > q + 1)
            {
                var phrase = Parse(ctx, sentence, close, q + 1);
                if (phrase is not null && Reaches(phrase, q + 1))
                {
                    Emit(ctx, person, phrase, null);
                }
            }

            return;
        }

        // after a verb in the same clause
        int limit = Math.Min(sentenceEnd, q + MaxGapToVerb);
        for (int v = q; v < limit; v++)
        {
            if (Array.IndexOf(ClauseMarks, text[v]) >= 0 || (v > q && RelationContext.StartingAt(sentence, v) is { Type: EntityType.Person }))
            {
                return;
            }

            int verb = data.PositionWordAt(text.AsSpan(0, sentenceEnd), v, PositionWord.Verb);
            // 为 and 是 put a position after a name only right after it (某某为某公司董事长)
            if (verb == 0 || (verb == 1 && text[v] is '为' or '是' && v != q))
            {
                continue;
            }

            int from = v + verb;
            int stop = Math.Min(sentenceEnd, from + MaxPhrase);
            for (int e = from + 1; e <= stop; e++)
            {
                if (Array.IndexOf(ClauseMarks, text[e - 1]) >= 0)
                {
                    break;
                }

                if (!EndsPhrase(text, e, sentenceEnd) || data.PositionWordEndingAt(text, e, from, PositionWord.Title) == 0)
                {
                    continue;
                }

                var phrase = Parse(ctx, sentence, e, from);
                if (phrase is not null && Reaches(phrase, from))
                {
                    Emit(ctx, person, phrase, null);
                    return;
                }
            }
        }
    }

    /// <summary>
    /// Whether the phrase starts with a body it names (观望美国总统), or where a word may: at the floor, after punctuation,
    /// a boundary word or a name. A title that starts inside a word the reader does not know (远东发展 + 主席, 平保 +
    /// 总经理) is only the end of the position, and the title alone would be a wrong one.
    /// </summary>
    private bool StartsWord(RelationContext ctx, List<RelationMention> sentence, Phrase phrase, int floor)
    {
        int start = phrase.AnaphorStart >= 0 ? Math.Min(phrase.AnaphorStart, phrase.Start) : phrase.Start;
        var text = ctx.Text;
        return phrase.HasBody || phrase.NamesOwnState || start == floor || !IsHan(text[start - 1]) || data.PositionWordEndingAt(text, start, floor, PositionWord.Boundary) > 0
            || ctx.EndingAt(sentence, start, floor) is not null;
    }

    private static bool Reaches(Phrase phrase, int start) => phrase.Start == start || phrase.AnaphorStart == start;

    /// <summary>Whether a title may end at <paramref name="end"/>: the clause ends, or a word that follows titles starts.</summary>
    // a post word ends the title too (接任董事局主席一职)
    private bool EndsPhrase(string text, int end, int sentenceEnd) =>
        end >= sentenceEnd || !IsWordChar(text[end])
        || data.PositionWordAt(text.AsSpan(0, sentenceEnd), end, PositionWord.After | PositionWord.Boundary | PositionWord.Post) > 0;

    private void Emit(RelationContext ctx, RelationMention person, Phrase phrase, string? carriedBody)
    {
        var span = ctx.Original(phrase.AnaphorStart >= 0 ? Math.Min(phrase.AnaphorStart, phrase.Start) : phrase.Start, phrase.End);
        RelationMention? company = phrase.Head is { IsMaker: true } ? phrase.Head
            : phrase.AnaphorStart >= 0 ? ctx.CompanyBefore(phrase.AnaphorStart) : null;
        if (phrase.HasFounder && company is not null)
        {
            ctx.Add(person, "founded", company.Name, Cover(company, span));
        }

        if (!phrase.HasOtherTitle)
        {
            return;
        }

        ctx.Add(person, "holds_position", carriedBody + phrase.Text(ctx), span);
        if ((phrase.FirstTitle & PositionWord.Leader) != 0 && company is { Type: EntityType.Company or EntityType.Organization })
        {
            ctx.Add(person, "leads", company.Name, Cover(company, span));
        }
    }

    private static Documents.TextSpan Cover(RelationMention m, Documents.TextSpan span) => Documents.TextSpan.Cover(m.Original, span);

    /// <summary>The position phrase ending at <paramref name="end"/>, read leftwards no further than <paramref name="floor"/>; null when no title ends there.</summary>
    private Phrase? Parse(RelationContext ctx, List<RelationMention> mentions, int end, int floor)
    {
        var text = ctx.Text;
        var kind = data.PositionWordKindEndingAt(text, end, floor, PositionWord.Title, out int len);
        if (len == 0)
        {
            return null;
        }

        int p = end - len;
        var first = kind;
        bool founder = (kind & PositionWord.Founder) != 0, other = !founder;
        while (true)
        {
            int m = data.PositionWordEndingAt(text, p, floor, PositionWord.Modifier);
            if (m > 0)
            {
                p -= m;
                continue;
            }

            int j = data.PositionWordEndingAt(text, p, floor, PositionWord.Join);
            var before = j > 0 ? data.PositionWordKindEndingAt(text, p - j, floor, PositionWord.Title, out len) : PositionWord.None;
            if (before != PositionWord.None)
            {
                p -= j + len;
                first = before;
                founder |= (before & PositionWord.Founder) != 0;
                other |= (before & PositionWord.Founder) == 0;
                continue;
            }

            break;
        }

        var phrase = new Phrase { End = end, TitlesStart = p, FirstTitle = first, HasFounder = founder, HasOtherTitle = other };
        int state = data.PositionWordEndingAt(text, p, floor, PositionWord.State);
        if (state > 0)
        {
            // 国家主席: the state is the body, and nothing before it belongs to the position
            p -= state;
            phrase.Pieces.Add((p, end));
            phrase.NamesOwnState = true;
            phrase.Start = p;
            return phrase;
        }

        phrase.Pieces.Add((p, end));

        // a body whose name runs into the title (深圳市 + 市长 → 深圳市长; 统计处副处 + 副处长)
        foreach (var m in mentions)
        {
            if (m.IsBody && m.View.Start < p && m.View.End > p && m.View.End <= end && m.View.Start >= floor)
            {
                phrase.Pieces[0] = (m.View.Start, end);
                phrase.Head = m;
                phrase.HasBody = true;
                p = m.View.Start;
                break;
            }
        }

        bool lastWasPlace = phrase.Head?.Type == EntityType.Place;
        while (p > floor)
        {
            // an English name in brackets after a body (美国企业研究所（American Enterprise Institute）) is left out of the object
            int q = SkipLatinBrackets(text, p, floor);
            var body = ctx.EndingAt(mentions, q, floor);
            if (body is not { IsBody: true })
            {
                body = MakerNamedAt(ctx, q, floor) ?? body;
            }

            if (body is not { IsBody: true } && q != p && Department(ctx, mentions, q, floor, false) is int named)
            {
                // the department's name is the one before the brackets
                phrase.Pieces.Insert(0, (named, q));
                phrase.HasBody = true;
                lastWasPlace = false;
                p = named;
                continue;
            }

            if (body is { IsBody: true })
            {
                phrase.Pieces.Insert(0, (body.View.Start, body.View.End));
                if (!phrase.HasBody)
                {
                    phrase.Head = body;
                }

                phrase.HasBody = true;
                lastWasPlace = body.Type == EntityType.Place;
                p = body.View.Start;
                continue;
            }

            if (!phrase.HasBody && IsAnaphor(text, p, floor, out int anaphor))
            {
                phrase.AnaphorStart = p - anaphor;
                break;
            }

            if (Department(ctx, mentions, p, floor, lastWasPlace) is int start)
            {
                phrase.Pieces.Insert(0, (start, p));
                phrase.HasBody = true;
                lastWasPlace = false;
                p = start;
                continue;
            }

            break;
        }

        phrase.Start = p;
        return phrase;
    }

    /// <summary>
    /// A company the document names elsewhere, written by its name right before the title with no mention there (明远 in
    /// 。明远行政总裁某某): the body of the position. The name must start a word: 开明远景主席 names no 明远.
    /// </summary>
    private RelationMention? MakerNamedAt(RelationContext ctx, int end, int floor)
    {
        var text = ctx.Text;
        foreach (var maker in ctx.Makers)
        {
            int start = end - maker.Name.Length;
            if (start < floor || !text.AsSpan(start, maker.Name.Length).SequenceEqual(maker.Name))
            {
                continue;
            }

            if (start == floor || !IsHan(text[start - 1]) || data.PositionWordEndingAt(text, start, floor, PositionWord.Boundary) > 0)
            {
                return maker with { View = new Documents.TextSpan(start, end), Original = ctx.Original(start, end) };
            }
        }

        return null;
    }

    /// <summary>该公司 / 公司 standing alone before the title (not the end of 子公司).</summary>
    private bool IsAnaphor(string text, int p, int floor, out int length)
    {
        length = data.PositionWordEndingAt(text, p, floor, PositionWord.Anaphor);
        if (length == 0)
        {
            return false;
        }

        int s = p - length;
        return s == floor || !IsHan(text[s - 1]) || data.PositionWordEndingAt(text, s, floor, PositionWord.Boundary) > 0;
    }

    /// <summary>
    /// A department name ending at <paramref name="p"/>: a stretch of Chinese characters ending in a unit word (统计处,
    /// 能源节约与科技装备司), or any stretch followed by a place (全球开店 in 亚马逊全球开店台湾总经理), bounded on the left by a
    /// body the text names. With no body before it, only a short one ending in a unit word, right after punctuation or a
    /// boundary word (，规划署署长). Its start, or null.
    /// </summary>
    private int? Department(RelationContext ctx, List<RelationMention> mentions, int p, int floor, bool beforePlace)
    {
        var text = ctx.Text;
        bool unit = data.PositionWordEndingAt(text, p, floor, PositionWord.Unit) > 0;
        if (!unit && !beforePlace)
        {
            return null;
        }

        int q = p;
        while (q > floor && IsHan(text[q - 1]) && p - q < MaxRun)
        {
            if (ctx.EndingAt(mentions, q, floor) is not null || (q < p && data.PositionWordEndingAt(text, q, floor, PositionWord.Boundary) > 0))
            {
                break;
            }

            q--;
        }

        if (q == p)
        {
            return null;
        }

        // a name read only because a place follows it (全球开店 in 亚马逊全球开店台湾) needs a body other than a place before it
        var bound = ctx.EndingAt(mentions, q, floor);
        if (bound is { IsBody: true } && (unit || bound.Type != EntityType.Place))
        {
            return q;
        }

        bool open = q == floor || !IsHan(text[q - 1]) || data.PositionWordEndingAt(text, q, floor, PositionWord.Boundary) > 0;
        return open && unit && bound is null && p - q <= MaxOpenRun ? q : null;
    }

    private static int SkipLatinBrackets(string text, int p, int floor)
    {
        if (p - 2 < floor || text[p - 1] is not (')' or '）'))
        {
            return p;
        }

        for (int i = p - 2; i >= floor && p - i < MaxPhrase * 2; i--)
        {
            char c = text[i];
            if (c is '(' or '（')
            {
                return i;
            }

            if (IsHan(c))
            {
                return p;
            }
        }

        return p;
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    private static bool IsWordChar(char c) => IsHan(c) || char.IsAsciiLetterOrDigit(c);
}
