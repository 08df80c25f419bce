/** Invite codes: their shape, lifetime and uses, and how many wrong codes a chat may type. */
import type { Role } from './roles.js';

/** No 0/O, 1/I/L: codes are read aloud and typed on phones. */
export const INVITE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITE_CODE_LENGTH = 8;
export const INVITE_DAYS = 30;

/** Leaders and admins get single-use codes; an officers' code may be shared within the unit. */
export function defaultMaxUses(role: Role): number | null {
  return role === 'officer' ? null : 1;
}

/** A chat may type this many wrong codes within the window; the next try waits until the oldest leaves it. */
export const INVITE_GUESSES = { failures: 5, minutes: 15 } as const;

const GUESS_WINDOW_MS = INVITE_GUESSES.minutes * 60_000;

/** Wrong codes typed after this still count. */
export function guessWindowStart(now: Date): Date {
  return new Date(now.getTime() - GUESS_WINDOW_MS);
}

/** When a chat whose wrong codes were typed at `failures` may try again; null: now. */
export function inviteRetryAt(failures: readonly Date[], now: Date): Date | null {
  const start = guessWindowStart(now).getTime();
  const recent = failures.map((f) => f.getTime()).filter((at) => at > start).sort((a, b) => a - b);
  const oldestCounted = recent[recent.length - INVITE_GUESSES.failures];
  return oldestCounted === undefined ? null : new Date(oldestCounted + GUESS_WINDOW_MS);
}
