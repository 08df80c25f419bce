/** The preview of a letter: where the period came from, a rank without its base, the printed change, what could not be read. */
import { describe, expect, it } from 'vitest';
import { letterBatch } from '../../src/imports/letter.js';
import type { ImportReport } from '../../src/imports/save.js';
import { t } from '../../src/messages/i18n.js';
import { renderDraft } from '../../src/messages/import-preview.js';
import type { DraftState } from '../../src/services/import-drafts.js';

function preview(text: string, period: string | null = null): string[] {
  const { batch } = letterBatch(text, 'cv.txt', period);
  if (!batch) throw new Error('no batch');
  const state = {
    kind: 'ready',
    draft: { id: 7, files: [{ fileName: 'cv.txt', base64: '' }] },
    batch,
    outcome: { lostComplete: [], periodPublished: false } as unknown as ImportReport & { lostComplete: string[] },
  } as unknown as DraftState;
  return renderDraft(t, state).lines;
}

describe('the preview of a letter', () => {
  it('says where the period came from, shows a rank without its base, the change as printed, and what it could not bind', () => {
    const lines = preview('Kết quả Bộ chỉ số: xã An Bình đạt 92,1 điểm, hạng 3, tăng 1,5 điểm và tăng 2 bậc. Điểm cao nhất của cấp xã là 97,12 điểm.', '2025-06');
    const text = lines.join('\n');
    expect(text).toContain('theo kỳ người nhập chỉ định');
    expect(text).toContain('Xếp hạng: 3');
    expect(text).toContain('Thay đổi theo công văn: +1,5 điểm, ↑ 2 bậc');
    expect(text).toContain('Không đọc được');
    expect(text).toContain('97,12 điểm — «Điểm cao nhất của cấp xã là 97,12 điểm.»');
  });
});
