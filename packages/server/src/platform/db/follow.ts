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

/** What a process keeps from a followed table: its rows read in pages to build it, then each change applied. */
export interface FollowedSource<I, R> {
  /** A new, empty index. */
  create(): I;
  watermark(q: Queryable): Promise<Watermark>;
  /** Rows by row number after `afterId` (the build); each page is handed to `addPage`. */
  page(q: Queryable, afterId: number, limit: number): Promise<(R & { id: number })[]>;
  addPage(index: I, rows: R[]): void;
  /** After the last page (e.g. compact postings made once). */
  finish?(index: I): void;
  changesSince(db: Db, w: Watermark, apply: (rows: R[]) => void, pageSize?: number): Promise<Watermark>;
  apply(index: I, row: R): void;
}

/**
 * An index a server process keeps of a followed table: built on first use (the watermark first, then
 * the pages by row number), then before each use brought up to date with what changed since it last
 * looked (at most once per `refreshMs`). Concurrent callers share one build and one look.
 */
export class FollowedIndex<I, R> {
  private index: I | null = null;
  private mark: Watermark | null = null;
  private building: Promise<I> | null = null;
  private catchingUp: Promise<void> | null = null;
  private lastLook = 0;
  buildMs = 0;

  constructor(private readonly db: Db, private readonly source: FollowedSource<I, R>, private readonly opts: { refreshMs?: number; pageSize?: number; buildPageSize?: number } = {}) {}

  /** The index if it was built (without building it). */
  get current(): I | null { return this.index; }

  /** The index, built if need be, with every change committed before this call applied. */
  async ready(): Promise<I> {
    const index = this.index ?? await (this.building ??= this.build().finally(() => { this.building = null; }));
    await this.catchUp();
    return index;
  }

  private async build(): Promise<I> {
    const t0 = performance.now();
    // The watermark first: whatever changes while the pages are read is read again afterwards.
    const mark = await this.source.watermark(this.db);
    const index = this.source.create();
    for (let after = 0; ;) {
      const page = await this.source.page(this.db, after, this.opts.buildPageSize ?? this.opts.pageSize ?? 50_000);
      if (!page.length) break;
      this.source.addPage(index, page);
      after = page.at(-1)!.id;
    }
    this.source.finish?.(index);
    this.mark = mark;
    this.index = index;
    this.lastLook = 0;
    this.buildMs = performance.now() - t0;
    return index;
  }

  private async catchUp(): Promise<void> {
    const wait = this.opts.refreshMs ?? 0;
    if (wait > 0 && performance.now() - this.lastLook < wait) return;
    if (this.catchingUp) return this.catchingUp;
    this.catchingUp = (async () => {
      try {
        const started = performance.now();
        const index = this.index!;
        this.mark = await this.source.changesSince(this.db, this.mark!, (rows) => { for (const r of rows) this.source.apply(index, r); }, this.opts.pageSize);
        this.lastLook = started;
      } finally {
        this.catchingUp = null;
      }
    })();
    return this.catchingUp;
  }
}
