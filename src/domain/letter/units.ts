import { foldWords } from '../text.js';
import type { Doc } from './document.js';
import { NUMBER } from './number.js';

// ---------------------------------------------------------------------------------------------------
// Units: "thị xã Mỹ Hào", "UBND xã Hùng Sơn", "phường 12", "tỉnh Phú Thọ", "Sở Tư pháp".

export interface Mention {
  start: number;
  end: number;
  /** "thị xã Mỹ Hào": the kind in lower case, the name as printed. */
  name: string;
  kind: string;
  /** 1 tỉnh, 2 huyện/thị xã/thành phố/quận/sở, 3 xã/phường/thị trấn/đặc khu: a parent has a smaller level. */
  level: number;
}

const KINDS: Record<string, { label: string; level: number }> = {
  'thi xa': { label: 'thị xã', level: 2 },
  'thanh pho': { label: 'thành phố', level: 2 },
  'thi tran': { label: 'thị trấn', level: 3 },
  'dac khu': { label: 'đặc khu', level: 3 },
  huyen: { label: 'huyện', level: 2 },
  quan: { label: 'quận', level: 2 },
  tinh: { label: 'tỉnh', level: 1 },
  xa: { label: 'xã', level: 3 },
  phuong: { label: 'phường', level: 3 },
};
const KIND_RE = /(?<![a-z0-9.])(thi xa|thanh pho|thi tran|dac khu|huyen|quan|tinh|xa|phuong) /g;
/** Abbreviations officials write, as printed (case matters: "TP." is a city, "tp." in prose is not read). */
const ABBREVIATIONS: { re: RegExp; kind: string }[] = [
  { re: /(?<![\p{L}\p{M}\d.&,])(?:TP\.?|Tp\.) ?(?=\p{Lu})/gu, kind: 'thanh pho' },
  { re: /(?<![\p{L}\p{M}\d.&,])(?:TX\.?|Tx\.) ?(?=\p{Lu})/gu, kind: 'thi xa' },
  { re: /(?<![\p{L}\p{M}\d.&,])TT\. ?(?=\p{Lu})/gu, kind: 'thi tran' },
  { re: /(?<![\p{L}\p{M}\d.&,])H\. ?(?=\p{Lu})/gu, kind: 'huyen' },
  { re: /(?<![\p{L}\p{M}\d.&,])P\. ?(?=\p{Lu}|\d)/gu, kind: 'phuong' },
  { re: /(?<![\p{L}\p{M}\d.&,])X\. ?(?=\p{Lu})/gu, kind: 'xa' },
];

/**
 * Capitalised words that start a new phrase, not a place name, when a line break ran them together
 * ("thị xã Mỹ Hào\nTổng điểm"). Words that begin real names (Đồng, Năm, Như, Tăng, Quý…) are not here.
 */
const NAME_STOP = String.raw`(?:Trong|Tổng|Chỉ|Nhóm|Kết|Theo|Đạt|Xếp|Về|Tháng|Với|Trên|Tại|Các|Số|Điểm|Kính|Nơi|Tỉnh|Huyện|Xã|Phường|Quận|Đứng|Ngày|Sở|Thị xã|Thị trấn|Thành phố|Đặc khu)(?![\p{L}\p{M}])`;
const NAME_WORD = String.raw`(?!${NAME_STOP})\p{Lu}[\p{Ll}\p{M}]*(?![\p{L}\p{M}\d])`;
const NAME_RE = new RegExp(String.raw`${NAME_WORD}(?: ${NAME_WORD}){0,4}|\d{1,2}(?![\d\p{L}]|[/.,]\d)`, 'uy');
export const NAME_STOP_WORD = new RegExp(`^${NAME_STOP}$`, 'u');

const SO_STOP = new Set(
  'đạt được là xếp có đứng tăng giảm với trong tại tháng quý năm về của theo thuộc đã chỉ tổng điểm trên ở cũng vẫn tiếp nhưng còn thì tỉnh thành huyện xã phường quận thị dẫn giữ vươn tụt nằm sở đều cùng lại vừa mới nay'.split(' '),
);
/** Words that may follow a place name in a sentence: a lower-case word that is none of them is part of the name ("tỉnh Bình định"). */
const AFTER_NAME = new Set([...SO_STOP, ...'và hoặc bị cho cả nước này đó khi sau trước từ đến hiện gồm như nhất thấp cao ước dự lần có sẽ công nếu vươn liên luôn bám kém hơn tiếp'.split(' ')]);

/** "Bình" + " định với": a lower-case word between the name and a word that follows names is the name's last word (a typo in case). */
function lowerCaseTail(t: string, end: number): number {
  const m = /^ ([\p{Ll}][\p{Ll}\p{M}]*)(?= ([\p{L}\p{M}]+)|[\s,.;:()]|$)/u.exec(t.slice(end, end + 40));
  if (!m?.[1] || AFTER_NAME.has(m[1])) return end;
  const next = m[2];
  if (next !== undefined && !AFTER_NAME.has(next.toLowerCase())) return end;
  return end + m[0].length;
}

/** Lower-case words that end a department's name: what is said of it ("thấp nhất", "công bố", "lần lượt", "ước đạt"). */
const NOT_IN_NAME = /^(?:thấp|cao|công bố|cho biết|thông báo|báo cáo|lần lượt|ước|dự kiến|có thể|bám)(?![\p{L}\p{M}])/u;

/** "Sở Tư pháp", "Sở Giáo dục và Đào tạo", "Sở Văn hóa, Thể thao và Du lịch": words up to a verb or a place. */
function soName(t: string, from: number): number {
  const word = /[\p{L}\p{M}]+(?:[&,][\p{Lu}][\p{L}\p{M}]*)*/uy;
  let pos = from;
  let words = 0;
  for (;;) {
    word.lastIndex = pos;
    const w = word.exec(t)?.[0];
    if (!w || (words === 0 && !/^\p{Lu}/u.test(w))) break;
    // "Bảo hiểm Xã hội", "Thương binh và Xã hội": "Xã" of "Xã hội" is no commune.
    if (words > 0 && /^Xã hội(?![\p{L}\p{M}])/u.test(t.slice(pos))) {
      pos += 'Xã hội'.length;
      words += 2;
      if (/^ [\p{L}\p{M}]/u.test(t.slice(pos, pos + 2))) pos += 1;
      continue;
    }
    if (words > 0 && (SO_STOP.has(w.toLowerCase()) || NAME_STOP_WORD.test(w) || NOT_IN_NAME.test(t.slice(pos, pos + 12).toLowerCase()))) break;
    // "Sở Nội vụ và Sở Tư pháp": "và" before another unit ends the name.
    if (w === 'và' && /^và (?:Sở|Bộ|Ban|UBND|Ủy ban|Văn phòng|tỉnh|huyện|xã(?! hội)|phường|thị|thành phố|quận)(?![\p{L}\p{M}])/u.test(t.slice(pos))) break;
    if (w === 'và' && !/^và \p{Lu}/u.test(t.slice(pos))) {
      // "Bộ Lao động Thương binh và xã hội với …": lower-case words after "và", up to a verb or a mark, end the name.
      const tail = /^và ((?:[\p{Ll}\p{M}]+ )?[\p{Ll}\p{M}]+)(?= (?:với|đạt|là|xếp|đứng|có|tăng|giảm|được)(?![\p{L}\p{M}])|[,.;:()]|$)/u.exec(t.slice(pos, pos + 40));
      if (tail?.[1] && !/(?:^| )(?:tỉnh|huyện|thành|thị|quận|năm|tháng)(?: |$)/u.test(tail[1])) pos += tail[0].length;
      break;
    }
    pos += w.length;
    words += 1;
    if (words >= 8) break;
    if (/^ [\p{L}\p{M}]/u.test(t.slice(pos, pos + 2))) pos += 1;
    else if (/^ - \p{Lu}/u.test(t.slice(pos, pos + 4))) pos += 3;
    else if (/^, \p{Lu}[\p{L}\p{M}]* [\p{L}\p{M}]+ và \p{Lu}/u.test(t.slice(pos, pos + 40))) pos += 2;
    else break;
  }
  const end = t.slice(from, pos).replace(/[\s,]+$/u, '').length + from;
  // "Văn phòng UBND tỉnh": the office of a level's people's committee names its level, not a place.
  const level = /^(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân|HĐND|Hội đồng nhân dân) (tỉnh|thành phố|huyện|thị xã|quận)(?![\p{L}\p{M}])/u.exec(t.slice(from, end + 30));
  return level && from + level[0].length > end ? from + level[0].length : end;
}

export function findMentions(t: string, f: string): Mention[] {
  const found: Mention[] = [];
  for (const m of f.matchAll(KIND_RE)) {
    const kind = KINDS[m[1] ?? ''];
    if (!kind || t.slice(m.index, m.index + kind.label.length).toLowerCase() !== kind.label) continue;
    NAME_RE.lastIndex = m.index + m[0].length;
    const name = NAME_RE.exec(t)?.[0];
    if (!name) continue;
    const end = /^\p{Lu}/u.test(name) ? lowerCaseTail(t, NAME_RE.lastIndex) : NAME_RE.lastIndex;
    const printed = t.slice(m.index + m[0].length, end);
    found.push({ start: m.index, end, name: `${kind.label} ${printed}`, kind: m[1] ?? '', level: kind.level });
  }
  for (const { re, kind: key } of ABBREVIATIONS) {
    const kind = KINDS[key];
    if (!kind) continue;
    for (const m of t.matchAll(re)) {
      NAME_RE.lastIndex = m.index + m[0].length;
      const name = NAME_RE.exec(t)?.[0];
      if (!name) continue;
      const end = /^\p{Lu}/u.test(name) ? lowerCaseTail(t, NAME_RE.lastIndex) : NAME_RE.lastIndex;
      found.push({ start: m.index, end, name: `${kind.label} ${t.slice(m.index + m[0].length, end)}`, kind: key, level: kind.level });
    }
  }
  // "UBND Si Ma Cai": a committee named without its kind is a unit all the same.
  for (const m of t.matchAll(/(?<![\p{L}\p{M}])(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân) (?!(?:tỉnh|huyện|xã|phường|thị|thành|quận|đặc|các|cấp)(?![\p{L}\p{M}]))(?=\p{Lu})/gu)) {
    NAME_RE.lastIndex = m.index + m[0].length;
    const name = NAME_RE.exec(t)?.[0];
    if (!name || !/^\p{Lu}/u.test(name)) continue;
    const end = NAME_RE.lastIndex;
    if (found.some((x) => m.index < x.end && end > x.start)) continue;
    found.push({ start: m.index, end, name: t.slice(m.index, end), kind: 'bare', level: 2 });
  }
  // A province's agencies of the centre, listed among its departments: "Công an tỉnh Gia Lai", "Cục Thuế tỉnh Nghệ An".
  for (const m of t.matchAll(/(?<![\p{L}\p{M}])(?:Công an|Cục Thuế|Cục Hải quan|Kho bạc Nhà nước|Bộ Chỉ huy Quân sự|Bộ Chỉ huy Bộ đội Biên phòng|Liên đoàn Lao động|Công ty Điện lực|Điện lực) (?=tỉnh|thành phố)/gu)) {
    const end = m.index + m[0].length - 1;
    if (!found.some((x) => m.index < x.end && end > x.start)) found.push({ start: m.index, end, name: t.slice(m.index, end), kind: 'so', level: 2 });
  }
  // Departments and ministries: "Sở Tư pháp", "Bộ Công Thương", "Ban Quản lý …", "Văn phòng UBND …", "Bảo hiểm xã hội Việt Nam".
  for (const m of t.matchAll(/(?<![\p{L}\p{M}])(Sở|Bộ(?! Chỉ huy)|Ban|Văn phòng|Bảo hiểm [xX]ã hội) (?=\p{Lu}|tỉnh|thành phố)/gu)) {
    const from = m.index + m[0].length;
    // "Bảo hiểm Xã hội tỉnh Gia Lai": the name is the words before the province.
    const end = /^Bảo hiểm/u.test(m[1] ?? '') && !/^\p{Lu}/u.test(t.slice(from, from + 1)) ? from - 1 : soName(t, from);
    const national = m[1] === 'Bộ' || (/^Bảo hiểm/u.test(m[1] ?? '') && /^Việt Nam/u.test(t.slice(from)));
    if (end > m.index + 4) found.push({ start: m.index, end, name: t.slice(m.index, end), kind: national ? 'bo' : 'so', level: national ? 1 : 2 });
  }
  // Names printed without their kind, where the sentence's shape says they are units: a list item "Nam Giang (88,35 điểm)",
  // or the subject of a clause "…, Cà Mau đạt 91,06 điểm". A name printed elsewhere with its kind is that unit ("tỉnh Cà Mau").
  const bare = new RegExp(
    String.raw`(?:^|[:;,.(]\s*|\s(?:và|là|gồm)\s+)(${NAME_WORD}(?: ${NAME_WORD}){0,4})(?=\s*\(\s*${NUMBER}\s*điểm\s*\)|\s+(?:đã\s+|vẫn\s+|tiếp tục\s+)?(?:(?:dẫn đầu|đứng đầu)\s+)?(?:đạt|với)\s+${NUMBER}\s*(?:\/\s*100\s*)?điểm)`,
    'gu',
  );
  for (const m of t.matchAll(bare)) {
    const name = m[1] ?? '';
    const start = m.index + m[0].length - name.length;
    if (found.some((x) => start < x.end && start + name.length > x.start)) continue;
    const key = foldWords(name);
    const known = found.find((x) => (x.kind === 'tinh' || x.kind === 'thanh pho') && foldWords(x.name).endsWith(` ${key}`) && foldWords(x.name).split(' ').length - key.split(' ').length <= 2);
    found.push({ start, end: start + name.length, name: known?.name ?? name, kind: known?.kind ?? 'bare', level: known?.level ?? 2 });
  }
  return found.sort((a, b) => a.start - b.start);
}

/** "xã Hùng Sơn, huyện Lâm Thao", "Sở Y tế (tỉnh Gia Lai)": `second` names where `first` is, nothing but a comma between. */
export function chained(doc: Doc, first: Mention, second: Mention): boolean {
  return /^\s*(?:[,–(-]|thuoc|truc thuoc)?\s*$/.test(doc.f.slice(first.end, second.start));
}

/** "xã Hùng Sơn, huyện Lâm Thao, tỉnh Phú Thọ": from any of them back to the first, the unit itself. */
export function chainStart(doc: Doc, mention: Mention): Mention {
  let current = mention;
  for (;;) {
    const i = doc.order.get(current) ?? -1;
    const previous = doc.mentions[i - 1];
    if (!previous || previous.level <= current.level) return current;
    if (!chained(doc, previous, current)) return current;
    current = previous;
  }
}

export function parentOf(doc: Doc, unit: Mention): string | null {
  const next = doc.mentions[(doc.order.get(unit) ?? -2) + 1];
  if (next && next.level < unit.level && chained(doc, unit, next)) return next.name;
  if (unit.kind === 'tinh' || unit.kind === 'bo') return null;
  // A name printed without its kind ("Hải Phòng") may itself be a province: no parent is guessed for it.
  if (unit.kind === 'bare') return null;
  // The province named last before it in its sentence ("Tại tỉnh Hưng Yên, Sở Tư pháp …"), else the text's one province.
  const own = foldWords(unit.name);
  const fits = (m: Mention) => foldWords(m.name) !== own && (m.kind === 'tinh' || (m.kind === 'thanh pho' && unit.kind !== 'thanh pho' && m.level < unit.level));
  const from = Math.max(0, unit.start - 300);
  const before = doc.f.slice(from, unit.start);
  const sentenceStart = from + Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '), 0);
  const inSentence = doc.provinces.filter((m) => fits(m) && m.start >= sentenceStart && m.end <= unit.start).at(-1);
  if (inSentence) return inSentence.name;
  // A city may be a province of its own (thành phố Hà Nội): its parent only from its own sentence.
  if (unit.kind === 'thanh pho') return null;
  const named = new Set(doc.provinces.filter(fits).slice(0, 50).map((m) => foldWords(m.name)));
  return named.size === 1 ? (doc.provinces.find(fits)?.name ?? null) : null;
}
