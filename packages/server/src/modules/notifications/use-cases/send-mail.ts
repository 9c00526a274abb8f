// Sending the mail outbox, as part of every worker pass: due mail is claimed in a short transaction, sent
// outside any transaction (a few at a time), and each attempt recorded with the server's answer or the
// error. Mail that is not accepted is tried again after 1 min, 5 min, 30 min, 2 h, 6 h, 12 h and 24 h
// (office time), then marked failed. The act it tells of was recorded long before, whatever happens here.
import type { Clock } from '../../../kernel/clock.ts';
import type { Db } from '../../../platform/db/db.ts';
import type { Mailer } from '../../../platform/mail/mail.ts';
import { officeNow } from '../../webhooks/index.ts';
import * as repo from '../mail.repository.ts';

export const MAIL_BACKOFF_SECONDS = [60, 300, 1800, 7200, 21_600, 43_200, 86_400] as const;
export const MAIL_MAX_ATTEMPTS = MAIL_BACKOFF_SECONDS.length + 1;

export interface SendMailDeps { db: Db; clock: Clock & { offset?: number }; mailer: Mailer }

interface Outcome { ok: boolean; response: string | null; error: string | null; durationMs: number; unreachable: boolean }

async function attempt(mailer: Mailer, m: repo.DueMail): Promise<Outcome> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  try {
    const r = await mailer.send({ to: m.recipient, from: m.sender, subject: m.subject, text: m.body, messageId: m.message_id, headers: m.headers ?? {} });
    const response = r.response.slice(0, 1000);
    return { ok: r.accepted, response, error: r.accepted ? null : `refused: ${response}`.slice(0, 1000), durationMs: took(), unreachable: false };
  } catch (e: any) {
    const response = typeof e?.response === 'string' ? e.response.slice(0, 1000) : null;
    return { ok: false, response, error: `${e?.code ? `${e.code}: ` : ''}${e?.message ?? e}`.slice(0, 1000), durationMs: took(), unreachable: true };
  }
}

/** Sends what is due; returns how many attempts were made and how many were accepted. */
export async function sendDueMail(deps: SendMailDeps, opts: { batch?: number; concurrency?: number; maxBatches?: number } = {}): Promise<{ attempted: number; sent: number }> {
  const batch = opts.batch ?? 50;
  let attempted = 0; let sent = 0;
  for (let round = 0; round < (opts.maxBatches ?? 4); round++) {
    const now = officeNow(deps.clock);
    // Claimed long enough for the slowest server to answer; a worker that dies leaves it to the next after that.
    const claimed = await deps.db.tx((q) => repo.claimDue(q, now, new Date(now.getTime() + 10 * 60_000), batch));
    if (claimed.length === 0) break;
    const queue = [...claimed];
    // A server that cannot be reached fails every message alike: the rest wait for the next pass rather
    // than each taking its time-out now.
    let unreachable = false;
    const worker = async () => {
      for (let m = unreachable ? undefined : queue.shift(); m; m = unreachable ? undefined : queue.shift()) {
        const { unreachable: down, ...outcome } = await attempt(deps.mailer, m);
        if (down) unreachable = true;
        const n = m.attempts + 1;
        const at = officeNow(deps.clock);
        const status = outcome.ok ? 'sent' : n >= MAIL_MAX_ATTEMPTS ? 'failed' : 'pending';
        const nextAttemptAt = status === 'pending' ? new Date(at.getTime() + MAIL_BACKOFF_SECONDS[n - 1] * 1000) : null;
        await deps.db.tx((q) => repo.recordAttempt(q, m.id, { attempt: n, at, ...outcome, nextAttemptAt, status }));
        attempted++;
        if (outcome.ok) sent++;
      }
    };
    await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 4, claimed.length) }, worker));
    if (queue.length) await deps.db.tx((q) => repo.release(q, queue.map((m) => m.id)));
    if (unreachable || claimed.length < batch) break;
  }
  return { attempted, sent };
}
