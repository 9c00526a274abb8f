// Mail is made, not sent, where something happens: after an act (by the 'act.recorded' job, in its
// transaction) and with a reminder. One row per message, unique by act or reminder and address, so a job
// that runs again queues nothing twice. Only the case's own parties are written to: an unpublished case
// is nobody else's business. The worker sends them (send-mail.ts).
import { randomUUID } from 'node:crypto';
import { TAKE_OVER, TAKE_OVER_UPDATE } from '@registrum/procedures';
import type { Clock } from '../../../kernel/clock.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import { officeNow } from '../../webhooks/index.ts';
import * as mailRepo from '../mail.repository.ts';
import { actMail, caseLink, mailRecipients, messageId, type Recipient } from '../messages.ts';
import * as repo from '../notifications.repository.ts';

export interface MailingDeps {
  /** The sender, an address or 'Name <address>'. */
  from: string;
  /** The office's name, as it signs. */
  office: string;
  /** Where the public reaches the office: links to the case file; null = none. */
  publicUrl: string | null;
  clock: Clock & { offset?: number };
}

export interface Composed { subject: string; text: string }

/** The rows of one message per recipient. */
export function mails(mail: MailingDeps, about: { key: string; caseId: string; actId: number | null; reminderId: string | null; headers: Record<string, string> },
  to: Recipient[], compose: (r: Recipient) => Composed): mailRepo.NewMail[] {
  return to.map((r) => {
    const { subject, text } = compose(r);
    return {
      id: randomUUID(), messageId: messageId(about.key, r.address, mail.from), caseId: about.caseId, actId: about.actId, reminderId: about.reminderId,
      recipient: r.address, recipientName: r.name, userId: r.userId, partyId: r.partyId, sender: mail.from, subject, body: text,
      headers: { 'Auto-Submitted': 'auto-generated', ...about.headers },
    };
  });
}

// Taking a previous register over is the office moving house, not news for a party: a letter per record
// imported would be a flood (the portal's notices still tell the accounts).
const NOT_MAILED = new Set([TAKE_OVER, TAKE_OVER_UPDATE]);

/** The mail about an act to every party of its case with an address. */
export async function queueActMails(q: Queryable, mail: MailingDeps, job: { caseId: string; actId: number; act?: string }): Promise<number> {
  if (job.act && NOT_MAILED.has(job.act)) return 0;
  const to = mailRecipients(await repo.peopleOfCases(q, [job.caseId]));
  if (to.length === 0) return 0;
  const a = await repo.actMailFacts(q, job.actId);
  if (!a) return 0;
  const link = caseLink(mail.publicUrl, a.number);
  const list = mails(mail, { key: `act-${a.id}`, caseId: job.caseId, actId: a.id, reminderId: null, headers: { 'X-Registrum-Case': a.number, 'X-Registrum-Act': a.type } },
    to, (r) => actMail(a, r, mail.office, link));
  return mailRepo.insertMails(q, list, officeNow(mail.clock));
}

/**
 * What the 'act.recorded' job does for the parties: a notice in the portal, and with `mail`, an e-mail
 * queued to each of them. Both idempotent.
 */
export function notifyParties(mail: MailingDeps | null) {
  return async (q: Queryable, job: { caseId: string; actId: number; act: string }): Promise<void> => {
    await repo.notifyUsersOfCase(q, job.caseId, job.actId, job.act);
    if (mail) await queueActMails(q, mail, job);
  };
}
