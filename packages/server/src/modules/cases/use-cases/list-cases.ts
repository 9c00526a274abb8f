// Lists and worklists. A role's worklist is derived from the law: the states in which a non-automatic
// act is open to that role. No separate configuration to fall out of step.
import { FRAMEWORKS, type Performer, type Role } from '@registrum/procedures';
import { DomainError } from '../../../kernel/errors.ts';
import * as repo from '../cases.repository.ts';
import { isOffice, listScope, type Viewer } from '../cases.policy.ts';
import type { CasesDeps } from '../deps.ts';
import { caseSummary } from '../presenter.ts';
import { casesReader } from './read-case.ts';

export function worklistStates(role: Role): { right: string; state: string; acts: string[] }[] {
  const out = new Map<string, { right: string; state: string; acts: Set<string> }>();
  for (const f of FRAMEWORKS) for (const p of f.procedures) {
    for (const [type, a] of Object.entries(p.acts)) {
      if (a.automatic || a.worklist === false || a.from.length === 0 || a.from.includes('*') || !a.performers.includes(role as Performer)) continue;
      for (const s of a.worklist ?? a.from) {
        const k = `${p.right}:${s}`;
        const e = out.get(k) ?? { right: p.right, state: s, acts: new Set<string>() };
        e.acts.add(type);
        out.set(k, e);
      }
    }
  }
  return [...out.values()].map((e) => ({ right: e.right, state: e.state, acts: [...e.acts].sort() }));
}

export interface ListQuery {
  state?: string; right?: string; q?: string; limit?: number; offset?: number; mine?: boolean;
  /** Register search: holder's or applicant's name contains; Nice class; case number equal or starting with. */
  holder?: string; classNumber?: number; number?: string;
}

export async function listCases(deps: CasesDeps, viewer: Viewer, f: ListQuery & { lanes?: { right: string; state: string }[] }) {
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  // The public register search may be served by the read replica; a signed-in user's list by the primary.
  const { rows, total } = await repo.listCases(casesReader(deps, viewer), {
    states: f.state ? f.state.split(',') : undefined, right: f.right, text: f.q?.trim() || undefined, lanes: f.lanes,
    holder: f.holder?.trim() || undefined, classNumber: f.classNumber, numberPrefix: f.number?.trim().toUpperCase() || undefined,
    assignedTo: f.mine && viewer ? viewer.userId : undefined, visibleTo: listScope(viewer), limit, offset: Math.max(f.offset ?? 0, 0),
  });
  // Who took a case is office business: shown to office staff only.
  const office = isOffice(viewer);
  return {
    total, limit, offset: f.offset ?? 0,
    items: rows.map((c) => ({
      ...caseSummary(c, deps.engine.procedureOf(c).procedure),
      ...(office ? { assignee: c.assigned_to ? { id: c.assigned_to, name: c.assignee_name ?? '' } : null } : {}),
    })),
  };
}

export async function worklist(deps: CasesDeps, viewer: Viewer, f: Omit<ListQuery, 'holder' | 'classNumber' | 'number'>) {
  if (!viewer || !isOffice(viewer)) throw new DomainError('FORBIDDEN', 'Worklists are for office staff', 403);
  const lanes = worklistStates(viewer.role);
  const states = [...new Set(lanes.map((l) => l.state))];
  const counts = await repo.countByState(deps.db, states);
  const wanted = f.state ? lanes.filter((l) => f.state!.split(',').includes(l.state)) : lanes;
  const list = await listCases(deps, viewer, { ...f, state: undefined, lanes: wanted });
  return { role: viewer.role, lanes: lanes.map((l) => ({ ...l, count: counts[`${l.right}:${l.state}`] ?? 0 })), ...list };
}

export async function assignCase(deps: CasesDeps, viewer: Viewer, idOrNumber: string, toMe: boolean) {
  if (!viewer || !isOffice(viewer)) throw new DomainError('FORBIDDEN', 'Only office staff take cases', 403);
  const c = await repo.findCase(deps.db, idOrNumber);
  if (!c) throw new DomainError('CASE_NOT_FOUND', `Case ${idOrNumber} not found`, 404);
  await repo.assign(deps.db, c.id, toMe ? viewer.userId : null);
  return { id: c.id, number: c.number, assignedTo: toMe ? viewer.userId : null };
}
