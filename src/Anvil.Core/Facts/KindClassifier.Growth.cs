using Anvil.Core.Documents;

namespace Anvil.Core.Facts;

// A percent with no word of its kind beside it that is a growth by the words elsewhere in its sentence.
internal sealed partial class KindClassifier
{
    /// <summary>
    /// The kind of a percent that opens with a word of level (至, 到) right after a change in points of its sentence
    /// (毛利率提升2个百分点至30%, 增速提高1个百分点至6%): the level the change moved the measure to, a share where the
    /// measure is a ratio, a growth where it is one; null otherwise.
    /// </summary>
    private FactKind? LevelAfterChange(TextSpan sentence, int position)
    {
        Figure? previous = null;
        foreach (var f in doc.FiguresWithin(sentence.Start, position))
        {
            previous = f.View.End <= position ? f : previous;
        }

        if (previous is not { Quantity.Unit: "pp" } || !StartsWithAny(_text[previous.View.End..position].TrimStart(), _cues.ToLevel))
        {
            return null;
        }

        string before = _text[sentence.Start..position];
        int growthAt = -1;
        foreach (var w in _data.KindWordsBeforeWords.AnyIn(before) ? _data.KindWordsBefore : NoWords)
        {
            if (w.Kind == FactKind.Growth && w.Word.Length >= 2 && before.AsSpan().LastIndexOf(w.Word) is var at && at > growthAt)
            {
                growthAt = at;
            }
        }

        if (growthAt <= 0)
        {
            return null;
        }

        string measure = before[..growthAt];
        return EndsInAGrowth(measure) ? FactKind.Growth : NamesARatio(measure) ? FactKind.Share : null;
    }

    /// <summary>
    /// The sign of the last kind word before the figure in its sentence when it is one of growth (从经济增速来看，上海（9.7%）:
    /// 1; 减少近17%及15%: -1) and moved nothing to a level (下跌至), else 0.
    /// </summary>
    private int SignOfGrowthBefore(TextSpan sentence, int position)
    {
        string before = _text[sentence.Start..position];
        int growthAt = -1, growthLength = 0, shareAt = -1, sign = 0;
        foreach (var w in _data.KindWordsBeforeWords.AnyIn(before) ? _data.KindWordsBefore : NoWords)
        {
            // a word that counts only right before its figure (低收, 新增) says nothing of figures further on
            if (w.Word.Length < 2 || w.Adjacent)
            {
                continue;
            }

            int at = before.AsSpan().LastIndexOf(w.Word);
            if (at < 0 || (InsideIndicatorWord(before, at, w.Word.Length) && w.Word != _cues.GrowthMeasure))
            {
                continue;
            }

            if (w.Kind == FactKind.Growth)
            {
                // the last word of growth gives the sign; of two starting together (下降, 下降了) the longer
                if (at > growthAt || (at == growthAt && w.Word.Length > growthLength))
                {
                    (growthAt, growthLength, sign) = (at, w.Word.Length, w.Sign);
                }
            }
            else
            {
                shareAt = Math.Max(shareAt, at);
            }
        }

        // 失业率下跌至4.5%（市场预测4.6%）: a word of growth that moved its measure to a level has said what it had to; it
        // makes no later figure of the sentence a change
        if (growthAt >= 0 && StartsWithAny(before[(growthAt + growthLength)..], _cues.ToLevel))
        {
            return 0;
        }

        return growthAt > shareAt ? sign : 0;
    }

    /// <summary>
    /// 美洲（4.2%）、中国（3.2%）的销量均有所增长: a percent in brackets after a name whose clause goes on to a word of
    /// growth is that growth, as the words before it would make it.
    /// </summary>
    private bool BracketedBeforeGrowth(Figure figure, TextSpan sentence)
    {
        int start = figure.View.Start, end = figure.View.End;
        if (start == 0 || end >= sentence.End || _text[start - 1] is not ('（' or '(') || _text[end] is not ('）' or ')'))
        {
            return false;
        }

        int clauseEnd = _text.AsSpan(end, sentence.End - end).IndexOfAny(Punctuation.ClauseEnds);
        string after = _text.Substring(end, clauseEnd < 0 ? sentence.End - end : clauseEnd);
        foreach (var w in _data.KindWordsBeforeWords.AnyIn(after) ? _data.KindWordsBefore : NoWords)
        {
            if (w.Kind == FactKind.Growth && w.Word.Length >= 2 && after.Contains(w.Word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
