import { NUMBER } from './number.js';

// ---------------------------------------------------------------------------------------------------
// What a score looks like, and the words that make a number of points no unit's score.

/**
 * "91,34 điểm", "18/18 điểm", "17,5 điểm/18 điểm", "91,34 trên 100 điểm", "85,28/100", "tổng điểm 88,5".
 * In a score a dot is a decimal point, never a thousands separator: "15.810" is 15.810 (a score is at
 * most 100, so 15 810 cannot be meant). Counts ("2.348 hồ sơ") are read elsewhere, with thousands.
 */
export const SCORE_RE = new RegExp(
  String.raw`(?<![\d.,/])(?:(${NUMBER})\s*(?:(?:(diem)\s*)?(?:/|tren\s+(?:tong\s+so\s+)?)\s*(${NUMBER})(?!\d)(?:\s*(diem))?|(diem))(?![a-z])` +
    String.raw`|(?<=(?:tong (?:so )?diem|diem tong|diem so)(?: dat| la| dat duoc)?:? ?)(${NUMBER})(?![\d.,]?\d|\s*(?:[/%]|diem|tren))` +
    // "dẫn đầu … với 91,18, xếp loại xuất sắc": a decimal with its classification is a total, "điểm" left out.
    String.raw`|(?<=\svoi )(\d{1,3}[.,]\d{1,2})(?=,?\s+xep loai\s))`,
  'g',
);
/** Words right before a number of points that make it a difference, a bound or an estimate ("đạt trên 85 điểm"), not a score. */
export const NOT_A_SCORE_END =
  /(?<![a-z])(?:tang|giam|hon|kem|thieu|tru|mat|chenh lech|cach|toi da|thang diem|ty trong|tren|duoi|khoang|gan|xap xi|tu|it nhat)(?:\s+(?:them|khoang|duoc|di|la|den|tu|gan))?[\s:]*$/;
export const NOT_A_SCORE = /(?<![a-z])(?:trung binh|binh quan|muc tieu|chi tieu|ke hoach|phan dau|thang truoc|ky truoc|quy truoc|nam truoc|cung ky|toi da)(?![a-z])/;
/** What a score is about is said within its clause: never look further back than this. */
export const LOOK_BACK = 300;
/** Words anywhere in a clause that date its figure before the period or after it ("Tuần trước, huyện … đạt", "Dự kiến tháng 12"); "so với tháng trước" compares, it does not date. */
export const NOT_NOW = /(?<![a-z])(?<!so voi )(?:(?:thang|tuan|quy|nam|ky) truoc|du kien|du bao|uoc dat|uoc tinh|se dat|neu|co the)(?![a-z])/;
