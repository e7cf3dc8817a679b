#!/usr/bin/env python3
"""Where `anvil extract` loses against the name tagger alone, by class, on CLUENER2020 dev or MSRA test.

usage: bench/ner_misses.py cluener|msra [--thorough] [--examples N]

Runs `./anvil extract` (as bench/cluener_eval.py and bench/msra_eval.py do) and the tagger alone
(bench/Anvil.Training `tag-lines`) over the same lines, then sorts every gold name by who found it:
both, the tagger only, the pipeline only, neither. A gold name the tagger found and the pipeline did not is
put in one class by what the pipeline has there instead: nothing (the clause was not tagged, or the name was
dropped), the same span with another type, a wider span (a longer name or a known name taken whole), a narrower
span (a known name inside it, a place without its administrative word), or a shifted one. The pipeline's wrong
names are classed the same way against the gold. Prints counts and a few examples of each class.
"""
import collections, json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
sys.path.insert(0, here)
import cluener_eval  # noqa: E402
import msra_eval  # noqa: E402
import ner_lines  # noqa: E402

CLUE_KIND = {"Person": "name", "Place": "address", "Company": "company", "Government": "government",
             "Organization": "organization"}
MSRA_KIND = {"Person": "PER", "Place": "LOC", "Company": "ORG", "Government": "ORG", "Organization": "ORG"}


def load(which):
    bench = os.path.join(ner_lines.shared_folder(root), "benchmarks")
    if which == "cluener":
        rows = [json.loads(l) for l in open(os.path.join(bench, "cluener2020", "dev.json"), encoding="utf-8")]
        texts = [r["text"].replace("\n", " ") for r in rows]
        gold = cluener_eval.read_gold(rows)
        return texts, gold, cluener_eval.TYPE_MAP, CLUE_KIND
    sents = msra_eval.read_bio(os.path.join(bench, "msra-ner", "test_data"))
    texts = [t.replace("\n", " ") for t, _ in sents]
    gold = {(i, s, e, k) for i, (_, spans) in enumerate(sents) for s, e, k in spans}
    return texts, gold, msra_eval.TYPE_MAP, MSRA_KIND


def main():
    which = sys.argv[1]
    extra = [a for a in sys.argv[2:] if a == "--thorough"]
    shown = int(sys.argv[sys.argv.index("--examples") + 1]) if "--examples" in sys.argv else 8
    texts, gold, type_map, kind_map = load(which)
    starts = ner_lines.line_starts(texts)
    with tempfile.TemporaryDirectory() as tmp:
        path = ner_lines.write_lines(tmp, which, texts)
        out = ner_lines.extract(root, path, extra)
        tagged = subprocess.run(["dotnet", "run", "-c", "Release", "--project", os.path.join(here, "Anvil.Training"), "--",
                                 "tag-lines", path], capture_output=True, text=True, check=True).stdout
    pred = ner_lines.mentions_by_line(out, starts, type_map)
    tagger = set()
    for line in tagged.splitlines():
        i, s, e, k = line.split("\t")
        tagger.add((int(i), int(s), int(e), kind_map[k]))

    by_line = collections.defaultdict(list)
    for p in pred:
        by_line[p[0]].append(p)

    def against(x, others):
        """The class of x by what the other set has over its span."""
        i, s, e, t = x
        over = [o for o in others.get(i, []) if o[1] < e and o[2] > s]
        if not over:
            return "nothing there"
        if any(o[1] == s and o[2] == e for o in over):
            return "same span, other type"
        if any(o[1] <= s and o[2] >= e for o in over):
            return "wider span"
        if any(o[1] >= s and o[2] <= e for o in over):
            return "narrower span"
        return "shifted span"

    gold_by_line = collections.defaultdict(list)
    for g in gold:
        gold_by_line[g[0]].append(g)

    counts = collections.Counter()
    lost = collections.defaultdict(list)
    for g in sorted(gold):
        key = ("tagger" if g in tagger else "-") + "/" + ("pipeline" if g in pred else "-")
        counts[key] += 1
        if g in tagger and g not in pred:
            lost[(g[3], against(g, by_line))].append(g)
    print(f"gold names {len(gold)}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print("found by the tagger alone, missed by the pipeline, by what the pipeline has there:")
    for (t, cls), items in sorted(lost.items(), key=lambda kv: -len(kv[1])):
        ex = "; ".join(f"{texts[i][s:e]}" + describe(i, s, e, by_line, texts) for i, s, e, _ in items[:shown])
        print(f"  {t:13} {cls:22} {len(items):5}  {ex}")

    wrong = collections.defaultdict(list)
    for p in sorted(pred - gold):
        wrong[(p[3], against(p, gold_by_line), "tagger has it" if p in tagger else "tagger not")].append(p)
    print("pipeline names not in the gold, by what the gold has there:")
    for (t, cls, tg), items in sorted(wrong.items(), key=lambda kv: -len(kv[1]))[:25]:
        ex = "; ".join(f"{texts[i][s:e]}" + describe(i, s, e, gold_by_line, texts) for i, s, e, _ in items[:shown])
        print(f"  {t:13} {cls:22} {tg:13} {len(items):5}  {ex}")


def describe(i, s, e, others, texts):
    over = [o for o in others.get(i, []) if o[1] < e and o[2] > s]
    return "" if not over else "→" + ",".join(f"{texts[i][o[1]:o[2]]}:{o[3]}" for o in over)


if __name__ == "__main__":
    main()
