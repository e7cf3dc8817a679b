using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Lexicons;

namespace Anvil.Core.Facts;

/// <summary>The subject of a figure, the name that gave it (if one did), and where the words naming the measure start.</summary>
internal sealed record SubjectReading(string Subject, Mention? Mention, int PhraseStart);

/// <summary>
/// What a figure is about: the nearest subject-like name in its clause (a rank names its subject after it: 位居第十的南京),
/// else the topic of its sentence part, else the previous figure's subject in the sentence, the topic carried from
/// before, the place the text names most, or the country of a mainland text. Words standing for a subject (全市, 该公司)
/// resolve to the place of the body whose figures these are, the place named last, or the text's company.
/// </summary>
internal sealed partial class SubjectAttribution(FactDocument doc, EntityLexicon? lexicon)
{
    private readonly string _text = doc.Text;
    private readonly SubjectCues _cues = doc.Data.Subjects;

    /// <summary>The subject of a figure, or null when it has none (a rank that names nothing it ranks).</summary>
    public SubjectReading? Read(FigureContext f)
    {
        var figure = f.Figure;
        bool isRank = figure.Quantity.Unit == "rank";
        var mention = (isRank ? After(figure.View.End) : null) ?? In(f.Clause.Start, figure.View.Start, -1, f.Discourse, isRank);
        if (mention is null && f.LastInSentence is null)
        {
            mention = In(-1, figure.View.Start, doc.PartStart(f.Sentence, figure.View.Start), f.Discourse);
        }

        if (mention is { Type: EntityType.Place } market && ForeignMarketOfCompany(market, f.Sentence, figure.View.Start) is { } company)
        {
            mention = company;
        }

        if (mention is { Type: EntityType.Place } region && CompanyOfBusinessRegion(region, f) is { } owner)
        {
            // the region and its segment are the scope; a later figure of the clause (…上升8%至12亿元) reads on after the one before
            return new SubjectReading(owner, null, Math.Max(region.View.Start, f.PreviousEnd));
        }

        int phraseStart = Math.Max(f.PreviousEnd, f.Clause.Start);
        if (mention is not null && mention.View.End > phraseStart
            && !(mention.IsReference && _text[phraseStart..mention.View.Start].Trim().Length > 1))
        {
            phraseStart = mention.View.End;
        }

        if (mention is null && f.LastInSentence is null && isRank)
        {
            // a ranking claim names what it ranks in its own sentence, or ranks the section's place in the field above it
            return PlaceBelowField(f.Clause.Start, figure.View.Start) is { } ranked ? new SubjectReading(ranked, null, phraseStart) : null;
        }

        // the last resort: what the text names most, else the country a mainland text speaks of, else the region
        // (Hong Kong, Taiwan) a text in Traditional script is written in
        string? subject = mention?.Name ?? f.LastInSentence?.Subject ?? f.Discourse.Topic ?? doc.TopicAt(figure.View.Start).Subject
            ?? doc.MainSubject ?? doc.CountryByDefault ?? doc.RegionPlace;
        return subject is null ? null : new SubjectReading(subject, mention, phraseStart);
    }

    /// <summary>
    /// 宇通客车海外订单不断，继乌兹别克斯坦800辆订单交付后…: in a sentence headed by a company, a country other than the text's
    /// own named in a later clause (inside it, or right before the figure) is a market of the company, not what its
    /// figures are about. Returns the company, or null where the rule does not apply.
    /// </summary>
    private Mention? ForeignMarketOfCompany(Mention place, TextSpan sentence, int position)
    {
        // a country heading its clause with words of its own before the figure (美国核心通胀率达到3%) is the subject; one
        // right before the figure (乌兹别克斯坦800辆订单) names whose orders they are
        if (PlaceLevels.Default.LevelOf(place.Name) != PlaceLevel.Country || place.Name == _cues.Country || place.Name == doc.RegionPlace
            || (IsHead(place, doc.ClauseAround(sentence, place.View.Start)) && position > place.View.End))
        {
            return null;
        }

        int partStart = doc.PartStart(sentence, position);
        foreach (var m in doc.MentionsWithin(partStart, place.View.Start))
        {
            // the first name of the sentence part, heading its clause
            return m.Type == EntityType.Company && IsHead(m, doc.ClauseAround(sentence, m.View.Start))
                && doc.ClauseAround(sentence, m.View.Start).End < place.View.Start && AsSubject(m) is { } company ? company : null;
        }

        return null;
    }

    /// <summary>
    /// A subject named at the head of its clause is what the text goes on about (not a body, person or work). A body that
    /// states the figures stands for the place it governs (主計總處統計，第3季出口…): that place is the topic too.
    /// </summary>
    public bool IsTopic(Mention mention, TextSpan sentence) =>
        (mention.Type is not (EntityType.Government or EntityType.Person or EntityType.Work) || StandsForItsPlace(mention))
        && IsHead(mention, doc.ClauseAround(sentence, mention.View.Start));

    /// <summary>A body's mention that AsSubject renamed to the place it governs (its figures' subject).</summary>
    private bool StandsForItsPlace(Mention mention) =>
        mention.Type == EntityType.Government && PlaceLevels.Default.LevelOf(mention.Name) != PlaceLevel.Unknown;

    /// <summary>A name at the head of its clause: first, or after no more than a period and two characters (2024年，深圳…).</summary>
    private bool IsHead(Mention mention, TextSpan clause) => IsHead(clause, mention.View.Start);

    /// <summary>A position at the head of its clause: first, or after no more than a period and two characters.</summary>
    private bool IsHead(TextSpan clause, int position)
    {
        if (position <= clause.Start + 2)
        {
            return true;
        }

        foreach (var p in doc.PeriodsWithin(clause.Start, position))
        {
            if (_text.AsSpan(clause.Start, p.Span.Start - clause.Start).Trim().Length <= 2)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The nearest subject-like name before the position in its clause, else the first name heading a clause of its
    /// sentence part. For a rank, the field it is ranked in (全国, or a name after 居/位列) is not its subject.
    /// </summary>
    public Mention? In(int clauseStart, int position, int sentenceStart, Discourse discourse, bool isRank = false)
    {
        int rankVerbAt = isRank && clauseStart >= 0 ? RankVerbEnd(clauseStart, position) : -1;
        for (int pass = 0; pass < 2; pass++)
        {
            int from = pass == 0 ? clauseStart : sentenceStart;
            if (from < 0)
            {
                continue;
            }

            Mention? best = null;
            foreach (var m in doc.MentionsWithin(from, position))
            {
                var candidate = AsSubject(m);
                if (candidate is not null && pass == 1
                    && (InWhenClause(m.View.Start, sentenceStart) || candidate.Type == EntityType.Person || !IsHead(m, doc.ClauseAround(new TextSpan(sentenceStart, position), m.View.Start))))
                {
                    continue; // 当杭州…时，深圳…: the subordinate clause's name is not the topic; nor a name inside an earlier clause
                }

                if (candidate is not null && pass == 0 && rankVerbAt >= 0 && m.View.Start >= rankVerbAt)
                {
                    continue; // 居中部地区城市第1位: the field of the rank
                }

                if (candidate is not null && (pass == 0 || best is null))
                {
                    best = candidate; // in the clause the nearest name; in the sentence its topic, the first
                }
            }

            // a rank's field (居全国第三) is no subject: only a reference before its verb counts (我国 + 算力规模居全球第二)
            var reference = !isRank ? ReferenceIn(from, position, discourse)
                : pass == 0 && rankVerbAt > from ? ReferenceIn(from, rankVerbAt - 1, discourse) : null;
            if (reference is not null && (best is null || (pass == 0 ? reference.View.Start > best.View.Start : reference.View.Start < best.View.Start)))
            {
                best = reference;
            }

            if (best is not null)
            {
                return best;
            }
        }

        return null;
    }

    /// <summary>
    /// 工业投资规模均居全市第一 in a text about a district: the field after the rank verb (全市, 全省, 全国) is a place of a
    /// level above the section's place, which is then what is ranked. Null when no such field or place is at hand.
    /// </summary>
    private string? PlaceBelowField(int clauseStart, int position)
    {
        int verbEnd = RankVerbEnd(clauseStart, position);
        if (verbEnd < 0 || doc.TopicAt(position).Place is not { } place)
        {
            return null;
        }

        var levels = PlaceLevels.Default;
        var words = _text.AsSpan(verbEnd, position - verbEnd);
        foreach (var (word, refersTo) in doc.Data.SubjectReferences)
        {
            var field = refersTo switch
            {
                "country" or "own-country" => PlaceLevel.Country,
                "province" => PlaceLevel.Province,
                "city" => PlaceLevel.City,
                _ => PlaceLevel.Unknown,
            };
            if (field == PlaceLevel.Unknown || !words.Contains(word, StringComparison.Ordinal))
            {
                continue;
            }

            // the levels run country > province > city > district (PlaceLevel's order)
            var own = levels.LevelOf(place);
            bool below = own > field && own <= PlaceLevel.District
                && (field == PlaceLevel.Country ? doc.IsMainlandPlace(place) : levels.AtLevel(place, field) is not null);
            return below ? place : null;
        }

        return null;
    }

    /// <summary>A rank names its subject right after it (位居第十的南京).</summary>
    private Mention? After(int position)
    {
        if (position < _text.Length && _text[position] == _cues.Possessive)
        {
            int at = FactDocument.FirstStartingAt(doc.Mentions, position + 1, x => x.View.Start);
            var m = at < doc.Mentions.Count && doc.Mentions[at].View.Start == position + 1 ? doc.Mentions[at] : null;
            return m is null ? null : AsSubject(m);
        }

        return null;
    }

    private bool InWhenClause(int position, int from)
    {
        var clause = doc.ClauseAround(new TextSpan(Math.Max(0, from), _text.Length), position);
        string text = _text[clause.Start..clause.End].Trim();
        return text.StartsWith(_cues.WhenClause.Open) && text.EndsWith(_cues.WhenClause.Close);
    }

    /// <summary>A word of forecasting right after a body's name (預估, 预计; facts/source-cues.tsv, forecast).</summary>
    private bool Forecasts(Mention body) =>
        WordMatch.StartsWithAny(_text.AsSpan(body.View.End, Math.Min(3, _text.Length - body.View.End)), doc.Data.Sources.Forecasts);

    private Mention? AsSubject(Mention m)
    {
        if (IsExample(m) || IsLocative(m) || IsExcluded(m))
        {
            return null;
        }

        switch (m.Type)
        {
            case EntityType.Person:
                return IsSpeaker(m) ? null : m;
            case EntityType.Place when doc.FollowedBy(m, _cues.Facilities):
                // 深圳工厂的产能: the factory's company is the subject
                var owner = FactDocument.LastBefore(doc.CompanyMentions, m.View.Start, _ => true) ?? doc.CompanyMentions.FirstOrDefault();
                return owner is null ? null : m with { Name = owner.Name, Type = EntityType.Company };
            case EntityType.Place when doc.FollowedBy(m, _cues.RecordFields) || IsDateline(m):
                return null; // 中国首个, 中国影史第一: the field of a record, not its holder; 北京8月10日电: a dateline
            case EntityType.Place or EntityType.Company or EntityType.Group or EntityType.Organization:
                return IsComparisonBase(m.View.Start) || SourceAttribution.IsSourceRole(doc, m) ? null : m;
            case EntityType.Government when WrittenAfterItsPlace(m) is { } ownPlace:
                // 中国 + 商务部 written as one name: the place written first is the subject, as it was as a name of its own
                return m with { Name = ownPlace, Type = EntityType.Place };
            case EntityType.Government:
                // a body that publishes figures, or whose official speaks of them, is their source; its place is their subject
                // (經濟部預估…: a body forecasting figures speaks of its place too)
                if (SourceAttribution.IsSourceRole(doc, m) || SourceAttribution.OfficialSpeaks(doc, m) || Forecasts(m))
                {
                    var place = PlaceOfBody(m);
                    return place is null ? null : m with { Name = place };
                }

                return m;
            default:
                return null;
        }
    }
}
