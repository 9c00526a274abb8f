// SQL of prior-art search: the text row of each patent and utility-model application (patent_texts,
// migration 018) written with the acts that change it and when OCR has read its description; the
// normalisation of a query's words, the ranking, and the highlights of the hits shown.
import type { Queryable } from '../../platform/db/db.ts';
import type { SearchScope } from './prior-art.policy.ts';

/**
 * The text search configuration of the index and of every query: English stemming and stop words,
 * applied the same way to text in any language. The generated `search` column of migration 018 names it too.
 */
const CONFIG = 'english';

/**
 * How much of each text is kept and indexed. A tsvector holds at most 1 MB and tells apart 16,383 word
 * positions: the description's first 100,000 characters are about as many words. The limits are
 * also those of the `search` column's expression (migration 018).
 */
export const TEXT_LIMITS = { title: 2_000, abstract: 20_000, claims: 40_000, description: 100_000 } as const;

/**
 * Field weights of ts_rank_cd, in its order {D, C, B, A}: the title (A) counts most, then the abstract
 * and the claims (B), then the description (C); D is not used.
 */
const WEIGHTS = '{0.01, 0.05, 0.3, 1.0}';
/** ts_rank_cd normalisation: 1 divides by 1 + the log of the document's length, 32 scales the result into [0, 1). */
const NORMALISATION = 33;

export interface PatentTextRow {
  caseId: string; title: string | null; abstract: string | null; claims: string | null; ipc: string[]; descriptionSha256: string | null;
}

/**
 * Writes the text row of an application, in the caller's transaction. The description is the text OCR
 * read from its document, when it has been read; the row of OCR's text is share-locked first, so that
 * the worker recording it meanwhile (which then updates this table: updateDescriptions) waits for this
 * transaction, and this one sees what it recorded: neither misses the other.
 */
export async function upsertPatentText(q: Queryable, r: PatentTextRow): Promise<void> {
  await q.query(
    `INSERT INTO patent_texts (case_id, title, abstract, claims, ipc, description_sha256, description, updated_at)
     VALUES ($1, left($2, ${TEXT_LIMITS.title}), left($3, ${TEXT_LIMITS.abstract}), left($4, ${TEXT_LIMITS.claims}), $5::text[], $6,
             (SELECT left(o.text, ${TEXT_LIMITS.description}) FROM ocr_texts o WHERE o.sha256 = $6 AND o.status = 'done' FOR SHARE), now())
     ON CONFLICT (case_id) DO UPDATE
        SET title = EXCLUDED.title, abstract = EXCLUDED.abstract, claims = EXCLUDED.claims, ipc = EXCLUDED.ipc,
            description_sha256 = EXCLUDED.description_sha256, description = EXCLUDED.description, updated_at = EXCLUDED.updated_at
      WHERE (patent_texts.title, patent_texts.abstract, patent_texts.claims, patent_texts.ipc, patent_texts.description_sha256, patent_texts.description)
            IS DISTINCT FROM (EXCLUDED.title, EXCLUDED.abstract, EXCLUDED.claims, EXCLUDED.ipc, EXCLUDED.description_sha256, EXCLUDED.description)`,
    [r.caseId, r.title, r.abstract, r.claims, r.ipc, r.descriptionSha256]);
}

/** Whether an application has its text row (an act that changes none of its texts leaves the row as it is). */
export async function hasPatentText(q: Queryable, caseId: string): Promise<boolean> {
  return (await q.query('SELECT 1 FROM patent_texts WHERE case_id = $1', [caseId])).rows.length > 0;
}

/** The descriptions OCR has just read, into the text rows of the applications they describe. */
export async function updateDescriptions(q: Queryable, sha256: string): Promise<number> {
  const { rowCount } = await q.query(
    `UPDATE patent_texts p SET description = left(o.text, ${TEXT_LIMITS.description}), updated_at = now()
       FROM ocr_texts o
      WHERE p.description_sha256 = $1 AND o.sha256 = $1 AND o.status = 'done'
        AND p.description IS DISTINCT FROM left(o.text, ${TEXT_LIMITS.description})`, [sha256]);
  return rowCount ?? 0;
}

/**
 * The leaves of a query normalised as the index is (`kinds[i]`: words, phrase or prefix), each as
 * PostgreSQL writes a tsquery; '' for a leaf of stop words only.
 */
export async function normaliseLeaves(q: Queryable, kinds: string[], texts: string[]): Promise<string[]> {
  if (kinds.length === 0) return [];
  const { rows } = await q.query<{ i: number; q: string }>(
    `SELECT l.i::int AS i,
            (CASE l.k WHEN 'phrase' THEN phraseto_tsquery('${CONFIG}', l.t)
                      WHEN 'prefix' THEN to_tsquery('${CONFIG}', l.t || ':*')
                      ELSE plainto_tsquery('${CONFIG}', l.t) END)::text AS q
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS l(k, t, i)
      ORDER BY l.i`, [kinds, texts]);
  return rows.map((r) => r.q);
}

export interface SearchFilter {
  /** The tsquery text (composed from normalised leaves). */
  match: string;
  rights: string[];
  /** LIKE patterns of normalised IPC prefixes; null: no IPC filter. */
  ipc: string[] | null;
  filedFrom: string | null;
  filedTo: string | null;
  scope: SearchScope;
}

export interface RankedHit { case_id: string; score: number; total: number }

// Visible to the searcher (cases.policy.ts): published; or office staff; or the searcher's own case.
const FILTERS = `
  p.search @@ $1::tsquery
  AND c.right_kind = ANY($2::text[])
  AND ($3::text[] IS NULL OR EXISTS (
        SELECT 1 FROM unnest(p.ipc) AS s(symbol)
         WHERE replace(regexp_replace(upper(s.symbol), '^([A-H][0-9]{2}[A-Z])\\s*0*([0-9]+)\\s*/', '\\1\\2/'), ' ', '') LIKE ANY ($3::text[])))
  AND ($4::date IS NULL OR c.filing_date >= $4::date)
  AND ($5::date IS NULL OR c.filing_date <= $5::date)
  AND (c.public OR $6::text = 'office'
       OR ($6::text = 'party' AND (c.filed_by = $7::uuid OR EXISTS (
             SELECT 1 FROM case_parties cp JOIN parties pa ON pa.id = cp.party_id
              WHERE cp.case_id = c.id AND (pa.user_id = $7::uuid OR cp.party_id = $8::uuid)))))`;

const filterParams = (f: SearchFilter) => [
  f.match, f.rights, f.ipc, f.filedFrom, f.filedTo, f.scope.kind,
  f.scope.kind === 'party' ? f.scope.userId : null, f.scope.kind === 'party' ? f.scope.partyId : null,
];

/** The best matches the searcher may see, best first (ties by application number), with how many match in all. */
export async function rankedHits(q: Queryable, f: SearchFilter, limit: number, offset: number): Promise<RankedHit[]> {
  return (await q.query<RankedHit>(
    `SELECT p.case_id, ts_rank_cd('${WEIGHTS}'::float4[], p.search, $1::tsquery, ${NORMALISATION}) AS score, count(*) OVER () AS total
       FROM patent_texts p JOIN cases c ON c.id = p.case_id
      WHERE ${FILTERS}
      ORDER BY score DESC, c.number
      LIMIT $9 OFFSET $10`, [...filterParams(f), limit, offset])).rows;
}

/** How many match (for a page past the last hit). */
export async function countHits(q: Queryable, f: SearchFilter): Promise<number> {
  return Number((await q.query<{ n: number }>(
    `SELECT count(*) AS n FROM patent_texts p JOIN cases c ON c.id = p.case_id WHERE ${FILTERS}`, filterParams(f))).rows[0].n);
}

export interface CandidateText { case_id: string; title: string | null; abstract: string | null; claims: string | null }

/** The texts of ranked hits, for a semantic re-ranking. */
export async function candidateTexts(q: Queryable, caseIds: string[]): Promise<CandidateText[]> {
  return (await q.query<CandidateText>(
    'SELECT case_id, title, abstract, claims FROM patent_texts WHERE case_id = ANY($1::uuid[])', [caseIds])).rows;
}

export interface HitRow {
  case_id: string; number: string; right_kind: string; state: string; filing_date: string | null; title: string | null; ipc: string[];
  hl_title: string | null; hl_abstract: string | null; hl_claims: string | null; hl_description: string | null;
}

/** Words marked in highlights: between these. */
export const MARK = '**';
const FRAGMENTS = `StartSel=${MARK}, StopSel=${MARK}, MaxWords=35, MinWords=15, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

/**
 * What a page of hits shows: the case's number, right, state and filing date, its IPC symbols, and a
 * passage of each field that holds a word looked for (`anyQuery`), the words marked. A field is cut
 * into passages only when its part of the index holds one of the words (title A, abstract and claims
 * B, description C), so a page costs at most a few passages per hit.
 */
export async function hitDetails(q: Queryable, caseIds: string[], anyQuery: string): Promise<HitRow[]> {
  if (caseIds.length === 0) return [];
  return (await q.query<HitRow>(
    `WITH hq AS (SELECT $2::tsquery AS tsq)
     SELECT c.id AS case_id, c.number, c.right_kind, c.state, c.filing_date, coalesce(p.title, c.title) AS title, p.ipc,
            CASE WHEN ts_filter(p.search, '{a}') @@ hq.tsq
                 THEN ts_headline('${CONFIG}', p.title, hq.tsq, 'StartSel=${MARK}, StopSel=${MARK}, HighlightAll=true') END AS hl_title,
            CASE WHEN ts_filter(p.search, '{b}') @@ hq.tsq AND p.abstract IS NOT NULL
                 THEN ts_headline('${CONFIG}', p.abstract, hq.tsq, '${FRAGMENTS}') END AS hl_abstract,
            CASE WHEN ts_filter(p.search, '{b}') @@ hq.tsq AND p.claims IS NOT NULL
                 THEN ts_headline('${CONFIG}', p.claims, hq.tsq, '${FRAGMENTS}') END AS hl_claims,
            CASE WHEN ts_filter(p.search, '{c}') @@ hq.tsq
                 THEN ts_headline('${CONFIG}', p.description, hq.tsq, '${FRAGMENTS}') END AS hl_description
       FROM patent_texts p JOIN cases c ON c.id = p.case_id CROSS JOIN hq
      WHERE p.case_id = ANY($1::uuid[])`, [caseIds, anyQuery])).rows;
}
