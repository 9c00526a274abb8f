// The Nice Classification for the term picker: the class headings, and a search of the official terms
// over an index built once in memory (about 11,000 terms: a scan per query takes well under a millisecond).
import { niceData } from '../../cases/index.ts';

export type NiceKind = 'goods' | 'services';

/** Classes 1 to 34 are goods and 35 to 45 services: the structure of the Nice Classification itself. */
export const kindOfClass = (n: number): NiceKind => (n <= 34 ? 'goods' : 'services');

interface IndexedTerm { classNumber: number; basicNumber: string; term: string; folded: string }

// The asterisk the list puts on some terms ('tea*': see the class's explanatory note) is no part of what is typed.
const fold = (s: string) => s.normalize('NFC').toLowerCase().replace(/\*/g, '').replace(/\s+/g, ' ').trim();

let classes: { classNumber: number; heading: string; kind: NiceKind }[] | null = null;
let terms: IndexedTerm[] | null = null;

export function niceClasses() {
  classes ??= [...niceData().headings.entries()].sort(([a], [b]) => a - b)
    .map(([classNumber, heading]) => ({ classNumber, heading, kind: kindOfClass(classNumber) }));
  return { items: classes };
}

/** Every term once, sorted by its folded text then class, so each rank below comes out in that order. */
function index(): IndexedTerm[] {
  if (terms) return terms;
  terms = [...niceData().termsByText.values()].flat()
    // Re-decoded into a fresh flat string: what normalize/replace/trim return is searched several times slower.
    .map((t) => ({ classNumber: t.classNumber, basicNumber: t.basicNumber, term: t.term, folded: Buffer.from(fold(t.term)).toString() }))
    .sort((a, b) => (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : a.classNumber - b.classNumber));
  return terms;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
/** Letters and digits: ASCII decided by code, the rest by Unicode property. */
function isWordChar(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90);
  return WORD_CHAR.test(s[i]);
}

/** 0 exact, 1 starts with, 2 a word starts with, 3 contains; -1 no match. */
function rank(folded: string, q: string): number {
  if (folded === q) return 0;
  let i = folded.indexOf(q);
  if (i < 0) return -1;
  if (i === 0) return 1;
  while (i > 0) {
    if (!isWordChar(folded, i - 1)) return 2;
    i = folded.indexOf(q, i + 1);
  }
  return 3;
}

export function searchNiceTerms(f: { q?: string; classNumber?: number; limit?: number }) {
  const q = fold(f.q ?? '');
  const limit = Math.min(Math.max(f.limit ?? 20, 1), 100);
  const buckets: IndexedTerm[][] = [[], [], [], []];
  for (const t of index()) {
    if (f.classNumber !== undefined && t.classNumber !== f.classNumber) continue;
    const r = q ? rank(t.folded, q) : 3;
    if (r >= 0) buckets[r].push(t);
  }
  const all = buckets.flat();
  return { total: all.length, items: all.slice(0, limit).map(({ classNumber, basicNumber, term }) => ({ classNumber, basicNumber, term })) };
}
