// Text folded for matching, in any script: compatibility-decomposed, accents and other combining marks
// removed, lower case; then split into words (letters and digits). Queries and reference texts go
// through the same function, so a lexicon written with accents matches text typed without them.

const LIGATURES: Record<string, string> = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i' };

export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => LIGATURES[c])
    // Arabic: the forms of alif, ta marbuta and alif maqsura written either way.
    .replace(/[\u0622\u0623\u0625]/g, '\u0627').replace(/\u0629/g, '\u0647').replace(/\u0649/g, '\u064a')
    .replace(/\u0640/g, '');
}

/** Scripts written without spaces between words: segmented by the lexicon's longest matches, a character at a time otherwise. */
export const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * The words of a folded text, in order. A single letter joined by a hyphen to a word is one word with it
 * ('t-shirt', 'e-bike'); other hyphens and apostrophes separate words; single letters are dropped. Han
 * and kana characters come one a word (a lexicon joins them again into its phrases). Single letters are
 * kept on request (a lexicon of a language whose 'and' is one letter).
 */
export function words(folded: string, keepSingleLetters = false): string[] {
  const joined = folded.replace(/(^|[^\p{L}\p{N}])(\p{L})[-‐‑](?=\p{L}{2})/gu, '$1$2');
  const out: string[] = [];
  for (const m of joined.matchAll(/[\p{L}\p{N}]+/gu)) {
    const w = m[0];
    if (UNSPACED.test(w)) {
      // Runs of Han or kana characters split per character; letters of other scripts inside stay together.
      for (const part of w.match(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+/gu) ?? []) out.push(part);
    } else if (keepSingleLetters || w.length > 1 || /\d/.test(w)) out.push(w);
  }
  return out;
}
