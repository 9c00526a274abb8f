// SQL of the audit trail (migration 014): events appended unchained, chained by the worker through
// registrum_audit_chain, listed for the administrator, and re-derived by journal verification.
import type { LegalDate } from '@registrum/procedures';
import type { Db, Queryable } from '../../platform/db/db.ts';

export type AuditKind = 'read-unpublished' | 'admin-change' | 'admin-denied';
export const AUDIT_KINDS: readonly AuditKind[] = ['read-unpublished', 'admin-change', 'admin-denied'];

export interface NewAuditEvent {
  officeDate: LegalDate; kind: AuditKind;
  userId: string | null; userRole: string; userName: string;
  caseId?: string | null; caseNumber?: string | null;
  method: string; route: string; url: string; status: number | null;
  summary: Record<string, unknown>; requestId?: string | null; address?: string | null;
}

export interface AuditEventRow {
  id: number; at: Date; office_date: LegalDate; kind: AuditKind; user_id: string | null; user_role: string; user_name: string;
  case_id: string | null; case_number: string | null; method: string; route: string; url: string; status: number | null;
  summary: Record<string, unknown>; request_id: string | null; address: string | null;
  seq: number | null; prev_hash: string | null; hash: string | null;
}

const COLUMNS = 'office_date, kind, user_id, user_role, user_name, case_id, case_number, method, route, url, status, summary, request_id, address';
const values = (e: NewAuditEvent) => [e.officeDate, e.kind, e.userId, e.userRole, e.userName, e.caseId ?? null, e.caseNumber ?? null,
  e.method, e.route, e.url, e.status, JSON.stringify(e.summary), e.requestId ?? null, e.address ?? null];

export async function insertEvent(q: Queryable, e: NewAuditEvent): Promise<number> {
  const { rows } = await q.query<{ id: number }>(
    `INSERT INTO audit_events (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13, $14) RETURNING id`, values(e));
  return rows[0].id;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A staff read of the case a route names, recorded in one statement if that case is not published
 * (nothing is written for a published or unknown case). Returns whether an event was written.
 */
export async function insertCaseReadIfUnpublished(q: Queryable, idOrNumber: string, e: Omit<NewAuditEvent, 'caseId' | 'caseNumber'>): Promise<boolean> {
  const where = UUID.test(idOrNumber) ? 'c.id = $13::uuid' : 'c.number = $13';
  const r = await q.query(
    `INSERT INTO audit_events (${COLUMNS})
     SELECT $1::date, $2, $3::uuid, $4, $5, c.id, c.number, $6, $7, $8, $9::int, $10::jsonb, $11, $12 FROM cases c WHERE ${where} AND NOT c.public`,
    [e.officeDate, e.kind, e.userId, e.userRole, e.userName, e.method, e.route, e.url, e.status, JSON.stringify(e.summary), e.requestId ?? null, e.address ?? null, idOrNumber]);
  return (r.rowCount ?? 0) > 0;
}

export interface CaseFacts { id: string; number: string; public: boolean; framework: string; right_kind: string; procedure_version: string }

export async function caseFacts(q: Queryable, idOrNumber: string): Promise<CaseFacts | undefined> {
  const { rows } = await q.query<CaseFacts>(
    `SELECT id, number, public, framework, right_kind, procedure_version FROM cases WHERE ${UUID.test(idOrNumber) ? 'id = $1::uuid' : 'number = $1'}`, [idOrNumber]);
  return rows[0];
}

/** The cases holding a stored document, with the kind it has in each. */
export async function documentHolders(q: Queryable, sha256: string, caseId?: string): Promise<(CaseFacts & { kind: string })[]> {
  return (await q.query<CaseFacts & { kind: string }>(
    `SELECT c.id, c.number, c.public, c.framework, c.right_kind, c.procedure_version, d.kind
       FROM documents d JOIN cases c ON c.id = d.case_id
      WHERE d.sha256 = $1 AND ($2::uuid IS NULL OR c.id = $2::uuid) ORDER BY c.number`, [sha256, caseId ?? null])).rows;
}

/** Of these case numbers, those not published, in the order given. */
export async function unpublishedOf(q: Queryable, numbers: string[]): Promise<{ id: string; number: string }[]> {
  if (numbers.length === 0) return [];
  const found = new Map((await q.query<{ id: string; number: string }>(
    'SELECT id, number FROM cases WHERE number = ANY($1::text[]) AND NOT public', [numbers])).rows.map((r) => [r.number, r]));
  return [...new Set(numbers)].flatMap((n) => (found.has(n) ? [found.get(n)!] : []));
}

// ---- the chain ----

/** Chains up to `max` pending events (one chainer at a time: an advisory lock on PostgreSQL). Null if another chainer holds it. */
export async function chainPending(db: Db, max: number): Promise<number | null> {
  return db.tx(async (q) => {
    if (db.kind === 'postgres') {
      const { rows } = await q.query<{ ok: boolean }>('SELECT pg_try_advisory_xact_lock(727102) AS ok');
      if (!rows[0].ok) return null;
    }
    return Number((await q.query<{ n: number }>('SELECT registrum_audit_chain($1) AS n', [max])).rows[0].n);
  });
}

const HASH_SQL = `registrum_audit_hash(e.seq, e.id, e.at, e.office_date, e.kind, e.user_id, e.user_role, e.user_name, e.case_id,
  e.case_number, e.method, e.route, e.url, e.status, e.summary, e.request_id, e.address, e.prev_hash)`;

/** Chained events whose stored hash is not that of their content. */
export async function alteredEvents(q: Queryable, limit: number): Promise<{ id: number; seq: number }[]> {
  const n = Number((await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events e WHERE e.seq IS NOT NULL AND e.hash IS DISTINCT FROM ${HASH_SQL}`)).rows[0].n);
  if (n === 0) return [];
  return (await q.query<{ id: number; seq: number }>(
    `SELECT e.id, e.seq FROM audit_events e WHERE e.seq IS NOT NULL AND e.hash IS DISTINCT FROM ${HASH_SQL} ORDER BY e.seq LIMIT $1`, [limit])).rows;
}

/** Chained events that do not follow the one before them: a gap in the positions, or a broken link. */
export async function brokenLinks(q: Queryable, limit: number): Promise<{ id: number; seq: number; prev_seq: number | null; prev_id: number | null; linked: boolean }[]> {
  return (await q.query(
    `SELECT id, seq, prev_seq, prev_id, (prev_hash = coalesce(prev_event_hash, registrum_audit_genesis())) AS linked
       FROM (SELECT e.id, e.seq, e.prev_hash, lag(e.seq) OVER w AS prev_seq, lag(e.id) OVER w AS prev_id, lag(e.hash) OVER w AS prev_event_hash
               FROM audit_events e WHERE e.seq IS NOT NULL WINDOW w AS (ORDER BY e.seq)) x
      WHERE seq <> coalesce(prev_seq, 0) + 1 OR prev_hash IS DISTINCT FROM coalesce(prev_event_hash, registrum_audit_genesis())
      ORDER BY seq LIMIT $1`, [limit])).rows as any;
}

export async function chainState(q: Queryable): Promise<{ events: number; unchained: number; head_seq: number | null; head_hash: string | null }> {
  return (await q.query<{ events: number; unchained: number; head_seq: number | null; head_hash: string | null }>(
    `SELECT (SELECT count(*) FROM audit_events)::int AS events, (SELECT count(*) FROM audit_events WHERE seq IS NULL)::int AS unchained,
            h.seq AS head_seq, h.hash AS head_hash
       FROM (SELECT 1) one LEFT JOIN (SELECT seq, hash FROM audit_events WHERE seq IS NOT NULL ORDER BY seq DESC LIMIT 1) h ON true`)).rows[0];
}

// ---- listing ----

export interface AuditFilter {
  userId?: string; kind?: AuditKind; from?: LegalDate; to?: LegalDate;
  /** The case by id and number: events about it, and lists that named it. */
  caseId?: string; caseNumber?: string;
  limit: number; offset: number;
}

export async function listEvents(q: Queryable, f: AuditFilter): Promise<{ rows: AuditEventRow[]; total: number }> {
  const params: unknown[] = [];
  const where: string[] = [];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  if (f.userId) where.push(`user_id = ${p(f.userId)}::uuid`);
  if (f.kind) where.push(`kind = ${p(f.kind)}`);
  if (f.from) where.push(`office_date >= ${p(f.from)}::date`);
  if (f.to) where.push(`office_date <= ${p(f.to)}::date`);
  if (f.caseNumber) {
    const n = p(f.caseNumber);
    where.push(`(case_number = ${n}${f.caseId ? ` OR case_id = ${p(f.caseId)}::uuid` : ''} OR (summary -> 'cases') @> jsonb_build_array(${n}::text))`);
  }
  const sql = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = Number((await q.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_events ${sql}`, params)).rows[0].n);
  const rows = (await q.query<AuditEventRow>(
    `SELECT * FROM audit_events ${sql} ORDER BY id DESC LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`, params)).rows;
  return { rows, total };
}
