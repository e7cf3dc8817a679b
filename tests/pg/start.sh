#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for tests and prints its connection string on standard output.
#   tests/pg/start.sh [DIR [PORT]]     (DIR: a new folder under /tmp by default; PORT: the first free one from 55432)
# Installs nothing: it needs Debian's postgresql packages (initdb and pg_ctl under `pg_config --bindir` or
# /usr/lib/postgresql/*/bin). initdb refuses to run as root, so as root the cluster runs as the postgres user.
# The cluster trusts local connections, listens on 127.0.0.1 only and runs with fsync off: for tests, never for data.
# Stop it and remove it with tests/pg/stop.sh DIR.
set -euo pipefail

bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
  bindir="$(pg_config --bindir)"
else
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/initdb" ]; then bindir="$d"; break; fi
  done
fi
if [ -z "$bindir" ]; then
  echo "pg: no PostgreSQL server binaries (initdb); install Debian's postgresql package" >&2
  exit 3
fi

dir="${1:-}"
if [ -z "$dir" ]; then
  dir="$(mktemp -d /tmp/anvil-pg-XXXXXX)"
else
  mkdir -p "$dir"
fi
dir="$(cd "$dir" && pwd)"

run=()
if [ "$(id -u)" = "0" ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "pg: running as root and there is no postgres user to run the server as" >&2
    exit 3
  fi
  chown postgres "$dir"
  if command -v runuser >/dev/null 2>&1; then run=(runuser -u postgres --); else run=(su postgres -s /bin/sh -c); fi
fi
as_owner() {
  if [ ${#run[@]} -eq 0 ]; then "$@";
  elif [ "${run[0]}" = "runuser" ]; then "${run[@]}" "$@";
  else "${run[@]}" "$(printf '%q ' "$@")"; fi
}

if [ ! -f "$dir/data/PG_VERSION" ]; then
  as_owner "$bindir/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
    cat "$dir/initdb.log" >&2
    echo "pg: initdb failed" >&2
    exit 4
  }
fi

port="${2:-55432}"
for attempt in $(seq 1 20); do
  if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
       -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null 2>&1; then
    echo "$port" > "$dir/port"
    echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres"
    exit 0
  fi
  if [ -n "${2:-}" ]; then break; fi
  port=$((port + 1))
done
tail -n 20 "$dir/server.log" >&2 2>/dev/null || true
echo "pg: the server did not start (last port tried: $port)" >&2
exit 5
