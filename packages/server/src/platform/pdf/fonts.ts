// The fonts office PDFs embed, so that every script of the register renders without fonts on the
// reader's machine: DejaVu Sans (Latin, Cyrillic, Greek, Arabic, Hebrew and more) and Noto Sans SC
// (Chinese, with Japanese kana). Each text run is set in the font that covers its characters; only the
// glyphs used end up in the file (pdfkit subsets embedded fonts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { create as openFont, type Font } from 'fontkit';

export type FontName = 'sans' | 'sans-bold' | 'cjk';

const require = createRequire(import.meta.url);
const FILES: Record<FontName, () => string> = {
  sans: () => require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  'sans-bold': () => require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  cjk: () => require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
};

const loaded = new Map<FontName, Buffer>();

/** The font file's bytes, read once per process. */
export function fontBytes(name: FontName): Buffer {
  let b = loaded.get(name);
  if (!b) loaded.set(name, (b = readFileSync(FILES[name]())));
  return b;
}

const parsed = new Map<FontName, Font>();

/**
 * The font parsed, once per process: parsing a font's tables costs more than setting a whole page, and
 * every document (each gazette issue, each certificate) uses the same few fonts. Each document still
 * embeds its own subset.
 */
export function fontObject(name: FontName): Font {
  let f = parsed.get(name);
  if (!f) parsed.set(name, (f = openFont(fontBytes(name)) as Font));
  return f;
}

export const FONT_NAMES = Object.keys(FILES) as FontName[];

/** Characters set in the CJK font: Han ideographs, kana, bopomofo, CJK punctuation and full-width forms. */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303F\uFF00-\uFFEF]/u;

export const isCjk = (ch: string) => CJK.test(ch);

/** The font a character is set in, given the style of the text around it (CJK has one weight). */
export function fontFor(ch: string, bold: boolean): FontName {
  if (isCjk(ch)) return 'cjk';
  return bold ? 'sans-bold' : 'sans';
}
