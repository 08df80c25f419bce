/** The first slice end to end: invite, /start, /diem and its twins, over the real webhook. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { textUpdate, type TestChat } from '../helpers/telegram-stand-in.js';

let t: TestApp;
let leaderCode = '';


beforeAll(async () => {
  t = await startTestApp({ mode: 'webhook' });
  const demo = await t.admin<{ reports: unknown[] }>('POST', '/api/demo');
  expect(demo.status).toBe(200);
  const invite = await t.admin<{ code: string; link: string }>('POST', '/api/invites', { unit: 'Mỹ Hào', role: 'leader' });
  expect(invite.status).toBe(201);
  leaderCode = invite.body.code;
});

afterAll(async () => {
  await t?.stop();
});

describe('start-up against the Bot API', () => {
  it('sets the webhook with its secret and the Vietnamese command menu', () => {
    const [hook] = t.telegram.callsOf('setWebhook');
    expect(hook?.payload.url).toBe('https://chiso.example.gov.vn/telegram/webhook');
    expect(hook?.payload.secret_token).toBe('test-webhook-secret');
    expect(hook?.payload.allowed_updates).toEqual(['message', 'callback_query', 'my_chat_member']);
    const [menu] = t.telegram.callsOf('setMyCommands');
    expect(menu?.payload.commands).toEqual([
      { command: 'diem', description: 'Xem điểm Bộ chỉ số của đơn vị' },
      { command: 'xephang', description: 'Xếp hạng các đơn vị cùng cấp' },
      { command: 'chitiet', description: 'Chi tiết chỉ tiêu thành phần của một nhóm' },
      { command: 'xuhuong', description: 'Biểu đồ xu hướng điểm 12 kỳ gần nhất' },
      { command: 'sosanh', description: 'So sánh hai đơn vị theo từng nhóm' },
      { command: 'uoctinh', description: 'Ước tính điểm nếu một chỉ tiêu đạt tỷ lệ mới' },
      { command: 'nhiemvu', description: 'Nhiệm vụ của đơn vị, cập nhật tiến độ' },
      { command: 'giaoviec', description: 'Giao nhiệm vụ cho đơn vị (lãnh đạo)' },
      { command: 'baocaothang', description: 'Báo cáo một trang hằng tháng cho lãnh đạo (PDF)' },
      { command: 'huongdan', description: 'Hướng dẫn sử dụng và ví dụ' },
      { command: 'dangky', description: 'Đăng ký cuộc trò chuyện bằng mã mời' },
    ]);
  });
});

describe('registration', () => {
  it('asks an unlinked chat to register before /diem without a unit', async () => {
    const reply = await t.ask('/diem', { id: 5550099, type: 'private' });
    expect(reply).toContain('chưa gắn với đơn vị nào');
    expect(reply).toContain('/dangky');
  });

  it('refuses an unknown code, naming it', async () => {
    expect(await t.ask('/start NOPE1234')).toContain('Mã mời «NOPE1234» không đúng');
  });

  it('links the chat to Mỹ Hào as leader with /start CODE', async () => {
    const reply = await t.ask(`/start ${leaderCode}`);
    expect(reply).toContain('Đã đăng ký');
    expect(reply).toContain('thị xã Mỹ Hào');
    expect(reply).toContain('vai trò lãnh đạo');
  });

  it('does not let a single-use leader code link a second chat', async () => {
    expect(await t.ask(`/start ${leaderCode}`, { id: 5550002, type: 'private' })).toContain('đã được dùng hết');
  });
});

describe('the result card', () => {
  const expectMyHaoCard = (card: string) => {
    expect(card).toContain('<b>Kết quả Bộ chỉ số 766 – thị xã Mỹ Hào, tháng 02/2025</b>');
    expect(card).toContain('Tổng điểm: 91,34/100');
    expect(card).toContain('Xếp hạng: 1/10 huyện/thị xã/thành phố');
    expect(card).toContain('Xếp loại: Xuất sắc');
    for (const line of [
      '• Công khai, minh bạch: 18/18 (100%)',
      '• Tiến độ giải quyết: 20/20 (99,93%)',
      '• Dịch vụ công trực tuyến: 10/12 (94,6%)',
      '• Thanh toán trực tuyến: 9,6/10 (82,41%)',
      '• Mức độ hài lòng: 18/18 (100%)',
      '• Số hóa hồ sơ: 15,8/22 (71,7%)',
      '– Tỷ lệ hồ sơ TTHC số hóa hồ sơ, kết quả giải quyết TTHC: 95,93%',
      '– Tỷ lệ hồ sơ cấp kết quả điện tử: 95,93%',
      '– Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa: 03 hồ sơ, 0,08%',
      'Nhóm cần cải thiện: Số hóa hồ sơ (15,8/22), Dịch vụ công trực tuyến (10/12)',
    ]) {
      expect(card).toContain(line);
    }
  };

  it('answers /diem thang 2 with the letter exactly', async () => {
    expectMyHaoCard(await t.ask('/diem thang 2'));
  });

  it.each(['điểm tháng 2/2025', 'diem t2', 'Điểm Tháng 2', 'xem điểm tháng 02/2025', '/diem@chiso_test_bot t2', '/diem', '/diem thang 2 Mỹ Hào'])(
    'answers the twin %s with the same card',
    async (text) => {
      expectMyHaoCard(await t.ask(text));
    },
  );

  it('says which periods exist when the month has no data', async () => {
    const reply = await t.ask('/diem thang 3');
    expect(reply).toContain('Chưa có kết quả tháng 3 của thị xã Mỹ Hào');
    expect(reply).toContain('Các kỳ đã có: tháng 02/2025');
  });

  it('says so for a unit it does not know', async () => {
    expect(await t.ask('/diem thang 2 phường Bần Yên Nhân')).toContain('Không tìm thấy đơn vị «Bần Yên Nhân»');
  });

  it('rejects a month that cannot exist, naming it', async () => {
    expect(await t.ask('diem thang 13')).toContain('Không có tháng «13»');
    expect(await t.ask('điểm 6 tháng đầu năm')).toContain('Bộ chỉ số tính điểm theo tháng, quý và năm, không có kỳ «6 tháng đầu năm».');
  });

  it('answers any chat about a named unit: results are public', async () => {
    expectMyHaoCard(await t.ask('điểm thị xã Mỹ Hào tháng 2', { id: 5550003, type: 'private' }));
  });
});

describe('help and the unknown', () => {
  it('explains the commands with examples', async () => {
    const help = await t.ask('/huongdan');
    expect(help).toContain('/diem tháng 2');
    expect(help).toContain('/dangky MÃ');
    expect(help).toContain('/sosanh Việt Trì Nông Trang tháng 8');
    expect(help).toContain('/uoctinh thanh toán 90');
    expect(await t.ask('giúp')).toContain('Hướng dẫn sử dụng chiso-bot');
  });

  it('never stays silent on what it does not understand', async () => {
    const reply = await t.ask('cho tôi hỏi cái này');
    expect(reply).toContain('Tôi chưa hiểu «cho tôi hỏi cái này»');
    expect(reply).toContain('/huongdan');
  });

  it('escapes HTML that the user typed', async () => {
    expect(await t.ask('<b>hi</b> & bye')).toContain('&lt;b&gt;hi&lt;/b&gt; &amp; bye');
  });

  it('stays quiet on group chatter not addressed to it, but answers commands there', async () => {
    const group: TestChat = { id: -100777, type: 'group', title: 'Tổ công tác' };
    const before = t.telegram.sentTexts(group.id).length;
    expect(await t.deliver(textUpdate('chào cả nhà', group))).toBe(200);
    expect(t.telegram.sentTexts(group.id).length).toBe(before);
    expect(await t.ask('/diem thang 2 Mỹ Hào', group)).toContain('Tổng điểm: 91,34/100');
  });
});

describe('the webhook guard', () => {
  it('refuses a wrong secret with 401 and answers nothing', async () => {
    const before = t.telegram.sentTexts().length;
    expect(await t.deliver(textUpdate('/huongdan'), 'wrong-secret')).toBe(401);
    const missing = await fetch(`${t.app.url}/telegram/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(textUpdate('/huongdan')) });
    expect(missing.status).toBe(401);
    expect(t.telegram.sentTexts().length).toBe(before);
  });

  it('answers the same update_id once', async () => {
    const update = textUpdate('/huongdan');
    const before = t.telegram.sentTexts().length;
    expect(await t.deliver(update)).toBe(200);
    expect(await t.deliver(update)).toBe(200);
    expect(t.telegram.sentTexts().length).toBe(before + 1);
  });
});
