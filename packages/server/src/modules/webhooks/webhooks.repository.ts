// SQL of webhooks: subscriptions, the deliveries made for acts and gazette issues, and every attempt.
import type { Queryable } from '../../platform/db/db.ts';

export interface SubscriptionRow {
  id: string; owner_id: string; scope: 'own' | 'public'; party_id: string | null; url: string; secret: string; events: string[];
  description: string | null; active: boolean; created_at: Date; updated_at: Date;
}

export interface DeliveryRow {
  id: string; subscription_id: string; event: string; case_id: string | null; act_id: number | null; issue_id: string | null;
  body: string; status: 'pending' | 'delivered' | 'failed'; attempts: number; next_attempt_at: Date | null; created_at: Date;
  delivered_at: Date | null; last_status: number | null; last_error: string | null;
}

export interface AttemptRow { attempt: number; attempted_at: Date; ok: boolean; status_code: number | null; error: string | null; duration_ms: number }

export async function insertSubscription(q: Queryable, s: Omit<SubscriptionRow, 'active' | 'updated_at'>): Promise<void> {
  await q.query(
    `INSERT INTO webhook_subscriptions (id, owner_id, scope, party_id, url, secret, events, description, active, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, $9, $9)`,
    [s.id, s.owner_id, s.scope, s.party_id, s.url, s.secret, s.events, s.description, s.created_at]);
}

export async function countOwned(q: Queryable, ownerId: string): Promise<number> {
  return Number((await q.query<{ n: string }>('SELECT count(*) AS n FROM webhook_subscriptions WHERE owner_id = $1', [ownerId])).rows[0].n);
}

export async function getSubscription(q: Queryable, id: string): Promise<SubscriptionRow | undefined> {
  return (await q.query<SubscriptionRow>('SELECT * FROM webhook_subscriptions WHERE id = $1', [id])).rows[0];
}

export async function listSubscriptions(q: Queryable, ownerId: string | null): Promise<(SubscriptionRow & { owner_name: string; pending: number; failed: number })[]> {
  return (await q.query(
    `SELECT s.*, u.display_name AS owner_name,
            (SELECT count(*) FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.status = 'pending')::int AS pending,
            (SELECT count(*) FROM webhook_deliveries d WHERE d.subscription_id = s.id AND d.status = 'failed')::int AS failed
       FROM webhook_subscriptions s JOIN users u ON u.id = s.owner_id
      WHERE ($1::uuid IS NULL OR s.owner_id = $1) ORDER BY s.created_at, s.id`, [ownerId])).rows as any;
}

export async function updateSubscription(q: Queryable, id: string, f: { url?: string; events?: string[]; description?: string | null; active?: boolean; secret?: string }, now: Date): Promise<void> {
  await q.query(
    `UPDATE webhook_subscriptions SET url = coalesce($2, url), events = coalesce($3, events),
            description = CASE WHEN $4 THEN $5 ELSE description END, active = coalesce($6, active), secret = coalesce($7, secret), updated_at = $8
      WHERE id = $1`,
    [id, f.url ?? null, f.events ?? null, f.description !== undefined, f.description ?? null, f.active ?? null, f.secret ?? null, now]);
}

export async function deleteSubscription(q: Queryable, id: string): Promise<void> {
  await q.query('DELETE FROM webhook_subscriptions WHERE id = $1', [id]);
}

/**
 * Subscriptions that could hear of an act on this case: public ones, and those of its parties and filer.
 * A paused one too: its deliveries wait until it is active again.
 */
export async function subscriptionsForCase(q: Queryable, caseId: string): Promise<Pick<SubscriptionRow, 'id' | 'scope' | 'events'>[]> {
  return (await q.query<Pick<SubscriptionRow, 'id' | 'scope' | 'events'>>(
    `SELECT s.id, s.scope, s.events FROM webhook_subscriptions s
      WHERE (s.scope = 'public'
         OR s.owner_id = (SELECT c.filed_by FROM cases c WHERE c.id = $1)
         OR s.party_id IN (SELECT cp.party_id FROM case_parties cp WHERE cp.case_id = $1))`, [caseId])).rows;
}

export async function subscriptionsFor(q: Queryable, event: string): Promise<Pick<SubscriptionRow, 'id' | 'scope' | 'events'>[]> {
  return (await q.query<Pick<SubscriptionRow, 'id' | 'scope' | 'events'>>(
    'SELECT id, scope, events FROM webhook_subscriptions WHERE $1 = ANY(events)', [event])).rows;
}

export interface ActFacts {
  id: number; seq: number; type: string; office_date: string; recorded_at: Date; state_before: string | null; state_after: string;
  event: any; opened: any[] | null; published: boolean;
  number: string; right_kind: string; framework: string; procedure_version: string; title: string | null; state: string; public: boolean;
  published_seq: number | null;
}

export async function actFacts(q: Queryable, actId: number): Promise<ActFacts | undefined> {
  return (await q.query<ActFacts>(
    `SELECT a.id, a.seq, a.type, a.office_date, a.recorded_at, a.state_before, a.state_after, a.event,
            a.effects->'timeLimits'->'opened' AS opened, (a.effects->>'published') = 'true' AS published,
            c.number, c.right_kind, c.framework, c.procedure_version, c.title, c.state, c.public,
            (SELECT min(p.seq) FROM acts p WHERE p.case_id = a.case_id AND (p.effects->>'published') = 'true') AS published_seq
       FROM acts a JOIN cases c ON c.id = a.case_id WHERE a.id = $1`, [actId])).rows[0];
}

export interface NewDelivery { id: string; subscriptionId: string; event: string; caseId: string | null; actId: number | null; issueId: string | null; body: string }

export async function insertDeliveries(q: Queryable, list: NewDelivery[], now: Date): Promise<number> {
  if (list.length === 0) return 0;
  const { rowCount } = await q.query(
    `INSERT INTO webhook_deliveries (id, subscription_id, event, case_id, act_id, issue_id, body, status, attempts, next_attempt_at, created_at)
     SELECT d.id, d.subscription_id, d.event, d.case_id, d.act_id, d.issue_id, d.body, 'pending', 0, $8, $8
       FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::uuid[], $5::bigint[], $6::uuid[], $7::text[]) AS d(id, subscription_id, event, case_id, act_id, issue_id, body)
     ON CONFLICT DO NOTHING`,
    [list.map((d) => d.id), list.map((d) => d.subscriptionId), list.map((d) => d.event), list.map((d) => d.caseId), list.map((d) => d.actId),
      list.map((d) => d.issueId), list.map((d) => d.body), now]);
  return rowCount ?? 0;
}

export type DueDelivery = Pick<DeliveryRow, 'id' | 'event' | 'body' | 'attempts'> & { url: string; secret: string };

/** Claims up to `limit` deliveries that are due, for `until` (another worker skips them meanwhile). */
export async function claimDue(q: Queryable, now: Date, until: Date, limit: number): Promise<DueDelivery[]> {
  return (await q.query<DueDelivery>(
    `WITH due AS (
       SELECT d.id FROM webhook_deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= $1 AND (d.claimed_until IS NULL OR d.claimed_until < $1) AND s.active
        ORDER BY d.next_attempt_at, d.id LIMIT $3 FOR UPDATE OF d SKIP LOCKED
     )
     UPDATE webhook_deliveries d SET claimed_until = $2 FROM due, webhook_subscriptions s
      WHERE d.id = due.id AND s.id = d.subscription_id
     RETURNING d.id, d.event, d.body, d.attempts, s.url, s.secret`, [now, until, limit])).rows;
}

export async function recordAttempt(q: Queryable, deliveryId: string, a: { attempt: number; at: Date; ok: boolean; statusCode: number | null; error: string | null; durationMs: number; nextAttemptAt: Date | null; finalStatus: 'pending' | 'delivered' | 'failed' }): Promise<void> {
  await q.query(
    `INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, ok, status_code, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (delivery_id, attempt) DO NOTHING`,
    [deliveryId, a.attempt, a.at, a.ok, a.statusCode, a.error, a.durationMs]);
  await q.query(
    `UPDATE webhook_deliveries SET attempts = $2, status = $3, next_attempt_at = $4, claimed_until = NULL, last_status = $5, last_error = $6,
            delivered_at = CASE WHEN $3 = 'delivered' THEN $7 ELSE delivered_at END
      WHERE id = $1`,
    [deliveryId, a.attempt, a.finalStatus, a.nextAttemptAt, a.statusCode, a.error, a.at]);
}

export async function listDeliveries(q: Queryable, subscriptionId: string, f: { status?: string; limit: number; offset: number }): Promise<{ rows: DeliveryRow[]; total: number }> {
  const total = Number((await q.query<{ n: string }>(
    'SELECT count(*) AS n FROM webhook_deliveries WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2)', [subscriptionId, f.status ?? null])).rows[0].n);
  const rows = (await q.query<DeliveryRow>(
    `SELECT * FROM webhook_deliveries WHERE subscription_id = $1 AND ($2::text IS NULL OR status = $2)
      ORDER BY created_at DESC, id LIMIT $3 OFFSET $4`, [subscriptionId, f.status ?? null, f.limit, f.offset])).rows;
  return { rows, total };
}

export async function attemptsOf(q: Queryable, deliveryIds: string[]): Promise<Map<string, AttemptRow[]>> {
  const out = new Map<string, AttemptRow[]>();
  if (deliveryIds.length === 0) return out;
  const { rows } = await q.query<AttemptRow & { delivery_id: string }>(
    'SELECT delivery_id, attempt, attempted_at, ok, status_code, error, duration_ms FROM webhook_attempts WHERE delivery_id = ANY($1::uuid[]) ORDER BY delivery_id, attempt', [deliveryIds]);
  for (const r of rows) {
    const { delivery_id, ...a } = r;
    const list = out.get(delivery_id) ?? [];
    list.push(a);
    out.set(delivery_id, list);
  }
  return out;
}
