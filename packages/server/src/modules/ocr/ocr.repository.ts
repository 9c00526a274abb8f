// SQL of OCR: finding incoming documents whose bytes have not been read, claiming them, recording what
// was read (or why not), and the office's full-text search over it.
import type { Queryable } from '../../platform/db/db.ts';

export type OcrStatus = 'pending' | 'done' | 'failed' | 'not-needed' | 'unsupported';

export interface PageResult { page: number; confidence: number | null; chars: number; note: string | null }

export interface OcrRow {
  sha256: string; media_type: string; status: OcrStatus; text: string | null; confidence: string | null; pages: number | null;
  page_results: PageResult[]; languages: string | null; engine: string | null; note: string | null; attempts: number;
  last_error: string | null; next_attempt_at: Date; finished_at: Date | null; duration_ms: number | null;
}

/**
 * Makes a pending row for each incoming document of a readable type whose bytes have none. `recentOnly`
 * looks at the documents of the last hour (every pass, through an index); otherwise at all of them.
 */
export async function addPending(q: Queryable, mediaTypes: readonly string[], now: Date, recentOnly: boolean, limit: number): Promise<number> {
  const { rowCount } = await q.query(
    `INSERT INTO ocr_texts (sha256, media_type, status, next_attempt_at, created_at)
     SELECT DISTINCT ON (d.sha256) d.sha256, d.media_type, 'pending', $2, $2
       FROM documents d
      WHERE d.direction = 'incoming' AND d.media_type = ANY($1::text[])
        ${recentOnly ? "AND d.created_at > now() - interval '1 hour'" : ''}
        AND NOT EXISTS (SELECT 1 FROM ocr_texts o WHERE o.sha256 = d.sha256)
      ORDER BY d.sha256, d.created_at
      LIMIT $3
     ON CONFLICT (sha256) DO NOTHING`, [mediaTypes, now, limit]);
  return rowCount ?? 0;
}

export interface Claimed { sha256: string; media_type: string; attempts: number }

/** Claims the next due document until `until` (another worker skips it meanwhile). */
export async function claimNext(q: Queryable, now: Date, until: Date): Promise<Claimed | undefined> {
  return (await q.query<Claimed>(
    `WITH due AS (
       SELECT sha256 FROM ocr_texts
        WHERE status = 'pending' AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)
        ORDER BY next_attempt_at, sha256 LIMIT 1 FOR UPDATE SKIP LOCKED
     )
     UPDATE ocr_texts o SET claimed_until = $2, started_at = $1 FROM due WHERE o.sha256 = due.sha256
     RETURNING o.sha256, o.media_type, o.attempts`, [now, until])).rows[0];
}

export interface Outcome {
  status: 'done' | 'not-needed' | 'unsupported';
  text: string | null; confidence: number | null; pages: number | null; pageResults: PageResult[];
  languages: string; engine: string; note: string | null; finishedAt: Date; durationMs: number;
}

export async function recordOutcome(q: Queryable, sha256: string, o: Outcome): Promise<void> {
  await q.query(
    `UPDATE ocr_texts SET status = $2, text = $3, confidence = $4, pages = $5, page_results = $6, languages = $7, engine = $8,
            note = $9, finished_at = $10, duration_ms = $11, attempts = attempts + 1, claimed_until = NULL, last_error = NULL
      WHERE sha256 = $1`,
    [sha256, o.status, o.text, o.confidence, o.pages, JSON.stringify(o.pageResults), o.languages, o.engine, o.note, o.finishedAt, o.durationMs]);
}

/** A failed attempt: tried again at `retryAt`, or given up (null). */
export async function recordFailure(q: Queryable, sha256: string, f: { error: string; retryAt: Date | null; at: Date; engine: string; languages: string }): Promise<void> {
  await q.query(
    `UPDATE ocr_texts SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
            next_attempt_at = coalesce($3, next_attempt_at), claimed_until = NULL, finished_at = $4, engine = $5, languages = $6
      WHERE sha256 = $1`,
    [sha256, f.error, f.retryAt, f.at, f.engine, f.languages]);
}

/** Gives a claimed document back untouched (the worker is stopping). */
export async function release(q: Queryable, sha256: string): Promise<void> {
  await q.query('UPDATE ocr_texts SET claimed_until = NULL WHERE sha256 = $1', [sha256]);
}

export async function textOf(q: Queryable, sha256: string): Promise<OcrRow | undefined> {
  return (await q.query<OcrRow>(
    `SELECT sha256, media_type, status, text, confidence, pages, page_results, languages, engine, note, attempts, last_error,
            next_attempt_at, finished_at, duration_ms
       FROM ocr_texts WHERE sha256 = $1`, [sha256])).rows[0];
}

export interface CaseDocument { kind: string; title: string; media_type: string; direction: 'incoming' | 'outgoing' }

export async function documentsOfCase(q: Queryable, caseId: string, sha256: string): Promise<CaseDocument[]> {
  return (await q.query<CaseDocument>(
    'SELECT kind, title, media_type, direction FROM documents WHERE case_id = $1 AND sha256 = $2 ORDER BY created_at', [caseId, sha256])).rows;
}

/** Whether the query has anything to look for (punctuation alone has no words). */
export async function queryHasWords(q: Queryable, query: string): Promise<boolean> {
  return (await q.query<{ n: number }>("SELECT numnode(websearch_to_tsquery('simple', $1)) AS n", [query])).rows[0].n > 0;
}

export interface SearchHit {
  case_id: string; number: string; right_kind: string; case_title: string | null; state: string;
  kind: string; title: string; media_type: string; sha256: string; confidence: string | null; rank: number; snippet: string;
}

/**
 * Documents whose text matches (web-search syntax: words, "a phrase", or, -word), best first, each with
 * a passage around the words found, marked with ** on either side. Only the best texts are ranked and
 * cut into passages, so a common word costs no more than `limit` passages.
 */
export async function search(q: Queryable, query: string, limit: number): Promise<SearchHit[]> {
  return (await q.query<SearchHit>(
    `WITH query AS (SELECT websearch_to_tsquery('simple', $1) AS tsq),
     hits AS (
       SELECT o.sha256, o.text, o.confidence, ts_rank(o.search, query.tsq) AS rank
         FROM ocr_texts o, query
        WHERE o.search @@ query.tsq AND o.status = 'done'
        ORDER BY rank DESC, o.sha256 LIMIT $2
     )
     SELECT c.id AS case_id, c.number, c.right_kind, c.title AS case_title, c.state, d.kind, d.title, d.media_type, d.sha256,
            h.confidence, h.rank,
            ts_headline('simple', h.text, query.tsq, 'StartSel=**, StopSel=**, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
       FROM hits h CROSS JOIN query
       JOIN documents d ON d.sha256 = h.sha256 AND d.direction = 'incoming'
       JOIN cases c ON c.id = d.case_id
      ORDER BY h.rank DESC, c.number, d.kind
      LIMIT $2`, [query, limit])).rows;
}
