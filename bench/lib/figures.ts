// Procedural figurative marks for the image-search benchmark: each seed draws a logo of one to three
// figures (discs, ellipses, rings, squares and rectangles, triangles, regular polygons, stars, crosses,
// bars, crescents, letter-like strokes), some cut out of the one beneath, in colours of a palette on a
// white, tinted or dark ground, at a random place, size and rotation; a few seeds are variants of an
// earlier one (moved, scaled, recoloured, or its negative), as near-duplicates in a real register are.
// Each figure brings its Vienna code. Pictures are drawn with 2 x 2 (or more) samples a pixel.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { deflateSync } from 'node:zlib';
import { BLOCK_AT, computeFeatures, DIMENSIONS, type Picture } from '../../packages/server/src/modules/images/index.ts';

type RGB = [number, number, number];
type Shape = 'disc' | 'ellipse' | 'ring' | 'square' | 'rect' | 'triangle' | 'polygon' | 'star' | 'cross' | 'bars' | 'crescent' | 'letter';
const SHAPES: Shape[] = ['disc', 'ellipse', 'ring', 'square', 'rect', 'triangle', 'polygon', 'star', 'cross', 'bars', 'crescent', 'letter'];
const VIENNA: Record<Shape, string> = {
  disc: '26.1.1', ellipse: '26.1.2', ring: '26.1', square: '26.4', rect: '26.4', triangle: '26.3', polygon: '26.5', star: '1.1',
  cross: '26.13', bars: '26.11', crescent: '1.7', letter: '27.5',
};
const PALETTE: RGB[] = [
  [200, 30, 40], [230, 90, 20], [240, 190, 20], [40, 150, 60], [20, 110, 190], [60, 40, 150], [150, 30, 120], [20, 20, 20],
  [120, 120, 120], [0, 150, 160], [180, 140, 80], [250, 250, 250],
];

interface Part { shape: Shape; x: number; y: number; size: number; rot: number; aspect: number; n: number; colour: RGB; hole: boolean }
export interface Figure { ground: RGB; parts: Part[] }

/** A small fast PRNG (mulberry32). */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

function base(seed: number): Figure {
  const r = rng(seed * 2654435761);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)];
  const g = r();
  const ground: RGB = g < 0.75 ? [255, 255, 255] : g < 0.85 ? [235 + Math.floor(r() * 20), 230 + Math.floor(r() * 25), 210 + Math.floor(r() * 40)] : [Math.floor(r() * 40), Math.floor(r() * 40), Math.floor(r() * 60)];
  const count = r() < 0.5 ? 1 : r() < 0.7 ? 2 : 3;
  const parts: Part[] = [];
  for (let i = 0; i < count; i++) {
    const first = i === 0;
    let colour = pick(PALETTE);
    while (Math.abs(colour[0] - ground[0]) + Math.abs(colour[1] - ground[1]) + Math.abs(colour[2] - ground[2]) < 120) colour = pick(PALETTE);
    parts.push({
      shape: pick(SHAPES), x: first ? 0.5 + (r() - 0.5) * 0.3 : 0.2 + r() * 0.6, y: first ? 0.5 + (r() - 0.5) * 0.3 : 0.2 + r() * 0.6,
      size: first ? 0.25 + r() * 0.2 : 0.1 + r() * 0.2, rot: r() * Math.PI, aspect: 0.4 + r() * 0.5, n: 3 + Math.floor(r() * 6),
      colour, hole: !first && r() < 0.35,
    });
  }
  return { ground, parts };
}

/** The figure of a seed: every 33rd seed (from 1,000 on) a variant of an earlier one. */
export function figureOf(seed: number): { figure: Figure; variantOf: number | null } {
  if (seed >= 1000 && seed % 33 === 0) {
    const r = rng(seed ^ 0x5bd1e995);
    const of = Math.floor(r() * (seed - 1));
    const f = base(of);
    const kind = r();
    const dx = (r() - 0.5) * 0.15; const dy = (r() - 0.5) * 0.15; const k = 0.8 + r() * 0.4;
    const parts = f.parts.map((p) => ({ ...p, x: 0.5 + (p.x - 0.5) * k + dx, y: 0.5 + (p.y - 0.5) * k + dy, size: p.size * k,
      colour: kind < 0.3 ? p.colour.map((c) => Math.min(255, Math.max(0, c + Math.round((r() - 0.5) * 60)))) as RGB : p.colour }));
    // One in four variants is the negative.
    if (kind > 0.75) return { figure: { ground: f.ground.map((c) => 255 - c) as RGB, parts: parts.map((p) => ({ ...p, colour: p.colour.map((c) => 255 - c) as RGB })) }, variantOf: of };
    return { figure: { ground: f.ground, parts }, variantOf: of };
  }
  return { figure: base(seed), variantOf: null };
}

export function viennaOf(f: Figure): string[] {
  return [...new Set(f.parts.filter((p) => !p.hole).map((p) => VIENNA[p.shape]))];
}

function inside(p: Part, x: number, y: number): boolean {
  const c = Math.cos(p.rot); const s = Math.sin(p.rot);
  const u = ((x - p.x) * c + (y - p.y) * s) / p.size; const v = (-(x - p.x) * s + (y - p.y) * c) / p.size;
  switch (p.shape) {
    case 'disc': return u * u + v * v <= 1;
    case 'ellipse': return u * u + (v / p.aspect) ** 2 <= 1;
    case 'ring': { const d = u * u + v * v; return d <= 1 && d >= (p.aspect * 0.8) ** 2; }
    case 'square': return Math.abs(u) <= 0.85 && Math.abs(v) <= 0.85;
    case 'rect': return Math.abs(u) <= 1 && Math.abs(v) <= p.aspect;
    case 'triangle': return v <= 0.75 && v >= -1 + 1.75 * Math.abs(u) / 1.0 * 0.9;
    case 'polygon': case 'star': {
      const n = p.shape === 'polygon' ? p.n : Math.max(4, p.n);
      const a = Math.atan2(v, u); const d = Math.hypot(u, v); const seg = Math.PI / n;
      let t = ((a % (2 * seg)) + 2 * seg) % (2 * seg); t = Math.abs(t - seg) / seg;
      return p.shape === 'polygon' ? d * Math.cos(seg * (1 - t)) <= Math.cos(seg) : d <= 0.45 + 0.55 * t;
    }
    case 'cross': return (Math.abs(u) <= 1 && Math.abs(v) <= 0.28) || (Math.abs(v) <= 1 && Math.abs(u) <= 0.28);
    case 'bars': return Math.abs(u) <= 1 && Math.abs(v) <= 1 && Math.floor((v + 1) * (p.n / 1.5)) % 2 === 0;
    case 'crescent': return u * u + v * v <= 1 && (u - 0.45) ** 2 + (v - 0.1) ** 2 > 0.75;
    case 'letter': return (Math.abs(u + 0.6) <= 0.22 && Math.abs(v) <= 1) || (Math.abs(v + 0.85) <= 0.18 && u >= -0.6 && u <= 0.7) || (p.n % 2 === 0 && Math.abs(v) <= 0.16 && u >= -0.6 && u <= 0.4);
  }
}

/** The figure drawn at size x size, `ss` x `ss` samples a pixel. */
export function draw(f: Figure, size: number, ss = 2): Picture {
  const rgb = new Uint8Array(size * size * 3);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0; let g = 0; let b = 0;
      for (let j = 0; j < ss; j++) {
        for (let i = 0; i < ss; i++) {
          const px = (x + (i + 0.5) / ss) / size; const py = (y + (j + 0.5) / ss) / size;
          let c: RGB = f.ground;
          for (const p of f.parts) if (inside(p, px, py)) c = p.hole ? f.ground : p.colour;
          r += c[0]; g += c[1]; b += c[2];
        }
      }
      const n = ss * ss; const o = (y * size + x) * 3;
      rgb[o] = Math.round(r / n); rgb[o + 1] = Math.round(g / n); rgb[o + 2] = Math.round(b / n);
    }
  }
  return { width: size, height: size, rgb, source: { type: 'image/png', width: size, height: size } };
}

/** A picture as PNG bytes (RGB, no filter), what a client uploads. */
export function toPng(p: Picture): Buffer {
  const crcTable = new Uint32Array(256).map((_, n) => { let c = n; for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1; return c >>> 0; });
  const chunk = (type: string, data: Buffer) => {
    const td = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    let c = 0xffffffff; for (const b of td) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
    const out = Buffer.alloc(12 + data.length); out.writeUInt32BE(data.length, 0); td.copy(out, 4); out.writeUInt32BE((c ^ 0xffffffff) >>> 0, 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13); ihdr.writeUInt32BE(p.width, 0); ihdr.writeUInt32BE(p.height, 4); ihdr[8] = 8; ihdr[9] = 2;
  const raw = Buffer.alloc(p.height * (1 + p.width * 3));
  for (let y = 0; y < p.height; y++) Buffer.from(p.rgb.buffer, p.rgb.byteOffset + y * p.width * 3, p.width * 3).copy(raw, y * (1 + p.width * 3) + 1);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

export interface FeatureBatch {
  from: number; count: number;
  features: Float32Array; phash: BigInt64Array; dhash: BigInt64Array; dark: Uint8Array; vienna: string[][];
}

/** The picture turned: 0 as drawn, 1 mirrored, 2 a quarter turn clockwise, 3 a quarter turn anticlockwise. */
export function turned(p: Picture, how: number): Picture {
  if (how === 0) return p;
  const n = p.width; const rgb = new Uint8Array(p.rgb.length);
  for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) {
    const [sx, sy] = how === 1 ? [n - 1 - x, y] : how === 2 ? [y, n - 1 - x] : [n - 1 - y, x];
    const o = (y * n + x) * 3; const i = (sy * n + sx) * 3;
    rgb[o] = p.rgb[i]; rgb[o + 1] = p.rgb[i + 1]; rgb[o + 2] = p.rgb[i + 2];
  }
  return { ...p, rgb };
}

/** Rows per drawn figure: the figure as drawn, mirrored, and turned a quarter each way. */
export const TURNS = 4;

/**
 * The vector of the picture turned (as turned() turns it), from the vector of the picture as drawn: the
 * silhouette grid turned the same way, the edge orientations reflected (mirror) or shifted by 90 degrees and
 * the quadrants' histograms moved with their quadrants; outline, form and colour do not change. This is the
 * vector computeFeatures gives for the turned picture (the frame turns with the figure); the benchmark checks
 * it on a sample.
 */
export function turnedVector(v: Float32Array, how: number): Float32Array {
  if (how === 0) return v;
  const out = Float32Array.from(v);
  const sil = BLOCK_AT.silhouette.from;
  for (let r = 0; r < 8; r++) for (let c = 0; c < 8; c++) {
    const [sr, sc] = how === 1 ? [r, 7 - c] : how === 2 ? [7 - c, r] : [c, 7 - r];
    out[sil + r * 8 + c] = v[sil + sr * 8 + sc];
  }
  const e = BLOCK_AT.edges.from;
  for (let i = 0; i < 8; i++) out[e + i] = v[e + (how === 1 ? 7 - i : (i + 4) % 8)];
  // Quadrants TL, TR, BL, BR: where each new quadrant's histogram comes from.
  const from = how === 1 ? [1, 0, 3, 2] : how === 2 ? [2, 0, 3, 1] : [1, 3, 0, 2];
  for (let q = 0; q < 4; q++) for (let i = 0; i < 4; i++) out[e + 8 + q * 4 + i] = v[e + 8 + from[q] * 4 + (how === 1 ? 3 - i : (i + 2) % 4)];
  return out;
}

/**
 * Features of rows [from, from + count): row r is figure floor(r / TURNS) drawn at `size` pixels, its features
 * computed by the office's own code, and turned (r % TURNS) by turnedVector; its perceptual hashes are those
 * of the figure as drawn.
 */
export function featureBatch(from: number, count: number, size: number): FeatureBatch {
  const features = new Float32Array(count * DIMENSIONS); const phash = new BigInt64Array(count); const dhash = new BigInt64Array(count);
  const dark = new Uint8Array(count); const vienna: string[][] = [];
  let seedDrawn = -1; let f = computeFeatures(draw(figureOf(0).figure, 4, 1)); let codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = from + i; const seed = Math.floor(row / TURNS);
    if (seedDrawn !== seed) { const { figure } = figureOf(seed); seedDrawn = seed; f = computeFeatures(draw(figure, size, 1)); codes = viennaOf(figure); }
    features.set(turnedVector(f.vector, row % TURNS), i * DIMENSIONS); phash[i] = f.phash; dhash[i] = f.dhash; dark[i] = f.darkGround ? 1 : 0;
    vienna.push(codes);
  }
  return { from, count, features, phash, dhash, dark, vienna };
}

/**
 * Computes the features of seeds [0, total) in `threads` worker threads, `batch` at a time, handing each
 * batch to `onBatch` in order of completion (not necessarily of seeds).
 */
export function computeInThreads(total: number, size: number, threads: number, batch: number, onBatch: (b: FeatureBatch) => Promise<void>): Promise<void> {
  let next = 0;
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  let chain = Promise.resolve();
  return new Promise((resolve, reject) => {
    let running = threads;
    for (let t = 0; t < threads; t++) {
      const w = new Worker(boot, { eval: true, workerData: { kind: 'registrum-bench-figures', size } });
      const feed = () => {
        if (next >= total) { w.postMessage(null); return; }
        const from = next; const count = Math.min(batch, total - from); next += count;
        w.postMessage({ from, count });
      };
      w.on('message', (b: FeatureBatch | 'ready') => {
        if (b === 'ready') { feed(); return; }
        // Batches are stored one after another; the worker starts its next batch meanwhile.
        feed();
        chain = chain.then(() => onBatch(b)).catch((e) => { reject(e); throw e; });
      });
      w.on('error', reject);
      w.on('exit', () => { if (--running === 0) chain.then(() => resolve(), reject); });
    }
  });
}

if (!isMainThread && workerData?.kind === 'registrum-bench-figures') {
  parentPort!.on('message', (m: { from: number; count: number } | null) => {
    if (!m) { parentPort!.close(); return; }
    parentPort!.postMessage(featureBatch(m.from, m.count, workerData.size));
  });
  parentPort!.postMessage('ready');
}
