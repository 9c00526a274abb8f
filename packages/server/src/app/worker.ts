// The background worker: outbox jobs, the time-limit expiry sweep, journal sealing and the audit chain. In the embedded
// default it runs inside the server process; in production it can run as its own process
// (`registrum worker`). Jobs are claimed with SKIP LOCKED and retried with backoff.
import type { Clock } from '../kernel/clock.ts';
import { DatabaseUnavailableError, type Db, type Queryable } from '../platform/db/db.ts';
import { sealJournal } from '../procedure-engine/journal.ts';
import { chainAuditTrail } from '../modules/audit/index.ts';
import { sweepExpiredTimeLimits } from '../procedure-engine/sweep.ts';
import type { ProcedureEngine } from '../procedure-engine/engine.ts';

export type JobHandler = (q: Queryable, payload: any) => Promise<void>;

export interface WorkerDeps {
  db: Db; engine: ProcedureEngine; clock: Clock & { load?(q: Queryable): Promise<void> }; handlers: Record<string, JobHandler>; log: { error(o: unknown, msg?: string): void; info(o: unknown, msg?: string): void };
  /** Tasks of every pass after the jobs, each outside any transaction of the worker (webhook deliveries, the open-data schedule). */
  periodic?: { name: string; run(): Promise<unknown> }[];
}

const MAX_ATTEMPTS = 8;
const SEAL_SIZE = 20_000;

type Job = { id: number; topic: string; payload: any; attempts: number };

/**
 * Runs pending jobs in batches: one transaction claims up to `batch` jobs (SKIP LOCKED, so several
 * workers share the queue), runs them and marks them done, so one commit serves the whole batch.
 * If any job fails, the batch is rolled back and run again job by job in savepoints, so the failing
 * job is retried later with backoff without undoing the others.
 */
export async function runJobs(deps: WorkerDeps, limit = 500, batch = 50): Promise<number> {
  let done = 0;
  while (done < limit) {
    let claimed: Job[];
    try {
      claimed = await deps.db.tx(async (q) => {
        const jobs = await claim(q, batch);
        for (const job of jobs) await handle(deps, q, job);
        if (jobs.length) await q.query("UPDATE outbox SET status = 'done', attempts = attempts + 1, done_at = now() WHERE id = ANY($1::bigint[])", [jobs.map((j) => j.id)]);
        return jobs;
      });
    } catch (e) {
      if (e instanceof DatabaseUnavailableError) throw e; // no job is to blame: the whole pass waits for the database
      claimed = await deps.db.tx(async (q) => {
        const jobs = await claim(q, batch);
        for (const job of jobs) await handleIsolated(deps, q, job);
        return jobs;
      });
    }
    done += claimed.length;
    if (claimed.length === 0) break;
  }
  return done;
}

async function claim(q: Queryable, batch: number): Promise<Job[]> {
  return (await q.query<Job>(
    "SELECT id, topic, payload, attempts FROM outbox WHERE status = 'pending' AND run_after <= now() ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED", [batch])).rows;
}

async function handle(deps: WorkerDeps, q: Queryable, job: Job) {
  const handler = deps.handlers[job.topic];
  if (!handler) throw new Error(`no handler for topic ${job.topic}`);
  await handler(q, job.payload);
}

async function handleIsolated(deps: WorkerDeps, q: Queryable, job: Job) {
  await q.query('SAVEPOINT job');
  try {
    await handle(deps, q, job);
    await q.query('RELEASE SAVEPOINT job');
    await q.query("UPDATE outbox SET status = 'done', attempts = attempts + 1, done_at = now() WHERE id = $1", [job.id]);
  } catch (e: any) {
    if (e instanceof DatabaseUnavailableError) throw e; // not the job's fault: it is not counted as an attempt
    await q.query('ROLLBACK TO SAVEPOINT job');
    const attempts = job.attempts + 1;
    await q.query(
      'UPDATE outbox SET attempts = $2, status = $3, last_error = $4, run_after = now() + make_interval(secs => $5) WHERE id = $1',
      [job.id, attempts, attempts >= MAX_ATTEMPTS ? 'failed' : 'pending', String(e?.message ?? e).slice(0, 2000), 2 ** attempts]);
    deps.log.error({ job: job.id, topic: job.topic, err: String(e?.message ?? e) }, 'job failed');
  }
}

/** One pass of everything the worker does; what tests and the CLI call directly. */
export async function workOnce(deps: WorkerDeps) {
  if (deps.clock.load) await deps.clock.load(deps.db);
  const sweep = await sweepExpiredTimeLimits(deps.db, deps.engine, deps.clock);
  const jobs = await runJobs(deps);
  for (const task of deps.periodic ?? []) {
    try { await task.run(); } catch (e: any) {
      if (e instanceof DatabaseUnavailableError) throw e;
      deps.log.error({ task: task.name, err: String(e?.message ?? e) }, 'periodic task failed');
    }
  }
  // Seal what is there, but stop once a seal is not full: under steady filing there is always a new
  // act, and a loop until none is left would never return to the jobs.
  let sealed = 0;
  for (let i = 0; i < 5; i++) {
    const s = await sealJournal(deps.db, SEAL_SIZE);
    if (!s) break;
    sealed += s.acts;
    if (s.acts < SEAL_SIZE) break;
  }
  // The audit events recorded since the last pass join the audit chain, in the order they were made.
  const audited = await chainAuditTrail(deps.db);
  return { sweep, jobs, sealed, audited };
}

/** The longest the worker waits between passes while the database does not answer. */
export const WORKER_MAX_BACKOFF_MS = 30_000;

/**
 * Runs a pass every `intervalMs`. While the database does not answer, the passes back off (the wait
 * doubles up to WORKER_MAX_BACKOFF_MS; the outage itself is logged once, by the database's availability
 * log) and return to the interval once a pass succeeds: nothing the worker does is lost meanwhile, since
 * its jobs, sweeps and seals are all read from the database.
 */
export function startWorker(deps: WorkerDeps, intervalMs: number): { stop(): Promise<void> } {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout;
  let wait = intervalMs;
  const tick = () => {
    running = workOnce(deps)
      .then(() => { wait = intervalMs; })
      .catch((e) => {
        if (e instanceof DatabaseUnavailableError) { wait = Math.min(Math.max(wait, intervalMs) * 2, Math.max(WORKER_MAX_BACKOFF_MS, intervalMs)); return; }
        wait = intervalMs;
        if (!stopped) deps.log.error({ err: String(e?.message ?? e) }, 'worker pass failed');
      })
      .finally(() => { if (!stopped) timer = setTimeout(tick, wait); });
  };
  timer = setTimeout(tick, Math.min(intervalMs, 200));
  return { async stop() { stopped = true; clearTimeout(timer); await running; } };
}
