// Filing intake through the real HTTP API: the server of `registrum serve` (HTTP + background worker)
// in this process, 50 concurrent keep-alive clients in a worker thread, on PostgreSQL and on PGlite.
//   npm run bench -- filing [--db postgres|pglite|both] [--clients 50] [--warmup 5]
//     [--rate 200 --duration 30]   paced phase: the clients together offer 200 filings/s (0 = skip)
//     [--closed-duration 30]       closed-loop phase: as fast as answers come back (0 = skip)
//     [--pool 20] [--max-requests 200000] [--timeout-ms 10000] [--worker-interval 1000] [--url postgres://...]
//     [--wait-idle 300]   first wait up to 300 s for the machine's other processes to go quiet
//     [--log-level silent|error|...]   the server's log (default silent)
//     [--filers 10]   agent firms filing (each its own account; filings spread over them)
//     [--mix]   a realistic mix of rights (65 % trademarks, 15 % patents, 12 % designs, 8 % utility models), recorded as filing-mix
//     [--profile]   time every SQL statement and transaction span (adds a little overhead)
import { benchSigningKey } from './lib/signing.ts';
import { tinyPdf } from '../packages/server/src/app/demo-files.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../packages/server/src/app/config.ts';
import { buildHttp } from '../packages/server/src/app/http.ts';
import { openOffice } from '../packages/server/src/app/office.ts';
import { fundAccounts } from '../packages/server/src/modules/accounts/index.ts';
import { startWorker, workOnce } from '../packages/server/src/app/worker.ts';
import { openDatabase } from '../packages/server/src/platform/db/db.ts';
import { insertParty } from '../packages/server/src/procedure-engine/journal.repository.ts';
import { verifyJournal } from '../packages/server/src/procedure-engine/journal.ts';
import { snapshot, usage, waitForIdle, type CpuSnapshot } from './lib/cpu.ts';
import { databaseOfRun, num, oneOf, parseFlags, str } from './lib/args.ts';
import { runLoad, type Phase } from './lib/load.ts';
import { freshDatabase, serverInfo, serverUrl } from './lib/postgres.ts';
import { machine, percentile, record, round } from './lib/results.ts';
import { SqlProfile } from './lib/sql-profile.ts';
import { tinyPng } from '../packages/server/test/http/helpers.ts';

const argv = process.argv.slice(2);
const flags = parseFlags(argv);
const which = databaseOfRun(flags, argv, fileURLToPath(import.meta.url));

const TARGET = { throughput: 200, p95Ms: 50 };
const clients = num(flags, 'clients', 50);
const warmupSec = num(flags, 'warmup', 5);
const durationSec = num(flags, 'duration', 30);
const rate = num(flags, 'rate', TARGET.throughput);
const closedSec = num(flags, 'closed-duration', durationSec);
const poolSize = num(flags, 'pool', 20);
const maxRequests = num(flags, 'max-requests', 200_000);
const timeoutMs = num(flags, 'timeout-ms', 10_000);
const workerInterval = num(flags, 'worker-interval', 1000);
const profiling = flags.profile === true;
const mixed = flags.mix === true;
const filers = Math.max(1, Math.floor(num(flags, 'filers', 10)));

async function main() {
  const atStart = machine();
  const kind = which as 'postgres' | 'pglite';
  const tmp = mkdtempSync(join(tmpdir(), 'registrum-bench-filing-'));
  const adminUrl = kind === 'postgres' ? serverUrl(str(flags, 'url', '')) : null;
  const pgdb = adminUrl ? await freshDatabase(adminUrl, 'bench_filing') : null;
  const config = loadConfig({
    REGISTRUM_MODE: 'production', ...benchSigningKey(tmp), RATE_LIMIT_SIGNED_IN: '0', RATE_LIMIT_ANONYMOUS: '0', LOG_LEVEL: str(flags, 'log-level', 'silent'), DATA_DIR: tmp, DATABASE_URL: pgdb?.url ?? '',
    DB_POOL_SIZE: String(poolSize), WORKER_INTERVAL_MS: String(workerInterval),
  });
  const profile = new SqlProfile();
  let db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: config.databasePoolSize });
  if (profiling) db = profile.wrap(db);
  const workerErrors: string[] = [];
  const office = await openOffice(config, { db, log: { error: (o, m) => { workerErrors.push(`${m}: ${JSON.stringify(o)}`); }, info: () => {} } });
  try {
    if (profiling) {
      // Worker jobs and document storage, timed too (wrapped here: the server code is not changed).
      for (const [topic, h] of Object.entries(office.worker.handlers)) {
        office.worker.handlers[topic] = async (q, p) => { const t = performance.now(); try { await h(q, p); } finally { profile.add(profile.spans, `job ${topic} (handler)`, performance.now() - t); } };
      }
      const put = office.storage.put.bind(office.storage);
      office.storage.put = async (d) => { const t = performance.now(); try { return await put(d); } finally { profile.add(profile.spans, 'storage.put (document file)', performance.now() - t); } };
    }
    // The filers: agent firms signed in through the API like any client, each with its own funded current
    // account (a third of the filings pay from it). An office's filings come from many filers; one filer's
    // payments are serialised on its account row (never overdrawn), so --filers 1 measures that worst case.
    const filerParties = await office.db.tx(async (q) => {
      const out: string[] = [];
      for (let i = 1; i <= filers; i++) {
        const partyId = await insertParty(q, { kind: 'legal', name: `Bench IP Attorneys ${i} LLP`, country: 'XX', address: `${i} Register Street` });
        const uid = await office.access.createUser(q, { username: `bench-agent-${i}`, displayName: `Bench IP Attorneys ${i}`, role: 'agent', password: 'bench-password', partyId });
        await q.query('UPDATE parties SET user_id = $1 WHERE id = $2', [uid, partyId]);
        out.push(partyId);
      }
      return out;
    });
    await fundAccounts(office.accounts, filerParties, 100_000_000_00, 'bench-opening-deposit');
    const app = await buildHttp(office);
    const worker = startWorker(office.worker, config.workerIntervalMs);
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const tokens: string[] = [];
    for (let i = 1; i <= filers; i++) {
      const login = await fetch(`${address}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: `bench-agent-${i}`, password: 'bench-password' }) });
      if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
      tokens.push(((await login.json()) as { token: string }).token);
    }
    const token = tokens[0];
    // --mix: the documents the filings of other rights refer to, uploaded through the API first.
    let docs: { pdf: string[]; png: string[] } | undefined;
    if (mixed) {
      docs = { pdf: [], png: [] };
      for (let i = 0; i < 8; i++) {
        for (const [type, body] of [['application/pdf', tinyPdf([`bench description ${i}`])], ['image/png', tinyPng(i + 1, 2)]] as const) {
          const res = await fetch(`${address}/api/v1/uploads`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': type }, body: new Uint8Array(body) });
          if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${await res.text()}`);
          (type === 'image/png' ? docs.png : docs.pdf).push(((await res.json()) as { sha256: string }).sha256);
        }
      }
    }

    const idleWait = num(flags, 'wait-idle', 0) > 0 ? await waitForIdle(num(flags, 'wait-idle', 0)) : null;
    if (idleWait) console.log(`waited ${round(idleWait.waitedSec)} s for an idle machine: ${idleWait.idle ? 'idle' : 'still busy, running anyway'}`);
    const phases: Phase[] = [
      { name: 'warm-up', seconds: warmupSec, rate: rate || 0, measured: false },
      ...(rate > 0 ? [{ name: 'paced', seconds: durationSec, rate, measured: true }] : []),
      ...(closedSec > 0 ? [{ name: 'closed', seconds: closedSec, rate: 0, measured: true }] : []),
    ];
    console.log(`filing${mixed ? ' (mix of rights)' : ''} on ${kind}: ${clients} clients, ${filers} filers; ${phases.map((p) => `${p.name} ${p.seconds} s${p.rate ? ` at ${p.rate}/s` : p.measured ? ' closed loop' : ''}`).join(', ')}; pool ${poolSize}, worker every ${workerInterval} ms${profiling ? ', SQL profile on' : ''}`);
    // The PostgreSQL backends serving this database, as the phase starts (PGlite runs inside this process).
    const backends = async () => kind === 'postgres'
      ? (await office.db.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')).rows.map((x) => x.pid) : [];
    const phaseStats = new Map<string, { cpu0: Promise<CpuSnapshot>; elu0: ReturnType<typeof performance.eventLoopUtilization>; cpu?: Promise<ReturnType<typeof usage>>; elu?: number; backlog?: Promise<unknown>; sql?: ReturnType<SqlProfile['report']> }>();
    const load = await runLoad({
      url: `${address}/api/v1/cases`, tokens, clients, phases, maxRequests, timeoutMs,
      seed: num(flags, 'seed', 20260105), runId: `bench-${Date.now().toString(36)}`, mix: docs,
    }, (name, edge, loadThreads) => {
      if (edge === 'start') {
        phaseStats.set(name, { cpu0: backends().then((p) => snapshot(p, loadThreads)), elu0: performance.eventLoopUtilization() });
        profile.reset(); profile.enabled = true;
        return;
      }
      const st = phaseStats.get(name)!;
      st.cpu = st.cpu0.then((c0) => usage(c0, snapshot([...c0.pids.keys()], [...c0.threads.keys()])));
      st.elu = performance.eventLoopUtilization(st.elu0).utilization;
      st.sql = profile.report(phases.find((p) => p.name === name)!.seconds); profile.enabled = false;
      st.backlog = office.db.query("SELECT (SELECT count(*)::int FROM outbox WHERE status = 'pending') AS pending, (SELECT count(*)::int FROM acts WHERE seal_id IS NULL) AS unsealed").then((r) => r.rows[0]);
    });
    await app.close();
    // Drain what the worker has left, alone, to learn what a job costs (the filing phases above do not
    // pay for jobs the worker had not reached yet).
    await worker.stop();
    const jobsLeft = Number((await office.db.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'")).rows[0].n);
    const d0 = snapshot(await backends());
    let drained = 0;
    for (;;) { const w = await workOnce(office.worker); drained += w.jobs; if (w.jobs === 0 && w.sealed === 0) break; }
    const drain = usage(d0, snapshot([...d0.pids.keys()]));
    const drainSec = drain.seconds;
    const cpuMsPerJob = drained ? ((drain.nodeCores + drain.dbCores) * drain.seconds * 1000) / drained : NaN;
    const jobsPerFiling = Number((await office.db.query<{ n: number }>('SELECT (count(*)::float / greatest(1, (SELECT count(*) FROM cases)))::float AS n FROM outbox')).rows[0].n);

    const count = async (sql: string) => Number((await office.db.query<{ n: number }>(sql)).rows[0].n);
    const cases = await count('SELECT count(*)::int AS n FROM cases');
    const jobsNotDone = await count("SELECT count(*)::int AS n FROM outbox WHERE status <> 'done'");
    const documents = await count('SELECT count(*)::int AS n FROM documents');
    const byRight = Object.fromEntries((await office.db.query<{ right_kind: string; n: number }>('SELECT right_kind, count(*)::int AS n FROM cases GROUP BY 1 ORDER BY 2 DESC')).rows.map((r) => [r.right_kind, r.n]));
    const verify = await verifyJournal(office.db);

    const phaseFigures: Record<string, any> = {};
    for (const ph of load.phases) {
      const st = phaseStats.get(ph.name)!;
      const lat = Float64Array.from(ph.latenciesMs).sort();
      const perSec = ph.windowSec > 0 ? ph.created / ph.windowSec : 0;
      const cpu = await st.cpu!;
      const serverCores = Math.max(0, cpu.nodeCores - cpu.threadCores);
      const cpuMsPerFiling = ph.created ? ((serverCores + cpu.dbCores) * cpu.seconds * 1000) / ph.created : NaN;
      phaseFigures[ph.name] = {
        offeredPerSec: ph.rate || null,
        applicationsPerSec: round(perSec, 1),
        latencyMs: { p50: round(percentile(lat, 50)), p95: round(percentile(lat, 95)), p99: round(percentile(lat, 99)), max: round(lat.at(-1) ?? NaN) },
        latencyFrom: ph.rate ? 'when due (open loop)' : 'when sent (closed loop)',
        lateStarts: ph.lateStarts, created: ph.created, errors: ph.errors, statuses: ph.statuses, windowSec: round(ph.windowSec, 2),
        workerBacklogAtEnd: await st.backlog,
        cpu: {
          machineCores: round(cpu.machineCores, 2), nodeProcessCores: round(cpu.nodeCores, 2), ofWhichLoadClients: round(cpu.threadCores, 2),
          postgresBackendCores: round(cpu.dbCores, 2), otherProcessesCores: round(cpu.otherCores, 2), serverEventLoopUtilisation: round(st.elu!, 3),
          /** server process (without the clients) + its PostgreSQL backends, per application filed */
          cpuMsPerFiling: round(cpuMsPerFiling, 2), cpuBoundCeilingPerSec: round((machine().nproc * 1000) / cpuMsPerFiling, 0),
          /** the same with the outbox jobs each filing causes (worker measured alone while draining): what a sustained rate costs */
          cpuMsPerFilingWithJobs: drained ? round(cpuMsPerFiling + jobsPerFiling * cpuMsPerJob, 2) : null,
          sustainedCeilingPerSec: drained ? round((machine().nproc * 1000) / (cpuMsPerFiling + jobsPerFiling * cpuMsPerJob), 0) : null,
        },
        ...(profiling ? { sqlProfile: st.sql } : {}),
      };
    }
    const paced = phaseFigures.paced; const closed = phaseFigures.closed;
    const figures = {
      paced, closed,
      errors: load.total.errors, total: load.total,
      casesInDatabase: cases, casesByRight: byRight, created201: load.total.created,
      casesMatch201: cases === load.total.created && load.caseNumbers === cases && load.duplicateNumbers === 0,
      journal: { ok: verify.ok, acts: verify.acts, seals: verify.seals, unsealedActs: verify.unsealedActs, problems: verify.problems.slice(0, 5), seconds: verify.seconds },
      worker: { jobsLeftAtEnd: jobsLeft, drainSec: round(drainSec, 2), drainedJobsPerSec: round(drained / drainSec, 0), cpuMsPerJob: round(cpuMsPerJob, 2), jobsPerFiling: round(jobsPerFiling, 2), jobsNotDone, documents, errors: workerErrors.length, sampleErrors: workerErrors.slice(0, 3) },
      sampleErrors: load.sampleErrors,
    };
    const checks = figures.errors === 0 && figures.casesMatch201 && verify.ok;
    const met = kind === 'postgres' && paced && rate >= TARGET.throughput
      ? paced.applicationsPerSec >= 0.99 * TARGET.throughput && paced.latencyMs.p95 < TARGET.p95Ms && checks : null;
    const withJobs = (f: any) => (f.cpu.cpuMsPerFilingWithJobs == null ? 'the worker kept up' : `${f.cpu.cpuMsPerFilingWithJobs} with its jobs`);
    const fmt = (f: any) => `${f.applicationsPerSec}/s, p50/p95/p99 ${f.latencyMs.p50}/${f.latencyMs.p95}/${f.latencyMs.p99} ms, ${f.cpu.cpuMsPerFiling} CPU ms/filing (${withJobs(f)})`;
    const line = [
      paced && `offered ${rate}/s: ${fmt(paced)}`,
      closed && `closed loop: ${fmt(closed)}`,
      `${figures.errors} errors, ${cases} cases = ${load.total.created} × 201: ${figures.casesMatch201 ? 'yes' : 'NO'}, journal ${verify.ok ? 'OK' : 'NOT OK'} (${clients} clients, ${filers} filers)`,
      mixed ? `cases by right: ${Object.entries(byRight).map(([k, n]) => `${k} ${n}`).join(', ')}` : '',
    ].filter(Boolean).join('; ');
    console.log(`\n${line}`);
    for (const [name, f] of Object.entries(phaseFigures)) {
      const { sqlProfile, statuses, ...rest } = f;
      console.log(`${name}: ${JSON.stringify(rest)}`);
      if (sqlProfile) {
        console.log(`  SQL profile (${name}; mean ms as the event loop sees it, lock waits included):`);
        for (const r of [...sqlProfile.transactions, ...sqlProfile.statements.slice(0, 22)]) console.log(`  ${String(r.perSec).padStart(6)}/s ${String(r.meanMs).padStart(7)} ms mean ${String(r.maxMs).padStart(7)} max  ${r.what}`);
      }
    }
    console.log(`worker: ${JSON.stringify(figures.worker)}`);
    if (load.sampleErrors.length) console.log('sample errors:', load.sampleErrors);
    const file = record({
      name: mixed ? 'filing-mix' : 'filing', db: kind, machine: { ...atStart, loadavgAtEnd: machine().loadavg },
      params: { idleWait, clients, filers, rate, warmupSec, durationSec, closedSec, poolSize, maxRequests, timeoutMs, workerIntervalMs: workerInterval, profiling, postgres: adminUrl ? await serverInfo(adminUrl) : undefined },
      figures, target: { text: kind === 'postgres' ? `>= ${TARGET.throughput}/s offered and achieved, p95 < ${TARGET.p95Ms} ms, 0 errors` : 'none (reported)', met }, line,
    });
    console.log(`recorded ${file}`);
    process.exitCode = checks ? 0 : 1;
  } finally {
    await office.close();
    await pgdb?.drop();
    rmSync(tmp, { recursive: true, force: true });
  }
}

await main();
