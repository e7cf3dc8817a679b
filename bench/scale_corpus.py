#!/usr/bin/env python3
"""Generated reports for bench/scale.sh: DOCS reports of 100 sentences each, the sentence shape of bench/load.sh
("2024年，深圳人工智能产业规模达4210亿元，同比增长12.5%。"): two figures per sentence, 200 per report.

    bench/scale_corpus.py OUT_DIR DOCS [SEED]      (5,000 reports: about 40 MB and 1,000,000 facts)
    bench/scale_corpus.py --single OUT_FILE MB     (one long report of about MB megabytes)

Anvil's own sentences from a fixed list of cities and sectors; the same seed gives the same bytes."""
import os
import random
import sys

CITIES = ["深圳", "杭州", "广州", "上海", "北京", "苏州", "成都", "武汉", "南京", "重庆",
          "西安", "合肥", "长沙", "郑州", "东莞", "佛山", "宁波", "青岛", "天津", "无锡"]
SCOPES = ["人工智能", "新能源汽车", "集成电路", "生物医药", "工业机器人", "数字经济", "低空经济", "服务机器人"]
YEARS = [2021, 2022, 2023, 2024]


def sentence(rng):
    c, s, y = rng.choice(CITIES), rng.choice(SCOPES), rng.choice(YEARS)
    return f"{y}年，{c}{s}产业规模达{rng.randint(100, 9000)}亿元，同比增长{rng.randint(1, 400) / 10}%。"


def report(rng, d, sentences=100):
    lines = [f"{rng.choice(CITIES)}产业观察（第{d}期）", f"2025-03-{1 + d % 28:02d} 10:00，正文：据统计局统计。"]
    lines.extend(sentence(rng) for _ in range(sentences))
    return "\n".join(lines) + "\n"


def main(argv):
    if len(argv) >= 3 and argv[0] == "--single":
        rng = random.Random(11)
        target = float(argv[2]) * 1e6
        with open(argv[1], "w", encoding="utf-8") as out:
            written = 0
            d = 0
            while written < target:
                text = report(rng, d)
                out.write(text)
                written += len(text.encode("utf-8"))
                d += 1
        return 0
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    folder, docs = argv[0], int(argv[1])
    rng = random.Random(int(argv[2]) if len(argv) > 2 else 7)
    os.makedirs(folder, exist_ok=True)
    for d in range(docs):
        with open(os.path.join(folder, f"report-{d:05d}.txt"), "w", encoding="utf-8") as out:
            out.write(report(rng, d))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
