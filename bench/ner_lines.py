"""What the NER benchmark scripts share: the sentences of a benchmark written one per line into one document, one
`anvil extract` over it, and each entity mention mapped back to its line (line, start, end, type), end-exclusive.
Used by bench/cluener_eval.py, bench/msra_eval.py and bench/ner_misses.py."""
import bisect, json, os, subprocess


def shared_folder(root):
    """The shared folder of corpora and benchmarks: $ANVIL_SHARED when set (as the tests read it, for a
    worktree that does not sit beside it), else ../shared beside the repository."""
    return os.environ.get("ANVIL_SHARED") or os.path.join(root, "..", "shared")


def line_starts(texts):
    """Where each line starts in the document the texts make, one per line."""
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    return starts


def write_lines(folder, name, texts):
    """Writes the texts one per line into FOLDER/NAME.txt and returns its path."""
    path = os.path.join(folder, name + ".txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(texts) + "\n")
    return path


def extract(root, path, extra):
    """`./anvil extract PATH EXTRA...` as JSON Lines text."""
    return subprocess.run([os.path.join(root, "anvil"), "extract", path, *extra], capture_output=True, text=True, check=True).stdout


def mentions_by_line(jsonl, starts, type_map):
    """Every mention of an entity whose type the map knows, as (line, start, end, mapped type)."""
    pred = set()
    for line in jsonl.splitlines():
        o = json.loads(line)
        if o["type"] != "entity" or o["entity_type"] not in type_map:
            continue
        for m in o["mentions"]:
            s, e = m["span"]
            i = bisect.bisect_right(starts, s) - 1
            pred.add((i, s - starts[i], e - starts[i], type_map[o["entity_type"]]))
    return pred
