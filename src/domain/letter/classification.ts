import type { Period } from '../period.js';
import type { Doc } from './document.js';
import { elsewhere } from './scores.js';

// ---------------------------------------------------------------------------------------------------
// Classifications: "xếp loại Tốt", "đạt loại khá".

/** "xếp loại Tốt" in any case; "đạt mức Tốt" only capitalised, since "các chỉ số đang ở mức tốt" is prose, not a band. */
const CLASSIFICATION_RE =
  /(?<![a-z])(?:(xep loai|dat loai|xep muc|thuoc nhom|phan loai)|dat muc|o muc|loai)\s*["'“”]?\s*(xuat sac|tot|kha|trung binh kha|trung binh|yeu|kem)(?![a-z])/g;
export const CLASSIFICATION: Record<string, string> = {
  'xuat sac': 'Xuất sắc',
  tot: 'Tốt',
  kha: 'Khá',
  'trung binh kha': 'Trung bình khá',
  'trung binh': 'Trung bình',
  yeu: 'Yếu',
  kem: 'Kém',
};

export function* allClassifications(doc: Doc, period: Period): Generator<{ index: number; value: string }> {
  for (const m of doc.f.matchAll(CLASSIFICATION_RE)) {
    const label = m[2] ?? '';
    const printed = doc.t.slice(m.index + m[0].length - label.length, m.index + m[0].length);
    if (m[1] === undefined && !/^\p{Lu}/u.test(printed)) continue;
    if (elsewhere(doc, m.index, period)) continue;
    // "có 20 đơn vị đạt loại xuất sắc": a count of units, nobody's class.
    const counted = /\d+\s+(?:don vi|dia phuong|xa|phuong|huyen|so|tinh|nganh|co quan)[^,.;]{0,15}$/.test(doc.f.slice(Math.max(0, m.index - 40), m.index));
    // …unless it heads the list of them ("7 sở được xếp loại tốt gồm: …").
    if (counted && !/^[^.;:]{0,30}?\s(?:bao gom|gom)(?![a-z])/.test(doc.f.slice(m.index, m.index + 60))) continue;
    const value = CLASSIFICATION[label];
    if (value) yield { index: m.index, value };
  }
}
