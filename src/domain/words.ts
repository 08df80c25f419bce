/**
 * A message as words being read: each word is marked once it has been read as something (a period,
 * a unit, a cue, filler), so that what is left over is plain to see.
 */

/** A word of the message and what it has been read as. */
export interface Token {
  word: string;
  used: boolean;
  /**
   * Read as a filler word, a word of a filler phrase ("bao nhiêu", "thế nào"), or a kind word ("phường")
   * with no known name after it: a filler word or a kind word may belong to an unknown name.
   */
  loose?: 'filler' | 'phrase' | 'kind';
}

export function wordsAt(tokens: readonly Token[], start: number, length: number): string | null {
  const slice = tokens.slice(start, start + length);
  if (slice.length < length || slice.some((t) => t.used)) return null;
  return slice.map((t) => t.word).join(' ');
}

export function mark(tokens: Token[], start: number, length: number): void {
  for (let i = start; i < start + length; i++) {
    const token = tokens[i];
    if (token) token.used = true;
  }
}

/** Phrases by their first word, so that finding one at a place looks at a handful, not all. */
export class Phrases<T> {
  private readonly byFirst = new Map<string, { words: string; length: number; value: T }[]>();

  constructor(phrases: readonly (readonly [string, T])[]) {
    for (const [phrase, value] of phrases) {
      const first = phrase.split(' ')[0] ?? '';
      const list = this.byFirst.get(first) ?? [];
      list.push({ words: phrase, length: phrase.split(' ').length, value });
      this.byFirst.set(first, list.sort((a, b) => b.length - a.length));
    }
  }

  /** The longest phrase at `start` among unread words, with its length in words. */
  at(tokens: readonly Token[], start: number): { value: T; length: number } | null {
    const first = tokens[start];
    if (!first || first.used) return null;
    for (const phrase of this.byFirst.get(first.word) ?? []) {
      if (wordsAt(tokens, start, phrase.length) === phrase.words) return { value: phrase.value, length: phrase.length };
    }
    return null;
  }
}

