/** A digest of the figures a batch carries, unit by unit: equal digests on two days mean the portal's figures are stable. */
import { createHash } from 'node:crypto';
import type { ImportBatch } from '../imports/save.js';

export function figuresDigest(batch: ImportBatch): string {
  const figures = batch.rows
    .map((row) => ({ unit: row.unit.portalId ?? row.unit.code ?? row.unit.name, total: row.result.total, groups: row.result.groups }))
    .sort((a, b) => a.unit.localeCompare(b.unit));
  return createHash('sha256').update(JSON.stringify(figures)).digest('hex');
}
