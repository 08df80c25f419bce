/**
 * A national list of units as the portal names them, for benches of the gazetteer and the message reader:
 * 34 provinces, 3,321 xã/phường/đặc khu and 517 sở/ban/ngành (3,872 units). Phú Thọ keeps its 163 real
 * units (samples/portal/2026-08/transparency.json); the other provinces get communes whose names recombine
 * the syllables of Phú Thọ's ("Hy Cương", "Nông Trang" → "Hy Trang", "Nông Cương"), a few names shared
 * with a commune of another province (the portal then appends " - Tỉnh X", as it does for "Lâm Thao"), and
 * Phú Thọ's fifteen departments. Deterministic: one seed, the same list on every run.
 */
import { readFileSync } from 'node:fs';
import type { GazetteerUnit } from '../src/domain/gazetteer.js';
import { inferUnitKind, unitNameKey, type UnitKind } from '../src/domain/units.js';
import { PROVINCES } from '../tests/helpers/provinces.js';

export const NATIONAL_PROVINCES = 34;
export const NATIONAL_COMMUNES = 3321;
export const NATIONAL_DEPARTMENTS = 517;

const SAMPLE = new URL('../samples/portal/2026-08/transparency.json', import.meta.url);


/** The 13 đặc khu, by their real names, in their provinces. */
const SPECIAL_ZONES: readonly [string, string][] = [
  ['Quảng Ninh', 'Vân Đồn'],
  ['Quảng Ninh', 'Cô Tô'],
  ['Hải Phòng', 'Cát Hải'],
  ['Hải Phòng', 'Bạch Long Vĩ'],
  ['Quảng Trị', 'Cồn Cỏ'],
  ['Quảng Ngãi', 'Lý Sơn'],
  ['Đà Nẵng', 'Hoàng Sa'],
  ['Khánh Hòa', 'Trường Sa'],
  ['Lâm Đồng', 'Phú Quý'],
  ['Hồ Chí Minh', 'Côn Đảo'],
  ['An Giang', 'Phú Quốc'],
  ['An Giang', 'Kiên Hải'],
  ['An Giang', 'Thổ Châu'],
];

/** Departments some provinces have beyond the fifteen every one has: 34 × 15 + 7 = 517. */
const EXTRA_DEPARTMENTS: readonly [string, string][] = [
  ['Hà Nội', 'Sở Du lịch'],
  ['Hà Nội', 'Sở Quy hoạch - Kiến trúc'],
  ['Hồ Chí Minh', 'Sở Du lịch'],
  ['Hồ Chí Minh', 'Sở An toàn thực phẩm'],
  ['Quảng Ninh', 'Sở Du lịch'],
  ['Quảng Ninh', 'Ban quản lý Khu kinh tế'],
  ['Đà Nẵng', 'Sở Du lịch'],
];

/** Share of communes that are phường: high in the cities. */
const WARD_SHARE = { city: 0.45, province: 0.14 };
/** Share of generated communes whose name another province's commune already has. */
const SHARED_NAME_SHARE = 0.03;
/** Share of generated names with a third word, as "Tam Dương Bắc". */
const THIRD_WORD_SHARE = 0.02;
const THIRD_WORDS = ['Bắc', 'Nam', 'Đông', 'Tây', 'Thượng', 'Hạ'];

/** mulberry32: a small seeded generator, so that every run makes the same list. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** The real Phú Thọ units, as the portal names them. */
export function phuThoNames(): string[] {
  const json = JSON.parse(readFileSync(SAMPLE, 'utf8')) as { data: { evaluation: { departmentName: string }[] } };
  return json.data.evaluation.map((e) => e.departmentName);
}

/** "UBND xã Lâm Thao - Tỉnh Phú Thọ" → "Lâm Thao"; "Sở Y tế - Tỉnh Phú Thọ" → "Sở Y tế". */
function withoutProvince(name: string): string {
  return name.replace(/\s+-\s+(?:Tỉnh|Thành phố|tỉnh|thành phố)\s+.+$/u, '');
}

function communeCore(name: string): string {
  return withoutProvince(name).replace(/^UBND\s+(?:xã|Xã|phường|Phường|đặc khu)\s+/u, '');
}

function provinceLabel(province: { name: string; city: boolean }): string {
  return `${province.city ? 'Thành phố' : 'Tỉnh'} ${province.name}`;
}

export interface NationalUnits {
  units: GazetteerUnit[];
  /** Each unit's name without its kind or province ("Hy Cương", "Sở Y tế"), as people write it. */
  core: Map<number, string>;
  /** Each province's name ("Phú Thọ") by its id. */
  provinceName: Map<number, string>;
}

export function nationalUnits(seed = 766): NationalUnits {
  const random = seededRandom(seed);
  const real = phuThoNames();
  const realDepartments = real.filter((n) => inferUnitKind(n, 'PROVINCE') === 'so-nganh');
  const realCommunes = real.filter((n) => !realDepartments.includes(n));
  const departmentHeads = realDepartments.map(withoutProvince);

  // Syllables by place, from Phú Thọ's two-word names.
  const firsts: string[] = [];
  const seconds: string[] = [];
  for (const name of realCommunes) {
    const words = communeCore(name).split(' ');
    if (words.length !== 2) continue;
    firsts.push(words[0] ?? '');
    seconds.push(words[1] ?? '');
  }

  const units: GazetteerUnit[] = [];
  const core = new Map<number, string>();
  const provinceName = new Map<number, string>();
  const add = (name: string, kind: UnitKind, parentId: number | null, code: string, coreName: string): GazetteerUnit => {
    const unit: GazetteerUnit = { id: units.length + 1, name, code, kind, parentId };
    units.push(unit);
    core.set(unit.id, coreName);
    return unit;
  };

  const provinces = PROVINCES.map((p) => {
    const unit = add(p.fullName, 'tinh', null, p.code, p.name);
    provinceName.set(unit.id, p.name);
    return unit;
  });

  // Communes: Phú Thọ's own, then the rest of 3,321 spread over the other 33 provinces.
  const taken = new Set<string>(PROVINCES.map((p) => unitNameKey(p.name)));
  const communes: { province: number; core: string; kind: UnitKind; given?: string }[] = [];
  for (const name of realCommunes) {
    const kind = inferUnitKind(name, 'COMMUNE');
    communes.push({ province: 0, core: communeCore(name), kind, given: name });
    taken.add(unitNameKey(communeCore(name)));
  }
  // The real names the portal marks as shared ("Lâm Thao - Tỉnh Phú Thọ") have their twin elsewhere.
  const sharedPool = realCommunes.filter((n) => / - /.test(n)).map(communeCore);
  const generatedPool: string[] = [];
  for (const [province, zone] of SPECIAL_ZONES) {
    communes.push({ province: PROVINCES.findIndex((p) => p.name === province), core: zone, kind: 'dac-khu' });
    taken.add(unitNameKey(zone));
  }
  const remaining = NATIONAL_COMMUNES - communes.length;
  const others = PROVINCES.length - 1;
  for (let p = 1; p < PROVINCES.length; p++) {
    const count = Math.floor(remaining / others) + (p <= remaining % others ? 1 : 0);
    const wardShare = PROVINCES[p]?.city ? WARD_SHARE.city : WARD_SHARE.province;
    const here = new Set<string>();
    for (let k = 0; k < count; k++) {
      const kind: UnitKind = random() < wardShare ? 'phuong' : 'xa';
      let name: string | undefined;
      if (random() < SHARED_NAME_SHARE && (sharedPool.length > 0 || generatedPool.length > 0)) {
        const candidate = pick(random, random() < 0.3 && sharedPool.length > 0 ? sharedPool : generatedPool.length > 0 ? generatedPool : sharedPool);
        if (!here.has(unitNameKey(candidate))) name = candidate;
      }
      while (name === undefined) {
        let candidate = `${pick(random, firsts)} ${pick(random, seconds)}`;
        if (random() < THIRD_WORD_SHARE) candidate += ` ${pick(random, THIRD_WORDS)}`;
        const key = unitNameKey(candidate);
        // Not a name already given, nor "Hy Hy".
        if (taken.has(key) || new Set(key.split(' ')).size < key.split(' ').length) continue;
        taken.add(key);
        generatedPool.push(candidate);
        name = candidate;
      }
      here.add(unitNameKey(name));
      communes.push({ province: p, core: name, kind });
    }
  }

  // The portal appends the province to a name that repeats in the country.
  const seen = new Map<string, number>();
  for (const c of communes) seen.set(unitNameKey(c.core), (seen.get(unitNameKey(c.core)) ?? 0) + 1);
  const serial = new Map<number, number>();
  for (const c of communes) {
    const province = provinces[c.province];
    const place = PROVINCES[c.province];
    if (!province || !place) throw new Error('commune without a province');
    const n = (serial.get(c.province) ?? 0) + 1;
    serial.set(c.province, n);
    const label = c.kind === 'phuong' ? (random() < 0.5 ? 'Phường' : 'phường') : c.kind === 'dac-khu' ? 'đặc khu' : 'xã';
    const shared = (seen.get(unitNameKey(c.core)) ?? 0) > 1;
    const name = c.given ?? `UBND ${label} ${c.core}${shared ? ` - ${provinceLabel(place)}` : ''}`;
    add(name, c.kind, province.id, `${province.code}.${100 + n}`, c.core);
  }

  // Fifteen departments in every province, seven more in a few.
  for (const [p, place] of PROVINCES.entries()) {
    const province = provinces[p];
    if (!province) continue;
    const heads = [...departmentHeads, ...EXTRA_DEPARTMENTS.filter(([where]) => where === place.name).map(([, head]) => head)];
    for (const head of heads) {
      const n = (serial.get(p) ?? 0) + 1;
      serial.set(p, n);
      add(`${head} - ${provinceLabel(place)}`, 'so-nganh', province.id, `${province.code}.${100 + n}`, head);
    }
  }
  return { units, core, provinceName };
}
