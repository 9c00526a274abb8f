// Read-side SQL of the exchange module: cases, their parties and their legal-status events, a batch at
// a time (one statement each, whatever the number of cases).
import type { LegalDate, StatusEvent } from '@registrum/procedures';
import type { Queryable } from '../../platform/db/db.ts';

export interface ExportCaseRow {
  id: string; number: string; right_kind: string; framework: string; procedure_version: string; state: string;
  public: boolean; filing_date: LegalDate | null; title: string | null; data: Record<string, any>;
}

export interface ExportPartyRow {
  case_id: string; role: string; kind: 'natural' | 'legal'; name: string;
  address: string | null; country: string | null; nationality: string | null; email: string | null;
}

/** What an export needs of a case's journal: its first act's date, when it reached its state, its legal-status events. */
export interface ExportJournalRow {
  case_id: string;
  received_on: LegalDate;
  status_date: LegalDate | null;
  events: { seq: number; type: string; office_date: LegalDate; state_before: string | null; state_after: string; event: StatusEvent }[];
}

export async function casesByIds(q: Queryable, ids: readonly string[], publicOnly: boolean): Promise<ExportCaseRow[]> {
  return (await q.query<ExportCaseRow>(
    `SELECT id, number, right_kind, framework, procedure_version, state, public, filing_date, title, data
       FROM cases WHERE id = ANY($1::uuid[]) AND (public OR NOT $2::boolean)`, [ids, publicOnly])).rows;
}

export async function partiesOfCases(q: Queryable, ids: readonly string[]): Promise<ExportPartyRow[]> {
  return (await q.query<ExportPartyRow>(
    `SELECT cp.case_id, cp.role, p.kind, p.name, p.address, p.country, p.nationality, p.email
       FROM case_parties cp JOIN parties p ON p.id = cp.party_id
      WHERE cp.case_id = ANY($1::uuid[]) ORDER BY cp.case_id, cp.role, p.name, p.id`, [ids])).rows;
}

export async function journalOfCases(q: Queryable, ids: readonly string[]): Promise<ExportJournalRow[]> {
  // One row per case, its events aggregated as JSON text (parsed here): far fewer rows to transfer than one per act.
  const { rows } = await q.query<{ case_id: string; received_on: LegalDate; status_date: LegalDate | null; events: string | null }>(
    `SELECT case_id, min(office_date) FILTER (WHERE seq = 1) AS received_on,
            max(office_date) FILTER (WHERE state_before IS DISTINCT FROM state_after) AS status_date,
            (json_agg(json_build_array(seq, type, office_date, state_before, state_after, event) ORDER BY seq) FILTER (WHERE event IS NOT NULL))::text AS events
       FROM acts WHERE case_id = ANY($1::uuid[]) GROUP BY case_id`, [ids]);
  return rows.map((r) => ({
    case_id: r.case_id, received_on: r.received_on, status_date: r.status_date,
    events: (r.events ? JSON.parse(r.events) as [number, string, LegalDate, string | null, string, StatusEvent][] : [])
      .map(([seq, type, office_date, state_before, state_after, event]) => ({ seq, type, office_date, state_before, state_after, event })),
  }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

/** A case by id or number: its id and whether it is public. */
export async function findCase(q: Queryable, idOrNumber: string): Promise<{ id: string; public: boolean; right_kind: string } | undefined> {
  const { rows } = isUuid(idOrNumber)
    ? await q.query<{ id: string; public: boolean; right_kind: string }>('SELECT id, public, right_kind FROM cases WHERE id = $1', [idOrNumber])
    : await q.query<{ id: string; public: boolean; right_kind: string }>('SELECT id, public, right_kind FROM cases WHERE number = $1', [idOrNumber]);
  return rows[0];
}
