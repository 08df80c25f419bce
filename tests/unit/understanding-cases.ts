/**
 * What officials mean by the messages they type: the expectation table the message parser is tested against.
 * Made by hand from the units stored by `npm run cli -- demo` (Phú Thọ 08/2026 from the portal, Mỹ Hào 02/2025
 * from the letter), the help text and the examples, writing the meaning, not any parser's output; every
 * stored name was checked to exist, and typo and not-found names against all name keys by edit distance.
 */
import type { GroupKey } from '../../src/domain/framework.js';
import type { PeriodQuery } from '../../src/domain/period.js';
import type { UnitKind } from '../../src/domain/units.js';

export type Intent = 'score' | 'detail' | 'rank' | 'ranking' | 'weakest' | 'top' | 'bottom' | 'compare' | 'whatif' | 'trend' | 'ranking-chart' | 'tasks' | 'overdue' | 'assign' | 'template' | 'monthly-report' | 'help' | 'greeting' | 'thanks' | 'bad-period' | 'unknown';

export interface UnderstandingCase {
  text: string;
  intent: Intent;
  /** Units the message names, by their stored names, in the order named; omitted = none named (the chat's own unit is meant). */
  units?: string[];
  /** A name that fits several units: the stored names of every unit the bot must offer to choose from. */
  ask?: string[];
  /** Words meant as a unit name that fit no unit (folded, no diacritics, lower case): the bot must say it did not find them. */
  notFound?: string;
  /** Omitted = the latest period ({ kind: 'latest' }). Relative periods are read with TODAY = 15 December 2026 (ISO week 51). */
  period?: PeriodQuery;
  /** The group the message is about (keys: 'CKMB' Công khai minh bạch, 'TDGQ' Tiến độ giải quyết, 'CLGQ' Dịch vụ công trực tuyến, 'TTTT' Thanh toán trực tuyến, 'MDHL' Mức độ hài lòng, 'MDSH' Số hóa hồ sơ, 'CCDVTT' Cung cấp dịch vụ trực tuyến (2022)). */
  group?: GroupKey;
  /** whatif: the sub-criterion whose rate changes (the group's main one when a group is named: 1.4, 2.1, 3.3, 3.6, 4.2, 5.4), and the rate asked in percent. */
  criterion?: string;
  rate?: string;
  /** A trend drawn by quarters ("xu hướng theo quý"); omitted = by months, or by the kind of the period named. */
  scale?: 'month' | 'quarter';
  /** top/bottom: the kind of unit asked about ('xa' for xã, 'phuong' for phường, 'so-nganh' for sở/ban/ngành); omitted = any. */
  kind?: UnitKind;
  /** top/bottom: how many units are asked for ("top 5"); omitted = not said. */
  count?: number;
  /** "UBND tỉnh", "điểm của tỉnh" with no name: the province of the chat's own unit is meant. */
  ownProvince?: true;
}

// Stored unit names (exactly as `allUnits` returns them).
const TINH = 'UBND tỉnh Phú Thọ';
const P_PHU_THO = 'UBND Phường Phú Thọ';
const PHU_THO_BOTH = [TINH, P_PHU_THO];
const VT = 'UBND Phường Việt Trì';
const NT = 'UBND Phường Nông Trang';
const HC = 'UBND xã Hy Cương';
const MH = 'thị xã Mỹ Hào';
const HUNG_YEN = 'tỉnh Hưng Yên';
const XUAN_LUNG = 'UBND xã Xuân Lũng';
const HOANG_CUONG = 'UBND xã Hoàng Cương';
const LAM_THAO = 'UBND xã Lâm Thao - Tỉnh Phú Thọ';
const THANH_MIEU = 'UBND Phường Thanh Miếu';
const VAN_PHU = 'UBND Phường Vân Phú';
const PHONG_CHAU = 'UBND Phường Phong Châu';
const AU_CO = 'UBND Phường Âu Cơ';
const DAN_CHU = 'UBND xã Dân Chủ';
const PHU_MY = 'UBND xã Phú Mỹ';
const THANH_BA = 'UBND xã Thanh Ba';
const QUANG_YEN = 'UBND xã Quảng Yên';
const HA_HOA = 'UBND xã Hạ Hòa';
const HUNG_VIET = 'UBND xã Hùng Việt';
const TAM_NONG = 'UBND xã Tam Nông';
const THANH_THUY = 'UBND xã Thanh Thủy';
const DAO_XA = 'UBND xã Đào Xá';
const THANH_SON = 'UBND xã Thanh Sơn';
const TAN_SON = 'UBND xã Tân Sơn';
const YEN_LAP = 'UBND xã Yên Lập';
const MINH_HOA = 'UBND xã Minh Hòa';
const HOP_LY = 'UBND xã Hợp Lý';
const TAM_DUONG = 'UBND xã Tam Dương';
const TAM_DUONG_BAC = 'UBND xã Tam Dương Bắc';
const VINH_TUONG = 'UBND xã Vĩnh Tường - tỉnh Phú Thọ';
const VINH_PHUC = 'UBND phường Vĩnh Phúc';
const VINH_YEN = 'UBND phường Vĩnh Yên';
const PHUC_YEN = 'UBND phường Phúc Yên';
const XUAN_HOA = 'UBND phường Xuân Hòa';
const HOA_BINH = 'UBND phường Hòa Bình';
const KY_SON = 'UBND phường Kỳ Sơn';
const TAN_HOA = 'UBND phường Tân Hòa';
const THONG_NHAT = 'UBND phường Thống Nhất';
const CAO_PHONG = 'UBND xã Cao Phong';
const CAO_SON = 'UBND xã Cao Sơn';
const CAO_DUONG = 'UBND xã Cao Dương';
const TIEN_PHONG = 'UBND xã Tiền Phong';
const DUNG_TIEN = 'UBND xã Dũng Tiến';
const QUYET_THANG = 'UBND xã Quyết Thắng';
const TOAN_THANG = 'UBND xã Toàn Thắng';
const LAC_THUY = 'UBND xã Lạc Thủy';
const YEN_THUY = 'UBND xã Yên Thủy';
const BAO_LA = 'UBND xã Bao La';
const MAI_CHAU = 'UBND xã Mai Châu';
const TAM_SON = 'UBND xã Tam Sơn - Tỉnh Phú Thọ';
// The 15 sở/ban/ngành.
const VP_UBND = 'Văn phòng UBND Tỉnh - Tỉnh Phú Thọ';
const BQL_KCN = 'Ban quản lý các khu công nghiệp - Tỉnh Phú Thọ';
const S_CONG_THUONG = 'Sở Công Thương - Tỉnh Phú Thọ';
const S_GDDT = 'Sở Giáo dục và Đào tạo - Tỉnh Phú Thọ';
const S_NGOAI_VU = 'Sở Ngoại vụ - Tỉnh Phú Thọ';
const S_TU_PHAP = 'Sở Tư pháp - Tỉnh Phú Thọ';
const S_VHTTDL = 'Sở Văn hóa, Thể thao và Du lịch - Tỉnh Phú Thọ';
const S_Y_TE = 'Sở Y tế - Tỉnh Phú Thọ';
const THANH_TRA = 'Thanh tra tỉnh - Tỉnh Phú Thọ';
const S_KHCN = 'Sở Khoa học và Công nghệ - Tỉnh Phú Thọ';
const S_NOI_VU = 'Sở Nội vụ - Tỉnh Phú Thọ';
const S_TAI_CHINH = 'Sở Tài chính - Tỉnh Phú Thọ';
const S_XAY_DUNG = 'Sở Xây dựng - Tỉnh Phú Thọ';
const S_NNMT = 'Sở Nông Nghiệp và Môi Trường - Tỉnh Phú Thọ';
const S_DTTG = 'Sở Dân Tộc và Tôn Giáo - Tỉnh Phú Thọ';

// Periods. TODAY = 15 December 2026, a Tuesday of ISO week 51.
const m = (month: number, year?: number): PeriodQuery => (year === undefined ? { kind: 'month', month } : { kind: 'month', month, year });
const q = (quarter: number, year?: number): PeriodQuery => (year === undefined ? { kind: 'quarter', quarter } : { kind: 'quarter', quarter, year });
const y = (year: number): PeriodQuery => ({ kind: 'year', year });
const LAST_MONTH = m(11, 2026);
const THIS_MONTH = m(12, 2026);
const LAST_QUARTER = q(3, 2026);
const THIS_QUARTER = q(4, 2026);
const THIS_YEAR = y(2026);
const LAST_YEAR = y(2025);
const w = (week: number, year?: number): PeriodQuery => (year === undefined ? { kind: 'week', week } : { kind: 'week', week, year });
const THIS_WEEK = w(51, 2026);
const LAST_WEEK = w(50, 2026);

export const UNDERSTANDING_CASES: readonly UnderstandingCase[] = [
  // ── The issue's own examples ────────────────────────────────────────────────────────────────
  { text: 'Nông Trang', intent: 'score', units: [NT] },
  { text: 'tháng 8 Hy Cương được mấy điểm?', intent: 'score', units: [HC], period: m(8) },
  { text: 'Hy Cuong bao nhieu diem', intent: 'score', units: [HC] },
  { text: 'cho xem điểm Hy Cương', intent: 'score', units: [HC] },
  { text: 'chi so hai long Nong Trang', intent: 'detail', units: [NT], group: 'MDHL' },
  { text: 'Việt Trì tháng 8 xếp thứ mấy?', intent: 'rank', units: [VT], period: m(8) },
  { text: 'điểm tháng chín Việt Trì', intent: 'score', units: [VT], period: m(9) },
  { text: '/diem 2026-08 Việt Trì', intent: 'score', units: [VT], period: m(8, 2026) },
  { text: 'diemm thang 8 viet tri', intent: 'score', units: [VT], period: m(8) },
  // No unit named: the chat's own unit.
  { text: 'điểm tháng 8 ra sao', intent: 'score', period: m(8) },
  { text: 'Tổng điểm tháng 8 xã Hy Cương là bao nhiêu', intent: 'score', units: [HC], period: m(8) },
  { text: 'Việt Trì xếp thứ mấy?', intent: 'rank', units: [VT] },
  { text: 'nhóm nào yếu nhất?', intent: 'weakest' },
  { text: 'phường nào cao điểm nhất tháng 9?', intent: 'top', kind: 'phuong', period: m(9) },
  { text: 'so sánh Việt Trì với Nông Trang', intent: 'compare', units: [VT, NT] },
  { text: 'Việt Trì', intent: 'score', units: [VT] },
  { text: 'số hóa Việt Trì tháng 8', intent: 'detail', units: [VT], group: 'MDSH', period: m(8) },
  { text: 'điểm thanh toán trực tuyến của Hy Cương', intent: 'detail', units: [HC], group: 'TTTT' },
  { text: 'điểm Mỹ Hào tháng 2/2025', intent: 'score', units: [MH], period: m(2, 2025) },
  { text: 'thi xa my hao t2', intent: 'score', units: [MH], period: m(2) },

  // ── A unit or a period alone is a score question ─────────────────────────────────────────────
  { text: 'Hy Cương', intent: 'score', units: [HC] },
  { text: 'hy cuong', intent: 'score', units: [HC] },
  { text: 'nong trang', intent: 'score', units: [NT] },
  { text: 'Xuân Lũng', intent: 'score', units: [XUAN_LUNG] },
  { text: 't8', intent: 'score', period: m(8) },
  { text: 'T8', intent: 'score', period: m(8) },
  { text: 'tháng 8/2026', intent: 'score', period: m(8, 2026) },
  { text: '8/2026', intent: 'score', period: m(8, 2026) },
  { text: 'quý 3', intent: 'score', period: q(3) },
  { text: 'tháng trước', intent: 'score', period: LAST_MONTH },
  { text: 'Việt Trì tháng 8', intent: 'score', units: [VT], period: m(8) },
  { text: 't8 Nông Trang', intent: 'score', units: [NT], period: m(8) },
  { text: 'VIỆT TRÌ THÁNG 8', intent: 'score', units: [VT], period: m(8) },
  { text: 'DIEM HY CUONG', intent: 'score', units: [HC] },

  // ── With and without diacritics ──────────────────────────────────────────────────────────────
  { text: 'điểm Việt Trì tháng 8', intent: 'score', units: [VT], period: m(8) },
  { text: 'diem viet tri thang 8', intent: 'score', units: [VT], period: m(8) },
  { text: 'Điểm phường Nông Trang quý 3', intent: 'score', units: [NT], period: q(3) },
  { text: 'diem phuong nong trang quy 3', intent: 'score', units: [NT], period: q(3) },
  { text: 'kết quả xã Lâm Thao tháng 8', intent: 'score', units: [LAM_THAO], period: m(8) },
  { text: 'ket qua xa lam thao thang 8', intent: 'score', units: [LAM_THAO], period: m(8) },
  { text: 'Hy Cương xếp thứ mấy', intent: 'rank', units: [HC] },
  { text: 'hy cuong xep thu may', intent: 'rank', units: [HC] },
  { text: 'chi tiết số hóa Nông Trang', intent: 'detail', units: [NT], group: 'MDSH' },
  { text: 'chi tiet so hoa nong trang', intent: 'detail', units: [NT], group: 'MDSH' },
  { text: 'xã nào điểm cao nhất', intent: 'top', kind: 'xa' },
  { text: 'tỉnh nào cao điểm nhất tháng 8?', intent: 'top', kind: 'tinh', period: m(8) },
  { text: 'tinh nao diem thap nhat ca nuoc', intent: 'bottom', kind: 'tinh' },
  { text: 'xếp hạng các tỉnh tháng 8', intent: 'ranking', kind: 'tinh', period: m(8) },
  { text: 'Phú Thọ xếp thứ mấy toàn quốc?', intent: 'rank', units: [TINH], kind: 'tinh' },
  { text: 'xếp hạng 34 tỉnh, thành phố', intent: 'ranking', kind: 'tinh' },
  { text: 'Phú Thọ đứng thứ mấy trong 34 tỉnh?', intent: 'rank', units: [TINH], kind: 'tinh' },
  { text: 'xếp hạng 34 tỉnh thành tháng 8', intent: 'ranking', kind: 'tinh', period: m(8) },
  { text: 'bxh các tỉnh thành phố', intent: 'ranking', kind: 'tinh' },
  { text: 'tỉnh, thành phố nào cao nhất', intent: 'top', kind: 'tinh' },
  { text: 'Phú Thọ có cao nhất cả nước không', intent: 'top', units: [TINH], kind: 'tinh' },
  // "tỉnh thành" is the provinces; a number counts what is asked for.
  { text: 'top 3 tỉnh thành', intent: 'top', kind: 'tinh', count: 3 },
  { text: 'top 3 tinh thap nhat ca nuoc', intent: 'bottom', kind: 'tinh', count: 3 },
  { text: '5 tỉnh dẫn đầu tháng 8', intent: 'top', kind: 'tinh', count: 5, period: m(8) },
  { text: 'top 5 xã điểm cao nhất tháng 8', intent: 'top', kind: 'xa', count: 5, period: m(8) },
  { text: '5 phường thấp nhất', intent: 'bottom', kind: 'phuong', count: 5 },
  { text: 'top10 đơn vị', intent: 'top', count: 10 },
  { text: '10 xã đứng cuối tháng trước', intent: 'bottom', kind: 'xa', count: 10, period: LAST_MONTH },
  { text: 'top 5 xã tỉnh Phú Thọ', intent: 'top', kind: 'xa', count: 5, units: [TINH] },
  { text: 'top 5 thấp nhất tháng 8', intent: 'bottom', count: 5, period: m(8) },
  { text: 'top 3 nhóm yếu nhất', intent: 'weakest' },
  { text: '3 chỉ số thấp nhất tháng 8', intent: 'weakest', period: m(8) },
  // The change from the month before is on the card; rates are in the detail; where to gain, the weakest groups.
  { text: 'tháng 8 tăng bao nhiêu điểm so với tháng 7', intent: 'score', period: m(8) },
  { text: 'Việt Trì tháng 8 giảm mấy điểm', intent: 'score', units: [VT], period: m(8) },
  { text: 'kq thang 8', intent: 'score', period: m(8) },
  { text: 'tỷ lệ số hóa hồ sơ tháng 8', intent: 'detail', group: 'MDSH', period: m(8) },
  { text: 'ty le thanh toan truc tuyen cua Nong Trang', intent: 'detail', group: 'TTTT', units: [NT] },
  { text: 'làm thế nào để tăng điểm', intent: 'weakest' },
  { text: 'cách nâng điểm số hóa', intent: 'detail', group: 'MDSH' },
  { text: 'Điểm DVCTT của Việt Trì thấp quá, làm sao cải thiện?', intent: 'detail', group: 'CLGQ', units: [VT] },
  // Two units and "kém", one unit and "hơn" (the chat's own the other): a comparison; "hơn" a period: the card.
  { text: 'Việt Trì kém Nông Trang bao nhiêu điểm', intent: 'compare', units: [VT, NT] },
  { text: 'Nông Trang hơn mình không', intent: 'compare', units: [NT] },
  { text: 'Việt Trì tháng 8 cao hơn tháng 7 không', intent: 'score', units: [VT], period: m(8) },
  { text: 'khi nào có kết quả tháng 9', intent: 'score', period: m(9) },
  // The same, typed without tones.
  { text: 'top 5 xa cao nhat thang 8', intent: 'top', kind: 'xa', count: 5, period: m(8) },
  { text: 'ubnd tinh duoc bao nhieu diem', intent: 'score', ownProvince: true },
  { text: 'viet tri kem nong trang bao nhieu diem', intent: 'compare', units: [VT, NT] },
  { text: 'lam the nao de tang diem so hoa', intent: 'detail', group: 'MDSH' },
  { text: 'xep hang cac so thang 8', intent: 'ranking', kind: 'so-nganh', period: m(8) },
  { text: 'diem 6 thang dau nam', intent: 'bad-period' },
  { text: 'xã mình phải làm gì để tăng điểm', intent: 'weakest' },
  { text: 'điểm mức độ hài lòng của người dân', intent: 'detail', group: 'MDHL' },
  { text: 'cho xin kết quả chấm điểm tháng 8', intent: 'score', period: m(8) },
  { text: 'bảng điểm tháng 8', intent: 'score', period: m(8) },
  { text: 'tháng 8 có tiến bộ không', intent: 'score', period: m(8) },
  { text: 'xu hướng 6 tháng gần đây', intent: 'trend' },
  { text: 'xu hướng 6 tháng qua của Việt Trì', intent: 'trend', units: [VT] },
  { text: '6 tháng qua tháng 8 Việt Trì thế nào', intent: 'score', units: [VT], period: m(8) },
  { text: 'điểm 3 tháng đầu năm 2026', intent: 'score', period: { kind: 'quarter', quarter: 1, year: 2026 } },
  { text: '3 tháng cuối năm', intent: 'score', period: { kind: 'quarter', quarter: 4 } },
  { text: 'bieu do diem 12 thang qua cua Nong Trang', intent: 'trend', units: [NT] },
  { text: 'biểu đồ so sánh Việt Trì và Nông Trang', intent: 'compare', units: [VT, NT] },
  { text: 'so sánh tháng 8 với tháng 7', intent: 'score', period: m(8) },
  { text: 'cả năm 2025', intent: 'score', period: { kind: 'year', year: 2025 } },
  // "tỉnh" with no name after it is the chat's own province; beside "cao nhất", the province the unit is in.
  { text: 'UBND tỉnh được bao nhiêu điểm', intent: 'score', ownProvince: true },
  { text: 'điểm của tỉnh tháng 8', intent: 'score', ownProvince: true, period: m(8) },
  { text: 'tỉnh mình xếp thứ mấy', intent: 'rank', ownProvince: true },
  { text: 'xã nào cao nhất tỉnh', intent: 'top', kind: 'xa' },
  { text: 'top 10 toàn tỉnh', intent: 'top', count: 10 },
  { text: 'UBND tỉnh được mấy điểm', intent: 'score', ownProvince: true },
  // "trong tỉnh", "toàn tỉnh" beside a rank, or a lower unit said: the province is the scope, not the unit.
  { text: 'xã mình xếp thứ mấy trong tỉnh', intent: 'rank' },
  { text: 'mình đứng thứ mấy toàn tỉnh', intent: 'rank' },
  { text: 'điểm của xã trong tỉnh', intent: 'score' },
  { text: 'xã mình được mấy điểm', intent: 'score' },
  { text: 'Việt Trì đứng thứ 2 tỉnh à', intent: 'rank', units: [VT] },
  { text: 'top 100 xã', intent: 'top', kind: 'xa', count: 99 },
  { text: 'xếp hạng xã Minh Hà', intent: 'ranking', kind: 'xa', notFound: 'minh ha' },
  // A group's name after a kind word is a unit's only when that unit exists, or after "sở" written so.
  { text: 'tỉnh hài lòng được mấy điểm', intent: 'detail', group: 'MDHL', ownProvince: true },
  { text: 'số hồ sơ trễ hạn tháng 8', intent: 'detail', group: 'TDGQ', period: m(8) },
  { text: 'số điểm của tỉnh', intent: 'score', ownProvince: true },
  // Folded, "tinh" is also "tình hình" and "tính".
  { text: 'tình hình chỉ số tháng 8', intent: 'score', period: m(8) },
  { text: 'tinh hinh diem thang 8', intent: 'score', period: m(8) },
  { text: 'diem cua tinh thang 8', intent: 'score', ownProvince: true, period: m(8) },
  { text: 'xếp hạng xã của mình', intent: 'ranking', kind: 'xa' },
  { text: 'xếp hạng các sở của tỉnh', intent: 'ranking', kind: 'so-nganh' },
  { text: '3 tháng cuối năm ngoái', intent: 'score', period: { kind: 'quarter', quarter: 4, year: 2025 } },
  // After a kind word, a group's name is a unit's ("Sở TT&TT" is no Thanh toán trực tuyến), and a name alone is asked for.
  { text: 'Sở TT&TT tháng 8', intent: 'score', notFound: 'tt tt', period: m(8) },
  { text: 'phường Bần Yên Nhân', intent: 'score', notFound: 'ban yen nhan' },
  // "phường mình", "xã em": the writer's own unit, then chatter, not a name.
  { text: 'phường mình đang họp', intent: 'unknown' },
  { text: 'xã em mới sáp nhập', intent: 'unknown' },
  // "tăng" and "giảm" alone are also "tặng", "tầng", "giám đốc".
  { text: 'nhiệm vụ của phó giám đốc', intent: 'tasks' },
  { text: 'quà tặng', intent: 'unknown' },
  { text: 'điểm toàn tỉnh tháng 8', intent: 'score', ownProvince: true, period: m(8) },
  // A kind beside a ranking: the ranking of those units, in the chat's province.
  { text: 'các sở ngành xếp hạng', intent: 'ranking', kind: 'so-nganh' },
  { text: 'bxh các xã tháng 8', intent: 'ranking', kind: 'xa', period: m(8) },
  { text: 'xếp hạng sở tháng 8', intent: 'ranking', kind: 'so-nganh', period: m(8) },
  // A period after "so với" is the one compared with: the asked one is the other, or the latest.
  { text: 'hạng của mình so với tháng trước', intent: 'rank' },
  { text: 'so với tháng 7 thì tháng 8 Việt Trì thế nào', intent: 'score', units: [VT], period: m(8) },
  { text: 'tháng 8 so với tháng 7 tăng mấy điểm', intent: 'score', period: m(8) },
  { text: 'tháng 8 phường mình đứng thứ mấy so với các phường khác', intent: 'rank', period: m(8) },
  // Dossiers past their deadline are a group of the index; tasks past theirs are /quahan.
  { text: 'bao nhiêu hồ sơ trễ hạn', intent: 'detail', group: 'TDGQ' },
  { text: 'tỷ lệ hồ sơ quá hạn tháng 8', intent: 'detail', group: 'TDGQ', period: m(8) },
  { text: 'hồ sơ quá hạn của Việt Trì', intent: 'detail', group: 'TDGQ', units: [VT] },
  { text: 'nhiệm vụ nào quá hạn', intent: 'overdue' },
  { text: 'Việt Trì có việc nào trễ hạn không', intent: 'overdue' },
  { text: 'hài lòng của người dân, doanh nghiệp Việt Trì tháng 8', intent: 'detail', group: 'MDHL', units: [VT], period: m(8) },
  { text: 'điểm các tỉnh tháng 8', intent: 'ranking', kind: 'tinh', period: m(8) },
  { text: 'điểm tỉnh thành tháng 8', intent: 'ranking', kind: 'tinh', period: m(8) },
  { text: 'các tỉnh thành được bao nhiêu điểm', intent: 'ranking', kind: 'tinh' },
  { text: 'tinh thanh hoa diem thang 8', intent: 'score', notFound: 'thanh hoa', period: m(8) },
  // A bare "tỉnh" is the province the unit is in, not the country's provinces.
  { text: 'Việt Trì có cao nhất tỉnh không', intent: 'top', units: [VT] },
  { text: 'Việt Trì có đứng cuối tỉnh không', intent: 'bottom', units: [VT] },
  { text: 'xa nao diem cao nhat', intent: 'top', kind: 'xa' },
  { text: 'so sánh Hy Cương và Xuân Lũng', intent: 'compare', units: [HC, XUAN_LUNG] },
  { text: 'so sanh hy cuong va xuan lung', intent: 'compare', units: [HC, XUAN_LUNG] },
  { text: 'nhom nao yeu nhat', intent: 'weakest' },
  { text: 'xep hang thang 8', intent: 'ranking', period: m(8) },
  // Diacritics on some words only, as phones with half-working keyboards give.
  { text: 'điem Viet Trì thang 8', intent: 'score', units: [VT], period: m(8) },
  { text: 'Phong Chau được bao nhiêu điểm', intent: 'score', units: [PHONG_CHAU] },

  // ── Every word order ─────────────────────────────────────────────────────────────────────────
  { text: 'điểm Nông Trang tháng 8', intent: 'score', units: [NT], period: m(8) },
  { text: 'điểm tháng 8 Nông Trang', intent: 'score', units: [NT], period: m(8) },
  { text: 'Nông Trang điểm tháng 8', intent: 'score', units: [NT], period: m(8) },
  { text: 'Nông Trang tháng 8 điểm bao nhiêu', intent: 'score', units: [NT], period: m(8) },
  { text: 'tháng 8 Nông Trang bao nhiêu điểm', intent: 'score', units: [NT], period: m(8) },
  { text: 'tháng 8 điểm của Nông Trang', intent: 'score', units: [NT], period: m(8) },
  { text: 'xếp thứ mấy Hy Cương tháng 9', intent: 'rank', units: [HC], period: m(9) },
  { text: 'tháng 9 Hy Cương đứng thứ mấy', intent: 'rank', units: [HC], period: m(9) },
  { text: 'Hy Cương tháng 9 hạng mấy', intent: 'rank', units: [HC], period: m(9) },
  { text: 'tiến độ giải quyết tháng 8 Việt Trì', intent: 'detail', units: [VT], group: 'TDGQ', period: m(8) },
  { text: 'Việt Trì tiến độ giải quyết tháng 8', intent: 'detail', units: [VT], group: 'TDGQ', period: m(8) },
  { text: 'tháng 8 Việt Trì chi tiết tiến độ', intent: 'detail', units: [VT], group: 'TDGQ', period: m(8) },
  { text: 'tháng 9 phường nào cao điểm nhất', intent: 'top', kind: 'phuong', period: m(9) },
  { text: 'cao điểm nhất tháng 9 là phường nào', intent: 'top', kind: 'phuong', period: m(9) },
  { text: 'tháng 8 so sánh Nông Trang với Việt Trì', intent: 'compare', units: [NT, VT], period: m(8) },
  { text: 'Nông Trang với Việt Trì tháng 8 so sánh thế nào', intent: 'compare', units: [NT, VT], period: m(8) },
  { text: 'tháng 8 xếp hạng', intent: 'ranking', period: m(8) },
  { text: 'Việt Trì yếu nhất nhóm nào', intent: 'weakest', units: [VT] },
  { text: 'nhóm nào yếu nhất của Việt Trì', intent: 'weakest', units: [VT] },

  // ── Question words and particles, at the start or the end ────────────────────────────────────
  { text: 'điểm Hy Cương ra sao', intent: 'score', units: [HC] },
  { text: 'Hy Cương tháng 8 thế nào?', intent: 'score', units: [HC], period: m(8) },
  { text: 'điểm Việt Trì là bao nhiêu', intent: 'score', units: [VT] },
  { text: 'tổng điểm Nông Trang là mấy', intent: 'score', units: [NT] },
  { text: 'điểm tháng 8 ạ', intent: 'score', period: m(8) },
  { text: 'Việt Trì tháng 8 nhé', intent: 'score', units: [VT], period: m(8) },
  { text: 'Hy Cương được mấy điểm vậy', intent: 'score', units: [HC] },
  { text: 'có điểm tháng 9 chưa', intent: 'score', period: m(9) },
  { text: 'có kết quả tháng này không', intent: 'score', period: THIS_MONTH },
  { text: 'Nông Trang đạt bao nhiêu?', intent: 'score', units: [NT] },
  { text: 'thế nào rồi điểm Việt Trì?', intent: 'score', units: [VT] },
  { text: 'sao rồi, Hy Cương tháng 8 được mấy điểm', intent: 'score', units: [HC], period: m(8) },
  { text: 'điểm mới nhất của Việt Trì', intent: 'score', units: [VT] },
  { text: 'kết quả gần nhất ạ', intent: 'score' },
  { text: 'Hy Cương xếp thứ bao nhiêu vậy ạ', intent: 'rank', units: [HC] },
  { text: 'chi tiết hài lòng thế nào nhỉ', intent: 'detail', group: 'MDHL' },
  { text: 'xã nào đứng đầu vậy?', intent: 'top', kind: 'xa' },
  { text: 'mình yếu nhất ở nhóm nào ạ?', intent: 'weakest' },
  { text: 'điểm xã mình tháng 8 bao nhiêu', intent: 'score', period: m(8) },
  { text: 'đơn vị em được mấy điểm ạ', intent: 'score' },

  // ── Polite openings ──────────────────────────────────────────────────────────────────────────
  { text: 'cho em hỏi điểm Việt Trì tháng 8 ạ', intent: 'score', units: [VT], period: m(8) },
  { text: 'cho mình xem bảng xếp hạng', intent: 'ranking' },
  { text: 'xem giúp em xã Hy Cương được mấy điểm', intent: 'score', units: [HC] },
  { text: 'anh ơi Nông Trang tháng 8 bao nhiêu điểm vậy', intent: 'score', units: [NT], period: m(8) },
  { text: 'bot ơi nhóm nào yếu nhất', intent: 'weakest' },
  { text: 'chị cho hỏi Việt Trì xếp thứ mấy ạ', intent: 'rank', units: [VT] },
  { text: 'em chào anh, cho em xin điểm tháng 8 ạ', intent: 'score', period: m(8) },
  { text: 'nhờ bot xem điểm quý 3', intent: 'score', period: q(3) },
  { text: 'làm ơn cho xem chi tiết số hóa', intent: 'detail', group: 'MDSH' },
  { text: 'dạ cho em hỏi phường nào cao điểm nhất ạ', intent: 'top', kind: 'phuong' },
  { text: 'cho minh xem diem hy cuong thang truoc', intent: 'score', units: [HC], period: LAST_MONTH },
  { text: 'bot oi so sanh viet tri voi nong trang', intent: 'compare', units: [VT, NT] },
  { text: 'anh ơi cho em xin file mẫu', intent: 'template' },
  { text: 'chị ơi xem giúp em nhiệm vụ', intent: 'tasks' },
  { text: 'bạn ơi hướng dẫn mình với', intent: 'help' },
  { text: 'xin chào, cho hỏi Mỹ Hào tháng 2 được mấy điểm', intent: 'score', units: [MH], period: m(2) },

  // ── Typos of one or two letters, in names and in cue words ───────────────────────────────────
  { text: 'diem Hy Cuongg', intent: 'score', units: [HC] },
  { text: 'Nong Trag thang 8', intent: 'score', units: [NT], period: m(8) },
  { text: 'diem vietri', intent: 'score', units: [VT] },
  { text: 'diêm Viêt Trì', intent: 'score', units: [VT] },
  { text: 'Hy Cươn tháng 8', intent: 'score', units: [HC], period: m(8) },
  { text: 'điểm Nông Trangg', intent: 'score', units: [NT] },
  { text: 'diem Lam Thap', intent: 'score', units: [LAM_THAO] },
  { text: 'xep thu may Viet Tri', intent: 'rank', units: [VT] },
  { text: 'xêp thứ mấy Hy Cương', intent: 'rank', units: [HC] },
  { text: 'xếp hangj tháng 8', intent: 'ranking', period: m(8) },
  { text: 'chi tiêt số hóa Việt Trì', intent: 'detail', units: [VT], group: 'MDSH' },
  { text: 'so sanhh Viet Tri voi Nong Trang', intent: 'compare', units: [VT, NT] },
  { text: 'bao nhiu diem Hy Cuong', intent: 'score', units: [HC] },
  { text: 'Hy Cuong đc mấy điểm', intent: 'score', units: [HC] },
  { text: 'dieem thang 9', intent: 'score', period: m(9) },
  { text: 'nhóm nào yêú nhất', intent: 'weakest' },
  { text: 'Thanh Baa tháng 8', intent: 'score', units: [THANH_BA], period: m(8) },
  { text: 'điểm Quyêt Thắng', intent: 'score', units: [QUYET_THANG] },
  { text: 'Phong Chaau xep thu may', intent: 'rank', units: [PHONG_CHAU] },
  { text: 'huong dna', intent: 'help' },
  { text: 'quá hạnn', intent: 'overdue' },

  // ── Missing spaces ───────────────────────────────────────────────────────────────────────────
  { text: 'nongtrang', intent: 'score', units: [NT] },
  { text: 'hycuong', intent: 'score', units: [HC] },
  { text: 'diem hycuong t8', intent: 'score', units: [HC], period: m(8) },
  { text: 'viettri xep thu may', intent: 'rank', units: [VT] },
  { text: 'diem lamthao', intent: 'score', units: [LAM_THAO] },
  { text: 'myhao t2/25', intent: 'score', units: [MH], period: m(2, 2025) },
  { text: 'sosanh nongtrang voi viettri', intent: 'compare', units: [NT, VT] },
  { text: 'chitiet sohoa hycuong', intent: 'detail', units: [HC], group: 'MDSH' },
  { text: 'diem soyte', intent: 'score', units: [S_Y_TE] },
  { text: 'diem phutho', intent: 'score', ask: PHU_THO_BOTH },
  { text: 'huongdan', intent: 'help' },

  // ── Tone marks in either place, and decomposed Unicode ───────────────────────────────────────
  { text: 'chi tiết số hoá Việt Trì', intent: 'detail', units: [VT], group: 'MDSH' },
  { text: 'chi tiết số hóa Việt Trì', intent: 'detail', units: [VT], group: 'MDSH' },
  { text: 'điểm xã Thanh Thuỷ', intent: 'score', units: [THANH_THUY] },
  { text: 'điểm xã Thanh Thủy', intent: 'score', units: [THANH_THUY] },
  { text: 'Lạc Thuỷ tháng 8', intent: 'score', units: [LAC_THUY], period: m(8) },
  { text: 'Yên Thuỷ xếp thứ mấy', intent: 'rank', units: [YEN_THUY] },
  { text: 'điểm Hạ Hoà', intent: 'score', units: [HA_HOA] },
  { text: 'phường Hoà Bình tháng 8', intent: 'score', units: [HOA_BINH], period: m(8) },
  { text: 'Minh Hoà được mấy điểm', intent: 'score', units: [MINH_HOA] },
  { text: 'Xuân Hoà so với Tân Hoà', intent: 'compare', units: [XUAN_HOA, TAN_HOA] },
  { text: 'điểm Sở Văn hoá, Thể thao và Du lịch', intent: 'score', units: [S_VHTTDL] },
  // "Việt Trì" and "tháng" typed with combining marks (NFD), as some phones send them.
  { text: 'đie\u0302\u0309m Vie\u0323\u0302t Tri\u0300 tha\u0301ng 8', intent: 'score', units: [VT], period: m(8) },

  // ── Kind prefixes ────────────────────────────────────────────────────────────────────────────
  { text: 'xã Hy Cương', intent: 'score', units: [HC] },
  { text: 'phường Việt Trì', intent: 'score', units: [VT] },
  { text: 'P. Nông Trang tháng 8', intent: 'score', units: [NT], period: m(8) },
  { text: 'P.Nông Trang', intent: 'score', units: [NT] },
  { text: 'UBND xã Hy Cương tháng 8', intent: 'score', units: [HC], period: m(8) },
  { text: 'x. Hy Cương', intent: 'score', units: [HC] },
  { text: 'Ủy ban nhân dân xã Hy Cương được bao nhiêu điểm', intent: 'score', units: [HC] },
  { text: 'UBND phường Nông Trang xếp thứ mấy', intent: 'rank', units: [NT] },
  { text: 'điểm thị xã Mỹ Hào', intent: 'score', units: [MH] },
  { text: 'TX Mỹ Hào tháng 2', intent: 'score', units: [MH], period: m(2) },
  { text: 'tx. My Hao quy 1/2025', intent: 'score', units: [MH], period: q(1, 2025) },
  { text: 'điểm tỉnh Hưng Yên tháng 2/2025', intent: 'score', units: [HUNG_YEN], period: m(2, 2025) },
  { text: 'UBND tỉnh Phú Thọ tháng 8', intent: 'score', units: [TINH], period: m(8) },
  { text: 'điểm phường Phú Thọ', intent: 'score', units: [P_PHU_THO] },
  { text: 'tinh phu tho xep thu may', intent: 'rank', units: [TINH] },
  { text: 'p. phu tho t8', intent: 'score', units: [P_PHU_THO], period: m(8) },
  // "Đào Xá": the name ends with the word that is also the kind; the kind comes first.
  { text: 'điểm xã Đào Xá', intent: 'score', units: [DAO_XA] },

  // ── A parent after the unit: context, not a second unit ──────────────────────────────────────
  { text: 'Hy Cương, Phú Thọ', intent: 'score', units: [HC] },
  { text: 'Hy Cương tỉnh Phú Thọ', intent: 'score', units: [HC] },
  { text: 'điểm Việt Trì - Phú Thọ tháng 8', intent: 'score', units: [VT], period: m(8) },
  { text: 'Nông Trang (Phú Thọ) xếp thứ mấy', intent: 'rank', units: [NT] },
  { text: 'xã Lâm Thao tỉnh Phú Thọ', intent: 'score', units: [LAM_THAO] },
  { text: 'Mỹ Hào, Hưng Yên', intent: 'score', units: [MH] },
  { text: 'thị xã Mỹ Hào tỉnh Hưng Yên tháng 2/2025', intent: 'score', units: [MH], period: m(2, 2025) },
  { text: 'diem xa hy cuong tinh phu tho thang 8', intent: 'score', units: [HC], period: m(8) },
  { text: 'chi tiết số hóa Hy Cương, Phú Thọ', intent: 'detail', units: [HC], group: 'MDSH' },

  // ── Sở, ban, ngành by their short forms ──────────────────────────────────────────────────────
  { text: 'điểm Sở GD&ĐT', intent: 'score', units: [S_GDDT] },
  { text: 'sở gdđt tháng 8', intent: 'score', units: [S_GDDT], period: m(8) },
  { text: 'SGDDT xếp thứ mấy', intent: 'rank', units: [S_GDDT] },
  { text: 'Sở Giáo dục và Đào tạo được bao nhiêu điểm', intent: 'score', units: [S_GDDT] },
  { text: 'điểm Sở KH&CN quý 3', intent: 'score', units: [S_KHCN], period: q(3) },
  { text: 'Sở NN&MT tháng 8', intent: 'score', units: [S_NNMT], period: m(8) },
  { text: 'sở nông nghiệp và môi trường xếp thứ mấy', intent: 'rank', units: [S_NNMT] },
  { text: 'điểm BQL các KCN', intent: 'score', units: [BQL_KCN] },
  { text: 'Ban quản lý các khu công nghiệp tháng 8', intent: 'score', units: [BQL_KCN], period: m(8) },
  { text: 'VP UBND tỉnh được mấy điểm', intent: 'score', units: [VP_UBND] },
  { text: 'văn phòng ubnd tỉnh xếp thứ mấy', intent: 'rank', units: [VP_UBND] },
  { text: 'điểm sở y tế', intent: 'score', units: [S_Y_TE] },
  { text: 'Sở Y tế đứng thứ mấy', intent: 'rank', units: [S_Y_TE] },
  { text: 'Sở Tài chính tháng 8 ra sao', intent: 'score', units: [S_TAI_CHINH], period: m(8) },
  { text: 'so tai chinh', intent: 'score', units: [S_TAI_CHINH] },
  { text: 'điểm Sở VHTTDL', intent: 'score', units: [S_VHTTDL] },
  { text: 'Sở Nội vụ tháng 9', intent: 'score', units: [S_NOI_VU], period: m(9) },
  { text: 'Sở Ngoại vụ xếp thứ mấy', intent: 'rank', units: [S_NGOAI_VU] },
  { text: 'điểm Sở Tư pháp', intent: 'score', units: [S_TU_PHAP] },
  { text: 'Sở Xây dựng được bao nhiêu điểm', intent: 'score', units: [S_XAY_DUNG] },
  { text: 'sở dân tộc và tôn giáo tháng 8', intent: 'score', units: [S_DTTG], period: m(8) },
  // "công" of Công Thương is not "công khai"; here both are meant.
  { text: 'điểm công khai của Sở Công Thương', intent: 'detail', units: [S_CONG_THUONG], group: 'CKMB' },
  { text: 'Sở Công Thương', intent: 'score', units: [S_CONG_THUONG] },
  // "Thanh tra tỉnh" holds "thanh" (thanh toán) and "tỉnh" (a kind).
  { text: 'Thanh tra tỉnh được bao nhiêu điểm', intent: 'score', units: [THANH_TRA] },
  { text: 'thanh toán trực tuyến của Thanh tra tỉnh', intent: 'detail', units: [THANH_TRA], group: 'TTTT' },

  // ── Every way to write a period ──────────────────────────────────────────────────────────────
  { text: 'điểm t8', intent: 'score', period: m(8) },
  { text: 'điểm t.8', intent: 'score', period: m(8) },
  { text: 'điểm th8', intent: 'score', period: m(8) },
  { text: 'điểm thg 8', intent: 'score', period: m(8) },
  { text: 'điểm tháng 08', intent: 'score', period: m(8) },
  { text: 'điểm 8/2026', intent: 'score', period: m(8, 2026) },
  { text: 'điểm 08-2026', intent: 'score', period: m(8, 2026) },
  { text: 'điểm 08.2026', intent: 'score', period: m(8, 2026) },
  { text: 'điểm 2026-08', intent: 'score', period: m(8, 2026) },
  { text: 'điểm t8/26', intent: 'score', period: m(8, 2026) },
  { text: 'điểm 8/26', intent: 'score', period: m(8, 2026) },
  { text: 'điểm tháng tám', intent: 'score', period: m(8) },
  { text: 'điểm tháng chín', intent: 'score', period: m(9) },
  { text: 'điểm tháng mười', intent: 'score', period: m(10) },
  { text: 'điểm tháng mười một', intent: 'score', period: m(11) },
  { text: 'điểm tháng mười hai', intent: 'score', period: m(12) },
  { text: 'điểm tháng giêng', intent: 'score', period: m(1) },
  { text: 'điểm tháng tư', intent: 'score', period: m(4) },
  { text: 'điểm quý 3', intent: 'score', period: q(3) },
  { text: 'điểm quý III', intent: 'score', period: q(3) },
  { text: 'điểm q3/2026', intent: 'score', period: q(3, 2026) },
  { text: 'điểm quý I/2025', intent: 'score', period: q(1, 2025) },
  { text: 'điểm quý trước', intent: 'score', period: LAST_QUARTER },
  { text: 'điểm quý này', intent: 'score', period: THIS_QUARTER },
  { text: 'điểm tháng trước', intent: 'score', period: LAST_MONTH },
  { text: 'Việt Trì tháng sau được mấy điểm?', intent: 'score', units: [VT], period: { kind: 'month', month: 1, year: 2027 } },
  { text: 'Việt Trì tháng sáu được mấy điểm?', intent: 'score', units: [VT], period: { kind: 'month', month: 6 } },
  { text: 'điểm tháng này', intent: 'score', period: THIS_MONTH },
  { text: 'điểm năm nay', intent: 'score', period: THIS_YEAR },
  { text: 'điểm năm ngoái', intent: 'score', period: LAST_YEAR },
  { text: 'điểm năm trước', intent: 'score', period: LAST_YEAR },
  { text: 'điểm năm 2025', intent: 'score', period: y(2025) },
  { text: 'điểm tháng 8 năm ngoái', intent: 'score', period: m(8, 2025) },
  { text: 'điểm tháng 8 năm nay', intent: 'score', period: m(8, 2026) },
  { text: 'điểm tháng 12/2025', intent: 'score', period: m(12, 2025) },
  { text: 'diem thang truoc Viet Tri', intent: 'score', units: [VT], period: LAST_MONTH },
  { text: 'Hy Cương quý 2 năm ngoái', intent: 'score', units: [HC], period: q(2, 2025) },
  { text: 'kết quả năm 2025 Hy Cương', intent: 'score', units: [HC], period: y(2025) },

  // ── Weeks: the weekly standings some provinces announce (ISO weeks) ─────────────────────────
  { text: 'điểm tuần 3', intent: 'score', period: w(3) },
  { text: 'diem tuan 3/2026', intent: 'score', period: w(3, 2026) },
  { text: 'Tuần 03 năm 2026, Việt Trì được bao nhiêu điểm?', intent: 'score', units: [VT], period: w(3, 2026) },
  { text: 'điểm tuần này', intent: 'score', period: THIS_WEEK },
  { text: 'điểm tuần trước', intent: 'score', period: LAST_WEEK },
  { text: 'Nông Trang tuần trước xếp thứ mấy', intent: 'rank', units: [NT], period: LAST_WEEK },
  { text: 'xếp hạng tuần 50', intent: 'ranking', period: w(50) },
  { text: 'số hóa Hy Cương tuần trước', intent: 'detail', units: [HC], group: 'MDSH', period: LAST_WEEK },
  { text: 'nhiệm vụ tuần này', intent: 'tasks' },
  { text: 'việc cần làm tuần này', intent: 'tasks' },
  { text: 'việc nào sắp đến hạn', intent: 'tasks' },
  { text: 'nhung viec sap het han', intent: 'tasks' },
  { text: 'hạn chót các việc', intent: 'tasks' },
  { text: 'cuối tuần', intent: 'unknown' },

  // ── Groups, named with or without "chi tiết" ─────────────────────────────────────────────────
  { text: 'chi tiết', intent: 'detail' },
  { text: 'chi tiết Việt Trì tháng 8', intent: 'detail', units: [VT], period: m(8) },
  { text: 'chi tiết CKMB Hy Cương', intent: 'detail', units: [HC], group: 'CKMB' },
  { text: 'CKMB Hy Cương', intent: 'detail', units: [HC], group: 'CKMB' },
  { text: 'công khai minh bạch tháng 8 Nông Trang', intent: 'detail', units: [NT], group: 'CKMB', period: m(8) },
  { text: 'điểm công khai tháng 8', intent: 'detail', group: 'CKMB', period: m(8) },
  { text: 'chi tiết tiến độ Việt Trì', intent: 'detail', units: [VT], group: 'TDGQ' },
  { text: 'tiến độ giải quyết hồ sơ của Hy Cương thế nào', intent: 'detail', units: [HC], group: 'TDGQ' },
  { text: 'DVC trực tuyến Nông Trang', intent: 'detail', units: [NT], group: 'CLGQ' },
  { text: 'DVCTT Việt Trì t8', intent: 'detail', units: [VT], group: 'CLGQ', period: m(8) },
  { text: 'dịch vụ công trực tuyến của xã Thanh Ba', intent: 'detail', units: [THANH_BA], group: 'CLGQ' },
  { text: 'điểm dịch vụ công tháng 8', intent: 'detail', group: 'CLGQ', period: m(8) },
  { text: 'thanh toán xã Thanh Ba', intent: 'detail', units: [THANH_BA], group: 'TTTT' },
  { text: 'TTTT Nông Trang', intent: 'detail', units: [NT], group: 'TTTT' },
  { text: 'chi tiết thanh toán trực tuyến tháng trước', intent: 'detail', group: 'TTTT', period: LAST_MONTH },
  { text: 'hài lòng Hy Cương tháng 9', intent: 'detail', units: [HC], group: 'MDHL', period: m(9) },
  { text: 'mức độ hài lòng', intent: 'detail', group: 'MDHL' },
  { text: 'điểm hài lòng tháng trước', intent: 'detail', group: 'MDHL', period: LAST_MONTH },
  { text: 'số hoá hồ sơ Việt Trì', intent: 'detail', units: [VT], group: 'MDSH' },
  { text: 'so hoa ho so quy 3', intent: 'detail', group: 'MDSH', period: q(3) },
  { text: 'kết quả số hóa của Nông Trang', intent: 'detail', units: [NT], group: 'MDSH' },
  // The 2022 scheme's merged group.
  { text: 'cung cấp dịch vụ trực tuyến Mỹ Hào tháng 2/2025', intent: 'detail', units: [MH], group: 'CCDVTT', period: m(2, 2025) },
  { text: 'chi tiết dịch vụ trực tuyến thị xã Mỹ Hào', intent: 'detail', units: [MH], group: 'CCDVTT' },
  // A group name against a unit whose name holds a cue word.
  { text: 'tiến độ giải quyết của xã Dũng Tiến', intent: 'detail', units: [DUNG_TIEN], group: 'TDGQ' },
  { text: 'tiến độ phường Thống Nhất tháng 8', intent: 'detail', units: [THONG_NHAT], group: 'TDGQ', period: m(8) },

  // ── Own place (rank) ─────────────────────────────────────────────────────────────────────────
  { text: 'xã mình đứng thứ mấy', intent: 'rank' },
  { text: 'thứ hạng của Hy Cương tháng 9', intent: 'rank', units: [HC], period: m(9) },
  { text: 'Nông Trang hạng mấy', intent: 'rank', units: [NT] },
  { text: 'Hy Cương xếp thứ bao nhiêu trong tỉnh', intent: 'rank', units: [HC] },
  { text: 'hạng bao nhiêu tháng trước', intent: 'rank', period: LAST_MONTH },
  { text: 'Việt Trì đứng thứ mấy trong bảng xếp hạng', intent: 'rank', units: [VT] },
  { text: 'phường em xếp thứ mấy quý 3', intent: 'rank', period: q(3) },
  { text: 'Mỹ Hào xếp thứ mấy tháng 2/2025', intent: 'rank', units: [MH], period: m(2, 2025) },
  { text: 'Phú Thọ xếp thứ mấy', intent: 'rank', ask: PHU_THO_BOTH },

  // ── The list (ranking) ───────────────────────────────────────────────────────────────────────
  { text: 'xếp hạng tháng 8', intent: 'ranking', period: m(8) },
  { text: 'bxh', intent: 'ranking' },
  { text: 'BXH t9', intent: 'ranking', period: m(9) },
  { text: 'bảng xếp hạng quý 3', intent: 'ranking', period: q(3) },
  { text: 'xếp hạng tháng 8 tỉnh Phú Thọ', intent: 'ranking', units: [TINH], period: m(8) },
  { text: 'cho xem bxh tháng trước', intent: 'ranking', period: LAST_MONTH },
  { text: 'bảng xếp hạng năm nay', intent: 'ranking', period: THIS_YEAR },
  { text: 'xep hang', intent: 'ranking' },

  // ── Weakest groups of a unit ─────────────────────────────────────────────────────────────────
  { text: 'yếu nhất', intent: 'weakest' },
  { text: 'kém nhất ở chỉ số nào', intent: 'weakest' },
  { text: 'Việt Trì nhóm nào thấp nhất tháng 8', intent: 'weakest', units: [VT], period: m(8) },
  { text: 'chỉ số nào thấp của Nông Trang', intent: 'weakest', units: [NT] },
  { text: 'Hy Cương mất điểm ở đâu tháng 8', intent: 'weakest', units: [HC], period: m(8) },
  { text: 'mất điểm ở đâu', intent: 'weakest' },
  { text: 'cần cải thiện gì', intent: 'weakest' },
  { text: 'xã Cao Phong cần cải thiện gì', intent: 'weakest', units: [CAO_PHONG] },
  { text: 'nhom nao thap nhat thang 9', intent: 'weakest', period: m(9) },
  { text: 'phường Thống Nhất yếu nhất nhóm nào', intent: 'weakest', units: [THONG_NHAT] },
  { text: 'Việt Trì bị trừ điểm ở đâu', intent: 'weakest', units: [VT] },

  // ── Which sibling units lead or trail (top / bottom) ─────────────────────────────────────────
  { text: 'xã nào đứng đầu', intent: 'top', kind: 'xa' },
  { text: 'đơn vị nào thấp điểm nhất', intent: 'bottom' },
  { text: 'sở nào đứng cuối', intent: 'bottom', kind: 'so-nganh' },
  { text: 'xã nào cao nhất tỉnh Phú Thọ', intent: 'top', kind: 'xa', units: [TINH] },
  // Only the province can hold xã: "Phú Thọ" after "xã nào" is the province.
  { text: 'xã nào cao nhất Phú Thọ', intent: 'top', kind: 'xa', units: [TINH] },
  { text: 'ngành nào điểm cao nhất quý 3', intent: 'top', kind: 'so-nganh', period: q(3) },
  { text: 'phuong nao thap nhat t8', intent: 'bottom', kind: 'phuong', period: m(8) },
  { text: 'xã nào điểm thấp nhất năm nay', intent: 'bottom', kind: 'xa', period: THIS_YEAR },
  { text: 'đơn vị nào dẫn đầu tháng trước', intent: 'top', period: LAST_MONTH },
  // "kém nhất" after "xã nào" is about units, not groups.
  { text: 'xã nào kém nhất', intent: 'bottom', kind: 'xa' },
  { text: 'sở ngành nào đứng đầu', intent: 'top', kind: 'so-nganh' },
  { text: 'phường nào xếp cuối tháng 8', intent: 'bottom', kind: 'phuong', period: m(8) },
  { text: 'đơn vị nào nhiều điểm nhất', intent: 'top' },
  { text: 'phường nào điểm cao nhất tỉnh Phú Thọ tháng 8', intent: 'top', kind: 'phuong', units: [TINH], period: m(8) },
  { text: 'ban ngành nào thấp nhất quý trước', intent: 'bottom', kind: 'so-nganh', period: LAST_QUARTER },
  { text: 'xa nao dung cuoi thang 9', intent: 'bottom', kind: 'xa', period: m(9) },

  // ── Compare two units ────────────────────────────────────────────────────────────────────────
  { text: 'Việt Trì so với Nông Trang', intent: 'compare', units: [VT, NT] },
  { text: 'so sanh viet tri va nong trang thang 8', intent: 'compare', units: [VT, NT], period: m(8) },
  { text: 'so sánh Hy Cương và Xuân Lũng quý 3', intent: 'compare', units: [HC, XUAN_LUNG], period: q(3) },
  { text: 'so sánh điểm Sở Y tế với Sở Tài chính', intent: 'compare', units: [S_Y_TE, S_TAI_CHINH] },
  { text: 'so sánh số hóa Việt Trì với Nông Trang', intent: 'compare', units: [VT, NT], group: 'MDSH' },
  { text: 'Việt Trì hơn Nông Trang bao nhiêu điểm', intent: 'compare', units: [VT, NT] },
  { text: 'Hy Cuong voi Hoang Cuong ai cao hon', intent: 'compare', units: [HC, HOANG_CUONG] },
  { text: 'so sánh Cao Phong với Cao Sơn', intent: 'compare', units: [CAO_PHONG, CAO_SON] },
  { text: 'so sánh Thanh Ba và Thanh Sơn tháng 8', intent: 'compare', units: [THANH_BA, THANH_SON], period: m(8) },
  { text: 'so sánh Dân Chủ với Quyết Thắng', intent: 'compare', units: [DAN_CHU, QUYET_THANG] },
  { text: 'so sánh Mỹ Hào với Việt Trì', intent: 'compare', units: [MH, VT] },
  { text: 'so sánh Thanh Miếu với Vân Phú về hài lòng', intent: 'compare', units: [THANH_MIEU, VAN_PHU], group: 'MDHL' },

  // ── Names holding common words: read as names, not as cues ───────────────────────────────────
  { text: 'điểm xã Cao Phong', intent: 'score', units: [CAO_PHONG] },
  { text: 'Cao Sơn được mấy điểm', intent: 'score', units: [CAO_SON] },
  { text: 'xã Cao Dương xếp thứ mấy', intent: 'rank', units: [CAO_DUONG] },
  { text: 'Tân Sơn tháng 8', intent: 'score', units: [TAN_SON], period: m(8) },
  { text: 'phường Tân Hòa', intent: 'score', units: [TAN_HOA] },
  { text: 'Dân Chủ bao nhiêu điểm', intent: 'score', units: [DAN_CHU] },
  { text: 'Quyết Thắng tháng 9 ra sao', intent: 'score', units: [QUYET_THANG], period: m(9) },
  { text: 'điểm Thanh Ba', intent: 'score', units: [THANH_BA] },
  { text: 'Thống Nhất xếp thứ mấy', intent: 'rank', units: [THONG_NHAT] },
  { text: 'Bao La bao nhiêu điểm', intent: 'score', units: [BAO_LA] },
  { text: 'điểm Hợp Lý tháng 8', intent: 'score', units: [HOP_LY], period: m(8) },
  { text: 'Tiền Phong đạt mấy điểm', intent: 'score', units: [TIEN_PHONG] },
  { text: 'Toàn Thắng xếp hạng mấy', intent: 'rank', units: [TOAN_THANG] },
  { text: 'phường Kỳ Sơn tháng 8', intent: 'score', units: [KY_SON], period: m(8) },
  { text: 'điểm Quảng Yên', intent: 'score', units: [QUANG_YEN] },
  { text: 'Vĩnh Yên so với Phúc Yên', intent: 'compare', units: [VINH_YEN, PHUC_YEN] },
  { text: 'Yên Lập tháng 8', intent: 'score', units: [YEN_LAP], period: m(8) },
  { text: 'điểm Vĩnh Phúc', intent: 'score', units: [VINH_PHUC] },
  { text: 'điểm Tam Nông', intent: 'score', units: [TAM_NONG] },
  { text: 'Hùng Việt được mấy điểm', intent: 'score', units: [HUNG_VIET] },
  { text: 'điểm Phú Mỹ', intent: 'score', units: [PHU_MY] },
  // "Tam Dương" is a whole name of its own, not a short form of "Tam Dương Bắc".
  { text: 'điểm Tam Dương', intent: 'score', units: [TAM_DUONG] },
  { text: 'Tam Dương Bắc tháng 8', intent: 'score', units: [TAM_DUONG_BAC], period: m(8) },
  { text: 'Tam Sơn xếp thứ mấy', intent: 'rank', units: [TAM_SON] },
  { text: 'Vĩnh Tường', intent: 'score', units: [VINH_TUONG] },
  { text: 'Âu Cơ tháng 8', intent: 'score', units: [AU_CO], period: m(8) },
  { text: 'Mai Châu ra sao', intent: 'score', units: [MAI_CHAU] },
  // And the opposite: cue words that are no name.
  { text: 'điểm cao nhất là đơn vị nào', intent: 'top' },
  { text: 'điểm mới nhất', intent: 'score' },
  { text: 'thanh toán', intent: 'detail', group: 'TTTT' },
  { text: 'tiến độ', intent: 'detail', group: 'TDGQ' },
  { text: 'công khai', intent: 'detail', group: 'CKMB' },

  // ── A name that fits several units: ask ──────────────────────────────────────────────────────
  { text: 'Phú Thọ', intent: 'score', ask: PHU_THO_BOTH },
  { text: 'điểm Phú Thọ tháng 8', intent: 'score', ask: PHU_THO_BOTH, period: m(8) },
  { text: 'phu tho', intent: 'score', ask: PHU_THO_BOTH },
  { text: 'chi tiết số hóa Phú Thọ', intent: 'detail', ask: PHU_THO_BOTH, group: 'MDSH' },
  { text: 'UBND Phú Thọ được mấy điểm', intent: 'score', ask: PHU_THO_BOTH },

  // ── A name that fits nothing: say so ─────────────────────────────────────────────────────────
  // "Không Có" at the end reads as words of the question ("… không có"), so the name echoed is what comes before.
  { text: 'điểm xã Hoàn Toàn Không Có', intent: 'score', notFound: 'hoan toan' },
  { text: 'điểm xã Hoàn Kiếm Tây Hồ', intent: 'score', notFound: 'hoan kiem tay ho' },
  { text: 'điểm phường Thủ Dầu Một tháng 8', intent: 'score', notFound: 'thu dau mot', period: m(8) },
  { text: 'Cầu Giấy xếp thứ mấy', intent: 'rank', notFound: 'cau giay' },
  { text: 'chi tiết số hóa phường Bến Nghé', intent: 'detail', notFound: 'ben nghe', group: 'MDSH' },
  { text: 'so sánh Việt Trì với Cầu Giấy', intent: 'compare', units: [VT], notFound: 'cau giay' },

  // ── Commands ─────────────────────────────────────────────────────────────────────────────────
  { text: '/diem', intent: 'score' },
  { text: '/diem thang 8 Việt Trì', intent: 'score', units: [VT], period: m(8) },
  { text: '/diem@chiso_bot t8', intent: 'score', period: m(8) },
  { text: '/diem Hy Cuong', intent: 'score', units: [HC] },
  { text: '/diem quy 3 nong trang', intent: 'score', units: [NT], period: q(3) },
  { text: '/diem Phu Tho', intent: 'score', ask: PHU_THO_BOTH },
  { text: '/xephang t8', intent: 'ranking', period: m(8) },
  { text: '/xephang', intent: 'ranking' },
  { text: '/xephang quy 3', intent: 'ranking', period: q(3) },
  { text: '/chitiet so hoa', intent: 'detail', group: 'MDSH' },

  // ── Charts: the trend (/xuhuong) and the ranking drawn (/xephang biểu đồ) ─────────────────────
  { text: '/xuhuong', intent: 'trend' },
  { text: '/xuhuong quy', intent: 'trend', scale: 'quarter' },
  { text: '/xuhuong quý', intent: 'trend', scale: 'quarter' },
  { text: '/xuhuong Việt Trì', intent: 'trend', units: [VT] },
  { text: '/xuhuong viet tri', intent: 'trend', units: [VT] },
  { text: '/xuhuong Phú Thọ', intent: 'trend', ask: PHU_THO_BOTH },
  { text: '/xuhuong quý 3 Nông Trang', intent: 'trend', units: [NT], period: q(3) },
  { text: '/xuhuong@chiso_bot t8', intent: 'trend', period: m(8) },
  { text: '/bieudo', intent: 'trend' },
  { text: 'xu hướng', intent: 'trend' },
  { text: 'xu huong', intent: 'trend' },
  { text: 'biểu đồ', intent: 'trend' },
  { text: 'bieu do', intent: 'trend' },
  { text: 'xu hướng điểm Hy Cương', intent: 'trend', units: [HC] },
  { text: 'xu huong theo quy', intent: 'trend', scale: 'quarter' },
  { text: 'cho xem biểu đồ xu hướng của Nông Trang', intent: 'trend', units: [NT] },
  { text: 'bieu do Viet Tri', intent: 'trend', units: [VT] },
  { text: 'diễn biến điểm Việt Trì', intent: 'trend', units: [VT] },
  { text: '/xephang bieu do', intent: 'ranking-chart' },
  { text: '/xephang biểu đồ', intent: 'ranking-chart' },
  { text: '/xephang biểu đồ tháng 8', intent: 'ranking-chart', period: m(8) },
  { text: 'biểu đồ xếp hạng', intent: 'ranking-chart' },
  { text: 'bieu do xep hang thang 8', intent: 'ranking-chart', period: m(8) },
  { text: 'biểu đồ bxh tỉnh Phú Thọ', intent: 'ranking-chart', units: [TINH] },
  { text: '/chitiet tien do Viet Tri', intent: 'detail', units: [VT], group: 'TDGQ' },
  { text: '/chitiet@chiso_bot hai long thang 9', intent: 'detail', group: 'MDHL', period: m(9) },
  { text: '/chitiet thanh toán Việt Trì', intent: 'detail', units: [VT], group: 'TTTT' },
  { text: '/chitiet', intent: 'detail' },
  { text: '/nhiemvu', intent: 'tasks' },
  { text: '/quahan', intent: 'overdue' },
  { text: '/giaoviec', intent: 'assign' },
  { text: '/mau', intent: 'template' },
  { text: '/huongdan', intent: 'help' },
  { text: '/help', intent: 'help' },

  // ── Tasks, overdue, assign, template, help ───────────────────────────────────────────────────
  { text: 'nhiệm vụ', intent: 'tasks' },
  { text: 'việc cần làm', intent: 'tasks' },
  { text: 'nhiem vu cua xa minh', intent: 'tasks' },
  { text: 'có việc gì cần làm không', intent: 'tasks' },
  { text: 'xem nhiệm vụ của Hy Cương', intent: 'tasks', units: [HC] },
  { text: 'tiến độ nhiệm vụ 12', intent: 'tasks' },
  { text: 'quá hạn', intent: 'overdue' },
  { text: 'qua han', intent: 'overdue' },
  { text: 'nhiệm vụ nào quá hạn', intent: 'overdue' },
  { text: 'đơn vị nào còn việc quá hạn', intent: 'overdue' },
  { text: 'giao việc', intent: 'assign' },
  { text: 'giao viec cho xa Hy Cuong', intent: 'assign', units: [HC] },
  { text: 'tôi muốn giao nhiệm vụ', intent: 'assign' },
  { text: 'mẫu', intent: 'template' },
  { text: 'mẫu nhập', intent: 'template' },
  { text: 'file mẫu', intent: 'template' },
  { text: 'gửi file mẫu excel', intent: 'template' },
  { text: 'hướng dẫn', intent: 'help' },
  { text: 'giúp', intent: 'help' },
  { text: 'help', intent: 'help' },
  { text: 'menu', intent: 'help' },
  { text: 'huong dan su dung', intent: 'help' },
  { text: 'bot làm được gì', intent: 'help' },

  // ── The one-page leader report (the delivery report stays /baocao and "báo cáo gửi") ───────────
  { text: '/baocaothang', intent: 'monthly-report' },
  { text: '/baocaothang 8/2026', intent: 'monthly-report', period: m(8, 2026) },
  { text: '/baocaothang tháng 8', intent: 'monthly-report', period: m(8) },
  { text: '/baocaothang@chiso_bot t8', intent: 'monthly-report', period: m(8) },
  { text: 'báo cáo tháng 8', intent: 'monthly-report', period: m(8) },
  { text: 'Báo cáo tháng 8/2026', intent: 'monthly-report', period: m(8, 2026) },
  { text: 'bao cao thang', intent: 'monthly-report' },
  { text: 'báo cáo tháng trước', intent: 'monthly-report', period: LAST_MONTH },
  { text: 'báo cáo một trang tháng 11', intent: 'monthly-report', period: m(11) },
  { text: 'bao cao ket qua thang 9', intent: 'monthly-report', period: m(9) },
  // ── Comparing by command, weighing by what-if (issue 13) ──────────────────────────────────────
  { text: '/sosanh Việt Trì Nông Trang t8', intent: 'compare', units: [VT, NT], period: m(8) },
  { text: '/sosanh Hy Cương', intent: 'compare', units: [HC] },
  { text: '/sosanh viet tri voi nong trang thang 8', intent: 'compare', units: [VT, NT], period: m(8) },
  { text: 'so sánh Việt Trì và Nông Trang tháng 8', intent: 'compare', units: [VT, NT], period: m(8) },
  { text: '/uoctinh thanh toan 90', intent: 'whatif', group: 'TTTT', criterion: 'ONLINE_PAYMENT_DOSSIER', rate: '90' },
  { text: '/uoctinh thanh toán 90', intent: 'whatif', group: 'TTTT', criterion: 'ONLINE_PAYMENT_DOSSIER', rate: '90' },
  { text: 'nếu số hóa lên 95% thì sao', intent: 'whatif', group: 'MDSH', criterion: 'SO_HOA_GIAY_TO_GIAI_QUYET', rate: '95' },
  { text: 'neu so hoa len 95% thi sao', intent: 'whatif', group: 'MDSH', criterion: 'SO_HOA_GIAY_TO_GIAI_QUYET', rate: '95' },
  { text: 'neu thanh toan dat 90%', intent: 'whatif', group: 'TTTT', criterion: 'ONLINE_PAYMENT_DOSSIER', rate: '90' },
  { text: 'nếu thanh toán đạt 90%', intent: 'whatif', group: 'TTTT', criterion: 'ONLINE_PAYMENT_DOSSIER', rate: '90' },
  { text: 'Nếu tiến độ giải quyết đạt 90,5% thì Việt Trì xếp thứ mấy?', intent: 'whatif', units: [VT], group: 'TDGQ', criterion: 'ON_TIME', rate: '90.5' },
  { text: 'neu tien do dat 90 phan tram', intent: 'whatif', group: 'TDGQ', criterion: 'ON_TIME', rate: '90' },
  { text: 'giả sử tái sử dụng đạt 50% thì Hy Cương được mấy điểm', intent: 'whatif', units: [HC], group: 'MDSH', criterion: 'REUSED_DIGITIZED_DATA', rate: '50' },
  { text: 'gia su tai su dung dat 50% thi hy cuong duoc may diem', intent: 'whatif', units: [HC], group: 'MDSH', criterion: 'REUSED_DIGITIZED_DATA', rate: '50' },
  { text: '/uoctinh so hoa 95 thang 8 Nông Trang', intent: 'whatif', units: [NT], period: m(8), group: 'MDSH', criterion: 'SO_HOA_GIAY_TO_GIAI_QUYET', rate: '95' },
  { text: 'nếu hài lòng đạt 90% tháng 8', intent: 'whatif', period: m(8), group: 'MDHL', criterion: 'DOSSIER_RECEIVING_SATISFACTION', rate: '90' },
  { text: 'nếu DVC trực tuyến đạt 60%', intent: 'whatif', group: 'CLGQ', criterion: 'ONLINE_SUBMISSION', rate: '60' },
  { text: 'neu ket qua dien tu dat 80% thi sao', intent: 'whatif', group: 'MDSH', criterion: 'ORIGINAL_RESULT_AVAILABLE', rate: '80' },
  { text: 'nếu đồng bộ đạt 100% thì Nông Trang được mấy điểm', intent: 'whatif', units: [NT], group: 'CKMB', criterion: 'DOSSIER_SYNC', rate: '100' },
  { text: 'ước tính nếu thanh toán trực tuyến lên 85%', intent: 'whatif', group: 'TTTT', criterion: 'ONLINE_PAYMENT_DOSSIER', rate: '85' },
  // Points are not a rate: a what-if that names points is asked for a rate.
  { text: 'nếu số hóa đạt 20 điểm thì sao', intent: 'whatif', group: 'MDSH', criterion: 'SO_HOA_GIAY_TO_GIAI_QUYET' },
  { text: 'neu so hoa dat 20 diem thi sao', intent: 'whatif', group: 'MDSH', criterion: 'SO_HOA_GIAY_TO_GIAI_QUYET' },
  { text: 'nếu thanh toán đạt 9 điểm thì Việt Trì xếp thứ mấy', intent: 'whatif', units: [VT], group: 'TTTT', criterion: 'ONLINE_PAYMENT_DOSSIER' },
  { text: '/uoctinh thanh toan 9,5 diem', intent: 'whatif', group: 'TTTT', criterion: 'ONLINE_PAYMENT_DOSSIER' },
  // "nếu" without a rate and an index to change is no what-if.
  { text: 'nếu cần thì gọi em', intent: 'unknown' },
  { text: 'nếu có nhiệm vụ mới thì báo em', intent: 'tasks' },
  { text: 'nếu tháng 8 Việt Trì được 70 điểm thì xếp thứ mấy', intent: 'rank', units: [VT], period: m(8) },

  // ── Greetings and thanks: a word back, not the help ─────────────────────────────────────────
  { text: 'ok anh', intent: 'thanks' },
  { text: 'cảm ơn', intent: 'thanks' },
  { text: 'cam on bot nhe', intent: 'thanks' },
  { text: 'dạ vâng ạ', intent: 'thanks' },
  { text: 'được rồi', intent: 'thanks' },
  { text: 'alo', intent: 'greeting' },
  { text: 'chào bot', intent: 'greeting' },
  { text: 'Xin chào ạ', intent: 'greeting' },
  { text: 'chào bot, tháng 8 được mấy điểm?', intent: 'score', period: m(8) },

  // ── Neither a question nor a command ─────────────────────────────────────────────────────────
  { text: 'hôm nay trời đẹp quá', intent: 'unknown' },
  { text: 'con mèo ăn cá', intent: 'unknown' },
  { text: 'asdfgh', intent: 'unknown' },
  { text: '👍', intent: 'unknown' },
  { text: 'chúc mừng năm mới', intent: 'unknown' },
  { text: 'đã nhận', intent: 'unknown' },
];
