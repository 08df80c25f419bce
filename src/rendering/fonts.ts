/**
 * The fonts every picture and document is drawn with, shipped in assets/fonts/ (Noto Sans, OFL): found
 * beside src/ and dist/ alike, whatever the working folder. No system font is looked for, so a machine
 * without fonts draws the same text.
 */
import { fileURLToPath } from 'node:url';

const FONTS_DIR = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));

export const FONT_FAMILY = 'Noto Sans';

export const FONT_FILES = {
  regular: `${FONTS_DIR}NotoSans-Regular.ttf`,
  bold: `${FONTS_DIR}NotoSans-Bold.ttf`,
} as const;
