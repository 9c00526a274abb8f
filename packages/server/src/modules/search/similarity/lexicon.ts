// The word lists the comparison reads, as shipped (data/) or extended by the office: concepts (the same
// meaning in several languages) and weak words (legal forms, connecting and descriptive words), and the
// relatedness of the Nice classes. All are read once; their words pass through the same normalisation as marks.
import { readFileSync } from 'node:fs';
import { normalizeMark } from './normalize.ts';
import type { PhoneticLanguage } from './phonemes.ts';
import { niceData } from '../../cases/index.ts';

const dataDir = new URL('./data/', import.meta.url);

export interface Lexicon {
  /** Latin word -> the concepts it expresses (a word may have several: 'mir' is world and peace). */
  concepts: Map<string, string[]>;
  weak: Set<string>;
  /** Class -> the classes whose goods or services are related to its own. */
  related: Map<number, Set<number>>;
  /** The languages whose pronunciation marks are also compared in (SEARCH_LANGUAGES). */
  languages?: readonly PhoneticLanguage[];
}

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'));

/** Parses concept lines: the first column names the concept; every cell's words express it. */
export function parseConcepts(text: string, into = new Map<string, string[]>()): Map<string, string[]> {
  const rows = lines(text);
  const body = rows[0]?.startsWith('en\t') ? rows.slice(1) : rows;
  for (const row of body) {
    const cells = row.split('\t');
    const concept = cells[0].trim();
    for (const cell of cells) {
      for (const w of cell.split(',')) {
        if (!w.trim() || w.trim() === '-') continue;
        // A word of a script the office does not search is simply not in its lexicon.
        let latin: string;
        try { latin = normalizeMark(w).words.join(''); } catch { continue; }
        if (!latin) continue;
        const list = into.get(latin) ?? [];
        if (!list.includes(concept)) list.push(concept);
        into.set(latin, list);
      }
    }
  }
  return into;
}

export function parseWeakWords(text: string, into = new Set<string>()): Set<string> {
  for (const l of lines(text)) for (const w of l.split(/\s+/)) into.add(w.toLowerCase());
  return into;
}

/** Lines 'a b c ...': the first class is related to each of the others (and they to it). */
export function parseRelatedClasses(text: string, into = new Map<number, Set<number>>()): Map<number, Set<number>> {
  for (const l of lines(text)) {
    const [head, ...rest] = l.split(/[\s:,]+/).map(Number).filter((n) => Number.isInteger(n) && n >= 1 && n <= 45);
    if (head === undefined) continue;
    for (const r of rest) {
      if (r === head) continue;
      if (!into.has(head)) into.set(head, new Set());
      if (!into.has(r)) into.set(r, new Set());
      into.get(head)!.add(r);
      into.get(r)!.add(head);
    }
  }
  return into;
}

let shipped: Lexicon | null = null;

/** The shipped lexicon with the office's own files added (paths from the configuration). */
export function loadLexicon(extra: { concepts?: string; weakWords?: string; relatedClasses?: string; languages?: readonly PhoneticLanguage[] } = {}): Lexicon {
  if (extra.languages?.length) return { ...loadLexicon({ ...extra, languages: undefined }), languages: extra.languages };
  if (!extra.concepts && !extra.weakWords && !extra.relatedClasses && shipped) return shipped;
  const read = (f: string) => readFileSync(new URL(f, dataDir), 'utf8');
  const lex: Lexicon = {
    concepts: parseConcepts(read('concepts.tsv')),
    weak: parseWeakWords(read('weak-words.txt')),
    related: parseRelatedClasses(read('related-classes.txt')),
  };
  if (extra.concepts) parseConcepts(readFileSync(extra.concepts, 'utf8'), lex.concepts);
  if (extra.weakWords) parseWeakWords(readFileSync(extra.weakWords, 'utf8'), lex.weak);
  if (extra.relatedClasses) parseRelatedClasses(readFileSync(extra.relatedClasses, 'utf8'), lex.related);
  if (!extra.concepts && !extra.weakWords && !extra.relatedClasses) shipped = lex;
  return lex;
}

let goodsWords: Map<string, Set<number>> | null = null;

/**
 * The words of the official Nice terms, with the classes whose terms use them: a word that names goods
 * or services of a class (PAPER in 16, JEANS in 25, GRILL in 43) describes them and distinguishes no
 * mark for that class. Plurals are read as their singular.
 */
function wordsOfGoods(): Map<string, Set<number>> {
  if (goodsWords) return goodsWords;
  const map = new Map<string, Set<number>>();
  for (const terms of niceData().termsByText.values()) {
    for (const t of terms) {
      let words: string[];
      try { words = normalizeMark(t.term).words; } catch { continue; }
      for (const w of words) {
        if (w.length < 3 || CONNECTING.has(w)) continue;
        for (const form of new Set([w, singular(w)])) {
          const set = map.get(form) ?? new Set<number>();
          set.add(t.classNumber);
          map.set(form, set);
        }
      }
    }
  }
  goodsWords = map;
  return map;
}

const CONNECTING = new Set(['and', 'for', 'the', 'with', 'not', 'other', 'being', 'made', 'use', 'purposes', 'parts', 'thereof', 'included', 'class', 'classes', 'all', 'these', 'being']);
/** A word's singular, by the English endings (also right for most Romance plurals in -s). */
export const singular = (w: string) => (w.length > 4 && w.endsWith('ies') ? `${w.slice(0, -3)}y` : w.length > 3 && w.endsWith('es') && /(?:ch|sh|ss|x|z)es$/.test(w) ? w.slice(0, -2) : w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** Whether a word names goods or services of one of these classes in the official terms. */
export function descriptiveFor(word: string, classes: readonly number[], _lex?: Lexicon): boolean {
  const map = wordsOfGoods();
  const set = map.get(word) ?? map.get(singular(word));
  return !!set && classes.some((c) => set.has(c));
}
