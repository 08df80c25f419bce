import { describe, expect, it } from 'vitest';
import { defaultMaxUses, INVITE_CODE_LENGTH, INVITE_DAYS, INVITE_GUESSES, inviteRetryAt } from '../../src/domain/invites.js';
import { t } from '../../src/messages/i18n.js';

const at = (minute: number) => new Date(Date.UTC(2026, 8, 24, 3, minute));

describe('wrong invite codes', () => {
  it('let a chat try again at once below the limit', () => {
    expect(inviteRetryAt([at(0), at(1), at(2), at(3)], at(4))).toBeNull();
  });

  it('hold a chat at the limit until the oldest wrong code counted leaves the 15-minute window', () => {
    expect(inviteRetryAt([at(0), at(1), at(2), at(3), at(4)], at(5))).toEqual(at(15));
    expect(inviteRetryAt([at(0), at(1), at(2), at(3), at(4)], at(15))).toBeNull();
    expect(inviteRetryAt([at(0), at(1), at(2), at(3), at(4), at(15)], at(15))).toEqual(at(16));
  });
});

describe("the invite's text", () => {
  it('states the rules the code lives by', () => {
    expect([defaultMaxUses('officer'), defaultMaxUses('leader'), defaultMaxUses('admin')]).toEqual([null, 1, 1]);
    const text = t('invite-created', { unit: 'X', role: 'công chức', code: 'ABCDEFGH', channels: 'c', expires: 'e', uses: 'u' });
    expect(text).toContain(`Mã mời gồm ${INVITE_CODE_LENGTH} ký tự`);
    expect(text).toContain(`mặc định có hiệu lực ${INVITE_DAYS} ngày`);
    expect(text).toContain(`gõ sai mã ${INVITE_GUESSES.failures} lần trong ${INVITE_GUESSES.minutes} phút`);
  });
});
