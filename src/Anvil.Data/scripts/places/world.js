// Writes world.tsv to standard output from the i18n-iso-countries package unpacked at $ISO.
// Called by ../derive-places.sh.
'use strict';
const fs = require('fs');

const load = (f) => JSON.parse(fs.readFileSync(process.env.ISO + '/' + f, 'utf8'));
const zh = load('langs/zh.json').countries;
const en = load('langs/en.json').countries;
const codes = load('codes.json'); // [alpha2, alpha3, numeric]

const first = (v) => (Array.isArray(v) ? v[0] : v);

const out = [
  `# Countries and territories of ISO 3166-1 with their Chinese (Simplified) names.`,
  `# Derived from npm ${process.env.SPEC} (files codes.json, langs/zh.json, langs/en.json).`,
  `# Licence: MIT; text in LICENSE.i18n-iso-countries beside this file.`,
  `# Regenerate with src/Anvil.Data/scripts/derive-places.sh; do not edit by hand.`,
  `# Columns: alpha2<TAB>alpha3<TAB>numeric<TAB>name<TAB>english`,
  `#   name     the package's Chinese name (its first, where it gives several); english likewise`,
];
for (const [alpha2, alpha3, numeric] of [...codes].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
  const name = first(zh[alpha2]);
  if (!name) throw new Error(`no Chinese name for ${alpha2}`);
  for (const cell of [name, first(en[alpha2])]) {
    if (/[\t\r\n]/.test(cell)) throw new Error(`bad cell for ${alpha2}: ${cell}`);
  }
  out.push([alpha2, alpha3, numeric, name, first(en[alpha2])].join('\t'));
}
process.stdout.write(out.join('\n') + '\n');
