// IPC subclasses for a patent application's title and abstract. The same ranking as the Nice suggester
// (text/ranker.ts), over the IPC scheme: each subclass is known by its own title and the titles of all
// its groups (references to other places of the scheme left out: they name what the subclass does not
// cover). Today's words for things the scheme names otherwise ('drone', 'LED') add the scheme's wording
// (data/ipc-paraphrases.en.json). The closest group titles are gathered per subclass (BM25, with the
// head noun of the title first: 'jacket with heating elements' is a garment), and each subclass's
// vocabulary as a whole is matched too (language model). Built once in memory on first use.
import { readFileSync } from 'node:fs';
import { featuresOf, tokensOf } from '../text/analyse.ts';
import { compileParaphrases, expand, type CompiledParaphrases, type ParaphraseLexicon } from '../text/paraphrases.ts';
import { LabelRanker, rankLabels, softmax, type LabelQuery, type RankDoc } from '../text/ranker.ts';
import { checkText, IPC_TEXT_MAX, limitOf, round3 } from '../input.ts';
import { ipcSources, withoutReferences } from '../sources.ts';

export interface IpcSuggestRequest { text: string; limit?: number }
export interface IpcSuggestion {
  symbol: string;
  score: number;
  title: string;
  class: { symbol: string; title: string };
  section: { symbol: string; title: string };
}

/** The weights of the ranking (chosen on the development set of bench/data/nice-suggest/ipc-dev.json). */
export interface IpcParams {
  tailWeight: number; pairWeight: number; headWeight: number;
  coverage: number; headMiss: number;
  k1: number; b: number; lambda: number;
  perSubclass: number; decay: number;
  docsWeight: number; modelWeight: number;
  /** How much the subclass's own title counts against one group title, in its vocabulary and as a match. */
  titlePool: number; titleMatch: number;
  temperature: number;
}

export const IPC_PARAMS: IpcParams = {
  tailWeight: 0.8, pairWeight: 0.6, headWeight: 1.3,
  coverage: 0.4, headMiss: 0.6,
  k1: 1.2, b: 0.5, lambda: 0.3,
  perSubclass: 10, decay: 0.8,
  docsWeight: 1, modelWeight: 0.8,
  titlePool: 10, titleMatch: 1.5,
  temperature: 0.15,
};

interface DocMeta { title: boolean }

const shippedParaphrases = (): ParaphraseLexicon => JSON.parse(readFileSync(new URL('../data/ipc-paraphrases.en.json', import.meta.url), 'utf8'));

export class IpcSuggester {
  private readonly ranker: LabelRanker<DocMeta>;
  private readonly paraphrases: CompiledParaphrases;

  constructor(readonly params: IpcParams = IPC_PARAMS, paraphrases: ParaphraseLexicon = shippedParaphrases()) {
    this.paraphrases = compileParaphrases(paraphrases);
    const { subclasses, groups } = ipcSources();
    const docs: RankDoc<DocMeta>[] = [];
    const doc = (label: string, text: string, title: boolean): RankDoc<DocMeta> => {
      const tokens = tokensOf(text);
      return { label, features: featuresOf(tokens, { pairWeight: 1 }), heads: tokens.filter((t) => t.head).map((t) => t.stem), ...(title ? { weight: params.titlePool } : {}), meta: { title } };
    };
    for (const [symbol, title] of subclasses) {
      docs.push(doc(symbol, withoutReferences(title), true));
      for (const g of groups.get(symbol) ?? []) {
        const text = withoutReferences(g);
        if (text) docs.push(doc(symbol, text, false));
      }
    }
    this.ranker = new LabelRanker(docs, { k1: params.k1, b: params.b, lambda: params.lambda });
  }

  query(text: string): LabelQuery {
    const p = this.params;
    const all = tokensOf(text, { tailWeight: p.tailWeight, headWeight: p.headWeight });
    const { added, replaced } = expand(all, this.paraphrases);
    const tokens = all.filter((_, i) => !replaced.has(i));
    const features = featuresOf(tokens, { pairWeight: p.pairWeight });
    featuresOf(added, { pairWeight: p.pairWeight }, features);
    return { features, heads: new Set([...tokens, ...added].filter((t) => t.head).map((t) => t.stem)) };
  }

  /** Subclasses ranked for the query, with their raw scores. */
  rank(q: LabelQuery): { symbol: string; score: number }[] {
    const p = this.params; const r = this.ranker;
    return rankLabels(r, q, { ...p, perLabel: p.perSubclass, depth: 1000, docWeight: (d) => (r.docs[d].meta.title ? p.titleMatch : 1) })
      .map(({ label, score }) => ({ symbol: label, score }));
  }

  suggest(req: IpcSuggestRequest): { suggestions: IpcSuggestion[] } {
    const text = checkText(req.text, IPC_TEXT_MAX, 'invention');
    const ranked = this.rank(this.query(text));
    const shares = softmax(ranked.map((s) => s.score), this.params.temperature);
    const { sections, classes, subclasses } = ipcSources();
    return {
      suggestions: ranked.slice(0, limitOf(req.limit)).map((s, i) => ({
        symbol: s.symbol,
        score: round3(shares[i]),
        title: withoutReferences(subclasses.get(s.symbol) ?? ''),
        class: { symbol: s.symbol.slice(0, 3), title: withoutReferences(classes.get(s.symbol.slice(0, 3)) ?? '') },
        section: { symbol: s.symbol[0], title: sections.get(s.symbol[0]) ?? '' },
      })),
    };
  }
}

let shipped: IpcSuggester | null = null;

/** The suggester of the shipped IPC scheme, built on first use and kept. */
export function ipcSuggester(): IpcSuggester {
  shipped ??= new IpcSuggester();
  return shipped;
}

/** POST /classification/ipc/suggest. */
export function suggestIpcSubclasses(req: IpcSuggestRequest) {
  return ipcSuggester().suggest(req);
}
