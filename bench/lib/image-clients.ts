// The clients of the image-search benchmark, in a worker thread so that their work does not run on the
// server's event loop: `concurrency` loops each sending its next PNG as soon as it has the answer.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';

export interface Query { path: string; body: Uint8Array; token: string | null; near: string | null }
export interface Answer { status: number; ms: number; numbers: string[]; code?: string }

async function runClients(address: string, queries: Query[], concurrency: number): Promise<Answer[]> {
  const out: Answer[] = new Array(queries.length);
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (let i = next++; i < queries.length; i = next++) {
      const q = queries[i];
      const t0 = performance.now();
      try {
        const res = await fetch(`${address}${q.path}`, {
          method: 'POST', body: new Uint8Array(q.body), signal: AbortSignal.timeout(60_000),
          headers: { 'content-type': 'image/png', ...(q.token ? { authorization: `Bearer ${q.token}` } : {}) },
        });
        const json: any = await res.json().catch(() => null);
        out[i] = { status: res.status, ms: performance.now() - t0, numbers: (json?.hits ?? []).map((h: any) => h.applicationNumber), code: json?.code };
      } catch (e: any) {
        out[i] = { status: 0, ms: performance.now() - t0, numbers: [], code: String(e?.message ?? e) };
      }
    }
  }));
  return out;
}

if (!isMainThread && workerData?.kind === 'registrum-bench-image-clients') {
  runClients(workerData.address, workerData.queries, workerData.concurrency).then((answers) => parentPort!.postMessage(answers));
}

/** Runs the queries from a worker thread; resolves with the answers in the queries' order. */
export function clientsInWorker(address: string, queries: Query[], concurrency: number): Promise<Answer[]> {
  const boot = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((m) => { m.register(); return import(${JSON.stringify(import.meta.url)}); })`;
  return new Promise((resolve, reject) => {
    const w = new Worker(boot, { eval: true, workerData: { kind: 'registrum-bench-image-clients', address, queries, concurrency } });
    w.on('message', (a: Answer[]) => { resolve(a); void w.terminate(); });
    w.on('error', reject);
  });
}
