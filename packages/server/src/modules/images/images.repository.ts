// SQL of the image search: the worker's claims and outcomes on image_features (rows kept by the database
// from the cases, migration 019), the pages and changes the in-memory index reads, and the cases of a result.
import type { Db, Queryable } from '../../platform/db/db.ts';
import { changesSince as follow, pageOf, watermarkOf, type FollowedTable, type Watermark } from '../../platform/db/follow.ts';
import type { IndexRow } from './image-index.ts';

// ----- features, computed by the worker -----

export interface Claimed { sha256: string; attempts: number }

/** Claims the bytes of the next due image for `seconds` (another worker skips them meanwhile). Times are the database's. */
export async function claimNext(q: Queryable, seconds: number): Promise<Claimed | undefined> {
  return (await q.query<Claimed>(
    `WITH due AS (
       SELECT sha256 FROM image_features
        WHERE status = 'pending' AND next_attempt_at <= now() AND (claimed_until IS NULL OR claimed_until < now())
        ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
     )
     UPDATE image_features f SET claimed_until = now() + make_interval(secs => $1) FROM due
      WHERE f.sha256 = due.sha256 AND f.status = 'pending'
     RETURNING f.sha256, f.attempts`, [seconds])).rows[0];
}

export interface Computed {
  status: 'done' | 'unsupported';
  features: number[] | null; extractor: string; phash: bigint | null; dhash: bigint | null; darkGround: boolean | null;
  width: number | null; height: number | null; embedding: number[] | null; embedder: string | null; note: string | null; durationMs: number;
}

/** What was computed from the bytes, on every row that shows them (each row's change numbered for the index). */
export async function recordComputed(q: Queryable, sha256: string, c: Computed): Promise<void> {
  await q.query(
    `UPDATE image_features SET status = $2, features = $3::real[], extractor = $4, phash = $5, dhash = $6, dark_ground = $7, width = $8, height = $9,
            embedding = $10::real[], embedder = $11, note = $12, computed_at = now(), duration_ms = $13, attempts = attempts + 1,
            claimed_until = NULL, last_error = NULL, seq = nextval('image_features_seq'), xid = pg_current_xact_id()
      WHERE sha256 = $1 AND status = 'pending'`,
    [sha256, c.status, c.features, c.extractor, c.phash?.toString() ?? null, c.dhash?.toString() ?? null, c.darkGround, c.width, c.height,
      c.embedding, c.embedder, c.note, c.durationMs]);
}

/** A failed attempt: tried again after `retrySeconds`, or given up (null). */
export async function recordFailure(q: Queryable, sha256: string, error: string, retrySeconds: number | null): Promise<void> {
  await q.query(
    `UPDATE image_features SET attempts = attempts + 1, last_error = $2, status = CASE WHEN $3::int IS NULL THEN 'failed' ELSE 'pending' END,
            next_attempt_at = CASE WHEN $3::int IS NULL THEN next_attempt_at ELSE now() + make_interval(secs => $3::int) END,
            claimed_until = NULL, computed_at = now(), seq = nextval('image_features_seq'), xid = pg_current_xact_id()
      WHERE sha256 = $1 AND status = 'pending'`,
    [sha256, error, retrySeconds]);
}

export async function release(q: Queryable, sha256: string): Promise<void> {
  await q.query("UPDATE image_features SET claimed_until = NULL WHERE sha256 = $1 AND status = 'pending'", [sha256]);
}

export async function pendingCount(q: Queryable): Promise<number> {
  return Number((await q.query<{ n: string }>("SELECT count(*)::text AS n FROM image_features WHERE status = 'pending'")).rows[0].n);
}

// ----- the index -----

interface Row {
  id: string; kind: IndexRow['kind']; vienna: string[]; locarno: number[]; state: string; public: boolean; searchable: boolean;
  features: string | null; phash: string | null; dhash: string | null; dark_ground: boolean | null; embedding: string | null; seq: string;
}

const columns = (t: string) => `${t}id::text AS id, ${t}kind AS kind, ${t}vienna AS vienna, ${t}locarno::int[] AS locarno, ${t}state AS state, ${t}public AS public,
  (${t}current AND ${t}status = 'done' AND ${t}features IS NOT NULL) AS searchable, ${t}features::text AS features, ${t}phash::text AS phash,
  ${t}dhash::text AS dhash, ${t}dark_ground AS dark_ground, ${t}embedding::text AS embedding, ${t}seq::text AS seq`;

/** '{0.1,-0.2}' as floats, read by hand: a million rows of them make the first build. */
function floats(text: string | null): Float32Array | null {
  if (!text || text.length < 2) return null;
  const parts = text.slice(1, -1).split(',');
  const out = new Float32Array(parts.length);
  for (let i = 0; i < parts.length; i++) out[i] = +parts[i];
  return out;
}

const toIndexRow = (r: Row): IndexRow => ({
  id: Number(r.id), kind: r.kind, vienna: r.vienna ?? [], locarno: r.locarno ?? [], state: r.state, public: r.public, searchable: r.searchable,
  features: r.searchable ? floats(r.features) : null, phash: BigInt(r.phash ?? 0), dhash: BigInt(r.dhash ?? 0), darkGround: !!r.dark_ground,
  embedding: r.searchable ? floats(r.embedding) : null, seq: Number(r.seq),
});

const TABLE: FollowedTable = { table: 'image_features', columns: columns('t.') };

export type { Watermark };
export const watermark = (q: Queryable) => watermarkOf(q, TABLE);

/** One page of searchable rows by row number, for the first build. */
export const page = async (q: Queryable, afterId: number, limit: number): Promise<IndexRow[]> =>
  (await pageOf<Row>(q, TABLE, afterId, limit, "t.current AND t.status = 'done'")).map(toIndexRow);

/** The rows changed since a watermark, into `apply` page by page; the new watermark (platform/db/follow.ts). */
export const changesSince = (db: Db, w: Watermark, apply: (rows: IndexRow[]) => void, pageSize?: number) =>
  follow<Row>(db, TABLE, w, (rows) => apply(rows.map(toIndexRow)), pageSize);

export interface HitRow {
  id: string; case_id: string; number: string; right_kind: string; kind: 'mark' | 'design-view'; sha256: string; design: number | null;
  vienna: string[]; locarno: number[]; state: string; public: boolean; title: string | null; filing_date: string | null;
}

/** The rows of a result with their cases as they stand now. */
export async function hitRows(q: Queryable, ids: number[]): Promise<Map<number, HitRow>> {
  if (!ids.length) return new Map();
  const { rows } = await q.query<HitRow>(
    `SELECT f.id::text, f.case_id, c.number, c.right_kind, f.kind, f.sha256, f.design, f.vienna, f.locarno::int[] AS locarno, c.state, c.public,
            c.title, c.filing_date::text AS filing_date
       FROM image_features f JOIN cases c ON c.id = f.case_id
      WHERE f.id = ANY($1::bigint[]) AND f.current`, [ids]);
  return new Map(rows.map((r) => [Number(r.id), r]));
}
