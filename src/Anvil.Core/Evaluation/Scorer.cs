using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Anvil.Core.Evaluation;

/// <summary>Precision, recall and F1 with their counts, for one record type or one document.</summary>
public sealed record Score(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);

    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);

    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>What the scorer found: totals per record type, per document, attribute accuracy, misses.</summary>
public sealed class EvaluationReport
{
    public Score? Facts { get; set; }

    public Dictionary<string, double> FactAttributes { get; } = new(StringComparer.Ordinal);

    public Score? Entities { get; set; }

    public double EntityRecallIgnoringType { get; set; }

    public Score? Relations { get; set; }

    /// <summary>Per document and record type ("facts", "entities", "relations").</summary>
    public SortedDictionary<string, Dictionary<string, Score>> ByDocument { get; } = new(StringComparer.Ordinal);

    public List<string> MissedFacts { get; } = [];

    public List<string> SpuriousFacts { get; } = [];

    public List<string> MissedEntities { get; } = [];

    public List<string> SpuriousEntities { get; } = [];

    public List<string> MissedRelations { get; } = [];

    public List<string> SpuriousRelations { get; } = [];
}

/// <summary>
/// Scores extraction output against gold with exactly the matching of <c>shared/tools/score.py</c>:
/// facts on (doc, subject or an alternative subject, kind, unit, value within 0.5%), optional gold facts
/// neither rewarded nor penalised, predictions outside a long document's regions ignored; entities on
/// (doc, name or alternative name, type); relations on (doc, subject, predicate, object). Names are
/// compared with spacing and punctuation removed and case folded.
/// </summary>
public static class Scorer
{
    public static EvaluationReport Score(IReadOnlyList<JsonElement> predictions, GoldSet gold, IReadOnlyCollection<string>? onlyDocs = null)
    {
        var report = new EvaluationReport();
        var goldDocs = gold.Records.Select(g => Str(g.Record, "doc")).Concat(gold.RelationDocuments).ToHashSet(StringComparer.Ordinal);
        if (onlyDocs is not null)
        {
            goldDocs.IntersectWith(onlyDocs);
        }

        var pred = predictions.Where(p => goldDocs.Contains(Str(p, "doc")) && (Str(p, "type") != "fact" || Inside(p, gold))).ToList();
        var golds = gold.Records.Where(g => goldDocs.Contains(Str(g.Record, "doc"))).ToList();
        ScoreFacts(report, pred, golds);
        ScoreEntities(report, pred, golds);
        ScoreRelations(report, pred, golds, gold.RelationDocuments.Where(goldDocs.Contains).ToHashSet(StringComparer.Ordinal));
        return report;
    }

    private static void ScoreFacts(EvaluationReport report, List<JsonElement> pred, List<(string Kind, JsonElement Record)> golds)
    {
        var goldFacts = golds.Where(g => g.Kind == "facts").Select(g => g.Record)
            .OrderBy(g => Bool(g, "optional")).ToList(); // stable: the order of the files, non-optional first
        // a range (value .. value_high) may meet gold written as two bounds: its high end is a second candidate that
        // counts when it matches and is never spurious
        var facts = pred.Where(p => Str(p, "type") == "fact").ToList();
        var predFacts = facts.Select(p => (Record: p, Value: Num(p, "value"), Twin: false))
            .Concat(facts.Where(p => Num(p, "value_high") is not null).Select(p => (Record: p, Value: Num(p, "value_high"), Twin: true))).ToList();
        var used = new bool[predFacts.Count];
        int tp = 0, fn = 0;
        var attributes = new Dictionary<string, int>(StringComparer.Ordinal) { ["indicator"] = 0, ["period"] = 0, ["qualifier"] = 0, ["scope"] = 0, ["source"] = 0 };
        var stated = new Dictionary<string, (int Right, int Stated)>(StringComparer.Ordinal) { ["status"] = (0, 0), ["basis"] = (0, 0) };
        var perDoc = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var g in goldFacts)
        {
            string doc = Str(g, "doc");
            int best = -1, bestKey = int.MaxValue;
            for (int i = 0; i < predFacts.Count; i++)
            {
                var p = predFacts[i].Record;
                if (used[i] || Str(p, "doc") != doc || !FactMatches(g, p, predFacts[i].Value))
                {
                    continue;
                }

                int key = -Overlap(g, p);
                if (key < bestKey)
                {
                    best = i;
                    bestKey = key;
                }
            }

            bool optional = Bool(g, "optional");
            var counts = perDoc.TryGetValue(doc, out var c) ? c : perDoc[doc] = new int[3];
            if (best >= 0)
            {
                used[best] = true;
                if (optional)
                {
                    continue;
                }

                tp++;
                counts[0]++;
                var p = predFacts[best].Record;
                attributes["period"] += NullIfEmpty(Str(p, "period")) == NullIfEmpty(Str(g, "period")) ? 1 : 0;
                attributes["qualifier"] += Str(p, "qualifier") == Str(g, "qualifier") ? 1 : 0;
                attributes["source"] += Fold(Str(p, "source")) == Fold(Str(g, "source")) ? 1 : 0;
                // the canonical indicator or the measure as written (indicator_text) may name it
                string gi = Fold(Str(g, "indicator"));
                attributes["indicator"] += gi.Length > 0 && new[] { Fold(Str(p, "indicator")), Fold(Str(p, "indicator_text")) }
                    .Any(pi => pi.Length > 0 && (gi.Contains(pi, StringComparison.Ordinal) || pi.Contains(gi, StringComparison.Ordinal))) ? 1 : 0;
                string gs = Fold(Str(g, "scope")), ps = Fold(Str(p, "scope"));
                attributes["scope"] += gs == ps || (gs.Length > 0 && ps.Length > 0 && (gs.Contains(ps, StringComparison.Ordinal) || ps.Contains(gs, StringComparison.Ordinal))) ? 1 : 0;
                // status and basis count only where the gold states them (status defaults to actual)
                foreach (var (field, byDefault) in new[] { ("status", "actual"), ("basis", (string?)null) })
                {
                    if (g.TryGetProperty(field, out _))
                    {
                        var (right, all) = stated[field];
                        stated[field] = (right + ((NullIfEmpty(Str(p, field)) ?? byDefault) == (NullIfEmpty(Str(g, field)) ?? byDefault) ? 1 : 0), all + 1);
                    }
                }
            }
            else if (!optional)
            {
                fn++;
                counts[2]++;
                report.MissedFacts.Add($"{doc}: {Str(g, "quote")}");
            }
        }

        for (int i = 0; i < predFacts.Count; i++)
        {
            if (!used[i] && !predFacts[i].Twin)
            {
                var p = predFacts[i].Record;
                string doc = Str(p, "doc");
                (perDoc.TryGetValue(doc, out var c) ? c : perDoc[doc] = new int[3])[1]++;
                report.SpuriousFacts.Add($"{doc}: {Str(p, "quote")} -> {Str(p, "subject")} {Str(p, "kind")} {Num(p, "value")?.ToString(CultureInfo.InvariantCulture)} {Str(p, "unit")}");
            }
        }

        if (goldFacts.Count == 0 && predFacts.Count == 0)
        {
            return;
        }

        report.Facts = new Score(tp, Enumerable.Range(0, predFacts.Count).Count(i => !used[i] && !predFacts[i].Twin), fn);
        foreach (var (k, v) in attributes)
        {
            report.FactAttributes[k] = tp == 0 ? 0 : (double)v / tp;
        }

        foreach (var (k, (right, all)) in stated)
        {
            if (all > 0)
            {
                report.FactAttributes[k] = (double)right / all;
            }
        }

        foreach (var (doc, c) in perDoc)
        {
            DocScores(report, doc)["facts"] = new Score(c[0], c[1], c[2]);
        }
    }

    private static bool FactMatches(JsonElement g, JsonElement p, double? value)
    {
        if (Str(p, "kind") != Str(g, "kind") || Str(p, "unit") != Str(g, "unit") || !Close(value, Num(g, "value")))
        {
            return false;
        }

        string subject = Fold(Str(p, "subject"));
        if (subject == Fold(Str(g, "subject")))
        {
            return true;
        }

        return g.TryGetProperty("subject_alt", out var alts) && alts.ValueKind == JsonValueKind.Array
            && alts.EnumerateArray().Any(a => a.ValueKind == JsonValueKind.String && Fold(a.GetString()) == subject);
    }

    private static void ScoreEntities(EvaluationReport report, List<JsonElement> pred, List<(string Kind, JsonElement Record)> golds)
    {
        var goldEntities = golds.Where(g => g.Kind == "entities").Select(g => g.Record).ToList();
        if (goldEntities.Count == 0)
        {
            return;
        }

        var docs = goldEntities.Select(g => Str(g, "doc")).ToHashSet(StringComparer.Ordinal);
        var predicted = pred.Where(p => Str(p, "type") == "entity" && docs.Contains(Str(p, "doc")))
            .Select(p => (Doc: Str(p, "doc"), Name: Fold(Str(p, "name")), Type: Str(p, "entity_type"))).ToHashSet();
        var claimed = new HashSet<(string Doc, string Name, string Type)>();
        int hit = 0, hitUntyped = 0;
        var perDoc = new Dictionary<string, int[]>(StringComparer.Ordinal);
        foreach (var g in goldEntities)
        {
            string doc = Str(g, "doc"), type = Str(g, "type");
            var names = new HashSet<string>(StringComparer.Ordinal) { Fold(Str(g, "name")) };
            if (g.TryGetProperty("alt", out var alts) && alts.ValueKind == JsonValueKind.Array)
            {
                names.UnionWith(alts.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => Fold(a.GetString())));
            }

            var same = predicted.Where(x => x.Doc == doc && names.Contains(x.Name)).ToList();
            var typed = same.Where(x => x.Type == type).ToList();
            var counts = perDoc.TryGetValue(doc, out var c) ? c : perDoc[doc] = new int[3];
            if (typed.Count > 0)
            {
                hit++;
                counts[0]++;
            }
            else
            {
                counts[2]++;
                report.MissedEntities.Add($"{doc}: {Str(g, "name")} ({type})");
            }

            hitUntyped += same.Count > 0 ? 1 : 0;
            claimed.UnionWith(typed);
        }

        foreach (var x in predicted.Where(x => !claimed.Contains(x)))
        {
            (perDoc.TryGetValue(x.Doc, out var c) ? c : perDoc[x.Doc] = new int[3])[1]++;
            report.SpuriousEntities.Add($"{x.Doc}: {x.Name} ({x.Type})");
        }

        report.Entities = new Score(hit, predicted.Count - claimed.Count, goldEntities.Count - hit);
        report.EntityRecallIgnoringType = (double)hitUntyped / goldEntities.Count;
        foreach (var (doc, c) in perDoc)
        {
            DocScores(report, doc)["entities"] = new Score(c[0], c[1], c[2]);
        }
    }

    private static void ScoreRelations(EvaluationReport report, List<JsonElement> pred, List<(string Kind, JsonElement Record)> golds, HashSet<string> relationDocs)
    {
        var goldRelations = golds.Where(g => g.Kind == "relations").Select(g => Key(g.Record)).ToHashSet();
        if (goldRelations.Count == 0)
        {
            return;
        }

        relationDocs.UnionWith(goldRelations.Select(r => r.Doc));
        var predicted = pred.Where(p => Str(p, "type") == "relation" && relationDocs.Contains(Str(p, "doc"))).Select(Key).ToHashSet();
        int tp = goldRelations.Count(predicted.Contains);
        report.Relations = new Score(tp, predicted.Count(r => !goldRelations.Contains(r)), goldRelations.Count(r => !predicted.Contains(r)));
        report.MissedRelations.AddRange(goldRelations.Where(r => !predicted.Contains(r)).Select(r => $"{r.Doc}: {r.Subject} {r.Predicate} {r.Object}").Order(StringComparer.Ordinal));
        report.SpuriousRelations.AddRange(predicted.Where(r => !goldRelations.Contains(r)).Select(r => $"{r.Doc}: {r.Subject} {r.Predicate} {r.Object}").Order(StringComparer.Ordinal));
        foreach (var doc in relationDocs)
        {
            int dtp = goldRelations.Count(r => r.Doc == doc && predicted.Contains(r));
            DocScores(report, doc)["relations"] = new Score(dtp, predicted.Count(r => r.Doc == doc && !goldRelations.Contains(r)), goldRelations.Count(r => r.Doc == doc && !predicted.Contains(r)));
        }

        static (string Doc, string Subject, string Predicate, string Object) Key(JsonElement r) =>
            (Str(r, "doc"), Fold(Str(r, "subject")), Str(r, "predicate"), Fold(Str(r, "object")));
    }

    private static Dictionary<string, Score> DocScores(EvaluationReport report, string doc) =>
        report.ByDocument.TryGetValue(doc, out var d) ? d : report.ByDocument[doc] = new Dictionary<string, Score>(StringComparer.Ordinal);

    private static bool Inside(JsonElement p, GoldSet gold)
    {
        if (!gold.Regions.TryGetValue(Str(p, "doc"), out var regions))
        {
            return true;
        }

        int start = -1, end = -1;
        if (p.TryGetProperty("span", out var span) && span.ValueKind == JsonValueKind.Array && span.GetArrayLength() == 2)
        {
            start = span[0].GetInt32();
            end = span[1].GetInt32();
        }

        return regions.Any(r => start < r.End && end > r.Start);
    }

    private static int Overlap(JsonElement g, JsonElement p)
    {
        int ps = 0, pe = 0;
        if (p.TryGetProperty("span", out var s) && s.ValueKind == JsonValueKind.Array && s.GetArrayLength() == 2)
        {
            ps = s[0].GetInt32();
            pe = s[1].GetInt32();
        }

        var gspan = g.GetProperty("span");
        return Math.Min(pe, gspan[1].GetInt32()) - Math.Max(ps, gspan[0].GetInt32());
    }

    private static bool Close(double? a, double? b) =>
        a is { } x && b is { } y && Math.Abs(x - y) <= Math.Max(1e-9, 0.005 * Math.Max(Math.Abs(x), Math.Abs(y)));

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    internal static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    private static double? Num(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v))
        {
            return null;
        }

        return v.ValueKind switch
        {
            JsonValueKind.Number => v.GetDouble(),
            JsonValueKind.String when double.TryParse(v.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
            _ => null,
        };
    }

    private static bool Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;

    /// <summary>The scorer's name folding: spacing and the punctuation ·・,，:：-—()（）「」《》"' removed, lower case.</summary>
    public static string Fold(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "";
        }

        var sb = new StringBuilder(name.Length);
        foreach (char c in name)
        {
            if (char.IsWhiteSpace(c) || "·・,，:：-—()（）「」《》\"'".Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
