// Parties are told of every act on their cases and reminded of time limits: a notice in the portal
// (one row per user and act or reminder, unique, so a job that runs twice does not notify twice) and an
// e-mail, queued in the same transaction and sent by the worker with retries, every attempt recorded.
import type { Queryable } from '../../platform/db/db.ts';
import type { ProcedureEngine } from '../../procedure-engine/engine.ts';
import * as repo from './notifications.repository.ts';

export { notifyParties, queueActMails, type MailingDeps } from './use-cases/queue-mail.ts';
export { sendDueMail, MAIL_BACKOFF_SECONDS, MAIL_MAX_ATTEMPTS, type SendMailDeps } from './use-cases/send-mail.ts';
export { remindDue, type ReminderDeps } from './use-cases/remind.ts';
export { caseNotifications } from './use-cases/case-notifications.ts';

/**
 * The signed-in user's notices, newest first. Each names its case and act by code and by the act's
 * English title in the case's pinned procedure (resolved here from the law in memory, not stored), so
 * a client shows the act in the reader's language rather than the code in the notice's own title.
 * A reminder has no act: it names the kind of time limit and its due date instead.
 */
export async function inbox(q: Queryable, engine: Pick<ProcedureEngine, 'procedureOf'>, userId: string) {
  return (await repo.inbox(q, userId)).map(({ framework, right_kind, procedure_version, ...n }) => {
    const actTitle = n.act_type && framework && right_kind && procedure_version
      ? engine.procedureOf({ framework, right_kind, procedure_version }).procedure.acts[n.act_type]?.title ?? null
      : null;
    return { ...n, act_title: actTitle };
  });
}

/** The in-app notice of an act alone (no e-mail). */
export async function notifyPartiesJob(q: Queryable, job: { caseId: string; actId: number; act: string }) {
  await repo.notifyUsersOfCase(q, job.caseId, job.actId, job.act);
}
