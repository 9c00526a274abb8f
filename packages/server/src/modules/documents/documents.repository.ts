import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../platform/db/db.ts';

export async function caseAndAct(q: Queryable, caseId: string, actId: number) {
  const r = (await q.query(
    `SELECT c.number, c.right_kind, c.title, c.filing_date, c.state, c.data, a.seq, a.type, a.office_date, a.legal_basis, a.hash
       FROM cases c JOIN acts a ON a.case_id = c.id WHERE c.id = $1 AND a.id = $2`, [caseId, actId])).rows[0];
  if (!r) return null;
  return {
    c: { number: r.number, right_kind: r.right_kind, title: r.title, filing_date: r.filing_date, state: r.state, data: r.data },
    a: { seq: r.seq, type: r.type, office_date: r.office_date, legal_basis: r.legal_basis, hash: r.hash },
  };
}

export async function insertOutgoing(q: Queryable, d: { caseId: string; actId: number; kind: string; mediaType: string; sha256: string; size: number; title: string }) {
  await q.query(
    `INSERT INTO documents (id, case_id, act_id, kind, direction, media_type, sha256, size, title) VALUES ($1, $2, $3, $4, 'outgoing', $5, $6, $7, $8)
     ON CONFLICT (case_id, act_id, kind) WHERE direction = 'outgoing' DO NOTHING`,
    [randomUUID(), d.caseId, d.actId, d.kind, d.mediaType, d.sha256, d.size, d.title]);
}
