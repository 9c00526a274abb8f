// The expiry sweep: for every open time limit whose last day (grace included) is before the office
// date, the office performs the act the procedure names, as the system, one case per transaction.
// Idempotent: the time limit is closed in the same transaction, so a second run finds nothing, and
// a time limit that a concurrent act already met is skipped after locking the case.
// A time limit whose last day falls in a declared period of unavailability (modules/outages) is held
// while the extension for that period is not complete: it is about to be extended, not lapsed.
import type { LegalDate } from '@registrum/procedures';
import { SYSTEM } from '../kernel/actor.ts';
import type { Clock } from '../kernel/clock.ts';
import { DomainError } from '../kernel/errors.ts';
import type { Db } from '../platform/db/db.ts';
import type { ProcedureEngine } from './engine.ts';
import * as repo from './journal.repository.ts';

/** `title`: the act's English title in the case's procedure, so a report can be read in any language. */
export interface SweepReport { expired: number; acted: { caseId: string; number: string; act: string; title: string }[]; skipped: { caseId: string; kind: string; reason: string }[] }

/** The time limit `t` ends in no declared period of unavailability whose extension is still to be completed. */
const NOT_HELD = 'NOT EXISTS (SELECT 1 FROM outages o WHERE o.extended_at IS NULL AND t.expires_after BETWEEN o.first_day AND o.last_day)';

export async function sweepExpiredTimeLimits(db: Db, engine: ProcedureEngine, clock: Clock, batch = 200): Promise<SweepReport> {
  const report: SweepReport = { expired: 0, acted: [], skipped: [] };
  const today = clock.today();
  for (;;) {
    const { rows } = await db.query<{ id: string; case_id: string }>(
      `SELECT t.id, t.case_id FROM time_limits t WHERE t.status = 'open' AND t.expires_after < $1 AND ${NOT_HELD}
        ORDER BY t.expires_after, t.id LIMIT $2`,
      [today, batch],
    );
    if (rows.length === 0) return report;
    for (const r of rows) await expireOne(db, engine, r.case_id, r.id, today, report);
    if (rows.length < batch) return report;
  }
}

async function expireOne(db: Db, engine: ProcedureEngine, caseId: string, limitId: string, today: LegalDate, report: SweepReport) {
  await db.tx(async (q) => {
    const row = await repo.lockCase(q, caseId);
    const { rows } = await q.query<repo.TimeLimitRow>(`SELECT t.* FROM time_limits t WHERE t.id = $1 AND t.status = 'open' AND t.expires_after < $2 AND ${NOT_HELD}`, [limitId, today]);
    const limit = rows[0];
    if (!row || !limit) return;
    try {
      const res = await engine.perform(q, { caseId, act: limit.on_expiry, actor: SYSTEM, payload: { timeLimit: { kind: limit.kind, dueOn: limit.due_on, graceEndsOn: limit.grace_ends_on } } });
      await q.query("UPDATE time_limits SET status = 'expired', closed_by_act = $2, closed_on = $3 WHERE id = $1 AND (status = 'open' OR closed_by_act = $2)", [limitId, res.actId, today]);
      report.expired++;
      report.acted.push({ caseId, number: row.number, act: limit.on_expiry, title: engine.procedureOf(row).procedure.acts[limit.on_expiry]?.title ?? limit.on_expiry });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      // The state moved on (e.g. withdrawn) without closing this limit: close it, with the reason.
      await q.query("UPDATE time_limits SET status = 'closed', closed_on = $2, computation = computation || $3 WHERE id = $1", [limitId, today, JSON.stringify({ closedWithoutAct: e.code })]);
      report.skipped.push({ caseId, kind: limit.kind, reason: e.code });
    }
  });
}
