// The in-memory index of the image search: one slot per image whose features are computed, its vector in a
// Float32Array (kernel.ts), and beside it what the filters need (visible to the public, mark or design,
// still standing, Locarno classes as a bit set, Vienna codes as numbers) and the perceptual hashes. A search
// is an exact scan: the filters first, then the dot products of the slots that pass, then the best by score
// (with the hashes weighed in for those within reach of the top).
import { BLOCK_AT, BLOCKS, DIMENSIONS, HASH_WEIGHT, SHAPE_BLOCKS, type BlockName } from './features.ts';
import { VectorStore } from './kernel.ts';

export interface IndexRow {
  id: number;
  kind: 'mark' | 'design-view';
  vienna: string[];
  locarno: number[];
  state: string;
  public: boolean;
  /** Whether the row is searchable: its case shows the image and its features are computed. */
  searchable: boolean;
  features: Float32Array | null;
  phash: bigint;
  dhash: bigint;
  darkGround: boolean;
  embedding: Float32Array | null;
  seq: number;
}

const ALIVE = 1; const PUBLIC = 2; const DESIGN = 4; const DEAD = 8; const DARK = 16;

/** A Vienna code as one number: category * 10000 + division * 100 + section (0 where not given). */
export function packVienna(code: string): number {
  const [c, d = '0', s = '0'] = code.split('.');
  return Number(c) * 10000 + Number(d) * 100 + Number(s);
}

/** Whether a packed code falls under a packed filter (a category, a division or a section). */
function under(code: number, filter: number): boolean {
  if (filter % 10000 === 0) return Math.floor(code / 10000) === filter / 10000;
  if (filter % 100 === 0) return Math.floor(code / 100) === filter / 100;
  return code === filter;
}

export interface Filters {
  publicOnly: boolean;
  liveOnly: boolean;
  rights: { mark: boolean; design: boolean };
  /** Packed Vienna codes; a mark matches one of them (or a code under it). Designs are not narrowed by them. */
  vienna: number[];
  /** Bit set of Locarno classes (class n = bit n - 1) a design must have one of; 0: any. Marks are not narrowed by it. */
  locarnoMask: number;
}

export interface Scored { slot: number; rowId: number; score: number; vector: number; hash: number }

export interface IndexOptions {
  /** Length of the embeddings of the configured model (0: none), and the share of the score they carry. */
  embeddingDims?: number;
  embeddingWeight?: number;
}

export class ImageIndex {
  readonly dim: number;
  readonly store: VectorStore;
  private readonly embedDims: number;
  private readonly baseScale: number;
  private readonly embedScale: number;
  private size = 0;
  private free: number[] = [];
  private readonly slotOf = new Map<number, number>();
  private rowIds = new Float64Array(0);
  private flags = new Uint8Array(0);
  private locarno = new Uint32Array(0);
  private hashes = new Uint32Array(0);
  private viennaAt = new Int32Array(0);
  private viennaCount = new Uint8Array(0);
  private viennaPool = new Int32Array(1024);
  private viennaUsed = 0;
  private live = 0;

  constructor(private readonly deadStates: (kind: IndexRow['kind'], state: string) => boolean, opts: IndexOptions = {}) {
    this.embedDims = opts.embeddingDims ?? 0;
    const w = this.embedDims ? Math.min(0.9, Math.max(0, opts.embeddingWeight ?? 0.4)) : 0;
    this.baseScale = Math.sqrt(1 - w); this.embedScale = Math.sqrt(w);
    this.dim = DIMENSIONS + Math.ceil(this.embedDims / 4) * 4;
    this.store = new VectorStore(this.dim);
  }

  get count() { return this.live; }

  private grow(n: number) {
    if (n <= this.rowIds.length) return;
    const cap = Math.max(n, Math.ceil(this.rowIds.length * 1.5), 1024);
    const copy = <T extends Float64Array | Uint8Array | Uint32Array | Int32Array>(a: T, len: number): T => { const b = new (a.constructor as any)(len) as T; b.set(a as any); return b; };
    this.rowIds = copy(this.rowIds, cap); this.flags = copy(this.flags, cap); this.locarno = copy(this.locarno, cap);
    this.hashes = copy(this.hashes, cap * 4); this.viennaAt = copy(this.viennaAt, cap); this.viennaCount = copy(this.viennaCount, cap);
    this.store.reserve(cap);
  }

  /** The vector a query or a row is compared by, from its features and embedding. */
  vectorOf(features: Float32Array, embedding: Float32Array | null, out: Float32Array = new Float32Array(this.dim)): Float32Array {
    for (let i = 0; i < DIMENSIONS; i++) out[i] = features[i] * this.baseScale;
    out.fill(0, DIMENSIONS);
    if (this.embedDims && embedding && embedding.length === this.embedDims) {
      let sq = 0; for (let i = 0; i < embedding.length; i++) sq += embedding[i] * embedding[i];
      const norm = Math.sqrt(sq) || 1;
      for (let i = 0; i < this.embedDims; i++) out[DIMENSIONS + i] = (embedding[i] / norm) * this.embedScale;
    }
    return out;
  }

  /** Adds, updates or removes the row's image. */
  apply(r: IndexRow) {
    const had = this.slotOf.get(r.id);
    if (!r.searchable || !r.features || r.features.length !== DIMENSIONS) {
      if (had !== undefined) { this.flags[had] = 0; this.slotOf.delete(r.id); this.free.push(had); this.live--; }
      return;
    }
    let slot = had;
    if (slot === undefined) {
      slot = this.free.pop() ?? this.size++;
      this.grow(this.size);
      this.slotOf.set(r.id, slot); this.live++;
    }
    this.rowIds[slot] = r.id;
    this.flags[slot] = ALIVE | (r.public ? PUBLIC : 0) | (r.kind === 'design-view' ? DESIGN : 0) | (this.deadStates(r.kind, r.state) ? DEAD : 0) | (r.darkGround ? DARK : 0);
    let mask = 0;
    for (const c of r.locarno) if (c >= 1 && c <= 32) mask |= 1 << (c - 1);
    this.locarno[slot] = mask >>> 0;
    const codes = r.vienna.map(packVienna).filter((c) => Number.isFinite(c)).slice(0, 255);
    if (codes.length) {
      if (this.viennaUsed + codes.length > this.viennaPool.length) {
        const next = new Int32Array(Math.max(this.viennaPool.length * 2, this.viennaUsed + codes.length));
        next.set(this.viennaPool.subarray(0, this.viennaUsed)); this.viennaPool = next;
      }
      this.viennaPool.set(codes, this.viennaUsed); this.viennaAt[slot] = this.viennaUsed; this.viennaUsed += codes.length;
    }
    this.viennaCount[slot] = codes.length;
    const p = BigInt.asUintN(64, r.phash); const d = BigInt.asUintN(64, r.dhash);
    this.hashes[slot * 4] = Number(p & 0xffffffffn); this.hashes[slot * 4 + 1] = Number(p >> 32n);
    this.hashes[slot * 4 + 2] = Number(d & 0xffffffffn); this.hashes[slot * 4 + 3] = Number(d >> 32n);
    this.vectorOf(r.features, r.embedding, this.store.vectors.subarray(slot * this.dim, (slot + 1) * this.dim));
  }

  /** The slots passing the filters. */
  candidates(f: Filters): { rows: Int32Array; n: number } {
    const rows = new Int32Array(this.size);
    let n = 0;
    const need = ALIVE | (f.publicOnly ? PUBLIC : 0);
    for (let s = 0; s < this.size; s++) {
      const fl = this.flags[s];
      if ((fl & need) !== need) continue;
      if (f.liveOnly && fl & DEAD) continue;
      if (fl & DESIGN ? !f.rights.design : !f.rights.mark) continue;
      if (fl & DESIGN && f.locarnoMask && !(this.locarno[s] & f.locarnoMask)) continue;
      if (!(fl & DESIGN) && f.vienna.length) {
        const at = this.viennaAt[s]; const k = this.viennaCount[s];
        let hit = false;
        for (let i = 0; i < k && !hit; i++) for (const v of f.vienna) if (under(this.viennaPool[at + i], v)) { hit = true; break; }
        if (!hit) continue;
      }
      rows[n++] = s;
    }
    return { rows, n };
  }

  /** The best `limit` slots for the query among `rows`, by the vectors' dot product plus the hashes' share; best first. */
  best(query: Float32Array, ph: bigint, dh: bigint, rows: Int32Array, n: number, limit: number): Scored[] {
    if (!n || limit <= 0) return [];
    const dots = this.store.dots(query, rows, n);
    const p = BigInt.asUintN(64, ph); const d = BigInt.asUintN(64, dh);
    const q0 = Number(p & 0xffffffffn); const q1 = Number(p >> 32n); const q2 = Number(d & 0xffffffffn); const q3 = Number(d >> 32n);
    const h = this.hashes; const scale = HASH_WEIGHT / 64;
    // The scores in place of the dot products: the hashes' share added (it is 0 from 32 differing bits on average).
    for (let i = 0; i < n; i++) {
      const o = rows[i] * 4;
      const bits = popcount(h[o] ^ q0) + popcount(h[o + 1] ^ q1) + popcount(h[o + 2] ^ q2) + popcount(h[o + 3] ^ q3);
      if (bits < 64) dots[i] += (64 - bits) * scale;
    }
    const top = topByValue(dots, n, Math.min(n, limit));
    const out: Scored[] = new Array(top.length);
    for (let i = 0; i < top.length; i++) {
      const slot = rows[top[i]]; const hash = this.hashSimilarity(slot, [q0, q1, q2, q3]);
      out[i] = { slot, rowId: this.rowIds[slot], vector: dots[top[i]] - HASH_WEIGHT * hash, hash, score: dots[top[i]] };
    }
    return out.sort((a, b) => b.score - a.score || a.rowId - b.rowId);
  }

  /** Differing bits of the slot's pHash and dHash from the query's (given as four 32-bit words). */
  hammings(slot: number, q: number[]): [number, number] {
    const h = this.hashes; const o = slot * 4;
    return [popcount(h[o] ^ q[0]) + popcount(h[o + 1] ^ q[1]), popcount(h[o + 2] ^ q[2]) + popcount(h[o + 3] ^ q[3])];
  }

  private hashSimilarity(slot: number, q: number[]): number {
    const [p, d] = this.hammings(slot, q);
    return Math.max(0, 1 - (p + d) / 2 / 32);
  }

  /** Why a slot scored as it did: each block's cosine similarity with the query. */
  explain(query: Float32Array, slot: number): Record<BlockName, number> & { shape: number; embedding: number | null } {
    const v = this.store.vectors.subarray(slot * this.dim, (slot + 1) * this.dim);
    const parts = {} as Record<BlockName, number>;
    let shape = 0; let shapeWeight = 0;
    for (const [name, , w] of BLOCKS) {
      const b = BLOCK_AT[name]; let s = 0;
      for (let i = b.from; i < b.to; i++) s += v[i] * query[i];
      parts[name] = round(s / (w * this.baseScale ** 2));
      if (SHAPE_BLOCKS.includes(name)) { shape += s / this.baseScale ** 2; shapeWeight += w; }
    }
    let embedding: number | null = null;
    if (this.embedDims) {
      let s = 0; let qq = 0; let vv = 0;
      for (let i = DIMENSIONS; i < this.dim; i++) { s += v[i] * query[i]; qq += query[i] ** 2; vv += v[i] ** 2; }
      embedding = qq && vv ? round(s / Math.sqrt(qq * vv)) : null;
    }
    return { ...parts, shape: round(shape / shapeWeight), embedding };
  }

  darkGround(slot: number): boolean { return (this.flags[slot] & DARK) !== 0; }

  stats() { return { images: this.live, slots: this.size, dimensions: this.dim, simd: this.store.simd, vectorBytes: this.store.capacity * this.dim * 4 }; }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555;
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Positions of the `m` largest of the first `n` values, largest first (a min-heap of positions). */
function topByValue(values: Float32Array, n: number, m: number): Int32Array {
  const heap = new Int32Array(m); let size = 0;
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1; const r = l + 1; let s = i;
      if (l < size && values[heap[l]] < values[heap[s]]) s = l;
      if (r < size && values[heap[r]] < values[heap[s]]) s = r;
      if (s === i) return;
      const t = heap[i]; heap[i] = heap[s]; heap[s] = t; i = s;
    }
  };
  for (let i = 0; i < n; i++) {
    if (size < m) {
      heap[size] = i; let c = size++;
      while (c > 0) { const p = (c - 1) >> 1; if (values[heap[p]] <= values[heap[c]]) break; const t = heap[p]; heap[p] = heap[c]; heap[c] = t; c = p; }
    } else if (values[i] > values[heap[0]]) { heap[0] = i; down(0); }
  }
  return heap.subarray(0, size).sort((a, b) => values[b] - values[a]);
}
