/** t.me links that open the bot with a payload: `/start CODE` arrives in the chat. */
export function deepLink(botUsername: string, payload: string): string {
  return `https://t.me/${botUsername}?start=${encodeURIComponent(payload)}`;
}

/** The link that adds the bot to a group and registers it there. */
export function groupDeepLink(botUsername: string, payload: string): string {
  return `https://t.me/${botUsername}?startgroup=${encodeURIComponent(payload)}`;
}
