// The similar-mark index of one server process, in memory: for each mark (by its row number in
// mark_search) its Latin reading, classes and flags, and two inverted indexes that find candidates
// fast: character trigrams of the look-alike skeleton, and hashed keys (Double Metaphone codes of the
// mark and of its distinctive words, the distinctive words themselves, the lexicon's concepts).
// Postings are compact arrays built once from the table; later changes go to small overflow lists
// (a changed mark keeps its old postings too: every candidate is re-read and compared in full, so a
// stale posting costs a comparison, never a wrong answer). Candidates are ranked by how much of each
// they share, and the best few hundred are compared in full (similarity/compare.ts).
import { metaphone } from './similarity/phonemes.ts';
import { normalizeMark, SCRIPTS, visualSkeleton, type Script } from './similarity/normalize.ts';
import { singular, type Lexicon } from './similarity/lexicon.ts';

export interface IndexRow { id: number; caseId: string; text: string | null; classes: number[]; state: string; public: boolean; seq: number }

const PRESENT = 1, PUBLIC = 2, LIVE = 4;
// Trigram alphabet: a-z, 0-9, start and end of the mark.
const A = 38, START = 36, END = 37, TRI = A * A * A;
const KEY_BITS = 22, KEYS = 1 << KEY_BITS;

const charCode = (c: number) => (c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 + c - 48 : -1);

/** The distinct trigram numbers of a skeleton, padded at both ends. */
export function trigramCodes(s: string, out: number[] = []): number[] {
  out.length = 0;
  const codes = [START];
  for (let i = 0; i < s.length; i++) { const c = charCode(s.charCodeAt(i)); if (c >= 0) codes.push(c); }
  codes.push(END);
  for (let i = 0; i + 2 < codes.length; i++) {
    const t = (codes[i] * A + codes[i + 1]) * A + codes[i + 2];
    if (!out.includes(t)) out.push(t);
  }
  return out;
}

function hashKey(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return (h >>> 0) & (KEYS - 1);
}

export interface MarkKeys { tri: number[]; keys: number[] }
export type KeyKind = 'sound' | 'word' | 'wordSound' | 'concept';
const KIND_BIT: Record<KeyKind, number> = { sound: 1, word: 2, wordSound: 4, concept: 8 };

/**
 * The index keys of a mark's Latin reading (its words separated by spaces); with `withKinds`, a query's
 * keys, which also look for short marks (three letters or fewer) that begin it or are one of its words.
 */
export function keysOf(latin: string, lex: Lexicon, withKinds?: Map<number, number>): MarkKeys {
  const words = latin ? latin.split(' ') : [];
  const tri = trigramCodes(visualSkeleton(latin));
  const keys: number[] = [];
  const add = (k: string, kind: KeyKind) => {
    const h = hashKey(k);
    if (!keys.includes(h)) keys.push(h);
    withKinds?.set(h, (withKinds.get(h) ?? 0) | KIND_BIT[kind]);
  };
  for (const c of metaphone(words.join(''))) if (c.length >= 2) add(`m:${c}`, 'sound');
  const strong = words.filter((w) => !lex.weak.has(w) && !/^\d+$/.test(w));
  for (const w of strong.length ? strong : words) {
    if (w.length >= 3) add(`w:${singular(w)}`, 'word');
    for (const c of metaphone(w)) if (c.length >= 2) add(`p:${c}`, 'wordSound');
  }
  for (const w of words) for (const c of lex.concepts.get(w) ?? []) add(`c:${c}`, 'concept');
  for (let i = 0; i + 1 < words.length; i++) for (const c of lex.concepts.get(words[i] + words[i + 1]) ?? []) add(`c:${c}`, 'concept');
  const fused = words.join('');
  if (!withKinds) {
    if (fused.length >= 2 && fused.length <= 3) add(`s:${fused}`, 'word');
  } else {
    for (const p of new Set([fused.slice(0, 2), fused.slice(0, 3), ...words.filter((w) => w.length <= 3)])) if (p.length >= 2) add(`s:${p}`, 'word');
  }
  return { tri, keys };
}

class Postings {
  off: Int32Array;
  post = new Int32Array(0);
  overflow = new Map<number, number[]>();
  constructor(readonly size: number) { this.off = new Int32Array(size + 1); }
  /** Builds the compact arrays from (key, doc) pairs. */
  build(pairs: Int32Array, count: number) {
    const off = new Int32Array(this.size + 1);
    for (let i = 0; i < count; i++) off[pairs[2 * i] + 1]++;
    for (let k = 0; k < this.size; k++) off[k + 1] += off[k];
    const fill = off.slice(0, this.size);
    const post = new Int32Array(count);
    for (let i = 0; i < count; i++) post[fill[pairs[2 * i]]++] = pairs[2 * i + 1];
    this.off = off; this.post = post; this.overflow.clear();
  }
  add(key: number, doc: number) {
    const l = this.overflow.get(key);
    if (l) l.push(doc); else this.overflow.set(key, [doc]);
  }
  each(key: number, f: (doc: number) => void) {
    for (let i = this.off[key], e = this.off[key + 1]; i < e; i++) f(this.post[i]);
    const l = this.overflow.get(key);
    if (l) for (const d of l) f(d);
  }
  get overflowSize() { let n = 0; for (const l of this.overflow.values()) n += l.length; return n; }
}

function enlarge(a: Int32Array, atLeast: number): Int32Array {
  const b = new Int32Array(Math.max(atLeast, Math.ceil(a.length * 1.5)));
  b.set(a);
  return b;
}

export interface Candidate { doc: number; prescore: number }

export class MarkIndex {
  private cap = 0;
  /** Highest row number + 1. */
  size = 0;
  count = 0;
  latin: (string | undefined)[] = [];
  private flags = new Uint8Array(0);
  private classLo = new Uint32Array(0);
  private classHi = new Uint32Array(0);
  private triCount = new Uint8Array(0);
  /** The scripts a mark is written in, a bit each (in the order of SCRIPTS). */
  private scriptBits = new Uint8Array(0);
  private seqOf = new Float64Array(0);
  private caseIds = Buffer.alloc(0);
  private states = new Map<string, number>();
  private stateOf = new Uint16Array(0);
  private tri = new Postings(TRI);
  private keys = new Postings(KEYS);
  // Scratch space of a search (one at a time: a search runs without awaiting).
  private hits = new Uint8Array(0);
  private keyHits = new Uint8Array(0);
  private stamp = new Uint32Array(0);
  private generation = 0;

  constructor(private readonly lex: Lexicon, private readonly scripts: readonly Script[], private readonly deadStates: ReadonlySet<string>) {}

  private grow(n: number) {
    if (n <= this.cap) return;
    const cap = Math.max(n, Math.ceil(this.cap * 1.5), 1024);
    const re = <T extends Uint8Array | Uint16Array | Uint32Array | Float64Array>(a: T, C: new (n: number) => T): T => { const b = new C(cap); b.set(a); return b; };
    this.flags = re(this.flags, Uint8Array); this.classLo = re(this.classLo, Uint32Array); this.classHi = re(this.classHi, Uint32Array);
    this.triCount = re(this.triCount, Uint8Array); this.scriptBits = re(this.scriptBits, Uint8Array); this.seqOf = re(this.seqOf, Float64Array); this.stateOf = re(this.stateOf, Uint16Array);
    this.hits = new Uint8Array(cap); this.keyHits = new Uint8Array(cap); this.stamp = new Uint32Array(cap);
    const ids = Buffer.alloc(cap * 16); this.caseIds.copy(ids); this.caseIds = ids;
    this.cap = cap;
  }

  /** The Latin reading of a stored mark text; a text in a script the office does not search is indexed by what it can read. */
  private read(text: string | null): { latin: string; scripts: number } {
    if (!text) return { latin: '', scripts: 0 };
    try {
      const n = normalizeMark(text, this.scripts);
      return { latin: n.latin, scripts: n.scripts.reduce((b, s) => b | (1 << SCRIPTS.indexOf(s)), 0) };
    } catch { return { latin: '', scripts: 0 }; }
  }

  scriptsOf(doc: number): Script[] {
    return SCRIPTS.filter((_, i) => this.scriptBits[doc] & (1 << i));
  }

  private setRow(r: IndexRow, read: { latin: string; scripts: number }, triLen: number) {
    const latin = read.latin;
    this.scriptBits[r.id] = read.scripts;
    const d = r.id;
    if (d >= this.size) this.size = d + 1;
    if (!(this.flags[d] & PRESENT)) this.count++;
    this.latin[d] = latin;
    let st = this.states.get(r.state);
    if (st === undefined) { st = this.states.size; this.states.set(r.state, st); }
    this.stateOf[d] = st;
    this.flags[d] = PRESENT | (r.public ? PUBLIC : 0) | (this.deadStates.has(r.state) ? 0 : LIVE);
    let lo = 0, hi = 0;
    for (const c of r.classes) { if (c >= 1 && c <= 32) lo |= 1 << (c - 1); else if (c > 32 && c <= 45) hi |= 1 << (c - 33); }
    this.classLo[d] = lo >>> 0; this.classHi[d] = hi;
    this.triCount[d] = Math.min(255, triLen);
    this.seqOf[d] = r.seq;
    this.caseIds.write(r.caseId.replace(/-/g, ''), d * 16, 16, 'hex');
  }

  private pairsT: Int32Array | null = null;
  private pairsK: Int32Array | null = null;
  private nT = 0;
  private nK = 0;

  /** Adds rows to the first build (pages of the table, in any order); `finishBuild` makes the compact postings. */
  addToBuild(rows: readonly IndexRow[]) {
    this.pairsT ??= new Int32Array(1 << 20);
    this.pairsK ??= new Int32Array(1 << 20);
    for (const r of rows) {
      this.grow(r.id + 1);
      const read = this.read(r.text);
      const latin = read.latin;
      const k = keysOf(latin, this.lex);
      this.setRow(r, read, k.tri.length);
      if (!latin) continue;
      if (2 * (this.nT + k.tri.length) > this.pairsT.length) this.pairsT = enlarge(this.pairsT, 2 * (this.nT + k.tri.length));
      if (2 * (this.nK + k.keys.length) > this.pairsK.length) this.pairsK = enlarge(this.pairsK, 2 * (this.nK + k.keys.length));
      for (const t of k.tri) { this.pairsT[2 * this.nT] = t; this.pairsT[2 * this.nT + 1] = r.id; this.nT++; }
      for (const h of k.keys) { this.pairsK[2 * this.nK] = h; this.pairsK[2 * this.nK + 1] = r.id; this.nK++; }
    }
  }

  finishBuild() {
    this.tri.build(this.pairsT ?? new Int32Array(0), this.nT);
    this.keys.build(this.pairsK ?? new Int32Array(0), this.nK);
    this.pairsT = this.pairsK = null;
    this.nT = this.nK = 0;
  }

  /** Applies a changed or new row, unless the index already holds that version of it or a later one. */
  apply(r: IndexRow): boolean {
    this.grow(r.id + 1);
    if ((this.flags[r.id] & PRESENT) && this.seqOf[r.id] >= r.seq) return false;
    const before = this.latin[r.id];
    const read = this.read(r.text);
    const latin = read.latin;
    const k = keysOf(latin, this.lex);
    this.setRow(r, read, k.tri.length);
    if (latin && latin !== before) {
      for (const t of k.tri) this.tri.add(t, r.id);
      for (const h of k.keys) this.keys.add(h, r.id);
    }
    return true;
  }

  caseIdOf(doc: number): string {
    const h = this.caseIds.toString('hex', doc * 16, doc * 16 + 16);
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }
  classesOf(doc: number): number[] {
    const out: number[] = [];
    const lo = this.classLo[doc], hi = this.classHi[doc];
    for (let c = 1; c <= 32; c++) if (lo & (1 << (c - 1))) out.push(c);
    for (let c = 33; c <= 45; c++) if (hi & (1 << (c - 33))) out.push(c);
    return out;
  }

  /**
   * The best `k` candidates for a query (its Latin reading and, if it differs, its look-alike reading):
   * by the share of trigrams they have in common (as a whole, or the smaller within the larger), and
   * by the keys they share. `publicOnly`: published marks only; `live`: not refused, withdrawn, lapsed.
   */
  candidates(readings: string[], k: number, f: { publicOnly: boolean; liveOnly: boolean }): Candidate[] {
    const { hits, keyHits, stamp } = this;
    // A new stamp instead of clearing the counters: a mark's counters count only once stamped with this search's.
    const gen = this.generation = (this.generation + 1) >>> 0 || 1;
    const kinds = new Map<number, number>();
    const triSets: number[][] = [];
    const keySet = new Set<number>();
    for (const r of readings) {
      const ks = keysOf(r, this.lex, kinds);
      triSets.push(ks.tri);
      for (const h of ks.keys) keySet.add(h);
    }
    // Rarest trigrams first: once too few are left for an unseen mark to reach the threshold, the most
    // common lists only add to the marks already met (exact: no mark that could qualify is skipped).
    const triLen = (t: number) => this.tri.off[t + 1] - this.tri.off[t] + (this.tri.overflow.get(t)?.length ?? 0);
    const tris = [...new Set(triSets.flat())].sort((a, b) => triLen(a) - triLen(b));
    const qn = Math.max(...triSets.map((t) => t.length), 1);
    // A mark becomes a candidate by sharing at least a third of the query's trigrams, or by any key.
    const need = Math.max(1, Math.round(qn * 0.3));
    const cand: number[] = [];
    const postingsOf = (p: Postings, key: number): [Int32Array, number, number, number[] | undefined] => [p.post, p.off[key], p.off[key + 1], p.overflow.get(key)];
    for (let j = 0; j < tris.length; j++) {
      const [post, from, to, extra] = postingsOf(this.tri, tris[j]);
      const admitsNew = tris.length - j >= need;
      const visit = (d: number) => {
        if (stamp[d] !== gen) { if (!admitsNew) return; stamp[d] = gen; hits[d] = 0; keyHits[d] = 0; }
        const h = hits[d];
        if (h < 255) hits[d] = h + 1;
        if (h + 1 === need) cand.push(d);
      };
      for (let i = from; i < to; i++) {
        const d = post[i];
        if (stamp[d] !== gen) {
          if (!admitsNew) continue;
          stamp[d] = gen; hits[d] = 1; keyHits[d] = 0;
          if (need === 1) cand.push(d);
          continue;
        }
        const h = hits[d];
        if (h < 255) hits[d] = h + 1;
        if (h + 1 === need) cand.push(d);
      }
      if (extra) for (const d of extra) visit(d);
    }
    // Keys after trigrams: a mark already a candidate by its trigrams is not added twice.
    for (const h of keySet) {
      const bits = kinds.get(h) ?? 0;
      const [post, from, to, extra] = postingsOf(this.keys, h);
      const visit = (d: number) => {
        if (stamp[d] !== gen) { stamp[d] = gen; hits[d] = 0; keyHits[d] = 0; }
        if (keyHits[d] === 0 && hits[d] < need) cand.push(d);
        keyHits[d] |= bits;
      };
      for (let i = from; i < to; i++) visit(post[i]);
      if (extra) for (const d of extra) visit(d);
    }
    const flags = PRESENT | (f.publicOnly ? PUBLIC : 0) | (f.liveOnly ? LIVE : 0);
    const scored: Candidate[] = [];
    let floor = 0;
    for (const d of cand) {
      if ((this.flags[d] & flags) !== flags) continue;
      const h = hits[d], kh = keyHits[d];
      const dn = this.triCount[d] || 1;
      const shared = Math.min(h, dn, qn);
      const jaccard = shared / (qn + dn - shared);
      const within = Math.min(dn, qn) >= 4 ? shared / Math.min(dn, qn) : 0;
      let s = Math.max(jaccard, 0.8 * within);
      // The sound of the whole mark weighs most: a word or a concept in common is found in many marks.
      if (kh & KIND_BIT.sound) s += 0.6;
      if (kh & KIND_BIT.word) s += 0.35;
      if (kh & KIND_BIT.concept) s += 0.3;
      if (kh & KIND_BIT.wordSound) s += 0.2;
      if (s <= floor) continue;
      scored.push({ doc: d, prescore: s });
      // Keep the list bounded: back to the best k whenever it doubles.
      if (scored.length >= 2 * k) {
        scored.sort((a, b) => b.prescore - a.prescore);
        scored.length = k;
        floor = scored[k - 1].prescore;
      }
    }
    scored.sort((a, b) => b.prescore - a.prescore);
    return scored.slice(0, k);
  }

  isPublic(doc: number) { return (this.flags[doc] & PUBLIC) !== 0; }
  stats() {
    return { marks: this.count, rows: this.size, trigramPostings: this.tri.post.length, keyPostings: this.keys.post.length, overflow: this.tri.overflowSize + this.keys.overflowSize };
  }
}
