/** /start and /dangky: a chat says hello, or links itself to a unit and a role with an invite code. */
import { upsertChat } from '../db/chats.js';
import { unitById } from '../db/units.js';
import { formatDateTime } from '../domain/format.js';
import { ROLE_LABEL } from '../domain/roles.js';
import { textReply } from '../messages/reply.js';
import { redeemInvite } from '../services/invites.js';
import type { Answers } from './feature.js';

export const registrationFeature = {
  answers: {
    async start({ deps, message }) {
      const chat = await upsertChat(deps.db, message.chat);
      const unit = chat.unitId ? await unitById(deps.db, chat.unitId) : undefined;
      return [textReply(unit ? deps.t('welcome-linked', { unit: unit.name, role: chat.role ? ROLE_LABEL[chat.role] : '' }) : deps.t('welcome'))];
    },
    async register({ deps, message }, request) {
      const { t } = deps;
      const outcome = await redeemInvite(deps.db, request.code, message.chat, deps.now());
      const code = request.code.toUpperCase();
      switch (outcome.kind) {
        case 'linked':
          return [textReply(t('register-ok', { unit: outcome.unit.name, role: ROLE_LABEL[outcome.role] }))];
        case 'unknown':
          return [textReply(t('register-unknown', { code }))];
        case 'expired':
          return [textReply(t('register-expired', { code }))];
        case 'used-up':
          return [textReply(t('register-used-up', { code }))];
        case 'throttled':
          return [textReply(t('register-throttled', { failures: outcome.failures, minutes: outcome.minutes, at: formatDateTime(outcome.retryAt) }))];
      }
    },
  } satisfies Answers<'start' | 'register'>,
};
