// The OCR languages this installation can read: those whose @tesseract.js-data/<code> package is
// installed (found the way Node resolves packages from here). Nothing is ever downloaded.
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
/** The integer LSTM models: what Tesseract's LSTM engine needs, and the smallest. */
export const MODEL_DIR = '4.0.0_best_int';
const CODE = /^[a-z]{3}(_[a-z]+)?$/;

/** The installed language data file of a language (e.g. 'eng'), or null. */
export function ocrLanguageFile(code: string): string | null {
  if (!CODE.test(code)) return null;
  try {
    const file = join(dirname(require.resolve(`@tesseract.js-data/${code}/package.json`)), MODEL_DIR, `${code}.traineddata.gz`);
    return existsSync(file) ? file : null;
  } catch { return null; }
}

/** Every language whose data package is installed. */
export function shippedOcrLanguages(): string[] {
  const found = new Set<string>();
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const scope = join(dir, 'node_modules', '@tesseract.js-data');
    if (existsSync(scope)) for (const code of readdirSync(scope)) if (ocrLanguageFile(code)) found.add(code);
    if (dirname(dir) === dir) break;
  }
  return [...found].sort();
}
