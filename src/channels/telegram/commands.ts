/** The command menu Telegram shows, with Vietnamese descriptions from the catalogue. */
import type { Api } from 'grammy';
import type { Translate } from '../../messages/i18n.js';

export const MENU_COMMANDS = ['diem', 'xephang', 'chitiet', 'xuhuong', 'sosanh', 'uoctinh', 'nhiemvu', 'giaoviec', 'baocaothang', 'huongdan', 'dangky'] as const;

export function menu(t: Translate): { command: string; description: string }[] {
  return MENU_COMMANDS.map((command) => ({ command, description: t(`command-${command}`) }));
}

/** grammY types its signals with the abort-controller package; node-fetch takes Node's own as well. */
export type GrammySignal = Parameters<Api['getMe']>[0];

export async function setCommandMenu(api: Api, t: Translate, signal?: AbortSignal): Promise<void> {
  await api.setMyCommands(menu(t), undefined, signal as GrammySignal);
}
