// What an uploaded file really is, judged from its bytes: its type, its page count where it has
// pages, and whether the office may keep it. A PDF that can run code or open other things when read
// (JavaScript, launch actions, embedded files, rich media), or whose structure is broken, is refused;
// so is XML with a DOCTYPE and a Word file with macros. Each refusal has its own stable code.
import { inflateSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { XMLValidator } from 'fast-xml-parser';
import { DomainError, invalid } from '../../kernel/errors.ts';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** What may be uploaded, and how large (bytes). */
export const UPLOAD_LIMITS: Record<string, number> = {
  'image/png': 5 * 1024 * 1024,
  'image/jpeg': 5 * 1024 * 1024,
  'image/tiff': 30 * 1024 * 1024,
  'application/pdf': 20 * 1024 * 1024,
  'application/xml': 10 * 1024 * 1024,
  [DOCX]: 10 * 1024 * 1024,
};

const startsWith = (b: Buffer, bytes: number[]) => b.length >= bytes.length && bytes.every((x, i) => b[i] === x);

/** The first test each type's bytes must pass (the full inspection follows). */
const SIGNATURES: Record<string, (b: Buffer) => boolean> = {
  'image/png': (b) => b.length > 8 && startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  'image/jpeg': (b) => b.length > 3 && startsWith(b, [0xff, 0xd8, 0xff]),
  'image/tiff': (b) => b.length > 8 && (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])),
  'application/pdf': (b) => b.length > 8 && b.subarray(0, 5).toString('latin1') === '%PDF-',
  'application/xml': (b) => /^(\uFEFF)?\s*<[?!A-Za-z_]/.test(b.subarray(0, 200).toString('utf8')),
  [DOCX]: (b) => startsWith(b, [0x50, 0x4b, 0x03, 0x04]),
};

export const UPLOAD_TYPES = Object.keys(SIGNATURES);

/** The type the bytes show, or null (the zip of a DOCX and a text that merely starts with '<' are judged in full). */
export function sniffType(b: Buffer): string | null {
  for (const [type, test] of Object.entries(SIGNATURES)) if (test(b) && (type !== DOCX || isDocx(b)) && (type !== 'application/xml' || xmlProblem(b) === null)) return type;
  return null;
}

export const bytesAre = (type: string, b: Buffer) => !!SIGNATURES[type]?.(b);

export interface Inspected { mediaType: string; pages: number | null }

/** Inspects an upload declared as `type`; throws a DomainError naming what is wrong. */
export function inspectUpload(type: string, b: Buffer): Inspected {
  if (!UPLOAD_TYPES.includes(type)) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Upload a PNG, JPEG or TIFF image, a PDF, an XML or a Word (DOCX) document', 415, { accept: UPLOAD_TYPES });
  if (b.length > UPLOAD_LIMITS[type]) throw new DomainError('UPLOAD_TOO_LARGE', `A ${type} upload may be at most ${UPLOAD_LIMITS[type] / 1024 / 1024} MB`, 413, { limit: UPLOAD_LIMITS[type] });
  if (!bytesAre(type, b)) throw invalid('CONTENT_TYPE_MISMATCH', `The file is not ${type}`);
  switch (type) {
    case 'application/pdf': return { mediaType: type, pages: inspectPdf(b) };
    case 'application/xml': {
      const p = xmlProblem(b);
      if (p) throw invalid(p.code, p.message);
      return { mediaType: type, pages: null };
    }
    case DOCX: inspectDocx(b); return { mediaType: type, pages: null };
    case 'image/tiff': return { mediaType: type, pages: tiffPages(b) };
    default: return { mediaType: type, pages: 1 };
  }
}

// ----- PDF -----

/** PDF names that make a reader run code, start programs or open content beyond the page. */
const ACTIVE = ['JavaScript', 'JS', 'Launch', 'EmbeddedFile', 'EmbeddedFiles', 'RichMedia', 'XFA', 'SubmitForm', 'ImportData', 'GoToR', 'GoToE'];

/** `/J#61vaScript` is `/JavaScript`: names are compared decoded. */
const names = (text: string) => Array.from(text.matchAll(/\/([^\s/<>[\]()%{}]+)/g), (m) => m[1].replace(/#([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))));

function inspectPdf(b: Buffer): number {
  const text = b.toString('latin1');
  if (!/^%PDF-[12]\.\d/.test(text)) throw invalid('PDF_MALFORMED', 'The PDF has no valid header');
  const tail = text.slice(-2048);
  if (!tail.includes('%%EOF') || !/startxref\s+\d+/.test(tail)) throw invalid('PDF_MALFORMED', 'The PDF is truncated or damaged: it has no cross-reference position or end-of-file marker');
  // Objects packed into compressed object streams are read too: a script hides there as well.
  const texts = [text];
  for (const m of text.matchAll(/<<((?:(?!>>\s*stream)[\s\S]){0,2000})>>\s*stream\r?\n/g)) {
    const dict = m[1];
    if (!/\/Type\s*\/ObjStm/.test(dict) || !/\/FlateDecode/.test(dict)) continue;
    const start = m.index! + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end < 0) throw invalid('PDF_MALFORMED', 'The PDF has a stream without its end');
    try { texts.push(inflateSync(b.subarray(start, end)).toString('latin1')); } catch { throw invalid('PDF_MALFORMED', 'The PDF has a damaged compressed object stream'); }
  }
  const found = new Set<string>();
  for (const t of texts) for (const n of names(t)) if (ACTIVE.includes(n)) found.add(n);
  if (found.size) {
    throw invalid('PDF_ACTIVE_CONTENT', `The PDF contains active content (${[...found].sort().join(', ')}); save it again as a plain PDF (e.g. print to PDF) and upload that`, { found: [...found].sort() });
  }
  let pages = 0;
  for (const t of texts) pages += (t.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
  if (pages === 0) throw invalid('PDF_MALFORMED', 'The PDF has no pages');
  return pages;
}

// ----- XML -----

function xmlProblem(b: Buffer): { code: string; message: string } | null {
  const text = b.toString('utf8');
  // No DOCTYPE at all: no entities to expand, nothing fetched from elsewhere.
  if (/<!DOCTYPE/i.test(text)) return { code: 'XML_DOCTYPE_REFUSED', message: 'XML documents with a DOCTYPE are not accepted (entities could expand or fetch content); remove the DOCTYPE' };
  const r = XMLValidator.validate(text.replace(/^\uFEFF/, ''));
  if (r !== true) return { code: 'XML_MALFORMED', message: `The XML is not well-formed: ${r.err.msg} (line ${r.err.line})` };
  return null;
}

// ----- DOCX -----

function entriesOf(b: Buffer): string[] | null {
  const seen: string[] = [];
  try { unzipSync(new Uint8Array(b.buffer, b.byteOffset, b.byteLength), { filter: (f) => { seen.push(f.name); return false; } }); } catch { return null; }
  return seen;
}

function isDocx(b: Buffer): boolean {
  const entries = entriesOf(b);
  return !!entries && entries.includes('[Content_Types].xml') && entries.includes('word/document.xml');
}

function inspectDocx(b: Buffer): void {
  const entries = entriesOf(b);
  if (!entries || !entries.includes('[Content_Types].xml') || !entries.includes('word/document.xml')) throw invalid('DOCX_MALFORMED', 'The file is not a Word (DOCX) document');
  if (entries.some((e) => /vbaProject\.bin$|\.(bin|exe|dll|js|vbs)$/i.test(e) || /(^|\/)embeddings\//.test(e))) {
    throw invalid('DOCX_ACTIVE_CONTENT', 'The Word document contains macros or embedded programs; save it as a plain .docx without them');
  }
}

// ----- TIFF -----

/** Pages of a TIFF: the chain of its image file directories (bounded, so a looping file cannot hang us). */
function tiffPages(b: Buffer): number {
  const le = b[0] === 0x49;
  const u16 = (o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
  const u32 = (o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  let offset = u32(4); let pages = 0;
  const seen = new Set<number>();
  while (offset !== 0) {
    if (seen.has(offset) || offset + 2 > b.length || pages > 10_000) throw invalid('TIFF_MALFORMED', 'The TIFF file is damaged');
    seen.add(offset);
    const count = u16(offset);
    const next = offset + 2 + count * 12;
    if (next + 4 > b.length) throw invalid('TIFF_MALFORMED', 'The TIFF file is damaged');
    pages++;
    offset = u32(next);
  }
  if (!pages) throw invalid('TIFF_MALFORMED', 'The TIFF file has no image');
  return pages;
}
