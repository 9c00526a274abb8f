// Read-side SQL of the cases module. Writes go through the procedure engine only.
import type { LegalDate } from '@registrum/procedures';
import type { Queryable } from '../../platform/db/db.ts';
import type { ActRow, CaseRow, TimeLimitRow } from '../../procedure-engine/journal.repository.ts';

export type { ActRow, CaseRow, TimeLimitRow };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findCase(q: Queryable, idOrNumber: string): Promise<CaseRow | undefined> {
  const { rows } = UUID.test(idOrNumber)
    ? await q.query<CaseRow>('SELECT * FROM cases WHERE id = $1', [idOrNumber])
    : await q.query<CaseRow>('SELECT * FROM cases WHERE number = $1', [idOrNumber]);
  return rows[0];
}

export async function actsOf(q: Queryable, caseId: string, asOf?: LegalDate): Promise<ActRow[]> {
  const { rows } = asOf
    ? await q.query<ActRow>('SELECT * FROM acts WHERE case_id = $1 AND office_date <= $2 ORDER BY seq', [caseId, asOf])
    : await q.query<ActRow>('SELECT * FROM acts WHERE case_id = $1 ORDER BY seq', [caseId]);
  return rows;
}

export async function timeLimitsOf(q: Queryable, caseId: string, asOf?: LegalDate): Promise<(TimeLimitRow & { opened_on: LegalDate })[]> {
  const { rows } = await q.query(
    `SELECT t.*, a.office_date AS opened_on FROM time_limits t JOIN acts a ON a.id = t.opened_by_act
      WHERE t.case_id = $1 AND ($2::date IS NULL OR a.office_date <= $2::date) ORDER BY t.due_on`,
    [caseId, asOf ?? null],
  );
  return rows as any;
}

export async function feesOf(q: Queryable, caseId: string) {
  // The schedule version a fee was charged under is recorded with the act's fee lines (null before it was).
  return (await q.query(
    `SELECT f.id, f.code, f.title, f.quantity, f.amount, f.currency, f.paid, f.due_on, a.type AS act,
            (SELECT e -> 'schedule' FROM jsonb_array_elements(a.effects -> 'fees') e WHERE e ->> 'code' = f.code LIMIT 1) AS schedule
       FROM fees f JOIN acts a ON a.id = f.act_id WHERE f.case_id = $1 ORDER BY f.due_on, a.seq`, [caseId])).rows;
}

export async function paymentsOf(q: Queryable, caseId: string) {
  return (await q.query('SELECT id, amount, currency, method, reference, received_on FROM payments WHERE case_id = $1 ORDER BY received_on, act_id', [caseId])).rows;
}

export async function partiesOf(q: Queryable, caseId: string) {
  return (await q.query(
    `SELECT p.id, cp.role, p.kind, p.name, p.address, p.country, p.nationality, p.email, p.user_id
       FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = $1 ORDER BY cp.role, p.name`,
    [caseId],
  )).rows;
}

export async function childrenOf(q: Queryable, caseId: string) {
  return (await q.query('SELECT id, number, right_kind, state FROM cases WHERE parent_id = $1 ORDER BY created_at', [caseId])).rows;
}

export async function documentsOf(q: Queryable, caseId: string) {
  return (await q.query(`SELECT id, kind, direction, media_type, sha256, size, title, act_id, created_at, language, pages, submitter, received_on::text AS received_on, verification_code, signed
                           FROM documents WHERE case_id = $1 ORDER BY created_at`, [caseId])).rows;
}

export async function documentsBySha(q: Queryable, sha: string) {
  return (await q.query<{ case_id: string; kind: string; media_type: string }>('SELECT case_id, kind, media_type FROM documents WHERE sha256 = $1', [sha])).rows;
}

export interface ListFilter {
  states?: string[]; right?: string; text?: string; assignedTo?: string;
  /** A holder's or applicant's name contains this (any case). */
  holder?: string;
  /** The goods and services include this Nice class. */
  classNumber?: number;
  /** The case number is this or starts with it. */
  numberPrefix?: string;
  /** Only cases in one of these (right, state) pairs: a worklist's lanes. */
  lanes?: { right: string; state: string }[];
  /** null = everything (office); otherwise only public cases and those of this user/party. */
  visibleTo: { userId: string; partyId: string | null } | null | 'public';
  limit: number; offset: number;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (m) => `\\${m}`);
const contains = (s: string) => `%${escapeLike(s)}%`;

export async function listCases(q: Queryable, f: ListFilter): Promise<{ rows: (CaseRow & { assignee_name: string | null })[]; total: number }> {
  const where: string[] = []; const params: unknown[] = [];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  if (f.states?.length) where.push(`c.state = ANY(${p(f.states)})`);
  if (f.right) where.push(`c.right_kind = ${p(f.right)}`);
  if (f.lanes) where.push(`(c.right_kind, c.state) IN (SELECT * FROM unnest(${p(f.lanes.map((l) => l.right))}::text[], ${p(f.lanes.map((l) => l.state))}::text[]))`);
  // Case-folded by the database on both sides (lower() folds every script under a UTF-8 ctype), so the
  // expression indexes of migration 005 serve these searches.
  if (f.text) where.push(`(lower(c.title) LIKE lower(${p(contains(f.text))}) OR c.number = ${p(f.text.toUpperCase())})`);
  if (f.holder) {
    where.push(`EXISTS (SELECT 1 FROM case_parties hp JOIN parties hn ON hn.id = hp.party_id
      WHERE hp.case_id = c.id AND hp.role IN ('holder', 'applicant') AND lower(hn.name) LIKE lower(${p(contains(f.holder))}))`);
  }
  if (f.classNumber !== undefined) where.push(`c.data -> 'goodsServices' @> ${p(JSON.stringify([{ classNumber: f.classNumber }]))}::jsonb`);
  if (f.numberPrefix) where.push(`c.number LIKE ${p(`${escapeLike(f.numberPrefix)}%`)}`);
  if (f.assignedTo) where.push(`c.assigned_to = ${p(f.assignedTo)}`);
  if (f.visibleTo === 'public') where.push('c.public');
  else if (f.visibleTo) {
    where.push(`(c.public OR c.filed_by = ${p(f.visibleTo.userId)} OR EXISTS (SELECT 1 FROM case_parties cp JOIN parties pa ON pa.id = cp.party_id
      WHERE cp.case_id = c.id AND (pa.user_id = ${p(f.visibleTo.userId)} OR cp.party_id = ${p(f.visibleTo.partyId)})))`);
  }
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = Number((await q.query<{ n: string }>(`SELECT count(*) AS n FROM cases c ${w}`, params)).rows[0].n);
  const rows = (await q.query<CaseRow & { assignee_name: string | null }>(
    `SELECT c.*, u.display_name AS assignee_name FROM cases c LEFT JOIN users u ON u.id = c.assigned_to ${w}
      ORDER BY c.updated_at DESC, c.id LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`, params)).rows;
  return { rows, total };
}

export async function countByState(q: Queryable, states: string[]): Promise<Record<string, number>> {
  const { rows } = await q.query<{ state: string; right_kind: string; n: string }>(
    'SELECT right_kind, state, count(*) AS n FROM cases WHERE state = ANY($1) GROUP BY right_kind, state', [states]);
  return Object.fromEntries(rows.map((r) => [`${r.right_kind}:${r.state}`, Number(r.n)]));
}

export async function assign(q: Queryable, caseId: string, userId: string | null) {
  await q.query('UPDATE cases SET assigned_to = $2 WHERE id = $1', [caseId, userId]);
}

export async function idempotentResponse(q: Queryable, userId: string, key: string) {
  return (await q.query<{ request_hash: string; status_code: number; response: any }>(
    'SELECT request_hash, status_code, response FROM idempotency_keys WHERE user_id = $1 AND key = $2', [userId, key])).rows[0];
}

/** Claims the key inside the filing transaction; a concurrent duplicate waits here, then sees the row. */
export async function claimIdempotencyKey(q: Queryable, userId: string, key: string, requestHash: string): Promise<boolean> {
  const { rows } = await q.query(
    `INSERT INTO idempotency_keys (user_id, key, request_hash, status_code, response) VALUES ($1, $2, $3, 0, '{}')
     ON CONFLICT DO NOTHING RETURNING key`, [userId, key, requestHash]);
  return rows.length === 1;
}

export async function storeIdempotentResponse(q: Queryable, userId: string, key: string, status: number, response: unknown) {
  await q.query('UPDATE idempotency_keys SET status_code = $3, response = $4 WHERE user_id = $1 AND key = $2', [userId, key, status, JSON.stringify(response)]);
}

/**
 * A document filed on a case. An incoming one takes the legal date of receipt from its act's office date
 * and is taken to be in the case's language (the language of the proceedings) unless it says otherwise.
 */
export async function insertDocument(q: Queryable, d: {
  id: string; caseId: string; actId: number | null; kind: string; direction: 'incoming' | 'outgoing'; mediaType: string; sha256: string; size: number; title: string;
  pages?: number | null; submittedBy?: string | null; submitter?: string | null; language?: string | null;
}) {
  await q.query(
    `INSERT INTO documents (id, case_id, act_id, kind, direction, media_type, sha256, size, title, pages, submitted_by, submitter, language, received_on)
     SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
            coalesce($13, (SELECT c.data->>'language' FROM cases c WHERE c.id = $2)),
            CASE WHEN $5 = 'incoming' THEN (SELECT a.office_date FROM acts a WHERE a.id = $3) END
     ON CONFLICT DO NOTHING`,
    [d.id, d.caseId, d.actId, d.kind, d.direction, d.mediaType, d.sha256, d.size, d.title, d.pages ?? null, d.submittedBy ?? null, d.submitter ?? null, d.language ?? null]);
}
