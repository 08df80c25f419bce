/**
 * Units (đơn vị) and their names. People name a unit loosely: "Bần Yên Nhân", "phuong ban yen nhan",
 * "P. Bần Yên Nhân", "UBND phường Bần Yên Nhân" all mean one unit; its name key is "ban yen nhan".
 */
import { foldWords } from './text.js';

export type UnitKind = 'tinh' | 'so-nganh' | 'huyen' | 'xa' | 'phuong' | 'dac-khu' | 'khac';

/** Where a unit sits in the tree: its id and the ids of every unit above it. */
export interface UnitPlace {
  id: number;
  ancestors: readonly number[];
}

export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
  tinh: 'tỉnh/thành phố',
  'so-nganh': 'sở, ban, ngành',
  huyen: 'huyện/thị xã/thành phố',
  xa: 'xã',
  phuong: 'phường',
  'dac-khu': 'đặc khu',
  khac: 'đơn vị',
};

/** Units compared with each other under one parent: communes with communes, departments with departments. */
export const PEER_GROUPS = { commune: ['xa', 'phuong', 'dac-khu'], department: ['so-nganh'], district: ['huyen'], province: ['tinh'], other: ['khac'] } as const satisfies Record<string, readonly UnitKind[]>;
export type PeerGroup = keyof typeof PEER_GROUPS;

export function peerGroupOf(kind: UnitKind): PeerGroup {
  return (Object.keys(PEER_GROUPS) as PeerGroup[]).find((group) => (PEER_GROUPS[group] as readonly UnitKind[]).includes(kind)) ?? 'other';
}

/** Prefixes that say what kind of unit follows, longest first; folded. */
export const KIND_PREFIXES: readonly [string, UnitKind][] = [
  ['thanh pho', 'huyen'],
  ['thi tran', 'xa'],
  ['thi xa', 'huyen'],
  ['dac khu', 'dac-khu'],
  ['huyen', 'huyen'],
  ['quan', 'huyen'],
  ['tinh', 'tinh'],
  ['phuong', 'phuong'],
  ['tp', 'huyen'],
  ['tx', 'huyen'],
  ['xa', 'xa'],
  ['p', 'phuong'],
  ['x', 'xa'],
  ['so', 'so-nganh'],
];

const LEADING_NOISE = /^(?:ubnd|uy ban nhan dan|don vi)\s+/;

function splitName(name: string): { kind: UnitKind | null; core: string } {
  // "UBND xã Lâm Thao - Tỉnh Phú Thọ": the portal appends the province.
  let words = foldWords(name.replace(/\s+-\s+(?:Tỉnh|Thành phố|tỉnh|thành phố)\s+.+$/u, ''));
  while (LEADING_NOISE.test(words)) words = words.replace(LEADING_NOISE, '');
  for (const [prefix, kind] of KIND_PREFIXES) {
    if (words.startsWith(prefix + ' ')) return { kind, core: words.slice(prefix.length + 1).trim() };
  }
  return { kind: null, core: words };
}

/** The words that identify a unit among others, without its kind: "UBND Phường Việt Trì" → "viet tri". */
export function unitNameKey(name: string): string {
  const { kind, core } = splitName(name);
  // A sở keeps its full name: "so cong thuong" must not collide with a commune called "Công Thương".
  return kind === 'so-nganh' ? `so ${core}` : core;
}

/** What a name says about the kind of unit, if anything. */
export function unitKindHint(name: string): UnitKind | null {
  return splitName(name).kind;
}

/** Kind of a unit from the portal's level and its name. */
export function inferUnitKind(name: string, level?: string | null): UnitKind {
  const hint = unitKindHint(name);
  if (hint) return hint;
  if (level === 'PROVINCE') return 'so-nganh';
  if (level === 'COMMUNE') return 'xa';
  return 'khac';
}
