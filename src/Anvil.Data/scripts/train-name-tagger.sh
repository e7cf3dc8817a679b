#!/usr/bin/env bash
# Trains Anvil's name tagger (src/Anvil.Data/data/entities/name-tagger.bin): an averaged structured
# perceptron over characters (bench/Anvil.Training, features in Anvil.Core's NameFeatures), on the public
# NER corpora beside the repository in ../shared/benchmarks (see each folder's MANIFEST.tsv):
#   cluener2020/train.json          CLUENER2020 train (10,748 sentences): name, address, company,
#                                   government, organization (other types are outside)
#   peoples-daily-ner/example.dev   People's Daily 1998 NER, dev and test splits (6,954 sentences):
#   peoples-daily-ner/example.test  PER, LOC, ORG (an ORG may be a company, a body or an organisation)
# Never on CLUENER2020 dev or MSRA test: those are for reporting (bench/ner_eval.sh).
#
#   src/Anvil.Data/scripts/train-name-tagger.sh [EPOCHS=12] [KEEP_ABOVE=3]
#
# Deterministic (fixed seed, fixed order): the same corpora and code give the same file. It also prints
# the model alone on CLUENER2020 dev and MSRA test. Takes a minute or two on two cores. Needs dotnet.
# Rebuild words.bin first (derive-words.sh) if it changed: the tagger reads its word boundaries.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
# the corpora: $ANVIL_BENCHMARKS, else $ANVIL_SHARED/benchmarks (as bench/ner_eval.sh reads them), else beside the repository
benchmarks="${ANVIL_BENCHMARKS:-${ANVIL_SHARED:-$repo/../shared}/benchmarks}"
out="$repo/src/Anvil.Data/data/entities/name-tagger.bin"
[[ -f "$benchmarks/cluener2020/train.json" ]] || { echo "train-name-tagger: $benchmarks/cluener2020/train.json not found" >&2; exit 2; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/header.txt" <<TXT
Anvil name tagger (averaged structured perceptron, features version in NameFeatures), trained by
src/Anvil.Data/scripts/train-name-tagger.sh on:
- CLUENER2020 train split (CLUEbenchmark; copy from itnlp606/cluener data/train.json at 353aac2543921fd669a8251bb5bd946f8bc42b91); licence: none stated
- People's Daily 1998 NER dev and test splits (copy from zjy-ucas/ChineseNER data/example.dev, example.test at 48e1007e60194c13377f8ce612c505d484b18c7d); licence: none stated (research corpus)
Features also read Anvil's lexicons and the word dictionary derived from jieba (MIT). See entities/name-tagger.md.
TXT
dotnet run -c Release --project "$repo/bench/Anvil.Training" -- train "$benchmarks" "$out" "$work/header.txt" "${1:-12}" "${2:-3}"
