// Semantic ranking, where the office configures a local embedding model: the best full-text hits are
// re-ordered by how close in meaning each application is to the query. Full-text search still decides
// what is found (the query's words, phrases, exclusions and filters hold); meaning only re-orders the
// first `window` hits. No model is configured by default, and none is ever downloaded: an adapter that
// loads a model from a local path implements this interface and is given to the module's deps.

export interface RerankCandidate {
  caseId: string;
  title: string | null;
  abstract: string | null;
  /** The claims as one text, a blank line between claims. */
  claims: string | null;
  /** The full-text score, in [0, 1). */
  score: number;
}

export interface PriorArtReranker {
  /** How many of the best full-text hits it re-orders (pages beyond them keep the full-text order). */
  readonly window: number;
  /** How much the meaning counts against the full-text score, in [0, 1]. */
  readonly weight: number;
  /** The closeness in meaning of each candidate to the query, in [0, 1], in the candidates' order. */
  similarity(query: string, candidates: readonly RerankCandidate[]): Promise<number[]>;
}

/** The candidates in their new order, each with its combined score. */
export async function rerank(reranker: PriorArtReranker, query: string, candidates: RerankCandidate[]): Promise<RerankCandidate[]> {
  if (candidates.length < 2) return candidates;
  const sims = await reranker.similarity(query, candidates);
  if (sims.length !== candidates.length) throw new Error(`the reranker scored ${sims.length} of ${candidates.length} candidates`);
  const w = Math.min(1, Math.max(0, reranker.weight));
  return candidates
    .map((c, i) => ({ ...c, score: (1 - w) * c.score + w * Math.min(1, Math.max(0, Number(sims[i]) || 0)) }))
    .sort((a, b) => b.score - a.score);
}
