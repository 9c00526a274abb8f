// String measures of the similarity of two marks' spellings and sounds, each 0 (nothing alike) to 1 (same).
// Spelling: edit distance with transpositions (Damerau, optimal string alignment) and Jaro-Winkler, which
// weighs the beginning of a word, where the eye and ear of a consumer start. Sound: Editex (an edit
// distance for which letters of one sound group are cheap to exchange) and an alignment of phonemes
// by their articulatory features in the manner of ALINE (phonemes.ts).

const row = (n: number) => new Uint16Array(n + 1);

/** Edit distance with adjacent transpositions (optimal string alignment). */
export function damerau(a: string, b: string): number {
  const n = a.length, m = b.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2 = row(m), prev = row(m), cur = row(m);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

export const damerauSimilarity = (a: string, b: string) => (a.length || b.length ? 1 - damerau(a, b) / Math.max(a.length, b.length) : 1);

export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const n = a.length, m = b.length;
  if (!n || !m) return 0;
  const window = Math.max(0, Math.floor(Math.max(n, m) / 2) - 1);
  const ma = new Uint8Array(n), mb = new Uint8Array(m);
  let matches = 0;
  for (let i = 0; i < n; i++) {
    const lo = Math.max(0, i - window), hi = Math.min(m - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!mb[j] && a.charCodeAt(i) === b.charCodeAt(j)) { ma[i] = 1; mb[j] = 1; matches++; break; }
    }
  }
  if (!matches) return 0;
  let t = 0, k = 0;
  for (let i = 0; i < n; i++) {
    if (!ma[i]) continue;
    while (!mb[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) t++;
    k++;
  }
  const jaro = (matches / n + matches / m + (matches - t / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < n && prefix < m && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

// Editex letter groups (Zobel and Dart): letters of a group sound alike.
const GROUPS = ['aeiouy', 'bp', 'ckq', 'dt', 'lr', 'mn', 'gj', 'fpv', 'sxz', 'csz'];
const groupBits = new Uint16Array(128);
GROUPS.forEach((g, i) => { for (const c of g) groupBits[c.charCodeAt(0)] |= 1 << i; });
const cost = (x: number, y: number) => (x === y ? 0 : (groupBits[x] & groupBits[y]) !== 0 ? 1 : 2);
// h and w are often silent: dropping one after another letter costs little.
const dropCost = (prev: number, x: number) => (prev !== x && (prev === 104 || prev === 119) ? 1 : cost(prev, x));

let exA = new Uint16Array(64), exB = new Uint16Array(64);

export function editex(a: string, b: string): number {
  const n = a.length, m = b.length;
  if (exA.length <= m) { exA = new Uint16Array(m + 1); exB = new Uint16Array(m + 1); }
  let prev = exA, cur = exB;
  const B = (j: number) => (j === 0 ? 32 : b.charCodeAt(j - 1));
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1] + dropCost(B(j - 1), B(j));
  let ap = 32;
  for (let i = 1; i <= n; i++) {
    const ai = a.charCodeAt(i - 1), drop = dropCost(ap, ai);
    cur[0] = prev[0] + drop;
    for (let j = 1; j <= m; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = prev[j] + drop;
      const ins = cur[j - 1] + dropCost(B(j - 1), bj);
      if (ins < v) v = ins;
      const sub = prev[j - 1] + cost(ai, bj);
      cur[j] = sub < v ? sub : v;
    }
    const t = prev; prev = cur; cur = t;
    ap = ai;
  }
  return prev[m];
}

export const editexSimilarity = (a: string, b: string) => (a.length || b.length ? 1 - editex(a, b) / (2 * Math.max(a.length, b.length)) : 1);

/** Share of the character trigrams (words padded) two spellings have in common: Dice's coefficient. */
export function trigramDice(a: string, b: string): number {
  const ta = trigrams(a), tb = trigrams(b);
  if (!ta.length || !tb.length) return 0;
  const counts = new Map<string, number>();
  for (const t of ta) counts.set(t, (counts.get(t) ?? 0) + 1);
  let shared = 0;
  for (const t of tb) {
    const c = counts.get(t);
    if (c) { shared++; counts.set(t, c - 1); }
  }
  return (2 * shared) / (ta.length + tb.length);
}

export function trigrams(s: string): string[] {
  const p = `^${s}$`;
  const out: string[] = [];
  for (let i = 0; i + 3 <= p.length; i++) out.push(p.slice(i, i + 3));
  return out;
}

/**
 * The fewest edits that turn `short` into some part of `long` (Sellers' approximate substring match):
 * how nearly one mark is contained in another.
 */
export function substringDistance(short: string, long: string): number {
  const m = short.length;
  let prev = new Uint16Array(m + 1), cur = new Uint16Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best = prev[m];
  for (let j = 1; j <= long.length; j++) {
    cur[0] = 0; // a match may start anywhere in the longer text
    const c = long.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      cur[i] = Math.min(prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + (short.charCodeAt(i - 1) === c ? 0 : 1));
    }
    if (cur[m] < best) best = cur[m];
    [prev, cur] = [cur, prev];
  }
  return best;
}
