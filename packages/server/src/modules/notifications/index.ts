// In-app notices to the users behind a case's parties. One row per user and act (unique), so a job
// that runs twice after a crash does not notify twice.
import type { Queryable } from '../../platform/db/db.ts';
import * as repo from './notifications.repository.ts';

export { inbox } from './notifications.repository.ts';

export async function notifyPartiesJob(q: Queryable, job: { caseId: string; actId: number; act: string }) {
  await repo.notifyUsersOfCase(q, job.caseId, job.actId, job.act);
}
