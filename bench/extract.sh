#!/usr/bin/env bash
# Throughput of `anvil extract` as a whole process, beside the segmenters users know.
#
#   bench/extract.sh [RUNS]        (default 3 runs per measurement; the median is reported)
#
# Builds a >= 20 MB input from ../shared/corpus/dev and ../shared/seeds (both scripts): a folder of
# documents for Anvil, and the same bytes as one file for the segmenters. Times:
#   - anvil extract, 1 thread and all cores (file bytes to JSON Lines), peak memory, start-up on an empty file;
#   - python3-jieba (Debian's package) and @node-rs/jieba (npm) segmenting the same input.
# It installs what it needs (Debian: time, python3-jieba; npm: @node-rs/jieba into a cache folder) and says so.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-3}"
# shellcheck source=bench/bench-lib.sh
. "$root/bench/bench-lib.sh"
bench_has_corpus "$shared" || exit 2

bench_need_time
# Debian's python3-jieba lives in the system Python, which may not be the first python3 on PATH
py=/usr/bin/python3; [ -x "$py" ] || py=python3
if ! "$py" -c 'import jieba' 2>/dev/null; then
  say "bench: installing Debian's python3-jieba (the Python segmenter, for comparison)"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-jieba >/dev/null || say "bench: python3-jieba could not be installed; skipping it"
fi
if [ ! -d "$work/node/node_modules/@node-rs/jieba" ] && command -v npm >/dev/null; then
  say "bench: installing @node-rs/jieba from npm into $work/node (the Rust segmenter, for comparison)"
  mkdir -p "$work/node" && (cd "$work/node" && npm install --silent --no-audit --no-fund @node-rs/jieba@2.0.3 >/dev/null) || say "bench: @node-rs/jieba could not be installed; skipping it"
fi

# the input: copies of every corpus document until the folder holds >= 20 MB; the same bytes in one file
bench_input "$work" "$shared"
bytes=$(cat "$input"/*.txt | wc -c)
files=$(ls "$input" | wc -l)
say "bench: input $files documents, $bytes bytes ($(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}') MB)"

# warm: build the CLI once, outside the timings
"$root/anvil" extract "$root/samples" >/dev/null 2>&1 || true
: > "$work/empty.txt"

# median of RUNS timings: prints "seconds peak_kb"
measure() {
  local out="$work/time.$$" i times=() mems=()
  for i in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$out" "$@" >/dev/null 2>&1 || true
    read -r t m < <(tail -n 1 "$out"); times+=("$t"); mems+=("$m")
  done
  rm -f "$out"
  local tm; tm=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END{print a[int((NR+1)/2)]}')
  local mm; mm=$(printf '%s\n' "${mems[@]}" | sort -g | tail -1)
  echo "$tm $mm"
}
mbs() { awk -v b="$bytes" -v t="$1" 'BEGIN{ if (t > 0) printf "%.2f", b/1e6/t; else print "inf" }'; }

cores=$(nproc)
read -r t1 m1 < <(measure "$root/anvil" extract "$input" --threads 1)
read -r tn mn < <(measure "$root/anvil" extract "$input" --threads "$cores")
read -r ts ms < <(measure "$root/anvil" extract "$work/empty.txt")

py_t=""; node_t=""
if "$py" -c 'import jieba' 2>/dev/null; then
  read -r py_t py_m < <(measure "$py" -c "import jieba,sys; jieba.setLogLevel(60); [list(jieba.cut(l)) for l in open(sys.argv[1], encoding='utf-8')]" "$single")
fi
if [ -d "$work/node/node_modules/@node-rs/jieba" ]; then
  cat > "$work/node/cut.js" <<'JS'
const { Jieba } = require('@node-rs/jieba'); const { dict } = require('@node-rs/jieba/dict');
const fs = require('fs'); const jieba = Jieba.withDict(dict);
for (const line of fs.readFileSync(process.argv[2], 'utf8').split('\n')) jieba.cut(line, true);
JS
  read -r node_t node_m < <(measure node "$work/node/cut.js" "$single")
fi

a1=$(mbs "$t1"); an=$(mbs "$tn")
printf '\nAnvil extract on %s MB (%s documents), %s run(s) each, median; machine: %s cores, %s\n' \
  "$(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}')" "$files" "$runs" "$cores" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
printf '%-34s %8s %10s %10s\n' "what" "seconds" "MB/s" "peak MB"
printf '%-34s %8s %10s %10s\n' "anvil extract, 1 thread" "$t1" "$a1" "$((m1 / 1024))"
printf '%-34s %8s %10s %10s\n' "anvil extract, $cores threads" "$tn" "$an" "$((mn / 1024))"
printf '%-34s %8s %10s %10s\n' "anvil start-up (empty file)" "$ts" "-" "$((ms / 1024))"
[ -n "$py_t" ] && printf '%-34s %8s %10s %10s\n' "python3-jieba (segmentation only)" "$py_t" "$(mbs "$py_t")" "$((py_m / 1024))"
[ -n "$node_t" ] && printf '%-34s %8s %10s %10s\n' "@node-rs/jieba (segmentation only)" "$node_t" "$(mbs "$node_t")" "$((node_m / 1024))"
printf '\nratios: %s threads / 1 thread = %s' "$cores" "$(awk -v a="$t1" -v b="$tn" 'BEGIN{printf "%.2f", a/b}')"
[ -n "$py_t" ] && printf '; anvil 1 thread / python3-jieba = %s' "$(awk -v a="$py_t" -v b="$t1" 'BEGIN{printf "%.2f", a/b}')"
[ -n "$node_t" ] && printf '; anvil 1 thread / @node-rs/jieba = %s' "$(awk -v a="$node_t" -v b="$t1" 'BEGIN{printf "%.2f", a/b}')"
printf '\n'
pass() { awk -v x="$1" -v y="$2" 'BEGIN{ exit !(x >= y) }' && echo met || echo "NOT met"; }
printf 'targets: 1 thread >= 5 MB/s: %s; 2 threads >= 1.8x: %s; peak <= 400 MB: %s; start-up <= 1 s: %s\n' \
  "$(pass "$a1" 5)" "$(pass "$(awk -v a="$t1" -v b="$tn" 'BEGIN{print a/b}')" 1.8)" \
  "$(pass 400 "$(( (m1 > mn ? m1 : mn) / 1024 ))")" "$(pass 1 "$ts")"
