// Real scanned pages, made here: text typeset with pdfkit (the office's embedded fonts), rasterised by
// poppler's pdftoppm as a scanner would capture it, then each page image wrapped in a PDF of its own
// pages (as a scanner's "scan to PDF" does), or in a TIFF. CI installs poppler-utils; elsewhere a test
// that needs pdftoppm is skipped when it is missing.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import { fontBytes } from '../../src/platform/pdf/fonts.ts';

export const hasPdftoppm = spawnSync('pdftoppm', ['-v']).error === undefined;

/** True when pdftoppm can be used; in CI its absence fails the test, elsewhere it skips it. */
export function requirePdftoppm(t: { skip(msg: string): void }): boolean {
  if (hasPdftoppm) return true;
  if (process.env.CI) assert.fail('poppler-utils (pdftoppm) must be installed in CI');
  t.skip('pdftoppm (poppler-utils) is not installed');
  return false;
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  return new Promise((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
}

/** A born-digital A4 PDF: each page a list of paragraphs in 12 pt DejaVu Sans. */
export function typesetPdf(pages: string[][]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 64, autoFirstPage: false, info: { CreationDate: new Date('2026-01-05T00:00:00Z') } });
  const done = collect(doc);
  doc.registerFont('sans', fontBytes('sans'));
  for (const paragraphs of pages) {
    doc.addPage();
    doc.font('sans').fontSize(12);
    for (const p of paragraphs) doc.text(p, { align: 'left', lineGap: 3 }).moveDown(0.8);
  }
  doc.end();
  return done;
}

export type RasterFormat = 'jpeg' | 'png' | 'gray';

/** The pages of a PDF as images, as pdftoppm renders them (JPEG, of `quality` if given; PNG; or 8-bit PGM). */
export function rasterise(pdf: Buffer, opts: { dpi?: number; format?: RasterFormat; quality?: number } = {}): Buffer[] {
  const dir = mkdtempSync(join(tmpdir(), 'registrum-scan-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    const format = opts.format ?? 'jpeg';
    const flag = format === 'jpeg' ? ['-jpeg', ...(opts.quality ? ['-jpegopt', `quality=${opts.quality}`] : [])] : format === 'png' ? ['-png'] : ['-gray'];
    const r = spawnSync('pdftoppm', ['-r', String(opts.dpi ?? 150), ...flag, join(dir, 'in.pdf'), join(dir, 'page')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.stderr || r.error}`);
    return readdirSync(dir).filter((f) => f.startsWith('page-')).sort((a, b) => pageNo(a) - pageNo(b)).map((f) => readFileSync(join(dir, f)));
  } finally { rmSync(dir, { recursive: true, force: true }); }
}
const pageNo = (f: string) => Number(/-(\d+)\./.exec(f)?.[1] ?? 0);

/** A "scanned" PDF: each image a full A4 page, nothing else on it (no fonts, no text layer). */
export function imagePdf(images: Buffer[]): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: false, info: { CreationDate: new Date('2026-01-05T00:00:00Z') } });
  const done = collect(doc);
  for (const img of images) {
    doc.addPage({ size: 'A4', margin: 0 });
    doc.image(img, 0, 0, { width: doc.page.width, height: doc.page.height });
  }
  doc.end();
  return done;
}

/** Pages of text, typeset, rasterised at `dpi` as JPEG and put back in a PDF: what a scanner gives. */
export async function scannedPdf(pages: string[][], dpi = 150): Promise<Buffer> {
  return imagePdf(rasterise(await typesetPdf(pages), { dpi, format: 'jpeg' }));
}

/** A PGM (P5) image's size and pixels. */
export function readPgm(pgm: Buffer): { width: number; height: number; pixels: Buffer } {
  const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'));
  if (!m || m[3] !== '255') throw new Error('not an 8-bit PGM');
  return { width: Number(m[1]), height: Number(m[2]), pixels: pgm.subarray(m[0].length) };
}

/**
 * A baseline TIFF of several pages: uncompressed 8-bit grey, big- or little-endian, in strips of
 * `rowsPerStrip` rows (offsets and lengths then stored out of line), optionally with a reduced-resolution
 * preview directory after the first page (which is not a page).
 */
export function greyTiff(pages: { width: number; height: number; pixels: Buffer }[], opts: { bigEndian?: boolean; preview?: boolean; rowsPerStrip?: number } = {}): Buffer {
  const le = !opts.bigEndian;
  const u16 = (v: number) => { const b = Buffer.alloc(2); if (le) b.writeUInt16LE(v); else b.writeUInt16BE(v); return b; };
  const u32 = (v: number) => { const b = Buffer.alloc(4); if (le) b.writeUInt32LE(v); else b.writeUInt32BE(v); return b; };
  const dirs = pages.map((p) => ({ ...p, sub: 0 }));
  if (opts.preview && pages.length) {
    const p = pages[0]; const w = Math.max(1, p.width >> 3); const h = Math.max(1, p.height >> 3);
    dirs.splice(1, 0, { width: w, height: h, pixels: Buffer.alloc(w * h, 200), sub: 1 });
  }
  const parts: Buffer[] = [Buffer.from(le ? 'II' : 'MM', 'latin1'), u16(42), u32(8)];
  let offset = 8;
  dirs.forEach((d, i) => {
    const rps = Math.min(opts.rowsPerStrip ?? d.height, d.height);
    const strips = Math.ceil(d.height / rps);
    const count = 10;
    const ifdSize = 2 + count * 12 + 4;
    // After the directory: the strips' offsets and lengths (when more than one), then the pixels.
    const arraysAt = offset + ifdSize;
    const arrays = strips > 1 ? 8 * strips : 0;
    const dataAt = arraysAt + arrays;
    const stripLen = (s: number) => Math.min(rps, d.height - s * rps) * d.width;
    const end = dataAt + d.pixels.length + (d.pixels.length % 2);
    const entry = (tag: number, type: number, n: number, value: number) => Buffer.concat([u16(tag), u16(type), u32(n), type === 3 && n === 1 ? Buffer.concat([u16(value), u16(0)]) : u32(value)]);
    parts.push(u16(count),
      entry(254, 4, 1, d.sub), entry(256, 4, 1, d.width), entry(257, 4, 1, d.height), entry(258, 3, 1, 8), entry(259, 3, 1, 1),
      entry(262, 3, 1, 1), entry(273, 4, strips, strips > 1 ? arraysAt : dataAt), entry(277, 3, 1, 1), entry(278, 4, 1, rps),
      entry(279, 4, strips, strips > 1 ? arraysAt + 4 * strips : stripLen(0)),
      u32(i === dirs.length - 1 ? 0 : end));
    if (strips > 1) {
      for (let s = 0; s < strips; s++) parts.push(u32(dataAt + s * rps * d.width));
      for (let s = 0; s < strips; s++) parts.push(u32(stripLen(s)));
    }
    parts.push(d.pixels);
    if (d.pixels.length % 2) parts.push(Buffer.alloc(1));
    offset = end;
  });
  return Buffer.concat(parts);
}
