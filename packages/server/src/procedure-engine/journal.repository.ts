// The engine's SQL: cases, acts (the journal), time limits, fees, payments and outbox rows.
// Every function takes the transaction it runs in; none commits.
import { randomUUID } from 'node:crypto';
import type { LegalDate, TimeLimitExtension } from '@registrum/procedures';
import type { Queryable } from '../platform/db/db.ts';
import type { FeeLine, TimeLimitPlan } from './decide.ts';

export interface CaseRow {
  id: string;
  number: string;
  right_kind: string;
  framework: string;
  procedure_version: string;
  state: string;
  public: boolean;
  filing_date: LegalDate | null;
  title: string | null;
  parent_id: string | null;
  filed_by: string | null;
  assigned_to: string | null;
  data: Record<string, any>;
  currency: string;
  fees_outstanding: number;
  credit: number;
  act_count: number;
  head_hash: string;
  created_at: Date;
  updated_at: Date;
}

export interface TimeLimitRow {
  id: string; case_id: string; kind: string; status: string; opened_by_act: number;
  starts_from: LegalDate; window_opens_on: LegalDate | null; due_on: LegalDate; grace_ends_on: LegalDate | null;
  expires_after: LegalDate; on_expiry: string; computation: Record<string, unknown>;
  closed_by_act: number | null; closed_on: LegalDate | null;
}

export interface ActRow {
  id: number; case_id: string; seq: number; type: string; office_date: LegalDate; recorded_at: Date;
  actor_id: string | null; actor_role: string; actor_name: string; legal_basis: string;
  state_before: string | null; state_after: string; payload: any; effects: any; event: any;
  prev_hash: string; hash: string; seal_id: number | null;
}

export interface PartyInput { kind?: 'natural' | 'legal'; name: string; address?: string; country?: string; nationality?: string; email?: string }

// NO KEY UPDATE: acts on a case wait for each other, but not for a transaction that only refers to the case
// (a worker's batch filing its documents and notices holds KEY SHARE on the row until it commits).
export async function lockCase(q: Queryable, id: string): Promise<CaseRow | undefined> {
  const { rows } = await q.query<CaseRow>('SELECT * FROM cases WHERE id = $1 FOR NO KEY UPDATE', [id]);
  return rows[0];
}

export async function getCase(q: Queryable, id: string): Promise<CaseRow | undefined> {
  const { rows } = await q.query<CaseRow>('SELECT * FROM cases WHERE id = $1', [id]);
  return rows[0];
}

export async function openTimeLimits(q: Queryable, caseId: string): Promise<TimeLimitRow[]> {
  const { rows } = await q.query<TimeLimitRow>("SELECT * FROM time_limits WHERE case_id = $1 AND status = 'open' ORDER BY due_on", [caseId]);
  return rows;
}

export async function expiredTimeLimits(q: Queryable, caseId: string): Promise<TimeLimitRow[]> {
  const { rows } = await q.query<TimeLimitRow>("SELECT * FROM time_limits WHERE case_id = $1 AND status = 'expired' ORDER BY due_on", [caseId]);
  return rows;
}

export async function insertCase(q: Queryable, c: {
  id: string; number: string; right: string; framework: string; version: string; state: string;
  parentId: string | null; filedBy: string | null; currency: string; genesisHash: string;
}): Promise<CaseRow> {
  const { rows } = await q.query<CaseRow>(
    `INSERT INTO cases (id, number, right_kind, framework, procedure_version, state, parent_id, filed_by, currency, head_hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING *`,
    [c.id, c.number, c.right, c.framework, c.version, c.state, c.parentId, c.filedBy, c.currency, c.genesisHash],
  );
  return rows[0];
}

/**
 * Gives the case the next number of its series ('TM-2026-000042'), in one statement. The counter row
 * stays locked until commit, which keeps the series without gaps: take it last in the transaction.
 */
export async function assignNumber(q: Queryable, id: string, series: string, prefix: string): Promise<string> {
  const { rows } = await q.query<{ number: string }>(
    `WITH n AS (INSERT INTO counters (name, value) VALUES ($2, 1) ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value)
     UPDATE cases SET number = $3 || lpad(n.value::text, 6, '0') FROM n WHERE cases.id = $1 RETURNING cases.number`,
    [id, series, prefix]);
  return rows[0].number;
}

export async function insertParty(q: Queryable, p: PartyInput, userId: string | null = null): Promise<string> {
  return (await insertParties(q, [p], userId))[0];
}

/** Several parties in one statement; returns their ids in order. */
export async function insertParties(q: Queryable, list: PartyInput[], userId: string | null = null): Promise<string[]> {
  if (list.length === 0) return [];
  const ids = list.map(() => randomUUID());
  await q.query(
    `INSERT INTO parties (id, kind, name, address, country, nationality, email, user_id)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::uuid[])`,
    [ids, list.map((p) => p.kind ?? 'legal'), list.map((p) => p.name), list.map((p) => p.address ?? null), list.map((p) => p.country ?? null),
      list.map((p) => p.nationality ?? null), list.map((p) => p.email ?? null), list.map(() => userId)],
  );
  return ids;
}

export async function linkParties(q: Queryable, caseId: string, links: { partyId: string; role: string }[]): Promise<void> {
  if (links.length === 0) return;
  await q.query(
    'INSERT INTO case_parties (case_id, party_id, role) SELECT $1, * FROM unnest($2::uuid[], $3::text[]) ON CONFLICT DO NOTHING',
    [caseId, links.map((l) => l.partyId), links.map((l) => l.role)]);
}

export interface CasePartyRow { party_id: string; role: string; user_id: string | null; name: string }

export async function caseParties(q: Queryable, caseId: string): Promise<CasePartyRow[]> {
  const { rows } = await q.query<CasePartyRow>(
    'SELECT cp.party_id, cp.role, p.user_id, p.name FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = $1 ORDER BY cp.role, p.name',
    [caseId],
  );
  return rows;
}

/** After a transfer the account that filed the case no longer acts in it as the filer. */
export async function endFilerStanding(q: Queryable, caseId: string): Promise<void> {
  await q.query('UPDATE cases SET filed_by = NULL WHERE id = $1', [caseId]);
}

/** Ends the case's links in a role; returns who they were. */
export async function unlinkParties(q: Queryable, caseId: string, role: string): Promise<{ role: string; partyId: string; name: string }[]> {
  const { rows } = await q.query<{ party_id: string; name: string }>(
    `WITH d AS (DELETE FROM case_parties WHERE case_id = $1 AND role = $2 RETURNING party_id)
     SELECT d.party_id, p.name FROM d JOIN parties p ON p.id = d.party_id ORDER BY p.name`, [caseId, role]);
  return rows.map((r) => ({ role, partyId: r.party_id, name: r.name }));
}

export async function unpaidFees(q: Queryable, caseId: string): Promise<{ id: string; amount: number; paid: number }[]> {
  const { rows } = await q.query('SELECT id, amount, paid FROM fees WHERE case_id = $1 AND paid < amount ORDER BY due_on, id', [caseId]);
  return rows as any;
}

export async function addFeePayment(q: Queryable, feeId: string, amount: number): Promise<void> {
  await q.query('UPDATE fees SET paid = paid + $2 WHERE id = $1', [feeId, amount]);
}

export async function closeTimeLimits(q: Queryable, caseId: string, kinds: string[] | 'all', status: 'met' | 'expired' | 'closed', actId: number, on: LegalDate): Promise<string[]> {
  const { rows } = kinds === 'all'
    ? await q.query<{ kind: string }>(
      "UPDATE time_limits SET status = $2, closed_by_act = $3, closed_on = $4 WHERE case_id = $1 AND status = 'open' RETURNING kind",
      [caseId, status, actId, on])
    : await q.query<{ kind: string }>(
      "UPDATE time_limits SET status = $2, closed_by_act = $3, closed_on = $4 WHERE case_id = $1 AND status = 'open' AND kind = ANY($5) RETURNING kind",
      [caseId, status, actId, on, kinds]);
  return rows.map((r) => r.kind);
}

export async function insertTimeLimit(q: Queryable, caseId: string, actId: number, t: TimeLimitPlan): Promise<void> {
  await q.query(
    `INSERT INTO time_limits (id, case_id, kind, status, opened_by_act, starts_from, window_opens_on, due_on, grace_ends_on, expires_after, on_expiry, computation)
     VALUES ($1, $2, $3, 'open', $4, $5, $6, $7, $8, $9, $10, $11)`,
    [randomUUID(), caseId, t.kind, actId, t.startsFrom, t.windowOpensOn, t.dueOn, t.graceEndsOn, t.expiresAfter, t.onExpiry, JSON.stringify(t.computation)],
  );
}

/**
 * Gives a time limit later last days: the row as it stood is marked 'extended' (closed by this act) and
 * a new open row takes its place with the new dates, the reason appended to how it was computed.
 */
export async function extendTimeLimit(q: Queryable, caseId: string, actId: number, on: LegalDate, e: TimeLimitExtension): Promise<void> {
  const { rows } = await q.query<{ id: string }>(
    `WITH old AS (
       UPDATE time_limits SET status = 'extended', closed_by_act = $3, closed_on = $4
        WHERE id = (SELECT id FROM time_limits
                     WHERE case_id = $1 AND kind = $2 AND due_on = $5 AND grace_ends_on IS NOT DISTINCT FROM $6::date AND status = $7
                       AND ($8::bigint IS NULL OR closed_by_act = $8::bigint)
                     ORDER BY id LIMIT 1)
       RETURNING *
     )
     INSERT INTO time_limits (id, case_id, kind, status, opened_by_act, starts_from, window_opens_on, due_on, grace_ends_on, expires_after, on_expiry, computation)
     SELECT $9, old.case_id, old.kind, 'open', $3, old.starts_from, old.window_opens_on, $10::date, $11::date, greatest($10::date, coalesce($11::date, $10::date)), old.on_expiry,
            old.computation || jsonb_build_object('extensions', coalesce(old.computation -> 'extensions', '[]'::jsonb) || jsonb_build_array($12::jsonb || jsonb_build_object('act', $3::bigint, 'on', $4::date)))
       FROM old
     RETURNING id`,
    [caseId, e.kind, actId, on, e.dueOn, e.graceEndsOn, e.status, e.closedByAct ?? null, randomUUID(), e.newDueOn, e.newGraceEndsOn, JSON.stringify(e.reason)],
  );
  if (rows.length !== 1) throw new Error(`extendTimeLimit: case ${caseId} has no ${e.status} time limit ${e.kind} due ${e.dueOn}`);
}

export interface ActRecord {
  act: Omit<ActRow, 'id' | 'seal_id' | 'hash'>;
  fees: (FeeLine & { id: string; paid: number })[];
  payment: { amount: number; currency: string; method: string; reference: string | null } | null;
  projection: { state: string; public: boolean; filingDate: LegalDate | null; title: string | null; data: Record<string, unknown>; feesOutstanding: number; credit: number };
  jobs: { topic: string; payload: Record<string, unknown> }[];
}

/**
 * Records an act with its direct consequences in one statement: the journal entry (hashed by the
 * database from the stored values, registrum_act_hash), the fees it charges, the payment that came
 * with it, its outbox jobs (given the act's id) and the case projection (state, data, head of chain).
 */
export async function recordAct(q: Queryable, r: ActRecord): Promise<{ id: number; hash: string }> {
  const a = r.act; const p = r.projection;
  const { rows } = await q.query<{ id: number; hash: string }>(
    `WITH a AS (
       INSERT INTO acts (case_id, seq, type, office_date, recorded_at, actor_id, actor_role, actor_name, legal_basis,
                         state_before, state_after, payload, effects, event, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15,
               registrum_act_hash($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15))
       RETURNING id, hash
     ), f AS (
       INSERT INTO fees (id, case_id, act_id, code, title, quantity, amount, currency, paid, due_on)
       SELECT f.id, $1, a.id, f.code, f.title, f.quantity, f.amount, f.currency, f.paid, $4
         FROM a, unnest($16::uuid[], $17::text[], $18::text[], $19::int[], $20::bigint[], $21::text[], $22::bigint[])
              AS f(id, code, title, quantity, amount, currency, paid)
     ), p AS (
       INSERT INTO payments (id, case_id, act_id, amount, currency, method, reference, received_on)
       SELECT x.id, $1, a.id, x.amount, x.currency, x.method, x.reference, $4
         FROM a, unnest($23::uuid[], $24::bigint[], $25::text[], $26::text[], $27::text[]) AS x(id, amount, currency, method, reference)
     ), o AS (
       INSERT INTO outbox (topic, payload, case_id, act_id)
       SELECT j.topic, j.payload || jsonb_build_object('actId', a.id), $1, a.id FROM a, unnest($28::text[], $29::jsonb[]) AS j(topic, payload)
     )
     UPDATE cases SET state = $11, public = $30, filing_date = $31, title = $32, data = $33, fees_outstanding = $34,
            credit = $35, act_count = $2, head_hash = a.hash, updated_at = $5
       FROM a WHERE cases.id = $1
     RETURNING a.id, a.hash`,
    [a.case_id, a.seq, a.type, a.office_date, a.recorded_at, a.actor_id, a.actor_role, a.actor_name, a.legal_basis,
      a.state_before, a.state_after, JSON.stringify(a.payload), JSON.stringify(a.effects), a.event ? JSON.stringify(a.event) : null, a.prev_hash,
      r.fees.map((f) => f.id), r.fees.map((f) => f.code), r.fees.map((f) => f.title), r.fees.map((f) => f.quantity),
      r.fees.map((f) => f.amount), r.fees.map((f) => f.currency), r.fees.map((f) => f.paid),
      r.payment ? [randomUUID()] : [], r.payment ? [r.payment.amount] : [], r.payment ? [r.payment.currency] : [],
      r.payment ? [r.payment.method] : [], r.payment ? [r.payment.reference] : [],
      r.jobs.map((j) => j.topic), r.jobs.map((j) => JSON.stringify(j.payload)),
      p.public, p.filingDate, p.title, JSON.stringify(p.data), p.feesOutstanding, p.credit],
  );
  if (rows.length !== 1) throw new Error(`recordAct: case ${a.case_id} not updated`);
  return rows[0];
}
