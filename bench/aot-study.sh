#!/usr/bin/env bash
# Would compiling extraction ahead of time with NativeAOT make one-thread `anvil extract` substantially faster?
# (bench/aot-study.md has the figures and the conclusion.)
#
#   bench/aot-study.sh [RUNS]     (default 5 rounds; every configuration runs once a round, in turns)
#
# Publishes src/Anvil.NativeExtract (the native extract ./anvil hands `extract` to) with NativeAOT in five
# variants: the default, x86-64-v3 code (AVX2, as ./anvil's ReadyToRun code), OptimizationPreference=Speed, both, and
# both with LINQ's speed-optimised implementation (UseSizeOptimizedLinq=false).
# Checks that each writes byte for byte what the managed `ANVIL_NATIVE=0 ./anvil extract INPUT --threads 1` writes, then
# times, in turns, on bench/extract.sh's 20.3 MB input: those five, the managed CLI (ReadyToRun, tiering on)
# and the same with DOTNET_TieredCompilation=0 (ReadyToRun code plus a full compile of what it lacks, no recompiling);
# then start-up on a one-line file. Prints, per configuration, median and best wall time, median CPU (user + sys),
# MB/s and peak memory; every run's figures, with the load average when its round began, go to WORK/aot-times.tsv.
# The study first built its own copy of the extraction loop (bench/Anvil.AotExtract); the shipped project replaced it.
# Each variant is published here into WORK/aot, apart from ./anvil's own build. The native link uses clang, or gcc
# where clang is missing (the SDK picks); NativeAOT publishing needs nothing else here.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-5}"
# shellcheck source=bench/bench-lib.sh
. "$root/bench/bench-lib.sh"
aot="$work/aot"
mkdir -p "$aot"
bench_need_time
bench_input "$work" "$shared"
bytes=$(cat "$input"/*.txt | wc -c)

# --- build ---------------------------------------------------------------------------------------------------
project="$root/src/Anvil.NativeExtract/Anvil.NativeExtract.csproj"
variants=(default v3 speed v3-speed v3-speed-linq)
variant_props() {
  case "$1" in
    # the project asks for Speed itself: an empty value is the compiler's default again
    default) echo "-p:OptimizationPreference=" ;;
    v3) echo "-p:IlcInstructionSet=x86-64-v3 -p:OptimizationPreference=" ;;
    speed) echo "-p:OptimizationPreference=Speed" ;;
    v3-speed) echo "-p:IlcInstructionSet=x86-64-v3 -p:OptimizationPreference=Speed" ;;
    # NativeAOT builds LINQ's smaller, slower implementation unless told otherwise (Speed does not change that)
    v3-speed-linq) echo "-p:IlcInstructionSet=x86-64-v3 -p:OptimizationPreference=Speed -p:UseSizeOptimizedLinq=false" ;;
  esac
}
# a variant is rebuilt when its binary is older than any source it is compiled from
stale() {
  local binary="$aot/$1/anvil-native-extract"
  [ ! -x "$binary" ] || [ -n "$(find "$root/src/Anvil.Core" "$root/src/Anvil.Data" "$root/src/Anvil.NativeExtract" \
      "$root/src/Anvil.Cli/Commands/InputFiles.cs" "$root/src/Anvil.Cli/Commands/ExtractRun.cs" \
      "$root/src/Anvil.Cli/CommandLine/CliErrors.cs" "$root/Directory.Build.props" "$root/Directory.Packages.props" \
      -type d \( -name bin -o -name obj \) -prune -o -newer "$binary" -type f -print -quit)" ]
}
for v in "${variants[@]}"; do
  if stale "$v"; then
    say "aot-study: publishing the NativeAOT variant '$v' (a few minutes on two cores)..."
    started=$(date +%s)
    # each variant keeps its own native intermediates, so a second run of this script rebuilds only what changed
    # shellcheck disable=SC2046
    dotnet publish "$project" -c Release -r linux-x64 -o "$aot/$v" --nologo -v q \
      -p:NativeIntermediateOutputPath="$aot/obj-$v/" $(variant_props "$v") >&2
    say "aot-study: '$v' built in $(( $(date +%s) - started )) s, $(( $(stat -c %s "$aot/$v/anvil-native-extract") / 1048576 )) MB"
  fi
done

# --- configurations ----------------------------------------------------------------------------------------------
configs=(cli cli-tc0 "${variants[@]/#/aot-}")
# sets cmd to the command line of a configuration, its input last
command_of() {
  case "$1" in
    # ./anvil hands extract to its own native build unless told not to: these two are the managed CLI
    cli) cmd=(env ANVIL_NATIVE=0 "$root/anvil" extract --threads 1) ;;
    cli-tc0) cmd=(env ANVIL_NATIVE=0 DOTNET_TieredCompilation=0 "$root/anvil" extract --threads 1) ;;
    aot-*) cmd=("$aot/${1#aot-}/anvil-native-extract" extract --threads 1) ;;
  esac
}

# --- same output ---------------------------------------------------------------------------------------------
ANVIL_NATIVE=0 "$root/anvil" extract "$root/samples" >/dev/null 2>&1 || true # builds the CLI if its sources changed, outside the timings
different=0
for c in "${configs[@]}"; do
  command_of "$c"
  "${cmd[@]}" "$input" > "$work/aot-$c.jsonl" 2>/dev/null
  if [ "$c" != cli ] && ! cmp -s "$work/aot-cli.jsonl" "$work/aot-$c.jsonl"; then
    say "aot-study: $c writes other output than the managed ./anvil extract --threads 1 (see $work/aot-$c.jsonl)"
    different=1
  fi
done
[ "$different" = 0 ] && say "aot-study: all ${#configs[@]} configurations write byte-identical output ($(wc -c < "$work/aot-cli.jsonl") bytes)"

# --- timings, in turns ---------------------------------------------------------------------------------------
# a one-line document of the script's own words: start-up is what a run pays before and after its documents
one_line="$work/aot-one-line.txt"
printf '%s\n' '2024年，示例市新设企业120家，同比增长5.2%。' > "$one_line"
times="$work/aot-times.tsv"
printf 'what\tconfig\tround\tload\twall\tuser\tsys\tpeak_kb\n' > "$times"
timed() { # what config round load input
  command_of "$2"
  /usr/bin/time -f '%e %U %S %M' -o "$work/aot-time.$$" "${cmd[@]}" "$5" >/dev/null 2>&1 || true
  read -r wall user sys peak < <(tail -n 1 "$work/aot-time.$$")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$wall" "$user" "$sys" "$peak" >> "$times"
}
n=${#configs[@]}
for what in extract start-up; do
  [ "$what" = extract ] && file="$input" || file="$one_line"
  for round in $(seq "$runs"); do
    load=$(cut -d' ' -f1 /proc/loadavg)
    say "aot-study: $what, round $round of $runs, load $load"
    # each round starts one configuration later, so none always runs first (after a pause) or last
    for i in $(seq 0 $((n - 1))); do
      timed "$what" "${configs[$(( (i + round) % n ))]}" "$round" "$load" "$file"
    done
  done
done
rm -f "$work/aot-time.$$"

# --- table ---------------------------------------------------------------------------------------------------
printf '\nOne-thread extraction of %s MB (%s documents), %s rounds in turns; load average %s at the rounds'"'"' starts\n' \
  "$(awk -v b="$bytes" 'BEGIN{printf "%.1f", b/1e6}')" "$(ls "$input" | wc -l)" "$runs" \
  "$(awk -F'\t' 'NR > 1 && $1 == "extract" {print $4}' "$times" | sort -g | awk '{a[NR]=$1} END{print a[1] "-" a[NR]}')"
awk -F'\t' -v bytes="$bytes" -v order="${configs[*]}" '
  function sorted(list, a,   k, i, j, x) { # into a[1..k], ascending (an insertion sort: mawk has no asort)
    k = split(list, a, " ")
    for (i = 2; i <= k; i++) { x = a[i] + 0; for (j = i - 1; j >= 1 && a[j] + 0 > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
    return k
  }
  function median(list,   a, k) { k = sorted(list, a); return k % 2 ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2 }
  function least(list,   a) { sorted(list, a); return a[1] }
  NR > 1 {
    key = $1 SUBSEP $2
    wall[key] = wall[key] " " $5; cpu[key] = cpu[key] " " ($6 + $7)
    if ($1 == "extract" && $8 > peak[$2]) peak[$2] = $8
  }
  END {
    printf "%-17s %9s %9s %9s %9s %9s %8s %10s %10s\n", "config", "wall med", "wall best", "CPU med", "MB/s med", "MB/s best", "peak MB", "start wall", "start CPU"
    n = split(order, names, " ")
    for (i = 1; i <= n; i++) {
      c = names[i]; e = "extract" SUBSEP c; s = "start-up" SUBSEP c
      w = median(wall[e]); b = least(wall[e])
      printf "%-17s %9.2f %9.2f %9.2f %9.2f %9.2f %8d %10.3f %10.3f\n", c, w, b, median(cpu[e]), bytes / 1e6 / w, bytes / 1e6 / b,
        peak[c] / 1024, median(wall[s]), median(cpu[s])
    }
  }' "$times"
printf '\ncli: ANVIL_NATIVE=0 ./anvil extract --threads 1 (the managed CLI: ReadyToRun, tiering); cli-tc0: the same with DOTNET_TieredCompilation=0;\n'
printf 'aot-*: src/Anvil.NativeExtract published with NativeAOT (default; IlcInstructionSet=x86-64-v3; OptimizationPreference=Speed;\n'
printf 'both; both and UseSizeOptimizedLinq=false).\n'
printf 'CPU is user + sys of the whole process (every thread). Every run: %s\n' "$times"
exit "$different"
