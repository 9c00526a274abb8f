// SQL of open data: the register dumps, the request for one (an outbox job), and what the listing shows.
import type { LegalDate } from '@registrum/procedures';
import type { Queryable } from '../../platform/db/db.ts';
import type { PublishedFile } from './bundle.ts';

export interface DumpRow {
  id: string; office_date: LegalDate; generated_at: Date; seal_id: number | null; seal_hash: string | null;
  case_count: number; files: PublishedFile[]; requested_by: string | null;
}

export const DUMP_TOPIC = 'opendata.dump';

export async function publicCaseIds(q: Queryable, rights: readonly string[]): Promise<string[]> {
  return (await q.query<{ id: string }>('SELECT id FROM cases WHERE public AND right_kind = ANY($1::text[]) ORDER BY number', [rights])).rows.map((r) => r.id);
}

export async function latestSeal(q: Queryable): Promise<{ id: number; hash: string } | null> {
  return (await q.query<{ id: number; hash: string }>('SELECT id, hash FROM journal_seals ORDER BY id DESC LIMIT 1')).rows[0] ?? null;
}

export async function insertDump(q: Queryable, d: DumpRow): Promise<void> {
  await q.query(
    `INSERT INTO opendata_dumps (id, office_date, generated_at, seal_id, seal_hash, case_count, files, requested_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [d.id, d.office_date, d.generated_at, d.seal_id, d.seal_hash, d.case_count, JSON.stringify(d.files), d.requested_by]);
}

export async function listDumps(q: Queryable, limit: number, offset: number): Promise<{ rows: DumpRow[]; total: number }> {
  const total = Number((await q.query<{ n: string }>('SELECT count(*) AS n FROM opendata_dumps')).rows[0].n);
  const rows = (await q.query<DumpRow>('SELECT * FROM opendata_dumps ORDER BY generated_at DESC, id LIMIT $1 OFFSET $2', [limit, offset])).rows;
  return { rows, total };
}

export async function getDump(q: Queryable, ref: string): Promise<DumpRow | undefined> {
  if (ref === 'latest') return (await q.query<DumpRow>('SELECT * FROM opendata_dumps ORDER BY generated_at DESC, id LIMIT 1')).rows[0];
  if (!/^[0-9a-f-]{36}$/i.test(ref)) return undefined;
  return (await q.query<DumpRow>('SELECT * FROM opendata_dumps WHERE id = $1', [ref])).rows[0];
}

/** Asks the worker for a dump, unless one is already asked for. Returns whether a request was made. */
export async function requestDump(q: Queryable, requestedBy: string | null): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO outbox (topic, payload) SELECT $1, $2
      WHERE NOT EXISTS (SELECT 1 FROM outbox WHERE topic = $1 AND status = 'pending')`,
    [DUMP_TOPIC, JSON.stringify({ requestedBy })]);
  return (rowCount ?? 0) > 0;
}

/** The office date of the latest dump, and whether one is asked for. */
export async function dumpState(q: Queryable): Promise<{ last: LegalDate | null; pending: boolean }> {
  const { rows } = await q.query<{ last: LegalDate | null; pending: boolean }>(
    `SELECT (SELECT max(office_date) FROM opendata_dumps) AS last,
            EXISTS (SELECT 1 FROM outbox WHERE topic = $1 AND status = 'pending') AS pending`, [DUMP_TOPIC]);
  return rows[0];
}

export interface IssueFilesRow { id: string; number: string; issue_date: LegalDate; published_at: Date; entry_count: number; seal_hash: string | null; files: PublishedFile[] }

export async function publishedIssues(q: Queryable, limit: number, offset: number): Promise<{ rows: IssueFilesRow[]; total: number }> {
  const total = Number((await q.query<{ n: string }>("SELECT count(*) AS n FROM gazette_issues WHERE status = 'published'")).rows[0].n);
  const rows = (await q.query<IssueFilesRow>(
    `SELECT id, number, issue_date, published_at, entry_count, seal_hash, files FROM gazette_issues WHERE status = 'published'
      ORDER BY issue_date DESC LIMIT $1 OFFSET $2`, [limit, offset])).rows;
  return { rows, total };
}
