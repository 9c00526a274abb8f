// The audit trail as the administrator reads it: newest first, filtered by user, case, kind and
// office dates, a page at a time.
import { compareDates, type LegalDate } from '@registrum/procedures';
import { invalid } from '../../../kernel/errors.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import * as repo from '../audit.repository.ts';

export interface AuditQuery { user?: string; case?: string; kind?: repo.AuditKind; from?: LegalDate; to?: LegalDate; limit?: number; offset?: number }

export const presentEvent = (e: repo.AuditEventRow) => ({
  id: Number(e.id),
  seq: e.seq === null ? null : Number(e.seq),
  at: new Date(e.at).toISOString(),
  officeDate: e.office_date,
  kind: e.kind,
  user: { id: e.user_id, role: e.user_role, name: e.user_name },
  case: e.case_id || e.case_number ? { id: e.case_id, number: e.case_number } : null,
  method: e.method,
  route: e.route,
  url: e.url,
  status: e.status,
  summary: e.summary,
  requestId: e.request_id,
  address: e.address,
  hash: e.hash,
});

export async function listAuditEvents(q: Queryable, query: AuditQuery) {
  if (query.from && query.to && compareDates(query.from, query.to) > 0) {
    throw invalid('AUDIT_RANGE_INVALID', `The range starts (${query.from}) after it ends (${query.to})`, { from: query.from, to: query.to });
  }
  const limit = Math.min(Math.max(query.limit ?? 50, 1), 200);
  const offset = Math.max(query.offset ?? 0, 0);
  let caseId: string | undefined; let caseNumber: string | undefined;
  const ref = query.case?.trim();
  if (ref) {
    const c = await repo.caseFacts(q, ref);
    caseId = c?.id; caseNumber = c?.number ?? ref;
  }
  const { rows, total } = await repo.listEvents(q, { userId: query.user, kind: query.kind, from: query.from, to: query.to, caseId, caseNumber, limit, offset });
  return { total, limit, offset, items: rows.map(presentEvent) };
}
