// How a mark sounds: its Latin reading turned into phonemes by spelling rules shared by the European
// languages (ph and f, c and k, silent letters, doubled letters), then two readings compared by
// aligning their phonemes, the cost of an exchange being how far apart the two sounds are made in
// the mouth (place and manner of articulation, voicing, nasality; for vowels height, backness and
// rounding), in the manner of Kondrak's ALINE. Vowels weigh less than consonants: a vowel shift
// (MUNDICOR / MUNDICOLOR, LOINT'S / LLOYD) changes a mark's sound less than a new consonant does.
// Double Metaphone codes give a coarser key of the same kind, used to find candidates fast.
import { doubleMetaphone } from 'double-metaphone';
import { PHONETIC_LANGUAGES, type PhoneticLanguage } from './scripts.ts';

interface Phoneme { v: boolean; f: number[] }
// Consonant features: place (lips 1 ... glottis 0), manner (stop 1, affricate 0.9, fricative 0.8,
// approximant 0.6, lateral 0.55, trill 0.5, nasal 0.4), voice, nasal.
const C = (place: number, manner: number, voice: number, nasal = 0): Phoneme => ({ v: false, f: [place, manner, voice, nasal] });
// Vowel features: height, backness, rounding.
const V = (high: number, back: number, round: number): Phoneme => ({ v: true, f: [high, back, round] });

const P: Record<string, Phoneme> = {
  p: C(1, 1, 0), b: C(1, 1, 1), m: C(1, 0.4, 1, 1), f: C(0.95, 0.8, 0), v: C(0.95, 0.8, 1), w: C(1, 0.6, 1),
  θ: C(0.9, 0.8, 0), t: C(0.85, 1, 0), d: C(0.85, 1, 1), n: C(0.85, 0.4, 1, 1), s: C(0.85, 0.8, 0), z: C(0.85, 0.8, 1),
  ʦ: C(0.85, 0.9, 0), l: C(0.85, 0.55, 1), r: C(0.85, 0.5, 1), ʃ: C(0.75, 0.8, 0), ʒ: C(0.75, 0.8, 1), ʧ: C(0.75, 0.9, 0),
  ʤ: C(0.75, 0.9, 1), j: C(0.7, 0.6, 1), k: C(0.6, 1, 0), g: C(0.6, 1, 1), x: C(0.6, 0.8, 0), ŋ: C(0.6, 0.4, 1, 1), h: C(0.1, 0.8, 0),
  i: V(1, 0, 0), e: V(0.6, 0, 0), a: V(0, 0.5, 0), o: V(0.6, 1, 1), u: V(1, 1, 1), y: V(1, 0, 1), ə: V(0.5, 0.5, 0),
};
const SALIENCE_C = [40, 50, 10, 10];
const SALIENCE_V = [10, 5, 5];
const INDEL_C = 35, INDEL_V = 12, CV = 60;

const VOWELS = new Set('aeiouy');
const isVowel = (c: string | undefined) => c !== undefined && VOWELS.has(c);

/** The phonemes of one word of a Latin reading. */
export function phonemesOf(word: string): string[] {
  const w = word.replace(/[^a-z]/g, '');
  const out: string[] = [];
  const push = (p: string) => { if (out.at(-1) !== p) out.push(p); };
  for (let i = 0; i < w.length; i++) {
    const c = w[i], n = w[i + 1], n2 = w[i + 2], prev = w[i - 1];
    const two = c + (n ?? '');
    if (i === 0 && ['kn', 'gn', 'pn', 'wr', 'ps'].includes(two)) continue; // silent first letter
    if (c === n && !isVowel(c)) continue; // doubled consonants sound once
    switch (two) {
      case 'ph': push('f'); i++; continue;
      case 'th': push('θ'); i++; continue;
      case 'sh': push('ʃ'); i++; continue;
      case 'ch': if (n2 === 'r' || n2 === 'l') push('k'); else push('ʧ'); i++; continue;
      case 'ck': push('k'); i++; continue;
      case 'qu': push('k'); push('w'); i++; continue;
      case 'kh': push('x'); i++; continue;
      case 'zh': push('ʒ'); i++; continue;
      case 'ts': case 'tz': push('ʦ'); i++; continue;
      case 'gh': if (i === 0) push('g'); i++; continue;
      case 'dg': push('ʤ'); i++; continue;
      case 'ng': if (!isVowel(n2)) { push('ŋ'); i++; continue; } break;
      case 'ee': case 'ea': case 'ie': push('i'); i++; continue;
      case 'oo': case 'ou': push('u'); i++; continue;
      case 'ai': case 'ay': case 'ei': case 'ey': push('e'); i++; continue;
      case 'au': case 'aw': push('o'); i++; continue;
    }
    if (c === 's' && n === 'c' && n2 === 'h') { push('ʃ'); i += 2; continue; }
    if (c === 't' && n === 'i' && n2 === 'o' && i > 0) { push('ʃ'); i += 1; continue; }
    switch (c) {
      case 'c': push(n === 'e' || n === 'i' || n === 'y' ? 's' : 'k'); break;
      case 'q': push('k'); break;
      case 'x': if (i === 0) push('z'); else { push('k'); push('s'); } break;
      case 'j': push('ʤ'); break;
      case 'h': if (isVowel(n) && !(prev && isVowel(prev) && i === w.length - 1)) push('h'); break; // silent unless before a vowel
      case 'y': if (i === 0 && isVowel(n)) push('j'); else push('i'); break;
      case 'w': if (isVowel(n)) push('w'); else if (prev && isVowel(prev)) push('u'); else push('w'); break;
      case 'e': if (i === w.length - 1 && w.length > 3 && !isVowel(prev)) break; push('e'); break; // a final e after a consonant is mute
      default: if (P[c]) push(c);
    }
  }
  return out;
}

/** The phonemes of a whole reading, its words run together (a mark is heard as one stream). */
export const phonemesOfText = (latin: string, language?: PhoneticLanguage) =>
  latin.split(' ').flatMap((w) => phonemesOf(language ? respell(w, language) : w));

/**
 * Languages whose spelling the office's public reads by (SEARCH_LANGUAGES): a word is first respelt the
 * way that language pronounces it (Spanish j and ll, German w and z, French silent finals...), then read
 * by the shared rules. A mark is compared in each language the office names, and in the shared rules.
 */
export { PHONETIC_LANGUAGES, type PhoneticLanguage };

const RESPELL: Record<PhoneticLanguage, [RegExp, string][]> = {
  de: [[/sch/g, 'sh'], [/ch/g, 'kh'], [/v/g, 'f'], [/w/g, 'v'], [/z/g, 'ts'], [/ei/g, 'ay'], [/ie/g, 'ee'], [/eu/g, 'oy'], [/^s(?=[aeiou])/, 'z'], [/j/g, 'y']],
  es: [[/ll/g, 'y'], [/v/g, 'b'], [/j/g, 'kh'], [/g(?=[ei])/g, 'kh'], [/qu(?=[ei])/g, 'k'], [/c(?=[ei])/g, 's'], [/z/g, 's'], [/h/g, '']],
  fr: [[/eau|au/g, 'o'], [/ou/g, 'oo'], [/oi/g, 'wa'], [/ch/g, 'sh'], [/qu/g, 'k'], [/gn/g, 'ny'], [/ph/g, 'f'], [/h/g, ''], [/j/g, 'zh'], [/g(?=[eiy])/g, 'zh'], [/(?<=[a-z]{2})(?:s|t|d|x|z)$/, '']],
  it: [[/ch/g, 'k'], [/gh/g, 'g'], [/gn/g, 'ny'], [/sc(?=[ei])/g, 'sh'], [/c(?=[ei])/g, 'ch'], [/g(?=[ei])/g, 'j'], [/z/g, 'ts'], [/h/g, '']],
  pt: [[/lh/g, 'ly'], [/nh/g, 'ny'], [/ch/g, 'sh'], [/x/g, 'sh'], [/j/g, 'zh'], [/g(?=[ei])/g, 'zh'], [/h/g, '']],
};

export function respell(word: string, language: PhoneticLanguage): string {
  let w = word;
  for (const [re, to] of RESPELL[language]) w = w.replace(re, to);
  return w;
}

function subCost(a: Phoneme, b: Phoneme): number {
  if (a.v !== b.v) return CV;
  const s = a.v ? SALIENCE_V : SALIENCE_C;
  let d = 0;
  for (let i = 0; i < s.length; i++) d += s[i] * Math.abs(a.f[i] - b.f[i]);
  return d;
}
const indel = (p: Phoneme) => (p.v ? INDEL_V : INDEL_C);

// The inventory numbered once, with every exchange's cost in a table: an alignment reads numbers only.
const INVENTORY = Object.keys(P);
const CODE = new Map(INVENTORY.map((p, i) => [p, i]));
const K = INVENTORY.length;
const SUB = new Float64Array(K * K);
const INDEL = new Float64Array(K);
for (let i = 0; i < K; i++) {
  INDEL[i] = indel(P[INVENTORY[i]]);
  for (let j = 0; j < K; j++) SUB[i * K + j] = subCost(P[INVENTORY[i]], P[INVENTORY[j]]);
}

/** Phonemes as numbers of the inventory, for phoneticAlignment. */
export const phonemeCodes = (ps: readonly string[]): Uint8Array => Uint8Array.from(ps.flatMap((p) => (CODE.has(p) ? [CODE.get(p)!] : [])));

let rowA = new Float64Array(64), rowB = new Float64Array(64);

/** Similarity of two phoneme sequences (phonemeCodes) by feature-weighted alignment, 0 to 1. */
export function phoneticAlignment(A: Uint8Array, B: Uint8Array): number {
  const n = A.length, m = B.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += INDEL[A[i]];
  for (let j = 0; j < m; j++) total += INDEL[B[j]];
  if (total === 0) return 1;
  if (rowA.length <= m) { rowA = new Float64Array(m + 1); rowB = new Float64Array(m + 1); }
  let prev = rowA, cur = rowB;
  prev[0] = 0;
  for (let j = 1; j <= m; j++) prev[j] = prev[j - 1] + INDEL[B[j - 1]];
  for (let i = 1; i <= n; i++) {
    const a = A[i - 1], da = INDEL[a], base = a * K;
    cur[0] = prev[0] + da;
    for (let j = 1; j <= m; j++) {
      const b = B[j - 1];
      let v = prev[j] + da;
      const ins = cur[j - 1] + INDEL[b];
      if (ins < v) v = ins;
      const sub = prev[j - 1] + SUB[base + b];
      cur[j] = sub < v ? sub : v;
    }
    const t = prev; prev = cur; cur = t;
  }
  return Math.max(0, 1 - (2 * prev[m]) / total);
}

/** Double Metaphone codes (primary and alternate, once each) of a word or a run of words. */
export function metaphone(text: string): string[] {
  const s = text.replace(/[^a-z]/g, '');
  if (!s) return [];
  const [p, a] = doubleMetaphone(s);
  return p === a || !a ? (p ? [p] : []) : [p, a].filter(Boolean);
}
