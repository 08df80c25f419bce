/**
 * What an administrator names to collect: the national list ("VN", "toàn quốc"), or a province tree by
 * the code they type (H44), whose portal id (`rootDepartmentId`) is the unit stored with that code (the
 * national list stores every province's), else the one captured here. An id itself (a UUID) is taken as given.
 */
import { and, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { units } from '../db/schema.js';

/** Captured from the portal (shared/fixtures/portal/manifest.json). */
export const KNOWN_PROVINCES: Readonly<Record<string, string>> = {
  H44: '019d2be3-6a88-732b-8b17-b68020c8553a',
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function rootDepartmentIdOf(db: Db, province: string): Promise<string | null> {
  const given = province.trim();
  if (UUID.test(given)) return given.toLowerCase();
  const code = given.toUpperCase();
  const [stored] = await db
    .select({ portalId: units.portalId })
    .from(units)
    .where(and(eq(units.code, code), isNotNull(units.portalId)))
    .limit(1);
  return stored?.portalId ?? KNOWN_PROVINCES[code] ?? null;
}
