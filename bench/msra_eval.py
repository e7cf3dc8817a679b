#!/usr/bin/env python3
"""Scores `anvil extract` on the MSRA NER test set (SIGHAN 2006 bakeoff; PER, LOC, ORG).

usage: bench/msra_eval.py [MSRA_DIR]   (default ../shared/benchmarks/msra-ner, or under $ANVIL_SHARED)

All test sentences are written, one per line, into one temporary document; `./anvil extract` runs once;
mentions are mapped back to their line. A prediction is right when its span and mapped type equal a gold
span (exact match, end-exclusive). Anvil's types map as: person→PER, place→LOC, company, government,
organization, university and media→ORG (MSRA's ORG covers all of these). Other Anvil types are not scored.
"""
import collections, os, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ner_lines  # noqa: E402

TYPE_MAP = {"person": "PER", "place": "LOC", "company": "ORG", "government": "ORG",
            "organization": "ORG", "university": "ORG", "media": "ORG"}

def read_bio(path):
    sents, chars, spans, start, kind = [], [], [], -1, None
    def close(end):
        nonlocal start
        if start >= 0:
            spans.append((start, end, kind))
            start = -1
    for raw in open(path, encoding="utf-8"):
        line = raw.rstrip("\r\n")
        if not line.strip():
            close(len(chars))
            if chars:
                sents.append(("".join(chars), spans))
            chars, spans = [], []
            continue
        c, tag = line[0], line[1:].strip()
        if tag.startswith("B-") or (tag.startswith("I-") and (start < 0 or tag[2:] != kind)):
            close(len(chars)); start, kind = len(chars), tag[2:]
        elif not tag.startswith("I-"):
            close(len(chars))
        chars.append(c)
    close(len(chars))
    if chars:
        sents.append(("".join(chars), spans))
    return sents

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(here)
    # options after the data folder go to `anvil extract` (e.g. --thorough)
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    extra = [a for a in sys.argv[1:] if a.startswith("--")]
    data = args[0] if args else os.path.join(ner_lines.shared_folder(root), "benchmarks", "msra-ner")
    sents = read_bio(os.path.join(data, "test_data"))
    texts = [t.replace("\n", " ") for t, _ in sents]
    starts = ner_lines.line_starts(texts)
    with tempfile.TemporaryDirectory() as tmp:
        out = ner_lines.extract(root, ner_lines.write_lines(tmp, "msra-test", texts), extra)
    pred = ner_lines.mentions_by_line(out, starts, TYPE_MAP)
    gold = {(i, s, e, k) for i, (_, spans) in enumerate(sents) for s, e, k in spans}
    by = collections.defaultdict(lambda: [0, 0, 0])
    for g in gold:
        by[g[3]][0 if g in pred else 2] += 1
    for p in pred - gold:
        by[p[3]][1] += 1
    total = [0, 0, 0]
    print(f"{'type':14} {'P':>6} {'R':>6} {'F1':>6}   tp/fp/fn")
    for t in sorted(by):
        total = [a + b for a, b in zip(total, by[t])]
        report(t, *by[t])
    report("all", *total)

def report(name, tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    f = 2 * p * r / (p + r) if p + r else 0
    print(f"{name:14} {p:6.3f} {r:6.3f} {f:6.3f}   {tp}/{fp}/{fn}")

if __name__ == "__main__":
    main()
