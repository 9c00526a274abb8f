// SQL of the mail outbox: mail made for acts and reminders, claimed and sent by the worker, every attempt.
import type { Queryable } from '../../platform/db/db.ts';

export interface NewMail {
  id: string; messageId: string; caseId: string; actId: number | null; reminderId: string | null;
  recipient: string; recipientName: string | null; userId: string | null; partyId: string | null;
  sender: string; subject: string; body: string; headers: Record<string, string>;
}

/** Queues mail, due at once; a message already queued (same Message-ID, or same act or reminder and address) is left alone. */
export async function insertMails(q: Queryable, list: NewMail[], now: Date): Promise<number> {
  if (list.length === 0) return 0;
  const { rowCount } = await q.query(
    `INSERT INTO mail_outbox (id, message_id, case_id, act_id, reminder_id, recipient, recipient_name, user_id, party_id, sender, subject, body, headers,
                              status, attempts, next_attempt_at, created_at)
     SELECT m.id, m.message_id, m.case_id, m.act_id, m.reminder_id, m.recipient, m.recipient_name, m.user_id, m.party_id, m.sender, m.subject, m.body,
            m.headers::jsonb, 'pending', 0, $14, $14
       FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::bigint[], $5::uuid[], $6::text[], $7::text[], $8::uuid[], $9::uuid[], $10::text[], $11::text[],
                   $12::text[], $13::text[])
         AS m(id, message_id, case_id, act_id, reminder_id, recipient, recipient_name, user_id, party_id, sender, subject, body, headers)
     ON CONFLICT DO NOTHING`,
    [list.map((m) => m.id), list.map((m) => m.messageId), list.map((m) => m.caseId), list.map((m) => m.actId), list.map((m) => m.reminderId),
      list.map((m) => m.recipient), list.map((m) => m.recipientName), list.map((m) => m.userId), list.map((m) => m.partyId), list.map((m) => m.sender),
      list.map((m) => m.subject), list.map((m) => m.body), list.map((m) => JSON.stringify(m.headers)), now]);
  return rowCount ?? 0;
}

export interface DueMail {
  id: string; message_id: string; recipient: string; recipient_name: string | null; sender: string; subject: string; body: string;
  headers: Record<string, string>; attempts: number;
}

/** Claims up to `limit` mails that are due, for `until` (another worker skips them meanwhile). */
export async function claimDue(q: Queryable, now: Date, until: Date, limit: number): Promise<DueMail[]> {
  return (await q.query<DueMail>(
    `WITH due AS (
       SELECT id FROM mail_outbox
        WHERE status = 'pending' AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1)
        ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED
     )
     UPDATE mail_outbox m SET claimed_until = $2 FROM due WHERE m.id = due.id
     RETURNING m.id, m.message_id, m.recipient, m.recipient_name, m.sender, m.subject, m.body, m.headers, m.attempts`, [now, until, limit])).rows;
}

/** Gives claimed mail back unattempted: due again at once. */
export async function release(q: Queryable, ids: string[]): Promise<void> {
  await q.query('UPDATE mail_outbox SET claimed_until = NULL WHERE id = ANY($1::uuid[])', [ids]);
}

/** An attempt and its outcome; the last error stays after a later success (the attempts tell the story). */
export async function recordAttempt(q: Queryable, mailId: string, a: {
  attempt: number; at: Date; ok: boolean; response: string | null; error: string | null; durationMs: number; nextAttemptAt: Date | null; status: 'pending' | 'sent' | 'failed';
}): Promise<void> {
  await q.query(
    `INSERT INTO mail_attempts (mail_id, attempt, attempted_at, ok, response, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (mail_id, attempt) DO NOTHING`,
    [mailId, a.attempt, a.at, a.ok, a.response, a.error, a.durationMs]);
  await q.query(
    `UPDATE mail_outbox SET attempts = $2, status = $3, next_attempt_at = $4, claimed_until = NULL, last_response = $5,
            last_error = coalesce($6, last_error), sent_at = CASE WHEN $3 = 'sent' THEN $7 ELSE sent_at END
      WHERE id = $1`,
    [mailId, a.attempt, a.status, a.nextAttemptAt, a.response, a.error, a.at]);
}

export interface CaseMailRow {
  id: string; message_id: string; act_id: number | null; act_type: string | null; reminder_id: string | null; recipient: string; recipient_name: string | null;
  subject: string; status: string; attempts: number; next_attempt_at: Date | null; created_at: Date; sent_at: Date | null;
  last_response: string | null; last_error: string | null;
}

export async function mailsOfCase(q: Queryable, caseId: string, limit: number): Promise<CaseMailRow[]> {
  return (await q.query<CaseMailRow>(
    `SELECT m.id, m.message_id, m.act_id, a.type AS act_type, m.reminder_id, m.recipient, m.recipient_name, m.subject, m.status, m.attempts,
            m.next_attempt_at, m.created_at, m.sent_at, m.last_response, m.last_error
       FROM mail_outbox m LEFT JOIN acts a ON a.id = m.act_id
      WHERE m.case_id = $1 ORDER BY m.created_at DESC, m.id LIMIT $2`, [caseId, limit])).rows;
}

export interface MailAttemptRow { mail_id: string; attempt: number; attempted_at: Date; ok: boolean; response: string | null; error: string | null; duration_ms: number }

export async function attemptsOf(q: Queryable, mailIds: string[]): Promise<MailAttemptRow[]> {
  if (mailIds.length === 0) return [];
  return (await q.query<MailAttemptRow>(
    'SELECT mail_id, attempt, attempted_at, ok, response, error, duration_ms FROM mail_attempts WHERE mail_id = ANY($1::uuid[]) ORDER BY mail_id, attempt',
    [mailIds])).rows;
}
