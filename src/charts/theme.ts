/** How charts look: sizes, the bands' colours and the groups' palette, shared by every chart kind. */
import { BANDS } from '../domain/result.js';
import { FONT_FAMILY } from '../rendering/fonts.js';

export const TOTAL_COLOR = '#1F4E9E';
export const BAR_COLOR = '#9FB3C8';
export const HIGHLIGHT_COLOR = '#C62828';
export const TEXT_COLOR = '#263238';
export const MUTED_TEXT_COLOR = '#546E7A';

/** Each official band's line colour, by its label in domain/result.ts. */
const BAND_COLORS: Readonly<Record<string, string>> = { 'Xuất sắc': '#1B8A3A', Tốt: '#E69F00' };

/** The official bands' lines, lowest first. */
export const BAND_LINES: readonly { value: number; label: string; color: string }[] = [...BANDS].reverse().map((band) => ({ value: Number(band.from), label: band.label, color: BAND_COLORS[band.label] ?? MUTED_TEXT_COLOR }));

/** One colour per group, in the framework's order; none is a band's colour. */
export const GROUP_PALETTE = ['#4E79A7', '#F28E2B', '#59A14F', '#B07AA1', '#E15759', '#76B7B2', '#9C755F'];

/** Inner width of a chart's plot, in pixels (the PNG adds axes, legend and padding). */
export const PLOT_WIDTH = 720;

export const CHART_CONFIG = {
  font: FONT_FAMILY,
  background: 'white',
  view: { stroke: null },
  title: { fontSize: 18, fontWeight: 'bold', color: TEXT_COLOR, subtitleFontSize: 13, subtitleColor: MUTED_TEXT_COLOR, anchor: 'start', offset: 12 },
  axis: { labelFontSize: 12, titleFontSize: 12, labelColor: TEXT_COLOR, titleColor: MUTED_TEXT_COLOR, gridColor: '#ECEFF1' },
  legend: { labelFontSize: 12, titleFontSize: 12, labelColor: TEXT_COLOR, titleColor: MUTED_TEXT_COLOR },
} as const;
