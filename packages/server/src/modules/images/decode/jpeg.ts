// JPEG decoding (ITU T.81) into rows of RGB for a sink: baseline, extended and progressive Huffman-coded
// frames of 8-bit samples, restart intervals, any sampling factors, grey, YCbCr, RGB and Adobe CMYK/YCCK.
// A large image can be decoded at one eighth of its size from the DC coefficients alone (no inverse DCT),
// which is all the features need. Arithmetic coding, lossless and hierarchical frames, and 12-bit samples are
// refused as unsupported; a file that ends before its last scan is refused as damaged.
import { damaged, unsupported, type Header, type Sink } from './common.ts';

/** Natural order of the zig-zag sequence. */
const ZIGZAG = new Uint8Array([
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21,
  28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61,
  54, 47, 55, 62, 63,
]);

export const isJpeg = (b: Uint8Array) => b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff;

const SOF_SUPPORTED = new Set([0xc0, 0xc1, 0xc2]);
const SOF_ANY = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Width and height from the frame header, found by walking the segments before any scan data is read. */
export function jpegHeader(b: Buffer): Header {
  let at = 2;
  while (at + 4 <= b.length) {
    if (b[at] !== 0xff) throw damaged('The JPEG file is damaged (a segment does not start with a marker)');
    const marker = b[at + 1];
    if (marker === 0xff) { at++; continue; }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { at += 2; continue; }
    if (marker === 0xd9 || marker === 0xda) break;
    const len = b.readUInt16BE(at + 2);
    if (len < 2 || at + 2 + len > b.length) break;
    if (SOF_ANY.has(marker)) {
      if (len < 8) break;
      const height = b.readUInt16BE(at + 5); const width = b.readUInt16BE(at + 7);
      if (width === 0) throw damaged('The JPEG image has no width');
      if (height === 0) throw unsupported('The JPEG image declares its height later in the file (DNL)');
      return { type: 'image/jpeg', width, height };
    }
    at += 2 + len;
  }
  throw damaged('The JPEG file is truncated or damaged: it has no frame header');
}

interface Huffman { lookup: Map<number, number>; maxCode: Int32Array; valPtr: Int32Array; minCode: Int32Array; values: Uint8Array }

function buildHuffman(counts: Uint8Array, values: Uint8Array): Huffman {
  const maxCode = new Int32Array(18).fill(-1); const valPtr = new Int32Array(17); const minCode = new Int32Array(17);
  let code = 0; let k = 0;
  for (let len = 1; len <= 16; len++) {
    valPtr[len] = k; minCode[len] = code;
    code += counts[len - 1]; k += counts[len - 1];
    maxCode[len] = counts[len - 1] ? code - 1 : -1;
    code <<= 1;
  }
  maxCode[17] = 0x7fffffff;
  return { lookup: new Map(), maxCode, valPtr, minCode, values };
}

interface Component {
  id: number; h: number; v: number; tq: number;
  blocksPerLine: number; blocksPerColumn: number; // blocks the component's samples need
  stride: number; rows: number; // blocks allocated (whole MCUs)
  coef: Int16Array; pred: number; dc: Huffman | null; ac: Huffman | null;
}

class BitReader {
  private bits = 0; private n = 0;
  marker = -1;
  constructor(private readonly b: Buffer, public at: number) {}

  private fill() {
    while (this.n <= 24) {
      let byte = 0;
      if (this.marker < 0) {
        if (this.at >= this.b.length) throw damaged('The JPEG file is truncated');
        byte = this.b[this.at];
        if (byte === 0xff) {
          const next = this.b[this.at + 1];
          if (next === 0x00) this.at += 2;
          else if (next === 0xff) { this.at++; continue; }
          else if (next === undefined) throw damaged('The JPEG file is truncated');
          else { this.marker = next; byte = 0; }
        } else this.at++;
      }
      this.bits = (this.bits << 8) | byte; this.n += 8;
    }
  }

  bit(): number {
    if (this.n === 0) this.fill();
    this.n--;
    return (this.bits >>> this.n) & 1;
  }

  receive(len: number): number {
    if (len === 0) return 0;
    if (this.n < len) this.fill();
    this.n -= len;
    return (this.bits >>> this.n) & ((1 << len) - 1);
  }

  decode(t: Huffman): number {
    let code = 0;
    for (let len = 1; len <= 16; len++) {
      code = (code << 1) | this.bit();
      if (code <= t.maxCode[len]) return t.values[t.valPtr[len] + code - t.minCode[len]];
    }
    throw damaged('The JPEG image data is damaged (an unknown Huffman code)');
  }

  /** At a restart marker: the bits left over are dropped and the marker passed. */
  restart() {
    this.bits = 0; this.n = 0;
    if (this.marker < 0) {
      // The marker is next in the data (possibly after fill bytes).
      while (this.at + 1 < this.b.length && this.b[this.at] === 0xff && this.b[this.at + 1] === 0xff) this.at++;
      if (this.at + 1 < this.b.length && this.b[this.at] === 0xff && this.b[this.at + 1] >= 0xd0 && this.b[this.at + 1] <= 0xd7) this.at += 2;
      else throw damaged('The JPEG image data is damaged (a restart marker is missing)');
    } else {
      if (this.marker < 0xd0 || this.marker > 0xd7) throw damaged('The JPEG image data is damaged (a restart marker is missing)');
      this.at += 2; this.marker = -1;
    }
  }

  /** Where the scan's data ends: the next marker. */
  end(): number {
    if (this.marker >= 0) return this.at;
    let at = this.at;
    while (at + 1 < this.b.length && !(this.b[at] === 0xff && this.b[at + 1] !== 0x00 && !(this.b[at + 1] >= 0xd0 && this.b[at + 1] <= 0xd7))) at++;
    if (at + 1 >= this.b.length) throw damaged('The JPEG file is truncated');
    return at;
  }
}

const extend = (v: number, s: number) => (v < 1 << (s - 1) ? v - (1 << s) + 1 : v);

export interface JpegOptions { /** Decode at one eighth of the size, from the DC coefficients alone. */ dcOnly?: boolean }

export function decodeJpeg(b: Buffer, header: Header, sink: Sink, opts: JpegOptions = {}): void {
  const qt: (Int32Array | undefined)[] = [];
  const dcTables: (Huffman | undefined)[] = []; const acTables: (Huffman | undefined)[] = [];
  let frame: { progressive: boolean; comps: Component[]; hmax: number; vmax: number; mcusX: number; mcusY: number } | null = null;
  let restartInterval = 0; let adobe: number | null = null; let jfif = false; let eobrun = 0; let ended = false;
  let at = 2;
  while (at < b.length) {
    if (b[at] !== 0xff) throw damaged('The JPEG file is damaged (a segment does not start with a marker)');
    const marker = b[at + 1];
    if (marker === undefined) break;
    if (marker === 0xff) { at++; continue; }
    if (marker === 0xd9) { ended = true; break; }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) { at += 2; continue; }
    if (at + 4 > b.length) break;
    const len = b.readUInt16BE(at + 2);
    const seg = b.subarray(at + 4, at + 2 + len);
    if (len < 2 || at + 2 + len > b.length) throw damaged('The JPEG file is truncated');
    switch (true) {
      case marker === 0xdb: { // DQT
        let p = 0;
        while (p < seg.length) {
          const pq = seg[p] >> 4; const tq = seg[p] & 15; p++;
          if (tq > 3) throw damaged('The JPEG has an invalid quantisation table');
          const t = new Int32Array(64);
          for (let k = 0; k < 64; k++) { t[ZIGZAG[k]] = pq ? seg.readUInt16BE(p + k * 2) : seg[p + k]; }
          p += pq ? 128 : 64;
          if (p > seg.length) throw damaged('The JPEG has a truncated quantisation table');
          qt[tq] = t;
        }
        break;
      }
      case marker === 0xc4: { // DHT
        let p = 0;
        while (p < seg.length) {
          const tc = seg[p] >> 4; const th = seg[p] & 15;
          const counts = seg.subarray(p + 1, p + 17);
          const total = counts.reduce((s, c) => s + c, 0);
          if (counts.length < 16 || p + 17 + total > seg.length || th > 3 || tc > 1 || total > 256) throw damaged('The JPEG has an invalid Huffman table');
          const t = buildHuffman(counts, seg.subarray(p + 17, p + 17 + total));
          (tc === 0 ? dcTables : acTables)[th] = t;
          p += 17 + total;
        }
        break;
      }
      case marker === 0xdd: restartInterval = seg.readUInt16BE(0); break;
      case marker === 0xe0: if (seg.toString('latin1', 0, 4) === 'JFIF') jfif = true; break;
      case marker === 0xee: if (seg.toString('latin1', 0, 5) === 'Adobe' && seg.length >= 12) adobe = seg[11]; break;
      case SOF_ANY.has(marker): {
        if (!SOF_SUPPORTED.has(marker)) throw unsupported(`This JPEG is ${marker === 0xc3 ? 'lossless' : marker >= 0xc9 ? 'arithmetic-coded' : 'hierarchical'}, which is not read`);
        if (frame) throw unsupported('The JPEG has more than one frame');
        if (seg[0] !== 8) throw unsupported(`The JPEG has ${seg[0]}-bit samples; only 8-bit JPEG is read`);
        const n = seg[5];
        if (![1, 3, 4].includes(n) || seg.length < 6 + n * 3) throw unsupported(`The JPEG has ${n} colour components`);
        const raw = Array.from({ length: n }, (_, i) => ({ id: seg[6 + i * 3], h: seg[7 + i * 3] >> 4, v: seg[7 + i * 3] & 15, tq: seg[8 + i * 3] }));
        if (raw.some((c) => c.h < 1 || c.h > 4 || c.v < 1 || c.v > 4 || c.tq > 3)) throw damaged('The JPEG frame header is invalid');
        const hmax = Math.max(...raw.map((c) => c.h)); const vmax = Math.max(...raw.map((c) => c.v));
        const mcusX = Math.ceil(header.width / (8 * hmax)); const mcusY = Math.ceil(header.height / (8 * vmax));
        const comps: Component[] = raw.map((c) => {
          const stride = mcusX * c.h; const rows = mcusY * c.v;
          return {
            ...c, stride, rows, coef: new Int16Array(stride * rows * 64), pred: 0, dc: null, ac: null,
            blocksPerLine: Math.ceil(Math.ceil((header.width * c.h) / hmax) / 8), blocksPerColumn: Math.ceil(Math.ceil((header.height * c.v) / vmax) / 8),
          };
        });
        frame = { progressive: marker === 0xc2, comps, hmax, vmax, mcusX, mcusY };
        break;
      }
      case marker === 0xda: { // SOS
        if (!frame) throw damaged('The JPEG has image data before its frame header');
        const ns = seg[0];
        const comps = Array.from({ length: ns }, (_, i) => {
          const c = frame!.comps.find((x) => x.id === seg[1 + i * 2]);
          if (!c) throw damaged('The JPEG scan names an unknown component');
          c.dc = dcTables[seg[2 + i * 2] >> 4] ?? null; c.ac = acTables[seg[2 + i * 2] & 15] ?? null;
          return c;
        });
        const ss = seg[1 + ns * 2]; const se = seg[2 + ns * 2]; const ah = seg[3 + ns * 2] >> 4; const al = seg[3 + ns * 2] & 15;
        const reader = new BitReader(b, at + 2 + len);
        eobrun = 0;
        decodeScan(reader, frame, comps, { ss, se, ah, al, progressive: frame.progressive }, restartInterval, () => eobrun, (v) => { eobrun = v; });
        at = reader.end();
        continue;
      }
      default: break; // APPn, COM and the like
    }
    at += 2 + len;
  }
  if (!frame) throw damaged('The JPEG file has no image');
  if (!ended) throw damaged('The JPEG file is truncated (no end of image)');
  output(frame, qt, header, sink, { adobe, jfif, dcOnly: !!opts.dcOnly });
}

interface ScanSpec { ss: number; se: number; ah: number; al: number; progressive: boolean }

function decodeScan(r: BitReader, frame: NonNullable<{ comps: Component[]; mcusX: number; mcusY: number }>, comps: Component[], s: ScanSpec,
  restartInterval: number, getEob: () => number, setEob: (v: number) => void) {
  for (const c of comps) {
    c.pred = 0;
    if ((!s.progressive || s.ss === 0) && s.ah === 0 && !c.dc) throw damaged('The JPEG scan uses a Huffman table it does not define');
    if ((!s.progressive || s.ss > 0) && !c.ac) throw damaged('The JPEG scan uses a Huffman table it does not define');
  }
  if (s.progressive && (s.ss > s.se || s.se > 63 || (s.ss === 0 && s.se !== 0) || (s.ss > 0 && comps.length !== 1))) throw damaged('The JPEG scan header is invalid');
  const block = (c: Component, row: number, col: number) => {
    const off = (row * c.stride + col) * 64;
    const coef = c.coef;
    if (!s.progressive) {
      const t = r.decode(c.dc!);
      c.pred += t === 0 ? 0 : extend(r.receive(t), t);
      coef[off] = c.pred;
      for (let k = 1; k < 64;) {
        const rs = r.decode(c.ac!); const size = rs & 15; const run = rs >> 4;
        if (size === 0) { if (run < 15) break; k += 16; continue; }
        k += run;
        if (k > 63) throw damaged('The JPEG image data is damaged');
        coef[off + ZIGZAG[k]] = extend(r.receive(size), size);
        k++;
      }
      return;
    }
    if (s.ss === 0) {
      if (s.ah === 0) {
        const t = r.decode(c.dc!);
        c.pred += t === 0 ? 0 : extend(r.receive(t), t);
        coef[off] = c.pred * (1 << s.al);
      } else if (r.bit()) coef[off] |= 1 << s.al;
      return;
    }
    let eob = getEob();
    if (s.ah === 0) {
      if (eob > 0) { setEob(eob - 1); return; }
      for (let k = s.ss; k <= s.se;) {
        const rs = r.decode(c.ac!); const size = rs & 15; const run = rs >> 4;
        if (size === 0) {
          if (run < 15) { setEob((1 << run) - 1 + r.receive(run)); return; }
          k += 16; continue;
        }
        k += run;
        if (k > 63) throw damaged('The JPEG image data is damaged');
        coef[off + ZIGZAG[k]] = extend(r.receive(size), size) * (1 << s.al);
        k++;
      }
      return;
    }
    // A refinement of AC coefficients.
    const p1 = 1 << s.al; const m1 = -1 << s.al;
    let k = s.ss;
    const refine = (z: number) => {
      if (r.bit() && (coef[z] & p1) === 0) coef[z] += coef[z] >= 0 ? p1 : m1;
    };
    if (eob <= 0) {
      for (; k <= s.se; k++) {
        const rs = r.decode(c.ac!); let size = rs & 15; let run = rs >> 4; let value = 0;
        if (size) {
          if (size !== 1) throw damaged('The JPEG image data is damaged');
          value = r.bit() ? p1 : m1;
        } else if (run !== 15) {
          eob = (1 << run) + r.receive(run);
          break;
        }
        while (k <= s.se) {
          const z = off + ZIGZAG[k];
          if (coef[z] !== 0) refine(z);
          else { if (run === 0) break; run--; }
          k++;
        }
        if (value && k <= s.se) coef[off + ZIGZAG[k]] = value;
        size = 0;
      }
    }
    if (eob > 0) {
      for (; k <= s.se; k++) { const z = off + ZIGZAG[k]; if (coef[z] !== 0) refine(z); }
      eob--;
    }
    setEob(eob);
  };

  let mcu = 0;
  const restart = () => { r.restart(); for (const c of comps) c.pred = 0; setEob(0); };
  if (comps.length === 1) {
    const c = comps[0];
    const total = c.blocksPerLine * c.blocksPerColumn;
    for (let n = 0; n < total; n++) {
      if (restartInterval && n > 0 && n % restartInterval === 0) restart();
      block(c, Math.floor(n / c.blocksPerLine), n % c.blocksPerLine);
    }
    return;
  }
  const total = frame.mcusX * frame.mcusY;
  for (; mcu < total; mcu++) {
    if (restartInterval && mcu > 0 && mcu % restartInterval === 0) restart();
    const my = Math.floor(mcu / frame.mcusX); const mx = mcu % frame.mcusX;
    for (const c of comps) {
      for (let v = 0; v < c.v; v++) for (let h = 0; h < c.h; h++) block(c, my * c.v + v, mx * c.h + h);
    }
  }
}

/** cos((2x+1)uπ/16) · C(u)/2, for the separable inverse DCT. */
const IDCT = (() => {
  const t = new Float32Array(64);
  for (let x = 0; x < 8; x++) for (let u = 0; u < 8; u++) t[x * 8 + u] = (u === 0 ? Math.SQRT1_2 : 1) * Math.cos(((2 * x + 1) * u * Math.PI) / 16) / 2;
  return t;
})();

function idctBlock(coef: Int16Array, off: number, q: Int32Array, out: Uint8Array, outOff: number, outStride: number, tmp: Float32Array) {
  for (let v = 0; v < 8; v++) { // rows of coefficients: along u
    for (let x = 0; x < 8; x++) {
      let s = 0;
      for (let u = 0; u < 8; u++) { const c = coef[off + v * 8 + u]; if (c) s += c * q[v * 8 + u] * IDCT[x * 8 + u]; }
      tmp[v * 8 + x] = s;
    }
  }
  for (let x = 0; x < 8; x++) {
    for (let y = 0; y < 8; y++) {
      let s = 0;
      for (let v = 0; v < 8; v++) s += tmp[v * 8 + x] * IDCT[y * 8 + v];
      const p = Math.round(s + 128);
      out[outOff + y * outStride + x] = p < 0 ? 0 : p > 255 ? 255 : p;
    }
  }
}

function output(frame: { comps: Component[]; hmax: number; vmax: number }, qt: (Int32Array | undefined)[], header: Header, sink: Sink, o: { adobe: number | null; jfif: boolean; dcOnly: boolean }) {
  const scale = o.dcOnly ? 8 : 1; const bs = 8 / scale;
  const planes = frame.comps.map((c) => {
    const q = qt[c.tq];
    if (!q) throw damaged('The JPEG uses a quantisation table it does not define');
    const w = c.stride * bs; const h = c.rows * bs;
    const plane = new Uint8Array(w * h);
    const tmp = new Float32Array(64);
    for (let row = 0; row < c.rows; row++) {
      for (let col = 0; col < c.stride; col++) {
        const off = (row * c.stride + col) * 64;
        if (o.dcOnly) {
          const p = Math.round((c.coef[off] * q[0]) / 8 + 128);
          plane[row * w + col] = p < 0 ? 0 : p > 255 ? 255 : p;
        } else idctBlock(c.coef, off, q, plane, row * 8 * w + col * 8, w, tmp);
      }
    }
    return { plane, w, sx: c.h / frame.hmax, sy: c.v / frame.vmax };
  });
  const width = Math.ceil(header.width / scale); const height = Math.ceil(header.height / scale);
  const n = planes.length;
  // Component ids R, G, B (or an Adobe marker saying no transform) mean RGB; otherwise YCbCr.
  const ids = frame.comps.map((c) => c.id);
  const rgbIds = ids[0] === 0x52 && ids[1] === 0x47 && ids[2] === 0x42;
  const transform = n === 3 ? (o.adobe !== null ? o.adobe !== 0 : !rgbIds) : n === 4 ? o.adobe === 2 : false;
  const out = new Uint8Array(width * 3);
  const cols = planes.map((p) => Uint32Array.from({ length: width }, (_, x) => Math.floor(x * p.sx)));
  for (let y = 0; y < height; y++) {
    const rows = planes.map((p) => Math.floor(y * p.sy) * p.w);
    for (let x = 0; x < width; x++) {
      const a = planes[0].plane[rows[0] + cols[0][x]];
      let r: number, g: number, bl: number;
      if (n === 1) r = g = bl = a;
      else {
        const b1 = planes[1].plane[rows[1] + cols[1][x]]; const c1 = planes[2].plane[rows[2] + cols[2][x]];
        if (transform) {
          r = a + 1.402 * (c1 - 128); g = a - 0.344136 * (b1 - 128) - 0.714136 * (c1 - 128); bl = a + 1.772 * (b1 - 128);
        } else { r = a; g = b1; bl = c1; }
        if (n === 4) {
          // Adobe CMYK is stored inverted: each value is 255 - ink.
          const k = planes[3].plane[rows[3] + cols[3][x]];
          const clamp = (v: number) => (v < 0 ? 0 : v > 255 ? 255 : v);
          r = (clamp(r) * k) / 255; g = (clamp(g) * k) / 255; bl = (clamp(bl) * k) / 255;
        }
      }
      out[x * 3] = r < 0 ? 0 : r > 255 ? 255 : r; out[x * 3 + 1] = g < 0 ? 0 : g > 255 ? 255 : g; out[x * 3 + 2] = bl < 0 ? 0 : bl > 255 ? 255 : bl;
    }
    sink.row(y, 0, 1, out, width);
  }
}
