/**
 * A letter's directives become tasks: given by the letter's unit to the units under it (to the unit
 * itself when none is known), due at the end of the month after the letter's period, the usual
 * "trước cuối tháng sau". Importing the same letter again creates none twice.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { units } from '../db/schema.js';
import { endOfNextMonth } from '../domain/deadline.js';
import { directiveTitle, extractDirectives } from '../domain/directives.js';
import { lastDayOf, parsePeriodKey } from '../domain/period.js';
import type { IsoDate } from '../domain/working-days.js';
import type { ImportBatch } from '../imports/save.js';
import { resolveUnits } from '../imports/units.js';
import { createTask, type TaskRow } from './tasks.js';

/** The last day of the month after the one the period ends in (a week ends in the month of its Sunday). */
export function letterDeadline(period: string): IsoDate | null {
  const p = parsePeriodKey(period);
  if (!p) return null;
  const end = lastDayOf(p);
  return endOfNextMonth(`${end.year}-${String(end.month).padStart(2, '0')}-01`);
}

export async function tasksFromLetter(db: Db, text: string, batch: ImportBatch): Promise<TaskRow[]> {
  const directives = extractDirectives(text);
  const first = batch.rows[0];
  const deadline = letterDeadline(batch.period);
  if (directives.length === 0 || !first || !deadline) return [];
  const issuer = (await resolveUnits(db, [first.unit])).unitOf(first.unit);
  const children = await db.select({ id: units.id }).from(units).where(eq(units.parentId, issuer.id));
  const assignees = children.length > 0 ? children.map((c) => c.id) : [issuer.id];
  const created: TaskRow[] = [];
  for (const directive of directives) {
    const { task } = await createTask(db, { kind: 'system', name: batch.fileName ?? 'công văn' }, {
      title: directiveTitle(directive),
      body: directive,
      assigningUnitId: issuer.id,
      assigneeUnitIds: assignees,
      deadline,
      source: 'letter',
      sourceRef: `letter:${batch.period}:${issuer.id}`,
    });
    created.push(task);
  }
  return created;
}
