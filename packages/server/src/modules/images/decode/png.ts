// PNG decoding into a small RGB picture: every chunk's CRC checked, the IDAT stream inflated, each row
// unfiltered and its pixels (any bit depth, palette, grey or colour, with alpha laid over white, Adam7
// interlacing included) averaged into the target's cells as they come, so no full-size RGBA copy is made.
import { inflateSync } from 'node:zlib';
import { damaged, unsupported, type Header, type Sink } from './common.ts';

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(b: Uint8Array, from: number, to: number): number {
  let c = 0xffffffff;
  for (let i = from; i < to; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export const isPng = (b: Uint8Array) => b.length >= 8 && SIGNATURE.every((x, i) => b[i] === x);

/** Width and height from IHDR, read before anything else of the file. */
export function pngHeader(b: Buffer): Header {
  if (b.length < 33) throw damaged('The PNG file ends before its header');
  if (b.readUInt32BE(8) !== 13 || b.toString('latin1', 12, 16) !== 'IHDR') throw damaged('The PNG file does not start with its header (IHDR)');
  const width = b.readUInt32BE(16); const height = b.readUInt32BE(20);
  if (width === 0 || height === 0) throw damaged('The PNG image has no pixels');
  return { type: 'image/png', width, height };
}

interface Chunks { depth: number; colour: number; interlace: number; palette: Uint8Array | null; trns: Uint8Array | null; data: Buffer }

function readChunks(b: Buffer): Chunks {
  let at = 8; let ihdr: Buffer | null = null; let palette: Uint8Array | null = null; let trns: Uint8Array | null = null;
  const idat: Buffer[] = []; let ended = false;
  while (at < b.length) {
    if (at + 12 > b.length) throw damaged('The PNG file is truncated');
    const len = b.readUInt32BE(at); const type = b.toString('latin1', at + 4, at + 8);
    if (len > 0x7fffffff || at + 12 + len > b.length) throw damaged('The PNG file is truncated');
    if (crc32(b, at + 4, at + 8 + len) !== b.readUInt32BE(at + 8 + len)) throw damaged(`The PNG file is damaged (chunk ${type.replace(/[^A-Za-z]/g, '?')} fails its check)`);
    const body = b.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') ihdr = body;
    else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') trns = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') { ended = true; break; }
    at += 12 + len;
  }
  if (!ihdr || ihdr.length !== 13) throw damaged('The PNG file has no header');
  if (!ended) throw damaged('The PNG file is truncated (no IEND)');
  if (!idat.length) throw damaged('The PNG file has no image data');
  const depth = ihdr[8]; const colour = ihdr[9];
  if (!DEPTHS[colour]?.includes(depth)) throw unsupported(`PNG colour type ${colour} with bit depth ${depth} is not a valid combination`);
  if (ihdr[10] !== 0 || ihdr[11] !== 0 || ihdr[12] > 1) throw unsupported('The PNG uses an unknown compression, filter or interlace method');
  if (colour === 3 && !palette) throw damaged('The PNG has no palette');
  return { depth, colour, interlace: ihdr[12], palette, trns, data: Buffer.concat(idat) };
}

const PASSES = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];

/** Decodes into `sink` (one call per row of the image or of an interlace pass). */
export function decodePng(b: Buffer, header: Header, sink: Sink): void {
  const c = readChunks(b);
  const { width, height } = header;
  const channels = CHANNELS[c.colour];
  const bpp = Math.max(1, (channels * c.depth) >> 3);
  const passes = c.interlace ? PASSES : [[0, 0, 1, 1]];
  let expected = 0;
  const geometry = passes.map(([x0, y0, dx, dy]) => {
    const w = width > x0 ? Math.ceil((width - x0) / dx) : 0;
    const h = height > y0 ? Math.ceil((height - y0) / dy) : 0;
    const stride = Math.ceil((w * channels * c.depth) / 8);
    if (w && h) expected += h * (stride + 1);
    return { x0, y0, dx, dy, w, h, stride };
  });
  let raw: Buffer;
  try {
    raw = inflateSync(c.data, { maxOutputLength: expected + 1 });
  } catch (e: any) {
    throw damaged(/end of file|truncat/i.test(String(e?.message)) ? 'The PNG image data is truncated' : 'The PNG image data is damaged');
  }
  if (raw.length < expected) throw damaged('The PNG image data is truncated');
  const rgb = new Uint8Array(width * 3);
  let at = 0;
  for (const g of geometry) {
    if (!g.w || !g.h) continue;
    let prev = new Uint8Array(g.stride); let cur = new Uint8Array(g.stride);
    for (let y = 0; y < g.h; y++) {
      const filter = raw[at];
      const line = raw.subarray(at + 1, at + 1 + g.stride);
      at += g.stride + 1;
      unfilter(filter, line, prev, cur, bpp);
      toRgb(cur, g.w, c, rgb);
      sink.row(g.y0 + y * g.dy, g.x0, g.dx, rgb, g.w);
      const t = prev; prev = cur; cur = t;
    }
  }
}

function unfilter(filter: number, line: Uint8Array, prev: Uint8Array, out: Uint8Array, bpp: number) {
  const n = line.length;
  switch (filter) {
    case 0: out.set(line); return;
    case 1: for (let i = 0; i < n; i++) out[i] = (line[i] + (i >= bpp ? out[i - bpp] : 0)) & 0xff; return;
    case 2: for (let i = 0; i < n; i++) out[i] = (line[i] + prev[i]) & 0xff; return;
    case 3: for (let i = 0; i < n; i++) out[i] = (line[i] + (((i >= bpp ? out[i - bpp] : 0) + prev[i]) >> 1)) & 0xff; return;
    case 4:
      for (let i = 0; i < n; i++) {
        const a = i >= bpp ? out[i - bpp] : 0; const b = prev[i]; const c = i >= bpp ? prev[i - bpp] : 0;
        const p = a + b - c; const pa = Math.abs(p - a); const pb = Math.abs(p - b); const pc = Math.abs(p - c);
        out[i] = (line[i] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c)) & 0xff;
      }
      return;
    default: throw damaged(`The PNG image data is damaged (row filter ${filter})`);
  }
}

/** One unfiltered row as RGB, alpha (or the transparent colour) laid over white. */
function toRgb(row: Uint8Array, w: number, c: Chunks, out: Uint8Array) {
  const { depth, colour, palette, trns } = c;
  const sample = (i: number): number => { // the i-th sample of the row, scaled to 0-255
    if (depth === 8) return row[i];
    if (depth === 16) return row[i * 2];
    const perByte = 8 / depth; const shift = 8 - depth * ((i % perByte) + 1);
    const v = (row[Math.floor(i / perByte)] >> shift) & ((1 << depth) - 1);
    return colour === 3 ? v : Math.round((v * 255) / ((1 << depth) - 1));
  };
  const raw16 = (i: number) => (depth === 16 ? (row[i * 2] << 8) | row[i * 2 + 1] : -1);
  for (let x = 0; x < w; x++) {
    let r: number, g: number, b: number, a = 255;
    if (colour === 0) {
      r = g = b = sample(x);
      if (trns && trns.length >= 2) {
        const t = (trns[0] << 8) | trns[1];
        const v = depth === 16 ? raw16(x) : depth === 8 ? row[x] : Math.round((r * ((1 << depth) - 1)) / 255);
        if (v === t) a = 0;
      }
    } else if (colour === 2) {
      r = sample(x * 3); g = sample(x * 3 + 1); b = sample(x * 3 + 2);
      if (trns && trns.length >= 6) {
        const t = [(trns[0] << 8) | trns[1], (trns[2] << 8) | trns[3], (trns[4] << 8) | trns[5]];
        const v = depth === 16 ? [raw16(x * 3), raw16(x * 3 + 1), raw16(x * 3 + 2)] : [r, g, b];
        if (v[0] === t[0] && v[1] === t[1] && v[2] === t[2]) a = 0;
      }
    } else if (colour === 3) {
      const i = sample(x);
      if (i * 3 + 2 >= palette!.length) throw damaged('The PNG refers to a colour its palette does not have');
      r = palette![i * 3]; g = palette![i * 3 + 1]; b = palette![i * 3 + 2];
      if (trns && i < trns.length) a = trns[i];
    } else if (colour === 4) {
      r = g = b = sample(x * 2); a = sample(x * 2 + 1);
    } else {
      r = sample(x * 4); g = sample(x * 4 + 1); b = sample(x * 4 + 2); a = sample(x * 4 + 3);
    }
    if (a < 255) { const k = a / 255; r = r * k + 255 * (1 - k); g = g * k + 255 * (1 - k); b = b * k + 255 * (1 - k); }
    out[x * 3] = r; out[x * 3 + 1] = g; out[x * 3 + 2] = b;
  }
}
