namespace Anvil.Core.Documents;

/// <summary>
/// The sentences of a text and their parts, found once per document for every component that works sentence by
/// sentence. A sentence ends at 。！？ or a line break (<see cref="Punctuation.SentenceEnds"/>); a part also ends at a
/// semicolon. Spans exclude the end mark. An over-long stretch is cut into pieces (<see cref="LongSentences"/>), so
/// no component that looks back over a sentence pays for a text without sentence ends.
/// </summary>
public sealed class Sentences
{
    private Sentences(List<TextSpan> all, List<TextSpan> parts)
    {
        All = all;
        Parts = parts;
    }

    /// <summary>The sentences, in text order.</summary>
    public IReadOnlyList<TextSpan> All { get; }

    /// <summary>The sentences cut at their semicolons as well, in text order.</summary>
    public IReadOnlyList<TextSpan> Parts { get; }

    public static readonly Sentences None = new([], []);

    public static Sentences Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Sentences(Split(text, Punctuation.SentenceEnds), Split(text, Punctuation.PartEnds));
    }

    /// <summary>The sentence part around a position (from after the previous end mark or semicolon to the next), found
    /// without splitting the whole text: for a position in a text that has not been through the pipeline.</summary>
    public static TextSpan PartAround(string text, int position)
    {
        ArgumentNullException.ThrowIfNull(text);
        int at = Math.Clamp(position, 0, text.Length);
        int start = text.AsSpan(0, at).LastIndexOfAny(Punctuation.PartEnds) + 1;
        int ahead = text.AsSpan(at).IndexOfAny(Punctuation.PartEnds);
        return new TextSpan(start, ahead < 0 ? text.Length : at + ahead);
    }

    private static List<TextSpan> Split(string text, System.Buffers.SearchValues<char> ends)
    {
        var spans = new List<TextSpan>();
        int start = 0;
        while (start <= text.Length)
        {
            int at = text.AsSpan(start).IndexOfAny(ends);
            int end = at < 0 ? text.Length : start + at;
            LongSentences.Cut(text, start, end, spans);

            if (at < 0)
            {
                break;
            }

            start = end + 1;
        }

        return spans;
    }
}
