/**
 * locales/vi.ftl: every message the code names exists, and every message renders whole, so no
 * official ever sees "{key}" or a text cut short (in Fluent a line beginning with "[", "*" or "."
 * silently ends a multiline message, and the rest of it is dropped).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FluentVariable } from '@fluent/bundle';
import { expect, it } from 'vitest';
import { loadBundle } from '../../src/messages/i18n.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

it('has every key the code uses', () => {
  const bundle = loadBundle();
  const used = new Set<string>();
  for (const file of sources(new URL('../../src', import.meta.url).pathname)) {
    for (const m of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-z0-9-]+)'/g)) used.add(m[1] ?? '');
  }
  expect(used.size).toBeGreaterThan(30);
  const missing = [...used].filter((key) => !bundle.hasMessage(key));
  expect(missing).toEqual([]);
});

interface SourceMessage {
  id: string;
  /** The value's lines as written: the text after "=", then the indented lines below it. */
  lines: string[];
}

/** The messages of an .ftl file as its author laid them out, read without Fluent's parser. */
function sourceMessages(ftl: string): SourceMessage[] {
  const messages: SourceMessage[] = [];
  let current: SourceMessage | null = null;
  for (const line of ftl.split('\n')) {
    const start = /^([a-zA-Z][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (start) {
      current = { id: start[1] ?? '', lines: start[2] ? [start[2]] : [] };
      messages.push(current);
    } else if (current && (line.trim() === '' || /^\s/.test(line))) {
      current.lines.push(line.trim());
    } else {
      current = null;
    }
  }
  for (const m of messages) while (m.lines.at(-1) === '') m.lines.pop();
  return messages;
}

/** Lines the message renders to: a select expression spread over lines gives one line (its variant). */
function expectedLineCount(lines: string[]): number {
  let count = 0;
  let inSelect = false;
  for (const line of lines) {
    if (inSelect) {
      if (line.startsWith('}')) inSelect = false;
      continue;
    }
    count += 1;
    if (line.endsWith('->')) inSelect = true;
  }
  return count;
}

it('renders every message whole, without errors', () => {
  const ftl = readFileSync(new URL('../../locales/vi.ftl', import.meta.url), 'utf8');
  const bundle = loadBundle();
  const messages = sourceMessages(ftl);
  expect(messages.length).toBeGreaterThan(100);
  const broken: string[] = [];
  for (const { id, lines } of messages) {
    const value = bundle.getMessage(id)?.value;
    if (!value) {
      broken.push(`${id}: not in the bundle`);
      continue;
    }
    const args: Record<string, FluentVariable> = {};
    for (const m of lines.join('\n').matchAll(/\$([a-zA-Z][\w-]*)/g)) args[m[1] ?? ''] = 1;
    const errors: Error[] = [];
    const rendered = bundle.formatPattern(value, args, errors).split('\n').length;
    if (errors.length > 0) broken.push(`${id}: ${errors.map((e) => e.message).join('; ')}`);
    if (rendered !== expectedLineCount(lines)) broken.push(`${id}: ${rendered} of ${expectedLineCount(lines)} lines rendered`);
  }
  expect(broken).toEqual([]);
});
