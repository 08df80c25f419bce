/**
 * What a button does, as data: every action any feature puts under a reply, encoded and decoded
 * here and nowhere else, within Telegram's 64 bytes (and carried as a numbered choice on channels
 * without buttons). The text forms are those buttons already sent carry, so old buttons still work:
 * `import:ok:12`, `pubgo:2026-08`, `pub:detail:5:2026-08`, `task:note:3:5`, `sugg:5:2026-08:MDSH`,
 * and a settled question `q:<intent>:<unit ids>:<period>:<group>:<kind>[:q][:nN]` (`q:r:123:m8::`: the rank of
 * unit 123 in August; a period is a key, or `m8`, `q3`, `w3` without a year; `:q` a trend by quarters;
 * `:n5` five units listed).
 */
import type { GroupKey } from './framework.js';
import { parsePeriodKey, periodKey, type PeriodQuery } from './period.js';
import { isProvinceCode, NATIONAL_LIST } from './portal-requests.js';
import type { QuestionIntent, TrendScale } from './question.js';
import type { UnitKind } from './units.js';

export interface SettledQuestion {
  intent: QuestionIntent;
  /** The units named, chosen: empty means the chat's own. */
  unitIds: number[];
  period: PeriodQuery;
  group: GroupKey | null;
  /** "phường nào…": the kind of units asked about. */
  unitKind: UnitKind | null;
  /** A trend by quarters rather than months. */
  scale?: TrendScale;
  /** "toàn quốc", "các tỉnh": asked among the provinces nationwide. */
  national?: boolean;
  /** "top 5": how many units are listed. */
  count?: number;
  /** "so với tháng 5": the period compared with, said when it is not the one before (a button does not carry it). */
  against?: PeriodQuery;
}

const INTENT_CODES: Record<QuestionIntent, string> = { score: 's', detail: 'd', rank: 'r', ranking: 'l', weakest: 'w', top: 't', bottom: 'b', compare: 'c', trend: 'h', 'ranking-chart': 'g' };
const GROUPS: readonly GroupKey[] = ['CKMB', 'TDGQ', 'CLGQ', 'TTTT', 'CCDVTT', 'MDHL', 'MDSH'];
const KINDS: readonly UnitKind[] = ['tinh', 'so-nganh', 'huyen', 'xa', 'phuong', 'dac-khu', 'khac'];
/** In a question's kind slot: the provinces nationwide. */
const NATIONAL_KIND = 'vn';

/** A period as asked, in a button's data: `2026-08`, `m8` (August, the latest with data), `` (the latest). */
export function encodePeriodQuery(q: PeriodQuery): string {
  switch (q.kind) {
    case 'latest':
      return '';
    case 'year':
      return String(q.year);
    case 'month':
      return q.year === undefined ? `m${q.month}` : periodKey({ kind: 'month', month: q.month, year: q.year });
    case 'quarter':
      return q.year === undefined ? `q${q.quarter}` : periodKey({ kind: 'quarter', quarter: q.quarter, year: q.year });
    case 'week':
      return q.year === undefined ? `w${q.week}` : periodKey({ kind: 'week', week: q.week, year: q.year });
  }
}

function decodePeriod(text: string): PeriodQuery | null {
  if (text === '') return { kind: 'latest' };
  const yearless = /^([mqw])(\d{1,2})$/.exec(text);
  if (yearless) {
    const n = Number(yearless[2]);
    if (yearless[1] === 'm') return n >= 1 && n <= 12 ? { kind: 'month', month: n } : null;
    if (yearless[1] === 'w') return n >= 1 && n <= 53 ? { kind: 'week', week: n } : null;
    return n >= 1 && n <= 4 ? { kind: 'quarter', quarter: n } : null;
  }
  return parsePeriodKey(text);
}

export type Action =
  /** Under an import's preview: store it (`force`: accepting the loss it warned of), or drop it. */
  | { kind: 'import'; choice: 'ok' | 'force' | 'no'; draftId: number }
  /** Under a publication's preview. */
  | { kind: 'publish'; period: string }
  | { kind: 'publish-cancel'; period: string }
  /** Under /thuthap's question: collect a province tree's period (or the national list's) from the portal, or not. */
  | { kind: 'collect'; province: string; period: string }
  | { kind: 'collect-cancel'; province: string; period: string }
  /** Under a published card: "Đã nhận", and the views of the card. */
  | { kind: 'card-ack'; period: string }
  | { kind: 'card'; view: 'detail' | 'rank' | 'tasks'; unitId: number; period: string }
  /** Under a task: a status, or a note to write. */
  | { kind: 'task'; step: TaskStep; taskId: number; unitId: number }
  /** A suggested task taken on with one tap. */
  | { kind: 'suggestion'; unitId: number; period: string; group: GroupKey }
  | { kind: 'question'; question: SettledQuestion };

export type TaskStep = 'dang-lam' | 'hoan-thanh' | 'note';

/** Telegram refuses a button whose data is longer. */
export const MAX_ACTION_BYTES = 64;

export function encodeAction(action: Action): string {
  const data = encoded(action);
  if (new TextEncoder().encode(data).length > MAX_ACTION_BYTES) throw new Error(`action over ${MAX_ACTION_BYTES} bytes: ${data}`);
  return data;
}

function encoded(action: Action): string {
  switch (action.kind) {
    case 'import':
      return `import:${action.choice}:${action.draftId}`;
    case 'publish':
      return `pubgo:${action.period}`;
    case 'publish-cancel':
      return `pubno:${action.period}`;
    case 'collect':
      return `colgo:${action.province}:${action.period}`;
    case 'collect-cancel':
      return `colno:${action.province}:${action.period}`;
    case 'card-ack':
      return `pub:ack:${action.period}`;
    case 'card':
      return `pub:${action.view}:${action.unitId}:${action.period}`;
    case 'task':
      return `task:${action.step}:${action.taskId}:${action.unitId}`;
    case 'suggestion':
      return `sugg:${action.unitId}:${action.period}:${action.group}`;
    case 'question': {
      const q = action.question;
      const parts = ['q', INTENT_CODES[q.intent], q.unitIds.join('.'), encodePeriodQuery(q.period), q.group ?? '', q.national ? NATIONAL_KIND : (q.unitKind ?? '')];
      return [...parts, ...(q.scale === 'quarter' ? ['q'] : []), ...(q.count ? [`n${q.count}`] : [])].join(':');
    }
  }
}

const isPeriodKey = (text: string) => parsePeriodKey(text) !== null;
const ID = /^[1-9]\d{0,9}$/;

/** The action a button's data stands for; null for data no button of ours carries (an older version's, a forged tap). */
export function decodeAction(data: string): Action | null {
  const parts = data.split(':');
  const [head, a = '', b = '', c = ''] = parts;
  const id = (text: string) => (ID.test(text) ? Number(text) : null);
  switch (head) {
    case 'import': {
      const draftId = id(b);
      return parts.length === 3 && (a === 'ok' || a === 'force' || a === 'no') && draftId !== null ? { kind: 'import', choice: a, draftId } : null;
    }
    case 'pubgo':
    case 'pubno':
      return parts.length === 2 && isPeriodKey(a) ? { kind: head === 'pubgo' ? 'publish' : 'publish-cancel', period: a } : null;
    case 'colgo':
    case 'colno':
      return parts.length === 3 && (isProvinceCode(a) || a === NATIONAL_LIST) && isPeriodKey(b) ? { kind: head === 'colgo' ? 'collect' : 'collect-cancel', province: a, period: b } : null;
    case 'pub': {
      if (a === 'ack') return parts.length === 3 && isPeriodKey(b) ? { kind: 'card-ack', period: b } : null;
      const unitId = id(b);
      return parts.length === 4 && (a === 'detail' || a === 'rank' || a === 'tasks') && unitId !== null && isPeriodKey(c) ? { kind: 'card', view: a, unitId, period: c } : null;
    }
    case 'task': {
      const taskId = id(b);
      const unitId = id(c);
      return parts.length === 4 && (a === 'dang-lam' || a === 'hoan-thanh' || a === 'note') && taskId !== null && unitId !== null ? { kind: 'task', step: a, taskId, unitId } : null;
    }
    case 'sugg': {
      const unitId = id(a);
      return parts.length === 4 && unitId !== null && isPeriodKey(b) && GROUPS.includes(c as GroupKey) ? { kind: 'suggestion', unitId, period: b, group: c as GroupKey } : null;
    }
    case 'q': {
      const question = decodeQuestion(parts);
      return question ? { kind: 'question', question } : null;
    }
    default:
      return null;
  }
}

function decodeQuestion(parts: readonly string[]): SettledQuestion | null {
  const [, intentCode, ids, period, group, kind, ...tail] = parts;
  const scale = tail[0] === 'q' ? tail.shift() : undefined;
  const count = tail.length === 1 ? /^n([1-9]\d?)$/.exec(tail[0] ?? '') : null;
  if (tail.length > (count ? 1 : 0) || ids === undefined || period === undefined || group === undefined || kind === undefined) return null;
  const intent = (Object.keys(INTENT_CODES) as QuestionIntent[]).find((i) => INTENT_CODES[i] === intentCode);
  const unitIds = ids === '' ? [] : ids.split('.').map(Number);
  const decodedPeriod = decodePeriod(period);
  if (!intent || unitIds.some((id) => !Number.isSafeInteger(id) || id <= 0) || !decodedPeriod) return null;
  if (group !== '' && !GROUPS.includes(group as GroupKey)) return null;
  if (kind !== '' && kind !== NATIONAL_KIND && !KINDS.includes(kind as UnitKind)) return null;
  const national = kind === NATIONAL_KIND;
  const settled: SettledQuestion = {
    intent,
    unitIds,
    period: decodedPeriod,
    group: group === '' ? null : (group as GroupKey),
    unitKind: national ? 'tinh' : kind === '' ? null : (kind as UnitKind),
    ...(national ? { national } : {}),
  };
  return { ...settled, ...(scale ? { scale: 'quarter' as const } : {}), ...(count ? { count: Number(count[1]) } : {}) };
}
