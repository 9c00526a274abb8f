// In-app notices to the users behind a case's parties. One row per user and act (unique), so a job
// that runs twice after a crash does not notify twice.
import type { Queryable } from '../../platform/db/db.ts';
import * as repo from './notifications.repository.ts';

export { inbox } from './notifications.repository.ts';

export async function notifyPartiesJob(q: Queryable, job: { caseId: string; actId: number; act: string }) {
  const c = await repo.caseHeader(q, job.caseId);
  if (!c) return;
  for (const userId of await repo.usersOfCase(q, job.caseId, c.filed_by)) {
    await repo.insertNotification(q, {
      userId, caseId: job.caseId, actId: job.actId, title: `${c.number}: ${job.act}`,
      body: `A new act '${job.act}' was recorded on ${c.number}${c.title ? ` (${c.title})` : ''}.`,
    });
  }
}
