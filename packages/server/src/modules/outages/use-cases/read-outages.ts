// Reading declared outages: the public list and one outage, with (for office staff) what its extension
// did case by case and the filings entered for it.
import { DomainError } from '../../../kernel/errors.ts';
import type { OutagesDeps } from '../deps.ts';
import * as repo from '../outages.repository.ts';
import { presentOutage } from '../presenter.ts';
import type { ExtensionReport } from './extend-time-limits.ts';

export async function outagesList(deps: OutagesDeps, limit: number) {
  const rows = await repo.listOutages(deps.db, limit);
  const counts = await repo.effectCounts(deps.db, rows.map((r) => r.id));
  return { timeZone: deps.timeZone, items: rows.map((o) => presentOutage(o, counts.get(o.id) ?? {})) };
}

export async function outageDetail(deps: OutagesDeps, id: string, office: boolean, run?: ExtensionReport) {
  const o = await repo.findOutage(deps.db, id);
  if (!o) throw new DomainError('OUTAGE_NOT_FOUND', `No outage ${id} was declared`, 404, { outage: id });
  const counts = (await repo.effectCounts(deps.db, [id])).get(id) ?? {};
  return {
    ...presentOutage(o, counts, office),
    ...(office ? {
      effects: (await repo.effectsOf(deps.db, id)).map((e) => ({
        caseId: e.case_id, number: e.number, outcome: e.outcome, actId: e.act_id, detail: e.detail, recordedAt: e.recorded_at.toISOString(),
      })),
    } : {}),
    ...(run ? { run } : {}),
  };
}

export async function outageFilings(deps: OutagesDeps, id: string) {
  if (!await repo.findOutage(deps.db, id)) throw new DomainError('OUTAGE_NOT_FOUND', `No outage ${id} was declared`, 404, { outage: id });
  return (await repo.fallbackFilingsOf(deps.db, id)).map((f) => ({
    caseId: f.case_id, number: f.number, right: f.right_kind, title: f.title, filingDate: f.filing_date, receivedOn: f.received_on,
    channel: f.channel, evidence: f.evidence_sha256, enteredBy: f.entered_by_name, enteredAt: f.entered_at.toISOString(),
  }));
}
