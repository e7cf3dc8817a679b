using Anvil.Core.Documents;
using Anvil.Core.Entities;
using Anvil.Core.Normalization;
using Anvil.Core.Output;

namespace Anvil.Core.Relations;

/// <summary>An entity mention as the relation patterns read it: its span in the matching view and in the original text.</summary>
internal sealed record RelationMention(TextSpan View, TextSpan Original, string Name, EntityType Type)
{
    public bool IsCompany => Type is EntityType.Company;

    public bool IsMaker => Type is EntityType.Company or EntityType.Organization or EntityType.University;

    /// <summary>A body a position can belong to (国家能源局, 比亚迪, 美国 in 美国总统).</summary>
    public bool IsBody => Type is EntityType.Government or EntityType.Organization or EntityType.Company or EntityType.University
        or EntityType.Media or EntityType.Place;
}

/// <summary>One document's text (the Simplified view), its mentions in order, and the relations found so far.</summary>
internal sealed class RelationContext(string original, MatchView view, List<RelationMention> all, List<RelationRecord> found)
{
    public string Text { get; } = view.Text;

    public MatchView View { get; } = view;

    public List<RelationMention> All { get; } = all;

    public List<RelationRecord> Found { get; } = found;

    /// <summary>The mentions before and after the trigger being read; reused from trigger to trigger.</summary>
    public List<RelationMention> Before { get; } = [];

    public List<RelationMention> Following { get; } = [];

    /// <summary>The periods the text states (上半年, 去年第四季), in the view and in order.</summary>
    public List<TextSpan> Periods { get; } = [];

    /// <summary>Where the periods and spaces that end at <paramref name="end"/> start (no earlier than <paramref name="floor"/>); <paramref name="end"/> when none does.</summary>
    public int PeriodsStartBefore(int end, int floor)
    {
        int p = end;
        bool moved = true;
        while (moved && p > floor)
        {
            moved = false;
            while (p > floor && Text[p - 1] is ' ' or '\u3000' or '\u00a0')
            {
                p--;
                moved = true;
            }

            foreach (var period in Periods)
            {
                if (period.End == p && period.Start >= floor && period.Start < p)
                {
                    p = period.Start;
                    moved = true;
                    break;
                }
            }
        }

        return p;
    }

    public void Add(RelationMention a, string predicate, string objectName, TextSpan objectOriginal) =>
        Found.Add(new RelationRecord(TextSpan.Cover(a.Original, objectOriginal), a.Name, predicate, objectName));

    public void Add(RelationMention a, string predicate, RelationMention b) => Add(a, predicate, b.Name, b.Original);

    /// <summary>
    /// A range of the view as the original text writes it, in Simplified script only: the view also folds regional
    /// terms (行政总裁 → 首席执行官), and a position keeps the words the text uses.
    /// </summary>
    public string Simplified(int viewStart, int viewEnd)
    {
        var span = Original(viewStart, viewEnd);
        return ScriptConverter.TraditionalToSimplified.Convert(original.Substring(span.Start, span.Length));
    }

    /// <summary>The original span of a range of the view.</summary>
    public TextSpan Original(int viewStart, int viewEnd) => View.ToOriginal(viewStart, viewEnd);

    private List<RelationMention>? _makers;

    /// <summary>
    /// One mention of each company, body or university the document names, for names the entity reader did not mark
    /// everywhere they stand (永升主席 in a text that named 永升（亚洲）有限公司 before).
    /// </summary>
    public List<RelationMention> Makers => _makers ??= All.Where(m => m.IsMaker && m.Name.Length >= 2).DistinctBy(m => m.Name).ToList();

    /// <summary>The company named last before <paramref name="position"/> in the document (what 该公司 points to), or null.</summary>
    public RelationMention? CompanyBefore(int position)
    {
        RelationMention? last = null;
        foreach (var m in All)
        {
            if (m.View.End > position)
            {
                break;
            }

            if (m.IsCompany)
            {
                last = m;
            }
        }

        return last;
    }

    /// <summary>The mention that ends exactly at <paramref name="end"/> and starts at or after <paramref name="floor"/>, or null.</summary>
    public RelationMention? EndingAt(List<RelationMention> mentions, int end, int floor)
    {
        RelationMention? best = null;
        foreach (var m in mentions)
        {
            if (m.View.End == end && m.View.Start >= floor && (best is null || m.View.Start < best.View.Start))
            {
                best = m;
            }
        }

        return best;
    }

    /// <summary>The mention that starts exactly at <paramref name="start"/>, or null.</summary>
    public static RelationMention? StartingAt(List<RelationMention> mentions, int start)
    {
        foreach (var m in mentions)
        {
            if (m.View.Start == start)
            {
                return m;
            }
        }

        return null;
    }
}
