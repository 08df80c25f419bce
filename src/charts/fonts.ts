/**
 * The fonts charts are drawn with, shipped in assets/fonts/ (Noto Sans, OFL): found beside src/ and
 * dist/ alike, whatever the working folder. No system font is looked for, so a machine without fonts
 * draws the same labels.
 */
import { fileURLToPath } from 'node:url';

const FONTS_DIR = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));

export const CHART_FONT_FAMILY = 'Noto Sans';

export const CHART_FONT_FILES: readonly string[] = [`${FONTS_DIR}NotoSans-Regular.ttf`, `${FONTS_DIR}NotoSans-Bold.ttf`];
