using Anvil.Web.Html;

namespace Anvil.Web.Features.Documents;

/// <summary>
/// A highlight over the original text: <c>[Start, End)</c> in code points, as every record of the store gives it.
/// <see cref="Record"/> names the record a click shows (an element id); <see cref="Class"/> colours it; a
/// <see cref="Label"/> is shown after the span's end (an entity's type). Boilerplate marks have no record.
/// </summary>
internal sealed record Mark(int Start, int End, string Class, string? Record = null, string? Label = null);

/// <summary>
/// Renders a document's text with its highlights, as displaCy does from plain <c>{text, spans}</c> data: the text is
/// cut at every span boundary, and each piece is written once, escaped, inside one element that carries the classes
/// and records of every span covering it. So overlapping spans (an entity inside a fact's quote) need no nesting,
/// and nothing of the text is lost, repeated or read as markup.
/// </summary>
internal static class SpanMarkup
{
    public static TrustedMarkup Render(string text, IReadOnlyList<Mark> marks)
    {
        var offsets = CodePointOffsets(text);
        int length = offsets.Length - 1;
        var usable = marks.Where(m => m.Start >= 0 && m.End <= length && m.Start < m.End).ToList();
        var cuts = new SortedSet<int> { 0, length };
        foreach (var m in usable)
        {
            cuts.Add(m.Start);
            cuts.Add(m.End);
        }

        var html = new HtmlWriter();
        int previous = -1;
        foreach (int cut in cuts)
        {
            if (previous >= 0 && cut > previous)
            {
                Piece(html, text[offsets[previous]..offsets[cut]], previous, cut, usable);
            }

            previous = cut;
        }

        return new TrustedMarkup(html.ToString());
    }

    private static void Piece(HtmlWriter html, string piece, int start, int end, List<Mark> marks)
    {
        var covering = marks.Where(m => m.Start <= start && m.End >= end).ToList();
        if (covering.Count == 0)
        {
            html.Text(piece);
            return;
        }

        var classes = string.Join(' ', covering.Select(m => m.Class).Distinct(StringComparer.Ordinal));
        var records = covering.Where(m => m.Record is not null).Select(m => m.Record!).Distinct(StringComparer.Ordinal).ToList();
        var label = covering.Where(m => m.End == end && m.Label is not null).Select(m => m.Label).FirstOrDefault();
        if (records.Count == 0)
        {
            html.Element("span", piece, ("class", classes));
            return;
        }

        // the innermost (shortest) record first: a click on an entity inside a quote shows the entity, then the fact
        records = [.. covering.Where(m => m.Record is not null).OrderBy(m => m.End - m.Start).Select(m => m.Record!).Distinct(StringComparer.Ordinal)];
        html.Element("a", piece, ("href", "#" + records[0]), ("class", "hl " + classes), ("data-r", string.Join(' ', records)), ("data-label", label));
    }

    /// <summary>UTF-16 index of each code point (and of the end): spans count code points, C# strings count UTF-16 units.</summary>
    internal static int[] CodePointOffsets(string text)
    {
        var offsets = new List<int>(text.Length + 1);
        for (int i = 0; i < text.Length; i++)
        {
            offsets.Add(i);
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
        }

        offsets.Add(text.Length);
        return [.. offsets];
    }
}
