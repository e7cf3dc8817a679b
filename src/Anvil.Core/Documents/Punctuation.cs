using System.Buffers;

namespace Anvil.Core.Documents;

/// <summary>
/// The marks that structure a text: where sentences, their parts and their clauses end, and which marks quote.
/// Defined once here for every component that walks sentences or clauses (facts, relations, periods, chains),
/// so they agree on what a sentence is. Full-width and half-width forms are both listed: the match view folds
/// most marks to half-width, the original text keeps them.
/// </summary>
public static class Punctuation
{
    /// <summary>Ends of a sentence: 。！？ (and ! ?) and a line break.</summary>
    public static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。!?！？\n");

    /// <summary>Ends of a sentence or of one of its parts: the sentence ends and the semicolon.</summary>
    public static readonly SearchValues<char> PartEnds = SearchValues.Create("。!?！？\n；;");

    /// <summary>The semicolon, which divides a sentence into parts.</summary>
    public static readonly char[] PartMarks = ['；', ';'];

    /// <summary>Marks that end a clause inside a sentence (a comma is a clause mark, a thousands separator is read by the number parser).</summary>
    public static readonly char[] ClauseMarks = [',', '，', ';', '；', ':', '：', '|', '｜'];

    /// <summary>The clause marks for searching: a search with the array builds its lookup map anew each time.</summary>
    public static readonly SearchValues<char> ClauseMarkValues = SearchValues.Create(ClauseMarks);

    /// <summary>Everything that ends a clause: the clause marks and the ends of sentences.</summary>
    public static readonly SearchValues<char> ClauseEnds = SearchValues.Create(",，;；:：|｜。!?！？\n");

    /// <summary>Commas and colons: after the last one, a list item starts.</summary>
    public static readonly char[] ItemBreaks = [',', '，', ':', '：'];

    /// <summary>Commas that separate list items as a 、 does.</summary>
    public static readonly char[] Commas = [',', '，'];

    /// <summary>Opening quotation marks (「, “, 『), and with the straight quote.</summary>
    public const string OpeningQuotes = "「“『";

    public const string OpeningQuotesOrStraight = "「“\"『";

    /// <summary>Marks that open a title or a quotation (《, 〈, 「, “, 『): a name inside them starts one character later.</summary>
    public const string OpeningTitleMarks = "《〈「“『";

    /// <summary>Marks that close a title or a quotation (》, 〉, 」, ”, 』).</summary>
    public const string ClosingTitleMarks = "》〉」”』";

    /// <summary>Closing quotation marks, and with the straight quote.</summary>
    public static readonly char[] ClosingQuotes = ['」', '”', '』'];

    public const string ClosingQuotesOrStraight = "」”\"』";

    /// <summary>Marks trimmed from the ends of a phrase: spaces, list commas, brackets and quotes.</summary>
    public static readonly char[] PhraseTrim = [' ', '、', ',', '(', ')', '「', '」', '“', '”', '"'];

    /// <summary>The list comma 、.</summary>
    public const char ListComma = '、';

    /// <summary>
    /// Marks that open the items of a list laid out as lines (• ● ■ ◆ ▲ ▶ ★ ※ ➤): typography, not words, so the match view
    /// holds a space where they stand and no phrase, name or measure starts with one. ○ and ◯ are not among them: they
    /// write a zero in years (二○二四年). The middle dots (· ・) join the parts of a foreign name and are not either.
    /// </summary>
    public static bool IsBullet(char c) => c switch
    {
        '\u2022' or '\u2023' or '\u2043' or '\u2219' or '\u203B' or '\u2605' or '\u2606' or '\u2756' => true,
        >= '\u27A2' and <= '\u27A4' => true,
        >= '\u25A0' and <= '\u25FF' => c is not ('\u25CB' or '\u25EF'),
        _ => false,
    };

    public static bool IsSentenceEnd(char c) => SentenceEnds.Contains(c);

    public static bool IsPartEnd(char c) => PartEnds.Contains(c);

    /// <summary>
    /// True when only white space stands between the start of the clause and a position (2023年，… opens its clause;
    /// 到2023年 does not). Reads back over the white space only, never to the clause's start: a text without clause
    /// marks stays linear.
    /// </summary>
    public static bool OpensClause(string text, int position)
    {
        int k = position - 1;
        while (k >= 0 && char.IsWhiteSpace(text[k]) && text[k] != '\n')
        {
            k--;
        }

        return k < 0 || ClauseEnds.Contains(text[k]);
    }
}
