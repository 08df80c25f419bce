/** A Reply in a terminal: the title underlined, buttons as a numbered hint. */
import { t } from '../../messages/i18n.js';
import type { Reply } from '../../messages/reply.js';

export function renderForConsole(reply: Reply): string {
  const out: string[] = [];
  if (reply.title) out.push(reply.title, '─'.repeat(Math.min(reply.title.length, 60)));
  out.push(...reply.lines);
  if (reply.file) out.push(t('console-file', { name: reply.file.fileName }));
  if (reply.buttons?.length) out.push(reply.buttons.flat().map((b) => `[${b.label}]`).join(' '));
  return out.join('\n');
}
