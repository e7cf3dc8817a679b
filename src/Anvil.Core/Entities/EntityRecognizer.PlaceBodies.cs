namespace Anvil.Core.Entities;

/// <summary>
/// A known place written right before a government body is that body's own place, part of its name (中国 + 外交部,
/// 香港 + 金管局, 某某市 + 房产管理局): one body, not a place and a body beside it. Bodies the word list of
/// entities/government-bodies.tsv ends are joined to their place as they are found; this joins the rest once the
/// names are chosen: a body the lexicon says governs that very place, and a body no lexicon lists (the tagger's).
/// A body the lexicon gives to another place (北京 + 公安部: China's ministry) is left as it is: the place there says
/// where, not whose.
/// </summary>
public sealed partial class EntityRecognizer
{
    private const string PlaceBodySource = "place-body";

    private List<EntityCandidate> JoinPlacesToTheirBodies(string view, List<EntityCandidate> chosen)
    {
        List<EntityCandidate>? joined = null;
        for (int i = 0; i < chosen.Count; i++)
        {
            var c = chosen[i];
            // the chosen names are in order of their start: a place right before the body is the name before it
            if (c.Type == EntityType.Government && joined is { Count: > 0 } && joined[^1] is var place && BodyOfPlace(view, place, c))
            {
                bool listed = LookupView(c.Name) is not null;
                joined[^1] = new EntityCandidate(place.Start, c.End, listed ? c.Name : view[place.Start..c.End], EntityType.Government, c.Priority, PlaceBodySource);
                continue;
            }

            if (joined is null && i + 1 < chosen.Count && chosen[i + 1].Type == EntityType.Government && BodyOfPlace(view, c, chosen[i + 1]))
            {
                joined = chosen.GetRange(0, i); // the first join: from here on the list is copied
            }

            joined?.Add(c);
        }

        return joined ?? chosen;
    }

    /// <summary>
    /// <paramref name="body"/> is the government body of the listed <paramref name="place"/> written right before it: a
    /// body no lexicon lists, or one the lexicon says governs that place. A body that begins with a place of its own
    /// (深圳市 + 统计局 found whole) has it already.
    /// </summary>
    private bool BodyOfPlace(string view, EntityCandidate place, EntityCandidate body)
    {
        if (place.Type != EntityType.Place || !IsListed(place) || place.End != body.Start || body.Source == PlaceBodySource)
        {
            return false;
        }

        var known = LookupView(body.Name);
        return known is null ? LookupView(view.AsSpan(body.Start, body.Length)) is null : known.Place == place.Name;
    }
}
