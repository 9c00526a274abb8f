// Following a table from memory: a process that keeps an index of a table (the similar-mark and image
// searches) reads it whole once, in pages by row number, then reads what changed. The table numbers each
// change from a sequence (`seq`) and records the writing transaction (`xid`, pg_current_xact_id()).
// Numbers are taken when a row is written, not when it commits, so a change can become visible after a
// higher-numbered one was read: the watermark therefore keeps, with the highest number seen, the oldest
// transaction still running when it was taken (the snapshot's xmin), and the next read takes again every
// row written by a transaction from then on that is numbered at or below what was seen. Each read is one
// repeatable-read snapshot, so its pages agree with each other and with the new watermark.
import type { Db, Queryable } from './db.ts';

export interface Watermark { seq: number; horizon: string }

/**
 * How a table is read: its name, its alias `t` and the columns (a select list over `t.`), all constants of
 * the repository that follows it (never user input).
 */
export interface FollowedTable { table: string; columns: string }

export async function watermarkOf(q: Queryable, t: FollowedTable): Promise<Watermark> {
  const { rows } = await q.query<{ seq: string | null; horizon: string }>(
    `SELECT (SELECT max(seq) FROM ${t.table})::text AS seq, pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`);
  return { seq: Number(rows[0].seq ?? 0), horizon: rows[0].horizon };
}

/** A page of the table by row number, for the first build (ordered by the column, not by the text the list may make of it). */
export async function pageOf<R>(q: Queryable, t: FollowedTable, afterId: number, limit: number, where = 'true'): Promise<R[]> {
  return (await q.query<R & object>(`SELECT ${t.columns} FROM ${t.table} t WHERE t.id > $1 AND (${where}) ORDER BY t.id LIMIT $2`, [afterId, limit])).rows as R[];
}

/** Reads the rows changed since `w`, page by page into `apply`, and returns the new watermark. */
export async function changesSince<R extends { seq: string }>(db: Db, t: FollowedTable, w: Watermark, apply: (rows: R[]) => void, pageSize = 20_000): Promise<Watermark> {
  return db.tx(async (q) => {
    await q.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const { rows: [snap] } = await q.query<{ horizon: string }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon');
    // Committed late: written by a transaction running at the last look, numbered at or below what was seen then.
    for (let after = 0; ;) {
      const { rows } = await q.query<R & object>(
        `SELECT ${t.columns} FROM ${t.table} t WHERE t.xid >= $1::xid8 AND t.seq <= $2 AND t.seq > $3 ORDER BY t.seq LIMIT $4`,
        [w.horizon, w.seq, after, pageSize]);
      if (!rows.length) break;
      apply(rows as R[]);
      after = Number((rows.at(-1) as R).seq);
      if (rows.length < pageSize) break;
    }
    // Numbered after the last look.
    let seq = w.seq;
    for (;;) {
      const { rows } = await q.query<R & object>(`SELECT ${t.columns} FROM ${t.table} t WHERE t.seq > $1 ORDER BY t.seq LIMIT $2`, [seq, pageSize]);
      if (!rows.length) break;
      apply(rows as R[]);
      seq = Number((rows.at(-1) as R).seq);
      if (rows.length < pageSize) break;
    }
    return { seq, horizon: snap.horizon };
  });
}
