using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Lexicons;

namespace Anvil.Core.Facts;

// The subject from the document rather than the clause: its topic heading a clause, a reference word (全市, 该公司)
// taking the topic, the place a body or a prefix names.
internal partial class SubjectAttribution
{
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
            // the last word wins, and of two one inside the other the longer (全体上市公司 over its 公司)
            bool inside = found is not null && at >= found.View.Start && at + word.Length <= found.View.End;
            bool covers = found is not null && at <= found.View.Start && at + word.Length >= found.View.End;
            if (at < from || at + word.Length > position || IsComparisonBase(at) || inside || (found is not null && found.View.Start >= at && !covers))
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
                "own-country" => CountryOfBody(discourse.SourceBody) ?? doc.WrittenInTaiwan ?? _cues.Country,
                FactData.CompanyReference => doc.TopicAt(at).Company ?? doc.MainCompany,
                "province" => CurrentPlace(at, PlaceLevel.Province, discourse),
                "district" => CurrentPlace(at, PlaceLevel.District, discourse),
                "region" => doc.RegionPlace ?? CurrentPlace(at, PlaceLevel.City, discourse),
                "market" => doc.RegionPlace ?? _cues.Country, // 全体上市公司: a market's listed companies together, never the last one named
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
