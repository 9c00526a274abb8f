// What the case file records of the parties being told: the notices in the portal, every mail with its
// attempts, and the reminders of time limits. For office staff and the case's own parties only (it names
// their addresses); to anyone else the case is "not found", as elsewhere.
import { DomainError } from '../../../kernel/errors.ts';
import type { Db } from '../../../platform/db/db.ts';
import { isOfficeRole } from '../../access/index.ts';
import { loadVisibleCase, type CasesDeps, type Viewer } from '../../cases/index.ts';
import * as mailRepo from '../mail.repository.ts';
import * as repo from '../notifications.repository.ts';
import * as reminders from '../reminders.repository.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export async function caseNotifications(deps: { db: Db; cases: CasesDeps }, viewer: Viewer, idOrNumber: string, limit = 200) {
  const { c, party } = await loadVisibleCase(deps.cases, viewer, idOrNumber);
  if (!viewer || !(party || isOfficeRole(viewer.role))) throw new DomainError('CASE_NOT_FOUND', `Case ${idOrNumber} not found`, 404);
  const [notices, mails, made] = [await repo.noticesOfCase(deps.db, c.id, limit), await mailRepo.mailsOfCase(deps.db, c.id, limit), await reminders.remindersOfCase(deps.db, c.id)];
  const attempts = await mailRepo.attemptsOf(deps.db, mails.map((m) => m.id));
  return {
    case: { id: c.id, number: c.number },
    notices: notices.map((n) => ({
      id: n.id, user: { id: n.user_id, username: n.username, name: n.display_name }, actId: n.act_id, act: n.act_type, reminderId: n.reminder_id,
      title: n.title, body: n.body, createdAt: iso(n.created_at), readAt: iso(n.read_at),
    })),
    mails: mails.map((m) => ({
      id: m.id, messageId: m.message_id, recipient: m.recipient, recipientName: m.recipient_name, subject: m.subject,
      actId: m.act_id, act: m.act_type, reminderId: m.reminder_id, status: m.status, attempts: m.attempts,
      nextAttemptAt: iso(m.next_attempt_at), createdAt: iso(m.created_at), sentAt: iso(m.sent_at), lastResponse: m.last_response, lastError: m.last_error,
      attemptLog: attempts.filter((a) => a.mail_id === m.id).map((a) => ({ attempt: a.attempt, at: iso(a.attempted_at), ok: a.ok, response: a.response, error: a.error, durationMs: a.duration_ms })),
    })),
    reminders: made.map((r) => ({
      id: r.id, timeLimitId: r.time_limit_id, kind: r.kind, dueOn: r.due_on, days: r.days, officeDate: r.office_date, createdAt: iso(r.created_at), timeLimitStatus: r.status,
    })),
  };
}
