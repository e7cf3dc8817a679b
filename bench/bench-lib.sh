# Sourced by the bench scripts (extract.sh, aot-study.sh), after they set $root (the repository): what they share.
# It sets $shared (the shared folder: $ANVIL_SHARED, else beside the repository) and $work (the bench's own folder:
# $ANVIL_BENCH_DIR, else /tmp/anvil-bench, created), and defines say (a line to standard error) and:
#
#   bench_need_time            installs Debian's 'time' (wall, CPU and peak-memory figures) when it is missing
#   bench_has_corpus SHARED    fails, saying why, when the corpus to build the input from is not there
#   bench_input WORK SHARED    sets $input (a folder of documents) and $single (the same bytes as one file)
#
# The input: copies of every document of SHARED/corpus/dev and SHARED/seeds (both scripts), in turn, until the folder
# holds >= 20 MB; built once per WORK folder (a marker file says it is complete).
shared="${ANVIL_SHARED:-$root/../shared}"
work="${ANVIL_BENCH_DIR:-/tmp/anvil-bench}"
mkdir -p "$work"

say() { printf '%s\n' "$*" >&2; }

bench_need_time() {
  [ -x /usr/bin/time ] && return 0
  say "bench: installing Debian's 'time' for CPU and peak-memory figures"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null
}

bench_has_corpus() {
  [ -d "$1/corpus/dev" ] && return 0
  say "bench: $1/corpus/dev not found (set ANVIL_SHARED to the shared folder); nothing to measure"
  return 2
}

bench_input() {
  local work="$1" shared="$2" target=20000000 n=0 size=0 f
  input="$work/input"
  single="$work/input.txt"
  bench_has_corpus "$shared" || return 2
  [ -f "$work/.input-ready" ] && return 0
  rm -rf "$input" "$single"; mkdir -p "$input"
  while [ "$size" -lt "$target" ]; do
    for f in "$shared"/corpus/dev/*.txt "$shared"/seeds/*.txt; do
      n=$((n + 1)); cp "$f" "$input/$(printf '%05d' "$n")-$(basename "$f")"
      size=$((size + $(stat -c %s "$f")))
    done
  done
  cat "$input"/*.txt > "$single"
  touch "$work/.input-ready"
}
