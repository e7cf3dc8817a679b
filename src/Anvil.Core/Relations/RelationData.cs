using Anvil.Core.Lexicons;
using Anvil.Data;

namespace Anvil.Core.Relations;

/// <summary>Trigger words and product terms behind the relation patterns (relations/*.tsv), loaded once.</summary>
public sealed class RelationData
{
    private RelationData()
    {
    }

    /// <summary>Trigger word → predicate.</summary>
    public WordTrie<string> Triggers { get; } = new();

    public WordTrie<bool> ProductTerms { get; } = new();

    public WordTrie<bool> PositionTitles { get; } = new();

    public int LongestTitle { get; private set; }

    public static RelationData LoadBuiltIn()
    {
        var d = new RelationData();
        foreach (var line in DataFiles.ReadLines("relations/triggers.tsv"))
        {
            var c = line.Split('\t');
            if (c.Length >= 2)
            {
                d.Triggers.Add(c[1].Trim(), c[0].Trim());
            }
        }

        foreach (var line in DataFiles.ReadLines("relations/product-terms.tsv"))
        {
            d.ProductTerms.Add(line.Trim(), true);
        }

        // positions are the person titles, less the bylines (a reporter's credit is no position)
        var bylines = new HashSet<string>(StringComparer.Ordinal) { "记者", "编辑", "责任编辑", "摄", "摄影", "制图", "通讯员", "实习生" };
        foreach (var line in DataFiles.ReadLines("entities/person-titles.tsv"))
        {
            var t = line.Trim();
            if (!bylines.Contains(t))
            {
                d.PositionTitles.Add(t, true);
                d.LongestTitle = Math.Max(d.LongestTitle, t.Length);
            }
        }

        return d;
    }
}
