/** The Fluent catalogue (locales/vi.ftl): the one place for every text a user sees. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FluentBundle, FluentResource } from '@fluent/bundle';

export type MessageArgs = Record<string, string | number>;
export interface Translate {
  (key: string, args?: MessageArgs): string;
  /** For texts that exist only for some values (a label per sub-criterion code). */
  has(key: string): boolean;
}

const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

export function loadBundle(locale = 'vi'): FluentBundle {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(readFileSync(`${LOCALES_DIR}${locale}.ftl`, 'utf8')));
  if (errors.length > 0) throw new Error(`locales/${locale}.ftl: ${errors.map((e) => e.message).join('; ')}`);
  return bundle;
}

/** A missing key or argument is a bug: it throws rather than showing "{key}" to an official. */
export function createTranslate(bundle: FluentBundle = loadBundle()): Translate {
  const translate = (key: string, args: MessageArgs = {}): string => {
    const message = bundle.getMessage(key);
    if (!message?.value) throw new Error(`Missing message "${key}" in locales/${bundle.locales[0]}.ftl`);
    const errors: Error[] = [];
    const text = bundle.formatPattern(message.value, args, errors);
    if (errors.length > 0) throw new Error(`Message "${key}": ${errors.map((e) => e.message).join('; ')}`);
    return text;
  };
  return Object.assign(translate, { has: (key: string) => Boolean(bundle.getMessage(key)?.value) });
}

export const t: Translate = createTranslate();
