// The page images of a PDF, for OCR: what a scanner or a "print to PDF" of a scan puts on each page.
// Reads the objects themselves (not the cross-reference table, which scanners often get wrong), also
// those packed into object streams, walks the page tree and takes each page's image XObjects (also
// inside form XObjects). A JPEG (DCTDecode) is passed on as it is; a CCITT fax image is wrapped in a
// TIFF, which the OCR engine's image library reads; other images are decoded (Flate, with PNG or TIFF
// predictors, ASCIIHex, ASCII85, RunLength) into a PNM (PBM, PGM or PPM). JBIG2, JPEG 2000 and LZW are
// not read: such pages are reported, not guessed at. Images are checked when the pages are listed and
// decoded only when asked for, a page at a time. Whether a page has a text layer is judged from its
// fonts. Pure: bytes in, images out.
import { constants, inflateSync } from 'node:zlib';

export class PdfReadError extends Error {}

export interface PageImage {
  format: 'jpeg' | 'pnm' | 'tiff';
  data: Buffer;
  width: number;
  height: number;
}

/** An image of a page, checked but not yet decoded (a long scan is decoded a page at a time). */
export interface PageImageRef {
  width: number;
  height: number;
  /** Throws PdfReadError when its data is damaged. */
  read(): PageImage;
}

export interface PdfPage {
  /** 1-based, in the order of the page tree. */
  page: number;
  images: PageImageRef[];
  /** The page uses fonts: it carries text of its own. */
  hasText: boolean;
  /** Images of the page that could not be read, and why (e.g. 'JBIG2Decode'). */
  skipped: string[];
}

export interface PdfImages { encrypted: boolean; pages: PdfPage[] }

/** Below this an image is a rule, a bullet or a logo's speck, not a scanned page or part of one. */
const MIN_SIDE = 16;
/** A page scanned at 600 dpi in colour is about 35 million pixels; more is not a scan we can read. */
const MAX_PIXELS = 60_000_000;
const MAX_STREAM = 256 * 1024 * 1024;

// ----- objects -----

class Name { constructor(readonly v: string) {} }
class Ref { constructor(readonly num: number, readonly gen: number) {} }
class Keyword { constructor(readonly v: string) {} }
type Dict = { [key: string]: Value };
type Value = number | boolean | null | Buffer | Name | Ref | Keyword | Value[] | Dict;

const isDict = (v: unknown): v is Dict => !!v && typeof v === 'object' && !(v instanceof Name) && !(v instanceof Ref)
  && !(v instanceof Keyword) && !Array.isArray(v) && !Buffer.isBuffer(v);

const WS = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

class Parser {
  constructor(private readonly b: Buffer, public pos: number) {}

  private skip() {
    const b = this.b;
    while (this.pos < b.length) {
      if (WS.has(b[this.pos])) this.pos++;
      else if (b[this.pos] === 0x25) { while (this.pos < b.length && b[this.pos] !== 10 && b[this.pos] !== 13) this.pos++; }
      else break;
    }
  }

  private token(): string {
    const start = this.pos;
    while (this.pos < this.b.length && !WS.has(this.b[this.pos]) && !DELIM.has(this.b[this.pos])) this.pos++;
    return this.b.toString('latin1', start, this.pos);
  }

  value(depth = 0): Value {
    if (depth > 64) throw new PdfReadError('objects nested too deeply');
    this.skip();
    const b = this.b;
    if (this.pos >= b.length) throw new PdfReadError('unexpected end of file');
    const c = b[this.pos];
    if (c === 0x3c && b[this.pos + 1] === 0x3c) {
      this.pos += 2;
      const d: Dict = Object.create(null);
      for (;;) {
        this.skip();
        if (b[this.pos] === 0x3e && b[this.pos + 1] === 0x3e) { this.pos += 2; return d; }
        const key = this.value(depth + 1);
        if (!(key instanceof Name)) throw new PdfReadError('a dictionary key is not a name');
        d[key.v] = this.value(depth + 1);
      }
    }
    if (c === 0x3c) {
      const end = b.indexOf(0x3e, this.pos);
      if (end < 0) throw new PdfReadError('unterminated hex string');
      const hex = b.toString('latin1', this.pos + 1, end).replace(/[^0-9A-Fa-f]/g, '');
      this.pos = end + 1;
      return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
    }
    if (c === 0x5b) {
      this.pos++;
      const a: Value[] = [];
      for (;;) {
        this.skip();
        if (b[this.pos] === 0x5d) { this.pos++; return a; }
        if (this.pos >= b.length) throw new PdfReadError('unterminated array');
        a.push(this.value(depth + 1));
      }
    }
    if (c === 0x28) return this.literal();
    if (c === 0x2f) {
      this.pos++;
      return new Name(this.token().replace(/#([0-9A-Fa-f]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16))));
    }
    if (DELIM.has(c)) throw new PdfReadError(`unexpected '${String.fromCharCode(c)}'`);
    const t = this.token();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(t)) {
      const n = Number(t);
      // "12 0 R" is a reference to object 12.
      if (/^\d+$/.test(t)) {
        const save = this.pos;
        this.skip();
        const gen = this.token();
        if (/^\d+$/.test(gen)) {
          this.skip();
          if (b[this.pos] === 0x52 && (this.pos + 1 >= b.length || WS.has(b[this.pos + 1]) || DELIM.has(b[this.pos + 1]))) { this.pos++; return new Ref(n, Number(gen)); }
        }
        this.pos = save;
      }
      return n;
    }
    if (t === 'true') return true;
    if (t === 'false') return false;
    if (t === 'null') return null;
    if (!t) throw new PdfReadError('unreadable token');
    return new Keyword(t);
  }

  private literal(): Buffer {
    const b = this.b; const out: number[] = [];
    let depth = 0; this.pos++;
    while (this.pos < b.length) {
      const c = b[this.pos++];
      if (c === 0x5c) {
        const e = b[this.pos++];
        const simple: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
        if (e in simple) out.push(simple[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let i = 0; i < 2 && b[this.pos] >= 0x30 && b[this.pos] <= 0x37; i++) v = v * 8 + b[this.pos++] - 0x30;
          out.push(v & 0xff);
        } else if (e === 13) { if (b[this.pos] === 10) this.pos++; } else if (e !== 10) out.push(e);
      } else if (c === 0x28) { depth++; out.push(c); } else if (c === 0x29) {
        if (depth === 0) return Buffer.from(out);
        depth--; out.push(c);
      } else out.push(c);
    }
    throw new PdfReadError('unterminated string');
  }
}

interface PdfObject { value: Value; stream?: { start: number; end: number } }

/** Every object of the file by number; a later definition (an incremental update) replaces an earlier one. */
function readObjects(pdf: Buffer): { objects: Map<number, PdfObject>; trailers: Dict[] } {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const trailers: Dict[] = [];
  const re = /(\d+)\s+(\d+)\s+obj\b/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const p = new Parser(pdf, m.index + m[0].length);
    let value: Value;
    try { value = p.value(); } catch { continue; }
    const obj: PdfObject = { value };
    if (isDict(value)) {
      const after = /^\s*stream(\r\n|\n|\r)?/.exec(text.slice(p.pos, p.pos + 32));
      if (after) {
        const start = p.pos + after[0].length;
        const declared = typeof value.Length === 'number' ? value.Length : -1;
        let end = declared >= 0 && /^\s*endstream/.test(text.slice(start + declared, start + declared + 32)) ? start + declared : -1;
        if (end < 0) {
          // No usable /Length (or an indirect one): the data ends before 'endstream' and its end-of-line.
          const e = text.indexOf('endstream', start);
          if (e < 0) continue;
          end = e;
          if (text[end - 1] === '\n') end--;
          if (text[end - 1] === '\r') end--;
        }
        obj.stream = { start, end };
        re.lastIndex = end;
      }
    }
    objects.set(Number(m[1]), obj);
  }
  for (const t of text.matchAll(/trailer\s*<</g)) {
    try { const d = new Parser(pdf, t.index! + t[0].length - 2).value(); if (isDict(d)) trailers.push(d); } catch { /* a damaged trailer says nothing */ }
  }
  // Objects packed in object streams (PDF 1.5): only those not written out on their own.
  for (const [, obj] of [...objects]) {
    const d = obj.value;
    if (!isDict(d) || !obj.stream) continue;
    if (d.Type instanceof Name && d.Type.v === 'XRef') trailers.push(d);
    if (!(d.Type instanceof Name) || d.Type.v !== 'ObjStm') continue;
    let data: Buffer;
    try { data = decodeStream(pdf, obj, (v) => resolveIn(objects, v), MAX_STREAM).data; } catch { continue; }
    const n = typeof d.N === 'number' ? d.N : 0; const first = typeof d.First === 'number' ? d.First : 0;
    const header = data.toString('latin1', 0, first).trim().split(/\s+/).map(Number);
    for (let i = 0; i + 1 < header.length && i / 2 < n; i += 2) {
      if (objects.has(header[i])) continue;
      try { objects.set(header[i], { value: new Parser(data, first + header[i + 1]).value() }); } catch { /* skip a damaged one */ }
    }
  }
  return { objects, trailers };
}

function resolveIn(objects: Map<number, PdfObject>, v: Value | undefined, depth = 0): Value | undefined {
  if (v instanceof Ref) return depth > 16 ? undefined : resolveIn(objects, objects.get(v.num)?.value, depth + 1);
  return v;
}

// ----- filters -----

const asArray = (v: Value | undefined): Value[] => (v === undefined || v === null ? [] : Array.isArray(v) ? v : [v]);
const nameOf = (v: Value | undefined) => (v instanceof Name ? v.v : null);
const num = (v: Value | undefined, def: number) => (typeof v === 'number' && Number.isFinite(v) ? v : def);

const FILTER_ALIASES: Record<string, string> = { Fl: 'FlateDecode', AHx: 'ASCIIHexDecode', A85: 'ASCII85Decode', RL: 'RunLengthDecode', DCT: 'DCTDecode', CCF: 'CCITTFaxDecode', LZW: 'LZWDecode' };
const IMAGE_CODECS = new Set(['DCTDecode', 'JPXDecode', 'JBIG2Decode', 'CCITTFaxDecode']);

class Unsupported extends Error {}

/**
 * The stream's data with its general-purpose filters undone. An image codec (DCT, CCITT, JPX, JBIG2)
 * is left for the caller, with its parameters; only as the last filter.
 */
function decodeStream(pdf: Buffer, obj: PdfObject, resolve: (v: Value | undefined) => Value | undefined, limit: number): { data: Buffer; codec: string | null; codecParams: Dict } {
  const d = obj.value as Dict;
  let data: Buffer = pdf.subarray(obj.stream!.start, obj.stream!.end);
  const filters = asArray(resolve(d.Filter)).map((f) => nameOf(resolve(f)) ?? '?').map((f) => FILTER_ALIASES[f] ?? f);
  const params = asArray(resolve(d.DecodeParms ?? d.DP)).map((p) => resolve(p));
  for (let i = 0; i < filters.length; i++) {
    const f = filters[i];
    const p = isDict(params[i]) ? params[i] as Dict : {};
    if (IMAGE_CODECS.has(f)) {
      if (i !== filters.length - 1) throw new Unsupported(`${f} followed by another filter`);
      return { data, codec: f, codecParams: p };
    }
    if (f === 'FlateDecode') {
      try {
        // A stream cut short still gives its rows; a bomb stops at the limit.
        data = inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH, maxOutputLength: limit });
      } catch (e: any) { throw new PdfReadError(`damaged compressed stream (${e?.code ?? e?.message})`); }
      data = unpredict(data, p);
    } else if (f === 'ASCIIHexDecode') data = asciiHex(data);
    else if (f === 'ASCII85Decode') data = ascii85(data);
    else if (f === 'RunLengthDecode') data = runLength(data, limit);
    else throw new Unsupported(f);
  }
  return { data, codec: null, codecParams: {} };
}

/** Undoes a PNG (10-15) or TIFF (2) predictor. */
function unpredict(data: Buffer, p: Dict): Buffer {
  const predictor = num(p.Predictor, 1);
  if (predictor <= 1) return data;
  const colors = num(p.Colors, 1); const bpc = num(p.BitsPerComponent, 8); const columns = num(p.Columns, 1);
  const rowLen = Math.ceil((colors * bpc * columns) / 8);
  if (predictor === 2) {
    if (bpc !== 8) throw new Unsupported(`TIFF predictor with ${bpc}-bit samples`);
    const out = Buffer.from(data);
    for (let r = 0; r + rowLen <= out.length; r += rowLen) for (let i = colors; i < rowLen; i++) out[r + i] = (out[r + i] + out[r + i - colors]) & 0xff;
    return out;
  }
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = Buffer.alloc(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)];
    const src = r * (rowLen + 1) + 1; const dst = r * rowLen; const prev = dst - rowLen;
    for (let i = 0; i < rowLen; i++) {
      const x = data[src + i];
      const a = i >= bpp ? out[dst + i - bpp] : 0;
      const b = r > 0 ? out[prev + i] : 0;
      const c = r > 0 && i >= bpp ? out[prev + i - bpp] : 0;
      let v: number;
      switch (type) {
        case 0: v = x; break;
        case 1: v = x + a; break;
        case 2: v = x + b; break;
        case 3: v = x + ((a + b) >> 1); break;
        case 4: {
          const pa = Math.abs(b - c); const pb = Math.abs(a - c); const pc = Math.abs(a + b - 2 * c);
          v = x + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
          break;
        }
        default: throw new PdfReadError(`unknown PNG row filter ${type}`);
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

function asciiHex(data: Buffer): Buffer {
  const s = data.toString('latin1'); const end = s.indexOf('>');
  const hex = (end < 0 ? s : s.slice(0, end)).replace(/[^0-9A-Fa-f]/g, '');
  return Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
}

function ascii85(data: Buffer): Buffer {
  const s = data.toString('latin1').replace(/^\s*<~/, ''); const end = s.indexOf('~>');
  const body = (end < 0 ? s : s.slice(0, end)).replace(/\s+/g, '');
  const out: number[] = []; let group: number[] = [];
  const flush = (g: number[], n: number) => {
    let v = 0;
    for (let i = 0; i < 5; i++) v = v * 85 + (g[i] ?? 84);
    const bytes = [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
    out.push(...bytes.slice(0, n));
  };
  for (const ch of body) {
    if (ch === 'z' && group.length === 0) { out.push(0, 0, 0, 0); continue; }
    const c = ch.charCodeAt(0) - 33;
    if (c < 0 || c > 84) throw new PdfReadError('bad ASCII85 data');
    group.push(c);
    if (group.length === 5) { flush(group, 4); group = []; }
  }
  if (group.length > 1) flush(group, group.length - 1);
  return Buffer.from(out);
}

function runLength(data: Buffer, limit: number): Buffer {
  const out: Buffer[] = []; let size = 0;
  for (let i = 0; i < data.length;) {
    const n = data[i++];
    if (n === 128) break;
    const chunk = n < 128 ? data.subarray(i, i + n + 1) : Buffer.alloc(257 - n, data[i]);
    i += n < 128 ? n + 1 : 1;
    out.push(chunk); size += chunk.length;
    if (size > limit) throw new PdfReadError('run-length stream too large');
  }
  return Buffer.concat(out);
}

// ----- images -----

interface ColourSpace { kind: 'gray' | 'rgb' | 'cmyk' | 'indexed'; comps: number; base?: ColourSpace; palette?: Buffer; hival?: number }

function colourSpace(v: Value | undefined, resolve: (v: Value | undefined) => Value | undefined, pdf: Buffer, objects: Map<number, PdfObject>, depth = 0): ColourSpace {
  const cs = resolve(v);
  const n = nameOf(cs);
  if (n === 'DeviceGray' || n === 'G' || n === 'CalGray') return { kind: 'gray', comps: 1 };
  if (n === 'DeviceRGB' || n === 'RGB' || n === 'CalRGB') return { kind: 'rgb', comps: 3 };
  if (n === 'DeviceCMYK' || n === 'CMYK') return { kind: 'cmyk', comps: 4 };
  if (Array.isArray(cs) && cs.length > 0 && depth < 4) {
    const family = nameOf(resolve(cs[0]));
    if (family === 'CalGray') return { kind: 'gray', comps: 1 };
    if (family === 'CalRGB') return { kind: 'rgb', comps: 3 };
    if (family === 'ICCBased') {
      const ref = cs[1];
      const icc = ref instanceof Ref ? objects.get(ref.num)?.value : resolve(ref);
      const comps = isDict(icc) ? num(icc.N, 0) : 0;
      if (comps === 1) return { kind: 'gray', comps: 1 };
      if (comps === 3) return { kind: 'rgb', comps: 3 };
      if (comps === 4) return { kind: 'cmyk', comps: 4 };
    }
    if (family === 'Indexed' || family === 'I') {
      const base = colourSpace(cs[1], resolve, pdf, objects, depth + 1);
      if (base.kind === 'indexed') throw new Unsupported('an indexed colour space over another');
      const hival = num(resolve(cs[2]), 0);
      const lookupRef = cs[3];
      let palette: Buffer | null = null;
      const lookup = resolve(lookupRef);
      if (Buffer.isBuffer(lookup)) palette = lookup;
      else if (lookupRef instanceof Ref) {
        const o = objects.get(lookupRef.num);
        if (o?.stream) palette = decodeStream(pdf, o, resolve, 1 << 20).data;
      }
      if (!palette) throw new Unsupported('an indexed colour space without its palette');
      return { kind: 'indexed', comps: 1, base, palette, hival };
    }
    throw new Unsupported(`colour space ${family}`);
  }
  throw new Unsupported(`colour space ${n ?? 'unknown'}`);
}

function pnm(magic: 'P4' | 'P5' | 'P6', width: number, height: number, pixels: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${magic}\n${width} ${height}\n${magic === 'P4' ? '' : '255\n'}`, 'latin1'), pixels]);
}

/** Samples of `bits` bits in rows of `perRow` samples, each row starting on a byte, as 8-bit values (0-255, or raw indices). */
function samples8(data: Buffer, bits: number, perRow: number, rows: number, scale: boolean): Buffer {
  const out = Buffer.alloc(perRow * rows);
  const rowBytes = Math.ceil((perRow * bits) / 8);
  const max = (1 << Math.min(bits, 8)) - 1;
  for (let r = 0; r < rows; r++) {
    const base = r * rowBytes;
    for (let i = 0; i < perRow; i++) {
      let v: number;
      if (bits === 8) v = data[base + i];
      else if (bits === 16) v = data[base + 2 * i];
      else {
        const bit = i * bits;
        v = (data[base + (bit >> 3)] >> (8 - bits - (bit & 7))) & max;
        if (scale) v = Math.round((v * 255) / max);
      }
      out[r * perRow + i] = v ?? 0;
    }
  }
  return out;
}

const READABLE = new Set(['FlateDecode', 'ASCIIHexDecode', 'ASCII85Decode', 'RunLengthDecode', 'DCTDecode', 'CCITTFaxDecode']);

/** An image XObject checked for what we read (size, filters, colour space), or null for a speck. Throws Unsupported. */
function imageRef(pdf: Buffer, obj: PdfObject, resolve: (v: Value | undefined) => Value | undefined, objects: Map<number, PdfObject>): PageImageRef | null {
  const d = obj.value as Dict;
  const width = num(resolve(d.Width ?? d.W), 0); const height = num(resolve(d.Height ?? d.H), 0);
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) throw new PdfReadError('an image without a size');
  if (width < MIN_SIDE || height < MIN_SIDE) return null;
  if (width * height > MAX_PIXELS) throw new Unsupported(`an image of ${width} x ${height} pixels`);
  const filters = asArray(resolve(d.Filter)).map((f) => nameOf(resolve(f)) ?? '?').map((f) => FILTER_ALIASES[f] ?? f);
  const unread = filters.find((f) => !READABLE.has(f));
  if (unread) throw new Unsupported(unread);
  const mask = resolve(d.ImageMask ?? d.IM) === true;
  const bits = mask ? 1 : num(resolve(d.BitsPerComponent ?? d.BPC), 8);
  const codec = filters[filters.length - 1];
  if (codec !== 'DCTDecode' && codec !== 'CCITTFaxDecode' && ![1, 2, 4, 8, 16].includes(bits)) throw new Unsupported(`${bits}-bit samples`);
  // The colour space of a JPEG is the JPEG's own business; of anything else, ours.
  const cs: ColourSpace = mask || codec === 'DCTDecode' || codec === 'CCITTFaxDecode' ? { kind: 'gray', comps: 1 } : colourSpace(d.ColorSpace ?? d.CS, resolve, pdf, objects);
  if (codec === 'CCITTFaxDecode') {
    const params = asArray(resolve(d.DecodeParms ?? d.DP)).map((x) => resolve(x));
    const p = params[filters.length - 1];
    ccittCompression(isDict(p) ? p : {});
  }
  return { width, height, read: () => decodeImage(pdf, obj, resolve, { width, height, bits, cs }) };
}

function decodeImage(pdf: Buffer, obj: PdfObject, resolve: (v: Value | undefined) => Value | undefined, img: { width: number; height: number; bits: number; cs: ColourSpace }): PageImage {
  const d = obj.value as Dict;
  const { width, height, bits, cs } = img;
  const decode = asArray(resolve(d.Decode ?? d.D)).map((x) => num(resolve(x), 0));
  // A stencil mask paints where its samples are 0, like black in grey; a Decode of [1 0] turns either around.
  const inverted = decode.length >= 2 && decode[0] > decode[1];
  const expected = Math.ceil((width * cs.comps * bits) / 8) * height;
  let decoded: ReturnType<typeof decodeStream>;
  try {
    decoded = decodeStream(pdf, obj, resolve, expected + height + 1024);
  } catch (e) {
    if (e instanceof Unsupported) throw new PdfReadError(e.message);
    throw e;
  }
  const { data, codec, codecParams } = decoded;
  if (codec === 'DCTDecode') return { format: 'jpeg', data, width, height };
  if (codec === 'CCITTFaxDecode') return { format: 'tiff', data: ccittTiff(data, codecParams, width, height, inverted), width, height };
  if (data.length < expected) throw new PdfReadError(`image data too short (${data.length} of ${expected} bytes)`);

  if (cs.kind === 'gray' && bits === 1) {
    // PBM: 1 is black; in a PDF grey image 0 is black.
    const rowBytes = Math.ceil(width / 8);
    const px = Buffer.alloc(rowBytes * height);
    for (let i = 0; i < px.length; i++) px[i] = inverted ? data[i] : ~data[i] & 0xff;
    return { format: 'pnm', data: pnm('P4', width, height, px), width, height };
  }
  if (cs.kind === 'gray') {
    const px = samples8(data, bits, width, height, true);
    if (inverted) for (let i = 0; i < px.length; i++) px[i] = 255 - px[i];
    return { format: 'pnm', data: pnm('P5', width, height, px), width, height };
  }
  if (cs.kind === 'rgb') return { format: 'pnm', data: pnm('P6', width, height, samples8(data, bits, width * 3, height, true)), width, height };
  if (cs.kind === 'cmyk') return { format: 'pnm', data: pnm('P6', width, height, cmykToRgb(samples8(data, bits, width * 4, height, true))), width, height };
  // Indexed: each sample picks a colour of the palette (in the base colour space).
  const base = cs.base!;
  const idx = samples8(data, bits, width, height, false);
  const palette = cs.palette!; const hival = cs.hival ?? 0;
  const entry = (i: number) => Math.min(i, hival) * base.comps;
  if (base.kind === 'gray') {
    const px = Buffer.alloc(width * height);
    for (let i = 0; i < px.length; i++) px[i] = palette[entry(idx[i])] ?? 0;
    return { format: 'pnm', data: pnm('P5', width, height, px), width, height };
  }
  const rgb = Buffer.alloc(width * height * 3);
  for (let i = 0; i < idx.length; i++) {
    const e = entry(idx[i]);
    if (base.kind === 'rgb') { rgb[3 * i] = palette[e] ?? 0; rgb[3 * i + 1] = palette[e + 1] ?? 0; rgb[3 * i + 2] = palette[e + 2] ?? 0; } else {
      const k = palette[e + 3] ?? 0;
      for (let c = 0; c < 3; c++) rgb[3 * i + c] = 255 - Math.min(255, (palette[e + c] ?? 0) + k);
    }
  }
  return { format: 'pnm', data: pnm('P6', width, height, rgb), width, height };
}

/** A naive CMYK to RGB: enough to read text, which is all OCR needs. */
function cmykToRgb(cmyk: Buffer): Buffer {
  const n = cmyk.length / 4; const rgb = Buffer.alloc(n * 3);
  for (let i = 0; i < n; i++) {
    const k = cmyk[4 * i + 3];
    for (let c = 0; c < 3; c++) rgb[3 * i + c] = 255 - Math.min(255, cmyk[4 * i + c] + k);
  }
  return rgb;
}

/** The TIFF compression that carries a CCITT stream of these parameters (see ccittTiff). Throws Unsupported. */
function ccittCompression(p: Dict): 2 | 3 | 4 {
  const k = num(p.K, 0);
  const byteAlign = p.EncodedByteAlign === true;
  if (k < 0 && byteAlign) throw new Unsupported('CCITT Group 4 data aligned on bytes');
  if (k < 0) return 4;
  if (p.EndOfLine === true) return 3;
  if (k === 0 && byteAlign) return 2;
  throw new Unsupported('CCITT Group 3 data without end-of-line codes');
}

/**
 * A CCITT fax image as a one-strip TIFF, which the OCR engine's image library decodes: Group 4 (K < 0);
 * Group 3 with end-of-line codes (TIFF compression 3, 2-D when K > 0); Group 3 1-D without them but with
 * each row on a byte (TIFF compression 2). Group 3 without end-of-line codes otherwise has no TIFF form.
 * White runs stay white unless BlackIs1 or a Decode of [1 0] (not both) turn the image around.
 */
export function ccittTiff(data: Buffer, p: Dict, width: number, height: number, decodeInverted = false): Buffer {
  const k = num(p.K, 0);
  const columns = num(p.Columns, width);
  const rows = num(p.Rows, height) || height;
  const blackIs1 = p.BlackIs1 === true;
  const byteAlign = p.EncodedByteAlign === true;
  const compression = ccittCompression(p);
  const entries: [number, number, number][] = [ // tag, type (3 SHORT, 4 LONG), value
    [256, 4, columns], [257, 4, rows], [258, 3, 1], [259, 3, compression], [262, 3, blackIs1 !== decodeInverted ? 1 : 0],
    [273, 4, 0], [277, 3, 1], [278, 4, rows], [279, 4, data.length],
  ];
  if (compression === 3) entries.push([292, 4, (k > 0 ? 1 : 0) | (byteAlign ? 4 : 0)]);
  entries.sort((a, b) => a[0] - b[0]);
  const ifdSize = 2 + entries.length * 12 + 4;
  const dataOffset = 8 + ifdSize;
  const head = Buffer.alloc(dataOffset);
  head.write('II', 0, 'latin1'); head.writeUInt16LE(42, 2); head.writeUInt32LE(8, 4);
  head.writeUInt16LE(entries.length, 8);
  entries.forEach(([tag, type, value], i) => {
    const o = 10 + i * 12;
    head.writeUInt16LE(tag, o); head.writeUInt16LE(type, o + 2); head.writeUInt32LE(1, o + 4);
    const v = tag === 273 ? dataOffset : value;
    if (type === 3) head.writeUInt16LE(v, o + 8); else head.writeUInt32LE(v, o + 8);
  });
  head.writeUInt32LE(0, 10 + entries.length * 12);
  return Buffer.concat([head, data]);
}

// ----- pages -----

export function pdfPageImages(pdf: Buffer, opts: { maxPages?: number } = {}): PdfImages {
  if (pdf.subarray(0, 1024).toString('latin1').indexOf('%PDF-') < 0) throw new PdfReadError('not a PDF');
  const { objects, trailers } = readObjects(pdf);
  const resolve = (v: Value | undefined) => resolveIn(objects, v);
  const encrypted = trailers.some((t) => t.Encrypt !== undefined && t.Encrypt !== null);
  if (encrypted) return { encrypted: true, pages: [] };

  // The page tree from the catalog; a file whose tree cannot be followed gives its page objects in file order.
  const leaves: { node: Dict; resources: Value | undefined }[] = [];
  const seen = new Set<Dict>();
  const maxPages = opts.maxPages ?? 10_000;
  const walk = (node: Value | undefined, inherited: Value | undefined, depth: number) => {
    const n = resolve(node);
    if (!isDict(n) || seen.has(n) || depth > 64 || leaves.length > maxPages) return;
    seen.add(n);
    const resources = n.Resources ?? inherited;
    const kids = resolve(n.Kids);
    if (nameOf(n.Type) !== 'Page' && Array.isArray(kids)) { for (const kid of kids) walk(kid, resources, depth + 1); return; }
    leaves.push({ node: n, resources });
  };
  let catalog: Dict | undefined;
  for (const t of trailers) { const r = resolve(t.Root); if (isDict(r)) catalog = r; }
  if (!catalog) for (const o of objects.values()) if (isDict(o.value) && nameOf(o.value.Type) === 'Catalog') catalog = o.value;
  if (catalog) walk(catalog.Pages, undefined, 0);
  if (leaves.length === 0) {
    for (const o of [...objects.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v)) {
      if (isDict(o.value) && nameOf(o.value.Type) === 'Page') leaves.push({ node: o.value, resources: o.value.Resources });
    }
  }
  if (leaves.length > maxPages) throw new Unsupported(`more than ${maxPages} pages`);

  const pages: PdfPage[] = leaves.map(({ resources }, i) => {
    const page: PdfPage = { page: i + 1, images: [], hasText: false, skipped: [] };
    const visited = new Set<number>();
    const visit = (res: Value | undefined, depth: number) => {
      const r = resolve(res);
      if (!isDict(r) || depth > 8) return;
      const fonts = resolve(r.Font);
      if (isDict(fonts) && Object.keys(fonts).length > 0) page.hasText = true;
      const xobjects = resolve(r.XObject);
      if (!isDict(xobjects)) return;
      for (const ref of Object.values(xobjects)) {
        if (!(ref instanceof Ref) || visited.has(ref.num)) continue;
        visited.add(ref.num);
        const o = objects.get(ref.num);
        if (!o?.stream || !isDict(o.value)) continue;
        const subtype = nameOf(resolve(o.value.Subtype));
        if (subtype === 'Form') visit(o.value.Resources ?? res, depth + 1);
        if (subtype !== 'Image') continue;
        try {
          const img = imageRef(pdf, o, resolve, objects);
          if (img) page.images.push(img);
        } catch (e) {
          if (e instanceof Unsupported || e instanceof PdfReadError) page.skipped.push(e.message);
          else throw e;
        }
      }
    };
    visit(resources, 0);
    return page;
  });
  return { encrypted: false, pages };
}

export { Unsupported as PdfUnsupported };
