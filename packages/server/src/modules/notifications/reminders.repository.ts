// SQL of deadline reminders: which open time limits are due for one, made in one statement.
import type { Queryable } from '../../platform/db/db.ts';

export interface MadeReminder {
  id: string; time_limit_id: string; case_id: string; days: number; kind: string; due_on: string;
  grace_ends_on: string | null; expires_after: string; on_expiry: string;
  /** The act that opened the time limit (a renewal reminder is issued as a document of it). */
  opened_by_act: string | number;
  number: string; title: string | null; framework: string; right_kind: string; procedure_version: string;
}

/**
 * Makes the reminders due on `today`: for each open time limit a party can meet (`meetable`: the kinds
 * of time limit per pinned procedure), due within the largest of `days`, the reminder of the smallest
 * of `days` not less than the days left, unless that one or one of fewer days was already made. A time
 * limit first seen late so gets the one reminder that fits, not every one it missed.
 */
export async function makeReminders(q: Queryable, today: string, days: number[], meetable: { framework: string; right: string; version: string; kind: string }[],
  now: Date, limit: number): Promise<MadeReminder[]> {
  return (await q.query<MadeReminder>(
    `WITH law AS (
       SELECT * FROM unnest($4::text[], $5::text[], $6::text[], $7::text[]) AS l(framework, right_kind, procedure_version, kind)
     ), due AS (
       SELECT t.id, t.case_id, t.kind, t.due_on,
              (SELECT min(n) FROM unnest($2::int[]) AS n WHERE n >= t.due_on - $1::date) AS days
         FROM time_limits t
         JOIN cases c ON c.id = t.case_id
         JOIN law l ON l.framework = c.framework AND l.right_kind = c.right_kind AND l.procedure_version = c.procedure_version AND l.kind = t.kind
        WHERE t.status = 'open' AND t.due_on >= $1::date AND t.due_on <= $1::date + $3::int
     ), fresh AS (
       SELECT d.* FROM due d
        WHERE NOT EXISTS (SELECT 1 FROM deadline_reminders r WHERE r.time_limit_id = d.id AND r.days <= d.days)
        ORDER BY d.due_on, d.id LIMIT $8
     ), made AS (
       INSERT INTO deadline_reminders (id, time_limit_id, case_id, days, kind, due_on, office_date, created_at)
       SELECT gen_random_uuid(), f.id, f.case_id, f.days, f.kind, f.due_on, $1::date, $9 FROM fresh f
       ON CONFLICT (time_limit_id, days) DO NOTHING
       RETURNING id, time_limit_id, case_id, days, kind, due_on
     )
     SELECT m.*, t.grace_ends_on, t.expires_after, t.on_expiry, t.opened_by_act, c.number, c.title, c.framework, c.right_kind, c.procedure_version
       FROM made m JOIN time_limits t ON t.id = m.time_limit_id JOIN cases c ON c.id = m.case_id
      ORDER BY m.due_on, m.time_limit_id`,
    [today, days, Math.max(...days), meetable.map((m) => m.framework), meetable.map((m) => m.right), meetable.map((m) => m.version),
      meetable.map((m) => m.kind), limit, now])).rows;
}

export interface CaseReminderRow { id: string; time_limit_id: string; days: number; kind: string; due_on: string; office_date: string; created_at: Date; status: string }

export async function remindersOfCase(q: Queryable, caseId: string): Promise<CaseReminderRow[]> {
  return (await q.query<CaseReminderRow>(
    `SELECT r.id, r.time_limit_id, r.days, r.kind, r.due_on, r.office_date, r.created_at, t.status
       FROM deadline_reminders r JOIN time_limits t ON t.id = r.time_limit_id
      WHERE r.case_id = $1 ORDER BY r.created_at DESC, r.id`, [caseId])).rows;
}
