/** The OA channel's pure parts: the signature against a real capture, splitting, and Zalo's error codes. */
import { describe, expect, it } from 'vitest';
import { signedByZalo, zaloSignature } from '../../src/channels/zalo-oa/signature.js';
import { splitText } from '../../src/messages/split.js';
import { classifyZaloAnswer } from '../../src/channels/zalo-oa/sender.js';
import { updateIdOf, oaEvent } from '../../src/channels/zalo-oa/events.js';

// A real follow event and its published signature (channels.md A1), as Zalo serialised it.
const CAPTURE = {
  raw: '{"oa_id":"4024926008133882615","follower":{"id":"8958041078911298472"},"event_name":"follow","source":"oa_profile","app_id":"3349222483842580322","timestamp":"1725608725618"}',
  keys: { appId: '3349222483842580322', secretKey: 'SdqcwULlfSWKAJrAmMh4' },
  mac: 'f6a1b03a794c997145028810db38121108305e0f4d67b977e22e8f0f19ee33ec',
};

describe('the webhook signature', () => {
  it('recomputes the real capture: sha256(app id + raw body + timestamp + OA secret key)', () => {
    expect(zaloSignature(CAPTURE.keys, CAPTURE.raw, '1725608725618')).toBe(`mac=${CAPTURE.mac}`);
    expect(signedByZalo(CAPTURE.keys, CAPTURE.raw, '1725608725618', `mac=${CAPTURE.mac}`)).toBe(true);
  });

  it('refuses the capture re-serialised, with another key or timestamp, or without the header', () => {
    const pretty = JSON.stringify(JSON.parse(CAPTURE.raw), null, 1);
    expect(signedByZalo(CAPTURE.keys, pretty, '1725608725618', `mac=${CAPTURE.mac}`)).toBe(false);
    expect(signedByZalo({ ...CAPTURE.keys, secretKey: 'x' }, CAPTURE.raw, '1725608725618', `mac=${CAPTURE.mac}`)).toBe(false);
    expect(signedByZalo(CAPTURE.keys, CAPTURE.raw, '1725608725619', `mac=${CAPTURE.mac}`)).toBe(false);
    expect(signedByZalo(CAPTURE.keys, CAPTURE.raw, '1725608725618', undefined)).toBe(false);
  });

  it('keeps user ids as strings and dedupes a follow on name, follower and time', () => {
    const event = oaEvent.parse(JSON.parse(CAPTURE.raw));
    expect(updateIdOf(event)).toBe('follow:8958041078911298472:1725608725618');
  });
});

describe('splitting for the 2,000-character limit', () => {
  it('cuts between lines, and a line too long where it must', () => {
    const line = 'Tổng điểm: 91,34/100';
    const text = Array.from({ length: 300 }, () => line).join('\n');
    const parts = splitText(text, 2000);
    expect(parts.every((p) => p.length <= 2000)).toBe(true);
    expect(parts.join('\n')).toBe(text);
    expect(parts.every((p) => p.split('\n').every((l) => l === line))).toBe(true);
    expect(splitText('a'.repeat(4500), 2000)).toEqual(['a'.repeat(2000), 'a'.repeat(2000), 'a'.repeat(500)]);
    // Never between the halves of an emoji.
    const emoji = splitText(`${'a'.repeat(1999)}📊`, 2000);
    expect(emoji.join('')).toBe(`${'a'.repeat(1999)}📊`);
    expect(emoji.every((p) => !/[\ud800-\udbff]$/.test(p))).toBe(true);
  });
});

describe("Zalo's answers as send outcomes", () => {
  const answer = (error: number) => classifyZaloAnswer({ kind: 'answer', answer: { error, message: 'x' } }).kind;
  it('maps the codes', () => {
    expect(answer(0)).toBe('sent');
    expect(answer(-230)).toBe('outside-window');
    expect(answer(-232)).toBe('outside-window');
    expect(answer(-213)).toBe('unreachable');
    expect(answer(-227)).toBe('unreachable');
    expect(answer(-32)).toBe('retry-after');
    expect(answer(-201)).toBe('rejected');
    expect(classifyZaloAnswer({ kind: 'http', status: 502, body: '' }).kind).toBe('transient');
    expect(classifyZaloAnswer({ kind: 'network', error: 'ECONNRESET' }).kind).toBe('transient');
  });
});
