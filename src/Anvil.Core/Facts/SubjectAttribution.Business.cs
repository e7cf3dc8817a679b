using Anvil.Core.Entities;

namespace Anvil.Core.Facts;

// A place that names a region of a company's business.
internal sealed partial class SubjectAttribution
{
    /// <summary>The most characters between a place and its segment word (香港 + 车务 + 业务).</summary>
    private const int LongestSegmentLead = 2;

    /// <summary>
    /// 收入按年增长10%，其中北美地区收入占比21.3%: a place followed by a segment of a business (业务, 市场, 地区…;
    /// facts/subject-cues.tsv, business-segment) among a company's figures is a region of that company's business, not what
    /// the figure is about. The company is the subject of the figure before in the sentence, or, where the words before the
    /// place open with a part (其中), of the last figure. Null where the rule does not apply.
    /// </summary>
    private string? CompanyOfBusinessRegion(Mention place, FigureContext f)
    {
        if (place.View.Start < f.Clause.Start || !(SegmentFollows(place.View.End, f.Figure.View.Start) || EndsWithSegment(place)))
        {
            return null;
        }

        string? company = f.LastInSentence?.Subject;
        if (company is null && (OpensWithPart(f.Clause.Start, place.View.Start) || OpensWithPart(f.Sentence.Start, place.View.Start)))
        {
            company = f.Discourse.Last?.Subject;
        }

        return company is not null && company != place.Name && doc.KindOfSubject(company) == IndicatorApplies.Company ? company : null;
    }

    private bool SegmentFollows(int from, int limit)
    {
        for (int gap = 0; gap <= LongestSegmentLead && from + gap < limit; gap++)
        {
            int at = from + gap;
            if (gap > 0 && !char.IsLetter(_text[at - 1]))
            {
                return false;
            }

            foreach (var w in _cues.BusinessSegments)
            {
                // a one-character segment (区) only right after the place: 北美区, not the last character of a word
                if ((w.Length > 1 || gap == 0) && at + w.Length <= limit && string.CompareOrdinal(_text, at, w, 0, w.Length) == 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>The place as written ends with a segment its name leaves out (北美区 of 北美).</summary>
    private bool EndsWithSegment(Mention place)
    {
        foreach (var w in _cues.BusinessSegments)
        {
            if (place.View.Length >= place.Name.Length + w.Length && string.CompareOrdinal(_text, place.View.End - w.Length, w, 0, w.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool OpensWithPart(int from, int to) =>
        from < to && WordMatch.StartsWithAny(_text.AsSpan(from, to - from).TrimStart(), doc.Data.Measures.PartOpeners);
}
