#!/usr/bin/env python3
"""Scores `anvil extract` on the CLUENER2020 dev set for the entity types Anvil shares with it.

usage: bench/cluener_eval.py [CLUENER_DIR]   (default ../shared/benchmarks/cluener2020, or under $ANVIL_SHARED)

All dev sentences are written, one per line, into one temporary document; `./anvil extract` runs once;
mentions are mapped back to their line. A prediction is right when its span and mapped type equal a gold
span (exact match, end-exclusive). Anvil's types map to CLUENER's as: place→address, company→company,
government→government, organization→organization, person→name. Other CLUENER types are not scored.

Anvil's media are left unmapped on purpose. CLUENER's published label definitions (CLUEbenchmark/CLUENER2020 README,
标签类别定义) put news websites under company (包含新华网/中国军网等), but newspapers and magazines under book (杂志)
and its gold marks news agencies and broadcasters as government or organization; Anvil's one media type does not tell
these apart. Measured (2026-12-07, eighteenth session): media → company gives 8 right and 42 wrong names on dev.
"""
import json, os, sys, tempfile, collections

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ner_lines  # noqa: E402

TYPE_MAP = {"place": "address", "company": "company", "government": "government",
            "organization": "organization", "person": "name"}

def read_gold(rows):
    """The gold names of the shared types, as (line, start, end, type), end-exclusive."""
    gold = set()
    for i, r in enumerate(rows):
        for t, names in r["label"].items():
            if t not in TYPE_MAP.values():
                continue
            for spans in names.values():
                for s, e in spans:
                    gold.add((i, s, e + 1, t))
    return gold

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    # options after the data folder go to `anvil extract` (e.g. --thorough)
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    extra = [a for a in sys.argv[1:] if a.startswith("--")]
    data = args[0] if args else os.path.join(ner_lines.shared_folder(root), "benchmarks", "cluener2020")
    rows = [json.loads(l) for l in open(os.path.join(data, "dev.json"), encoding="utf-8")]
    texts = [r["text"].replace("\n", " ") for r in rows]
    starts = ner_lines.line_starts(texts)
    with tempfile.TemporaryDirectory() as tmp:
        out = ner_lines.extract(root, ner_lines.write_lines(tmp, "cluener-dev", texts), extra)
    pred = ner_lines.mentions_by_line(out, starts, TYPE_MAP)
    gold = read_gold(rows)
    by = collections.defaultdict(lambda: [0, 0, 0])
    for g in gold:
        by[g[3]][0 if g in pred else 2] += 1
    for p in pred - gold:
        by[p[3]][1] += 1
    total = [0, 0, 0]
    print(f"{'type':14} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn")
    for t in sorted(by):
        tp, fp, fn = by[t]
        total = [a + b for a, b in zip(total, by[t])]
        report(t, tp, fp, fn)
    report("all", *total)

def report(name, tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    f = 2 * p * r / (p + r) if p + r else 0
    print(f"{name:14} {p:6.3f} {r:6.3f} {f:6.3f}   {tp}/{fp}/{fn}")

if __name__ == "__main__":
    main()
