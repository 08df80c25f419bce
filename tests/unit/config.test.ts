import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

/** The ConfigError these settings are refused with; fails the test when they are taken. */
function refusal(env: NodeJS.ProcessEnv): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  return expect.unreachable();
}

describe('settings', () => {
  it('runs on embedded PGlite in ./data with no Telegram when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.database).toEqual({ dataDir: expect.stringMatching(/\/data$/) });
    expect(config.telegram).toBeNull();
    expect(config.timeZone).toBe('Asia/Ho_Chi_Minh');
  });

  it('uses PostgreSQL when DATABASE_URL is set, and webhook mode with PUBLIC_URL', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://u@h/db', TELEGRAM_BOT_TOKEN: '1:abc', PUBLIC_URL: 'https://x.gov.vn/' });
    expect(config.database).toEqual({ url: 'postgres://u@h/db' });
    expect(config.telegram?.publicUrl).toBe('https://x.gov.vn');
    expect(config.telegram?.webhookSecret).toMatch(/^[a-f0-9]{48}$/);
  });

  it('believes X-Forwarded-For only from the proxies TRUST_PROXY names', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1,10.0.0.0/8' }).trustProxy).toBe('127.0.0.1,10.0.0.0/8');
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(() => loadConfig({ TRUST_PROXY: 'proxy.local' })).toThrow(/TRUST_PROXY: phải là true hoặc danh sách địa chỉ/);
  });

  it("reads the collector's settings, with the portal's address and a slow pace by default", () => {
    expect(loadConfig({}).collector).toEqual({ apiRoot: 'https://dichvucong.gov.vn', contact: null, pauseMs: 5000, jitterMs: 3000, timeoutMs: 30_000, provinces: [], time: '06:30', national: true });
    const set = loadConfig({ PORTAL_API_ROOT: 'http://127.0.0.1:9/', COLLECT_PROVINCES: 'h44, H26,H44', COLLECT_TIME: '07:15', COLLECT_PAUSE_MS: '0', COLLECT_CONTACT: 'vanphong@phutho.gov.vn' });
    expect(set.collector).toMatchObject({ apiRoot: 'http://127.0.0.1:9', provinces: ['H44', 'H26'], time: '07:15', pauseMs: 0, contact: 'vanphong@phutho.gov.vn' });
    const problems = refusal({ PORTAL_API_ROOT: 'dichvucong', COLLECT_PROVINCES: 'Phú Thọ', COLLECT_TIME: '25:00', COLLECT_TIMEOUT_MS: '10', COLLECT_PAUSE_MS: '-1', COLLECT_CONTACT: 'a (b)' }).problems.join('\n');
    expect(problems).toContain('PORTAL_API_ROOT: phải là một địa chỉ URL, ví dụ https://dichvucong.gov.vn (giá trị hiện tại: "dichvucong")');
    expect(problems).toContain('COLLECT_PROVINCES: phải là các mã tỉnh của Cổng DVCQG, cách nhau bởi dấu phẩy, ví dụ H44,H26');
    expect(problems).toContain('COLLECT_TIME: phải có dạng HH:MM, ví dụ 06:30');
    expect(problems).toContain('COLLECT_TIMEOUT_MS: phải từ 100 ms trở lên');
    expect(problems).toContain('COLLECT_PAUSE_MS: phải từ 0 trở lên');
    expect(problems).toContain('COLLECT_CONTACT: một dòng, không có dấu ngoặc');
    // No pause is for a local stand-in only: the real portal is never asked back to back.
    expect(() => loadConfig({ COLLECT_PAUSE_MS: '0' })).toThrow('COLLECT_PAUSE_MS: với Cổng DVCQG thật (dichvucong.gov.vn) phải từ 1000 ms trở lên');
    expect(() => loadConfig({ PORTAL_API_ROOT: 'https://api.dichvucong.gov.vn', COLLECT_PAUSE_MS: '999' })).toThrow(ConfigError);
    expect(loadConfig({ COLLECT_PAUSE_MS: '1000' }).collector.pauseMs).toBe(1000);
    expect(loadConfig({ COLLECT_NATIONAL: 'false' }).collector.national).toBe(false);
    expect(() => loadConfig({ COLLECT_NATIONAL: 'no' })).toThrow('COLLECT_NATIONAL: phải là true');
  });

  it('names every bad value with its variable and value', () => {
    const problems = refusal({ PORT: 'abc', DATABASE_URL: 'mysql://x', TELEGRAM_BOT_TOKEN: 'token', TELEGRAM_WEBHOOK_SECRET: 'có dấu', ADMIN_TOKEN: 'short' }).problems.join('\n');
    expect(problems).toContain('PORT: phải là một số (giá trị hiện tại: "abc")');
    expect(problems).toContain('DATABASE_URL: phải bắt đầu bằng postgres://');
    expect(problems).toContain('TELEGRAM_BOT_TOKEN: không đúng dạng token');
    expect(problems).toContain('TELEGRAM_WEBHOOK_SECRET: chỉ gồm A-Z');
    expect(problems).toContain('ADMIN_TOKEN: phải dài ít nhất 16 ký tự');
  });

  it('refuses a time zone Intl does not know and a holiday that is not a real date', () => {
    expect(loadConfig({ TZ: 'Europe/Paris', HOLIDAYS: '2028-02-29, 2026-09-02' }).holidays).toEqual(new Set(['2028-02-29', '2026-09-02']));
    expect(() => loadConfig({ TZ: 'Mars/Base' })).toThrow(/TZ: không phải múi giờ IANA .*"Mars\/Base"/);
    for (const day of ['2026-13-01', '2026-02-29', '2026-04-31', '2026-1-5']) expect(() => loadConfig({ HOLIDAYS: day })).toThrow(/HOLIDAYS: phải là danh sách ngày có thật/);
  });

  it('says what is wrong in one line, showing a secret only by its length and last four characters', () => {
    const { message } = refusal({ TELEGRAM_BOT_TOKEN: 'secret-but-not-a-token-WXYZ', ADMIN_TOKEN: 'short-secret', DATABASE_URL: 'mysql://u:pass-word@h/db', LOG_FORMAT: 'xml' });
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toContain('TELEGRAM_BOT_TOKEN: không đúng dạng token của BotFather (123456:ABC…) (giá trị hiện tại: 27 ký tự, kết thúc bằng «…WXYZ»)');
    expect(message).toContain('ADMIN_TOKEN: phải dài ít nhất 16 ký tự (giá trị hiện tại: 12 ký tự, kết thúc bằng «…cret»)');
    expect(message).toContain('"mysql://u:***@h/db"');
    expect(message).toContain('LOG_FORMAT: phải là json');
    for (const secret of ['secret-but-not', 'short-secret', 'pass-word']) expect(message).not.toContain(secret);
  });
});
