#!/usr/bin/env bash
# The long fuzz run: N generated and mutated inputs (default 100000) through reading, extraction and JSON Lines
# output, each under a time bound, judged as the test suite's short run judges them (tests/Anvil.Core.Tests/
# Fuzzing). Inputs come from a fixed seed, printed, so a run can be repeated exactly.
#
#   bench/fuzz.sh [N] [--seed S] [--timeout SECONDS] [--threads T] [--out DIR]
#
# Seeds: samples/*.txt and, when present, ../shared/corpus/dev/*.txt (read at run time, never copied).
# Failing inputs are saved under artifacts/fuzz/ (override with --out) with a .log beside each; replay them with
#   dotnet bench/Anvil.Fuzz/bin/Release/net10.0/Anvil.Fuzz.dll --replay FILE...
# Exit status: 0 clean, 1 when anything failed (crash, hang, span violation, heap growth, process death).
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

n=100000
if [ $# -gt 0 ] && [[ "$1" =~ ^[0-9]+$ ]]; then
  n="$1"
  shift
fi

out="artifacts/fuzz"
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[$i]}" = "--out" ] && [ $((i + 1)) -lt ${#args[@]} ]; then out="${args[$((i + 1))]}"; fi
done

seeds=(--seeds "$root/samples")
if [ -d "$root/../shared/corpus/dev" ]; then
  seeds+=(--seeds "$root/../shared/corpus/dev")
else
  echo "fuzz: ../shared/corpus/dev is not beside the repository; mutating the samples only" >&2
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
if ! dotnet build bench/Anvil.Fuzz -c Release -v quiet -nologo >/tmp/anvil-fuzz-build.log 2>&1; then
  cat /tmp/anvil-fuzz-build.log >&2
  echo "fuzz: the driver does not build" >&2
  exit 2
fi
driver="bench/Anvil.Fuzz/bin/Release/net10.0/Anvil.Fuzz.dll"

mkdir -p "$out"
dotnet "$driver" --inputs "$n" --out "$out" "${seeds[@]}" "$@"
status=$?
if [ $status -gt 1 ]; then
  # the process died (a stack overflow or a fatal runtime error cannot be caught): save the inputs in flight
  echo "fuzz: the driver died with status $status; saving the inputs it was running" >&2
  inflight=()
  for f in "$out"/inflight-lane*; do
    [ -s "$f" ] && inflight+=("$(tr -d ' ' <"$f")")
  done
  if [ ${#inflight[@]} -gt 0 ]; then
    dotnet "$driver" --out "$out" "${seeds[@]}" "$@" --save-index "${inflight[@]}"
  fi
  exit 1
fi
exit $status
