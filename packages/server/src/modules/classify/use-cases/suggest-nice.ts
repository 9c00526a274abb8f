// Nice classes for an applicant's own description of goods or services, with the official terms to use
// instead. A text classifier over the official texts of the classification (every term, the class
// headings and explanatory notes), built once in memory on first use:
//  1. a description in another language is read into English through that language's lexicon;
//  2. everyday phrases add the official wording they stand for (data/nice-paraphrases.en.json);
//  3. the description's words, stemmed ('not', 'non' kept with the word they deny), and pairs of
//     neighbouring words, weighted (the head noun of each item above its other words, what follows 'for',
//     'to' ... below), are matched against every official text (BM25; a match counts more when the
//     description holds the whole official text and its head noun), the best matches gathered per
//     class, and against each class's vocabulary as a whole (language model); see text/ranker.ts;
//  4. words that say service or goods (data/nice-cues.json) move the services classes up or down;
//  5. the classes come best first, each with its closest official terms of the edition in force.
import { readdirSync, readFileSync } from 'node:fs';
import { DomainError } from '../../../kernel/errors.ts';
import { featuresOf, tokensOf, TAIL_CUTS, STOPWORDS } from '../text/analyse.ts';
import { fold, words } from '../text/fold.ts';
import { compileParaphrases, expand, type CompiledParaphrases, type ParaphraseLexicon } from '../text/paraphrases.ts';
import { bestDocs, LabelRanker, rankLabels, softmax, type Features, type LabelQuery, type RankDoc } from '../text/ranker.ts';
import { stem } from '../text/stem.ts';
import { translate, type LanguageLexicon } from '../text/translate.ts';
import { checkText, limitOf, NICE_TEXT_MAX, round3 } from '../input.ts';
import { niceSources, type NiceTextKind } from '../sources.ts';

export type NiceKind = 'goods' | 'services';
const kindOf = (classNumber: number): NiceKind => (classNumber <= 34 ? 'goods' : 'services');

export interface NiceSuggestRequest { text: string; language: string; limit?: number }
export interface NiceTermSuggestion { term: string; basicNumber: string; score: number }
export interface NiceSuggestion { classNumber: number; score: number; kind: NiceKind; heading: string; terms: NiceTermSuggestion[] }

/** The weights of the classifier (chosen on the development sets of bench/data/nice-suggest). */
export interface NiceParams {
  tailWeight: number; pairWeight: number; headWeight: number;
  /** A match counts (1 - coverage) + coverage * share of the official text the description contains: whole terms count most. */
  coverage: number;
  /** A match whose official text's head noun the description lacks counts (1 - headMiss); half that when the description has it but not as its head. */
  headMiss: number;
  k1: number; b: number; lambda: number;
  perClass: number; decay: number;
  docsWeight: number; modelWeight: number;
  cueWeight: number;
  /** How much each kind of text counts in its class's vocabulary. */
  poolWeights: Record<NiceTextKind, number>;
  /** How much a match on each kind of text counts against a match on an official term. */
  matchWeights: Record<NiceTextKind, number>;
  temperature: number;
  termsPerClass: number;
}

export const NICE_PARAMS: NiceParams = {
  tailWeight: 0.6, pairWeight: 0.6, headWeight: 1.3,
  coverage: 0.4, headMiss: 0.6,
  k1: 1.2, b: 0.4, lambda: 0.3,
  perClass: 3, decay: 0.5,
  docsWeight: 1, modelWeight: 0.6,
  cueWeight: 0.5,
  poolWeights: { term: 1, 'term-13': 1, heading: 3, note: 2 },
  matchWeights: { term: 1, 'term-13': 1, heading: 1, note: 0.8 },
  temperature: 0.15,
  termsPerClass: 5,
};

export interface NiceCues { services: Record<string, number>; goods: Record<string, number> }

export interface NiceSuggesterData {
  paraphrases: ParaphraseLexicon;
  cues: NiceCues;
  /** Lexicons of the languages other than English, by code. */
  languages: Map<string, LanguageLexicon>;
}

interface DocMeta { kind: NiceTextKind; classNumber: number; term?: string; basicNumber?: string }

const dataDir = new URL('../data/', import.meta.url);
const readJson = (url: URL) => JSON.parse(readFileSync(url, 'utf8'));

/** The shipped lexicons and cues. */
export function shippedNiceData(): NiceSuggesterData {
  const languages = new Map<string, LanguageLexicon>();
  for (const f of readdirSync(new URL('languages/', dataDir)).filter((n) => n.endsWith('.json')).sort()) {
    const lex = readJson(new URL(`languages/${f}`, dataDir)) as LanguageLexicon;
    languages.set(lex.language, lex);
  }
  return { paraphrases: readJson(new URL('nice-paraphrases.en.json', dataDir)), cues: readJson(new URL('nice-cues.json', dataDir)), languages };
}

export class NiceSuggester {
  private readonly ranker: LabelRanker<DocMeta>;
  private readonly paraphrases: CompiledParaphrases;
  private readonly serviceCues = new Map<string, number>();
  private readonly goodsCues = new Map<string, number>();
  private readonly headings = new Map<number, string>();

  constructor(private readonly data: NiceSuggesterData, readonly params: NiceParams = NICE_PARAMS) {
    const { texts, classes } = niceSources();
    for (const c of classes) this.headings.set(c.classNumber, c.heading);
    const docs: RankDoc<DocMeta>[] = texts.map((t) => {
      const tokens = tokensOf(t.text);
      return {
        label: String(t.classNumber),
        features: featuresOf(tokens, { pairWeight: 1 }),
        heads: tokens.filter((k) => k.head).map((k) => k.stem),
        weight: params.poolWeights[t.kind],
        meta: { kind: t.kind, classNumber: t.classNumber, ...(t.kind === 'term' ? { term: t.text, basicNumber: t.basicNumber } : {}) },
      };
    });
    this.ranker = new LabelRanker(docs, { k1: params.k1, b: params.b, lambda: params.lambda });
    this.paraphrases = compileParaphrases(data.paraphrases);
    for (const [table, into] of [[data.cues.services, this.serviceCues], [data.cues.goods, this.goodsCues]] as const) {
      for (const [w, s] of Object.entries(table)) for (const t of words(fold(w))) into.set(stem(t), Math.max(into.get(stem(t)) ?? 0, s));
    }
  }

  /** The languages descriptions may be written in: English and those with a lexicon. */
  languages(): string[] { return ['en', ...[...this.data.languages.keys()].sort()]; }

  /** The description in English words (English as it is). */
  english(text: string, language: string): string {
    if (language === 'en') return text;
    const lex = this.data.languages.get(language);
    if (!lex) throw new DomainError('LANGUAGE_NOT_SUPPORTED', `Descriptions in '${language}' cannot be read; the languages read are ${this.languages().join(', ')}`, 422, { field: 'language', language, supported: this.languages() });
    return translate(text, lex).english;
  }

  /** The weighted features of an English description, and how strongly it says services or goods. */
  analyse(english: string): { features: Features; heads: Set<string>; services: number; goods: number; matched: string[] } {
    const p = this.params;
    const all = tokensOf(english, { tailWeight: p.tailWeight, headWeight: p.headWeight });
    const { added, matched, replaced } = expand(all, this.paraphrases);
    const tokens = all.filter((_, i) => !replaced.has(i));
    // An item that starts with what is done ('publishing online magazines', 'repairing bikes') is that service.
    for (const t of tokens) {
      if (t.first && !t.head && (this.serviceCues.get(t.stem) ?? 0) >= 0.5) { t.head = true; t.weight *= p.headWeight; }
    }
    const features = featuresOf(tokens, { pairWeight: p.pairWeight });
    featuresOf(added, { pairWeight: p.pairWeight }, features);
    const heads = new Set([...tokens, ...added].filter((t) => t.head).map((t) => t.stem));
    // Cues read every word, function words too ('for others'), at the weight of where they stand.
    let services = 0; let goods = 0; let weight = 1; let seen = false;
    for (const w of words(fold(english))) {
      if (seen && TAIL_CUTS.has(w)) weight = p.tailWeight;
      if (!STOPWORDS.has(w)) seen = true;
      const s = stem(w);
      services = Math.max(services, (this.serviceCues.get(s) ?? this.serviceCues.get(w) ?? 0) * weight);
      goods = Math.max(goods, (this.goodsCues.get(s) ?? this.goodsCues.get(w) ?? 0) * weight);
    }
    return { features, heads, services, goods, matched };
  }

  /** Classes ranked for the query, with their raw scores (services classes moved by the cues). */
  rank(q: LabelQuery, services = 0, goods = 0): { classNumber: number; score: number }[] {
    const p = this.params; const r = this.ranker;
    const cue = services - goods;
    return rankLabels(r, q, { ...p, perLabel: p.perClass, docWeight: (d) => p.matchWeights[r.docs[d].meta.kind] })
      .map(({ label, score }) => {
        const classNumber = Number(label);
        return { classNumber, score: score * Math.max(0.2, 1 + p.cueWeight * (kindOf(classNumber) === 'services' ? cue : -cue)) };
      })
      .sort((a, b) => b.score - a.score || a.classNumber - b.classNumber);
  }

  /** The official terms of a class closest to the query, best first, scored against `best`. */
  terms(q: LabelQuery, classNumber: number, best: number): NiceTermSuggestion[] {
    const l = this.ranker.labelNumber(String(classNumber));
    if (l === undefined) return [];
    return bestDocs(this.ranker, q, this.params, this.params.termsPerClass, (d) => this.ranker.labelOf[d] === l && this.ranker.docs[d].meta.kind === 'term').map((h) => {
      const m = this.ranker.docs[h.doc].meta;
      return { term: m.term!, basicNumber: m.basicNumber!, score: round3(Math.min(1, h.score / best)) };
    });
  }

  suggest(req: NiceSuggestRequest): { suggestions: NiceSuggestion[] } {
    const text = checkText(req.text, NICE_TEXT_MAX, 'goods or services');
    const language = (req.language ?? 'en').trim().toLowerCase().split(/[-_]/)[0];
    const english = this.english(text, language);
    const { features, heads, services, goods } = this.analyse(english);
    const q = { features, heads };
    const ranked = this.rank(q, services, goods);
    if (!ranked.length) return { suggestions: [] };
    const shares = softmax(ranked.map((c) => c.score), this.params.temperature);
    const best = bestDocs(this.ranker, q, this.params, 1, (d) => this.ranker.docs[d].meta.kind === 'term')[0]?.score || 1;
    return {
      suggestions: ranked.slice(0, limitOf(req.limit)).map((c, i) => ({
        classNumber: c.classNumber,
        score: round3(shares[i]),
        kind: kindOf(c.classNumber),
        heading: this.headings.get(c.classNumber) ?? '',
        terms: this.terms(q, c.classNumber, best),
      })),
    };
  }
}

let shipped: NiceSuggester | null = null;

/** The suggester of the shipped data, built on first use (about a second) and kept. */
export function niceSuggester(): NiceSuggester {
  shipped ??= new NiceSuggester(shippedNiceData());
  return shipped;
}

/** POST /classification/nice/suggest. */
export function suggestNiceClasses(req: NiceSuggestRequest) {
  return niceSuggester().suggest(req);
}
