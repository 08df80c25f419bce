/**
 * Months of data made from the real portal month (Phú Thọ, 08/2026): `back` months earlier each unit
 * scored a little less in each group, by a step that differs from unit to unit and group to group, so
 * that totals and ranks move from month to month. Deterministic: the same month is the same files.
 */
import { editedPortalFiles, PORTAL_GROUPS, type PortalEntry, type SampleFile } from './samples.js';

const GROUP_FILES: readonly string[] = Object.values(PORTAL_GROUPS);

/** The key of the month `back` months before 08/2026. */
export function monthBefore(back: number): string {
  const index = 2026 * 12 + 7 - back;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export function portalMonth(back: number): SampleFile[] {
  if (back === 0) return editedPortalFiles('', () => undefined);
  return GROUP_FILES.flatMap((fileName, group) =>
    editedPortalFiles(fileName, (data) => {
      (data.children ?? data.evaluation ?? []).forEach((entry: PortalEntry, unit) => {
        const field = 'totalScore' in entry ? 'totalScore' : 'score';
        const score = Number(entry[field] ?? 0);
        const step = ((unit * 7 + group * 3) % 5) * 0.09;
        entry[field] = Math.max(0, Math.round((score - back * step) * 100) / 100);
      });
    }).filter((f) => f.fileName === fileName),
  );
}
