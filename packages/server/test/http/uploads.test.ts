// Incoming documents: the type is judged from the bytes; PDFs that can run code or are damaged,
// XML with a DOCTYPE and Word files with macros are refused with their own codes, and nothing is stored.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { zipSync, strToU8 } from 'fflate';
import PDFDocument from 'pdfkit';
import { DOCX, inspectUpload } from '../../src/modules/cases/inspect.ts';
import { DomainError } from '../../src/kernel/errors.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { expectProblem, login, type Client } from './helpers.ts';

async function cleanPdf(pages = 1): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4' });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  for (let i = 0; i < pages; i++) { if (i) doc.addPage(); doc.text(`Power of attorney, page ${i + 1}`); }
  doc.end();
  await done;
  return Buffer.concat(chunks);
}

/** A small classic PDF whose catalogue carries `extra` (an action, say). */
function handMadePdf(extra: string, body = ''): Buffer {
  return Buffer.from(`%PDF-1.7
1 0 obj << /Type /Catalog /Pages 2 0 R ${extra} >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
${body}xref
0 4
trailer << /Size 4 /Root 1 0 R >>
startxref
9
%%EOF
`, 'latin1');
}

/** The same PDF with a script hidden in a compressed object stream. */
function pdfWithScriptInObjectStream(): Buffer {
  const packed = deflateSync(Buffer.from('5 0 << /S /JavaScript /JS (app.alert\\(1\\)) >>', 'latin1'));
  const head = Buffer.from(`%PDF-1.7
1 0 obj << /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >> endobj
2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj
3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >> endobj
4 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${packed.length} >> stream
`, 'latin1');
  return Buffer.concat([head, packed, Buffer.from('\nendstream\nendobj\nxref\n0 5\ntrailer << /Size 5 /Root 1 0 R >>\nstartxref\n9\n%%EOF\n', 'latin1')]);
}

/** A TIFF of `pages` empty directories (enough to count the pages). */
function tiff(pages: number): Buffer {
  const b = Buffer.alloc(8 + pages * 18);
  b.write('II', 0, 'latin1'); b.writeUInt16LE(42, 2); b.writeUInt32LE(8, 4);
  for (let i = 0; i < pages; i++) {
    const at = 8 + i * 18;
    b.writeUInt16LE(1, at); // one entry
    b.writeUInt16LE(256, at + 2); b.writeUInt16LE(3, at + 4); b.writeUInt32LE(1, at + 6); b.writeUInt32LE(100, at + 10); // ImageWidth
    b.writeUInt32LE(i + 1 < pages ? at + 18 : 0, at + 14);
  }
  return b;
}

const docx = (extra: Record<string, Uint8Array> = {}) => Buffer.from(zipSync({
  '[Content_Types].xml': strToU8('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
  'word/document.xml': strToU8('<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'),
  ...extra,
}));

function refused(type: string, bytes: Buffer, code: string) {
  assert.throws(() => inspectUpload(type, bytes), (e: unknown) => e instanceof DomainError && e.code === code, `expected ${code}`);
}

describe('incoming documents are judged from their bytes', () => {
  it('accepts clean files of every allowed type and counts the pages', async () => {
    assert.deepEqual(inspectUpload('application/pdf', await cleanPdf(3)), { mediaType: 'application/pdf', pages: 3 });
    assert.deepEqual(inspectUpload('image/tiff', tiff(4)), { mediaType: 'image/tiff', pages: 4 });
    assert.deepEqual(inspectUpload('application/xml', Buffer.from('<?xml version="1.0"?><evidence lang="ar">دليل</evidence>')), { mediaType: 'application/xml', pages: null });
    assert.deepEqual(inspectUpload(DOCX, docx()), { mediaType: DOCX, pages: null });
  });

  it('refuses PDFs that can run code or open other things, however the name is spelled or hidden', () => {
    refused('application/pdf', handMadePdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>'), 'PDF_ACTIVE_CONTENT');
    refused('application/pdf', handMadePdf('/OpenAction << /S /J#61vaScript /JS (x) >>'), 'PDF_ACTIVE_CONTENT');
    refused('application/pdf', handMadePdf('/OpenAction << /S /Launch /F (cmd.exe) >>'), 'PDF_ACTIVE_CONTENT');
    refused('application/pdf', handMadePdf('/Names << /EmbeddedFiles 9 0 R >>'), 'PDF_ACTIVE_CONTENT');
    refused('application/pdf', pdfWithScriptInObjectStream(), 'PDF_ACTIVE_CONTENT');
    assert.equal(inspectUpload('application/pdf', handMadePdf('/Lang (en)')).pages, 1);
  });

  it('refuses damaged PDFs', async () => {
    const good = await cleanPdf();
    refused('application/pdf', good.subarray(0, good.length - 200), 'PDF_MALFORMED');
    refused('application/pdf', Buffer.from('%PDF-1.4\n%%EOF\n'), 'PDF_MALFORMED');
    refused('application/pdf', Buffer.from('%PDF-9.9\nstartxref\n0\n%%EOF\n'), 'PDF_MALFORMED');
  });

  it('refuses XML with a DOCTYPE or not well-formed, DOCX with macros or not a Word file, looping TIFFs, and a type the bytes do not bear out', async () => {
    refused('application/xml', Buffer.from('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'), 'XML_DOCTYPE_REFUSED');
    refused('application/xml', Buffer.from('<evidence><open></evidence>'), 'XML_MALFORMED');
    refused(DOCX, docx({ 'word/vbaProject.bin': new Uint8Array([1, 2, 3]) }), 'DOCX_ACTIVE_CONTENT');
    refused(DOCX, Buffer.from(zipSync({ 'a.txt': strToU8('hello') })), 'DOCX_MALFORMED');
    const loop = tiff(2); loop.writeUInt32LE(8, 8 + 18 + 14); // the second directory points back to the first
    refused('image/tiff', loop, 'TIFF_MALFORMED');
    refused('application/pdf', tiff(1), 'CONTENT_TYPE_MISMATCH');
    refused('image/png', await cleanPdf(), 'CONTENT_TYPE_MISMATCH');
    assert.throws(() => inspectUpload('text/html', Buffer.from('<html>')), (e: unknown) => e instanceof DomainError && e.code === 'UNSUPPORTED_MEDIA_TYPE' && e.status === 415);
  });
});

describe('uploads over HTTP', () => {
  let office: TestOffice; let filer: Client;
  before(async () => {
    office = await testOffice();
    const app = await office.http();
    await office.user('filer', 'agent', 'Filer & Partners');
    filer = await login(app, 'filer');
  });
  after(() => office.shutdown());

  it('a clean PDF is stored and its reference returned; a scripted one is refused and not stored', async () => {
    const pdf = await cleanPdf(2);
    const ok = await filer.raw('POST', '/api/v1/uploads', pdf, 'application/pdf');
    assert.equal(ok.statusCode, 201, ok.body);
    assert.deepEqual(ok.json(), { sha256: createHash('sha256').update(pdf).digest('hex'), size: pdf.length, mediaType: 'application/pdf' });
    const bad = handMadePdf('/OpenAction << /S /JavaScript /JS (app.alert(1)) >>');
    const p = expectProblem(await filer.raw('POST', '/api/v1/uploads', bad, 'application/pdf'), 400, 'PDF_ACTIVE_CONTENT');
    assert.deepEqual(p.found, ['JS', 'JavaScript']);
    assert.equal(await office.storage.exists(createHash('sha256').update(bad).digest('hex')), false);
  });

  it('TIFF, XML and DOCX are taken; an oversized TIFF is refused before it is read', async () => {
    assert.equal((await filer.raw('POST', '/api/v1/uploads', tiff(2), 'image/tiff')).json().mediaType, 'image/tiff');
    assert.equal((await filer.raw('POST', '/api/v1/uploads', Buffer.from('<a>b</a>'), 'application/xml')).statusCode, 201);
    assert.equal((await filer.raw('POST', '/api/v1/uploads', docx(), DOCX)).statusCode, 201);
    expectProblem(await filer.raw('POST', '/api/v1/uploads', Buffer.from('<!DOCTYPE a><a/>'), 'application/xml'), 400, 'XML_DOCTYPE_REFUSED');
    const huge = Buffer.concat([tiff(1), Buffer.alloc(30 * 1024 * 1024)]);
    expectProblem(await filer.raw('POST', '/api/v1/uploads', huge, 'image/tiff'), 413, 'BODY_TOO_LARGE');
  });
});
