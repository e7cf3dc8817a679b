#!/usr/bin/env bash
# Scale: a million facts, on SQLite and on PostgreSQL (issue 14). Generates DOCS reports of 100 sentences each
# (bench/scale_corpus.py: the sentence shape of bench/load.sh, two facts a sentence) and a 10x smaller set, ingests
# each into SQLite and into a throw-away PostgreSQL cluster, times every verb as a whole process (seconds and peak
# memory) and the dashboard's compare, conflicts and entity pages cold and warm (and the server's memory after them),
# then extraction of one 15 MB document against the many small ones. Prints one table.
#
#   bench/scale.sh [DOCS] [sqlite|postgres|both]      (defaults: 5000 documents, about 40 MB and 1,000,000 facts; both)
#
# Work files go to $ANVIL_SCALE_DIR (default /tmp/anvil-scale); corpora are kept between runs. Needs python3, curl and
# /usr/bin/time (installed from Debian when missing); PostgreSQL from Debian's postgresql package (tests/pg/start.sh).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
docs="${1:-5000}"
stores="${2:-both}"
shared="${ANVIL_SHARED:-$root/../shared}"
work="${ANVIL_SCALE_DIR:-/tmp/anvil-scale}"
mkdir -p "$work"
anvil="$root/anvil"
pg_dir=""
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true
  [ -n "$pg_dir" ] && "$root/tests/pg/stop.sh" "$pg_dir" >/dev/null 2>&1 || true
}
trap cleanup EXIT
say() { printf '%s\n' "$*" >&2; }

if [ ! -x /usr/bin/time ] || ! command -v curl >/dev/null; then
  say "scale: installing Debian's time and curl"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time curl >/dev/null
fi
"$anvil" extract "$root/samples" >/dev/null 2>&1 || true   # build once, outside the timings

rows=()
row() { rows+=("$(printf '| %s | %s | %s | %s |' "$1" "$2" "$3" "$4")"); say "scale: $1 | $2 | $3 | $4"; }

# "SECONDS s, PEAK MB" of one command (its output to a file)
timed() {
  local out="$1"; shift
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" > "$out" 2> "$out.err" || { say "scale: failed: $* ($(tail -1 "$out.err"))"; echo "failed"; return; }
  awk '{printf "%.2f s, %d MB", $1, $2 / 1024}' "$work/time.txt"
}

corpus() {   # corpus N -> folder
  local n="$1" dir="$work/corpus-$1"
  if [ ! -f "$dir/.ready" ]; then
    rm -rf "$dir"; python3 "$root/bench/scale_corpus.py" "$dir" "$n"; touch "$dir/.ready"
  fi
  echo "$dir"
}

# dashboard: first request (cold) and the next (warm) of a page, in seconds
page() {
  local url="$1"
  local cold warm
  cold=$(curl -s -L -o /dev/null -w '%{time_total}' "$url")
  warm=$(curl -s -L -o /dev/null -w '%{time_total}' "$url")
  printf '%.2f s cold, %.2f s warm' "$cold" "$warm"
}

run_store() {   # run_store NAME DB CORPUS DOCS
  local name="$1" db="$2" dir="$3" n="$4"
  local mb; mb=$(du -sb "$dir" | awk '{printf "%.1f", $1 / 1e6}')
  local line
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$anvil" ingest "$dir" --db "$db" > "$work/ingest.txt" 2>&1
  line=$(tail -1 "$work/ingest.txt")
  local speed; speed=$(echo "$line" | sed -n 's/.*(\([0-9.]* MB\/s\), \([0-9,]*\) facts at \([0-9,]*\) facts\/s).*/\1, \3 facts\/s/p')
  row "$name, $n docs" "anvil ingest ($mb MB)" "$(awk '{printf "%.1f s, %d MB", $1, $2 / 1024}' "$work/time.txt")" "$speed"
  local facts; facts=$("$anvil" stats --db "$db" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["facts"])')
  if [ "$name" = "sqlite" ]; then
    "$anvil" stats --db "$db" >/dev/null   # opened and closed: the write-ahead log is checkpointed into the file
    local bytes=0 f
    for f in "$db" "$db-wal"; do [ -f "$f" ] && bytes=$((bytes + $(stat -c %s "$f"))); done
    row "$name, $n docs" "knowledge base size" "$(awk -v b="$bytes" 'BEGIN{printf "%.0f MB", b / 1e6}')" \
      "$(awk -v b="$bytes" -v f="$facts" 'BEGIN{printf "%.0f MB per million facts (%d facts)", b / 1e6 / f * 1e6, f}')"
  fi
  row "$name, $n docs" "anvil compare 深圳 杭州" "$(timed "$work/compare.txt" "$anvil" compare 深圳 杭州 --db "$db")" "$(wc -l < "$work/compare.txt") lines"
  row "$name, $n docs" "anvil timeline 深圳 产业规模" "$(timed "$work/timeline.txt" "$anvil" timeline 深圳 产业规模 --db "$db")" "$(wc -l < "$work/timeline.txt") lines"
  row "$name, $n docs" "anvil entity 深圳" "$(timed "$work/entity.txt" "$anvil" entity 深圳 --db "$db")" "$(wc -l < "$work/entity.txt") lines"
  row "$name, $n docs" "anvil conflicts" "$(timed "$work/conflicts.txt" "$anvil" conflicts --db "$db")" "$(tail -1 "$work/conflicts.txt.err")"

  local port=$((20000 + RANDOM % 20000))
  "$anvil" serve --db "$db" --urls "http://127.0.0.1:$port" > "$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/assets/anvil.css" >/dev/null && break; sleep 0.5; done
  local base="http://127.0.0.1:$port"
  row "$name, $n docs" "dashboard /compare 深圳 杭州" "$(page "$base/compare?subject=%E6%B7%B1%E5%9C%B3&subject=%E6%9D%AD%E5%B7%9E")" ""
  row "$name, $n docs" "dashboard /conflicts" "$(page "$base/conflicts")" ""
  row "$name, $n docs" "dashboard /entities?name=深圳" "$(page "$base/entities?name=%E6%B7%B1%E5%9C%B3")" ""
  row "$name, $n docs" "dashboard memory after those pages" "$(ps -o rss= -p "$server" | awk '{printf "%d MB", $1 / 1024}')" ""
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

for n in $((docs / 10)) "$docs"; do
  dir=$(corpus "$n")
  if [ "$stores" = "sqlite" ] || [ "$stores" = "both" ]; then
    rm -f "$work/kb-$n.db"*
    run_store sqlite "$work/kb-$n.db" "$dir" "$n"
  fi
  if [ "$stores" = "postgres" ] || [ "$stores" = "both" ]; then
    [ -n "$pg_dir" ] && "$root/tests/pg/stop.sh" "$pg_dir" >/dev/null 2>&1 || true
    pg_dir="$(mktemp -d /tmp/anvil-scale-pg-XXXXXX)"
    pg=$("$root/tests/pg/start.sh" "$pg_dir")
    run_store postgres "$pg" "$dir" "$n"
  fi
done

# News-like text (the issue's >= 10 MB/s): the corpus documents of ../shared (both scripts) copied until 20 MB, as
# bench/extract.sh reads them, each copy made a document of its own by a last line with its number (the same content
# is stored once, and skipped before extraction when stored already).
news_corpus() {
  local dir="$work/news" source="$work/news-source" from="$shared"
  if [ ! -f "$dir/.ready" ]; then
    # (bench-lib sets its own work folder: the paths are taken before)
    (. "$root/bench/bench-lib.sh"; bench_input "$source" "$from") >&2 || return 1
    rm -rf "$dir"; mkdir -p "$dir"
    local f
    for f in "$source/input"/*.txt; do
      { cat "$f"; printf '\n%s\n' "$(basename "$f" .txt)"; } > "$dir/$(basename "$f")"
    done
    touch "$dir/.ready"
  fi
  echo "$dir"
}
if news=$(news_corpus); then
  for store in sqlite postgres; do
    { [ "$stores" = "$store" ] || [ "$stores" = "both" ]; } || continue
    if [ "$store" = sqlite ]; then
      rm -f "$work/kb-news.db"*; db="$work/kb-news.db"
    else
      [ -n "$pg_dir" ] && "$root/tests/pg/stop.sh" "$pg_dir" >/dev/null 2>&1 || true
      pg_dir="$(mktemp -d /tmp/anvil-scale-pg-XXXXXX)"; db=$("$root/tests/pg/start.sh" "$pg_dir")
    fi
    /usr/bin/time -f '%e %M' -o "$work/time.txt" "$anvil" ingest "$news" --db "$db" > "$work/ingest.txt" 2>&1
    row "$store, news-like" "anvil ingest ($(du -sb "$news" | awk '{printf "%.1f", $1 / 1e6}') MB, $(ls "$news" | wc -l) docs)" \
      "$(awk '{printf "%.1f s, %d MB", $1, $2 / 1024}' "$work/time.txt")" \
      "$(tail -1 "$work/ingest.txt" | sed -n 's/.*(\([0-9.]* MB\/s\), \([0-9,]*\) facts at \([0-9,]*\) facts\/s).*/\1, \3 facts\/s/p')"
  done
else
  say "scale: no news-like corpus (../shared not found; set ANVIL_SHARED); that row is left out"
fi

# one long document against many small ones: extraction rate (MB/s of input)
single="$work/single-15mb.txt"
[ -f "$single" ] || python3 "$root/bench/scale_corpus.py" --single "$single" 15
small="$(corpus $((docs / 10)))"
rate() { # rate PATH -> MB/s
  local bytes; bytes=$(du -sb "$1" | awk '{print $1}')
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$anvil" extract "$1" > /dev/null 2>&1
  awk -v b="$bytes" '{printf "%.2f MB/s (%.1f s, %d MB)", b / 1e6 / $1, $1, $2 / 1024}' "$work/time.txt"
}
row "extract" "$(du -sb "$small" | awk '{printf "%.0f", $1 / 1e6}') MB in $((docs / 10)) reports" "$(rate "$small")" ""
row "extract" "one 15 MB report" "$(rate "$single")" ""

printf '\n| store, corpus | step | time, peak memory | figures |\n|---|---|---|---|\n'
printf '%s\n' "${rows[@]}"
