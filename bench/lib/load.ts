// The load generator: N concurrent HTTP clients (Node's built-in fetch, keep-alive) filing trademark
// applications, in a worker thread of its own so that client work does not run on the server's event
// loop. A warm-up, then measured phases one after the other:
//   paced:  the clients together offer a fixed rate (open loop). Latency is counted from the moment a
//           request was due, not when it was sent, so a server that falls behind shows it (no
//           coordinated omission). This is how a throughput target with a latency bound is judged.
//   closed: every client sends its next request as soon as the previous one is answered: the
//           saturation throughput. (Latency here is clients / throughput, by Little's law.)
// Bounded by a total request count and a per-request timeout.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { threadIds } from './cpu.ts';
import { mixedFiling, rng, trademarkFiling, type BenchDocuments } from './payloads.ts';

export interface Phase { name: string; seconds: number; rate: number /* requests/s for all clients together; 0 = closed loop */; measured: boolean }

export interface LoadOptions {
  url: string;            // http://127.0.0.1:PORT/api/v1/cases
  /** One bearer token per filer (agent firm); filings go to them in turn. */
  tokens: string[];
  clients: number;
  phases: Phase[];
  maxRequests: number;
  timeoutMs: number;
  seed: number;
  runId: string;
  /** A realistic mix of rights (documents uploaded beforehand) instead of trademarks only. */
  mix?: BenchDocuments;
}

export interface PhaseResult {
  name: string; rate: number; windowSec: number; created: number; errors: number; statuses: Record<string, number>;
  latenciesMs: number[];   // paced: from when the request was due; closed: from when it was sent
  lateStarts: number;      // paced: requests sent more than 10 ms after they were due (no free client)
}

export interface LoadResult {
  phases: PhaseResult[];
  total: { issued: number; completed: number; created: number; errors: number; statuses: Record<string, number> };
  caseNumbers: number;      // distinct case numbers in 201 responses
  duplicateNumbers: number;
  sampleErrors: string[];
}

/** Runs the load in a worker thread; onPhase is called when a phase starts and ends, with the load generator's thread ids. */
export function runLoad(opts: LoadOptions, onPhase: (name: string, edge: 'start' | 'end', loadThreads: number[]) => void): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const before = new Set(threadIds());
    let mine: number[] = [];
    // A worker thread does not inherit tsx's loader: register it first, then import this file.
    const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const w = new Worker(boot, { eval: true, workerData: { kind: 'registrum-bench-load', opts } });
    w.on('online', () => { mine = threadIds().filter((t) => !before.has(t)); });
    w.on('message', (m) => { if (m.phase) onPhase(m.phase, m.edge, mine); else if (m.result) resolve(m.result); });
    w.on('error', reject);
    w.on('exit', (code) => { if (code !== 0) reject(new Error(`load generator exited with ${code}`)); });
  });
}

async function generate(opts: LoadOptions): Promise<LoadResult> {
  const r = rng(opts.seed);
  const tStatuses: Record<string, number> = {};
  const numbers = new Set<string>();
  const sampleErrors: string[] = [];
  let duplicates = 0; let issued = 0; let completed = 0; let created = 0; let errors = 0;
  const headersOf = opts.tokens.map((t) => ({ authorization: `Bearer ${t}`, 'content-type': 'application/json' }));
  const results: PhaseResult[] = [];

  const file = async (): Promise<{ status: string; ok: boolean }> => {
    const n = ++issued;
    const body = JSON.stringify(opts.mix ? mixedFiling(r, opts.mix) : trademarkFiling(r));
    let status = 'network-error'; let text = '';
    try {
      const res = await fetch(opts.url, {
        method: 'POST', body, signal: AbortSignal.timeout(opts.timeoutMs),
        headers: { ...headersOf[n % headersOf.length], 'idempotency-key': `${opts.runId}-${n}` },
      });
      text = await res.text();
      status = String(res.status);
    } catch (e: any) {
      text = `${e?.name ?? 'Error'}: ${e?.cause?.message ?? e?.message ?? e}`;
    }
    completed++;
    tStatuses[status] = (tStatuses[status] ?? 0) + 1;
    const ok = status === '201';
    if (ok) {
      created++;
      const num = JSON.parse(text).case?.number;
      if (numbers.has(num)) duplicates++; else numbers.add(num);
    } else {
      errors++;
      if (sampleErrors.length < 10) sampleErrors.push(`${status} ${text.slice(0, 300)}`);
    }
    return { status, ok };
  };

  for (const phase of opts.phases) {
    const start = performance.now();
    const end = start + phase.seconds * 1000;
    const res: PhaseResult = { name: phase.name, rate: phase.rate, windowSec: 0, created: 0, errors: 0, statuses: {}, latenciesMs: [], lateStarts: 0 };
    parentPort!.postMessage({ phase: phase.name, edge: 'start' });
    let slot = 0; // paced: the n-th request of the phase is due at start + n / rate
    const client = async () => {
      for (;;) {
        let due = performance.now();
        if (phase.rate > 0) {
          due = start + (slot++ * 1000) / phase.rate;
          const wait = due - performance.now();
          if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
          else if (wait < -10) res.lateStarts++;
        }
        if (due >= end || performance.now() >= end || issued >= opts.maxRequests) return;
        const { status, ok } = await file();
        const done = performance.now();
        if (done <= end) {
          res.latenciesMs.push(done - due);
          res.statuses[status] = (res.statuses[status] ?? 0) + 1;
          if (ok) res.created++; else res.errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: opts.clients }, client));
    res.windowSec = (Math.min(performance.now(), end) - start) / 1000;
    parentPort!.postMessage({ phase: phase.name, edge: 'end' });
    if (phase.measured) results.push(res);
  }
  return {
    phases: results,
    total: { issued, completed, created, errors, statuses: tStatuses },
    caseNumbers: numbers.size, duplicateNumbers: duplicates, sampleErrors,
  };
}

if (!isMainThread && workerData?.kind === 'registrum-bench-load') {
  generate(workerData.opts as LoadOptions).then((result) => parentPort!.postMessage({ result }));
}
