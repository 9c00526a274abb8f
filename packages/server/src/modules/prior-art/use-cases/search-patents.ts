// Prior-art search over the texts of patent and utility-model applications: the query checked and
// parsed (query.ts), its words normalised as the index is, the matches the searcher may see ranked by
// field weight (title, then abstract and claims, then description), optionally re-ordered by meaning
// (rerank.ts), and each hit shown with the passages where the words were found.
import { isLegalDate } from '@registrum/procedures';
import { invalid } from '../../../kernel/errors.ts';
import type { Db, Queryable } from '../../../platform/db/db.ts';
import type { Viewer } from '../../cases/index.ts';
import { ipcPatterns, MAX_IPC_FILTERS } from '../ipc.ts';
import { searchScope } from '../prior-art.policy.ts';
import * as repo from '../prior-art.repository.ts';
import { composeQuery, MAX_QUERY_LENGTH, parseQuery } from '../query.ts';
import { rerank, type PriorArtReranker, type RerankCandidate } from '../rerank.ts';
import { SEARCHED_RIGHTS } from './index-patent-text.ts';

export const SEARCH_LIMIT_MAX = 100;
export const SEARCH_OFFSET_MAX = 10_000;

export interface PriorArtDeps {
  db: Db;
  /** Semantic re-ranking by a local embedding model; null (the default) when none is configured. */
  reranker: PriorArtReranker | null;
}

export interface PatentSearch {
  query: string;
  ipc?: string[];
  rights?: string[];
  filedFrom?: string;
  filedTo?: string;
  limit?: number;
  offset?: number;
}

export interface PatentHit {
  applicationNumber: string;
  title: string | null;
  right: string;
  status: string;
  filingDate: string | null;
  ipc: string[];
  score: number;
  highlights: { title?: string; abstract?: string; claims?: string; description?: string };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The query checked and turned into the tsquery to match and the one to highlight with. */
async function compile(db: Queryable, raw: unknown): Promise<{ match: string; any: string }> {
  const query = typeof raw === 'string' ? raw : '';
  if (query.length > MAX_QUERY_LENGTH) {
    throw invalid('PRIOR_ART_QUERY_TOO_LONG', `A query has at most ${MAX_QUERY_LENGTH} characters (this one has ${query.length})`, { max: MAX_QUERY_LENGTH, length: query.length });
  }
  if (!query.trim()) throw invalid('PRIOR_ART_QUERY_EMPTY', 'Give at least one word to look for');
  const { tree, leaves } = parseQuery(query);
  const normalised = await repo.normaliseLeaves(db, leaves.map((l) => l.kind), leaves.map((l) => l.text));
  const { match, any, indexable } = composeQuery(tree, normalised);
  if (!match) {
    throw invalid('PRIOR_ART_QUERY_NO_TERMS', 'The query has no word to look for: only operators, punctuation or words too common to be indexed (such as "the", "of", "with")');
  }
  if (!any || !indexable) {
    throw invalid('PRIOR_ART_QUERY_NO_TERMS', 'The query only excludes words (or one of its alternatives does): say what to look for as well');
  }
  return { match, any };
}

function dateOf(value: string | undefined, field: string): string | null {
  if (value === undefined) return null;
  if (!isLegalDate(value)) throw invalid('INVALID_DATE', `${field} must be a date YYYY-MM-DD (got '${String(value).slice(0, 40)}')`, { field });
  return value;
}

export async function searchPatents(deps: PriorArtDeps, viewer: Viewer, s: PatentSearch): Promise<{ hits: PatentHit[]; total: number }> {
  if ((s.ipc?.length ?? 0) > MAX_IPC_FILTERS) throw invalid('IPC_SYMBOL_INVALID', `At most ${MAX_IPC_FILTERS} IPC symbols may be given`, { max: MAX_IPC_FILTERS });
  const ipc = ipcPatterns(s.ipc);
  const filedFrom = dateOf(s.filedFrom, 'filedFrom');
  const filedTo = dateOf(s.filedTo, 'filedTo');
  if (filedFrom && filedTo && filedFrom > filedTo) throw invalid('INVALID_DATE_RANGE', `filedFrom (${filedFrom}) is after filedTo (${filedTo})`);
  const rights = s.rights?.length ? [...new Set(s.rights)] : [...SEARCHED_RIGHTS];
  const unknown = rights.filter((r) => !(SEARCHED_RIGHTS as readonly string[]).includes(r));
  if (unknown.length) throw invalid('VALIDATION_FAILED', `rights are ${SEARCHED_RIGHTS.join(' and ')} (not ${unknown.join(', ')})`);
  const limit = Math.min(Math.max(Math.trunc(s.limit ?? 20), 1), SEARCH_LIMIT_MAX);
  const offset = Math.min(Math.max(Math.trunc(s.offset ?? 0), 0), SEARCH_OFFSET_MAX);

  // The public reads the register, which the read replica may serve; a signed-in searcher the primary.
  const q = deps.db.reader(viewer !== null);
  const { match, any } = await compile(q, s.query);
  const filter: repo.SearchFilter = { match, rights, ipc, filedFrom, filedTo, scope: searchScope(viewer) };

  const reranker = deps.reranker;
  let page: { caseId: string; score: number }[];
  let total: number;
  if (reranker && offset + limit <= reranker.window) {
    const ranked = await repo.rankedHits(q, filter, reranker.window, 0);
    total = ranked.length ? Number(ranked[0].total) : 0;
    const texts = new Map((await repo.candidateTexts(q, ranked.map((r) => r.case_id))).map((t) => [t.case_id, t]));
    const candidates: RerankCandidate[] = ranked.map((r) => {
      const t = texts.get(r.case_id);
      return { caseId: r.case_id, title: t?.title ?? null, abstract: t?.abstract ?? null, claims: t?.claims ?? null, score: Number(r.score) };
    });
    page = (await rerank(reranker, s.query, candidates)).slice(offset, offset + limit);
  } else {
    const ranked = await repo.rankedHits(q, filter, limit, offset);
    total = ranked.length ? Number(ranked[0].total) : offset > 0 ? await repo.countHits(q, filter) : 0;
    page = ranked.map((r) => ({ caseId: r.case_id, score: Number(r.score) }));
  }

  const details = new Map((await repo.hitDetails(q, page.map((p) => p.caseId), any)).map((d) => [d.case_id, d]));
  const hits: PatentHit[] = [];
  for (const p of page) {
    const d = details.get(p.caseId);
    if (!d) continue;
    const highlights: PatentHit['highlights'] = {};
    // Abstract and claims share their part of the index (weight B): a passage is kept only where it marks a word.
    for (const [key, text] of [['title', d.hl_title], ['abstract', d.hl_abstract], ['claims', d.hl_claims], ['description', d.hl_description]] as const) {
      if (text && text.includes(repo.MARK)) highlights[key] = text;
    }
    hits.push({
      applicationNumber: d.number, title: d.title, right: d.right_kind, status: d.state, filingDate: d.filing_date,
      ipc: d.ipc ?? [], score: round(p.score), highlights,
    });
  }
  return { hits, total };
}
