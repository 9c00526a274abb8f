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
         UNION SELECT u.id FROM case_parties cp JOIN users u ON u.party_id = cp.party_id WHERE cp.case_id = c.id
         UNION SELECT c.filed_by WHERE c.filed_by IS NOT NULL
       ) u ON true
      WHERE c.id = $1
     ON CONFLICT (user_id, act_id) DO NOTHING`, [caseId, actId, act]);
  return rowCount ?? 0;
}

/** The notices of reminders, one per user and reminder (a repeat is harmless). */
export async function insertReminderNotices(q: Queryable, list: { userId: string; caseId: string; reminderId: string; title: string; body: string }[]): Promise<number> {
  if (list.length === 0) return 0;
  const { rowCount } = await q.query(
    `INSERT INTO notifications (id, user_id, case_id, act_id, reminder_id, title, body)
     SELECT gen_random_uuid(), n.user_id, n.case_id, NULL, n.reminder_id, n.title, n.body
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::text[]) AS n(user_id, case_id, reminder_id, title, body)
     ON CONFLICT DO NOTHING`,
    [list.map((n) => n.userId), list.map((n) => n.caseId), list.map((n) => n.reminderId), list.map((n) => n.title), list.map((n) => n.body)]);
  return rowCount ?? 0;
}

export interface NoticeRow {
  id: string; case_id: string | null; act_id: number | null; title: string; body: string; created_at: string; read_at: string | null;
  /** The case and act the notice is about, for naming the act in the reader's language. */
  case_number: string | null; act_type: string | null; framework: string | null; right_kind: string | null; procedure_version: string | null;
  /** A reminder: the kind of time limit and its due date (no act). */
  reminder_id: string | null; reminder_kind: string | null; reminder_due_on: string | null;
}

export async function inbox(q: Queryable, userId: string, limit = 50): Promise<NoticeRow[]> {
  return (await q.query<NoticeRow>(
    `SELECT n.id, n.case_id, n.act_id, n.title, n.body, n.created_at, n.read_at,
            c.number AS case_number, a.type AS act_type, c.framework, c.right_kind, c.procedure_version,
            n.reminder_id, r.kind AS reminder_kind, r.due_on AS reminder_due_on
       FROM notifications n
       LEFT JOIN cases c ON c.id = n.case_id
       LEFT JOIN acts a ON a.id = n.act_id
       LEFT JOIN deadline_reminders r ON r.id = n.reminder_id
      WHERE n.user_id = $1 ORDER BY n.created_at DESC LIMIT $2`, [userId, limit])).rows;
}

/**
 * The people of cases: the users behind their parties (parties.user_id or users.party_id) and their
 * filers; and the parties no user stands behind, with their own e-mail address.
 */
export interface PersonRow {
  case_id: string; user_id: string | null; party_id: string | null; name: string; email: string | null; role: string | null; active: boolean;
}

export async function peopleOfCases(q: Queryable, caseIds: string[]): Promise<PersonRow[]> {
  if (caseIds.length === 0) return [];
  return (await q.query<PersonRow>(
    `WITH x AS (SELECT DISTINCT unnest($1::uuid[]) AS case_id),
     behind AS (
       SELECT c.id AS case_id, c.filed_by AS user_id FROM cases c WHERE c.id IN (SELECT case_id FROM x) AND c.filed_by IS NOT NULL
       UNION SELECT cp.case_id, p.user_id FROM case_parties cp JOIN parties p ON p.id = cp.party_id
              WHERE cp.case_id IN (SELECT case_id FROM x) AND p.user_id IS NOT NULL
       UNION SELECT cp.case_id, u.id FROM case_parties cp JOIN users u ON u.party_id = cp.party_id WHERE cp.case_id IN (SELECT case_id FROM x)
     )
     SELECT b.case_id, u.id AS user_id, NULL::uuid AS party_id, u.display_name AS name, u.email, u.role, u.active
       FROM behind b JOIN users u ON u.id = b.user_id
     UNION ALL
     SELECT DISTINCT cp.case_id, NULL::uuid, p.id, p.name, p.email, NULL::text, true
       FROM case_parties cp JOIN parties p ON p.id = cp.party_id
      WHERE cp.case_id IN (SELECT case_id FROM x) AND p.user_id IS NULL
        AND NOT EXISTS (SELECT 1 FROM users u WHERE u.party_id = p.id)
     ORDER BY 1, 2 NULLS LAST, 3`, [caseIds])).rows;
}

/** What the mail about an act says: the act, its case and the time limits it opened. */
export interface ActMailFacts {
  id: number; type: string; office_date: string; state_before: string | null; state_after: string; opened: any[] | null;
  number: string; title: string | null; framework: string; right_kind: string; procedure_version: string;
}

export async function actMailFacts(q: Queryable, actId: number): Promise<ActMailFacts | undefined> {
  return (await q.query<ActMailFacts>(
    `SELECT a.id, a.type, a.office_date, a.state_before, a.state_after, a.effects->'timeLimits'->'opened' AS opened,
            c.number, c.title, c.framework, c.right_kind, c.procedure_version
       FROM acts a JOIN cases c ON c.id = a.case_id WHERE a.id = $1`, [actId])).rows[0];
}

/** The in-app notices of a case, newest first, with the user each went to. */
export async function noticesOfCase(q: Queryable, caseId: string, limit: number) {
  return (await q.query<{
    id: string; user_id: string; username: string; display_name: string; act_id: number | null; act_type: string | null; reminder_id: string | null;
    title: string; body: string; created_at: Date; read_at: Date | null;
  }>(
    `SELECT n.id, n.user_id, u.username, u.display_name, n.act_id, a.type AS act_type, n.reminder_id, n.title, n.body, n.created_at, n.read_at
       FROM notifications n JOIN users u ON u.id = n.user_id LEFT JOIN acts a ON a.id = n.act_id
      WHERE n.case_id = $1 ORDER BY n.created_at DESC, n.id LIMIT $2`, [caseId, limit])).rows;
}
