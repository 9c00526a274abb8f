import type { Queryable } from '../../platform/db/db.ts';

/**
 * One notice to every user behind the case's parties and to its filer, in one statement; the
 * (user, act) key makes a repeated job harmless.
 */
export async function notifyUsersOfCase(q: Queryable, caseId: string, actId: number, act: string): Promise<number> {
  const { rowCount } = await q.query(
    `INSERT INTO notifications (id, user_id, case_id, act_id, title, body)
     SELECT gen_random_uuid(), u.user_id, c.id, $2, c.number || ': ' || $3,
            'A new act "' || $3 || '" was recorded on ' || c.number || coalesce(' (' || c.title || ')', '') || '.'
       FROM cases c
       JOIN LATERAL (
         SELECT p.user_id FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = c.id AND p.user_id IS NOT NULL
         UNION SELECT c.filed_by WHERE c.filed_by IS NOT NULL
       ) u ON true
      WHERE c.id = $1
     ON CONFLICT (user_id, act_id) DO NOTHING`, [caseId, actId, act]);
  return rowCount ?? 0;
}

export async function inbox(q: Queryable, userId: string, limit = 50) {
  return (await q.query('SELECT id, case_id, act_id, title, body, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at DESC LIMIT $2', [userId, limit])).rows;
}
