// The office dashboard: filings per ISO week, the backlog of pending cases by state, pendency to
// registration or grant, and the time limits that fall due in the coming week. Which states are
// pending and which acts register or grant a right is read from the procedures, not listed here.
import { addDays, daysBetween, dayOfWeek, FRAMEWORKS, type LegalDate, type ProcedureDefinition } from '@registrum/procedures';
import type { Clock } from '../../../kernel/clock.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import * as repo from '../stats.repository.ts';

export interface StatsDeps { db: Queryable; clock: Clock }

/** How many time limits the dashboard lists (the total is given too). */
const EXPIRING_LIST_LIMIT = 500;
const procedures = (): ProcedureDefinition[] => FRAMEWORKS.flatMap((f) => f.procedures);

/** (right, state) of every state some procedure version defines as not terminal, with the latest title. */
export function pendingStates(): { right: string; state: string; title: string }[] {
  const out = new Map<string, { right: string; state: string; title: string }>();
  for (const p of procedures()) for (const [state, s] of Object.entries(p.states)) {
    if (!s.terminal) out.set(`${p.right}:${state}`, { right: p.right, state, title: s.title });
  }
  return [...out.values()];
}

/**
 * The acts that register or grant a right: those that issue the title (a registration or patent
 * certificate) and move the case to a state that is not final (a recordal's entry ends its case).
 */
export function titleActs(): { right: string; act: string }[] {
  const out = new Map<string, { right: string; act: string }>();
  for (const p of procedures()) for (const [act, a] of Object.entries(p.acts)) {
    if (a.to === undefined || !(a.documents ?? []).some((d) => d.endsWith('-certificate'))) continue;
    if (typeof a.to === 'string' && p.states[a.to]?.terminal) continue;
    out.set(`${p.right}:${act}`, { right: p.right, act });
  }
  return [...out.values()];
}

/** Monday of the ISO week of a date. */
const mondayOf = (d: LegalDate) => addDays(d, -((dayOfWeek(d) + 6) % 7));

/** 'YYYY-Www' of the ISO week starting on a Monday: the week belongs to the year of its Thursday. */
export function isoWeek(monday: LegalDate): string {
  const thursday = addDays(monday, 3);
  const year = thursday.slice(0, 4);
  const week = Math.floor(daysBetween(`${year}-01-01` as LegalDate, thursday) / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** For office staff only: the route admits office staff only (its access policy). */
export async function dashboard(deps: StatsDeps, opts: { weeks?: number } = {}) {
  const weeks = Math.min(Math.max(Math.trunc(opts.weeks ?? 12), 1), 104);
  const today = deps.clock.today();
  const first = addDays(mondayOf(today), -7 * (weeks - 1));
  const weekStarts = Array.from({ length: weeks }, (_, i) => addDays(first, 7 * i));

  const pending = pendingStates();
  // Independent reads: on PostgreSQL they run side by side on pooled connections.
  const [filed, backlog, pend, due] = await Promise.all([
    repo.filingsPerWeek(deps.db, first, today),
    repo.casesByState(deps.db),
    repo.pendency(deps.db, titleActs().map((t) => ({ right: t.right, value: t.act })), first, today),
    repo.openTimeLimitsDue(deps.db, today, addDays(today, 7), EXPIRING_LIST_LIMIT),
  ]);

  // Every week of the period for every right filed in it, weeks without filings as 0 (a chart needs them).
  const count = new Map(filed.map((r) => [`${r.right}:${r.week_start}`, r.n]));
  const rights = [...new Set(filed.map((r) => r.right))].sort();
  const filingsPerWeek = weekStarts.flatMap((weekStart) => rights.map((right) => ({
    week: isoWeek(weekStart), weekStart, right, count: count.get(`${right}:${weekStart}`) ?? 0,
  })));
  const titles = new Map(pending.map((p) => [`${p.right}:${p.state}`, p.title]));

  return {
    officeDate: today,
    weeks,
    period: { from: first, to: today },
    filingsPerWeek,
    backlog: backlog
      .filter((r) => titles.has(`${r.right}:${r.state}`))
      .map((r) => ({ right: r.right, state: r.state, stateTitle: titles.get(`${r.right}:${r.state}`) ?? r.state, count: r.n }))
      .sort((a, b) => a.right.localeCompare(b.right) || b.count - a.count || a.state.localeCompare(b.state)),
    pendency: pend
      .map((r) => ({ right: r.right, medianDays: Math.round(Number(r.median) * 10) / 10, cases: r.n }))
      .sort((a, b) => a.right.localeCompare(b.right)),
    expiringThisWeek: due.rows.map((r) => ({
      caseId: r.case_id, number: r.number, right: r.right, title: r.title, kind: r.kind, dueDate: r.due_on, daysLeft: daysBetween(today, r.due_on),
    })),
    expiringThisWeekTotal: due.total,
  };
}
