import { describe, expect, it } from 'vitest';
import { Gazetteer, type GazetteerUnit } from '../../src/domain/gazetteer.js';
import { parseRequest } from '../../src/domain/request.js';

const today = { year: 2026, month: 11, day: 18 };
const UNITS: GazetteerUnit[] = [
  { id: 1, name: 'tỉnh Hưng Yên', code: null, kind: 'tinh', parentId: null },
  { id: 2, name: 'thị xã Mỹ Hào', code: null, kind: 'huyen', parentId: 1 },
  { id: 3, name: 'UBND phường Bần Yên Nhân', code: null, kind: 'phuong', parentId: 2 },
  { id: 4, name: 'UBND tỉnh Phú Thọ', code: 'H44', kind: 'tinh', parentId: null },
  { id: 5, name: 'UBND Phường Việt Trì', code: 'H44.100', kind: 'phuong', parentId: 4 },
  { id: 6, name: 'UBND xã Hải Long', code: null, kind: 'xa', parentId: 4 },
  { id: 7, name: 'UBND xã Thượng Long', code: null, kind: 'xa', parentId: 4 },
];
const gazetteer = new Gazetteer(UNITS);
const p = (text: string) => parseRequest(text, today, gazetteer);

/** The parts of a question a test speaks of: intent, period, and the ids of the units named. */
function question(text: string) {
  const request = p(text);
  if (request.kind !== 'question') return request;
  const { intent, period, group, units, unknownName } = request.question;
  return { intent, period, group, units: units.map((u) => u.candidates.map((c) => c.id)), unknownName };
}

describe('parseRequest', () => {
  it.each(['/diem thang 2', 'điểm tháng 2', 'diem thang 2', 'diem t2', 'Điểm T2', 'xem điểm tháng 2', '/diem@chiso_bot thang 2', 't2', 'tháng 2'])(
    "%s asks for February's score of the own unit",
    (text) => {
      expect(question(text)).toEqual({ intent: 'score', period: { kind: 'month', month: 2 }, group: null, units: [], unknownName: null });
    },
  );

  it('finds the unit named anywhere, and echoes the user spelling of one it does not know', () => {
    expect(question('điểm phường Bần Yên Nhân tháng trước')).toMatchObject({ period: { kind: 'month', month: 10, year: 2026 }, units: [[3]] });
    expect(question('/diem thang 8 Việt Trì')).toMatchObject({ units: [[5]] });
    expect(question('/diem tháng 2 của UBND P. Bần Yên Nhân')).toMatchObject({ units: [[3]] });
    expect(question('/diem H44.100')).toMatchObject({ units: [[5]] });
    expect(question('điểm xã Thủ Dầu Một')).toMatchObject({ units: [], unknownName: 'Thủ Dầu Một' });
  });

  it('reads /diem alone as the latest period', () => {
    expect(question('/diem')).toMatchObject({ intent: 'score', period: { kind: 'latest' }, units: [] });
    expect(question('/diem Mỹ Hào')).toMatchObject({ period: { kind: 'latest' }, units: [[2]] });
  });

  it('reads registration, start and help', () => {
    expect(p('/start ABCD2345')).toEqual({ kind: 'register', code: 'ABCD2345' });
    expect(p('/start@chiso_bot ABCD2345')).toEqual({ kind: 'register', code: 'ABCD2345' });
    expect(p('/dangky abcd2345')).toEqual({ kind: 'register', code: 'abcd2345' });
    expect(p('đăng ký ABCD2345')).toMatchObject({ kind: 'register' });
    expect(p('/start')).toEqual({ kind: 'start' });
    for (const text of ['/huongdan', '/help', 'giúp', 'help', 'hướng dẫn', 'bot làm được gì']) expect(p(text)).toEqual({ kind: 'help' });
  });

  it('reads progress said in words, a question about it, and leaves the rest alone', () => {
    expect(p('đã xong nhiệm vụ 3')).toEqual({ kind: 'task-report', taskId: 3, status: 'hoan-thanh', note: null });
    // Denied, or asked with a courtesy after it: shown, never recorded.
    for (const text of ['nhiệm vụ 3 không hoàn thành được', 'nhiệm vụ 3 chưa được hoàn thành', 'không thể hoàn thành nhiệm vụ 3', 'nhiệm vụ 3 xong chưa anh', 'nhiệm vụ 3 hoàn thành chưa, báo cáo nhé']) {
      expect(p(text), text).toEqual({ kind: 'progress', taskId: 3 });
    }
    expect(p('NV3 hoàn thành rồi')).toEqual({ kind: 'task-report', taskId: 3, status: 'hoan-thanh', note: null });
    expect(p('#12 đang làm')).toEqual({ kind: 'task-report', taskId: 12, status: 'dang-lam', note: null });
    expect(p('việc số 5 chưa xong, mới được 40%')).toEqual({ kind: 'task-report', taskId: 5, status: 'dang-lam', note: 'việc số 5 chưa xong, mới được 40%' });
    expect(p('nhiệm vụ 3 xong chưa?')).toEqual({ kind: 'progress', taskId: 3 });
    // Partly done, or done foreseen: under way, what was said kept as the note.
    for (const text of ['nhiệm vụ 3 hoàn thành 70%', 'nhiệm vụ 3 sắp hoàn thành', 'nhiệm vụ 3 dự kiến xong 30/11']) {
      expect(p(text), text).toEqual({ kind: 'task-report', taskId: 3, status: 'dang-lam', note: text });
    }
    expect(p('nhiem vu 3 den dau roi')).toEqual({ kind: 'progress', taskId: 3 });
    for (const text of [
      'nếu nhiệm vụ 2 hoàn thành thì điểm tăng bao nhiêu',
      'điểm tháng 8 đạt 70%',
      'nhiệm vụ số hóa đạt 70%',
      'giao nhiệm vụ 3 cho xã',
      'nhiệm vụ 3 được giao cho ai',
      'kết quả công việc 6 tháng qua đạt 85%',
      'đã xong việc 2 hôm trước',
      'giao việc 3 cho xã Nông Trang hoàn thành trước 30/10',
      'Việt Trì xếp #3 đạt 90%',
      'Kết quả thực hiện nhiệm vụ 6 tháng đầu năm đạt 85%',
      // Two tasks in one message: which status is whose is not sure.
      'nhiệm vụ 3 đạt 70%, nhiệm vụ 4 hoàn thành',
    ]) {
      expect(p(text).kind, text).not.toMatch(/task-report|progress/);
    }
  });

  it('names a bad period rather than guessing', () => {
    expect(p('/diem thang 13')).toEqual({ kind: 'bad-period', reason: 'month', value: '13' });
    expect(p('Việt Trì tháng 13 được mấy điểm')).toEqual({ kind: 'bad-period', reason: 'month', value: '13' });
    // Months taken together are no period of the index: neither the year nor a month is answered instead.
    expect(p('điểm 6 tháng đầu năm')).toEqual({ kind: 'bad-period', reason: 'span', value: '6 tháng đầu năm' });
    expect(p('Việt Trì nửa cuối năm 2025 được mấy điểm')).toEqual({ kind: 'bad-period', reason: 'span', value: 'nửa cuối năm' });
  });

  it('does not mistake other words for commands or questions', () => {
    expect(p('diemdanh')).toMatchObject({ kind: 'unknown' });
    expect(p('/xoa')).toMatchObject({ kind: 'unknown' });
    expect(p('chào bot')).toEqual({ kind: 'greeting' });
    expect(p('hôm nay trời đẹp quá')).toMatchObject({ kind: 'unknown' });
  });

  it('keeps a verb that opens a message apart from a name that starts like it', () => {
    expect(p('hủy')).toEqual({ kind: 'cancel' });
    expect(p('đổi hạn 12 20/3')).toEqual({ kind: 'move', taskId: 12, deadlineText: '20/3' });
    expect(p('tiến độ nhiệm vụ 7')).toEqual({ kind: 'progress', taskId: 7 });
    expect(question('tiến độ Việt Trì')).toMatchObject({ intent: 'detail', group: 'TDGQ', units: [[5]] });
  });

  it('reads a date as its month, and a number as no name', () => {
    expect(question('kết quả ngày 20/11/2026')).toMatchObject({ period: { kind: 'month', month: 11, year: 2026 }, unknownName: null });
    expect(question('điểm ngày 20/11')).toMatchObject({ period: { kind: 'month', month: 11 }, unknownName: null });
    const top = p('top 5 phường tháng 8');
    expect(top).toMatchObject({ kind: 'question', question: { intent: 'top', unitsAsked: { kind: 'phuong' }, unknownName: null } });
  });

  it('takes "hạng" anywhere for the rank, but not a four-letter slip for a cue', () => {
    expect(question('hạng của Việt Trì')).toMatchObject({ intent: 'rank', units: [[5]] });
    expect(question('Việt Trì có bị tụt hạng không')).toMatchObject({ intent: 'rank', units: [[5]] });
    expect(p('quá hạnn')).toEqual({ kind: 'overdue' });
  });

  it('tells a group from a unit of the same letters by the kind word or the tone marks typed', () => {
    expect(question('điểm Hải Long tháng 8')).toMatchObject({ intent: 'score', group: null, units: [[6]] });
    expect(question('điểm xã Hai Long')).toMatchObject({ group: null, units: [[6]] });
    expect(question('chỉ số hài lòng tháng 8')).toMatchObject({ intent: 'detail', group: 'MDHL', units: [] });
    expect(question('chi so hai long')).toMatchObject({ intent: 'detail', group: 'MDHL', units: [] });
  });

  it('reads the words after a kind word as a name even when they are filler elsewhere, and keeps a slip to the kind said', () => {
    expect(question('điểm tỉnh Hà Nam')).toMatchObject({ units: [], unknownName: 'Hà Nam' });
    expect(question('xã Minh Hà xếp thứ mấy')).toMatchObject({ intent: 'rank', units: [], unknownName: 'Minh Hà' });
    // "phuong hong" is two letters from "Thượng Long", a xã: not the phường asked about.
    expect(question('điểm phường Hồng Hà tháng 8')).toMatchObject({ units: [], unknownName: 'Hồng Hà' });
  });

  it('reads a day and month as that month, and a year after a comma as its year', () => {
    expect(question('điểm Việt Trì ngày 12/10')).toMatchObject({ period: { kind: 'month', month: 10 }, units: [[5]] });
    expect(question('điểm Việt Trì tháng 8, 2026')).toMatchObject({ period: { kind: 'month', month: 8, year: 2026 } });
  });

  it('takes only plain questions for clear ones, which a group hears without being addressed', () => {
    const clear = (text: string) => {
      const request = p(text);
      return request.kind === 'question' && request.question.clear;
    };
    for (const text of ['tháng 8 được mấy điểm?', 'Việt Trì xếp thứ mấy', 'kết quả tháng 8 của Việt Trì', 'phường nào cao điểm nhất']) expect(clear(text)).toBe(true);
    for (const text of ['Mất điện rồi', 'thấy chưa', 'Địa điểm họp ở đâu?', 'hôm nay mưa nhiều hơn', 'đất đai xã Bần Yên Nhân thế nào', 'có việc gì không', 'thôi', 'Việt Trì', 'diemm t8']) {
      expect(clear(text)).toBe(false);
    }
  });

  it('takes a long pasted text for no question', () => {
    expect(p(`điểm Việt Trì ${'và các đơn vị khác '.repeat(20)}`)).toMatchObject({ kind: 'unknown' });
  });

  it('reads the leader report apart from the delivery report, /baocao keeping its meaning', () => {
    expect(p('/baocao tháng 8/2026')).toEqual({ kind: 'report', periodText: 'tháng 8/2026' });
    expect(p('/thuthap tháng 8')).toEqual({ kind: 'collect', periodText: 'tháng 8' });
    expect(p('thu thập quý 3/2026')).toEqual({ kind: 'collect', periodText: 'quy 3/2026' });
    expect(p('báo cáo gửi tháng 8/2026')).toEqual({ kind: 'report', periodText: 'thang 8/2026' });
    expect(p('/baocaothang')).toEqual({ kind: 'monthly-report', period: { kind: 'latest' } });
    expect(p('/baocaothang 8')).toEqual({ kind: 'monthly-report', period: { kind: 'month', month: 8 } });
    expect(p('báo cáo tháng 8/2026')).toEqual({ kind: 'monthly-report', period: { kind: 'month', month: 8, year: 2026 } });
    expect(p('bao cao thang truoc')).toEqual({ kind: 'monthly-report', period: { kind: 'month', month: 10, year: 2026 } });
    expect(p('/baocaothang quý 3')).toEqual({ kind: 'monthly-report', period: { kind: 'quarter', quarter: 3 } });
    expect(p('báo cáo tháng 13')).toMatchObject({ kind: 'bad-period' });
  });
});

