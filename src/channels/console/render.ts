/** A Reply in a terminal: the title underlined, buttons numbered so they can be pressed by typing. */
import { t } from '../../messages/i18n.js';
import type { Reply } from '../../messages/reply.js';

/**
 * `firstButton` is the number of the reply's first button: an answer numbers its buttons across its replies.
 * `savedAt`: where the reply's file was written, for the user to open.
 */
export function renderForConsole(reply: Reply, firstButton = 1, savedAt?: string): string {
  const out: string[] = [];
  if (reply.title) out.push(reply.title, '─'.repeat(Math.min(reply.title.length, 60)));
  out.push(...reply.lines);
  if (reply.file) out.push(savedAt ? t('console-saved', { path: savedAt }) : t('console-file', { name: reply.file.fileName }));
  if (reply.buttons?.length) out.push(reply.buttons.flat().map((b, i) => `[${firstButton + i} ${b.label}]`).join(' '));
  return out.join('\n');
}
