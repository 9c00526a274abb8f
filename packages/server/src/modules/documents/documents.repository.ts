import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../platform/db/db.ts';

export async function caseAndAct(q: Queryable, caseId: string, actId: number) {
  const c = (await q.query('SELECT number, title, filing_date, state, data FROM cases WHERE id = $1', [caseId])).rows[0];
  const a = (await q.query('SELECT seq, type, office_date, legal_basis, hash FROM acts WHERE id = $1', [actId])).rows[0];
  return c && a ? { c, a } : null;
}

export async function insertOutgoing(q: Queryable, d: { caseId: string; actId: number; kind: string; mediaType: string; sha256: string; size: number; title: string }) {
  await q.query(
    `INSERT INTO documents (id, case_id, act_id, kind, direction, media_type, sha256, size, title) VALUES ($1, $2, $3, $4, 'outgoing', $5, $6, $7, $8)
     ON CONFLICT (case_id, act_id, kind) DO NOTHING`,
    [randomUUID(), d.caseId, d.actId, d.kind, d.mediaType, d.sha256, d.size, d.title]);
}
