#!/usr/bin/env bash
# Load on the dashboard: 100 concurrent clients for 30 s against `anvil serve` on loopback, over a
# knowledge base of at least 100,000 facts. Reports requests/s, p50/p99 latency and errors.
#   bench/load.sh [SECONDS] [CONNECTIONS]     (defaults 30 and 100)
# ANVIL_LOAD_DB names a knowledge base to serve instead of the generated one (a SQLite file or a PostgreSQL connection
# string), such as the million facts bench/scale.sh ingests: ANVIL_LOAD_DB=/tmp/anvil-scale/kb-5000.db bench/load.sh
# Installs Debian's wrk when missing. Traffic goes to 127.0.0.1 only; the run is bounded by SECONDS.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-30}"; connections="${2:-100}"
work="${ANVIL_LOAD_DIR:-/tmp/anvil-load}"; mkdir -p "$work"
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null; wait 2>/dev/null || true; }
trap cleanup EXIT
if ! command -v wrk >/dev/null; then
  echo "load: installing Debian's wrk" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi

# a knowledge base of >= 100,000 facts from generated reports (Anvil's own sentences, 200 figures each), unless one is named
db="${ANVIL_LOAD_DB:-$work/kb.db}"
if [ -z "${ANVIL_LOAD_DB:-}" ] && [ ! -f "$work/.ready" ]; then
  rm -rf "$work/docs" "$db"*; mkdir -p "$work/docs"
  python3 - "$work/docs" <<'PY'
import sys, random
random.seed(7)
cities = ["深圳","杭州","广州","上海","北京","苏州","成都","武汉","南京","重庆","西安","合肥","长沙","郑州","东莞","佛山","宁波","青岛","天津","无锡"]
scopes = ["人工智能","新能源汽车","集成电路","生物医药","工业机器人","数字经济","低空经济","服务机器人"]
for d in range(560):
    lines = [f"{random.choice(cities)}产业观察（第{d}期）", f"2025-03-{1 + d % 28:02d} 10:00，正文：据统计局统计。"]
    for i in range(100):
        c, s, y = random.choice(cities), random.choice(scopes), random.choice([2021, 2022, 2023, 2024])
        lines.append(f"{y}年，{c}{s}产业规模达{random.randint(100, 9000)}亿元，同比增长{random.randint(1, 400) / 10}%。")
    open(f"{sys.argv[1]}/report-{d:04d}.txt", "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
  "$root/anvil" ingest "$work/docs" --db "$db" >/dev/null
  touch "$work/.ready"
fi
facts=$("$root/anvil" stats --db "$db" --json)
echo "load: knowledge base $facts" >&2

port=$((20000 + RANDOM % 20000))
"$root/anvil" serve --db "$db" --urls "http://127.0.0.1:$port" > "$work/serve.log" 2>&1 &
server=$!
for i in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/api/overview" >/dev/null && break; sleep 0.5; done

paths=(
  "/" "/api/overview" "/facts?subject=%E6%B7%B1%E5%9C%B3" "/api/facts?subject=%E6%9D%AD%E5%B7%9E&page=2"
  "/compare?subject=%E6%B7%B1%E5%9C%B3&subject=%E6%9D%AD%E5%B7%9E" "/api/conflicts" "/documents"
  "/entities?name=%E6%B7%B1%E5%9C%B3" "/api/facts?indicator=%E4%BA%A7%E4%B8%9A%E8%A7%84%E6%A8%A1&kind=growth"
)
{ echo "local paths = {"; printf '  "%s",\n' "${paths[@]}"; echo "}"
  echo 'local i = 0'
  echo 'request = function() i = i + 1; return wrk.format("GET", paths[(i % #paths) + 1]) end'; } > "$work/paths.lua"
# Each page is read once before the clients start, as a first visitor would: a page over a large knowledge base is
# computed once per version of it (its cold time is what bench/scale.sh measures) and served from memory after. A hundred
# clients arriving together on cold pages wait on those first reads, which put seconds into the p99 of a 30 s run.
# ANVIL_LOAD_COLD=1 skips this, so the run includes them.
if [ "${ANVIL_LOAD_COLD:-}" != 1 ]; then
  started=$(date +%s.%N)
  for p in "${paths[@]}"; do curl -s -L -o /dev/null "http://127.0.0.1:$port$p"; done
  echo "load: each page read once first, in $(awk -v s="$started" -v e="$(date +%s.%N)" 'BEGIN{printf "%.1f", e - s}') s" >&2
fi
wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$work/paths.lua" "http://127.0.0.1:$port" > "$work/wrk.txt"
cat "$work/wrk.txt" >&2
rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
p50=$(awk '$1=="50%" {print $2}' "$work/wrk.txt"); p99=$(awk '$1=="99%" {print $2}' "$work/wrk.txt")
non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt"); non2xx=${non2xx:-0}
sockerr=$(awk '/Socket errors/ {gsub(",",""); print $4+$6+$8+$10}' "$work/wrk.txt"); sockerr=${sockerr:-0}
echo "load: $connections clients for ${seconds}s: $rps requests/s, p50 $p50, p99 $p99, non-2xx $non2xx, socket errors $sockerr"
[ "$non2xx" = "0" ] && [ "$sockerr" = "0" ]
