/** The bundled NotoSans files (assets/fonts, OFL), found from the package root whether running src/ or dist/. */
import { fileURLToPath } from 'node:url';

const FONTS_DIR = fileURLToPath(new URL('../../assets/fonts/', import.meta.url));

export const FONT_FAMILY = 'Noto Sans';

export const FONT_FILES = {
  regular: `${FONTS_DIR}NotoSans-Regular.ttf`,
  bold: `${FONTS_DIR}NotoSans-Bold.ttf`,
} as const;
