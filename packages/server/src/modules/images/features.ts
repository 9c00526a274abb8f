// The features of a figurative mark or a design view, computed from its decoded picture. Pure.
//
// The figure is told from its ground first: the ground's colour is the median of the picture's border, and
// a pixel belongs to the figure when it differs from the ground by more than a threshold (Otsu's, at least
// MIN_CONTRAST). "Ink" is that difference scaled to the figure's own contrast, so a dark figure on a light
// ground and its negative give the same ink: contrast reversal does not change the shape. The figure's
// bounding box (stray specks trimmed) is centred in a square frame, so position and size do not matter,
// and sampled at 32 x 32. From it:
//   - silhouette: the binarised figure's coverage on an 8 x 8 grid;
//   - edges: an edge-orientation histogram of the ink (8 orientations, and 4 in each quadrant), insensitive
//     to which side of an edge is darker;
//   - radial: how far the figure's outline lies from its centroid (the same for any rotation);
//   - form: fill of the bounding box, elongation, compactness (Hu's first moment invariant against a
//     disc's) and the box's aspect, each as a soft code over four levels;
//   - colour: a histogram of the figure's colours (12 hues, 4 greys);
//   - perceptual hashes of the ink: pHash (the signs of the low 8 x 8 DCT coefficients against their median)
//     and dHash (brighter than the right-hand neighbour on a 9 x 8 grid), 64 bits each.
// Each block is scaled to unit length and weighed, so the dot product of two vectors is the weighted sum of
// the blocks' cosine similarities; the hashes are compared by Hamming distance beside it.
import type { Picture } from './decode/index.ts';

export const EXTRACTOR = 'shape-colour-1';

/** The blocks of the vector, in order: [name, length, weight]. The weights of the vector add up to 1 - HASH_WEIGHT. */
export const BLOCKS = [
  ['silhouette', 64, 0.33], ['edges', 24, 0.15], ['radial', 8, 0.15], ['form', 16, 0.12], ['colour', 16, 0.15],
] as const;
export type BlockName = typeof BLOCKS[number][0];
export const SHAPE_BLOCKS: readonly BlockName[] = ['silhouette', 'edges', 'radial', 'form'];
export const HASH_WEIGHT = 0.1;
export const DIMENSIONS = BLOCKS.reduce((s, b) => s + b[1], 0);
export const BLOCK_AT: Record<BlockName, { from: number; to: number; weight: number }> = (() => {
  const out = {} as Record<BlockName, { from: number; to: number; weight: number }>;
  let at = 0;
  for (const [name, n, w] of BLOCKS) { out[name] = { from: at, to: at + n, weight: w }; at += n; }
  return out;
})();

const FRAME = 32;
const MIN_CONTRAST = 28;

export interface ImageFeatures {
  /** The weighted vector (DIMENSIONS values); all zeros for a picture without a figure. */
  vector: Float32Array;
  /** pHash and dHash, 64 bits each, as signed 64-bit integers (as PostgreSQL's bigint keeps them). */
  phash: bigint;
  dhash: bigint;
  /** The figure is lighter than its ground. */
  darkGround: boolean;
  /** No figure stands out from the ground. */
  blank: boolean;
}

export function computeFeatures(p: Picture): ImageFeatures {
  const { width: w, height: h, rgb } = p;
  const n = w * h;
  const ground = groundColour(rgb, w, h);
  const dist = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    dist[i] = Math.max(Math.abs(rgb[i * 3] - ground[0]), Math.abs(rgb[i * 3 + 1] - ground[1]), Math.abs(rgb[i * 3 + 2] - ground[2]));
  }
  const threshold = Math.max(MIN_CONTRAST, otsu(dist));
  const mask = new Uint8Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) if (dist[i] > threshold) { mask[i] = 1; count++; }
  const darkGround = luminance(ground[0], ground[1], ground[2]) < 128;
  const zero = { vector: new Float32Array(DIMENSIONS), phash: 0n, dhash: 0n, darkGround, blank: true };
  if (count < Math.max(4, n * 0.001)) return zero;

  // Ink: the difference from the ground, up to the figure's own contrast (its 90th percentile).
  const strong = percentileOf(dist, mask, 0.9) || 255;
  const ink = new Float32Array(n);
  for (let i = 0; i < n; i++) ink[i] = Math.min(1, dist[i] / strong);

  const box = figureBox(mask, w, h);
  if (!box) return zero;
  const side = Math.max(box.x1 - box.x0, box.y1 - box.y0);
  const cx = (box.x0 + box.x1) / 2; const cy = (box.y0 + box.y1) / 2;
  const frameX = cx - side / 2; const frameY = cy - side / 2;
  const maskF = new Float32Array(n);
  for (let i = 0; i < n; i++) maskF[i] = mask[i];
  const sil = sampleFrame(maskF, w, h, frameX, frameY, side, FRAME);
  const inkFrame = sampleFrame(ink, w, h, frameX, frameY, side, FRAME);

  const blocks: Record<BlockName, Float32Array> = {
    silhouette: silhouette(sil),
    edges: edges(inkFrame),
    radial: radial(sil),
    form: form(sil, (box.x1 - box.x0) / (box.y1 - box.y0 || 1)),
    colour: colour(rgb, mask),
  };
  const vector = new Float32Array(DIMENSIONS);
  for (const [name, , weight] of BLOCKS) {
    const b = blocks[name]; const at = BLOCK_AT[name].from;
    let sq = 0; for (let i = 0; i < b.length; i++) sq += b[i] * b[i];
    const norm = Math.sqrt(sq);
    if (norm > 0) for (let i = 0; i < b.length; i++) vector[at + i] = (b[i] / norm) * Math.sqrt(weight);
  }
  return { vector, phash: pHash(inkFrame), dhash: dHash(inkFrame), darkGround, blank: false };
}

const luminance = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

/** The median colour of the picture's outer ring of pixels. */
function groundColour(rgb: Uint8Array, w: number, h: number): [number, number, number] {
  const idx: number[] = [];
  const ring = Math.max(1, Math.round(Math.min(w, h) * 0.02));
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (x < ring || y < ring || x >= w - ring || y >= h - ring) idx.push(y * w + x);
  const median = (c: number) => { const v = idx.map((i) => rgb[i * 3 + c]).sort((a, b) => a - b); return v[v.length >> 1]; };
  return [median(0), median(1), median(2)];
}

/** Otsu's threshold of values 0-255. */
function otsu(v: Float32Array): number {
  const hist = new Float64Array(256);
  for (let i = 0; i < v.length; i++) hist[Math.min(255, v[i] | 0)]++;
  const total = v.length; let sum = 0;
  for (let i = 0; i < 256; i++) sum += i * hist[i];
  let sumB = 0; let wB = 0; let best = 0; let at = 0;
  for (let t = 0; t < 256; t++) {
    wB += hist[t]; if (!wB) continue;
    const wF = total - wB; if (!wF) break;
    sumB += t * hist[t];
    const between = wB * wF * (sumB / wB - (sum - sumB) / wF) ** 2;
    if (between > best) { best = between; at = t; }
  }
  return at;
}

function percentileOf(v: Float32Array, mask: Uint8Array, p: number): number {
  const vals: number[] = [];
  for (let i = 0; i < v.length; i++) if (mask[i]) vals.push(v[i]);
  vals.sort((a, b) => a - b);
  return vals[Math.min(vals.length - 1, Math.floor(p * vals.length))] ?? 0;
}

/** The figure's bounding box in pixel edges, its outermost 0.5 % of pixels on each side left out (specks). */
function figureBox(mask: Uint8Array, w: number, h: number): { x0: number; x1: number; y0: number; y1: number } | null {
  const cols = new Float64Array(w); const rows = new Float64Array(h); let total = 0;
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (mask[y * w + x]) { cols[x]++; rows[y]++; total++; }
  if (!total) return null;
  const cut = total * 0.005;
  const lo = (a: Float64Array) => { let s = 0; for (let i = 0; i < a.length; i++) { s += a[i]; if (s > cut) return i; } return 0; };
  const hi = (a: Float64Array) => { let s = 0; for (let i = a.length - 1; i >= 0; i--) { s += a[i]; if (s > cut) return i + 1; } return a.length; };
  const box = { x0: lo(cols), x1: hi(cols), y0: lo(rows), y1: hi(rows) };
  return box.x1 > box.x0 && box.y1 > box.y0 ? box : null;
}

/** The square frame (origin, side in pixels) sampled at size x size, each cell the mean of bilinear samples. */
function sampleFrame(img: Float32Array, w: number, h: number, fx: number, fy: number, side: number, size: number): Float32Array {
  const out = new Float32Array(size * size);
  const cell = side / size;
  // Enough samples a cell to see every pixel under it: 2 x 2 for a small figure, up to 4 x 4.
  const k = Math.min(4, Math.max(2, Math.ceil(cell)));
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      let s = 0;
      for (let b = 0; b < k; b++) {
        const y = fy + (j + (b + 0.5) / k) * cell - 0.5;
        const y0 = Math.floor(y); const ay = y - y0; const y1 = y0 + 1;
        const inY0 = y0 >= 0 && y0 < h; const inY1 = y1 >= 0 && y1 < h;
        for (let a = 0; a < k; a++) {
          const x = fx + (i + (a + 0.5) / k) * cell - 0.5;
          const x0 = Math.floor(x); const ax = x - x0; const x1 = x0 + 1;
          const inX0 = x0 >= 0 && x0 < w; const inX1 = x1 >= 0 && x1 < w;
          const p00 = inX0 && inY0 ? img[y0 * w + x0] : 0; const p10 = inX1 && inY0 ? img[y0 * w + x1] : 0;
          const p01 = inX0 && inY1 ? img[y1 * w + x0] : 0; const p11 = inX1 && inY1 ? img[y1 * w + x1] : 0;
          s += (p00 * (1 - ax) + p10 * ax) * (1 - ay) + (p01 * (1 - ax) + p11 * ax) * ay;
        }
      }
      out[j * size + i] = s / (k * k);
    }
  }
  return out;
}

/** Coverage on an 8 x 8 grid, centred on one half (an empty and a full cell pull apart). */
function silhouette(f: Float32Array): Float32Array {
  const out = new Float32Array(64); const k = FRAME / 8;
  for (let y = 0; y < FRAME; y++) for (let x = 0; x < FRAME; x++) out[((y / k) | 0) * 8 + ((x / k) | 0)] += f[y * FRAME + x];
  for (let i = 0; i < 64; i++) out[i] = out[i] / (k * k) - 0.5;
  return out;
}

/** Orientation (modulo 180 degrees) of the ink's edges, weighted by strength: 8 bins overall, 4 per quadrant, as square roots of shares. */
function edges(f: Float32Array): Float32Array {
  const all = new Float64Array(8); const quad = new Float64Array(16);
  // The frame with its border repeated once around it, so the 3 x 3 neighbourhood needs no bounds checks.
  const P = FRAME + 2; const g = new Float32Array(P * P);
  for (let y = -1; y <= FRAME; y++) {
    const sy = Math.min(FRAME - 1, Math.max(0, y));
    for (let x = -1; x <= FRAME; x++) g[(y + 1) * P + x + 1] = f[sy * FRAME + Math.min(FRAME - 1, Math.max(0, x))];
  }
  for (let y = 0; y < FRAME; y++) {
    const half = y < FRAME / 2 ? 0 : 8;
    for (let x = 0; x < FRAME; x++) {
      const o = (y + 1) * P + x + 1;
      const gx = g[o - P + 1] + 2 * g[o + 1] + g[o + P + 1] - g[o - P - 1] - 2 * g[o - 1] - g[o + P - 1];
      const gy = g[o + P - 1] + 2 * g[o + P] + g[o + P + 1] - g[o - P - 1] - 2 * g[o - P] - g[o - P + 1];
      const m = Math.sqrt(gx * gx + gy * gy);
      if (m < 0.05) continue;
      let t = Math.atan2(gy, gx); if (t < 0) t += Math.PI; if (t >= Math.PI) t -= Math.PI;
      soft(all, (t / Math.PI) * 8, m, 0, 8);
      soft(quad, (t / Math.PI) * 4, m, half + (x < FRAME / 2 ? 0 : 4), 4);
    }
  }
  const out = new Float32Array(24);
  const put = (h: Float64Array, at: number, from: number, len: number) => {
    let s = 0; for (let i = from; i < from + len; i++) s += h[i];
    if (s > 0) for (let i = 0; i < len; i++) out[at + i] = Math.sqrt(h[from + i] / s);
  };
  put(all, 0, 0, 8);
  for (let q = 0; q < 4; q++) put(quad, 8 + q * 4, q * 4, 4);
  return out;
}

/** Adds `weight` to the circular histogram of `n` bins at `at` in `h`, between the two bins nearest position `pos` (bin i centred at i + 0.5). */
function soft(h: Float64Array, pos: number, weight: number, at = 0, n = h.length) {
  const p = pos - 0.5; const i = Math.floor(p); const a = p - i;
  h[at + (((i % n) + n) % n)] += weight * (1 - a); h[at + ((((i + 1) % n) + n) % n)] += weight * a;
}

function moments(f: Float32Array) {
  let m00 = 0; let m10 = 0; let m01 = 0;
  for (let y = 0; y < FRAME; y++) for (let x = 0; x < FRAME; x++) { const v = f[y * FRAME + x]; m00 += v; m10 += v * x; m01 += v * y; }
  const cx = m10 / m00; const cy = m01 / m00;
  let mu20 = 0; let mu02 = 0; let mu11 = 0;
  for (let y = 0; y < FRAME; y++) for (let x = 0; x < FRAME; x++) { const v = f[y * FRAME + x]; mu20 += v * (x - cx) ** 2; mu02 += v * (y - cy) ** 2; mu11 += v * (x - cx) * (y - cy); }
  return { m00, cx, cy, mu20, mu02, mu11 };
}

/**
 * How far the figure's outline lies from its centroid, relative to the farthest part: a histogram of 8 bins
 * over the outline's strength (a circle's outline is all at one distance, a square's spreads from 0.71 to 1,
 * a star's further), as square roots of shares. The same for any rotation.
 */
function radial(f: Float32Array): Float32Array {
  const { m00, cx, cy } = moments(f);
  const out = new Float32Array(8);
  if (m00 <= 0) return out;
  const px = (x: number, y: number) => (x < 0 || y < 0 || x >= FRAME || y >= FRAME ? 0 : f[y * FRAME + x]);
  const dist = new Float32Array((FRAME + 2) * (FRAME + 2)); const strength = new Float32Array(dist.length);
  let n = 0; let reach = 0;
  for (let y = -1; y <= FRAME; y++) {
    for (let x = -1; x <= FRAME; x++) {
      const gx = px(x + 1, y) - px(x - 1, y); const gy = px(x, y + 1) - px(x, y - 1);
      const m = Math.sqrt(gx * gx + gy * gy);
      if (m < 0.05) continue;
      const d = Math.sqrt((x - cx) ** 2 + (y - cy) ** 2);
      dist[n] = d; strength[n++] = m; if (d > reach) reach = d;
    }
  }
  if (!n || reach <= 0) return out;
  const h = new Float64Array(8); let total = 0;
  for (let k = 0; k < n; k++) {
    const m = strength[k];
    const pos = Math.min(7, (dist[k] / reach) * 8 - 0.5); const i = Math.max(0, Math.floor(pos)); const a = Math.max(0, pos - i);
    h[i] += m * (1 - a); if (i + 1 < 8) h[i + 1] += m * a; else h[i] += m * a;
    total += m;
  }
  for (let i = 0; i < 8; i++) out[i] = Math.sqrt(h[i] / total);
  return out;
}

/** Fill, elongation, compactness and aspect, each 0-1, as soft codes over the levels 0, 1/3, 2/3 and 1. */
function form(f: Float32Array, aspectWH: number): Float32Array {
  const { m00, mu20, mu02, mu11 } = moments(f);
  const out = new Float32Array(16);
  if (m00 <= 0) return out;
  let minX = FRAME; let maxX = -1; let minY = FRAME; let maxY = -1;
  for (let y = 0; y < FRAME; y++) for (let x = 0; x < FRAME; x++) if (f[y * FRAME + x] > 0.25) { minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y); }
  const boxArea = Math.max(1, (maxX - minX + 1) * (maxY - minY + 1));
  const fill = Math.min(1, m00 / boxArea);
  const common = Math.sqrt(((mu20 - mu02) / 2) ** 2 + mu11 ** 2);
  const l1 = (mu20 + mu02) / 2 + common; const l2 = (mu20 + mu02) / 2 - common;
  const elongation = l1 > 0 ? Math.sqrt(Math.max(0, l2) / l1) : 1;
  const phi1 = (mu20 + mu02) / (m00 * m00);
  const compactness = phi1 > 0 ? Math.min(1, 1 / (2 * Math.PI) / phi1) : 0;
  const aspect = Math.min(aspectWH, 1 / aspectWH);
  [fill, elongation, compactness, aspect].forEach((v, k) => {
    for (let i = 0; i < 4; i++) out[k * 4 + i] = Math.exp(-(((v - i / 3) / 0.22) ** 2));
  });
  return out;
}

/** The figure's colours: 12 hues (soft between neighbours) and 4 greys, as square roots of shares. */
function colour(rgb: Uint8Array, mask: Uint8Array): Float32Array {
  const h = new Float64Array(16); let total = 0;
  const hues = new Float64Array(12); const greys = new Float64Array(4);
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    const r = rgb[i * 3]; const g = rgb[i * 3 + 1]; const b = rgb[i * 3 + 2];
    const max = Math.max(r, g, b); const min = Math.min(r, g, b); const chroma = max - min;
    total++;
    if (chroma < 40) {
      const l = (max + min) / 2 / 255 * 3;
      const at = Math.min(2, Math.floor(l)); const a = Math.min(1, l - at);
      greys[at] += 1 - a; greys[at + 1] += a;
    } else {
      let hue = max === r ? ((g - b) / chroma) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
      if (hue < 0) hue += 6;
      soft(hues, hue * 2 + 0.5, 1);
    }
  }
  h.set(hues, 0); h.set(greys, 12);
  const out = new Float32Array(16);
  if (total) for (let i = 0; i < 16; i++) out[i] = Math.sqrt(h[i] / total);
  return out;
}

const DCT32 = (() => {
  const t = new Float64Array(8 * FRAME);
  for (let u = 0; u < 8; u++) for (let x = 0; x < FRAME; x++) t[u * FRAME + x] = Math.cos(((2 * x + 1) * u * Math.PI) / (2 * FRAME));
  return t;
})();

function bitsOf(values: ArrayLike<number>, test: (v: number, i: number) => boolean): bigint {
  let lo = 0; let hi = 0;
  for (let i = 0; i < 32; i++) { if (test(values[i], i)) lo |= 1 << i; if (test(values[i + 32], i + 32)) hi |= 1 << i; }
  return BigInt.asIntN(64, (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0));
}

/** pHash: the low 8 x 8 DCT coefficients of the 32 x 32 ink against their median (the DC term left out of the median). */
function pHash(f: Float32Array): bigint {
  const rows = new Float64Array(FRAME * 8);
  for (let y = 0; y < FRAME; y++) for (let u = 0; u < 8; u++) { let s = 0; for (let x = 0; x < FRAME; x++) s += f[y * FRAME + x] * DCT32[u * FRAME + x]; rows[y * 8 + u] = s; }
  const c = new Float64Array(64);
  for (let v = 0; v < 8; v++) for (let u = 0; u < 8; u++) { let s = 0; for (let y = 0; y < FRAME; y++) s += rows[y * 8 + u] * DCT32[v * FRAME + y]; c[v * 8 + u] = s; }
  const median = [...c.slice(1)].sort((a, b) => a - b)[31];
  return bitsOf(c, (v) => v > median);
}

/** dHash: on a 9 x 8 reduction of the ink, whether each cell is brighter than its right-hand neighbour. */
function dHash(f: Float32Array): bigint {
  const g = new Float64Array(72);
  for (let y = 0; y < FRAME; y++) for (let x = 0; x < FRAME; x++) g[Math.floor((y * 8) / FRAME) * 9 + Math.floor((x * 9) / FRAME)] += f[y * FRAME + x];
  const cells = new Float64Array(64);
  for (let y = 0; y < 8; y++) for (let x = 0; x < 8; x++) cells[y * 8 + x] = g[y * 9 + x] - g[y * 9 + x + 1];
  return bitsOf(cells, (v) => v > 1e-9);
}

/** Bits that differ between two 64-bit hashes. */
export function hamming(a: bigint, b: bigint): number {
  let x = BigInt.asUintN(64, a ^ b); let n = 0;
  while (x) { x &= x - 1n; n++; }
  return n;
}

/** Similarity of two images' hashes (1 the same, 0 as far apart as unrelated pictures). */
export function hashSimilarity(p1: bigint, d1: bigint, p2: bigint, d2: bigint): number {
  const d = (hamming(p1, p2) + hamming(d1, d2)) / 2;
  return Math.max(0, 1 - d / 32);
}

/**
 * Near-duplicates by their hashes: at most 14 of the 64 bits differ in the pHash and 12 in the dHash. (A simple
 * symmetric figure has many DCT coefficients near zero, whose bits a small change flips: the pHash bound allows for it.)
 */
export const isNearDuplicate = (phashBits: number, dhashBits: number) => phashBits <= 14 && dhashBits <= 12;
export const nearDuplicate = (p1: bigint, d1: bigint, p2: bigint, d2: bigint) => isNearDuplicate(hamming(p1, p2), hamming(d1, d2));
