// Full-text search over what OCR read, for office staff: which case, which document, and the passage.
import { invalid } from '../../../kernel/errors.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import * as repo from '../ocr.repository.ts';

export const SEARCH_MAX = 100;

export async function searchTexts(db: Queryable, query: string, limit = 20) {
  limit = Math.min(Math.max(1, Math.trunc(limit)), SEARCH_MAX);
  const q = query.trim();
  if (!q) throw invalid('OCR_QUERY_EMPTY', 'Give at least one word to look for');
  if (!(await repo.queryHasWords(db, q))) throw invalid('OCR_QUERY_EMPTY', `'${q}' has no word to look for`);
  const hits = await repo.search(db, q, limit);
  return {
    query: q,
    items: hits.map((h) => ({
      case: { id: h.case_id, number: h.number, right: h.right_kind, title: h.case_title, state: h.state },
      document: { kind: h.kind, title: h.title, mediaType: h.media_type, sha256: h.sha256 },
      confidence: h.confidence === null ? null : Number(h.confidence),
      rank: Number(Number(h.rank).toFixed(4)),
      snippet: h.snippet,
    })),
  };
}
