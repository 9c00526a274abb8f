// English text as weighted features for ranking: stems of the content words, and pairs of neighbouring
// content stems (order ignored, so 'car rental' meets 'rental of cars'). A description's head comes
// first ('app for booking yoga classes' is an app): the words after a word that introduces a purpose
// or context ('for', 'to', 'that' ...) weigh less than the head's.
import { fold, words } from './fold.ts';
import { stem } from './stem.ts';
import type { Features } from './ranker.ts';

export const STOPWORDS = new Set(`a about above across after again against all almost also although always am among an and another any anyone
anything are around as at be because been before being below besides between both but by can cannot could did do does doing done down during
each either else etc even ever every few for from further get gets getting give given gives go had has have having he her here hers herself him
himself his how however i if in including into is it its itself just least less like lot lots made main mainly make makes making many may me
might mine more most mostly much must my myself namely near need needs neither never no nor not now of off often on once one ones only onto or
other others otherwise our ours ourselves out over own per perhaps please plus quite rather really same several shall she should since so some
something sometimes such than that the their theirs them themselves then there therefore these they this those though through thus to together
too toward towards under until up upon us use used uses using usually very via was we well were what whatever when where whereas whether which
while who whom whose why will with within without would yet you your yours yourself yourselves e g eg ie i e etc namely especially particular
particularly various variety kind kinds type types range ranges sort sorts way ways lot also want wants let lets get got offer offers offering
offered provide provides provided providing sell sells selling sold`.split(/\s+/));

/** Words after which the text says what the thing is for or where it is used, not what it is. */
export const TAIL_CUTS = new Set(['for', 'to', 'that', 'which', 'who', 'so', 'in', 'at', 'from', 'on', 'across', 'through', 'via', 'using', 'when', 'where', 'while', 'whose', 'because', 'by', 'with', 'without']);
/** Function words a pair of content words may span ('rental of cars', 'bags for cameras'). */
const PAIR_SPAN = new Set(['of', 'for', 'the', 'a', 'an', 'to', 'with', 'in', 'on', 'made', 'from']);

export interface Token {
  /** The folded word as written. */
  word: string;
  /** Its stem ('' for a function word). */
  stem: string;
  /** Its weight: 1 in the head, less after a tail cut, more for the head noun; set by the caller for added words. */
  weight: number;
  /** Whether a pair may join it with the content word before it. */
  joins: boolean;
  /** Whether it is the head noun of its item (the last word of the item's first run of content words). */
  head?: boolean;
  /** Whether it is the first content word of its item. */
  first?: boolean;
}

export interface AnalyseOptions {
  /** Weight of the words after the first tail cut (1: no difference). */
  tailWeight?: number;
  /** Weight of a pair relative to its words (0: no pairs). */
  pairWeight?: number;
  /** Factor of the head noun of each item ('leather *wallets*', '*repair* of bicycles'; 1: no difference). */
  headWeight?: number;
}

/** Words and marks that separate the items of a list ('mugs and teapots', 'cups, plates'). */
const ITEM_BREAKS = new Set(['and', 'or', 'plus', 'nor']);

/** The tokens of an English text: content words stemmed and weighted, function words dropped. */
export function tokensOf(text: string, opts: AnalyseOptions = {}): Token[] {
  const tailWeight = opts.tailWeight ?? 1;
  const headWeight = opts.headWeight ?? 1;
  const out: Token[] = [];
  let weight = 1; let gap = 0; let seenContent = false;
  // 'IT' in capitals is information technology, not the pronoun.
  const items = fold(text.replace(/\bIT\b/g, 'information technology')).split(/[,;:.!?()\[\]{}/|•·\n&+]+/);
  for (const item of items) {
    // Each item of a list: its head is the last word of its first run of content words.
    let headDone = false; let lastInRun = -1; let startOfItem = true;
    const closeRun = () => {
      if (!headDone && lastInRun >= 0) { out[lastInRun].head = true; out[lastInRun].weight *= headWeight; }
      if (lastInRun >= 0) headDone = true;
      lastInRun = -1;
    };
    let negate = false; let prev = '';
    for (const w of words(item)) {
      // 'not of metal', 'non-electric', 'other than for medical purposes': the next word is negated.
      if (w === 'not' || w === 'non' || (w === 'than' && prev === 'other')) { negate = true; prev = w; continue; }
      prev = w;
      if (STOPWORDS.has(w)) {
        closeRun();
        if (ITEM_BREAKS.has(w)) { headDone = false; startOfItem = true; }
        if (seenContent && TAIL_CUTS.has(w)) weight = tailWeight;
        gap = PAIR_SPAN.has(w) && gap < 2 ? gap + 1 : 9;
        continue;
      }
      out.push({ word: w, stem: negate ? `not ${stem(w)}` : stem(w), weight, joins: seenContent && gap <= 2, ...(startOfItem ? { first: true } : {}) });
      negate = false;
      startOfItem = false;
      lastInRun = out.length - 1;
      seenContent = true; gap = 0;
    }
    closeRun();
    gap = 9;
  }
  return out;
}

const pairKey = (a: string, b: string) => (a < b ? `${a}+${b}` : `${b}+${a}`);

/** Features of tokens: each stem at the highest weight it has, plus pairs of neighbours at `pairWeight` times the lower of the two. */
export function featuresOf(tokens: Token[], opts: AnalyseOptions = {}, into: Features = new Map()): Features {
  const pairWeight = opts.pairWeight ?? 0.5;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.stem) continue;
    into.set(t.stem, Math.max(into.get(t.stem) ?? 0, t.weight));
    if (pairWeight > 0 && i > 0 && t.joins && tokens[i - 1].stem && tokens[i - 1].stem !== t.stem) {
      const k = pairKey(tokens[i - 1].stem, t.stem);
      into.set(k, Math.max(into.get(k) ?? 0, pairWeight * Math.min(t.weight, tokens[i - 1].weight)));
    }
  }
  return into;
}
