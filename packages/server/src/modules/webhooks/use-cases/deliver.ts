// Sending deliveries, as part of every worker pass: due deliveries are claimed in a short transaction,
// posted outside any transaction (several at a time, each with a time limit), and each attempt is
// recorded with its status code, error and duration. A receiver that does not answer 2xx is tried again
// after 1 min, 5 min, 30 min, 2 h, 6 h, 12 h and 24 h (office time), then the delivery is marked failed.
//
// Every request: POST, JSON body, and the headers
//   x-registrum-event: the event            x-registrum-delivery: the delivery's id (the same on every retry)
//   x-registrum-timestamp: Unix seconds     x-registrum-signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>"
//                                                                    with the subscription's secret>
// A receiver recomputes the signature, and refuses a timestamp more than a few minutes old (a replay).
import { createHmac } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Clock } from '../../../kernel/clock.ts';
import type { Db } from '../../../platform/db/db.ts';
import { BACKOFF_SECONDS, MAX_ATTEMPTS } from '../events.ts';
import { publicOnlyLookup } from '../url-policy.ts';
import * as repo from '../webhooks.repository.ts';
import { officeNow } from './enqueue.ts';

export interface DeliveryDeps { db: Db; clock: Clock & { offset?: number }; production: boolean; timeoutMs: number }

export function signature(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

interface Outcome { ok: boolean; statusCode: number | null; error: string | null; durationMs: number }

function post(url: string, headers: Record<string, string>, body: string, deps: DeliveryDeps): Promise<Outcome> {
  const started = performance.now();
  const done = (o: Omit<Outcome, 'durationMs'>): Outcome => ({ ...o, durationMs: Math.round(performance.now() - started) });
  return new Promise((resolve) => {
    let settled = false;
    const finish = (o: Omit<Outcome, 'durationMs'>) => { if (!settled) { settled = true; resolve(done(o)); } };
    try {
      const u = new URL(url);
      const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(u, {
        // A connection of its own: a kept-alive socket the receiver is closing would fail the delivery for nothing.
        method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)), connection: 'close' }, timeout: deps.timeoutMs, agent: false,
        ...(deps.production ? { lookup: publicOnlyLookup } : {}),
      }, (res) => {
        const code = res.statusCode ?? 0;
        // The answer is read (up to a point) and dropped: only its status counts. Redirects are not followed.
        let size = 0;
        res.on('data', (c: Buffer) => { size += c.length; if (size > 64 * 1024) res.destroy(); });
        res.on('end', () => finish({ ok: code >= 200 && code < 300, statusCode: code, error: code >= 200 && code < 300 ? null : `HTTP ${code}` }));
        res.on('close', () => finish({ ok: code >= 200 && code < 300, statusCode: code, error: code >= 200 && code < 300 ? null : `HTTP ${code}` }));
        res.on('error', (e) => finish({ ok: false, statusCode: code, error: String(e.message).slice(0, 500) }));
      });
      req.on('timeout', () => { req.destroy(new Error(`no answer within ${deps.timeoutMs} ms`)); });
      req.on('error', (e: NodeJS.ErrnoException) => finish({ ok: false, statusCode: null, error: `${e.code ? `${e.code}: ` : ''}${e.message}`.slice(0, 500) }));
      req.end(body);
    } catch (e: any) {
      finish({ ok: false, statusCode: null, error: String(e?.message ?? e).slice(0, 500) });
    }
  });
}

/** Sends what is due; returns how many attempts were made and how many succeeded. */
export async function deliverDue(deps: DeliveryDeps, opts: { batch?: number; concurrency?: number; maxBatches?: number } = {}): Promise<{ attempted: number; delivered: number }> {
  const batch = opts.batch ?? 50;
  let attempted = 0; let delivered = 0;
  for (let round = 0; round < (opts.maxBatches ?? 4); round++) {
    const now = officeNow(deps.clock);
    const claimed = await deps.db.tx((q) => repo.claimDue(q, now, new Date(now.getTime() + deps.timeoutMs + 60_000), batch));
    if (claimed.length === 0) break;
    const queue = [...claimed];
    const worker = async () => {
      for (let d = queue.shift(); d; d = queue.shift()) {
        const timestamp = Math.floor(deps.clock.now().getTime() / 1000);
        const outcome = await post(d.url, {
          'content-type': 'application/json', 'user-agent': 'Registrum-Webhooks/1',
          'x-registrum-event': d.event, 'x-registrum-delivery': d.id, 'x-registrum-timestamp': String(timestamp),
          'x-registrum-signature': signature(d.secret, timestamp, d.body),
        }, d.body, deps);
        const attempt = d.attempts + 1;
        const at = officeNow(deps.clock);
        const finalStatus = outcome.ok ? 'delivered' : attempt >= MAX_ATTEMPTS ? 'failed' : 'pending';
        const nextAttemptAt = finalStatus === 'pending' ? new Date(at.getTime() + BACKOFF_SECONDS[attempt - 1] * 1000) : null;
        await deps.db.tx((q) => repo.recordAttempt(q, d.id, { attempt, at, ok: outcome.ok, statusCode: outcome.statusCode, error: outcome.error, durationMs: outcome.durationMs, nextAttemptAt, finalStatus }));
        attempted++;
        if (outcome.ok) delivered++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 8, claimed.length) }, worker));
    if (claimed.length < batch) break;
  }
  return { attempted, delivered };
}
