/** The command menu Telegram shows, with Vietnamese descriptions from the catalogue. */
import type { Api } from 'grammy';
import type { Translate } from '../../messages/i18n.js';

export const MENU_COMMANDS = ['diem', 'xephang', 'chitiet', 'nhiemvu', 'giaoviec', 'huongdan', 'dangky'] as const;

export function menu(t: Translate): { command: string; description: string }[] {
  return MENU_COMMANDS.map((command) => ({ command, description: t(`command-${command}`) }));
}

export async function setCommandMenu(api: Api, t: Translate): Promise<void> {
  await api.setMyCommands(menu(t));
}
