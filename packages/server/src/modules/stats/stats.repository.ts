// SQL of the office dashboard: set-based aggregates over the journal and the case projection, each
// served by an index (migration 005), so the dashboard stays fast on a large register.
import type { LegalDate } from '@registrum/procedures';
import type { Queryable } from '../../platform/db/db.ts';

type Pairs = { right: string; value: string }[];
const unnestPairs = (pairs: Pairs) => [pairs.map((p) => p.right), pairs.map((p) => p.value)];

/** New cases by right and ISO week (Monday) of their first act, between two office dates. */
export async function filingsPerWeek(q: Queryable, from: LegalDate, to: LegalDate) {
  return (await q.query<{ right: string; week_start: LegalDate; n: number }>(
    `SELECT c.right_kind AS right, (a.office_date - (extract(isodow FROM a.office_date)::int - 1))::text AS week_start, count(*)::int AS n
       FROM acts a JOIN cases c ON c.id = a.case_id
      WHERE a.seq = 1 AND a.office_date BETWEEN $1 AND $2
      GROUP BY 1, 2`, [from, to])).rows;
}

/** Cases by right and state (an index-only scan of cases_state; the caller keeps the states it wants). */
export async function casesByState(q: Queryable) {
  return (await q.query<{ right: string; state: string; n: number }>(
    'SELECT right_kind AS right, state, count(*)::int AS n FROM cases GROUP BY right_kind, state')).rows;
}

/** Median days from filing date to the act of the given (right, act type) pairs recorded between two dates. */
export async function pendency(q: Queryable, pairs: Pairs, from: LegalDate, to: LegalDate) {
  const [rights, types] = unnestPairs(pairs);
  return (await q.query<{ right: string; median: number; n: number }>(
    `SELECT c.right_kind AS right, percentile_cont(0.5) WITHIN GROUP (ORDER BY a.office_date - c.filing_date) AS median, count(*)::int AS n
       -- OFFSET 0 keeps the case lookup per act (by primary key): the acts of the period are few, the cases many.
       FROM acts a CROSS JOIN LATERAL (SELECT right_kind, filing_date FROM cases WHERE id = a.case_id OFFSET 0) c
      WHERE a.type = ANY($2::text[]) AND a.office_date BETWEEN $3 AND $4 AND c.filing_date IS NOT NULL
        AND (c.right_kind, a.type) IN (SELECT * FROM unnest($1::text[], $2::text[]))
      GROUP BY c.right_kind`, [rights, types, from, to])).rows;
}

export interface DueRow { case_id: string; number: string; right: string; title: string | null; kind: string; due_on: LegalDate }

/** Open time limits due between two office dates (earliest first), at most `limit`, and how many there are. */
export async function openTimeLimitsDue(q: Queryable, from: LegalDate, to: LegalDate, limit: number): Promise<{ rows: DueRow[]; total: number }> {
  const rows = (await q.query<DueRow>(
    `SELECT t.case_id, c.number, c.right_kind AS right, c.title, t.kind, t.due_on
       FROM time_limits t JOIN cases c ON c.id = t.case_id
      WHERE t.status = 'open' AND t.due_on BETWEEN $1 AND $2
      ORDER BY t.due_on, c.number, t.kind LIMIT $3`, [from, to, limit])).rows;
  const total = rows.length < limit ? rows.length : Number((await q.query<{ n: string }>(
    "SELECT count(*) AS n FROM time_limits WHERE status = 'open' AND due_on BETWEEN $1 AND $2", [from, to])).rows[0].n);
  return { rows, total };
}
