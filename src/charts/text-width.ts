/**
 * How wide a label is drawn, from the advance widths in the bundled fonts themselves: Vega lays out
 * axes, legends and titles with these, where without a canvas it would guess (0.8 em a character, wide
 * enough to push a chart's width half again and to cut long names short with "…").
 */
import { readFileSync } from 'node:fs';
import { FONT_FILES } from '../rendering/fonts.js';

interface Metrics {
  unitsPerEm: number;
  advance(codePoint: number): number;
}

/** Advance widths by character, from the font's `cmap` (format 4: the Basic Multilingual Plane, where Vietnamese is) and `hmtx`. */
function readMetrics(file: string): Metrics {
  const font = readFileSync(file);
  const tables = new Map<string, number>();
  for (let i = 0, count = font.readUInt16BE(4); i < count; i++) tables.set(font.toString('latin1', 12 + i * 16, 16 + i * 16), font.readUInt32BE(20 + i * 16));
  const table = (tag: string) => {
    const offset = tables.get(tag);
    if (offset === undefined) throw new Error(`${file}: no ${tag} table`);
    return offset;
  };
  const unitsPerEm = font.readUInt16BE(table('head') + 18);
  const hMetrics = font.readUInt16BE(table('hhea') + 34);
  const hmtx = table('hmtx');
  const cmap = table('cmap');
  let format4 = -1;
  for (let i = 0, count = font.readUInt16BE(cmap + 2); i < count; i++) {
    const record = cmap + 4 + i * 8;
    const subtable = cmap + font.readUInt32BE(record + 4);
    if (font.readUInt16BE(subtable) === 4 && (font.readUInt16BE(record) === 0 || font.readUInt16BE(record) === 3)) format4 = subtable;
  }
  if (format4 < 0) throw new Error(`${file}: no Unicode cmap`);
  const segments = font.readUInt16BE(format4 + 6) / 2;
  const ends = format4 + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const rangeOffsets = deltas + segments * 2;
  const glyph = (c: number): number => {
    for (let i = 0; i < segments; i++) {
      if (font.readUInt16BE(ends + i * 2) < c) continue;
      const start = font.readUInt16BE(starts + i * 2);
      if (start > c) return 0;
      const delta = font.readInt16BE(deltas + i * 2);
      const rangeOffset = font.readUInt16BE(rangeOffsets + i * 2);
      if (rangeOffset === 0) return (c + delta) & 0xffff;
      const id = font.readUInt16BE(rangeOffsets + i * 2 + rangeOffset + (c - start) * 2);
      return id === 0 ? 0 : (id + delta) & 0xffff;
    }
    return 0;
  };
  const widths = new Map<number, number>();
  return {
    unitsPerEm,
    advance(c) {
      let width = widths.get(c);
      if (width === undefined) {
        const id = glyph(c);
        width = font.readUInt16BE(hmtx + Math.min(id, hMetrics - 1) * 4);
        widths.set(c, width);
      }
      return width;
    },
  };
}

let fonts: { regular: Metrics; bold: Metrics } | null = null;

export function textWidth(text: string, fontSize: number, bold: boolean): number {
  fonts ??= { regular: readMetrics(FONT_FILES.regular), bold: readMetrics(FONT_FILES.bold) };
  const metrics = bold ? fonts.bold : fonts.regular;
  let units = 0;
  for (const ch of text.normalize('NFC')) units += metrics.advance(ch.codePointAt(0) ?? 0);
  return (units / metrics.unitsPerEm) * fontSize;
}
