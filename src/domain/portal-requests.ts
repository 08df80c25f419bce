/**
 * The six requests of the portal's evaluation API for one province tree and one period, as the
 * portal's own page sends them (shared/fixtures/portal/manifest.json): POST, a JSON payload with
 * `timeType` and `year`/`month`/`quarter`, except Mức độ hài lòng, which takes `fromDate`/`toDate`.
 * And the one request of the national list of provinces, which the page sends with the period alone.
 */
import type { GroupKey } from './framework.js';
import { daysInMonth } from './iso-week.js';
import type { Period } from './period.js';
import { NATIONAL_WORDS } from './question-words.js';
import { foldWords } from './text.js';

export interface PortalEndpoint {
  group: GroupKey;
  /** The last part of the address, and the name the response is imported under (`<name>.json`). */
  name: string;
  pageSize: number;
  /** Takes a date range instead of `timeType`. */
  byDates: boolean;
}

/** In the order the collector asks them, one at a time. */
export const PORTAL_ENDPOINTS: readonly PortalEndpoint[] = [
  { group: 'CKMB', name: 'transparency', pageSize: 200, byDates: false },
  { group: 'TDGQ', name: 'dvc-progress-tree', pageSize: 100, byDates: false },
  { group: 'CLGQ', name: 'provide-online-tree', pageSize: 200, byDates: false },
  { group: 'TTTT', name: 'formality-online-payment-tree', pageSize: 100, byDates: false },
  { group: 'MDHL', name: 'handling-satisfaction', pageSize: 200, byDates: true },
  { group: 'MDSH', name: 'dossier-digitized', pageSize: 200, byDates: false },
];

export const EVALUATION_PATH = '/api/v1/reporting/evaluation/';

/** The national list: every province's total and group points, for ranking provinces (domain-766.md §3). */
export const NATIONAL_LIST_ENDPOINT = 'service-results';

/** What the national list is collected and recorded as, where a province would be named (H44). */
export const NATIONAL_LIST = 'VN';

/** Whom a province's place in the national list is among: its results' rank scope. */
export const NATIONAL_RANK_SCOPE = 'tỉnh, thành phố';

/** The kind of unit the national list lists (provinces), in its payload and as its run's root. */
export const NATIONAL_LIST_UNIT_TYPE = 'ADMINISTRATIVE_UNIT';

/** A province as the portal codes it: H44. */
export function isProvinceCode(text: string): boolean {
  return /^[A-Z]\d{2,3}$/.test(text);
}

/** "VN", "toàn quốc", "tháng 8 các tỉnh": the text asks for the national list rather than a province's tree. */
export function namesNationalList(text: string): boolean {
  const words = ` ${foldWords(text)} `;
  return ['vn', ...NATIONAL_WORDS].some((phrase) => words.includes(` ${phrase} `));
}

export type CollectablePeriod = Extract<Period, { kind: 'month' | 'quarter' | 'year' }>;

export function isCollectable(period: Period): period is CollectablePeriod {
  return period.kind === 'month' || period.kind === 'quarter' || period.kind === 'year';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The first and last calendar day of a period, as the satisfaction endpoint takes them. */
export function dateRangeOf(period: CollectablePeriod): { fromDate: string; toDate: string } {
  const [first, last] =
    period.kind === 'month' ? [period.month, period.month] : period.kind === 'quarter' ? [period.quarter * 3 - 2, period.quarter * 3] : [1, 12];
  return { fromDate: `${period.year}-${pad(first)}-01`, toDate: `${period.year}-${pad(last)}-${pad(daysInMonth(period.year, last))}` };
}

function timeOf(period: CollectablePeriod): Record<string, string | number> {
  switch (period.kind) {
    case 'month':
      return { timeType: 'month', year: period.year, month: period.month };
    case 'quarter':
      return { timeType: 'quarter', year: period.year, quarter: period.quarter };
    case 'year':
      return { timeType: 'year', year: period.year };
  }
}

/** The JSON payload of one endpoint, its keys in the portal's order. */
export function payloadOf(endpoint: PortalEndpoint, rootDepartmentId: string, period: CollectablePeriod): Record<string, string | number> {
  const page = { rootDepartmentId, currentPage: 1, pageSize: endpoint.pageSize };
  return endpoint.byDates ? { ...page, ...dateRangeOf(period) } : { ...page, ...timeOf(period) };
}

/** The national list's payload: the period, and the kind of unit listed (provinces: ADMINISTRATIVE_UNIT). */
export function nationalListPayload(period: CollectablePeriod): Record<string, string | number> {
  return { ...timeOf(period), departmentType: NATIONAL_LIST_UNIT_TYPE };
}
