using Anvil.Core.Quantities;

namespace Anvil.Core.Facts;

// Shares: one that names the whole it is of (出口额占全省的65%), and percents held (持有31.5%, 54%股权).
internal partial class FigureResolver
{
    /// <summary>
    /// The scope, indicator and words as written of a share whose whole is named after 占 (<see cref="KindReading.Whole"/>).
    /// A whole that is a measure names the share (占总收入的17% → 营业收入占比; 占中国总装机的48.8% → 装机容量占比), with the
    /// part's measure before it when the clause names another one (工业增加值占地区生产总值的35% → 增加值占地区生产总值比重).
    /// A whole that is no measure (全省, 全球) leaves the part's measure, with the whole in its name where the clause wrote
    /// the part (产销量占全球的60% → 产销量全球占比), or names the share alone (占全省比重). The words as written are the part
    /// as written, 占 and the whole.
    /// Inherited is the measure of the figure before when the share took its measure from there (增加值1000亿元，占地区生产总值的35%).
    /// </summary>
    private (string? Scope, string Indicator, string? Written) ShareOfWhole(
        KindReading reading, string? scope, string indicator, string? written, string? inherited, string subject, QuantityMention q)
    {
        // a place named at the whole's head says where, as the subject does (占中国总装机 → 总装机); a whole that is only a
        // name is the place or firm itself (占中国的三成), whose share the words before name as they did
        string whole = WithoutLeadingName(reading.Whole);
        if (whole.Length == 0)
        {
            return (scope, indicator, written);
        }

        var applies = _doc.KindOfSubject(subject);
        var ofWhole = _measures.Split(WithoutAllOf(whole), q);
        string? wholeMeasure = ofWhole.Indicator.Length > 0 && (ofWhole.Known || _measures.IsMeasure(ofWhole.Indicator))
            ? _doc.Data.Vocabulary.Canonical(WithoutAllOf(ofWhole.Indicator), applies, IndicatorApplies.Any)
            : null;

        // the part as the clause writes it: a measure (出口额), else what the share is of, its scope (制造业占全省的30%)
        string part = inherited is null ? indicator : "";
        bool partIsMeasure = part.Length > 0 && IsKnownMeasure(part);
        if (part.Length > 0 && !partIsMeasure)
        {
            scope ??= part;
            (part, indicator) = ("", "");
        }

        string writtenPart = part.Length > 0 ? written ?? part : "";
        string asWritten = writtenPart + _cues.ShareOfWhole.Joint + whole;
        if (wholeMeasure is not null)
        {
            string before = partIsMeasure ? part : inherited is not null && IsKnownMeasure(inherited) ? inherited : "";
            string partMeasure = before.Length > 0 ? _doc.Data.Vocabulary.Canonical(before, applies, IndicatorApplies.Any) : "";
            indicator = partMeasure.Length > 0 && partMeasure != wholeMeasure
                ? partMeasure + _cues.ShareOfWhole.Joint + wholeMeasure + _cues.ShareOfWhole.Suffix
                : _measures.ShareOf(wholeMeasure);
        }
        else if (partIsMeasure)
        {
            indicator = part + whole + _cues.ShareSuffix;
        }
        else if (indicator.Length == 0)
        {
            // nothing names the part's measure: the share is named by its whole (制造业占全省的30% → 占全省比重)
            indicator = _cues.ShareOfWhole.Joint + whole + _cues.ShareOfWhole.Suffix;
        }

        return (scope, indicator, asWritten);
    }

    /// <summary>The whole without a word for "all of" at its head (总出口量 → 出口量; facts/kind-cues.tsv, whole-start).</summary>
    private string WithoutAllOf(string whole)
    {
        foreach (var start in _doc.Data.Kinds.WholeStarts)
        {
            if (whole.Length > start.Length && whole.StartsWith(start, StringComparison.Ordinal))
            {
                return whole[start.Length..];
            }
        }

        return whole;
    }

    /// <summary>
    /// The verb of holding (持有; facts/measure-cues.tsv, holding-verb) right before a percent, or a few characters before one
    /// followed by shares (持有公司44%的股份); null when there is none.
    /// </summary>
    private string? HoldingVerbBefore(Figure figure)
    {
        var before = _doc.Text.AsSpan(Math.Max(0, figure.View.Start - 8), Math.Min(8, figure.View.Start)).TrimEnd(' ');
        bool shares = SharesAfter(figure);
        foreach (var verb in _cues.HoldingVerbs)
        {
            int at = before.LastIndexOf(verb, StringComparison.Ordinal);
            if (at >= 0 && (at + verb.Length == before.Length || shares))
            {
                return verb;
            }
        }

        return null;
    }

    /// <summary>Shares are named right after the figure (44%的股份, 54%股权): the percent is a holding.</summary>
    private bool SharesAfter(Figure figure)
    {
        var after = _doc.Text.AsSpan(figure.View.End, Math.Min(4, _doc.Text.Length - figure.View.End));
        if (after.Length > 0 && after[0] == _cues.NameStop)
        {
            after = after[1..];
        }

        return WordMatch.StartsWithAny(after, _cues.HeldNouns);
    }

    /// <summary>The words end as a measure does or are one the thesaurus knows.</summary>
    private bool IsKnownMeasure(string words) => _measures.IsMeasure(words) || _doc.Data.Indicators.ContainsKey(words);

    /// <summary>The words without the longest place or company named at their head (中国银行 before 中国).</summary>
    private string WithoutLeadingName(string words)
    {
        int longest = 0;
        foreach (var name in _doc.PlaceAndCompanyNames)
        {
            if (name.Length > longest && words.StartsWith(name, StringComparison.Ordinal))
            {
                longest = name.Length;
            }
        }

        return words[longest..];
    }
}
