/** What the core answers, before any channel's markup: a title, plain lines, and buttons. */
export interface ReplyButton {
  label: string;
  /** What pressing it does, encoded by domain/actions.ts; a channel without buttons numbers it (channels/choices.ts). */
  action: string;
}

/** A file sent with the reply (the import template, a chart); the lines become its caption. */
export interface ReplyFile {
  fileName: string;
  bytes: Uint8Array;
}

export interface Reply {
  title?: string;
  lines: string[];
  buttons?: ReplyButton[][];
  file?: ReplyFile;
}

export function textReply(text: string, title?: string): Reply {
  return title === undefined ? { lines: text.split('\n') } : { title, lines: text.split('\n') };
}

export function plainText(reply: Reply): string {
  return [...(reply.title ? [reply.title] : []), ...reply.lines].join('\n');
}

/** A picture (a chart), which a channel shows as a photo where it can, rather than as a file. */
export function isPicture(file: ReplyFile): boolean {
  return /\.(png|jpe?g)$/i.test(file.fileName);
}
