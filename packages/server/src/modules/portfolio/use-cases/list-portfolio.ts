// The portfolio of an applicant or agent: every case their party takes part in, the most urgent first.
import { daysBetween } from '@registrum/procedures';
import type { Actor } from '../../../kernel/actor.ts';
import { DomainError } from '../../../kernel/errors.ts';
import type { CasesDeps } from '../../cases/index.ts';
import * as repo from '../portfolio.repository.ts';

export async function listPortfolio(deps: CasesDeps, actor: Actor, f: { right?: string; q?: string; limit?: number; offset?: number }) {
  if (actor.kind !== 'user' || (actor.role !== 'applicant' && actor.role !== 'agent')) {
    throw new DomainError('FORBIDDEN', 'The portfolio is for applicants and agents; office staff use the worklist', 403);
  }
  const today = deps.clock.today();
  const limit = f.limit ?? 200; const offset = f.offset ?? 0;
  const { rows, total } = await repo.portfolio(deps.db, {
    userId: actor.id, partyId: actor.partyId, right: f.right || null, text: f.q?.trim() || null, limit, offset,
  });
  return {
    officeDate: today, total, limit, offset,
    items: rows.map((c) => {
      const state = deps.engine.procedureOf(c).procedure.states[c.state];
      return {
        id: c.id, number: c.number, right: c.right_kind, title: c.title, state: c.state,
        stateTitle: state?.title ?? c.state, statusCategory: state?.statusCategory ?? null, filingDate: c.filing_date,
        outstanding: c.fees_outstanding, currency: c.currency,
        nextDeadline: c.next_due_on
          ? { kind: c.next_kind, dueDate: c.next_due_on, daysLeft: daysBetween(today, c.next_due_on), graceEnds: c.next_grace_ends_on }
          : null,
      };
    }),
  };
}
