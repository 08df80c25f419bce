/** Secrets compared in constant time: digests of equal length, so neither content nor length leaks. */
import { createHash, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** The settings' secrets (a few), hashed once rather than on every request. */
const expectedDigests = new Map<string, Buffer>();

export function sameSecret(given: string, expected: string): boolean {
  let wanted = expectedDigests.get(expected);
  if (!wanted) {
    wanted = digest(expected);
    if (expectedDigests.size < 16) expectedDigests.set(expected, wanted);
  }
  return timingSafeEqual(digest(given), wanted);
}
