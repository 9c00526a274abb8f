// The page images of PDFs and TIFFs as the OCR worker gets them: JPEG passed on byte for byte, other
// images decoded exactly (PNG predictors, 1-bit, indexed, filter chains), fax (CCITT) data wrapped in a
// TIFF, pages found through the page tree also when it is packed in object streams, images inside form
// XObjects, and what is not read (JBIG2, encryption) reported rather than guessed at. Multi-page TIFFs
// split into pages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { crc32 } from '../../src/app/demo-files.ts';
import { ccittTiff, pdfPageImages, PdfReadError } from '../../src/platform/ocr/pdf-images.ts';
import { scanOf } from '../../src/platform/ocr/pages.ts';
import { TesseractOcr } from '../../src/platform/ocr/tesseract.ts';
import { splitTiff, tiffPageCount, TiffReadError } from '../../src/platform/ocr/tiff.ts';
import { greyTiff, imagePdf, rasterise, requirePdftoppm, typesetPdf } from './scans.ts';

// ----- building inputs -----

/** A PDF from object bodies (object i+1 is objects[i]; null: not written out), with a cross-reference table and trailer. */
function buildPdf(objects: (string | Buffer | null)[], trailer = '/Root 1 0 R'): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let at = parts[0].length;
  const offsets: (number | null)[] = [];
  objects.forEach((o, i) => {
    if (o === null) { offsets.push(null); return; }
    offsets.push(at);
    const b = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), Buffer.isBuffer(o) ? o : Buffer.from(o, 'latin1'), Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(b); at += b.length;
  });
  const xref = offsets.map((o) => (o === null ? '0000000000 00000 f \n' : `${String(o).padStart(10, '0')} 00000 n \n`)).join('');
  parts.push(Buffer.from(`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${xref}trailer\n<< /Size ${objects.length + 1} ${trailer} >>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

const stream = (dict: string, data: Buffer) => Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);

/** One page drawing image object 5 (or whatever `xobjects` names), with optional fonts. */
function onePage(image: Buffer, opts: { fonts?: boolean } = {}): Buffer {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im1 5 0 R >>${opts.fonts ? ' /Font << /F1 6 0 R >>' : ''} >> /Contents 4 0 R >>`,
    stream('', Buffer.from('q 595 0 0 842 0 0 cm /Im1 Do Q', 'latin1')),
    image,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]);
}

/** A PNG of 8-bit grey (colour type 0) or RGB (2), each row with a different filter, so every predictor is undone. */
function patternPng(width: number, height: number, channels: 1 | 3, pixel: (x: number, y: number, c: number) => number): { png: Buffer; raw: Buffer } {
  const raw = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) for (let c = 0; c < channels; c++) raw[(y * width + x) * channels + c] = pixel(x, y, c) & 0xff;
  const rowLen = width * channels; const bpp = channels;
  const filtered = Buffer.alloc(height * (rowLen + 1));
  for (let y = 0; y < height; y++) {
    const type = y % 5; filtered[y * (rowLen + 1)] = type;
    for (let i = 0; i < rowLen; i++) {
      const x = raw[y * rowLen + i];
      const a = i >= bpp ? raw[y * rowLen + i - bpp] : 0;
      const b = y > 0 ? raw[(y - 1) * rowLen + i] : 0;
      const c = y > 0 && i >= bpp ? raw[(y - 1) * rowLen + i - bpp] : 0;
      const paeth = () => { const p = a + b - c; const pa = Math.abs(p - a); const pb = Math.abs(p - b); const pc = Math.abs(p - c); return pa <= pb && pa <= pc ? a : pb <= pc ? b : c; };
      const pred = [0, a, b, (a + b) >> 1, paeth()][type];
      filtered[y * (rowLen + 1) + 1 + i] = (x - pred) & 0xff;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4); ihdr[8] = 8; ihdr[9] = channels === 1 ? 0 : 2;
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(filtered)), chunk('IEND', Buffer.alloc(0))]);
  return { png, raw };
}

/** The header and pixels of a PNM. */
function readPnm(b: Buffer): { magic: string; width: number; height: number; pixels: Buffer } {
  const m = /^(P[456])\n(\d+) (\d+)\n(?:255\n)?/.exec(b.subarray(0, 40).toString('latin1'))!;
  return { magic: m[1], width: Number(m[2]), height: Number(m[3]), pixels: b.subarray(m[0].length) };
}

// ----- PDF -----

test('a PNG embedded by pdfkit (Flate with PNG predictors, every row filter) comes out as its exact pixels', async () => {
  for (const channels of [1, 3] as const) {
    const { png, raw } = patternPng(61, 47, channels, (x, y, c) => x * 3 + y * 5 + c * 70 + ((x * y) % 17));
    const pdf = await imagePdf([png]);
    const { encrypted, pages } = pdfPageImages(pdf);
    assert.equal(encrypted, false);
    assert.equal(pages.length, 1);
    assert.equal(pages[0].hasText, false);
    assert.equal(pages[0].images.length, 1);
    const img = pages[0].images[0].read();
    assert.equal(img.format, 'pnm');
    const pnm = readPnm(img.data);
    assert.deepEqual([pnm.magic, pnm.width, pnm.height], [channels === 1 ? 'P5' : 'P6', 61, 47]);
    assert.ok(pnm.pixels.equals(raw), `the ${channels === 1 ? 'grey' : 'RGB'} pixels are the PNG's`);
  }
});

test('a JPEG is passed on byte for byte, page by page in the order of the page tree', async (t) => {
  if (!requirePdftoppm(t)) return;
  const jpegs = rasterise(await typesetPdf([['First page'], ['Second page'], ['Third page']]), { dpi: 50, format: 'jpeg' });
  assert.equal(jpegs.length, 3);
  const { pages } = pdfPageImages(await imagePdf(jpegs));
  assert.deepEqual(pages.map((p) => p.page), [1, 2, 3]);
  pages.forEach((p, i) => {
    assert.equal(p.images.length, 1);
    const img = p.images[0].read();
    assert.equal(img.format, 'jpeg');
    assert.ok(img.data.equals(jpegs[i]), `page ${i + 1} is its own JPEG`);
    assert.equal(p.images[0].width, 414); // A4 at 50 dpi, as pdftoppm rounds it
  });
});

test('1-bit grey and stencil masks become PBM with black as 1; Decode [1 0] turns them around', () => {
  // 16 x 16, left half black (0 in DeviceGray), right half white.
  const rows = Buffer.alloc(2 * 16); for (let y = 0; y < 16; y++) { rows[2 * y] = 0x00; rows[2 * y + 1] = 0xff; }
  const gray = pdfPageImages(onePage(stream('/Type /XObject /Subtype /Image /Width 16 /Height 16 /BitsPerComponent 1 /ColorSpace /DeviceGray /Filter /FlateDecode', deflateSync(rows))));
  const g = readPnm(gray.pages[0].images[0].read().data);
  assert.equal(g.magic, 'P4');
  assert.deepEqual([...g.pixels.subarray(0, 2)], [0xff, 0x00], 'black (PDF 0) is PBM 1');
  const mask = pdfPageImages(onePage(stream('/Type /XObject /Subtype /Image /Width 16 /Height 16 /ImageMask true /Decode [1 0] /Filter /FlateDecode', deflateSync(rows))));
  assert.deepEqual([...readPnm(mask.pages[0].images[0].read().data).pixels.subarray(0, 2)], [0x00, 0xff]);
});

test('indexed colour through a chain of ASCIIHex and RunLength filters', () => {
  // 16 x 16, 2-bit indices cycling 0..3 along each row; palette: black, red, green, white.
  const idx = Buffer.alloc(4 * 16); for (let i = 0; i < idx.length; i++) idx[i] = 0b00011011;
  const rl = Buffer.concat([Buffer.from([idx.length - 1]), idx, Buffer.from([128])]); // one literal run, then end
  const hex = `${rl.toString('hex').replace(/(.{60})/g, '$1\n')}>`;
  const pdf = onePage(stream('/Type /XObject /Subtype /Image /Width 16 /Height 16 /BitsPerComponent 2 /ColorSpace [/Indexed /DeviceRGB 3 <000000 ff0000 00ff00 ffffff>] /Filter [/ASCIIHexDecode /RunLengthDecode]', Buffer.from(hex, 'latin1')));
  const img = readPnm(pdfPageImages(pdf).pages[0].images[0].read().data);
  assert.equal(img.magic, 'P6');
  assert.deepEqual([...img.pixels.subarray(0, 12)], [0, 0, 0, 255, 0, 0, 0, 255, 0, 255, 255, 255]);
});

test('a page tree packed in an object stream, and an image inside a form XObject', () => {
  const pixels = Buffer.alloc(20 * 20, 0x80);
  const packed = ['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Fm1 5 0 R >> >> >>'];
  let header = ''; let body = '';
  packed.forEach((o, i) => { header += `${i + 1} ${body.length} `; body += `${o}\n`; });
  const objstm = Buffer.from(header + body, 'latin1');
  // Objects 1-3 exist only inside the object stream (object 4), as a PDF 1.5 writer leaves them.
  const real = buildPdf([
    null, null, null,
    stream(`/Type /ObjStm /N 3 /First ${header.length} /Filter /FlateDecode`, deflateSync(objstm)),
    stream('/Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /Im0 6 0 R >> >>', Buffer.from('/Im0 Do', 'latin1')),
    stream('/Type /XObject /Subtype /Image /Width 20 /Height 20 /BitsPerComponent 8 /ColorSpace /DeviceGray', pixels),
  ], '/Root 1 0 R');
  const { pages } = pdfPageImages(real);
  assert.equal(pages.length, 1);
  assert.equal(pages[0].images.length, 1);
  assert.ok(readPnm(pages[0].images[0].read().data).pixels.equals(pixels));
});

test('what is not read is said: JBIG2 images, encryption, damaged data; specks are not pages', () => {
  const jbig2 = onePage(stream('/Type /XObject /Subtype /Image /Width 100 /Height 100 /BitsPerComponent 1 /ColorSpace /DeviceGray /Filter /JBIG2Decode', Buffer.alloc(10)));
  assert.deepEqual(pdfPageImages(jbig2).pages[0].skipped, ['JBIG2Decode']);
  assert.deepEqual(scanOf('application/pdf', jbig2, 10), { kind: 'unsupported', reason: 'images not read: JBIG2Decode' });

  const encrypted = buildPdf(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [] /Count 0 >>', '<< /Filter /Standard /V 2 /R 3 >>'], '/Root 1 0 R /Encrypt 3 0 R');
  assert.equal(pdfPageImages(encrypted).encrypted, true);
  assert.equal(scanOf('application/pdf', encrypted, 10).kind, 'unsupported');

  const damaged = onePage(stream('/Type /XObject /Subtype /Image /Width 40 /Height 40 /BitsPerComponent 8 /ColorSpace /DeviceGray /Filter /FlateDecode', Buffer.from('this is not zlib data at all', 'latin1')));
  // Damaged data is found when the page is read (a page at a time), and only that page is affected.
  const page = pdfPageImages(damaged).pages[0];
  assert.equal(page.images.length, 1);
  assert.throws(() => page.images[0].read(), (e: any) => e instanceof PdfReadError && /damaged compressed stream/.test(e.message));

  const speck = onePage(stream('/Type /XObject /Subtype /Image /Width 8 /Height 8 /BitsPerComponent 8 /ColorSpace /DeviceGray', Buffer.alloc(64)), { fonts: true });
  assert.deepEqual(pdfPageImages(speck).pages[0].images, []);
  assert.deepEqual(scanOf('application/pdf', speck, 10), { kind: 'not-needed', pages: 1, reason: 'the PDF has a text layer and no page images' });

  assert.throws(() => pdfPageImages(Buffer.from('GIF89a not a pdf')), PdfReadError);
});

test('a typeset PDF needs no OCR; a PDF of typeset and scanned pages is read where it is scanned', async () => {
  const typeset = await typesetPdf([['A page of text.'], ['Another one.']]);
  assert.deepEqual(scanOf('application/pdf', typeset, 10), { kind: 'not-needed', pages: 2, reason: 'the PDF has a text layer and no page images' });

  // Page 1 typeset (fonts, no image), page 2 scanned: only page 2 is read, page 1 says why not.
  const mixed = buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 /MediaBox [0 0 595 842] >>',
    '<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    '<< /Type /Page /Parent 2 0 R /Resources << /XObject << /Im1 6 0 R >> >> >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    stream('/Type /XObject /Subtype /Image /Width 20 /Height 20 /BitsPerComponent 8 /ColorSpace /DeviceGray', Buffer.alloc(400, 90)),
  ]);
  const r = scanOf('application/pdf', mixed, 10);
  assert.equal(r.kind, 'ocr');
  if (r.kind === 'ocr') {
    assert.deepEqual(r.pages.map((p) => [p.page, p.images.length, p.note]), [[1, 0, 'text layer'], [2, 1, null]]);
  }

  assert.deepEqual(scanOf('application/pdf', typeset, 1), { kind: 'unsupported', reason: 'more than 1 pages' });
});

test('CCITT fax data is wrapped in a one-strip TIFF the image library reads', () => {
  const data = Buffer.from([1, 2, 3, 4, 5]);
  const g4 = ccittTiff(data, { K: -1, Columns: 1728 } as any, 1728, 100);
  assert.equal(g4.subarray(0, 4).toString('latin1'), 'II*\u0000');
  const count = g4.readUInt16LE(8);
  const tags = new Map<number, number>();
  for (let i = 0; i < count; i++) {
    const o = 10 + i * 12; const type = g4.readUInt16LE(o + 2);
    tags.set(g4.readUInt16LE(o), type === 3 ? g4.readUInt16LE(o + 8) : g4.readUInt32LE(o + 8));
  }
  assert.equal(tags.get(256), 1728);
  assert.equal(tags.get(257), 100);
  assert.equal(tags.get(259), 4, 'Group 4');
  assert.equal(tags.get(262), 0, 'white is zero');
  assert.ok(g4.subarray(tags.get(273)!, tags.get(273)! + tags.get(279)!).equals(data));
  const compression = (t: Buffer) => t.readUInt16LE(10 + 3 * 12 + 8);
  assert.equal(compression(ccittTiff(data, { K: 0, EndOfLine: true, BlackIs1: true } as any, 800, 10)), 3, 'Group 3 with end-of-line codes');
  assert.equal(compression(ccittTiff(data, { K: 0, EncodedByteAlign: true } as any, 800, 10)), 2, 'Group 3 1-D, rows on bytes');
  assert.throws(() => ccittTiff(data, { K: 1 } as any, 800, 10), /without end-of-line codes/);
});

test('a fax-coded (CCITT Group 4) scan in a PDF is read by the OCR engine', async (t) => {
  // libtiff's tools make the fax data (tiff2pdf passes Group 4 into the PDF as it is); CI installs them.
  if (!requirePdftoppm(t)) return;
  if (spawnSync('tiff2pdf', ['-h']).error || spawnSync('tiffcp', ['-h']).error || spawnSync('ppm2tiff', ['-h']).error) {
    if (process.env.CI) assert.fail('libtiff-tools (tiffcp, tiff2pdf, ppm2tiff) must be installed in CI');
    t.skip('libtiff-tools (tiffcp, tiff2pdf) is not installed'); return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'registrum-fax-'));
  const engine = new TesseractOcr({ languages: ['eng'] });
  try {
    writeFileSync(join(dir, 'page.pdf'), await typesetPdf([['Facsimile transmission', 'Please find the signed power of attorney enclosed.']]));
    const run = (cmd: string, args: string[]) => { const r = spawnSync(cmd, args, { cwd: dir }); assert.equal(r.status, 0, `${cmd}: ${r.stderr}`); };
    run('pdftoppm', ['-r', '150', '-mono', 'page.pdf', 'page']);
    run('ppm2tiff', ['page-1.pbm', 'page.tif']);
    run('tiffcp', ['-c', 'g4', 'page.tif', 'fax.tif']);
    run('tiff2pdf', ['-o', 'fax.pdf', 'fax.tif']);
    const pdf = readFileSync(join(dir, 'fax.pdf'));
    assert.match(pdf.toString('latin1'), /CCITTFaxDecode/);
    const scan = scanOf('application/pdf', pdf, 10);
    assert.equal(scan.kind, 'ocr');
    if (scan.kind !== 'ocr') return;
    const read = await engine.recognise(scan.pages[0].images[0]());
    assert.match(read.text, /signed power of attorney enclosed/);
    assert.ok(read.confidence > 75);
  } finally {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

// ----- TIFF -----

test('a multi-page TIFF is split into its pages (strips copied, offsets rewritten, previews left out)', () => {
  const page = (n: number) => { const w = 33; const h = 21; const px = Buffer.alloc(w * h); for (let i = 0; i < px.length; i++) px[i] = (i * 7 + n * 50) & 0xff; return { width: w, height: h, pixels: px }; };
  const pages = [page(0), page(1), page(2)];
  for (const opts of [{}, { bigEndian: true }, { rowsPerStrip: 4, preview: true }, { rowsPerStrip: 5, bigEndian: true }]) {
    const tiff = greyTiff(pages, opts);
    assert.equal(tiffPageCount(tiff), 'preview' in opts ? 4 : 3);
    const split = splitTiff(tiff);
    assert.equal(split.length, 3, JSON.stringify(opts));
    split.forEach((one, i) => {
      assert.equal(tiffPageCount(one), 1);
      assert.ok(readGreyTiff(one).equals(pages[i].pixels), `page ${i + 1} pixels (${JSON.stringify(opts)})`);
    });
  }
  const single = greyTiff([page(0)]);
  assert.equal(splitTiff(single)[0], single, 'a single page is passed on as it is');
  assert.throws(() => splitTiff(Buffer.from('II*\u0000\u00ff\u00ff\u00ff\u007f', 'latin1')), TiffReadError);
  assert.equal(scanOf('image/tiff', greyTiff(pages), 2).kind, 'unsupported', 'more pages than allowed');
});

/** The pixels of a single-page uncompressed grey TIFF, read strip by strip (an independent reader). */
function readGreyTiff(b: Buffer): Buffer {
  const le = b[0] === 0x49;
  const u16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const ifd = u32(4); const n = u16(ifd);
  const tag = (t: number): number[] => {
    for (let i = 0; i < n; i++) {
      const o = ifd + 2 + i * 12;
      if (u16(o) !== t) continue;
      const type = u16(o + 2); const count = u32(o + 4); const size = type === 3 ? 2 : 4;
      const at = count * size <= 4 ? o + 8 : u32(o + 8);
      return Array.from({ length: count }, (_, j) => (size === 2 ? u16(at + 2 * j) : u32(at + 4 * j)));
    }
    return [];
  };
  const offsets = tag(273); const counts = tag(279);
  return Buffer.concat(offsets.map((o, i) => b.subarray(o, o + counts[i])));
}
