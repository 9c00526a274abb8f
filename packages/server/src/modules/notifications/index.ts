// In-app notices to the users behind a case's parties. One row per user and act (unique), so a job
// that runs twice after a crash does not notify twice.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../platform/db/db.ts';

export async function notifyPartiesJob(q: Queryable, job: { caseId: string; actId: number; act: string }) {
  const c = (await q.query('SELECT number, title, filed_by FROM cases WHERE id = $1', [job.caseId])).rows[0];
  if (!c) return;
  const users = (await q.query<{ user_id: string }>(
    `SELECT DISTINCT p.user_id FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = $1 AND p.user_id IS NOT NULL
     UNION SELECT u.id FROM users u JOIN parties p ON p.id = u.party_id JOIN case_parties cp ON cp.party_id = p.id WHERE cp.case_id = $1
     UNION SELECT $2::uuid WHERE $2::uuid IS NOT NULL`, [job.caseId, c.filed_by])).rows;
  for (const u of users) {
    await q.query(
      'INSERT INTO notifications (id, user_id, case_id, act_id, title, body) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, act_id) DO NOTHING',
      [randomUUID(), u.user_id, job.caseId, job.actId, `${c.number}: ${job.act}`, `A new act '${job.act}' was recorded on ${c.number}${c.title ? ` (${c.title})` : ''}.`]);
  }
}

export async function inbox(q: Queryable, userId: string, limit = 50) {
  return (await q.query('SELECT id, case_id, act_id, title, body, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2', [userId, limit])).rows;
}
