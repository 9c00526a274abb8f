// A mark's text as the comparisons read it: one Latin spelling of every script the office searches
// (Cyrillic, Greek and Arabic transliterated letter by letter, Chinese as toneless pinyin), lower case,
// without accents, invisible characters or punctuation, split into words; and the look-alike
// spelling, where letters and digits that are confused by eye fold together (rn/m, 0/o, 1/l, Cyrillic
// and Greek capitals that look Latin).
import { pinyin } from 'pinyin-pro';
import { DomainError } from '../../../kernel/errors.ts';

import { SCRIPTS, type Script } from './scripts.ts';

export { SCRIPTS, type Script };

export interface NormalizedMark {
  /** The Latin reading, words separated by one space: 'sun cola'. */
  latin: string;
  /** The words of the Latin reading. */
  words: string[];
  /** The scripts the text was written in (digits and punctuation belong to none). */
  scripts: Script[];
}

// Zero-width characters, bidirectional controls, soft hyphens, variation selectors: invisible, so no part of a mark.
const INVISIBLE = /[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/g;

const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', е: 'e', ё: 'yo', ж: 'zh', з: 'z', и: 'i', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n',
  о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '',
  э: 'e', ю: 'yu', я: 'ya', і: 'i', ї: 'yi', є: 'ye', ґ: 'g', ў: 'u', ј: 'j', љ: 'lj', њ: 'nj', ћ: 'c', ђ: 'dj', џ: 'dz', ѕ: 'dz',
};
const GREEK: Record<string, string> = {
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o',
  π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};
// Arabic letters by their usual Latin transcription; short vowels are not written, long ones are.
const ARABIC: Record<string, string> = {
  'ا': 'a', 'أ': 'a', 'إ': 'i', 'آ': 'a', 'ٱ': 'a', 'ء': '', 'ب': 'b', 'ت': 't', 'ث': 'th', 'ج': 'j', 'ح': 'h', 'خ': 'kh',
  'د': 'd', 'ذ': 'dh', 'ر': 'r', 'ز': 'z', 'س': 's', 'ش': 'sh', 'ص': 's', 'ض': 'd', 'ط': 't', 'ظ': 'z', 'ع': '', 'غ': 'gh',
  'ف': 'f', 'ق': 'q', 'ك': 'k', 'ل': 'l', 'م': 'm', 'ن': 'n', 'ه': 'h', 'و': 'w', 'ؤ': 'u', 'ي': 'y', 'ى': 'a', 'ئ': 'y',
  'ة': 'a', 'پ': 'p', 'چ': 'ch', 'ژ': 'zh', 'گ': 'g', 'ک': 'k', 'ی': 'y', 'ڤ': 'v',
  'َ': 'a', 'ُ': 'u', 'ِ': 'i', 'ً': 'an', 'ٌ': 'un', 'ٍ': 'in', 'ْ': '', 'ّ': '', 'ـ': '',
};
// Arabic-Indic and Persian digits.
const DIGITS = '٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹';

/** Cyrillic and Greek letters that look like Latin ones: read by eye, 'РУМА' is 'PYMA'. */
const LOOKALIKE: Record<string, string> = {
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ј: 'j', ѕ: 's',
  α: 'a', β: 'b', ε: 'e', η: 'h', ι: 'i', κ: 'k', μ: 'm', ν: 'v', ο: 'o', ρ: 'p', τ: 't', υ: 'u', χ: 'x', ζ: 'z',
};

export function scriptOf(ch: string): Script | 'digit' | 'other' | null {
  const c = ch.codePointAt(0)!;
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0xe0 && c <= 0x24f) || (c >= 0x1e00 && c <= 0x1eff)) return 'Latin';
  if (c >= 0x30 && c <= 0x39) return 'digit';
  if (c >= 0x400 && c <= 0x52f) return 'Cyrillic';
  if ((c >= 0x370 && c <= 0x3ff) || (c >= 0x1f00 && c <= 0x1fff)) return 'Greek';
  if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfdff) || (c >= 0xfe70 && c <= 0xfeff)) return 'Arabic';
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2fa1f)) return 'Han';
  if (/[\p{L}\p{M}]/u.test(ch)) return 'other';
  if (/\p{N}/u.test(ch)) return 'digit';
  return null;
}

/** The name of a script the office did not configure, for the refusal: Unicode's own script property. */
function scriptName(ch: string): string {
  for (const s of ['Hebrew', 'Thai', 'Devanagari', 'Bengali', 'Tamil', 'Hangul', 'Hiragana', 'Katakana', 'Georgian', 'Armenian', 'Ethiopic', 'Khmer', 'Lao', 'Myanmar', 'Tibetan', 'Mongolian', 'Sinhala', 'Gujarati', 'Gurmukhi', 'Kannada', 'Malayalam', 'Telugu', 'Oriya']) {
    if (new RegExp(`\\p{Script=${s}}`, 'u').test(ch)) return s;
  }
  return 'unknown';
}

export class UnsupportedScriptError extends DomainError {
  constructor(script: string, configured: readonly Script[]) {
    super('SCRIPT_NOT_SUPPORTED', `The office does not search marks written in the ${script} script (it searches ${configured.join(', ')})`, 422,
      { script, configured: [...configured] });
  }
}

/**
 * The Latin reading of a mark. `scripts`: those the office searches; a letter of any other script is
 * refused (UnsupportedScriptError), never silently dropped, since the search would then compare a part of the mark.
 */
export function normalizeMark(text: string, scripts: readonly Script[] = SCRIPTS): NormalizedMark {
  const seen = new Set<Script>();
  // NFKC folds full-width forms, ligatures and compatibility letters; NFD then splits off accents.
  let s = text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
  // Symbols written for letters inside a word: CA$H, L@B, €URO.
  if (/[$@€]/.test(s)) s = s.replace(/(?<=\p{L})\$|\$(?=\p{L})/gu, 's').replace(/(?<=\p{L})@|@(?=\p{L})/gu, 'a').replace(/€(?=\p{L})/gu, 'e');
  let out = '';
  let han = '';
  const flushHan = () => {
    if (!han) return;
    out += pinyin(han, { toneType: 'none', type: 'array', nonZh: 'removed' }).join('');
    han = '';
  };
  for (const ch of s) {
    const script = scriptOf(ch);
    if (script === 'Han') {
      if (!scripts.includes('Han')) throw new UnsupportedScriptError('Han', scripts);
      seen.add('Han');
      han += ch;
      continue;
    }
    flushHan();
    // Punctuation and symbols separate words; '&' and '+' read as 'and'.
    if (script === null) { out += ch === '&' || ch === '+' ? ' and ' : ' '; continue; }
    if (script === 'digit') {
      const i = DIGITS.indexOf(ch);
      out += i >= 0 ? String(i % 10) : /[0-9]/.test(ch) ? ch : String(Number.parseInt(ch.normalize('NFKD'), 10) || '');
      continue;
    }
    if (script === 'other') {
      // Combining marks that NFKC left (accents on Cyrillic letters, Arabic vowel signs) are no letters of their own.
      if (/\p{M}/u.test(ch) && !(ch in ARABIC)) continue;
      throw new UnsupportedScriptError(scriptName(ch), scripts);
    }
    if (!scripts.includes(script)) throw new UnsupportedScriptError(script, scripts);
    seen.add(script);
    if (script === 'Latin') out += ch.normalize('NFD').replace(/\p{M}/gu, '').replace('ß', 'ss').replace('æ', 'ae').replace('œ', 'oe').replace('ø', 'o').replace('ł', 'l').replace('đ', 'd').replace('þ', 'th');
    else if (script === 'Cyrillic') out += CYRILLIC[ch] ?? '';
    else if (script === 'Greek') out += GREEK[ch.normalize('NFD').replace(/\p{M}/gu, '')] ?? '';
    else out += ARABIC[ch] ?? '';
  }
  flushHan();
  const words = out.split(/[^a-z0-9]+/).filter(Boolean);
  return { latin: words.join(' '), words, scripts: [...seen] };
}

/** How a mark looks, in Latin letters: Cyrillic and Greek look-alikes taken for the Latin letter they resemble. */
export function lookalikeLatin(text: string): string | null {
  const s = text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
  let changed = false;
  let out = '';
  for (const ch of s) {
    const l = LOOKALIKE[ch];
    if (l) { out += l; changed = true; } else out += ch;
  }
  return changed ? out : null;
}

// Pairs and letters confused by eye, folded to one spelling: 'rn' reads as 'm', '0' as 'o', '1', 'i' and 'l' alike.
const VISUAL: [RegExp, string][] = [
  [/rn/g, 'm'], [/vv/g, 'w'], [/cl(?=[aeiou])/g, 'd'], [/0/g, 'o'], [/[1il|!]/g, 'l'], [/5/g, 's'], [/\$/g, 's'],
  [/8/g, 'b'], [/3/g, 'e'], [/4/g, 'a'], [/@/g, 'a'], [/7/g, 't'], [/9/g, 'g'], [/6/g, 'b'], [/2/g, 'z'], [/q/g, 'g'],
];

/** The look-alike skeleton of a Latin reading (its words run together): what the eye takes in. */
export function visualSkeleton(latin: string): string {
  let s = latin.replace(/ /g, '');
  for (const [re, to] of VISUAL) s = s.replace(re, to);
  return s;
}
