// Descriptions in other languages read through a lexicon of everyday words and phrases of goods and
// services with their English: the longest phrase of the lexicon at each point of the text (words
// compared after folding and after the language's plural and ending rules), function words dropped, a
// word the lexicon lacks kept as written (names of things are often the same: yoga, pizza, tofu).
// Scripts written without spaces (Chinese, Japanese) are segmented by the same longest matches.
import { fold, words } from './fold.ts';

export interface LanguageLexicon {
  /** ISO 639-1 code. */
  language: string;
  /** The language's name in itself. */
  name: string;
  /** Which ending rules words are compared with (see NORMALISERS). */
  normalise: keyof typeof NORMALISERS;
  /** Function words, separated by spaces. */
  stopwords: string;
  /** Word or phrase -> English; variants of a phrase separated by '|'. */
  entries: Record<string, string>;
  /**
   * Whether a noun comes before the words that qualify it ('sacs en cuir', 'logiciel de comptabilité'):
   * each run of translated words is then put in English order, the head last.
   */
  headFirst?: boolean;
}

/** Light ending rules per language: plurals and the commonest inflections, so that one form in the lexicon meets the others. */
export const NORMALISERS = {
  none: (w: string) => w,
  /** French: plural -s and -x; -aux for -al. */
  fr: (w: string) => (w.length > 4 && w.endsWith('aux') ? `${w.slice(0, -3)}al` : w.length > 3 && /[sx]$/.test(w) ? w.slice(0, -1) : w),
  /** Spanish and Portuguese: plural -es after a consonant, -ces for -z, -s; -ões/-ães for -ão. */
  es: (w: string) => {
    if (w.length > 4 && w.endsWith('ces')) return `${w.slice(0, -3)}z`;
    if (w.length > 4 && /(oes|aes)$/.test(w)) return `${w.slice(0, -3)}ao`;
    if (w.length > 4 && /[lrndjy]es$/.test(w)) return w.slice(0, -2);
    if (w.length > 3 && w.endsWith('s')) return w.slice(0, -1);
    return w;
  },
  /** Italian: the final vowel (vino, vini; scarpa, scarpe). */
  it: (w: string) => (w.length > 3 ? w.replace(/[aeio]$/, '') : w),
  /** German: the commonest plural and case endings. */
  de: (w: string) => (w.length > 5 ? w.replace(/(en|er|es|e|n|s)$/, '') : w.length > 4 ? w.replace(/(e|n|s)$/, '') : w),
  /** Russian: noun and adjective endings (after folding, й is и and ё is е). */
  ru: (w: string) => (w.length > 4 ? w.replace(/(ами|ями|ого|его|ому|ему|ыми|ими|ая|яя|ое|ее|ые|ие|ый|ии|ов|ев|ей|ам|ям|ах|ях|ом|ем|ой|ую|ю|у|ы|и|а|я|о|е|ь)$/, '') : w),
  /** Arabic: the article and the sound plural and feminine endings. */
  ar: (w: string) => {
    let x = w.replace(/^(وال|بال|كال|فال|لل|ال)/, '');
    if (x.length > 3) x = x.replace(/(ات|ون|ين|ه)$/, '');
    return x.length >= 2 ? x : w;
  },
};

interface Compiled { stop: Set<string>; phrases: Map<string, string>; longest: number; unspaced: boolean }

const compiled = new WeakMap<LanguageLexicon, Compiled>();

function compile(lex: LanguageLexicon): Compiled {
  const done = compiled.get(lex);
  if (done) return done;
  const norm = NORMALISERS[lex.normalise] ?? NORMALISERS.none;
  const phrases = new Map<string, string>();
  let longest = 1;
  for (const [key, english] of Object.entries(lex.entries)) {
    for (const variant of key.split('|')) {
      const ws = words(fold(variant), true).map(norm);
      if (!ws.length) continue;
      longest = Math.max(longest, ws.length);
      phrases.set(ws.join(' '), english);
    }
  }
  const stop = new Set(words(fold(lex.stopwords), true).map(norm));
  const c = { stop, phrases, longest, unspaced: lex.normalise === 'none' && ['zh', 'ja'].includes(lex.language) };
  compiled.set(lex, c);
  return c;
}

export interface Translation {
  /** The English words, in the order of the text. */
  english: string;
  /** How many of the text's content words the lexicon knew (share, 0 to 1). */
  coverage: number;
}

/** English words that join or qualify rather than name: they end a run of words. */
const FUNCTION_WORDS = /^(for|with|without|by|in|on|of|and|or|to|from|made of|based on)$/;

/** The text in English words, as far as the lexicon knows them. */
export function translate(text: string, lex: LanguageLexicon): Translation {
  const { stop, phrases, longest, unspaced } = compile(lex);
  const norm = NORMALISERS[lex.normalise] ?? NORMALISERS.none;
  const raw = words(fold(text), true);
  const ws = raw.map(norm);
  const pieces: { text: string; content: boolean }[] = [];
  let known = 0; let content = 0;
  for (let i = 0; i < ws.length;) {
    let matched = 0;
    for (let n = Math.min(longest, ws.length - i); n >= 1; n--) {
      const english = phrases.get(ws.slice(i, i + n).join(' '));
      if (english !== undefined) { pieces.push({ text: english, content: !FUNCTION_WORDS.test(english) }); matched = n; break; }
    }
    if (matched) { known += matched; content += matched; i += matched; continue; }
    if (!stop.has(ws[i]) && !stop.has(raw[i]) && (raw[i].length > 1 || unspaced)) {
      content++;
      // A lone Han or kana character the lexicon does not know says little on its own.
      if (!(unspaced && raw[i].length === 1)) pieces.push({ text: raw[i], content: true });
    }
    i++;
  }
  if (lex.headFirst) {
    // Each run of naming words in English order: 'sacs (en) cuir' is 'leather bags'.
    for (let i = 0; i < pieces.length;) {
      let j = i;
      while (j < pieces.length && pieces[j].content) j++;
      if (j - i > 1) pieces.splice(i, j - i, ...pieces.slice(i, j).reverse());
      i = j + 1;
    }
  }
  return { english: pieces.map((p) => p.text).join(' '), coverage: content ? known / content : 0 };
}
