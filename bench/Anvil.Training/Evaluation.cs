using Anvil.Core.Entities.Tagging;

namespace Anvil.Training;

/// <summary>
/// The tagger alone (no lexicon rules, no canonical names) on the two held-out sets: CLUENER2020 dev
/// (its five types Anvil shares) and MSRA NER test (PER, LOC, ORG; company, government body and
/// organisation all count as ORG). Exact spans. Reported as "model alone" beside the whole-pipeline
/// figures of bench/ner_eval.sh.
/// </summary>
internal static class Evaluation
{
    public static void Report(string benchmarks, NameTagger tagger)
    {
        var clue = Corpora.ReadCluener(Path.Combine(benchmarks, "cluener2020", "dev.json"));
        Score("model alone, CLUENER2020 dev (5 types)", clue, tagger, k => k.ToString());
        var msra = Corpora.ReadBio(Path.Combine(benchmarks, "msra-ner", "test_data"), partialOrganizations: false, "msra");
        Score("model alone, MSRA test (PER/LOC/ORG)", msra, tagger, k => k switch
        {
            NameKind.Person => "PER",
            NameKind.Place => "LOC",
            _ => "ORG",
        });
    }

    private static void Score(string title, List<Sentence> sentences, NameTagger tagger, Func<NameKind, string> label)
    {
        var byType = new SortedDictionary<string, int[]>(StringComparer.Ordinal);
        int[] Row(string t) => byType.TryGetValue(t, out var r) ? r : byType[t] = new int[3];
        var found = new List<TaggedName>();
        foreach (var s in sentences)
        {
            found.Clear();
            tagger.Tag(s.Text, 0, found);
            var gold = s.Names.Select(n => (n.Start, n.End, label(n.Kind))).ToHashSet();
            var pred = found.Select(n => (n.Start, n.End, label(n.Kind))).ToHashSet();
            foreach (var g in gold)
            {
                Row(g.Item3)[pred.Contains(g) ? 0 : 2]++;
            }

            foreach (var p in pred.Where(p => !gold.Contains(p)))
            {
                Row(p.Item3)[1]++;
            }
        }

        Console.WriteLine(title);
        var all = new int[3];
        foreach (var (t, r) in byType)
        {
            Line(t, r);
            for (int k = 0; k < 3; k++)
            {
                all[k] += r[k];
            }
        }

        Line("all", all);
    }

    private static void Line(string name, int[] r)
    {
        double p = r[0] + r[1] > 0 ? (double)r[0] / (r[0] + r[1]) : 0;
        double q = r[0] + r[2] > 0 ? (double)r[0] / (r[0] + r[2]) : 0;
        double f = p + q > 0 ? 2 * p * q / (p + q) : 0;
        Console.WriteLine($"  {name,-14} P {p:F3} R {q:F3} F1 {f:F3}   {r[0]}/{r[1]}/{r[2]}");
    }
}
