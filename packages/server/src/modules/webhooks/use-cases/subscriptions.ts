// Subscriptions: an applicant or agent subscribes to the cases its party takes part in ('own'); an
// administrator registers subscribers of the published register ('public'), such as another office.
// The secret is made by the office and shown once, when the subscription is made or its secret renewed.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Role } from '@registrum/procedures';
import { DomainError, invalid } from '../../../kernel/errors.ts';
import type { Clock } from '../../../kernel/clock.ts';
import type { Db } from '../../../platform/db/db.ts';
import { EVENT_NAMES, PING, WEBHOOK_EVENTS, type WebhookEvent } from '../events.ts';
import { checkWebhookUrl } from '../url-policy.ts';
import * as repo from '../webhooks.repository.ts';
import { officeNow } from './enqueue.ts';

export interface WebhooksDeps { db: Db; clock: Clock & { offset?: number }; production: boolean }
export interface Subscriber { userId: string; role: Role; partyId: string | null }

export const MAX_SUBSCRIPTIONS = 20;

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;

function present(s: repo.SubscriptionRow & { owner_name?: string; pending?: number; failed?: number }) {
  return {
    id: s.id, url: s.url, events: s.events, scope: s.scope, description: s.description, active: s.active,
    owner: { id: s.owner_id, ...(s.owner_name !== undefined ? { name: s.owner_name } : {}) },
    createdAt: s.created_at, updatedAt: s.updated_at,
    ...(s.pending !== undefined ? { deliveries: { pending: s.pending, failed: s.failed } } : {}),
    links: { self: `/api/v1/webhooks/${s.id}`, deliveries: `/api/v1/webhooks/${s.id}/deliveries` },
  };
}

function checkEvents(events: string[]): WebhookEvent[] {
  const unknown = events.filter((e) => !EVENT_NAMES.includes(e as WebhookEvent));
  if (unknown.length) throw invalid('WEBHOOK_EVENT_UNKNOWN', `Unknown events: ${unknown.join(', ')}; known: ${EVENT_NAMES.join(', ')}`, { unknown, known: EVENT_NAMES });
  return [...new Set(events)] as WebhookEvent[];
}

function scopeFor(who: Subscriber, asked: 'own' | 'public' | undefined): 'own' | 'public' {
  if (who.role === 'applicant' || who.role === 'agent') {
    if (asked === 'public') throw new DomainError('FORBIDDEN', 'Subscriptions to the whole published register are registered by the office', 403);
    return 'own';
  }
  if (who.role === 'admin') {
    if (asked === 'own') throw invalid('WEBHOOK_SCOPE_INVALID', "An administrator registers subscribers of the published register (scope 'public')");
    return 'public';
  }
  throw new DomainError('FORBIDDEN', 'Webhooks are for applicants, agents and the administrator', 403);
}

export function listEvents() {
  return { items: Object.entries(WEBHOOK_EVENTS).map(([event, description]) => ({ event, description })) };
}

export async function createSubscription(deps: WebhooksDeps, who: Subscriber, input: { url: string; events: string[]; scope?: 'own' | 'public'; description?: string }) {
  const scope = scopeFor(who, input.scope);
  const url = checkWebhookUrl(input.url, deps.production);
  const events = checkEvents(input.events);
  const secret = newSecret();
  const id = randomUUID();
  return deps.db.tx(async (q) => {
    if (await repo.countOwned(q, who.userId) >= MAX_SUBSCRIPTIONS) {
      throw new DomainError('WEBHOOK_LIMIT_REACHED', `At most ${MAX_SUBSCRIPTIONS} subscriptions per account`, 409, { max: MAX_SUBSCRIPTIONS });
    }
    await repo.insertSubscription(q, { id, owner_id: who.userId, scope, party_id: scope === 'own' ? who.partyId : null, url, secret, events, description: input.description ?? null, created_at: officeNow(deps.clock) });
    const row = (await repo.getSubscription(q, id))!;
    // The only time the secret is shown.
    return { ...present(row), secret };
  });
}

/** A subscription the caller may manage: its own, or any for the administrator; otherwise "not found". */
async function owned(deps: WebhooksDeps, who: Subscriber, id: string) {
  const s = /^[0-9a-f-]{36}$/i.test(id) ? await repo.getSubscription(deps.db, id) : undefined;
  if (!s || (s.owner_id !== who.userId && who.role !== 'admin')) throw new DomainError('WEBHOOK_NOT_FOUND', 'No such webhook subscription', 404);
  return s;
}

export async function listSubscriptions(deps: WebhooksDeps, who: Subscriber) {
  if (!['applicant', 'agent', 'admin'].includes(who.role)) throw new DomainError('FORBIDDEN', 'Webhooks are for applicants, agents and the administrator', 403);
  return { items: (await repo.listSubscriptions(deps.db, who.role === 'admin' ? null : who.userId)).map(present) };
}

export async function readSubscription(deps: WebhooksDeps, who: Subscriber, id: string) {
  return present(await owned(deps, who, id));
}

export async function updateSubscription(deps: WebhooksDeps, who: Subscriber, id: string, input: { url?: string; events?: string[]; description?: string | null; active?: boolean }) {
  const s = await owned(deps, who, id);
  const url = input.url !== undefined ? checkWebhookUrl(input.url, deps.production) : undefined;
  const events = input.events !== undefined ? checkEvents(input.events) : undefined;
  await deps.db.tx((q) => repo.updateSubscription(q, s.id, { url, events, description: input.description, active: input.active }, officeNow(deps.clock)));
  return present((await repo.getSubscription(deps.db, s.id))!);
}

export async function renewSecret(deps: WebhooksDeps, who: Subscriber, id: string) {
  const s = await owned(deps, who, id);
  const secret = newSecret();
  await deps.db.tx((q) => repo.updateSubscription(q, s.id, { secret }, officeNow(deps.clock)));
  return { ...present((await repo.getSubscription(deps.db, s.id))!), secret };
}

export async function deleteSubscription(deps: WebhooksDeps, who: Subscriber, id: string) {
  const s = await owned(deps, who, id);
  await deps.db.tx((q) => repo.deleteSubscription(q, s.id));
}

/** A test delivery, sent with the next worker pass. */
export async function ping(deps: WebhooksDeps, who: Subscriber, id: string) {
  const s = await owned(deps, who, id);
  const deliveryId = randomUUID();
  const now = officeNow(deps.clock);
  const body = JSON.stringify({ id: deliveryId, event: PING, occurredAt: now.toISOString(), subscription: s.id });
  await deps.db.tx((q) => repo.insertDeliveries(q, [{ id: deliveryId, subscriptionId: s.id, event: PING, caseId: null, actId: null, issueId: null, body }], now));
  return { delivery: deliveryId };
}

export async function listDeliveries(deps: WebhooksDeps, who: Subscriber, id: string, f: { status?: string; limit?: number; offset?: number }) {
  const s = await owned(deps, who, id);
  const limit = Math.min(Math.max(f.limit ?? 50, 1), 200);
  const offset = Math.max(f.offset ?? 0, 0);
  const { rows, total } = await repo.listDeliveries(deps.db, s.id, { status: f.status, limit, offset });
  const attempts = await repo.attemptsOf(deps.db, rows.map((r) => r.id));
  const query = (o: number) => `/api/v1/webhooks/${s.id}/deliveries?${new URLSearchParams({ ...(f.status ? { status: f.status } : {}), limit: String(limit), offset: String(o) })}`;
  return {
    total, limit, offset, next: offset + limit < total ? query(offset + limit) : null,
    items: rows.map((d) => ({
      id: d.id, event: d.event, status: d.status, attempts: d.attempts, createdAt: d.created_at, nextAttemptAt: d.next_attempt_at,
      deliveredAt: d.delivered_at, lastStatus: d.last_status, lastError: d.last_error, body: JSON.parse(d.body),
      attemptLog: (attempts.get(d.id) ?? []).map((a) => ({ attempt: a.attempt, at: a.attempted_at, ok: a.ok, statusCode: a.status_code, error: a.error, durationMs: a.duration_ms })),
    })),
  };
}
