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
internal sealed class SubjectAttribution(FactDocument doc, EntityLexicon? lexicon)
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

    /// <summary>A subject named at the head of its clause is what the text goes on about (not a body, person or work).</summary>
    public bool IsTopic(Mention mention, TextSpan sentence) =>
        mention.Type is not (EntityType.Government or EntityType.Person or EntityType.Work) && IsHead(mention, doc.ClauseAround(sentence, mention.View.Start));

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
                "country" => PlaceLevel.Country,
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
            case EntityType.Government:
                // a body that publishes figures, or whose official speaks of them, is their source; its place is their subject
                if (SourceAttribution.IsSourceRole(doc, m) || SourceAttribution.OfficialSpeaks(doc, m))
                {
                    var place = PlaceOfBody(m);
                    return place is null ? null : m with { Name = place };
                }

                return m;
            default:
                return null;
        }
    }

    /// <summary>The place a body's name starts with (深圳统计局 → 深圳, 广东省发展改革委 → 广东).</summary>
    private string? PlacePrefix(string bodyName)
    {
        if (lexicon is not null)
        {
            for (int len = Math.Min(6, bodyName.Length - 1); len >= 2; len--)
            {
                if (lexicon.Lookup(bodyName[..len]) is { Type: EntityType.Place } place)
                {
                    return place.Name;
                }
            }
        }

        int cut = bodyName.IndexOfAny(_cues.BodyPlaceEnds);
        return cut >= 2 && cut <= 4 ? bodyName[..cut] : null;
    }

    /// <summary>
    /// The place 全市 (level city), 全省 (province) or 全区 (district) stands for at a position: the place of the body whose
    /// figures these are (深圳市统计局 → 深圳), else the place of that level named last, else the section's place or its
    /// division of that level, else the place named last, else the place the text names most, else the place the text is
    /// written from (the country of a mainland text, the region of a Traditional one). A provincial bureau's table of its
    /// cities does not make 全市 the province.
    /// </summary>
    private string? CurrentPlace(int position, PlaceLevel level, Discourse discourse)
    {
        var levels = PlaceLevels.Default;
        if (discourse.SourceBody is { } body && PlaceOfBody(body) is { } bodyPlace
            && (levels.LevelOf(bodyPlace) is PlaceLevel.Unknown or PlaceLevel.Region || levels.AtLevel(bodyPlace, level) is not null))
        {
            return levels.AtLevel(bodyPlace, level) ?? bodyPlace;
        }

        var sameLevel = FactDocument.LastBefore(doc.PlaceMentions, position, m => m.Name != _cues.Country && levels.LevelOf(m.Name) == level);
        if (sameLevel is not null)
        {
            return sameLevel.Name;
        }

        if (doc.TopicAt(position).Place is { } topic && levels.AtLevel(topic, level) is { } topicAtLevel)
        {
            return topicAtLevel;
        }

        // a text that names no place at all: the place it is written from, never a company it names later
        var last = FactDocument.LastBefore(doc.PlaceMentions, position, m => m.Name != _cues.Country);
        return last?.Name ?? doc.MainPlace ?? doc.CountryByDefault ?? doc.RegionPlace;
    }

    /// <summary>以宇通、上汽为代表的, 哈萨克斯坦等10多个国家: a name given as an example of what the clause is about.</summary>
    private bool IsExample(Mention m)
    {
        var after = _text.AsSpan(m.View.End, Math.Min(2, _text.Length - m.View.End));
        foreach (var w in _cues.ExampleAfter)
        {
            if (after.StartsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        var clause = doc.ClauseOf(m.View.Start);
        int open = _text.LastIndexOf(_cues.ExampleOpen, m.View.Start - 1 < clause.Start ? clause.Start : m.View.Start - 1, Math.Max(0, m.View.Start - clause.Start));
        if (open < clause.Start)
        {
            return false;
        }

        var rest = _text.AsSpan(m.View.End, clause.End - m.View.End);
        foreach (var w in _cues.ExampleClose)
        {
            if (rest.Contains(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>撇除越南业务利润: a name right after a word of exclusion is what the figure leaves out.</summary>
    private bool IsExcluded(Mention m)
    {
        var before = _text.AsSpan(0, m.View.Start);
        foreach (var word in _cues.Exclusions)
        {
            if (before.EndsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>又在哈萨克斯坦签下…: a name after 在 or 于 inside its clause is a place where something happens.</summary>
    private bool IsLocative(Mention m)
    {
        int before = m.View.Start - 1;
        if (before < 0 || Array.IndexOf(_cues.Locatives, _text[before]) < 0)
        {
            return false;
        }

        var clause = doc.ClauseOf(m.View.Start);
        return before > clause.Start;
    }

    /// <summary>Where the last rank verb (居, 位列, 排名…) before the position in the clause ends, or -1.</summary>
    private int RankVerbEnd(int clauseStart, int position)
    {
        int end = -1;
        if (position <= clauseStart)
        {
            return end;
        }

        var words = _text.AsSpan(clauseStart, position - clauseStart);
        foreach (var verb in doc.Data.Kinds.RankVerbs)
        {
            int at = words.LastIndexOf(verb, StringComparison.Ordinal);
            if (at >= 0)
            {
                end = Math.Max(end, clauseStart + at + verb.Length);
            }
        }

        return end;
    }

    /// <summary>A person followed by a verb of speaking or forecasting (陈某表示, 陈某又预测) speaks of the figures.</summary>
    private bool IsSpeaker(Mention person)
    {
        var after = _text.AsSpan(person.View.End, Math.Min(4, _text.Length - person.View.End));
        foreach (var verb in _cues.SpeakerVerbs)
        {
            int at = after.IndexOf(verb, StringComparison.Ordinal);
            if (at >= 0 && at <= 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The place a body governs: named at the head of its name (深圳市统计局), else as the lexicon gives it (财政部 → 中国).</summary>
    private string? PlaceOfBody(Mention body) =>
        doc.PlaceNames.FirstOrDefault(n => body.Name.StartsWith(n, StringComparison.Ordinal)) ?? PlacePrefix(body.Name) ?? lexicon?.Lookup(body.Name)?.Place;

    /// <summary>人民网北京8月10日电, 新华社深圳8月4日电: the place a report was filed from.</summary>
    private bool IsDateline(Mention m)
    {
        int k = m.View.End;
        int limit = Math.Min(_text.Length, k + 8);
        while (k < limit && (char.IsAsciiDigit(_text[k]) || _text[k] == ' ' || Array.IndexOf(_cues.DatelineMarks, _text[k]) >= 0))
        {
            k++;
        }

        return k > m.View.End && k < _text.Length && Array.IndexOf(_cues.DatelineEnds, _text[k]) >= 0;
    }

    /// <summary>A name after 占/居/比/高于 is what the figure is compared with, not its subject.</summary>
    private bool IsComparisonBase(int start)
    {
        var before = _text.AsSpan(Math.Max(0, start - 3), Math.Min(3, start));
        foreach (var w in _cues.ComparisonBases)
        {
            if (before.EndsWith(w, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// 全球贸易则下降2%: a topic word (全球) heading its clause is the clause's subject, unless a company is what the
    /// sentence or the section is about (its 全球销量 is its own) or the measure places a participant in a field (全球市占率).
    /// </summary>
    private bool TopicHeadsClause(int at, int length, int position)
    {
        var clause = doc.ClauseOf(at);
        if (!IsHead(clause, at))
        {
            return false;
        }

        var after = _text.AsSpan(at + length, position - at - length);
        foreach (var field in _cues.FieldMeasures)
        {
            if (after.Contains(field, StringComparison.Ordinal))
            {
                return false;
            }
        }

        if (doc.TopicAt(at).Company is not null)
        {
            return false;
        }

        int sentenceStart = _text.AsSpan(0, at).LastIndexOfAny(Punctuation.SentenceEnds) + 1;
        foreach (var m in doc.MentionsWithin(sentenceStart, at))
        {
            if (m.Type == EntityType.Company)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>全市, 全国, 我国…: a word standing for the place (or company) the text is about, the last before the position.</summary>
    private Mention? ReferenceIn(int from, int position, Discourse discourse)
    {
        if (position <= from)
        {
            return null; // nothing before the figure: a figure that opens the text or the clause
        }

        if (!doc.Data.SubjectReferenceWords.AnyIn(_text.AsSpan(from, position - from)))
        {
            return null;
        }

        Mention? found = null;
        foreach (var (word, refersTo) in doc.Data.SubjectReferences)
        {
            int at = _text.AsSpan(from, position - from).LastIndexOf(word);
            at = at < 0 ? -1 : from + at;
            if (at < from || at + word.Length > position || IsComparisonBase(at) || (found is not null && found.View.Start >= at))
            {
                continue;
            }

            if (FactData.IsTopicOnly(refersTo) && !TopicHeadsClause(at, word.Length, position))
            {
                continue;
            }

            string? name = refersTo switch
            {
                "country" => CountryOfBody(discourse.SourceBody) ?? _cues.Country,
                FactData.CompanyReference => doc.TopicAt(at).Company ?? doc.MainCompany,
                "province" => CurrentPlace(at, PlaceLevel.Province, discourse),
                "district" => CurrentPlace(at, PlaceLevel.District, discourse),
                "region" => doc.RegionPlace ?? CurrentPlace(at, PlaceLevel.City, discourse),
                _ => FactData.TopicTarget(refersTo) ?? CurrentPlace(at, PlaceLevel.City, discourse),
            };
            if (name is not null)
            {
                found = new Mention(new TextSpan(at, at + word.Length), name, EntityType.Place) { IsReference = true };
            }
        }

        return found;
    }

    /// <summary>
    /// The country whose government body is the sentence's source (日本政府公布，全国总人口…: 全国 is Japan), or null when
    /// the source is no national body of a country.
    /// </summary>
    private static string? CountryOfBody(Mention? body)
    {
        if (body is null)
        {
            return null;
        }

        var levels = PlaceLevels.Default;
        for (int length = body.Name.Length - 1; length >= 2; length--)
        {
            string place = body.Name[..length];
            if (levels.LevelOf(place) == PlaceLevel.Country)
            {
                return place;
            }
        }

        return null;
    }
}
