namespace Anvil.Core.Facts;

// The whole a share is of, where the text names it after 占.
internal sealed partial class KindClassifier
{
    /// <summary>
    /// 出口额占全省的65%, 占新增装机的77%: a share written with 占 (facts/kind-cues.tsv, share-of) names the whole it is of
    /// after the word and the part's measure before it. Not 所占 (民营企业所占的户数: the measure follows), nor 占 inside a
    /// longer share word (占比, 占有率) or a measure (占地面积).
    /// </summary>
    private KindReading WithWhole(KindReading reading, string phrase)
    {
        int at = -1, length = 0;
        foreach (var word in _cues.ShareOfWords)
        {
            int i = phrase.LastIndexOf(word, StringComparison.Ordinal);
            if (i > at || (i == at && i >= 0 && word.Length > length))
            {
                (at, length) = (i, word.Length);
            }
        }

        if (at < 0 || (at > 0 && Array.IndexOf(_cues.ShareOfNotAfter, phrase[at - 1]) >= 0) || InsideIndicatorWord(phrase, at, length)
            || StartsLongerShareWord(phrase, at, length))
        {
            return reading;
        }

        string whole = phrase[(at + length)..];
        for (bool trimmed = true; trimmed;)
        {
            trimmed = false;
            foreach (var end in _cues.WholeEnds)
            {
                if (whole.Length > end.Length && whole.EndsWith(end, StringComparison.Ordinal))
                {
                    whole = whole[..^end.Length];
                    trimmed = true;
                }
            }
        }

        if (whole.Length == 0 || Array.IndexOf(_cues.WholeEnds, whole) >= 0)
        {
            return reading;
        }

        // the part's measure is the words before 占, where the reading kept them
        string part = reading.Measure.Length > at && string.CompareOrdinal(reading.Measure, 0, phrase, 0, at) == 0 ? reading.Measure[..at] : reading.Measure;
        return reading with { Measure = part, Whole = whole };
    }

    private bool StartsLongerShareWord(string phrase, int at, int length)
    {
        foreach (var w in _data.KindWordsBefore)
        {
            if (w.Kind == FactKind.Share && w.Word.Length > length && string.CompareOrdinal(phrase, at, w.Word, 0, w.Word.Length) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
