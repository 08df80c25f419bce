/**
 * Invite codes: an admin makes one for a unit and a role; a chat that sends it is linked to both.
 * A chat that types too many wrong codes waits (the wrong codes are rows, so every instance counts them).
 */
import { randomInt } from 'node:crypto';
import { and, asc, eq, gt, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { upsertChat, type ChatAddress } from '../db/chats.js';
import { inviteFailures, invites } from '../db/schema.js';
import { unitById, type UnitRow } from '../db/units.js';
import { defaultMaxUses, INVITE_ALPHABET, INVITE_CODE_LENGTH, INVITE_DAYS, guessWindowStart, INVITE_GUESSES, inviteRetryAt } from '../domain/invites.js';
import type { Role } from '../domain/roles.js';
import { cleanText } from '../domain/text.js';

export interface Invite {
  code: string;
  unit: UnitRow;
  role: Role;
  maxUses: number | null;
  expiresAt: Date;
}

function newCode(): string {
  return Array.from({ length: INVITE_CODE_LENGTH }, () => INVITE_ALPHABET[randomInt(INVITE_ALPHABET.length)]).join('');
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
  | { kind: 'used-up' }
  | { kind: 'throttled'; retryAt: Date; failures: number; minutes: number };

/** Links the chat by a code; while the chat has typed too many wrong codes, no code is even looked up. */
export async function redeemInvite(db: Db, rawCode: string, chat: ChatAddress, now: Date): Promise<Redemption> {
  const code = cleanText(rawCode).toUpperCase();
  const ofChat = and(eq(inviteFailures.channel, chat.channel), eq(inviteFailures.externalId, chat.externalId));
  const windowStart = guessWindowStart(now);
  const failures = await db.select({ at: inviteFailures.at }).from(inviteFailures).where(and(ofChat, gt(inviteFailures.at, windowStart))).orderBy(asc(inviteFailures.at));
  const retryAt = inviteRetryAt(failures.map((f) => f.at), now);
  if (retryAt) return { kind: 'throttled', retryAt, ...INVITE_GUESSES };
  const outcome = await redeem(db, code, chat, now);
  if (outcome.kind === 'unknown') {
    await db.delete(inviteFailures).where(and(ofChat, lte(inviteFailures.at, windowStart)));
    await db.insert(inviteFailures).values({ channel: chat.channel, externalId: chat.externalId, at: now });
  }
  if (outcome.kind === 'linked') await db.delete(inviteFailures).where(ofChat);
  return outcome;
}

async function redeem(db: Db, code: string, chat: ChatAddress, now: Date): Promise<Redemption> {
  return db.transaction(async (t) => {
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
    return { kind: 'linked', unit, role: invite.role };
  });
}
