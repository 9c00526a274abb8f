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

export interface NoticeRow {
  id: string; case_id: string | null; act_id: number | null; title: string; body: string; created_at: string; read_at: string | null;
  /** The case and act the notice is about, for naming the act in the reader's language. */
  case_number: string | null; act_type: string | null; framework: string | null; right_kind: string | null; procedure_version: string | null;
}

export async function inbox(q: Queryable, userId: string, limit = 50): Promise<NoticeRow[]> {
  return (await q.query<NoticeRow>(
    `SELECT n.id, n.case_id, n.act_id, n.title, n.body, n.created_at, n.read_at,
            c.number AS case_number, a.type AS act_type, c.framework, c.right_kind, c.procedure_version
       FROM notifications n
       LEFT JOIN cases c ON c.id = n.case_id
       LEFT JOIN acts a ON a.id = n.act_id
      WHERE n.user_id = $1 ORDER BY n.created_at DESC LIMIT $2`, [userId, limit])).rows;
}
