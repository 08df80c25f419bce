/** Invite codes: an admin makes one for a unit and a role; a chat that sends it is linked to both. */
import { randomInt } from 'node:crypto';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { upsertChat, type ChatAddress } from '../db/chats.js';
import { invites } from '../db/schema.js';
import { unitById, type UnitRow } from '../db/units.js';
import type { Role } from '../domain/roles.js';

/** No 0/O, 1/I/L: codes are read aloud and typed on phones. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;
export const INVITE_DAYS = 30;

export interface Invite {
  code: string;
  unit: UnitRow;
  role: Role;
  maxUses: number | null;
  expiresAt: Date;
}

function newCode(): string {
  return Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
}

/** Leaders and admins get single-use codes; an officers' code may be shared within the unit. */
export function defaultMaxUses(role: Role): number | null {
  return role === 'officer' ? null : 1;
}

export async function createInvite(
  db: Db,
  input: { unit: UnitRow; role: Role; maxUses?: number | null; days?: number; now: Date },
): Promise<Invite> {
  const maxUses = input.maxUses === undefined ? defaultMaxUses(input.role) : input.maxUses;
  const expiresAt = new Date(input.now.getTime() + (input.days ?? INVITE_DAYS) * 86_400_000);
  for (;;) {
    const code = newCode();
    const inserted = await db.insert(invites).values({ code, unitId: input.unit.id, role: input.role, maxUses, expiresAt }).onConflictDoNothing().returning();
    if (inserted.length > 0) return { code, unit: input.unit, role: input.role, maxUses, expiresAt };
  }
}

export type Redemption =
  | { kind: 'linked'; unit: UnitRow; role: Role }
  | { kind: 'unknown' }
  | { kind: 'expired' }
  | { kind: 'used-up' };

export async function redeemInvite(db: Db, rawCode: string, chat: ChatAddress, now: Date): Promise<Redemption> {
  const code = rawCode.trim().toUpperCase();
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [invite] = await t.select().from(invites).where(eq(invites.code, code));
    if (!invite) return { kind: 'unknown' };
    if (invite.expiresAt.getTime() <= now.getTime()) return { kind: 'expired' };
    // Counting the use and checking the limit in one statement keeps a single-use code single-use under races.
    const claimed = await t
      .update(invites)
      .set({ uses: sql`${invites.uses} + 1` })
      .where(and(eq(invites.id, invite.id), gt(invites.expiresAt, now), or(isNull(invites.maxUses), lt(invites.uses, invites.maxUses))))
      .returning();
    if (claimed.length === 0) return { kind: 'used-up' };
    const unit = await unitById(t, invite.unitId);
    if (!unit) return { kind: 'unknown' };
    await upsertChat(t, chat, { unitId: unit.id, role: invite.role });
    return { kind: 'linked', unit, role: invite.role as Role };
  });
}
