// SQL of the privacy module: the persons of a case, the rewriting of acts a redaction erases data from,
// the subject access export's reads (tables and columns from the catalogue, never from a request), and
// the log of privacy requests.
import { randomUUID } from 'node:crypto';
import type { LegalDate } from '@registrum/procedures';
import type { Queryable } from '../../platform/db/db.ts';
import type { ErasableField } from './classification.ts';

export interface PartyRow { id: string; kind: 'natural' | 'legal'; name: string; address: string | null; country: string | null; nationality: string | null; email: string | null; user_id: string | null }
export interface CaseFacts { id: string; number: string; framework: string; right_kind: string; procedure_version: string; state: string; data: Record<string, any> }
export interface JournalAct { id: number; seq: number; type: string; office_date: LegalDate; state_before: string | null; state_after: string; payload: any; effects: any }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);
const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

export async function findCase(q: Queryable, idOrNumber: string, lock = false): Promise<CaseFacts | undefined> {
  const by = isUuid(idOrNumber) ? 'id = $1::uuid' : 'number = $1';
  return (await q.query<CaseFacts>(`SELECT id, number, framework, right_kind, procedure_version, state, data FROM cases WHERE ${by}${lock ? ' FOR UPDATE' : ''}`, [idOrNumber])).rows[0];
}

export async function journalOf(q: Queryable, caseId: string): Promise<JournalAct[]> {
  return (await q.query<JournalAct>(
    'SELECT id, seq, type, office_date, state_before, state_after, payload, effects FROM acts WHERE case_id = $1 ORDER BY seq', [caseId])).rows;
}

/** Who takes part in the case now, by party and role. */
export async function currentParties(q: Queryable, caseId: string): Promise<{ party_id: string; role: string }[]> {
  return (await q.query<{ party_id: string; role: string }>('SELECT party_id, role FROM case_parties WHERE case_id = $1', [caseId])).rows;
}

export async function partiesByIds(q: Queryable, ids: readonly string[]): Promise<PartyRow[]> {
  if (!ids.length) return [];
  return (await q.query<PartyRow>(
    'SELECT id, kind, name, address, country, nationality, email, user_id FROM parties WHERE id = ANY($1::uuid[]) ORDER BY name, id', [ids])).rows;
}

/** Other cases that name the party: linked to it now, or whose journal added or ended it. */
export async function otherCasesNaming(q: Queryable, partyId: string, caseId: string | null): Promise<{ id: string; number: string; current: boolean }[]> {
  const ref = JSON.stringify([{ partyId }]);
  return (await q.query<{ id: string; number: string; current: boolean }>(
    `SELECT c.id, c.number, bool_or(x.current) AS current FROM (
       SELECT case_id, true AS current FROM case_parties WHERE party_id = $1
       UNION ALL
       SELECT case_id, false FROM acts WHERE effects -> 'parties' -> 'added' @> $3::jsonb OR effects -> 'parties' -> 'ended' @> $3::jsonb
     ) x JOIN cases c ON c.id = x.case_id
     WHERE $2::uuid IS NULL OR c.id <> $2::uuid
     GROUP BY c.id, c.number ORDER BY c.number`, [partyId, caseId, ref])).rows;
}

/** Rewrites the payload and effects of a journal act; returns the hash of its content as it now is. */
export async function rewriteAct(q: Queryable, actId: number, payload: unknown, effects: unknown): Promise<string> {
  const { rows } = await q.query<{ hash_after: string }>(
    `UPDATE acts SET payload = $2::jsonb, effects = $3::jsonb WHERE id = $1
     RETURNING registrum_act_hash(case_id, seq, type, office_date, recorded_at, actor_id, actor_role, actor_name, legal_basis,
                                  state_before, state_after, payload, effects, event, prev_hash) AS hash_after`,
    [actId, JSON.stringify(payload), JSON.stringify(effects)]);
  if (rows.length !== 1) throw new Error(`rewriteAct: act ${actId} not found`);
  return rows[0].hash_after;
}

export async function setCaseData(q: Queryable, caseId: string, data: Record<string, unknown>): Promise<void> {
  await q.query('UPDATE cases SET data = $2::jsonb WHERE id = $1', [caseId, JSON.stringify(data)]);
}

/** Replaces the given fields of a party with the marker. */
export async function redactParty(q: Queryable, partyId: string, fields: readonly ErasableField[], marker: string): Promise<void> {
  if (!fields.length) return;
  const sets = fields.map((f, i) => `${ident(f)} = $${i + 2}`);
  await q.query(`UPDATE parties SET ${sets.join(', ')} WHERE id = $1`, [partyId, ...fields.map(() => marker)]);
}

export async function logRequest(q: Queryable, r: {
  kind: 'export' | 'erasure'; partyId: string | null; userId: string | null; caseId?: string | null; actId?: number | null;
  requestedBy: string; at: Date; summary: Record<string, unknown>;
}): Promise<string> {
  const id = randomUUID();
  await q.query(
    `INSERT INTO privacy_requests (id, kind, party_id, user_id, case_id, act_id, requested_by, at, summary)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [id, r.kind, r.partyId, r.userId, r.caseId ?? null, r.actId ?? null, r.requestedBy, r.at, JSON.stringify(r.summary)]);
  return id;
}

// ---------------------------------------------------------------------------------------------------------
// The subject access export

export async function userById(q: Queryable, id: string): Promise<{ id: string; username: string; display_name: string; email: string | null; party_id: string | null } | undefined> {
  return (await q.query('SELECT id, username, display_name, email, party_id FROM users WHERE id = $1', [id])).rows[0] as any;
}

/** The columns of each table as the database has them (a table the catalogue names but the schema lacks is skipped). */
export async function liveColumns(q: Queryable): Promise<Map<string, Set<string>>> {
  const { rows } = await q.query<{ table_name: string; column_name: string }>(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'`);
  const m = new Map<string, Set<string>>();
  for (const r of rows) (m.get(r.table_name) ?? m.set(r.table_name, new Set()).get(r.table_name)!).add(r.column_name);
  return m;
}

/** The rows of a table that name the subject in a column, with the given columns (names from the catalogue). */
export async function rowsNaming(q: Queryable, table: string, column: string, columns: readonly string[], id: string, limit: number): Promise<Record<string, unknown>[]> {
  if (!columns.length) return [];
  return (await q.query(
    `SELECT ${columns.map(ident).join(', ')} FROM ${ident(table)} WHERE ${ident(column)} = $1::uuid LIMIT ${Math.max(1, Math.floor(limit))}`, [id])).rows;
}

/** The cases that name a party now or named it in their journal, with its roles. */
export async function casesOfParty(q: Queryable, partyId: string): Promise<{ id: string; number: string; right_kind: string; state: string; public: boolean; roles: string[] | null }[]> {
  const ref = JSON.stringify([{ partyId }]);
  return (await q.query(
    `SELECT c.id, c.number, c.right_kind, c.state, c.public,
            (SELECT array_agg(cp.role ORDER BY cp.role) FROM case_parties cp WHERE cp.case_id = c.id AND cp.party_id = $1) AS roles
       FROM cases c
      WHERE EXISTS (SELECT 1 FROM case_parties cp WHERE cp.case_id = c.id AND cp.party_id = $1)
         OR EXISTS (SELECT 1 FROM acts a WHERE a.case_id = c.id AND (a.effects -> 'parties' -> 'added' @> $2::jsonb OR a.effects -> 'parties' -> 'ended' @> $2::jsonb))
      ORDER BY c.number`, [partyId, ref])).rows as any;
}

/** Persons whose name, e-mail or user name contain the text (office staff looking for a data subject). */
export async function searchPeople(q: Queryable, text: string, limit: number) {
  const like = `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const parties = (await q.query(
    `SELECT id, kind, name, country, email, user_id FROM parties WHERE lower(name) LIKE $1 OR lower(coalesce(email, '')) LIKE $1 ORDER BY name, id LIMIT $2`, [like, limit])).rows;
  const users = (await q.query(
    `SELECT id, username, display_name, email, role, party_id FROM users WHERE lower(username) LIKE $1 OR lower(display_name) LIKE $1 OR lower(coalesce(email, '')) LIKE $1 ORDER BY username LIMIT $2`, [like, limit])).rows;
  return { parties, users };
}
