// The extension a declared outage causes (ML r. 80), case by case, each case in a transaction of its
// own through the engine: the act 'extend-for-outage' for every case with an open time limit ending on
// one of its days, then 'reinstate-after-outage' for every time limit the expiry sweep acted on
// although it ended on one of them. Safe to run again at any point: a time limit once extended no
// longer ends in the period, and one reinstated is no longer expired, so nothing is done twice; each
// act is recorded with its outcome in the same transaction. When every case has been seen the outage
// is marked extended, which releases the time limits the expiry sweep held meanwhile.
import { EXTEND_FOR_OUTAGE, REINSTATE_AFTER_OUTAGE, partyTimeLimitKinds, type OutageInput } from '@registrum/procedures';
import { SYSTEM } from '../../../kernel/actor.ts';
import { DomainError } from '../../../kernel/errors.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import type { OutagesDeps } from '../deps.ts';
import * as repo from '../outages.repository.ts';

export interface ExtensionReport {
  outage: string;
  /** Cases whose time limits were extended by this run (a run after a crash lists only what it did). */
  extended: { caseId: string; number: string; limits: { kind: string; from: string; to: string }[] }[];
  reinstated: { caseId: string; number: string; kind: string; state: string; dueOn: string }[];
  /** Time limits the sweep acted on in the period that could not be reinstated automatically: for the office to review. */
  review: { caseId: string; number: string; kind: string; reason: string }[];
  /** Cases looked at whose time limits ending in the period are not a party's (the office's own, the term of a right). */
  unchanged: number;
  complete: boolean;
}

export interface ExtensionOptions {
  /** Called after each case is done (a progress report; a failure it throws stops the run, as a crash would). */
  afterCase?: (done: number) => void;
}

/** The effects of the act performed on expiry that a reinstatement cannot undo by itself. */
function blockers(row: repo.ExpiredInRow, parentAct: string | undefined): string | null {
  if (row.act_seq !== row.act_count) return 'CASE_ACTED_ON_SINCE';
  const e = row.effects ?? {};
  if (row.actor_role !== 'system') return 'NOT_ACTED_ON_BY_THE_SWEEP';
  if ((e.timeLimits?.opened ?? []).length) return 'EXPIRY_OPENED_TIME_LIMITS';
  if ((e.fees ?? []).length || e.payment) return 'EXPIRY_CHARGED_FEES';
  if (e.parties || e.child || e.published) return 'EXPIRY_CHANGED_THE_CASE';
  if (parentAct) return 'EXPIRY_ACTED_ON_THE_PARENT';
  return null;
}

export async function extendForOutage(deps: OutagesDeps, outageId: string, opts: ExtensionOptions = {}): Promise<ExtensionReport> {
  const o = await repo.findOutage(deps.db, outageId);
  if (!o) throw new DomainError('OUTAGE_NOT_FOUND', `No outage ${outageId} was declared`, 404, { outage: outageId });
  const input: OutageInput = {
    outage: { id: o.id, firstDay: o.first_day, lastDay: o.last_day, declaredOn: o.declared_on },
    unavailable: (await repo.allOutageDays(deps.db)).filter((x) => x.id !== o.id),
  };
  const report: ExtensionReport = { outage: o.id, extended: [], reinstated: [], review: [], unchanged: 0, complete: false };
  let done = 0;
  const step = () => opts.afterCase?.(++done);

  // 1. Open time limits ending in the period.
  for (const caseId of await repo.casesWithOpenLimitsIn(deps.db, o.first_day, o.last_day)) {
    try {
      await deps.db.tx(async (q) => {
        const res = await deps.engine.perform(q, { caseId, act: EXTEND_FOR_OUTAGE, actor: SYSTEM, payload: { ...input } });
        const limits = await actExtensions(q, res.actId);
        await repo.recordEffect(q, { outageId: o.id, caseId, outcome: 'extended', actId: res.actId, detail: { limits }, at: deps.now() });
        report.extended.push({ caseId, number: res.number, limits });
      });
    } catch (e) {
      // Nothing of a party's ends in the period (or a concurrent run extended it first).
      if (!(e instanceof DomainError) || !['OUTAGE_NOTHING_TO_EXTEND', 'UNKNOWN_ACT'].includes(e.code)) throw e;
      report.unchanged++;
    }
    step();
  }

  // 2. Time limits the sweep acted on although they ended in the period.
  for (const row of await repo.expiredIn(deps.db, o.first_day, o.last_day)) {
    const { procedure } = deps.engine.procedureOf(row);
    if (!partyTimeLimitKinds(procedure).has(row.kind)) continue;
    const review = async (reason: string) => {
      await repo.recordEffect(deps.db, { outageId: o.id, caseId: row.case_id, outcome: 'review', actId: null, detail: { kind: row.kind, dueOn: row.due_on, reason, act: row.act_type }, at: deps.now() });
      report.review.push({ caseId: row.case_id, number: row.number, kind: row.kind, reason });
    };
    const blocked = blockers(row, procedure.acts[row.act_type]?.parentAct);
    if (blocked) { await review(blocked); step(); continue; }
    try {
      await deps.db.tx(async (q) => {
        // What the act performed on expiry had set, as it was before it.
        const before: Record<string, any> = Object.assign({}, ...await repo.dataBefore(q, row.case_id, row.act_seq));
        const restore = Object.fromEntries(Object.keys(row.effects?.data ?? {}).map((k) => [k, Object.hasOwn(before, k) ? before[k] : null]));
        const payload = {
          ...input,
          expired: {
            kind: row.kind, dueOn: row.due_on, graceEndsOn: row.grace_ends_on,
            act: { id: row.act_id, seq: row.act_seq, type: row.act_type, stateBefore: row.state_before, stateAfter: row.state_after },
          },
          alsoClosed: (await repo.otherLimitsEndedBy(q, row.act_id, row.limit_id)).map((t) => ({ kind: t.kind, dueOn: t.due_on, graceEndsOn: t.grace_ends_on, status: t.status })),
          restore,
        };
        const res = await deps.engine.perform(q, { caseId: row.case_id, act: REINSTATE_AFTER_OUTAGE, actor: SYSTEM, payload });
        const limits = await actExtensions(q, res.actId);
        const dueOn = limits.find((l) => l.kind === row.kind)?.to ?? row.due_on;
        await repo.recordEffect(q, { outageId: o.id, caseId: row.case_id, outcome: 'reinstated', actId: res.actId, detail: { kind: row.kind, limits, state: res.state, expiryAct: row.act_type }, at: deps.now() });
        report.reinstated.push({ caseId: row.case_id, number: row.number, kind: row.kind, state: res.state, dueOn });
      });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      await review(e.code);
    }
    step();
  }

  await repo.markExtended(deps.db, o.id, deps.now());
  report.complete = true;
  return report;
}

/** The time limits an act extended, as its effects recorded them: the due date moved (or the end of grace, where only it moved). */
async function actExtensions(q: Queryable, actId: number): Promise<{ kind: string; from: string; to: string }[]> {
  return (await repo.extensionsOfAct(q, actId)).map((e) => (e.dueOn === e.newDueOn && e.graceEndsOn && e.newGraceEndsOn
    ? { kind: e.kind, from: e.graceEndsOn, to: e.newGraceEndsOn }
    : { kind: e.kind, from: e.dueOn, to: e.newDueOn }));
}

/** Completes the extension of outages whose run stopped (a crash, a restart): the worker calls it on each pass. */
export async function completePendingExtensions(deps: OutagesDeps, graceMs = 60_000): Promise<ExtensionReport[]> {
  const out: ExtensionReport[] = [];
  for (const id of await repo.pendingOutages(deps.db, new Date(deps.now().getTime() - graceMs))) out.push(await extendForOutage(deps, id));
  return out;
}
