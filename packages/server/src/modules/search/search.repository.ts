// SQL of the similar-mark search: the rows of mark_search (kept by the database from the cases, migration
// 017) read in pages to build the index, and read again as they change; the cases of a result.
import type { Db, Queryable } from '../../platform/db/db.ts';
import { changesSince as follow, pageOf, watermarkOf, type FollowedTable, type Watermark } from '../../platform/db/follow.ts';
import type { IndexRow } from './mark-index.ts';

interface Row { id: string; case_id: string; mark_text: string | null; classes: number[]; state: string; public: boolean; seq: string }
const toIndexRow = (r: Row): IndexRow => ({ id: Number(r.id), caseId: r.case_id, text: r.mark_text, classes: r.classes, state: r.state, public: r.public, seq: Number(r.seq) });

const TABLE: FollowedTable = {
  table: 'mark_search', columns: 't.id::text AS id, t.case_id, t.mark_text, t.classes::int[] AS classes, t.state, t.public, t.seq::text AS seq',
};

export type { Watermark };
export const watermark = (q: Queryable) => watermarkOf(q, TABLE);

/** One page of rows by row number, for the first build. */
export const page = async (q: Queryable, afterId: number, limit: number): Promise<IndexRow[]> => (await pageOf<Row>(q, TABLE, afterId, limit)).map(toIndexRow);

/** The rows changed since a watermark, into `apply` page by page; the new watermark (platform/db/follow.ts). */
export const changesSince = (db: Db, w: Watermark, apply: (rows: IndexRow[]) => void, pageSize?: number) =>
  follow<Row>(db, TABLE, w, (rows) => apply(rows.map(toIndexRow)), pageSize);

export interface HitCase { id: string; number: string; state: string; public: boolean; filing_date: string | null; mark_text: string | null; classes: number[]; kind: string | null }

/** The cases of a result, as they stand now. */
export async function hitCases(q: Queryable, ids: string[]): Promise<Map<string, HitCase>> {
  if (!ids.length) return new Map();
  const { rows } = await q.query<HitCase>(
    `SELECT c.id, c.number, c.state, c.public, c.filing_date::text AS filing_date, m.mark_text, m.classes::int[] AS classes, c.data #>> '{mark,kind}' AS kind
       FROM cases c JOIN mark_search m ON m.case_id = c.id WHERE c.id = ANY($1::uuid[])`, [ids]);
  return new Map(rows.map((r) => [r.id, r]));
}
