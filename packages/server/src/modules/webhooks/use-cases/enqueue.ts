// Deliveries are made, not sent, where an event happens: after an act (from the 'act.recorded' job, so
// the act itself is never held up or undone by a subscriber) and when a gazette issue is published (in
// the transaction that freezes it). Each is one row per subscription and event, unique, so a job that
// runs again makes no second delivery. The worker sends them (deliver.ts).
import { randomUUID } from 'node:crypto';
import { findProcedure } from '@registrum/procedures';
import type { Clock } from '../../../kernel/clock.ts';
import type { Queryable } from '../../../platform/db/db.ts';
import type { WebhookEvent } from '../events.ts';
import * as repo from '../webhooks.repository.ts';

/** The office's time: the clock's real time moved by the office date's offset (demo mode), so retries follow the office clock. */
export function officeNow(clock: Clock & { offset?: number }): Date {
  return new Date(clock.now().getTime() + (clock.offset ?? 0) * 86_400_000);
}

/** The deliveries an act causes. */
export async function enqueueActDeliveries(q: Queryable, job: { caseId: string; actId: number }, now: Date, publicUrl = ''): Promise<number> {
  const subs = await repo.subscriptionsForCase(q, job.caseId);
  if (subs.length === 0) return 0;
  const a = await repo.actFacts(q, job.actId);
  if (!a) return 0;
  const happened: WebhookEvent[] = [];
  if (a.state_before !== null && a.state_before !== a.state_after) happened.push('status-changed');
  if (Array.isArray(a.opened) && a.opened.length > 0) happened.push('time-limit-opened');
  if (a.published) happened.push('case-published');
  if (happened.length === 0) return 0;
  // The public hears of a case from the act that published it on; what came before stays in its public history.
  const publiclyVisible = a.public && a.published_seq !== null && a.seq >= a.published_seq;
  const procedure = findProcedure(a.framework, a.right_kind, a.procedure_version);
  const list: repo.NewDelivery[] = [];
  for (const s of subs) {
    if (s.scope === 'public' && !publiclyVisible) continue;
    for (const event of happened) {
      if (!s.events.includes(event)) continue;
      const id = randomUUID();
      const body = {
        id, event, occurredAt: new Date(a.recorded_at).toISOString(),
        case: {
          number: a.number, right: a.right_kind, title: a.title, state: a.state_after,
          stateTitle: procedure?.states[a.state_after]?.title ?? a.state_after, link: `${publicUrl}/api/v1/cases/${encodeURIComponent(a.number)}`,
        },
        act: {
          type: a.type, title: procedure?.acts[a.type]?.title ?? a.type, seq: a.seq, officeDate: a.office_date,
          recordedAt: new Date(a.recorded_at).toISOString(), stateBefore: a.state_before, stateAfter: a.state_after, event: a.event ?? null,
        },
        ...(event === 'time-limit-opened' ? {
          timeLimits: (a.opened ?? []).map((t: any) => ({ kind: t.kind, startsFrom: t.startsFrom, dueOn: t.dueOn, windowOpensOn: t.windowOpensOn ?? null, graceEndsOn: t.graceEndsOn ?? null, onExpiry: t.onExpiry })),
        } : {}),
      };
      list.push({ id, subscriptionId: s.id, event, caseId: job.caseId, actId: a.id, issueId: null, body: JSON.stringify(body) });
    }
  }
  return repo.insertDeliveries(q, list, now);
}

/** The deliveries of a published gazette issue (to every subscriber of the event: the gazette is public). */
export async function enqueueGazetteDeliveries(q: Queryable, issue: { id: string; number: string; date: string; entries: number; link: string }, now: Date): Promise<number> {
  const subs = await repo.subscriptionsFor(q, 'gazette-issue-published');
  const list = subs.map((s) => {
    const id = randomUUID();
    const body = { id, event: 'gazette-issue-published', occurredAt: now.toISOString(), issue: { number: issue.number, date: issue.date, entries: issue.entries, link: issue.link } };
    return { id, subscriptionId: s.id, event: 'gazette-issue-published', caseId: null, actId: null, issueId: issue.id, body: JSON.stringify(body) };
  });
  return repo.insertDeliveries(q, list, now);
}
