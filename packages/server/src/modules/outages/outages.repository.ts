// The SQL of declared outages: the periods themselves (chained and frozen by the database), what their
// extension did case by case, and the filings entered for them.
import type { LegalDate } from '@registrum/procedures';
import type { Queryable } from '../../platform/db/db.ts';

export interface OutageRow {
  id: string; seq: number; starts_at: Date; ends_at: Date; time_zone: string; first_day: LegalDate; last_day: LegalDate;
  reason: string; channels: string[]; declared_on: LegalDate; declared_at: Date; declared_by: string | null; declared_by_name: string;
  prev_hash: string; hash: string; extended_at: Date | null;
}

/** Declarations one at a time: the overlap check and the chain see every earlier one. */
export async function lockOutages(q: Queryable): Promise<void> {
  await q.query('LOCK TABLE outages IN SHARE ROW EXCLUSIVE MODE');
}

export async function overlapping(q: Queryable, startsAt: Date, endsAt: Date): Promise<OutageRow | undefined> {
  return (await q.query<OutageRow>('SELECT * FROM outages WHERE starts_at < $2 AND $1 < ends_at ORDER BY seq LIMIT 1', [startsAt, endsAt])).rows[0];
}

/** Records a declaration; the database numbers it and chains it to the one before. */
export async function insertOutage(q: Queryable, o: {
  id: string; startsAt: Date; endsAt: Date; timeZone: string; firstDay: LegalDate; lastDay: LegalDate; reason: string; channels: string[];
  declaredOn: LegalDate; declaredAt: Date; declaredBy: string | null; declaredByName: string;
}): Promise<OutageRow> {
  return (await q.query<OutageRow>(
    `INSERT INTO outages (id, seq, starts_at, ends_at, time_zone, first_day, last_day, reason, channels, declared_on, declared_at, declared_by, declared_by_name, prev_hash, hash)
     VALUES ($1, 0, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, '', '') RETURNING *`,
    [o.id, o.startsAt, o.endsAt, o.timeZone, o.firstDay, o.lastDay, o.reason, o.channels, o.declaredOn, o.declaredAt, o.declaredBy, o.declaredByName])).rows[0];
}

export async function findOutage(q: Queryable, id: string): Promise<OutageRow | undefined> {
  return (await q.query<OutageRow>('SELECT * FROM outages WHERE id = $1', [id])).rows[0];
}

export async function listOutages(q: Queryable, limit: number): Promise<OutageRow[]> {
  return (await q.query<OutageRow>('SELECT * FROM outages ORDER BY starts_at DESC LIMIT $1', [limit])).rows;
}

/** Every declared period as office dates (the next available day lies in none of them). */
export async function allOutageDays(q: Queryable): Promise<{ id: string; firstDay: LegalDate; lastDay: LegalDate }[]> {
  return (await q.query<{ id: string; firstDay: LegalDate; lastDay: LegalDate }>(
    'SELECT id, first_day AS "firstDay", last_day AS "lastDay" FROM outages ORDER BY first_day')).rows;
}

/** Outages whose extension has not been completed, declared before `before` (a run in progress elsewhere is left alone). */
export async function pendingOutages(q: Queryable, before: Date): Promise<string[]> {
  return (await q.query<{ id: string }>('SELECT id FROM outages WHERE extended_at IS NULL AND declared_at < $1 ORDER BY seq', [before])).rows.map((r) => r.id);
}

export async function markExtended(q: Queryable, id: string, at: Date): Promise<void> {
  await q.query('UPDATE outages SET extended_at = $2 WHERE id = $1 AND extended_at IS NULL', [id, at]);
}

/** Cases with an open time limit whose due date or end of grace falls on one of the days. */
export async function casesWithOpenLimitsIn(q: Queryable, first: LegalDate, last: LegalDate): Promise<string[]> {
  return (await q.query<{ case_id: string }>(
    `SELECT DISTINCT case_id FROM time_limits
      WHERE status = 'open' AND (due_on BETWEEN $1 AND $2 OR grace_ends_on BETWEEN $1 AND $2) ORDER BY case_id`, [first, last])).rows.map((r) => r.case_id);
}

export interface ExpiredInRow {
  limit_id: string; case_id: string; kind: string; due_on: LegalDate; grace_ends_on: LegalDate | null;
  act_id: number; act_seq: number; act_type: string; actor_role: string; state_before: string | null; state_after: string; effects: any;
  number: string; framework: string; right_kind: string; procedure_version: string; act_count: number; state: string;
}

/** Time limits the expiry sweep acted on although their last day fell on one of the days. */
export async function expiredIn(q: Queryable, first: LegalDate, last: LegalDate): Promise<ExpiredInRow[]> {
  return (await q.query<ExpiredInRow>(
    `SELECT t.id AS limit_id, t.case_id, t.kind, t.due_on, t.grace_ends_on,
            a.id AS act_id, a.seq AS act_seq, a.type AS act_type, a.actor_role, a.state_before, a.state_after, a.effects,
            c.number, c.framework, c.right_kind, c.procedure_version, c.act_count, c.state
       FROM time_limits t JOIN acts a ON a.id = t.closed_by_act JOIN cases c ON c.id = t.case_id
      WHERE t.status = 'expired' AND t.expires_after BETWEEN $1 AND $2
      ORDER BY c.number, t.kind`, [first, last])).rows;
}

/** The other time limits an act ended (closed or met), as they stood. */
export async function otherLimitsEndedBy(q: Queryable, actId: number, except: string): Promise<{ kind: string; due_on: LegalDate; grace_ends_on: LegalDate | null; status: 'closed' | 'met' }[]> {
  return (await q.query<{ kind: string; due_on: LegalDate; grace_ends_on: LegalDate | null; status: 'closed' | 'met' }>(
    "SELECT kind, due_on, grace_ends_on, status FROM time_limits WHERE closed_by_act = $1 AND id <> $2 AND status IN ('closed', 'met') ORDER BY due_on, kind",
    [actId, except])).rows;
}

/** The case data each act before `seq` set, in order (to know what a later act's fields were before it). */
export async function dataBefore(q: Queryable, caseId: string, seq: number): Promise<Record<string, any>[]> {
  return (await q.query<{ data: Record<string, any> | null }>(
    "SELECT effects -> 'data' AS data FROM acts WHERE case_id = $1 AND seq < $2 ORDER BY seq", [caseId, seq])).rows.map((r) => r.data ?? {});
}

export async function recordEffect(q: Queryable, e: { outageId: string; caseId: string; outcome: 'extended' | 'reinstated' | 'review'; actId: number | null; detail: unknown; at: Date }): Promise<void> {
  await q.query(
    `INSERT INTO outage_effects (outage_id, case_id, outcome, act_id, detail, recorded_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT DO NOTHING`,
    [e.outageId, e.caseId, e.outcome, e.actId, JSON.stringify(e.detail), e.at]);
}

export interface EffectRow { case_id: string; number: string; outcome: 'extended' | 'reinstated' | 'review'; act_id: number | null; detail: any; recorded_at: Date }

export async function effectsOf(q: Queryable, outageId: string): Promise<EffectRow[]> {
  return (await q.query<EffectRow>(
    `SELECT e.case_id, c.number, e.outcome, e.act_id, e.detail, e.recorded_at
       FROM outage_effects e JOIN cases c ON c.id = e.case_id WHERE e.outage_id = $1 ORDER BY e.outcome, c.number`, [outageId])).rows;
}

export async function effectCounts(q: Queryable, ids: string[]): Promise<Map<string, Record<string, number>>> {
  const rows = (await q.query<{ outage_id: string; outcome: string; n: number }>(
    'SELECT outage_id, outcome, count(*)::int AS n FROM outage_effects WHERE outage_id = ANY($1::uuid[]) GROUP BY outage_id, outcome', [ids])).rows;
  const out = new Map<string, Record<string, number>>();
  for (const r of rows) out.set(r.outage_id, { ...(out.get(r.outage_id) ?? {}), [r.outcome]: r.n });
  return out;
}

/** An applicant's or agent's account a filing is entered for. */
export async function filerAccount(q: Queryable, username: string): Promise<{ id: string; role: string; display_name: string; party_id: string | null; active: boolean } | undefined> {
  return (await q.query<{ id: string; role: string; display_name: string; party_id: string | null; active: boolean }>(
    'SELECT id, role, display_name, party_id, active FROM users WHERE username = $1', [username])).rows[0];
}

export async function insertFallbackFiling(q: Queryable, f: {
  caseId: string; actId: number; outageId: string; receivedOn: LegalDate; channel: string; evidence: string; enteredBy: string; enteredAt: Date;
}): Promise<void> {
  await q.query(
    `INSERT INTO fallback_filings (case_id, act_id, outage_id, received_on, channel, evidence_sha256, entered_by, entered_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [f.caseId, f.actId, f.outageId, f.receivedOn, f.channel, f.evidence, f.enteredBy, f.enteredAt]);
}

export interface FallbackFilingRow {
  case_id: string; number: string; right_kind: string; title: string | null; filing_date: LegalDate | null; received_on: LegalDate; channel: string;
  evidence_sha256: string; entered_by_name: string; entered_at: Date;
}

export async function fallbackFilingsOf(q: Queryable, outageId: string): Promise<FallbackFilingRow[]> {
  return (await q.query<FallbackFilingRow>(
    `SELECT f.case_id, c.number, c.right_kind, c.title, c.filing_date, f.received_on, f.channel, f.evidence_sha256, u.display_name AS entered_by_name, f.entered_at
       FROM fallback_filings f JOIN cases c ON c.id = f.case_id JOIN users u ON u.id = f.entered_by
      WHERE f.outage_id = $1 ORDER BY f.received_on, f.entered_at`, [outageId])).rows;
}

/** The time limits an act extended, as its effects recorded them. */
export async function extensionsOfAct(q: Queryable, actId: number): Promise<{ kind: string; dueOn: LegalDate; newDueOn: LegalDate; graceEndsOn: LegalDate | null; newGraceEndsOn: LegalDate | null }[]> {
  const { rows } = await q.query<{ extended: any[] | null }>("SELECT effects -> 'timeLimits' -> 'extended' AS extended FROM acts WHERE id = $1", [actId]);
  return rows[0]?.extended ?? [];
}
