// The imports' SQL: runs, the source records already taken over (with the hash of what was imported),
// outcomes worth looking at, and the set-based writing of a register taken over in bulk.
import type { Queryable } from '../../platform/db/db.ts';
import type { HistoryEvent } from './records.ts';

/**
 * Text of a source as the log of a run can keep it: what a broken file brings along (a NUL, other control
 * characters, half a surrogate pair, in a file name or in the parser's message quoting the line) is
 * not storable text, and must not turn the report of a refusal into a failure of the import.
 */
export const storable = (s: string) => s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
  .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
const storableOrNull = (s: string | null) => (s === null ? null : storable(s));

export async function createRun(q: Queryable, r: { id: string; format: string; name: string | null; startedBy: string | null }): Promise<void> {
  await q.query('INSERT INTO import_runs (id, format, name, started_by) VALUES ($1, $2, $3, $4)', [r.id, r.format, storableOrNull(r.name), r.startedBy]);
}

export async function finishRun(q: Queryable, id: string, counts: Record<string, unknown>): Promise<void> {
  await q.query('UPDATE import_runs SET finished_at = now(), counts = $2 WHERE id = $1', [id, JSON.stringify(counts, (_k, v) => (typeof v === 'string' ? storable(v) : v))]);
}

export interface ImportRecordRow { case_id: string; content_hash: string; number: string }

/** The source record's entry, locked for the rest of the transaction (two imports of one record wait for each other). */
export async function lockImportRecord(q: Queryable, source: string, sourceId: string): Promise<ImportRecordRow | undefined> {
  const { rows } = await q.query<ImportRecordRow>(
    `SELECT r.case_id, r.content_hash, c.number FROM import_records r JOIN cases c ON c.id = r.case_id
      WHERE r.source = $1 AND r.source_id = $2 FOR UPDATE OF r`, [source, sourceId]);
  return rows[0];
}

export async function insertImportRecord(q: Queryable, r: { source: string; sourceId: string; caseId: string; hash: string; runId: string }): Promise<void> {
  await q.query('INSERT INTO import_records (source, source_id, case_id, content_hash, run_id) VALUES ($1, $2, $3, $4, $5)',
    [r.source, r.sourceId, r.caseId, r.hash, r.runId]);
}

export async function updateImportRecord(q: Queryable, r: { source: string; sourceId: string; hash: string; runId: string }): Promise<void> {
  await q.query('UPDATE import_records SET content_hash = $3, run_id = $4, imported_at = now() WHERE source = $1 AND source_id = $2',
    [r.source, r.sourceId, r.hash, r.runId]);
}

export interface OutcomeRow {
  runId: string; seq: number; file: string | null; position: number; outcome: 'updated' | 'rejected';
  source: string | null; sourceId: string | null; caseId: string | null; code: string | null; message: string | null;
}

export async function insertOutcomes(q: Queryable, list: OutcomeRow[]): Promise<void> {
  if (list.length === 0) return;
  const col = <K extends keyof OutcomeRow>(k: K) => list.map((o) => (typeof o[k] === 'string' ? storable(o[k] as string) : o[k]));
  await q.query(
    `INSERT INTO import_outcomes (run_id, seq, file, position, outcome, source, source_id, case_id, code, message)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::int[], $5::text[], $6::text[], $7::text[], $8::uuid[], $9::text[], $10::text[])`,
    [col('runId'), col('seq'), col('file'), col('position'), col('outcome'), col('source'), col('sourceId'), col('caseId'), col('code'), col('message')]);
}

/** The numbers of this list some case already has. */
export async function takenNumbers(q: Queryable, numbers: string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const { rows } = await q.query<{ number: string }>('SELECT number FROM cases WHERE number = ANY($1::text[])', [numbers]);
  return new Set(rows.map((r) => r.number));
}

/** The history the case's take-over acts recorded (an update records only what is new). */
export async function takeOverHistory(q: Queryable, caseId: string): Promise<HistoryEvent[]> {
  const { rows } = await q.query<{ h: HistoryEvent[] | null }>(
    "SELECT payload -> 'history' AS h FROM acts WHERE case_id = $1 AND type IN ('take-over', 'take-over-update') ORDER BY seq", [caseId]);
  return rows.flatMap((r) => r.h ?? []);
}

export async function insertDocument(q: Queryable, d: { id: string; caseId: string; actId: number; kind: string; mediaType: string; sha256: string; size: number; title: string }): Promise<void> {
  await q.query(
    `INSERT INTO documents (id, case_id, act_id, kind, direction, media_type, sha256, size, title)
     VALUES ($1, $2, $3, $4, 'incoming', $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
    [d.id, d.caseId, d.actId, d.kind, d.mediaType, d.sha256, d.size, d.title]);
}

export async function hasDocument(q: Queryable, caseId: string, sha: string): Promise<boolean> {
  const { rows } = await q.query('SELECT 1 FROM documents WHERE case_id = $1 AND sha256 = $2 LIMIT 1', [caseId, sha]);
  return rows.length > 0;
}

// ---------------------------------------------------------------------------------------------------------
// A register in bulk

/** The source records of this list already taken over: source id -> their case and content hash. */
export async function importedRecords(q: Queryable, sources: string[], ids: string[]): Promise<Map<string, { caseId: string; hash: string }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await q.query<{ source: string; source_id: string; case_id: string; content_hash: string }>(
    `SELECT r.source, r.source_id, r.case_id, r.content_hash
       FROM unnest($1::text[], $2::text[]) AS x(source, source_id)
       JOIN import_records r ON r.source = x.source AND r.source_id = x.source_id`, [sources, ids]);
  return new Map(rows.map((r) => [`${r.source}\u0000${r.source_id}`, { caseId: r.case_id, hash: r.content_hash }]));
}

/** Takes `count` numbers of the series at once; returns the first of them (the counter row stays locked to the commit). */
export async function reserveNumbers(q: Queryable, series: string, count: number): Promise<number> {
  const { rows } = await q.query<{ value: number }>(
    `INSERT INTO counters (name, value) VALUES ($1, $2) ON CONFLICT (name) DO UPDATE SET value = counters.value + $2 RETURNING value`,
    [series, count]);
  return Number(rows[0].value) - count + 1;
}

export interface BulkCases {
  right: string; framework: string; version: string; currency: string;
  actType: string; officeDate: string; recordedAt: string; actorId: string | null; actorRole: string; actorName: string; legalBasis: string;
  filedBy: string | null; runId: string;
  /**
   * The rows as JSON arrays: cases {id, number, state, public, filing_date, title, payload, effects, documents}
   * (the case data is the act's effects' data: a new case has no other, so it is not sent twice);
   * parties {id, case_id, role, kind, name, address, country, nationality, email}; time limits {id, case_id,
   * kind, starts_from, window_opens_on, due_on, grace_ends_on, expires_after, on_expiry, computation};
   * documents {id, case_id, kind, media_type, sha256, size, title}; records {source, source_id, case_id, content_hash}.
   */
  cases: string; parties: string; limits: string; docs: string; records: string;
}

let hasLz4: boolean | undefined;
async function lz4(q: Queryable): Promise<boolean> {
  hasLz4 ??= (await q.query<{ ok: boolean }>("SELECT coalesce('lz4' = ANY(enumvals), false) AS ok FROM pg_settings WHERE name = 'default_toast_compression'")).rows[0]?.ok ?? false;
  return hasLz4;
}

/**
 * Writes the cases of a batch with the very rows the engine writes for a take-over act, in one
 * statement: their parties and links, the cases (projection), the acts (hashed by the database,
 * registrum_act_hash, from the stored values, starting from each case's genesis hash; the case's head
 * is that hash), the time limits they open, the act's outbox job, the mark images filed with them,
 * and the source records. All or nothing. Each table's rows come as one JSON document (read with
 * json_to_recordset): far cheaper to send and to read than arrays of JSON values.
 */
export async function insertTakeOvers(q: Queryable, b: BulkCases): Promise<number> {
  // The batch's rows are kept in memory for the statement rather than spilled to disk, and the new
  // entries of the GIN indexes (goods and services, title trigrams) are merged in larger runs.
  // Large values (an act's payload and effects) are compressed by lz4 where the server has it: the same values, stored faster.
  await q.query(`SET LOCAL work_mem = '256MB'; SET LOCAL gin_pending_list_limit = '64MB'${await lz4(q) ? "; SET LOCAL default_toast_compression = 'lz4'" : ''}`);
  const { rows } = await q.query<{ n: number }>(
    `WITH i AS MATERIALIZED (
       SELECT x.*, registrum_act_hash(x.id, 1, $1::text, $2::date, $3::timestamptz, $4::uuid, $5::text, $6::text, $7::text,
                                      NULL::text, x.state, x.payload, x.effects, NULL::jsonb, registrum_genesis_hash(x.id)) AS hash
         FROM json_to_recordset($8::json) AS x(id uuid, number text, state text, public boolean, filing_date date, title text, payload jsonb, effects jsonb, documents jsonb)
     ), y AS MATERIALIZED (
       SELECT * FROM json_to_recordset($9::json) AS y(id uuid, case_id uuid, role text, kind text, name text, address text, country text, nationality text, email text)
     ), p AS (
       INSERT INTO parties (id, kind, name, address, country, nationality, email, user_id)
       SELECT id, kind, name, address, country, nationality, email, NULL FROM y
     ), c AS (
       INSERT INTO cases (id, number, right_kind, framework, procedure_version, state, public, filing_date, title, parent_id, filed_by,
                          data, currency, fees_outstanding, credit, act_count, head_hash, updated_at)
       SELECT id, number, $10, $11, $12, state, public, filing_date, title, NULL, $13::uuid, effects -> 'data', $14, 0, 0, 1, hash, $3::timestamptz FROM i
     ), cp AS (
       INSERT INTO case_parties (case_id, party_id, role) SELECT case_id, id, role FROM y
     ), a AS (
       INSERT INTO acts (case_id, seq, type, office_date, recorded_at, actor_id, actor_role, actor_name, legal_basis,
                         state_before, state_after, payload, effects, event, prev_hash, hash)
       SELECT id, 1, $1, $2::date, $3::timestamptz, $4::uuid, $5, $6, $7, NULL, state, payload, effects, NULL, registrum_genesis_hash(id), hash FROM i
       RETURNING id, case_id
     ), t AS (
       INSERT INTO time_limits (id, case_id, kind, status, opened_by_act, starts_from, window_opens_on, due_on, grace_ends_on, expires_after, on_expiry, computation)
       SELECT z.id, z.case_id, z.kind, 'open', a.id, z.starts_from, z.window_opens_on, z.due_on, z.grace_ends_on, z.expires_after, z.on_expiry, z.computation
         FROM json_to_recordset($15::json) AS z(id uuid, case_id uuid, kind text, starts_from date, window_opens_on date, due_on date, grace_ends_on date, expires_after date, on_expiry text, computation jsonb)
         JOIN a ON a.case_id = z.case_id
     ), o AS (
       INSERT INTO outbox (topic, payload, case_id, act_id)
       SELECT 'act.recorded', jsonb_build_object('caseId', a.case_id, 'act', $1::text, 'documents', i.documents) || jsonb_build_object('actId', a.id), a.case_id, a.id
         FROM a JOIN i ON i.id = a.case_id
     ), d AS (
       INSERT INTO documents (id, case_id, act_id, kind, direction, media_type, sha256, size, title)
       SELECT w.id, w.case_id, a.id, w.kind, 'incoming', w.media_type, w.sha256, w.size, w.title
         FROM json_to_recordset($16::json) AS w(id uuid, case_id uuid, kind text, media_type text, sha256 text, size bigint, title text)
         JOIN a ON a.case_id = w.case_id
     ), r AS (
       INSERT INTO import_records (source, source_id, case_id, content_hash, run_id)
       SELECT source, source_id, case_id, content_hash, $17::uuid FROM json_to_recordset($18::json) AS v(source text, source_id text, case_id uuid, content_hash text)
     )
     SELECT count(*)::int AS n FROM a`,
    [b.actType, b.officeDate, b.recordedAt, b.actorId, b.actorRole, b.actorName, b.legalBasis,
      b.cases, b.parties,
      b.right, b.framework, b.version, b.filedBy, b.currency,
      b.limits, b.docs, b.runId, b.records]);
  return rows[0].n;
}
