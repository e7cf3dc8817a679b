#!/usr/bin/env bash
# Faults during ingest: each must give a clear error and leave only whole documents behind.
#   bench/faults.sh
# 1. PostgreSQL stopped while ingesting (throw-away cluster from tests/pg/start.sh), then started again:
#    a clear error, and a rerun gives the counts of a clean run.
# 2. A full disk (a small tmpfs) and 3. a read-only disk (a read-only tmpfs) for a SQLite knowledge base:
#    a clear error naming the file. Mounting needs root; without it those two are skipped.
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d /tmp/anvil-faults-XXXXXX)"
pg_dir=""; mounts=()
cleanup() {
  for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done
  [ -n "$pg_dir" ] && "$root/tests/pg/stop.sh" "$pg_dir"
  rm -rf "$work"
}
trap cleanup EXIT
status=0
input="$work/input"; mkdir -p "$input"
sources=("$root"/samples/*.txt)
[ -d "$root/../shared/corpus/dev" ] && sources+=("$root"/../shared/corpus/dev/*.txt)
for i in $(seq 1 15); do for f in "${sources[@]}"; do { printf '第%s份。\n' "$i"; cat "$f"; } > "$input/$i-$(basename "$f")"; done; done
"$root/anvil" extract "$root/samples" >/dev/null 2>&1 || true

pgbin() { for d in "$(pg_config --bindir 2>/dev/null)" /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && { echo "$d"; return; }; done; }
if [ -n "$(pgbin)" ]; then
  pg_dir="$(mktemp -d /tmp/anvil-faults-pg-XXXXXX)"
  conn="$("$root/tests/pg/start.sh" "$pg_dir")"; port="$(cat "$pg_dir/port")"
  psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE anvil_clean" && psql -h 127.0.0.1 -p "$port" -U postgres -qc "CREATE DATABASE anvil_fault"
  clean="${conn/Database=postgres/Database=anvil_clean}"; fault="${conn/Database=postgres/Database=anvil_fault}"
  "$root/anvil" ingest "$input" --db "$clean" >/dev/null 2>&1
  "$root/anvil" ingest "$input" --db "$fault" > "$work/pg.out" 2> "$work/pg.err" &
  pid=$!; sleep 2
  runuser -u postgres -- "$(pgbin)/pg_ctl" -D "$pg_dir/data" -m immediate -w stop >/dev/null 2>&1
  wait "$pid"; code=$?
  echo "faults: PostgreSQL stopped during ingest: exit $code: $(grep -m1 'anvil:' "$work/pg.err")"
  [ "$code" -ne 0 ] && grep -q 'E04' "$work/pg.err" || { echo "faults: expected a clear E04xx error"; status=1; }
  runuser -u postgres -- "$(pgbin)/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-p $port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null 2>&1
  "$root/anvil" ingest "$input" --db "$fault" >/dev/null 2>&1
  a="$("$root/anvil" stats --db "$clean" --json)"; b="$("$root/anvil" stats --db "$fault" --json)"
  if [ "$a" = "$b" ]; then echo "faults: after restart and rerun: $b (equals a clean run)"; else echo "faults: MISMATCH clean $a, after fault $b"; status=1; fi
else
  echo "faults: PostgreSQL is not installed; skipping the server test"
fi

if mkdir -p "$work/full" && mount -t tmpfs -o size=600k tmpfs "$work/full" 2>/dev/null; then
  mounts+=("$work/full")
  "$root/anvil" ingest "$input" --db "$work/full/kb.db" > /dev/null 2> "$work/full.err"; code=$?
  echo "faults: full disk: exit $code: $(grep -m1 'E04' "$work/full.err")"
  grep -q 'disk is full' "$work/full.err" || { echo "faults: expected 'disk is full'"; status=1; }
  "$root/anvil" stats --db "$work/full/kb.db" --json >/dev/null 2>&1 && echo "faults: the knowledge base still opens: $("$root/anvil" stats --db "$work/full/kb.db" --json)"
  mkdir -p "$work/ro" && mount -t tmpfs -o size=1m,ro tmpfs "$work/ro" && mounts+=("$work/ro")
  "$root/anvil" ingest "$input" --db "$work/ro/kb.db" > /dev/null 2> "$work/ro.err"; code=$?
  echo "faults: read-only disk: exit $code: $(grep -m1 'E04' "$work/ro.err")"
  [ "$code" -ne 0 ] && grep -q 'E04' "$work/ro.err" || { echo "faults: expected a clear E04xx error"; status=1; }
else
  echo "faults: cannot mount a tmpfs here (not root?); skipping the disk tests"
fi
exit $status
