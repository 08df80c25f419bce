import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../src/domain/request.js';

const today = { year: 2026, month: 11 };
const p = (text: string) => parseRequest(text, today);

describe('parseRequest', () => {
  it.each(['/diem thang 2', 'điểm tháng 2', 'diem thang 2', 'diem t2', 'Điểm T2', 'xem điểm tháng 2', '/diem@chiso_bot thang 2', 't2', 'tháng 2'])(
    '%s asks for February\'s score of the own unit',
    (text) => {
      expect(p(text)).toEqual({ kind: 'score', period: { kind: 'month', month: 2 }, unitText: '' });
    },
  );

  it('keeps the unit as the user spelled it', () => {
    expect(p('điểm phường Bần Yên Nhân tháng trước')).toEqual({
      kind: 'score',
      period: { kind: 'month', month: 10, year: 2026 },
      unitText: 'phường Bần Yên Nhân',
    });
    expect(p('/diem thang 8 Việt Trì')).toMatchObject({ unitText: 'Việt Trì' });
    expect(p('/diem tháng 2 của UBND P. Bần Yên Nhân')).toMatchObject({ unitText: 'UBND P. Bần Yên Nhân' });
  });

  it('reads /diem alone as the latest period', () => {
    expect(p('/diem')).toEqual({ kind: 'score', period: { kind: 'latest' }, unitText: '' });
    expect(p('/diem Mỹ Hào')).toEqual({ kind: 'score', period: { kind: 'latest' }, unitText: 'Mỹ Hào' });
  });

  it('reads registration, start and help', () => {
    expect(p('/start ABCD2345')).toEqual({ kind: 'register', code: 'ABCD2345' });
    expect(p('/start@chiso_bot ABCD2345')).toEqual({ kind: 'register', code: 'ABCD2345' });
    expect(p('/dangky abcd2345')).toEqual({ kind: 'register', code: 'abcd2345' });
    expect(p('đăng ký ABCD2345')).toMatchObject({ kind: 'register' });
    expect(p('/start')).toEqual({ kind: 'start' });
    for (const text of ['/huongdan', 'giúp', 'help', 'hướng dẫn']) expect(p(text)).toEqual({ kind: 'help' });
  });

  it('names a bad period rather than guessing', () => {
    expect(p('/diem thang 13')).toEqual({ kind: 'bad-period', reason: 'month', value: '13' });
  });

  it('does not mistake other words for commands', () => {
    expect(p('diemdanh')).toMatchObject({ kind: 'unknown' });
    expect(p('/xoa')).toMatchObject({ kind: 'unknown' });
    expect(p('chào bot')).toMatchObject({ kind: 'unknown' });
  });
});
