/**
 * A question settled enough to answer, carried by a button: "which Phú Thọ?" answered by a tap, a
 * nearby period offered when the asked one has no data. Encoded within Telegram's 64 bytes:
 * `q:<intent>:<unit ids>:<period>:<group>:<kind>`, e.g. `q:r:123:m8::` (the rank of unit 123 in August).
 */
import type { GroupKey } from './framework.js';
import { parsePeriodKey, periodKey, type PeriodQuery } from './period.js';
import type { QuestionIntent } from './question.js';
import type { UnitKind } from './units.js';

export interface SettledQuestion {
  intent: QuestionIntent;
  /** The units named, chosen: empty means the chat's own. */
  unitIds: number[];
  period: PeriodQuery;
  group: GroupKey | null;
  /** "phường nào…": the kind of units asked about. */
  unitKind: UnitKind | null;
}

const INTENT_CODES: Record<QuestionIntent, string> = { score: 's', detail: 'd', rank: 'r', ranking: 'l', weakest: 'w', top: 't', bottom: 'b', compare: 'c' };
const GROUPS: readonly GroupKey[] = ['CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'CCDVTT', 'MDHL', 'MDSH'];
const KINDS: readonly UnitKind[] = ['tinh', 'so-nganh', 'huyen', 'xa', 'phuong', 'dac-khu', 'khac'];

function encodePeriod(q: PeriodQuery): string {
  switch (q.kind) {
    case 'latest':
      return '';
    case 'year':
      return String(q.year);
    case 'month':
      return q.year === undefined ? `m${q.month}` : periodKey({ kind: 'month', month: q.month, year: q.year });
    case 'quarter':
      return q.year === undefined ? `q${q.quarter}` : periodKey({ kind: 'quarter', quarter: q.quarter, year: q.year });
  }
}

function decodePeriod(text: string): PeriodQuery | null {
  if (text === '') return { kind: 'latest' };
  const yearless = /^([mq])(\d{1,2})$/.exec(text);
  if (yearless) {
    const n = Number(yearless[2]);
    if (yearless[1] === 'm') return n >= 1 && n <= 12 ? { kind: 'month', month: n } : null;
    return n >= 1 && n <= 4 ? { kind: 'quarter', quarter: n } : null;
  }
  return parsePeriodKey(text);
}

/** Telegram refuses a button whose data is longer. */
export const MAX_ACTION_BYTES = 64;

export function encodeQuestion(q: SettledQuestion): string {
  const action = ['q', INTENT_CODES[q.intent], q.unitIds.join('.'), encodePeriod(q.period), q.group ?? '', q.unitKind ?? ''].join(':');
  if (new TextEncoder().encode(action).length > MAX_ACTION_BYTES) throw new Error(`question action over ${MAX_ACTION_BYTES} bytes: ${action}`);
  return action;
}

/** The question a button carries; null for data that is not one (an older button, a forged tap). */
export function decodeQuestion(action: string): SettledQuestion | null {
  const [prefix, intentCode, ids, period, group, kind, ...extra] = action.split(':');
  if (prefix !== 'q' || extra.length > 0 || ids === undefined || period === undefined || group === undefined || kind === undefined) return null;
  const intent = (Object.keys(INTENT_CODES) as QuestionIntent[]).find((i) => INTENT_CODES[i] === intentCode);
  const unitIds = ids === '' ? [] : ids.split('.').map(Number);
  const decodedPeriod = decodePeriod(period);
  if (!intent || unitIds.some((id) => !Number.isSafeInteger(id) || id <= 0) || !decodedPeriod) return null;
  if (group !== '' && !GROUPS.includes(group as GroupKey)) return null;
  if (kind !== '' && !KINDS.includes(kind as UnitKind)) return null;
  return { intent, unitIds, period: decodedPeriod, group: group === '' ? null : (group as GroupKey), unitKind: kind === '' ? null : (kind as UnitKind) };
}
