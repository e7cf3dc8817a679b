namespace Anvil.Core.Documents;

/// <summary>
/// Cuts an over-long sentence into pieces. Components that look back over a sentence for every figure or name
/// (facts, relations) take time growing with the square of its length, and a text without sentence ends (a
/// scrape that lost its punctuation, a megabyte on one line) is one sentence. No real sentence is this long.
/// </summary>
internal static class LongSentences
{
    public const int MaxLength = 2000;

    private static readonly char[] ClauseMarks = ['，', ',', '；', ';', '：', ':', '、'];

    /// <summary>Adds [start, end) to <paramref name="output"/> whole when it is short enough, else in pieces of at most
    /// <see cref="MaxLength"/>, each cut after its last clause mark in its second half where there is one, never inside a
    /// surrogate pair. (A list to add to, not an iterator: a text has hundreds of thousands of sentences.)</summary>
    public static void Cut(string text, int start, int end, List<TextSpan> output)
    {
        while (end - start > MaxLength)
        {
            int mark = text.LastIndexOfAny(ClauseMarks, start + MaxLength - 1, MaxLength / 2);
            int cut = mark >= 0 ? mark + 1 : start + MaxLength;
            if (char.IsLowSurrogate(text[cut]) && char.IsHighSurrogate(text[cut - 1]))
            {
                cut--;
            }

            output.Add(new TextSpan(start, cut));
            start = cut;
        }

        if (end > start)
        {
            output.Add(new TextSpan(start, end));
        }
    }
}
