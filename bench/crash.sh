#!/usr/bin/env bash
# Crash safety of `anvil ingest`: kill it with SIGKILL at random moments, then run it again to the end;
# the knowledge base must hold exactly what a clean run holds (no partial document, no duplicate).
#
#   bench/crash.sh [KILLS] [sqlite|postgres|both]      (defaults: 20 kills, both stores)
#
# PostgreSQL runs as a throw-away cluster (tests/pg/start.sh; Debian's postgresql must be installed).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
kills="${1:-20}"
stores="${2:-both}"
work="$(mktemp -d /tmp/anvil-crash-XXXXXX)"
pg_dir=""
cleanup() { [ -n "$pg_dir" ] && "$root/tests/pg/stop.sh" "$pg_dir"; rm -rf "$work"; }
trap cleanup EXIT

# the input: the samples and, when present, the dev corpus, copied until ingesting takes a few seconds
input="$work/input"; mkdir -p "$input"
sources=("$root"/samples/*.txt)
[ -d "$root/../shared/corpus/dev" ] && sources+=("$root"/../shared/corpus/dev/*.txt "$root"/../shared/seeds/*.txt)
for i in $(seq 1 12); do
  for f in "${sources[@]}"; do
    # each copy differs by a line, so the content hashes differ and every copy is a document of its own
    { printf '第%s份。\n' "$i"; cat "$f"; } > "$input/$(printf '%02d' "$i")-$(basename "$f")"
  done
done
docs=$(ls "$input" | wc -l)
"$root/anvil" extract "$root/samples" >/dev/null 2>&1 || true   # build once, outside the timings

counts() { "$root/anvil" stats --db "$1" --json; }

run_store() {
  local name="$1" clean_db="$2" kill_db="$3"
  echo "crash: $name: clean run of $docs documents"
  "$root/anvil" ingest "$input" --db "$clean_db" --threads 2 >/dev/null 2>&1
  local expected; expected="$(counts "$clean_db")"
  local survived=0
  for k in $(seq 1 "$kills"); do
    "$root/anvil" ingest "$input" --db "$kill_db" --threads 2 >/dev/null 2>&1 &
    local pid=$!
    # a random moment: from start-up to well into the writing
    sleep "$(awk -v r="$RANDOM" 'BEGIN{printf "%.2f", 0.2 + (r % 300) / 100}')"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    # after every kill the knowledge base must open and hold only whole documents
    if counts "$kill_db" >/dev/null 2>&1; then survived=$((survived + 1)); else echo "crash: $name: kill $k left a knowledge base that does not open"; fi
  done
  "$root/anvil" ingest "$input" --db "$kill_db" --threads 2 >/dev/null 2>&1
  local actual; actual="$(counts "$kill_db")"
  if [ "$actual" = "$expected" ]; then
    echo "crash: $name: $survived of $kills kills survived; after the final run: $actual (equals a clean run)"
    return 0
  fi
  echo "crash: $name: MISMATCH after $kills kills: clean $expected, killed $actual"
  return 1
}

status=0
if [ "$stores" = "sqlite" ] || [ "$stores" = "both" ]; then
  run_store sqlite "$work/clean.db" "$work/killed.db" || status=1
fi
if [ "$stores" = "postgres" ] || [ "$stores" = "both" ]; then
  pg_dir="$(mktemp -d /tmp/anvil-crash-pg-XXXXXX)"
  base="$("$root/tests/pg/start.sh" "$pg_dir")"
  port="$(cat "$pg_dir/port")"
  for db in anvil_clean anvil_killed; do
    psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE $db" >/dev/null
  done
  run_store postgresql "${base/Database=postgres/Database=anvil_clean}" "${base/Database=postgres/Database=anvil_killed}" || status=1
fi
exit $status
