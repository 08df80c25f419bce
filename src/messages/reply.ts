/** What the core answers, before any channel's markup: a title, plain lines, and buttons. */
export interface ReplyButton {
  label: string;
  /** Callback data, at most 64 bytes (Telegram's limit). */
  action: string;
}

export interface Reply {
  title?: string;
  lines: string[];
  buttons?: ReplyButton[][];
}

export function textReply(text: string, title?: string): Reply {
  return title === undefined ? { lines: text.split('\n') } : { title, lines: text.split('\n') };
}

export function plainText(reply: Reply): string {
  return [...(reply.title ? [reply.title] : []), ...reply.lines].join('\n');
}
