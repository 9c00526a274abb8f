// Cases as an export sees them, loaded a batch at a time: three statements per batch, however many cases.
// A public export holds only public cases, and of them what the register publishes: the procedure's
// public fields and public documents, the parties' names and countries (and addresses where the office's
// law publishes them: modules/privacy), the legal-status events.
import { findFramework, findProcedure, type PrivacyRules, type ProcedureDefinition } from '@registrum/procedures';
import type { Queryable } from '../../../platform/db/db.ts';
import { publicData, publicDocumentKinds } from '../../cases/index.ts';
import { addressPublished, privacyRulesOf } from '../../privacy/index.ts';
import * as repo from '../exchange.repository.ts';
import { isExportRight, type ExportCase, type ExportEvent, type ExportParty } from '../st96/model.ts';

interface ProcedureFacts { procedure: ProcedureDefinition; office: string; officeLanguage: string; publicDocuments: ReadonlySet<string>; privacy: PrivacyRules }
const facts = new Map<string, ProcedureFacts>();

function factsOf(row: repo.ExportCaseRow): ProcedureFacts {
  const key = `${row.framework}\n${row.right_kind}\n${row.procedure_version}`;
  let f = facts.get(key);
  if (!f) {
    const framework = findFramework(row.framework);
    const procedure = findProcedure(row.framework, row.right_kind, row.procedure_version);
    if (!framework || !procedure) throw new Error(`case ${row.number} is pinned to unknown procedure ${key.replace(/\n/g, '/')}`);
    f = {
      procedure, office: framework.office.code, officeLanguage: framework.office.languages[0] ?? 'en',
      // What the register publishes of a case is decided in one place, the register's own (modules/cases).
      publicDocuments: publicDocumentKinds(procedure),
      privacy: privacyRulesOf(row.framework),
    };
    facts.set(key, f);
  }
  return f;
}

function groupBy<R extends { case_id: string }>(rows: R[]): Map<string, R[]> {
  const m = new Map<string, R[]>();
  for (const r of rows) {
    const list = m.get(r.case_id);
    if (list) list.push(r); else m.set(r.case_id, [r]);
  }
  return m;
}

/**
 * The cases of the given ids that are of an exported right, in the order given (ids not found, cases
 * of other kinds such as oppositions and recordal requests, and with `publicOnly` cases not public,
 * are left out).
 */
export async function loadExportCases(q: Queryable, caseIds: string[], opts: { publicOnly: boolean }): Promise<ExportCase[]> {
  const ids = [...new Set(caseIds.filter(repo.isUuid).map((id) => id.toLowerCase()))];
  if (!ids.length) return [];
  const rows = (await repo.casesByIds(q, ids, opts.publicOnly)).filter((r) => isExportRight(r.right_kind));
  if (!rows.length) return [];
  const found = rows.map((r) => r.id);
  const parties = groupBy(await repo.partiesOfCases(q, found));
  const journal = new Map((await repo.journalOfCases(q, found)).map((j) => [j.case_id, j]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const out: ExportCase[] = [];
  for (const id of ids) {
    const row = byId.get(id);
    if (row) out.push(exportCase(row, parties.get(id) ?? [], journal.get(id), opts.publicOnly));
  }
  return out;
}

function exportCase(row: repo.ExportCaseRow, parties: repo.ExportPartyRow[], journal: repo.ExportJournalRow | undefined, publicOnly: boolean): ExportCase {
  const f = factsOf(row);
  const { procedure } = f;
  const data = publicOnly ? publicData(procedure, row.data ?? {}) : row.data ?? {};
  // Every case is created by its first act: a case without one is not a case of the register.
  if (!journal) throw new Error(`case ${row.number} has no acts`);
  const events: ExportEvent[] = journal.events.map((a) => ({
    seq: a.seq, act: a.type, title: procedure.acts[a.type]?.title ?? a.type,
    eventDate: a.office_date, effectiveDate: a.office_date, stateBefore: a.state_before, stateAfter: a.state_after,
    standard: a.event.standard, category: a.event.category, detailedCode: a.event.detailedCode ?? null, statusCategory: a.event.statusCategory ?? null,
  }));
  return {
    id: row.id, number: row.number, right: row.right_kind as ExportCase['right'], framework: row.framework, procedureVersion: row.procedure_version,
    office: f.office, officeLanguage: f.officeLanguage,
    state: row.state, stateTitle: procedure.states[row.state]?.title ?? row.state,
    statusCategory: procedure.states[row.state]?.statusCategory ?? null, statusDate: journal.status_date ?? journal.received_on,
    public: row.public, publicOnly,
    filingDate: row.filing_date, receivedOn: journal.received_on, title: row.title,
    data,
    // A public export names the parties as the register publishes them: the address only where the office's law publishes it.
    parties: parties.map((p): ExportParty => ({
      role: p.role, kind: p.kind === 'natural' ? 'natural' : 'legal', name: p.name, country: p.country,
      ...(publicOnly
        ? { address: addressPublished(f.privacy, p) ? p.address : null, email: null, nationality: null }
        : { address: p.address, email: p.email, nationality: p.nationality }),
    })),
    events,
    documentKinds: publicOnly ? f.publicDocuments : null,
  };
}
