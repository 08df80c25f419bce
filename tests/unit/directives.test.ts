import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { directiveTitle, extractDirectives } from '../../src/domain/directives.js';

const seed = readFileSync(new URL('../../samples/letters/myhao-2025-02.txt', import.meta.url), 'utf8');

describe('extractDirectives', () => {
  it('reads the four directives of the Mỹ Hào letter', () => {
    const directives = extractDirectives(seed);
    expect(directives).toHaveLength(4);
    expect(directives[0]).toMatch(/^Tiếp tục đẩy mạnh các giải pháp cải cách/);
    expect(directives[0]).toContain('giải quyết TTHC, cung cấp dịch vụ công trực tuyến');
    expect(directives[0]).toMatch(/Công văn số 608\/UBND-VP ngày 22\/4\/2024 của UBND thị xã\.$/);
    expect(directives[1]).toMatch(/^Thực hiện nghiêm túc, quyết liệt/);
    expect(directives[2]).toMatch(/^Yêu cầu UBND các xã, phường/);
    expect(directives[3]).toBe('Giao Văn phòng HĐND và UBND thị xã công khai kết quả trên Cổng Thông tin điện tử thị xã.');
    for (const d of directives) expect(d).not.toMatch(/\n|\s{2}/);
  });

  it('reads a) b) items after "yêu cầu … thực hiện các nội dung sau"', () => {
    const text = [
      'UBND huyện yêu cầu UBND các xã thực hiện các nội dung sau:',
      'a) Rà soát toàn bộ hồ sơ tồn đọng',
      'trước ngày 30/9/2026;',
      'b) Báo cáo kết quả về Văn phòng   UBND huyện.',
      '',
      'Trên đây là chỉ đạo của UBND huyện.',
    ].join('\n');
    expect(extractDirectives(text)).toEqual([
      'Rà soát toàn bộ hồ sơ tồn đọng trước ngày 30/9/2026',
      'Báo cáo kết quả về Văn phòng UBND huyện.',
    ]);
  });

  it('reads "- " bullets after "triển khai một số nhiệm vụ sau", without diacritics', () => {
    const text = [
      'De nghi cac phong, ban trien khai mot so NHIEM VU SAU :',
      '- Cap nhat ho so len Cong Dich vu cong.',
      '- Thanh toan truc tuyen 100% ho so.',
      'KT. CHU TICH',
    ].join('\r\n');
    expect(extractDirectives(text)).toEqual(['Cap nhat ho so len Cong Dich vu cong.', 'Thanh toan truc tuyen 100% ho so.']);
  });

  it('reads "2)" numbering and stops at "Nơi nhận:"', () => {
    const text = [
      'Chủ tịch UBND xã đề nghị thực hiện các yêu cầu sau:',
      '1) Niêm yết công khai thủ tục hành chính.',
      '2) Số hóa hồ sơ',
      'ngay khi tiếp nhận.',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT.',
    ].join('\n');
    expect(extractDirectives(text)).toEqual(['Niêm yết công khai thủ tục hành chính.', 'Số hóa hồ sơ ngay khi tiếp nhận.']);
  });

  it('finds nothing in a letter without such a section', () => {
    const text = 'Kết quả Bộ chỉ số tháng 02/2025 như sau:\n- Tổng điểm: 88,5/100.\n\nNơi nhận:\n- Như trên;';
    expect(extractDirectives(text)).toEqual([]);
    expect(extractDirectives('')).toEqual([]);
  });

  it('finds nothing when prose, not a list, follows the phrase', () => {
    expect(extractDirectives('Yêu cầu thực hiện nội dung sau:\nCác xã báo cáo trước ngày 20.\n1. Không phải chỉ đạo.')).toEqual([]);
  });

  it('reads items that start on the line of the phrase', () => {
    expect(extractDirectives('thực hiện một số nội dung sau: 1. Báo cáo ngay.\n2. Lưu hồ sơ.\nTM. ỦY BAN NHÂN DÂN')).toEqual([
      'Báo cáo ngay.',
      'Lưu hồ sơ.',
    ]);
  });
});

describe('directiveTitle', () => {
  it('keeps the first sentence', () => {
    expect(directiveTitle('Báo cáo kết quả. Gửi về Văn phòng.')).toBe('Báo cáo kết quả');
    expect(directiveTitle('Rà soát hồ sơ; báo cáo trước ngày 30/9.')).toBe('Rà soát hồ sơ');
    expect(directiveTitle('Giao Văn phòng HĐND và UBND thị xã công khai kết quả.')).toBe('Giao Văn phòng HĐND và UBND thị xã công khai kết quả');
    expect(directiveTitle('Không có dấu chấm')).toBe('Không có dấu chấm');
  });

  it('does not stop at a dot inside a number or a reference', () => {
    expect(directiveTitle('Đạt 99.5% hồ sơ đúng hạn. Còn lại')).toBe('Đạt 99.5% hồ sơ đúng hạn');
  });

  it('cuts a long first sentence at a word', () => {
    const title = directiveTitle('Tiếp tục đẩy mạnh các giải pháp cải cách và nâng cao hiệu quả giải quyết TTHC', 40);
    expect(title).toBe('Tiếp tục đẩy mạnh các giải pháp cải…');
    expect(title.length).toBeLessThanOrEqual(40);
  });

  it('titles the first directive of the seed letter', () => {
    const first = extractDirectives(seed)[0] ?? '';
    const sentence = 'Tiếp tục đẩy mạnh các giải pháp cải cách và nâng cao hiệu quả giải quyết TTHC, cung cấp dịch vụ công trực tuyến, số hóa hồ sơ';
    expect(directiveTitle(first, 200)).toBe(sentence);
    // 125 characters: the default 120 cuts it.
    expect(directiveTitle(first)).toBe('Tiếp tục đẩy mạnh các giải pháp cải cách và nâng cao hiệu quả giải quyết TTHC, cung cấp dịch vụ công trực tuyến, số…');
    const short = directiveTitle(first, 60);
    expect(short.length).toBeLessThanOrEqual(60);
    expect(short.endsWith('…')).toBe(true);
    expect(short).not.toMatch(/[, ]…$/);
  });
});
