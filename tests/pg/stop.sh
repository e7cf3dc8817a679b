#!/usr/bin/env bash
# Stops a cluster started by tests/pg/start.sh and removes its folder: tests/pg/stop.sh DIR
set -uo pipefail
dir="${1:?usage: tests/pg/stop.sh DIR}"
[ -d "$dir/data" ] || { rm -rf "$dir"; exit 0; }
bindir=""
if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/pg_ctl" ]; then
  bindir="$(pg_config --bindir)"
else
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/pg_ctl" ]; then bindir="$d"; break; fi
  done
fi
if [ -n "$bindir" ]; then
  if [ "$(id -u)" = "0" ] && command -v runuser >/dev/null 2>&1; then
    runuser -u postgres -- "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
  elif [ "$(id -u)" = "0" ]; then
    su postgres -s /bin/sh -c "'$bindir/pg_ctl' -D '$dir/data' -m immediate -w stop" >/dev/null 2>&1
  else
    "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1
  fi
fi
rm -rf "$dir"
