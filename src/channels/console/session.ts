/**
 * The terminal's side of a conversation. The buttons of the last answer that had any stay
 * pressable, as they stay under a Telegram message: typing a button's number or its label
 * (with or without diacritics) presses it; anything else is a message. A picture (a chart) is
 * written to a file, whose path is printed.
 */
import { fold } from '../../domain/text.js';
import { t } from '../../messages/i18n.js';
import { isPicture, type Reply, type ReplyButton, type ReplyFile } from '../../messages/reply.js';
import { renderForConsole } from './render.js';

/** How the terminal reaches the bot: the conversation in this process, or a running server's admin API. */
export interface ConsoleTransport {
  say(text: string): Promise<Reply[]>;
  press(action: string): Promise<Reply[]>;
}

/** Writes a picture where the user can open it; returns its path. */
export type KeepPicture = (file: ReplyFile) => Promise<string>;

export class ConsoleSession {
  private buttons: ReplyButton[] = [];

  constructor(
    private readonly transport: ConsoleTransport,
    private readonly keepPicture?: KeepPicture,
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
      const savedAt = reply.file && this.keepPicture && isPicture(reply.file) && reply.file.bytes.byteLength > 0 ? await this.keepPicture(reply.file) : undefined;
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
