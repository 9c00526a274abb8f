// The likelihood of confusion between two word marks, as a score from 0 to 1 with the reasons for it:
// the marks compared as a whole by spelling (look-alike letters folded) and by sound (Editex, the
// alignment of phonemes, Double Metaphone), word by word for a shared dominant element (a distinctive
// word one mark takes from the other, whatever descriptive words surround it, in any order), and by
// meaning through the office's multilingual lexicon; non-Latin scripts read in Latin letters. The
// goods and services then weigh the result: the same class above a related class above an unrelated one.
import { damerauSimilarity, editexSimilarity, jaroWinkler, substringDistance } from './measures.ts';
import { descriptiveFor, singular } from './lexicon.ts';
import { lookalikeLatin, normalizeMark, visualSkeleton, type Script } from './normalize.ts';
import { metaphone, phonemeCodes, phonemesOfText, phoneticAlignment, type PhoneticLanguage } from './phonemes.ts';
import type { Lexicon } from './lexicon.ts';

export interface PreparedMark {
  text: string;
  latin: string;
  words: string[];
  scripts: Script[];
  /** The words that can make the mark distinctive (all its words when none can). */
  distinct: string[];
  fused: string;
  visual: string;
  /** How the mark reads by eye when it mixes in Cyrillic or Greek letters that look Latin. */
  lookalike: string | null;
  codes: string[];
  wordCodes: string[][];
  phonemes: Uint8Array;
  /** The phonemes as read in each of the office's languages (SEARCH_LANGUAGES), in the lexicon's order. */
  languagePhonemes: Uint8Array[];
  /** The look-alike skeleton of each distinctive word. */
  distinctVisual: string[];
  /** Concept -> the word of this mark that expresses it. */
  concepts: Map<string, string>;
}

/** A pinyin word respelt as it sounds to a reader of European spelling: QIAODAN as CHIAODAN. */
function pinyinSpoken(w: string): string {
  return w.replace(/zh/g, 'j').replace(/q/g, 'ch').replace(/x/g, 'sh').replace(/c(?!h)/g, 'ts').replace(/ui/g, 'uei').replace(/iu/g, 'iou');
}

/** The concepts a word expresses, found also from its plural (SOLES, DIAS, STARS). */
function conceptsOf(w: string, lex: Lexicon): string[] {
  const found = lex.concepts.get(w);
  if (found || w.length < 4) return found ?? [];
  return lex.concepts.get(w.replace(/e?s$/, '')) ?? lex.concepts.get(w.replace(/s$/, '')) ?? [];
}

/**
 * A mark ready to compare. `writtenIn`: when `text` is already a mark's Latin reading (the search index
 * keeps readings), the scripts the mark itself is written in, which decide how its reading sounds.
 */
export function prepareMark(text: string, lex: Lexicon, scripts?: readonly Script[], writtenIn?: readonly Script[]): PreparedMark {
  // A stored reading is already normalized (lower-case letters and digits, one space between words).
  const n = writtenIn ? { latin: text, words: text ? text.split(' ') : [], scripts: [...writtenIn] } : normalizeMark(text, scripts);
  // Pinyin is spelt by its own rules (q, x, zh, c): a Chinese mark is heard as pinyin reads.
  const heard = n.scripts.includes('Han') ? n.words.map(pinyinSpoken).join(' ') : n.latin;
  const strong = n.words.filter((w) => !lex.weak.has(w) && !/^\d+$/.test(w));
  const distinct = strong.length ? strong : n.words;
  const fused = n.words.join('');
  const look = n.scripts.some((s) => s === 'Cyrillic' || s === 'Greek') ? lookalikeLatin(text) : null;
  const concepts = new Map<string, string>();
  for (const w of n.words) for (const c of conceptsOf(w, lex)) if (!concepts.has(c)) concepts.set(c, w);
  // Two adjacent words may form one lexicon entry (written apart in one language, together in another).
  for (let i = 0; i + 1 < n.words.length; i++) for (const c of lex.concepts.get(n.words[i] + n.words[i + 1]) ?? []) if (!concepts.has(c)) concepts.set(c, n.words[i] + n.words[i + 1]);
  return {
    text, latin: n.latin, words: n.words, scripts: n.scripts, distinct, fused, visual: visualSkeleton(n.latin),
    lookalike: look ? visualSkeleton(look.split(/[^a-z0-9]+/).filter(Boolean).join(' ')) : null,
    codes: metaphone(fused), wordCodes: distinct.map((w) => metaphone(w)), phonemes: phonemeCodes(phonemesOfText(heard)), languagePhonemes: (lex.languages ?? []).map((l) => phonemeCodes(phonemesOfText(heard, l))), concepts, distinctVisual: distinct.map(visualSkeleton),
  };
}

export type Relation = 'identical-class' | 'related-class' | 'unrelated';
/** How goods and services weigh a similarity: confusion needs similar marks *and* similar goods. */
export const GOODS_WEIGHT: Record<Relation, number> = { 'identical-class': 1, 'related-class': 0.88, unrelated: 0.7 };

export function goodsRelation(query: readonly number[], mark: readonly number[], lex: Lexicon): { relation: Relation; classes: number[] } {
  const same = mark.filter((c) => query.includes(c));
  if (same.length) return { relation: 'identical-class', classes: same };
  const related = mark.filter((c) => query.some((q) => lex.related.get(q)?.has(c)));
  if (related.length) return { relation: 'related-class', classes: related };
  return { relation: 'unrelated', classes: [] };
}

export interface Why {
  /** The measures that fired (0.75 or more), strongest first. */
  fired: ('identical' | 'spelling' | 'sound' | 'dominant' | 'wordOrder' | 'meaning')[];
  spelling: number;
  sound: number;
  soundCode?: string;
  dominant?: { query: string; mark: string; similarity: number };
  wordOrder?: boolean;
  meaning?: { concept: string; query: string; mark: string };
  transliteration?: { query: Script[]; mark: Script[] };
  lookalike?: boolean;
  goods?: { relation: Relation; classes: number[] };
}

export interface Comparison { score: number; textScore: number; why: Why }

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * What the same Double Metaphone code is worth: a short code is shared by many words that do not sound
 * alike (two consonants: GALLO and GOUL), a long one rarely.
 */
function codeCredit(ca: readonly string[], cb: readonly string[]): number {
  let best = 0;
  for (const c of ca) if (c.length >= 2 && cb.includes(c)) best = Math.max(best, c.length >= 4 ? 0.88 : c.length === 3 ? 0.82 : 0.74);
  return best;
}

/** Similarity of two single words by eye or by ear. */
function wordSimilarity(a: string, b: string, va: string, vb: string, ca: string[], cb: string[]): number {
  if (a === b) return 1;
  if (singular(a) === singular(b)) return 0.97;
  const spell = Math.max(damerauSimilarity(va, vb), 0.5 * damerauSimilarity(a, b) + 0.5 * jaroWinkler(a, b));
  const sound = Math.max(editexSimilarity(a, b), codeCredit(ca, cb));
  return Math.max(spell, sound);
}

export function compareMarks(q: PreparedMark, m: PreparedMark, goods?: { query: readonly number[]; mark: readonly number[]; lex: Lexicon }): Comparison {
  const why: Why = { fired: [], spelling: 0, sound: 0 };
  if (q.fused === m.fused && q.fused) {
    why.spelling = 1; why.sound = 1; why.fired.push('identical');
    return finish(1, why, q, m, goods);
  }
  // Spelling: the whole marks by eye, look-alike letters folded, the beginning weighing more (Jaro-Winkler).
  const looks: [string, string][] = [[q.visual, m.visual]];
  if (q.lookalike) looks.push([q.lookalike, m.visual]);
  if (m.lookalike) looks.push([q.visual, m.lookalike]);
  let spelling = 0;
  for (const [a, b] of looks) {
    const s = 0.6 * damerauSimilarity(a, b) + 0.4 * jaroWinkler(a, b);
    if (s > spelling) { spelling = s; why.lookalike = a !== q.visual || b !== m.visual || undefined; }
  }
  if (!why.lookalike) delete why.lookalike;
  why.spelling = round(spelling);

  // Sound: the whole marks by ear.
  let sound = Math.max(editexSimilarity(q.fused, m.fused), phoneticAlignment(q.phonemes, m.phonemes));
  // As heard by speakers of each of the office's languages.
  for (let i = 0; i < q.languagePhonemes.length && i < m.languagePhonemes.length; i++) {
    sound = Math.max(sound, phoneticAlignment(q.languagePhonemes[i], m.languagePhonemes[i]));
  }
  const code = q.codes.filter((c) => c.length >= 2 && m.codes.includes(c)).sort((a, b) => b.length - a.length)[0];
  if (code) { sound = Math.max(sound, codeCredit([code], [code]) + 0.02); why.soundCode = code; }
  why.sound = round(sound);

  // The same words in another order.
  let order = 0;
  if (q.words.length > 1 && m.words.length === q.words.length && [...q.words].sort().join(' ') === [...m.words].sort().join(' ')) {
    order = 0.95; why.wordOrder = true;
  }

  // A shared dominant element: the best pair of distinctive words (or the whole of one mark found in the
  // other), worth more the more of the shorter mark it makes up. A word that merely names the goods or
  // services of the classes compared (PAPER for paper, GRILL for a restaurant) dominates nothing.
  let dominant = 0;
  const shortLen = Math.min(q.fused.length, m.fused.length) || 1;
  const classes = goods ? [...goods.query, ...goods.mark] : [];
  const describes = (w: string) => classes.length > 0 && descriptiveFor(w, classes, goods!.lex);
  let sharedLen = 0, sharedWords = 0;
  const used = new Set<number>();
  for (let i = 0; i < q.distinct.length; i++) {
    const a = q.distinct[i];
    if (a.length < 2) continue;
    let bestHere = 0, bestJ = -1;
    for (let j = 0; j < m.distinct.length; j++) {
      const b = m.distinct[j];
      // Two-letter words count only when they are the same (ML and ML MARK LEES).
      if (b.length < 2 || ((a.length < 3 || b.length < 3) && a !== b)) continue;
      const sim = wordSimilarity(a, b, q.distinctVisual[i], m.distinctVisual[j], q.wordCodes[i], m.wordCodes[j]);
      if (sim < 0.75) continue;
      if (a === b && describes(a)) continue;
      if (sim > bestHere) { bestHere = sim; bestJ = j; }
      const cover = Math.min(1, Math.max(a.length, b.length) / shortLen);
      const v = sim * (0.68 + 0.27 * cover);
      if (v > dominant) { dominant = v; why.dominant = { query: a, mark: b, similarity: round(sim) }; }
    }
    if (bestHere >= 0.85 && !used.has(bestJ)) { used.add(bestJ); sharedWords++; sharedLen += Math.min(a.length, m.distinct[bestJ].length) * bestHere; }
  }
  // Several distinctive words in common (LONE STAR CAFE / LONE STAR GRILL): the share of the words they hold.
  if (sharedWords >= 2) {
    const total = Math.max(q.distinct.join('').length, m.distinct.join('').length) || 1;
    const v = 0.6 + 0.38 * Math.min(1, sharedLen / total);
    if (v > dominant) dominant = v;
  }
  // One mark run together inside the other (MEZZOPANE in MEZZOPANEBIO): four letters or more anywhere,
  // three at the beginning or the end (SKY in SKYKICK); or nearly inside, a letter or two apart
  // (SPECSAVERS in BE A REAL SPEC SAVER AT ASDA).
  const [short, long] = q.fused.length <= m.fused.length ? [q.fused, m.fused] : [m.fused, q.fused];
  if (short !== long) {
    let v = 0;
    if (short.length >= 4 ? long.includes(short) : short.length === 3 && (long.startsWith(short) || long.endsWith(short))) {
      v = 0.7 + 0.25 * Math.sqrt(short.length / long.length);
    } else if (short.length === 2 && long.startsWith(short)) {
      // Two letters beginning a longer mark (NL and NLSPORT): a weaker sign than a word.
      v = 0.6 + 0.2 * Math.sqrt(short.length / long.length);
    } else if (short.length >= 6) {
      const d = substringDistance(short, long);
      if (d <= Math.floor(short.length / 6)) v = (1 - d / short.length) * (0.7 + 0.25 * Math.sqrt(short.length / long.length));
    }
    if (v > dominant) { dominant = v; why.dominant = { query: q.fused, mark: m.fused, similarity: round(v) }; }
  }

  // Meaning: a concept both marks express, in any of the lexicon's languages.
  let meaning = 0;
  for (const [concept, qw] of q.concepts) {
    const mw = m.concepts.get(concept);
    if (!mw) continue;
    const cover = Math.min(1, Math.min(qw.length / (q.fused.length || 1), mw.length / (m.fused.length || 1)) * 1.25);
    const v = 0.7 + 0.2 * cover;
    if (v > meaning) { meaning = v; why.meaning = { concept, query: qw, mark: mw }; }
  }

  const measures: [Why['fired'][number], number][] = [['spelling', spelling], ['sound', sound], ['dominant', dominant], ['wordOrder', order], ['meaning', meaning]];
  measures.sort((a, b) => b[1] - a[1]);
  why.fired = measures.filter(([, v]) => v >= 0.75).map(([k]) => k);
  // The strongest measure, and a little more where others agree with it.
  const [best, ...rest] = measures.map(([, v]) => v);
  const support = rest.filter((v) => v >= 0.7).reduce((s, v) => s + (v - 0.7), 0);
  const textScore = Math.min(0.99, best + 0.15 * support);
  return finish(textScore, why, q, m, goods);
}

function finish(textScore: number, why: Why, q: PreparedMark, m: PreparedMark, goods?: { query: readonly number[]; mark: readonly number[]; lex: Lexicon }): Comparison {
  if (q.scripts.some((s) => s !== 'Latin') || m.scripts.some((s) => s !== 'Latin')) {
    if (q.scripts.join() !== m.scripts.join()) why.transliteration = { query: q.scripts, mark: m.scripts };
  }
  let score = textScore;
  if (goods && goods.query.length) {
    why.goods = goodsRelation(goods.query, goods.mark, goods.lex);
    score *= GOODS_WEIGHT[why.goods.relation];
  }
  return { score: round(score), textScore: round(textScore), why };
}
