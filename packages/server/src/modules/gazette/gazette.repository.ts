// SQL of the gazette: its calendar setting, issues and entries, and the reads that compile an issue.
// A published issue and its entries are frozen by the database (migration 008).
import type { LegalDate } from '@registrum/procedures';
import type { Queryable } from '../../platform/db/db.ts';
import type { GazetteCalendar } from './calendar.ts';

export interface IssueRow {
  id: string; number: string | null; issue_date: LegalDate; status: 'draft' | 'publishing' | 'published';
  compiled_on: LegalDate; compiled_at: Date; compiled_by: string | null; blocked: Blocked[];
  published_at: Date | null; published_by: string | null; seal_id: number | null; seal_hash: string | null;
  entry_count: number | null; files: { name: string; mediaType: string; size: number; sha256: string }[] | null;
  last_error: Record<string, unknown> | null;
}

export interface Blocked { caseId: string; number: string; right: string; act: string; code: string; detail: string }

export interface EntryRow {
  id: string; issue_id: string; seq: number | null; section: string | null; status: 'pending' | 'recorded' | 'left-out';
  case_id: string; case_number: string; right_kind: string; title: string | null; act: string; performer: string | null;
  act_id: number | null; office_date: LegalDate | null; event: Record<string, any> | null; state_after: string | null;
  refusal: { code: string; detail: string } | null;
}

export type NewEntry = Omit<EntryRow, 'id' | 'issue_id' | 'seq'> & { id: string };

// --- the calendar -------------------------------------------------------------------------------

export async function readCalendar(q: Queryable): Promise<GazetteCalendar | null> {
  return (await q.query<{ value: GazetteCalendar }>("SELECT value FROM settings WHERE key = 'gazette-calendar'")).rows[0]?.value ?? null;
}

export async function writeCalendar(q: Queryable, cal: GazetteCalendar): Promise<void> {
  await q.query("INSERT INTO settings (key, value) VALUES ('gazette-calendar', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [JSON.stringify(cal)]);
}

// --- issues -------------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function findIssue(q: Queryable, ref: string, forUpdate = false): Promise<IssueRow | undefined> {
  const lock = forUpdate ? ' FOR UPDATE' : '';
  const { rows } = UUID.test(ref)
    ? await q.query<IssueRow>(`SELECT * FROM gazette_issues WHERE id = $1${lock}`, [ref])
    : await q.query<IssueRow>(`SELECT * FROM gazette_issues WHERE number = $1${lock}`, [ref]);
  return rows[0];
}

export async function openIssue(q: Queryable): Promise<IssueRow | undefined> {
  return (await q.query<IssueRow>("SELECT * FROM gazette_issues WHERE status <> 'published'")).rows[0];
}

export async function lastPublished(q: Queryable): Promise<IssueRow | undefined> {
  return (await q.query<IssueRow>("SELECT * FROM gazette_issues WHERE status = 'published' ORDER BY issue_date DESC LIMIT 1")).rows[0];
}

export async function listIssues(q: Queryable, f: { includeOpen: boolean; year?: number; limit: number; offset: number }): Promise<{ rows: IssueRow[]; total: number }> {
  const where = `WHERE ($1 OR status = 'published') AND ($2::int IS NULL OR extract(year FROM issue_date) = $2::int)`;
  const total = Number((await q.query<{ n: string }>(`SELECT count(*) AS n FROM gazette_issues ${where}`, [f.includeOpen, f.year ?? null])).rows[0].n);
  const rows = (await q.query<IssueRow>(
    `SELECT * FROM gazette_issues ${where} ORDER BY issue_date DESC, status LIMIT $3 OFFSET $4`, [f.includeOpen, f.year ?? null, f.limit, f.offset])).rows;
  return { rows, total };
}

export async function insertIssue(q: Queryable, i: { id: string; issueDate: LegalDate; compiledOn: LegalDate; compiledAt: Date; compiledBy: string; blocked: Blocked[] }): Promise<void> {
  await q.query(
    "INSERT INTO gazette_issues (id, issue_date, status, compiled_on, compiled_at, compiled_by, blocked) VALUES ($1, $2, 'draft', $3, $4, $5, $6)",
    [i.id, i.issueDate, i.compiledOn, i.compiledAt, i.compiledBy, JSON.stringify(i.blocked)]);
}

export async function recompiled(q: Queryable, id: string, i: { issueDate: LegalDate; compiledOn: LegalDate; compiledAt: Date; compiledBy: string; blocked: Blocked[] }): Promise<void> {
  await q.query(
    'UPDATE gazette_issues SET issue_date = $2, compiled_on = $3, compiled_at = $4, compiled_by = $5, blocked = $6, last_error = NULL WHERE id = $1',
    [id, i.issueDate, i.compiledOn, i.compiledAt, i.compiledBy, JSON.stringify(i.blocked)]);
}

export async function setPublishing(q: Queryable, id: string): Promise<void> {
  await q.query("UPDATE gazette_issues SET status = 'publishing', last_error = NULL WHERE id = $1", [id]);
}

export async function setLastError(q: Queryable, id: string, error: Record<string, unknown>): Promise<void> {
  await q.query('UPDATE gazette_issues SET last_error = $2 WHERE id = $1', [id, JSON.stringify(error)]);
}

export async function deleteDraft(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM gazette_entries WHERE issue_id = $1', [id]);
  await q.query("DELETE FROM gazette_issues WHERE id = $1 AND status = 'draft'", [id]);
}

/** The issue's number in its year ('2026-07'): one more than the issues already published that year. */
export async function nextNumber(q: Queryable, year: string): Promise<string> {
  const n = Number((await q.query<{ n: string }>(
    "SELECT count(*) AS n FROM gazette_issues WHERE status = 'published' AND number LIKE $1", [`${year}-%`])).rows[0].n);
  return `${year}-${String(n + 1).padStart(2, '0')}`;
}

/** Freezes the issue: numbers its entries in the given order, then marks it published (the trigger keeps it so). */
export async function freeze(q: Queryable, id: string, f: {
  number: string; publishedAt: Date; publishedBy: string; sealId: number | null; sealHash: string | null;
  files: IssueRow['files']; order: string[];
}): Promise<void> {
  if (f.order.length) {
    await q.query(
      'UPDATE gazette_entries e SET seq = o.seq FROM unnest($2::uuid[], $3::int[]) AS o(id, seq) WHERE e.id = o.id AND e.issue_id = $1',
      [id, f.order, f.order.map((_, i) => i + 1)]);
  }
  await q.query(
    `UPDATE gazette_issues SET status = 'published', number = $2, published_at = $3, published_by = $4, seal_id = $5, seal_hash = $6,
            entry_count = $7, files = $8, last_error = NULL WHERE id = $1`,
    [id, f.number, f.publishedAt, f.publishedBy, f.sealId, f.sealHash, f.order.length, JSON.stringify(f.files)]);
}

// --- entries ------------------------------------------------------------------------------------

/** The entries of an issue, with the procedure their case is pinned to (for the acts' titles). */
export async function entriesOf(q: Queryable, issueId: string): Promise<(EntryRow & { framework: string; procedure_version: string })[]> {
  return (await q.query<EntryRow & { framework: string; procedure_version: string }>(
    `SELECT e.*, c.framework, c.procedure_version FROM gazette_entries e JOIN cases c ON c.id = e.case_id
      WHERE e.issue_id = $1 ORDER BY e.seq NULLS LAST, e.case_number, e.act_id NULLS LAST, e.act`, [issueId])).rows;
}

export async function deleteEntries(q: Queryable, issueId: string): Promise<void> {
  await q.query('DELETE FROM gazette_entries WHERE issue_id = $1', [issueId]);
}

export async function deleteEntry(q: Queryable, issueId: string, entryId: string): Promise<boolean> {
  return ((await q.query('DELETE FROM gazette_entries WHERE issue_id = $1 AND id = $2 RETURNING id', [issueId, entryId])).rowCount ?? 0) > 0;
}

export async function insertEntries(q: Queryable, issueId: string, list: NewEntry[]): Promise<void> {
  for (let i = 0; i < list.length; i += 2000) {
    const part = list.slice(i, i + 2000);
    await q.query(
      `INSERT INTO gazette_entries (id, issue_id, section, status, case_id, case_number, right_kind, title, act, performer, act_id, office_date, event, state_after)
       SELECT e.id, $1, e.section, e.status, e.case_id, e.case_number, e.right_kind, e.title, e.act, e.performer, e.act_id, e.office_date, e.event, e.state_after
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::uuid[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::bigint[], $12::date[], $13::jsonb[], $14::text[])
              AS e(id, section, status, case_id, case_number, right_kind, title, act, performer, act_id, office_date, event, state_after)`,
      [issueId, part.map((e) => e.id), part.map((e) => e.section), part.map((e) => e.status), part.map((e) => e.case_id), part.map((e) => e.case_number),
        part.map((e) => e.right_kind), part.map((e) => e.title), part.map((e) => e.act), part.map((e) => e.performer), part.map((e) => e.act_id),
        part.map((e) => e.office_date), part.map((e) => (e.event ? JSON.stringify(e.event) : null)), part.map((e) => e.state_after)]);
  }
}

/** Locks an entry for its publication act; returns its status. */
export async function entryStatus(q: Queryable, entryId: string): Promise<string | undefined> {
  return (await q.query<{ status: string }>('SELECT status FROM gazette_entries WHERE id = $1 FOR UPDATE', [entryId])).rows[0]?.status;
}

export async function markRecorded(q: Queryable, entryId: string, r: { actId: number; section: string | null; officeDate: LegalDate; event: unknown; stateAfter: string }): Promise<void> {
  await q.query(
    "UPDATE gazette_entries SET status = 'recorded', act_id = $2, section = coalesce($3, section), office_date = $4, event = $5, state_after = $6, refusal = NULL WHERE id = $1",
    [entryId, r.actId, r.section, r.officeDate, r.event ? JSON.stringify(r.event) : null, r.stateAfter]);
}

export async function markLeftOut(q: Queryable, entryId: string, refusal: { code: string; detail: string }): Promise<void> {
  await q.query("UPDATE gazette_entries SET status = 'left-out', refusal = $2 WHERE id = $1 AND status = 'pending'", [entryId, JSON.stringify(refusal)]);
}

/** The act just recorded for an entry: what its section and the issue's line show. */
export async function actOf(q: Queryable, actId: number) {
  return (await q.query<{ id: number; type: string; office_date: LegalDate; event: any; state_after: string; published: boolean }>(
    "SELECT id, type, office_date, event, state_after, (effects->>'published') = 'true' AS published FROM acts WHERE id = $1", [actId])).rows[0];
}

// --- compiling ----------------------------------------------------------------------------------

export interface CandidateRow {
  id: string; number: string; right_kind: string; framework: string; procedure_version: string; state: string; public: boolean;
  filing_date: LegalDate | null; title: string | null; data: Record<string, any>; fees_outstanding: number; credit: number;
  limits: { kind: string; startsFrom: LegalDate; dueOn: LegalDate; windowOpensOn: LegalDate | null; graceEndsOn: LegalDate | null; onExpiry: string; status: string }[];
  parties: { role: string; name: string }[];
  parent: { id: string; number: string; right: string; state: string; filingDate: LegalDate | null; data: Record<string, any> } | null;
}

const CANDIDATE_COLUMNS = `c.id, c.number, c.right_kind, c.framework, c.procedure_version, c.state, c.public, c.filing_date, c.title, c.data,
  c.fees_outstanding, c.credit,
  coalesce((SELECT json_agg(json_build_object('kind', t.kind, 'startsFrom', t.starts_from, 'dueOn', t.due_on, 'windowOpensOn', t.window_opens_on,
                                              'graceEndsOn', t.grace_ends_on, 'onExpiry', t.on_expiry, 'status', t.status) ORDER BY t.due_on)
              FROM time_limits t WHERE t.case_id = c.id AND t.status IN ('open', 'expired')), '[]') AS limits,
  coalesce((SELECT json_agg(json_build_object('role', cp.role, 'name', p.name) ORDER BY cp.role, p.name)
              FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = c.id), '[]') AS parties,
  (SELECT json_build_object('id', pc.id, 'number', pc.number, 'right', pc.right_kind, 'state', pc.state, 'filingDate', pc.filing_date, 'data', pc.data)
     FROM cases pc WHERE pc.id = c.parent_id) AS parent`;

/** Cases in a state from which the registrar performs a publication act. */
export async function casesInLanes(q: Queryable, lanes: { right: string; state: string }[]): Promise<CandidateRow[]> {
  if (lanes.length === 0) return [];
  return (await q.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM cases c
      WHERE (c.right_kind, c.state) IN (SELECT * FROM unnest($1::text[], $2::text[])) ORDER BY c.number`,
    [lanes.map((l) => l.right), lanes.map((l) => l.state)])).rows;
}

/** Cases with an open time limit, due before `before`, whose expiry the office meets with a publication act. */
export async function casesAwaitingOnExpiry(q: Queryable, acts: string[], before: LegalDate): Promise<CandidateRow[]> {
  if (acts.length === 0) return [];
  return (await q.query<CandidateRow>(
    `SELECT ${CANDIDATE_COLUMNS} FROM cases c
      WHERE c.id IN (SELECT t.case_id FROM time_limits t WHERE t.status = 'open' AND t.on_expiry = ANY($1::text[]) AND t.due_on < $2::date)
      ORDER BY c.number`,
    [acts, before])).rows;
}

export interface AnnouncedRow {
  id: number; case_id: string; seq: number; type: string; office_date: LegalDate; event: any; state_after: string; published: boolean;
  number: string; right_kind: string; framework: string; procedure_version: string; title: string | null;
}

/**
 * Acts of public cases, from the act that published the case on, recorded on or after `floor` and not
 * yet in any issue, among the act types that may be announced.
 */
export async function unannouncedActs(q: Queryable, types: readonly string[], floor: LegalDate | null): Promise<AnnouncedRow[]> {
  return (await q.query<AnnouncedRow>(
    `SELECT a.id, a.case_id, a.seq, a.type, a.office_date, a.event, a.state_after, (a.effects->>'published') = 'true' AS published,
            c.number, c.right_kind, c.framework, c.procedure_version, c.title
       FROM acts a JOIN cases c ON c.id = a.case_id
      WHERE a.type = ANY($1::text[]) AND ($2::date IS NULL OR a.office_date >= $2::date) AND c.public
        AND NOT EXISTS (SELECT 1 FROM gazette_entries e WHERE e.act_id = a.id)
        AND a.seq >= (SELECT min(p.seq) FROM acts p WHERE p.case_id = a.case_id AND (p.effects->>'published') = 'true')
      ORDER BY a.id`, [types, floor])).rows;
}

export async function latestSeal(q: Queryable): Promise<{ id: number; hash: string } | null> {
  return (await q.query<{ id: number; hash: string }>('SELECT id, hash FROM journal_seals ORDER BY id DESC LIMIT 1')).rows[0] ?? null;
}

/** Names of the users who compiled and published issues (for the review screen). */
export async function userNames(q: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; display_name: string }>('SELECT id, display_name FROM users WHERE id = ANY($1::uuid[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
