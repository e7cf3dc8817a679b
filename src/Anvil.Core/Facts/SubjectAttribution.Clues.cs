namespace Anvil.Core.Facts;

// The clues that keep a name from being a clause's subject: an example, a speaker, a dateline, a comparison base, a
// place after a locative, a body's own place.
internal partial class SubjectAttribution
{
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

    /// <summary>
    /// The place a body governs: named at the head of its name (深圳市统计局), else as the lexicon gives it for the body or the
    /// known body its name begins with (财政部 → 中国, 经济部 + 统计处 → 台湾).
    /// </summary>
    private string? PlaceOfBody(Mention body) =>
        doc.PlaceNames.FirstOrDefault(n => body.Name.StartsWith(n, StringComparison.Ordinal)) ?? PlacePrefix(body.Name) ?? doc.GovernedPlace(body.Name);

    /// <summary>
    /// The place a listed body governs, where the body's mention is written with that place first (中国商务部, 香港金管局: one
    /// name since the recogniser joins a place to its own body), or null.
    /// </summary>
    private string? WrittenAfterItsPlace(Mention body) =>
        doc.GovernedPlace(body.Name) is { } place && body.View.Length > place.Length && _text.AsSpan(body.View.Start, body.View.Length).StartsWith(place, StringComparison.Ordinal)
        && !body.Name.StartsWith(place, StringComparison.Ordinal) ? place : null;

    /// <summary>人民网北京8月10日电, 新华社深圳8月4日电, 【本報台北訊】: the place a report was filed from.</summary>
    private bool IsDateline(Mention m) => doc.IsDateline(m);

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
}
