#!/usr/bin/env bash
# Named-entity benchmarks, all from the held-out splits beside the repository (../shared/benchmarks, or
# $ANVIL_SHARED/benchmarks when that is set):
#   1. CLUENER2020 dev, the five types Anvil shares (address, company, government, organization, name),
#      exact spans, from `anvil extract` output (bench/cluener_eval.py);
#   2. MSRA NER test, PER/LOC/ORG, exact spans, from `anvil extract` output (bench/msra_eval.py);
#   3. with --model: the name tagger ALONE on the same two sets (no lexicons, patterns, gating or
#      canonical names; bench/Anvil.Training `evaluate`), to show what the statistical part does by itself.
# The tagger is trained on CLUENER2020 train and People's Daily dev+test only, never on these splits.
#
#   bench/ner_eval.sh [--model]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
echo "== CLUENER2020 dev, anvil extract (5 shared types)"
python3 "$root/bench/cluener_eval.py"
echo "== MSRA NER test, anvil extract (PER/LOC/ORG)"
python3 "$root/bench/msra_eval.py"
echo "== the same with anvil extract --thorough (the tagger on every clause)"
python3 "$root/bench/cluener_eval.py" --thorough | tail -1
python3 "$root/bench/msra_eval.py" --thorough | tail -1
if [[ "${1:-}" == "--model" ]]; then
  echo "== the name tagger alone (not what extraction outputs)"
  dotnet run -c Release --project "$root/bench/Anvil.Training" -- evaluate "${ANVIL_SHARED:-$root/../shared}/benchmarks"
fi
