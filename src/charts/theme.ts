/** How charts look: sizes, the bands' colours and the groups' palette, shared by every chart kind. */
import { FONT_FAMILY } from '../rendering/fonts.js';

/** The official bands, each with its line's colour: Tốt from 80, Xuất sắc from 90. */
export const BANDS = [
  { value: 80, color: '#E69F00', label: 'chart-band-good' },
  { value: 90, color: '#1B8A3A', label: 'chart-band-excellent' },
] as const;

export const TOTAL_COLOR = '#1F4E9E';
export const BAR_COLOR = '#9FB3C8';
export const HIGHLIGHT_COLOR = '#C62828';
export const TEXT_COLOR = '#263238';
export const MUTED_TEXT_COLOR = '#546E7A';

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
