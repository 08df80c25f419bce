/**
 * The words questions are made of, folded: the cues that ask, the filler that asks nothing, the kind
 * words that say what a unit is, the groups' names. Data only; domain/question.ts reads with it.
 */
import { CURRENT_FRAMEWORK, FRAMEWORK_2022, type GroupKey } from './framework.js';
import { KIND_PREFIXES, type UnitKind } from './units.js';
import { Phrases } from './words.js';

/**
 * What a cue asks: an intent, or a hint for one — "low" (thấp, yếu: weakest groups or bottom units),
 * "groups" (nhóm nào), "versus" (hơn, so với: a comparison when two units are named), "chart" (biểu đồ: the
 * trend, or the ranking drawn when a ranking is asked).
 */
export type Cue = 'score' | 'detail' | 'rank' | 'ranking' | 'weakest' | 'top' | 'bottom' | 'compare' | 'trend' | 'low' | 'groups' | 'versus' | 'chart';

/** Words that ask, anywhere in the message; folded, matched longest first. */
export const CUES: readonly [string, Cue][] = [
  ['xu huong', 'trend'],
  ['xuhuong', 'trend'],
  ['dien bien', 'trend'],
  ['bieu do', 'chart'],
  ['bieudo', 'chart'],
  ['so sanh', 'compare'],
  ['doi chieu', 'compare'],
  ['so voi', 'versus'],
  ['cao hon', 'versus'],
  ['thap hon', 'versus'],
  ['hon', 'versus'],
  ['cao nhat', 'top'],
  ['cao diem nhat', 'top'],
  ['nhieu diem nhat', 'top'],
  ['dan dau', 'top'],
  ['dung dau', 'top'],
  ['tot nhat', 'top'],
  ['top', 'top'],
  ['dung cuoi', 'bottom'],
  ['cuoi bang', 'bottom'],
  ['bet', 'bottom'],
  ['xep cuoi', 'bottom'],
  ['xep bet', 'bottom'],
  ['cuoi cung', 'bottom'],
  ['thap nhat', 'low'],
  ['thap diem nhat', 'low'],
  ['it diem nhat', 'low'],
  ['kem nhat', 'low'],
  ['yeu nhat', 'low'],
  ['yeu', 'low'],
  ['kem', 'low'],
  ['thap', 'low'],
  ['nhom nao', 'groups'],
  ['chi so nao', 'groups'],
  ['tieu chi nao', 'groups'],
  ['mat diem', 'weakest'],
  ['cai thien', 'weakest'],
  ['diem yeu', 'weakest'],
  ['tru diem', 'weakest'],
  ['bi tru', 'weakest'],
  // "làm thế nào để tăng điểm", "cách nâng điểm": where the points are to be gained.
  ['de tang', 'weakest'],
  ['cach tang', 'weakest'],
  ['cach nang', 'weakest'],
  ['muon tang', 'weakest'],
  ['nang diem', 'weakest'],
  ['nang cao diem', 'weakest'],
  ['xep thu', 'rank'],
  ['thu may', 'rank'],
  ['thu bao nhieu', 'rank'],
  ['thu hang', 'rank'],
  ['hang may', 'rank'],
  ['hang bao nhieu', 'rank'],
  ['hang thu', 'rank'],
  ['hang', 'rank'],
  ['tut hang', 'rank'],
  ['tang hang', 'rank'],
  ['giam hang', 'rank'],
  ['len hang', 'rank'],
  ['dung thu', 'rank'],
  ['vi tri', 'rank'],
  ['xep hang may', 'rank'],
  ['xep hang bao nhieu', 'rank'],
  ['xep hang thu', 'rank'],
  ['xep hang', 'ranking'],
  ['xephang', 'ranking'],
  ['bang xep hang', 'ranking'],
  ['bxh', 'ranking'],
  ['chi tiet', 'detail'],
  ['chitiet', 'detail'],
  ['cu the', 'detail'],
  ['tieu chi', 'detail'],
  ['thanh phan', 'detail'],
  ['ty le', 'detail'],
  ['diem', 'score'],
  ['tong diem', 'score'],
  ['ket qua', 'score'],
  ['kq', 'score'],
  ['cham diem', 'score'],
  ['bang diem', 'score'],
  // "tăng bao nhiêu so với tháng 7": the card says the change from the month before. Phrases, not "tăng"
  // or "giảm" alone: folded, those are also "tặng", "tầng", "giám đốc".
  ...['tang bao nhieu', 'tang may', 'giam bao nhieu', 'giam may', 'tang hay giam', 'tang giam', 'tang diem', 'giam diem', 'bi giam', 'duoc tang'].map(
    (phrase) => [phrase, 'score'] as [string, Cue],
  ),
  ['thay doi the nao', 'score'],
  ['thay doi ra sao', 'score'],
  ['thay doi bao nhieu', 'score'],
  ['tien bo', 'score'],
  ['bien dong', 'score'],
  ['dat', 'score'],
  ['chi so', 'score'],
  ['xep loai', 'score'],
  ['danh gia', 'score'],
];

/** Cues common in chatter ("đạt", "hơn", "thấp"): on their own they do not make a group's message a question to the bot. */
export const WEAK_CUES = new Set(['bieu do', 'dat', 'hon', 'thap', 'yeu', 'kem', 'top', 'bet', 'hang', 'danh gia', 'chi so', 'cai thien', 'vi tri', 'cu the', 'thanh phan', 'ty le', 'kq', 'tang hay giam', 'tang giam', 'tang diem', 'giam diem', 'bi giam', 'duoc tang', 'tien bo', 'bien dong', 'de tang', 'muon tang']);

/** Politeness, question words and particles: they ask nothing and name nothing. */
export const FILLER: readonly string[] = [
  ...new Set([
    'cho em hoi', 'cho minh hoi', 'cho toi hoi', 'cho hoi', 'xin hoi', 'hoi', 'cho xem', 'cho biet', 'xem giup', 'xem gium', 'gium', 'giup', 'xem', 'coi',
    'cho', 'em', 'anh', 'chi', 'minh', 'toi', 'ban', 'bot', 'oi', 'a', 'ah', 'ha', 'nhe', 'nha', 'nhi', 'vay', 'the', 'thi', 'khong', 'ko', 'k', 'hong',
    'chua', 'roi', 'duoc', 'dc', 'bao nhieu', 'bn', 'may', 'la', 'ra sao', 'the nao', 'nhu the nao', 'nhu nao', 'sao', 'gi', 'nao', 'hay', 'di', 'vui long',
    'xin', 'chao', 'xin chao', 'cam on', 'ok', 'oke', 'uh', 'um', 'va', 'voi', 'cua', 'tai', 'o', 'thuoc', 'trong', 've', 'don vi', 'dang', 'hien', 'hien tai',
    'hien nay', 'hom nay', 'luc nay', 'bay gio', 'nay', 'kia', 'do', 'day', 'ne', 'qua', 'tinh hinh', 'thong tin', 'so lieu', 'cap nhat', 'moi nhat',
    'gan nhat', 'ky', 'ky nay', 'muc', 'bao', 'nhieu', 'nhat', 'co', 'duoc khong', 'giup em', 'giup toi', 'giup minh', 'u', 'nhen', 'hen', 'ta',
    'cac', 'nhung', 'nhom', 'diem so', 'thang', 'quy', 'nam', 'nho', 'lam on', 'da', 'dau', 'o dau', 'can', 'vang', 'alo', 'bi',
    'con', 'ai', 'muon', 'biet', 'them', 'ngay', 'lai', 'nua', 'giua', 've viec', 'nhu', 'cung', 'luon', 'day a', 'vay a', 'theo',
    'lam the nao', 'lam sao', 'lam gi', 'phai lam gi', 'can lam gi', 'duoc may', 'dat may', 'duoc bao nhieu',
    'khi nao', 'bao gio', 'luc nao', 'da co chua', 'co chua',
    // "mức độ hài lòng của người dân, doanh nghiệp": the index's own words, never a unit's name.
    'nguoi dan', 'doanh nghiep',
    // "so với các phường khác": not a unit named "Khác".
    // "toàn tỉnh", "cả tỉnh": the province as a whole (its "tỉnh" is read before the filler).
    'toan tinh', 'ca tinh', 'trong tinh',
    'ca', 'khac', ...['phuong', 'xa', 'don vi', 'dia phuong', 'tinh', 'so', 'nganh', 'huyen'].map((kind) => `${kind} khac`),
  ]),
];

export const FILLER_SET: ReadonlySet<string> = new Set(FILLER);

/** Filler that no unit's name begins or ends with, unlike "bản", "anh" or "la"; a message may open with it ("bot ơi, cho em hỏi"). */
export const PARTICLES: ReadonlySet<string> = new Set([
  'oi', 'a', 'ah', 'nhe', 'nha', 'nhi', 'vay', 'khong', 'ko', 'k', 'xem', 'giup', 'gium', 'cho', 'bot', 'dc', 'duoc', 'roi', 'chua', 'the', 'thi',
  'hoi', 'nao', 'gi', 'sao', 'ne', 'di', 'nhen', 'hen', 'u', 'um', 'uh', 'ok', 'oke', 'alo', 'em', 'minh', 'toi', 'xin', 'chao', 'ta', 'nay', 'kia',
  'day', 'do',
]);

/** Words a message may open with before a command's twin: "bot ơi, cho em xem nhiệm vụ", "anh giao việc". */
export const OPENING_WORDS: ReadonlySet<string> = new Set([...PARTICLES, 'anh', 'chi', 'ban', 'lam', 'on', 'vui']);

export const CUE_WORDS: ReadonlySet<string> = new Set(CUES.flatMap(([phrase]) => phrase.split(' ')));

/** The words before "nào" that ask about units rather than groups ("phường nào", "đơn vị nào"), or alone beside a "top" or "cao nhất" ("top 5 xã"). */
export const UNIT_ASKED: readonly [string, UnitKind | null][] = [
  ['xa phuong', null],
  ['don vi', null],
  ['dia phuong', null],
  ['co quan', null],
  ['so nganh', 'so-nganh'],
  ['thi tran', 'xa'],
  ['phuong', 'phuong'],
  ['xa', 'xa'],
  ['so', 'so-nganh'],
  ['nganh', 'so-nganh'],
  ['huyen', 'huyen'],
];

/**
 * Words that ask about the provinces of the whole country: "xếp hạng toàn quốc", "các tỉnh", "cả nước",
 * "tỉnh nào". A bare "tỉnh" is not among them: "Việt Trì có cao nhất tỉnh không" asks within the province.
 */
export const NATIONAL_WORDS: readonly string[] = [
  'toan quoc',
  'ca nuoc',
  'cac tinh thanh pho',
  'cac tinh thanh',
  'cac tinh',
  'tinh thanh pho nao',
  'tinh thanh nao',
  'tinh nao',
  'tinh thanh pho',
];

/** Words that join a unit to the one it belongs to: "Hy Cương, tỉnh Phú Thọ", "Hy Cương thuộc Phú Thọ". */
export const BELONGS: ReadonlySet<string> = new Set(['thuoc', 'o', 'tai', 'cua', 'tinh', 'thanh pho', 'tp']);

/** Words before a name that say what kind of unit it is; "UBND" says only that one follows. */
export const KIND_WORDS: readonly [string, UnitKind | null][] = [['uy ban nhan dan', null], ['ubnd', null], ['uy ban', null], ...KIND_PREFIXES];

/** Names people use that the framework's own aliases lack. */
const EXTRA_GROUP_ALIASES: Partial<Record<GroupKey, string[]>> = {
  // Dossiers past their deadline are what Tiến độ giải quyết scores ("hồ sơ trễ hạn"); tasks past theirs are /quahan.
  TDGQ: ['ho so qua han', 'ho so tre han', 'qua han', 'tre han'],
  CLGQ: ['dvc', 'dvc tt', 'cung cap dvc'],
  TTTT: ['thanh toan online', 'tt truc tuyen'],
  MDSH: ['so hoa hs'],
};

const GROUP_ALIASES = [CURRENT_FRAMEWORK, FRAMEWORK_2022].flatMap((f) =>
  f.groups.flatMap((g) => [...g.aliases, ...(EXTRA_GROUP_ALIASES[g.key] ?? [])].map((alias) => ({ key: g.key, alias }))),
);

/** A group by its name with the words run together ("so hoa" and "sohoa" alike). */
export const GROUP_BY_COMPACT: ReadonlyMap<string, GroupKey> = new Map(GROUP_ALIASES.map(({ key, alias }) => [alias.replace(/ /g, ''), key]));

export const LONGEST_GROUP_NAME = Math.max(...GROUP_ALIASES.map(({ alias }) => alias.split(' ').length));

export const KIND_PHRASES = new Phrases(KIND_WORDS);
export const PREFIX_PHRASES = new Phrases(KIND_PREFIXES);
export const CUE_PHRASES = new Phrases(CUES);
export const UNIT_ASKED_PHRASES = new Phrases(UNIT_ASKED);
export const NATIONAL_PHRASES = new Phrases(NATIONAL_WORDS.map((phrase) => [phrase, 'tinh' as const]));
/** Provinces counted ("top 5 tỉnh", "trong 34 tỉnh thành"): a number before them makes them the country's. */
export const COUNTED_PROVINCES = new Phrases(['tinh thanh pho', 'tinh thanh', 'tinh'].map((phrase) => [phrase, 'tinh' as const]));
/** Groups counted ("top 3 nhóm yếu nhất", "3 chỉ số thấp nhất"): not units. */
export const COUNTED_GROUPS = new Phrases(['nhom chi so', 'nhom', 'chi so', 'tieu chi', 'chi tieu'].map((phrase) => [phrase, true as const]));
/** "tỉnh thành" alone: the provinces, unless a name follows ("tinh thanh hoa" is tỉnh Thanh Hóa). */
export const PROVINCES_WORD = 'tinh thanh';
export const FILLER_PHRASES = new Phrases<'filler' | 'kind'>([...FILLER.map((f) => [f, 'filler'] as const), ...KIND_WORDS.map(([w]) => [w, 'kind'] as const)]);

/**
 * Letters a typed word may miss one of ours by (a cue, a command's twin): the vocabulary is small, so
 * a longer word may slip twice (a swap of two letters is two), where a name in the gazetteer may not.
 */
export function vocabularySlips(typed: string): number {
  const letters = typed.replace(/ /g, '').length;
  return letters < 5 ? 0 : letters < 8 ? 1 : 2;
}
