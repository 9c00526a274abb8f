import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../platform/db/db.ts';

export async function caseHeader(q: Queryable, caseId: string) {
  return (await q.query<{ number: string; title: string | null; filed_by: string | null }>('SELECT number, title, filed_by FROM cases WHERE id = $1', [caseId])).rows[0];
}

/** Users behind the case's parties, and the filer. */
export async function usersOfCase(q: Queryable, caseId: string, filedBy: string | null): Promise<string[]> {
  const { rows } = await q.query<{ user_id: string }>(
    `SELECT DISTINCT p.user_id FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = $1 AND p.user_id IS NOT NULL
     UNION SELECT u.id FROM users u JOIN case_parties cp ON cp.party_id = u.party_id WHERE cp.case_id = $1
     UNION SELECT $2::uuid WHERE $2::uuid IS NOT NULL`, [caseId, filedBy]);
  return rows.map((r) => r.user_id);
}

export async function insertNotification(q: Queryable, n: { userId: string; caseId: string; actId: number; title: string; body: string }) {
  await q.query(
    'INSERT INTO notifications (id, user_id, case_id, act_id, title, body) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (user_id, act_id) DO NOTHING',
    [randomUUID(), n.userId, n.caseId, n.actId, n.title, n.body]);
}

export async function inbox(q: Queryable, userId: string, limit = 50) {
  return (await q.query('SELECT id, case_id, act_id, title, body, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2', [userId, limit])).rows;
}
