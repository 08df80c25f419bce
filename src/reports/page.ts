/**
 * A page as shapes placed in points from the top left corner: what a report shows, computed once and
 * drawn by each renderer (reports/pdf.ts, reports/svg.ts) the same way.
 */
export const A4 = { width: 595.28, height: 841.89 } as const;

export type Anchor = 'start' | 'middle' | 'end';

export type Shape =
  /** `y` is the baseline. */
  | { kind: 'text'; x: number; y: number; text: string; size: number; bold: boolean; color: string; anchor: Anchor }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; color: string }
  | { kind: 'line'; x1: number; y1: number; x2: number; y2: number; color: string; width: number };

export interface Page {
  width: number;
  height: number;
  /** The document's title (PDF metadata, SVG title). */
  title: string;
  shapes: Shape[];
}

/** A generous estimate of a text's width in NotoSans (its average advance is 0.50 em, 0.52 em bold), so nothing measured to fit overflows. */
export function estimatedWidth(text: string, size: number, bold: boolean): number {
  return text.length * size * (bold ? 0.58 : 0.55);
}

/** The text cut to `width` with an ellipsis, when it is longer. */
export function clipped(text: string, width: number, size: number, bold: boolean): string {
  if (estimatedWidth(text, size, bold) <= width) return text;
  const chars = Math.max(1, Math.floor(width / (size * (bold ? 0.58 : 0.55))) - 1);
  return `${text.slice(0, chars).trimEnd()}…`;
}
