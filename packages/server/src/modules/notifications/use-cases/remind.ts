// Deadline reminders, as part of every worker pass: an open time limit a party can meet, due in N office
// days or less for an N of REMINDER_DAYS, gets a notice in the portal for the accounts behind the case's
// parties and a mail to each party with an address, once per time limit and N. A time limit already met or
// closed is not open, so gets none.
import { daysBetween, type LegalDate } from '@registrum/procedures';
import type { Db, Queryable } from '../../../platform/db/db.ts';
import { officeNow } from '../../webhooks/index.ts';
import * as mailRepo from '../mail.repository.ts';
import { caseLink, mailRecipients, MEETABLE, noticeUsers, reminderTexts } from '../messages.ts';
import * as repo from '../notifications.repository.ts';
import * as reminders from '../reminders.repository.ts';
import { mails, type MailingDeps } from './queue-mail.ts';

export interface ReminderDeps {
  db: Db;
  /** Days before the due date, e.g. [30, 7]; empty = no reminders. */
  days: number[];
  /** The office's name as it signs; the clock is the office's. */
  office: string;
  clock: MailingDeps['clock'];
  /** Null: notices in the portal only. */
  mail: MailingDeps | null;
  /**
   * Issues an outgoing document (modules/documents, wired by the office): the first reminder of a renewal
   * also issues the renewal reminder, a signed document in the case file like any other.
   */
  issue?: (q: Queryable, job: { kind: string; caseId: string; actId: number }) => Promise<unknown>;
}

/** Makes the reminders due today, a batch per transaction (reminder, notices and mail together). */
export async function remindDue(deps: ReminderDeps, batch = 200): Promise<{ reminders: number; notices: number; mails: number }> {
  const out = { reminders: 0, notices: 0, mails: 0 };
  if (deps.days.length === 0) return out;
  const today = deps.clock.today();
  for (let round = 0; round < 50; round++) {
    const made = await deps.db.tx(async (q) => {
      const list = await reminders.makeReminders(q, today, deps.days, MEETABLE, officeNow(deps.clock), batch);
      if (list.length === 0) return 0;
      const people = await repo.peopleOfCases(q, [...new Set(list.map((r) => r.case_id))]);
      const notices: Parameters<typeof repo.insertReminderNotices>[1] = [];
      const queued: mailRepo.NewMail[] = [];
      for (const r of list) {
        if (r.kind === 'renewal' && deps.issue) await deps.issue(q, { kind: 'renewal-reminder', caseId: r.case_id, actId: Number(r.opened_by_act) });
        const own = people.filter((p) => p.case_id === r.case_id);
        const texts = reminderTexts(r, daysBetween(today, r.due_on as LegalDate), deps.office, caseLink(deps.mail?.publicUrl ?? null, r.number));
        for (const userId of noticeUsers(own)) notices.push({ userId, caseId: r.case_id, reminderId: r.id, title: texts.title, body: texts.body });
        if (deps.mail) {
          queued.push(...mails(deps.mail, {
            key: `reminder-${r.time_limit_id}-${r.days}`, caseId: r.case_id, actId: null, reminderId: r.id,
            headers: { 'X-Registrum-Case': r.number, 'X-Registrum-Time-Limit': r.kind },
          }, mailRecipients(own), texts.mail));
        }
      }
      out.notices += await repo.insertReminderNotices(q, notices);
      out.mails += await mailRepo.insertMails(q, queued, officeNow(deps.clock));
      return list.length;
    });
    out.reminders += made;
    if (made < batch) break;
  }
  return out;
}
