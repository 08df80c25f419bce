/**
 * The terminal's side of a conversation. The buttons of the last answer that had any stay
 * pressable, as they stay under a Telegram message: typing a button's number or its label
 * (with or without diacritics) presses it; anything else is a message. A file sent with a reply (a
 * chart, a report's PDF, the import template) is written out, and its path printed.
 */
import { fold } from '../../domain/text.js';
import { t } from '../../messages/i18n.js';
import type { Reply, ReplyButton, ReplyFile } from '../../messages/reply.js';
import { renderForConsole } from './render.js';

/** How the terminal reaches the bot: the conversation in this process, or a running server's admin API. */
export interface ConsoleTransport {
  say(text: string): Promise<Reply[]>;
  press(action: string): Promise<Reply[]>;
}

/** Writes a file where the user can open it; returns its path. */
export type KeepFile = (file: ReplyFile) => Promise<string>;

export class ConsoleSession {
  private buttons: ReplyButton[] = [];

  constructor(
    private readonly transport: ConsoleTransport,
    private readonly keepFile?: KeepFile,
  ) {}

  /** What to print for a line the user typed. */
  async input(line: string): Promise<string[]> {
    const text = line.trim();
    if (!text) return [];
    const pressed = this.buttonsTyped(text);
    if (pressed.length > 1) return [t('console-button-ambiguous', { label: text, count: pressed.length })];
    const [button] = pressed;
    return this.show(button ? await this.transport.press(button.action) : await this.transport.say(text));
  }

  private buttonsTyped(text: string): ReplyButton[] {
    if (/^\d+$/.test(text)) {
      const button = this.buttons[Number(text) - 1];
      return button ? [button] : [];
    }
    const label = labelKey(text);
    return this.buttons.filter((b) => labelKey(b.label) === label);
  }

  private async show(replies: Reply[]): Promise<string[]> {
    const buttons = replies.flatMap((r) => r.buttons?.flat() ?? []);
    let next = 1;
    const printed: string[] = [];
    for (const reply of replies) {
      const savedAt = reply.file && this.keepFile && reply.file.bytes.byteLength > 0 ? await this.keepFile(reply.file) : undefined;
      printed.push(renderForConsole(reply, next, savedAt));
      next += reply.buttons?.flat().length ?? 0;
    }
    if (buttons.length > 0) this.buttons = buttons;
    return printed;
  }
}

/** A label as typed: folded, without the emoji or punctuation around it ("✅ Hoàn thành" = "hoan thanh"). */
function labelKey(label: string): string {
  return fold(label).replace(/[^a-z0-9]+/g, ' ').trim();
}
