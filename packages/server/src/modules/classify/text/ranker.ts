// A small text-ranking library for classification help: documents that each belong to a label (an
// official term to its Nice class, a group title to its IPC subclass), ranked against a query two ways:
//  - Okapi BM25 per document, the documents' scores gathered per label (the best few, decayed), which
//    rewards a label with one close official wording;
//  - a query-likelihood language model per label (all its documents pooled, Jelinek-Mercer smoothing
//    against the whole collection), which rewards a label whose vocabulary the query uses throughout.
// A document's match counts more when the query holds all of the document (coverage) and the document's
// head noun (head agreement: 'rental of cameras' is no answer to 'security cameras'). rankLabels
// combines the two rankings, each scaled to its best label. Built once in memory from weighted features
// (stems and stem pairs, see analyse.ts); no IO. The Nice and IPC suggesters both rank with it.

export type Features = Map<string, number>;

export interface RankDoc<M> {
  label: string;
  features: Features;
  /** The stems of the document's head nouns ('*rental* of cars', 'leather *wallets*'). */
  heads?: string[];
  /** How much the document counts in its label's pooled vocabulary (1 by default). */
  weight?: number;
  meta: M;
}

export interface RankerOptions {
  /** BM25 term-frequency saturation (1.2) and length normalisation (0.75). */
  k1?: number;
  b?: number;
  /** Share of the label's own model in the smoothed language model (0.5). */
  lambda?: number;
}

interface Posting { docs: Int32Array; tfs: Float32Array }
interface LabelPosting { labels: Int32Array; counts: Float32Array }

export interface DocHit {
  doc: number;
  score: number;
  /** The share of the document's own words (by IDF) the query has: 1 when the query contains the whole document. */
  covered: number;
}

export class LabelRanker<M> {
  readonly labels: string[];
  readonly labelOf: Int32Array;
  private readonly labelIndex = new Map<string, number>();
  private readonly postings = new Map<string, Posting>();
  private readonly idf = new Map<string, number>();
  private readonly docNorm: Float32Array;
  private readonly docIdf: Float32Array;
  private readonly labelPostings = new Map<string, LabelPosting>();
  private readonly labelTotals: Float64Array;
  private readonly background = new Map<string, number>();
  private readonly k1: number;
  private readonly lambda: number;

  /** The documents as given, without their features (the index holds them). */
  readonly docs: { label: string; heads?: string[]; meta: M }[];

  constructor(docs: RankDoc<M>[], opts: RankerOptions = {}) {
    this.k1 = opts.k1 ?? 1.2;
    const b = opts.b ?? 0.75;
    this.lambda = opts.lambda ?? 0.5;
    this.labels = [];
    this.docs = docs.map((d) => ({ label: d.label, heads: d.heads, meta: d.meta }));
    this.labelOf = new Int32Array(docs.length);
    const byFeature = new Map<string, { docs: number[]; tfs: number[] }>();
    const byFeatureLabel = new Map<string, Map<number, number>>();
    const lengths = new Float32Array(docs.length);
    let totalLength = 0; let collection = 0;
    docs.forEach((d, i) => {
      let li = this.labelIndex.get(d.label);
      if (li === undefined) { li = this.labels.length; this.labels.push(d.label); this.labelIndex.set(d.label, li); }
      this.labelOf[i] = li;
      let len = 0;
      for (const [f, tf] of d.features) {
        len += tf;
        let p = byFeature.get(f);
        if (!p) { p = { docs: [], tfs: [] }; byFeature.set(f, p); }
        p.docs.push(i); p.tfs.push(tf);
        const w = tf * (d.weight ?? 1);
        let lp = byFeatureLabel.get(f);
        if (!lp) { lp = new Map(); byFeatureLabel.set(f, lp); }
        lp.set(li, (lp.get(li) ?? 0) + w);
        collection += w;
      }
      lengths[i] = len; totalLength += len;
    });
    const avg = totalLength / Math.max(1, docs.length);
    this.docNorm = lengths.map((l) => this.k1 * (1 - b + (b * l) / (avg || 1)));
    const n = docs.length;
    this.docIdf = new Float32Array(docs.length);
    for (const [f, p] of byFeature) {
      this.postings.set(f, { docs: Int32Array.from(p.docs), tfs: Float32Array.from(p.tfs) });
      const idf = Math.log(1 + (n - p.docs.length + 0.5) / (p.docs.length + 0.5));
      this.idf.set(f, idf);
      for (const d of p.docs) this.docIdf[d] += idf;
    }
    this.labelTotals = new Float64Array(this.labels.length);
    for (const [f, lp] of byFeatureLabel) {
      const labels = Int32Array.from(lp.keys()); const counts = Float32Array.from(lp.values());
      let sum = 0;
      for (let j = 0; j < labels.length; j++) { this.labelTotals[labels[j]] += counts[j]; sum += counts[j]; }
      this.labelPostings.set(f, { labels, counts });
      this.background.set(f, sum / (collection || 1));
    }
  }

  /** Whether any document has this feature. */
  knows(feature: string): boolean { return this.postings.has(feature); }

  /** The inverse document frequency of a feature (0 for one no document has). */
  idfOf(feature: string): number { return this.idf.get(feature) ?? 0; }

  labelNumber(label: string): number | undefined { return this.labelIndex.get(label); }

  /** BM25 of the documents that share a feature with the query, best first (`keep` filters by document). */
  searchDocs(query: Features, limit = 200, keep?: (doc: number) => boolean): DocHit[] {
    const acc = new Float64Array(this.docs.length);
    const cov = new Float64Array(this.docs.length);
    const touched: number[] = [];
    const k1p = this.k1 + 1;
    for (const [f, qw] of query) {
      const p = this.postings.get(f);
      if (!p) continue;
      const idf = this.idf.get(f)!; const wIdf = idf * qw;
      for (let j = 0; j < p.docs.length; j++) {
        const d = p.docs[j]; const tf = p.tfs[j];
        if (acc[d] === 0) touched.push(d);
        acc[d] += (wIdf * tf * k1p) / (tf + this.docNorm[d]);
        cov[d] += idf;
      }
    }
    const hits: DocHit[] = [];
    for (const doc of touched) if (acc[doc] > 0 && (!keep || keep(doc))) hits.push({ doc, score: acc[doc], covered: Math.min(1, cov[doc] / (this.docIdf[doc] || 1)) });
    hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return hits.slice(0, limit);
  }

  /**
   * Per label: its best document scores summed with weights decay^0, decay^1, ... (at most `perLabel`),
   * so one close document counts most and a few more add some evidence.
   */
  gather(hits: DocHit[], perLabel = 3, decay = 0.5): Float64Array {
    const out = new Float64Array(this.labels.length);
    const seen = new Int32Array(this.labels.length);
    for (const h of hits) {
      const l = this.labelOf[h.doc];
      if (seen[l] >= perLabel) continue;
      out[l] += h.score * decay ** seen[l];
      seen[l]++;
    }
    return out;
  }

  /**
   * Per label: log P(query | label) - log P(query | collection), the label's pooled documents smoothed
   * with the collection (only features the label has add anything; the ratio keeps every score >= 0).
   */
  likelihood(query: Features): Float64Array {
    const out = new Float64Array(this.labels.length);
    const ratio = this.lambda / (1 - this.lambda);
    for (const [f, qw] of query) {
      const lp = this.labelPostings.get(f);
      if (!lp) continue;
      const bg = this.background.get(f)!;
      for (let j = 0; j < lp.labels.length; j++) {
        const l = lp.labels[j];
        out[l] += qw * Math.log(1 + (ratio * lp.counts[j]) / this.labelTotals[l] / bg);
      }
    }
    return out;
  }
}

export interface LabelQuery {
  features: Features;
  /** The stems of the query's head nouns. */
  heads: Set<string>;
}

export interface LabelRankOptions {
  /** A match counts (1 - coverage) + coverage x the share of the document the query contains: whole documents count most. */
  coverage: number;
  /** A match whose document's head the query lacks counts (1 - headMiss); (1 - headMiss / 2) when the query has it but not as a head. */
  headMiss: number;
  /** Best documents gathered per label, and the decay of each next one. */
  perLabel: number;
  decay: number;
  /** Weights of the gathered matches and of the label's language model, each scaled to its best label. */
  docsWeight: number;
  modelWeight: number;
  /** A factor per document (its kind), 1 by default. */
  docWeight?: (doc: number) => number;
  /** How many documents are looked at (the best by BM25). */
  depth?: number;
}

/** How far a document's head nouns agree with the query's: 1, or less when the query lacks them. */
export function headAgreement(docHeads: string[] | undefined, q: LabelQuery, headMiss: number): number {
  if (!docHeads?.length || docHeads.some((h) => q.heads.has(h))) return 1;
  return docHeads.some((h) => q.features.has(h)) ? 1 - headMiss / 2 : 1 - headMiss;
}

/** Every label that shares a feature with the query, with its score, best first. */
export function rankLabels<M>(r: LabelRanker<M>, q: LabelQuery, o: LabelRankOptions): { label: string; score: number }[] {
  const hits = r.searchDocs(q.features, o.depth ?? 500)
    .map((h) => ({ ...h, score: h.score * (o.docWeight?.(h.doc) ?? 1) * (1 - o.coverage + o.coverage * h.covered) * headAgreement(r.docs[h.doc].heads, q, o.headMiss) }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc);
  const gathered = r.gather(hits, o.perLabel, o.decay);
  const model = r.likelihood(q.features);
  const maxG = Math.max(...gathered, 1e-9); const maxM = Math.max(...model, 1e-9);
  const out: { label: string; score: number }[] = [];
  for (let l = 0; l < r.labels.length; l++) {
    const s = o.docsWeight * (gathered[l] / maxG) + o.modelWeight * (model[l] / maxM);
    if (s > 0) out.push({ label: r.labels[l], score: s });
  }
  return out.sort((a, b) => b.score - a.score || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** The best documents for the query among those `keep` admits, rescored for coverage and head agreement. */
export function bestDocs<M>(r: LabelRanker<M>, q: LabelQuery, o: Pick<LabelRankOptions, 'coverage' | 'headMiss'>, limit: number, keep?: (doc: number) => boolean): DocHit[] {
  return r.searchDocs(q.features, Math.max(50, limit * 10), keep)
    .map((h) => ({ ...h, score: h.score * (1 - o.coverage + o.coverage * h.covered) * headAgreement(r.docs[h.doc].heads, q, o.headMiss) }))
    .sort((a, b) => b.score - a.score || a.doc - b.doc)
    .slice(0, limit);
}

/** Scores as shares of a softmax with this temperature, so the labels' scores read as confidence (0 to 1). */
export function softmax(scores: number[], temperature: number): number[] {
  if (!scores.length) return [];
  const max = Math.max(...scores);
  const e = scores.map((s) => Math.exp((s - max) / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}
