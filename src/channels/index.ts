/** The channels the bot speaks on: one line each. A channel whose settings are absent is off. */
import type { ChannelModule } from './channel.js';
import { telegramChannel } from './telegram/index.js';
import { zaloBotChannel } from './zalo-bot/index.js';
import { zaloOaChannel } from './zalo-oa/index.js';

export const CHANNELS: readonly ChannelModule[] = [telegramChannel, zaloBotChannel, zaloOaChannel];
