// poppler's command-line tools as independent checkers of the office's PDFs: pdfsig verifies signatures,
// pdftotext reads the text back, pdffonts lists embedded fonts, pdfimages the images. CI installs them
// (poppler-utils); without CI a test that needs them is skipped when they are missing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const hasPoppler = spawnSync('pdfsig', ['-v']).error === undefined && spawnSync('pdftotext', ['-v']).error === undefined;

/** True when poppler can be used; in CI its absence fails the test, elsewhere it skips it. */
export function requirePoppler(t: { skip(msg: string): void }): boolean {
  if (hasPoppler) return true;
  if (process.env.CI) assert.fail('poppler-utils (pdfsig, pdftotext, pdffonts, pdfimages) must be installed in CI');
  t.skip('poppler-utils is not installed');
  return false;
}

/** Runs a poppler tool on the bytes (written to a temporary file); returns what it printed. */
export function poppler(tool: 'pdfsig' | 'pdftotext' | 'pdffonts' | 'pdfimages' | 'pdfinfo', bytes: Buffer, args: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'registrum-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, bytes);
    const tail = tool === 'pdftotext' ? [file, '-'] : [file];
    const r = spawnSync(tool, [...args, ...tail], { encoding: 'utf8' });
    return `${r.stdout}${r.stderr}`;
  } finally { rmSync(dir, { recursive: true, force: true }); }
}
