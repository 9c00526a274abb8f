// In-app notices to the users behind a case's parties. One row per user and act (unique), so a job
// that runs twice after a crash does not notify twice.
import type { Queryable } from '../../platform/db/db.ts';
import type { ProcedureEngine } from '../../procedure-engine/engine.ts';
import * as repo from './notifications.repository.ts';

/**
 * The signed-in user's notices, newest first. Each names its case and act by code and by the act's
 * English title in the case's pinned procedure (resolved here from the law in memory, not stored), so
 * a client shows the act in the reader's language rather than the code in the notice's own title.
 */
export async function inbox(q: Queryable, engine: Pick<ProcedureEngine, 'procedureOf'>, userId: string) {
  return (await repo.inbox(q, userId)).map(({ framework, right_kind, procedure_version, ...n }) => {
    const actTitle = n.act_type && framework && right_kind && procedure_version
      ? engine.procedureOf({ framework, right_kind, procedure_version }).procedure.acts[n.act_type]?.title ?? null
      : null;
    return { ...n, act_title: actTitle };
  });
}

export async function notifyPartiesJob(q: Queryable, job: { caseId: string; actId: number; act: string }) {
  await repo.notifyUsersOfCase(q, job.caseId, job.actId, job.act);
}
