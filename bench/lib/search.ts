// The similar-mark search as a client sees it: the office's server started in this process (as
// `registrum serve` runs it), people signed in through the API, and `POST /api/v1/search/trademarks`
// called one at a time or by concurrent clients in a worker thread (so that their work does not run on
// the server's event loop).
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import type { FastifyInstance } from 'fastify';
import type { openOffice } from '../../packages/server/src/app/office.ts';
import { insertParty } from '../../packages/server/src/procedure-engine/journal.repository.ts';

type Office = Awaited<ReturnType<typeof openOffice>>;

export const SEARCH_PATH = '/api/v1/search/trademarks';

export interface SearchBody { text: string; niceClasses?: number[]; limit?: number; includeDead?: boolean }
export interface SearchHit { caseId: string; applicationNumber: string; markText: string; niceClasses: number[]; status: string; score: number; why: Record<string, unknown> }
export interface SearchAnswer { status: number; ms: number; hits: SearchHit[]; problem?: { code?: string; detail?: string; title?: string } }

/** An examiner and a filing agent (with a party of its own), signed in through the API; a run suffix keeps the user names new on a reused database. */
export async function signInPeople(office: Office, address: string): Promise<{ examiner: string; agent: string }> {
  const run = Date.now().toString(36);
  const password = 'bench-password-search';
  await office.db.tx(async (q) => {
    await office.access.createUser(q, { username: `bench-examiner-${run}`, displayName: 'Bench Examiner', role: 'examiner', password });
    const partyId = await insertParty(q, { kind: 'legal', name: `Bench Marks LLP ${run}`, country: 'XX', address: '1 Register Street' });
    const uid = await office.access.createUser(q, { username: `bench-agent-${run}`, displayName: 'Bench Marks LLP', role: 'agent', password, partyId });
    await q.query('UPDATE parties SET user_id = $1 WHERE id = $2', [uid, partyId]);
  });
  const login = async (username: string) => {
    const res = await fetch(`${address}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { token: string }).token;
  };
  return { examiner: await login(`bench-examiner-${run}`), agent: await login(`bench-agent-${run}`) };
}

/** One search, timed from sending to the last byte of the answer. */
export async function searchMarks(address: string, token: string, body: SearchBody, timeoutMs = 60_000): Promise<SearchAnswer> {
  const t0 = performance.now();
  const res = await fetch(`${address}${SEARCH_PATH}`, {
    method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body), signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  let json: any = null;
  try { json = JSON.parse(text); } catch { /* reported below */ }
  if (res.status !== 200) return { status: res.status, ms, hits: [], problem: { code: json?.code, detail: json?.detail ?? text.slice(0, 300), title: json?.title } };
  return { status: res.status, ms, hits: Array.isArray(json?.hits) ? json.hits : [] };
}

/** Whether the server has the similar-mark search route at all (its plugins loaded first). */
export async function hasSearchRoute(app: FastifyInstance): Promise<boolean> {
  await app.ready();
  return app.hasRoute({ method: 'POST', url: SEARCH_PATH });
}

export interface QueryRun {
  /** Per query, in the order given: milliseconds from sending to the last byte, HTTP status (0: network error or timeout), number of hits. */
  ms: number[]; status: number[]; hits: number[];
  /** From the first request sent to the last answer. */
  windowSec: number;
  sampleErrors: string[];
}

// The clients, as plain JavaScript run by a worker thread: `concurrency` loops taking the next query.
const CLIENTS = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
(async () => {
  const { url, token, bodies, concurrency, timeoutMs } = workerData;
  const ms = new Array(bodies.length).fill(0), status = new Array(bodies.length).fill(0), hits = new Array(bodies.length).fill(0);
  const sampleErrors = [];
  let next = 0;
  const t0 = performance.now();
  const client = async () => {
    for (;;) {
      const i = next++;
      if (i >= bodies.length) return;
      const s = performance.now();
      try {
        const res = await fetch(url, { method: 'POST', headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' }, body: bodies[i], signal: AbortSignal.timeout(timeoutMs) });
        const text = await res.text();
        status[i] = res.status;
        if (res.status === 200) { try { hits[i] = JSON.parse(text).hits.length; } catch { status[i] = -1; } }
        else if (sampleErrors.length < 10) sampleErrors.push(res.status + ' ' + bodies[i].slice(0, 120) + ' -> ' + text.slice(0, 200));
      } catch (e) {
        status[i] = 0;
        if (sampleErrors.length < 10) sampleErrors.push('network ' + bodies[i].slice(0, 120) + ' -> ' + (e && (e.cause && e.cause.message || e.message)));
      }
      ms[i] = performance.now() - s;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  parentPort.postMessage({ ms, status, hits, sampleErrors, windowSec: (performance.now() - t0) / 1000 });
})();
`;

/** Runs the queries with `concurrency` clients (keep-alive fetch) in a worker thread. */
export function runQueries(address: string, token: string, bodies: SearchBody[], concurrency: number, timeoutMs = 60_000): Promise<QueryRun> {
  return new Promise((resolve, reject) => {
    const w = new Worker(CLIENTS, { eval: true, workerData: { url: `${address}${SEARCH_PATH}`, token, bodies: bodies.map((b) => JSON.stringify(b)), concurrency, timeoutMs } });
    w.once('message', (m) => { resolve(m as QueryRun); void w.terminate(); });
    w.once('error', reject);
  });
}
