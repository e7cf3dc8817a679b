using Anvil.Core.Lexicons;
using Anvil.Data;

namespace Anvil.Core.Relations;

/// <summary>The words of entities/company-frames.tsv, one trie per kind (see the file's header), loaded once.</summary>
public sealed class CompanyFrameData
{
    private CompanyFrameData()
    {
    }

    /// <summary>Words the name stands right before, at the start of its clause (总部位于, 的母公司, 董事长).</summary>
    public WordTrie<bool> Leads { get; } = new();

    /// <summary>Words the name stands right after (旗下的, 附属公司, 持有).</summary>
    public WordTrie<bool> Follows { get; } = new();

    /// <summary>Words of ownership that close a copula clause with a company in each slot (的全资子公司, 之全资附属公司).</summary>
    public WordTrie<bool> Owners { get; } = new();

    /// <summary>Labels of a stock code in brackets after a name (股份代号).</summary>
    public WordTrie<bool> CodeLabels { get; } = new();

    /// <summary>Words that may open a clause before its name (目前, 近日).</summary>
    public WordTrie<bool> Openers { get; } = new();

    /// <summary>Words that end a name read forwards (将, 宣布).</summary>
    public WordTrie<bool> Stops { get; } = new();

    /// <summary>Words that end a company's name (entities/company-suffixes.tsv: 控股, 科技), verbs for the dictionary though some are.</summary>
    public WordTrie<bool> Suffixes { get; } = new();

    /// <summary>Characters no frame-read name holds (的, 该, 其).</summary>
    public HashSet<char> Breakers { get; } = [];

    public static CompanyFrameData LoadBuiltIn()
    {
        var d = new CompanyFrameData();
        foreach (var line in DataFiles.ReadLines("entities/company-frames.tsv"))
        {
            var c = line.Split('\t');
            if (c.Length < 2 || c[0].Trim().Length == 0)
            {
                continue;
            }

            string word = c[1].Trim();
            switch (c[0].Trim())
            {
                case "lead": d.Leads.Add(word, true); break;
                case "follow": d.Follows.Add(word, true); break;
                case "owner": d.Owners.Add(word, true); break;
                case "code": d.CodeLabels.Add(word, true); break;
                case "opener": d.Openers.Add(word, true); break;
                case "stop": d.Stops.Add(word, true); break;
                case "breaker": d.Breakers.Add(word[0]); break;
                default:
                    throw new InvalidDataException($"E0101: entities/company-frames.tsv: unknown kind '{c[0]}' (see the file's header)");
            }
        }

        foreach (var line in DataFiles.ReadLines("entities/company-suffixes.tsv"))
        {
            string suffix = line.Split('\t')[0].Trim();
            if (suffix.Length > 0)
            {
                d.Suffixes.Add(suffix, true);
            }
        }

        return d;
    }
}
