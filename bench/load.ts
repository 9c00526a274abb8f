// The office under a day's crowd: 500 concurrent users of the mixed API workload for 10 minutes against
// real `registrum serve` processes on PostgreSQL. Zero errors other than deliberate 4xx; throughput and
// latency overall and per operation; the CPU of the server processes and of PostgreSQL; after the run,
// the journal verified and every acknowledged filing and act found in the register.
//   npm run bench -- load [--minutes 10] [--users 500] [--portal 180] [--staff 40] [--servers 1]
//     [--ramp 60] [--think-ms 3000] [--timeout-ms 30000] [--pool 20] [--accounts 400] [--staff-accounts 60]
//     [--cases 3200] [--seed 11] [--url postgres://...] [--keep] [--wait-idle 300] [--worker-interval 1000]
// PostgreSQL only (the office's multi-process deployment): a private server of its own
// (scripts/ci-postgres.sh in .tmp/pg-load), unless --url or BENCH_DATABASE_URL names one.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../packages/server/src/app/config.ts';
import { openOffice, type Office } from '../packages/server/src/app/office.ts';
import { workOnce } from '../packages/server/src/app/worker.ts';
import { actorOf } from '../packages/server/src/modules/access/index.ts';
import { fundAccounts } from '../packages/server/src/modules/accounts/index.ts';
import { compileIssue, gazetteDeps, publishIssue } from '../packages/server/src/modules/gazette/index.ts';
import { SYSTEM, type Actor } from '../packages/server/src/kernel/actor.ts';
import { insertParty } from '../packages/server/src/procedure-engine/journal.repository.ts';
import { verifyJournal } from '../packages/server/src/procedure-engine/journal.ts';
import { launchServe } from '../e2e/support/office.ts';
import { num, oneOf, parseFlags, str } from './lib/args.ts';
import { waitForIdle } from './lib/cpu.ts';
import { rng, trademarkFiling } from './lib/payloads.ts';
import { freshDatabase, serverInfo } from './lib/postgres.ts';
import { machine, percentile, record, round } from './lib/results.ts';
import { benchSigningKey } from './lib/signing.ts';
import { Figures, runUsers, type Account, type World } from './lib/virtual-users.ts';

const repo = new URL('../', import.meta.url).pathname;
const flags = parseFlags(process.argv.slice(2));
oneOf(flags, 'db', 'postgres', ['postgres'] as const);

const TARGET = { users: 500, minutes: 10 };
const minutes = num(flags, 'minutes', TARGET.minutes);
const users = Math.floor(num(flags, 'users', TARGET.users));
const portalUsers = Math.floor(num(flags, 'portal', Math.round(users * 0.36)));
const staffUsers = Math.floor(num(flags, 'staff', Math.round(users * 0.08)));
const publicUsers = users - portalUsers - staffUsers;
const servers = Math.max(1, Math.floor(num(flags, 'servers', 2)));
const rampSec = num(flags, 'ramp', 60);
const thinkMs = num(flags, 'think-ms', 3000);
const timeoutMs = num(flags, 'timeout-ms', 30_000);
const poolSize = Math.floor(num(flags, 'pool', 20));
const accounts = Math.floor(num(flags, 'accounts', 400));
const staffAccounts = Math.floor(num(flags, 'staff-accounts', 60));
const cases = Math.floor(num(flags, 'cases', 3200));
const seed = num(flags, 'seed', 11);
const workerInterval = num(flags, 'worker-interval', 1000);
const keep = flags.keep === true;
const PASSWORD = 'bench-load-password';
const PG_DIR = `${repo}.tmp/pg-load`;
if (publicUsers < 0) throw new Error('--portal + --staff exceed --users');
const secs = (t0: number) => round((performance.now() - t0) / 1000, 1);

// ---------------------------------------------------------------------------------------------------------
// CPU of processes by pid, sampled (processes come and go: pool connections, PostgreSQL's helpers)

const TICK_MS = 10;
function ticksOf(pid: number): { ms: number; ppid: number } | null {
  try {
    const s = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = s.slice(s.lastIndexOf(')') + 2).split(' ');
    return { ms: (Number(f[11]) + Number(f[12])) * TICK_MS, ppid: Number(f[1]) };
  } catch { return null; }
}
function machineTicks() {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { idle: f[3] + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
}
/** The postmaster and all its children (the whole private cluster). */
function clusterPids(postmaster: number): number[] {
  const out = [postmaster];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    if (ticksOf(Number(d))?.ppid === postmaster) out.push(Number(d));
  }
  return out;
}

class CpuMeter {
  private last = new Map<string, Map<number, number>>();
  private sums = new Map<string, number>();
  private m0 = machineTicks(); private p0 = process.cpuUsage(); private t0 = performance.now();
  constructor(private groups: Record<string, () => Promise<number[]> | number[]>) {}
  async sample() {
    for (const [name, pidsOf] of Object.entries(this.groups)) {
      const prev = this.last.get(name) ?? new Map<number, number>();
      const now = new Map<number, number>();
      let add = 0;
      for (const pid of await pidsOf()) {
        const t = ticksOf(pid);
        if (!t) continue;
        now.set(pid, t.ms);
        // A process first seen now (a new pool connection) counts from zero once the meter is running.
        add += t.ms - (prev.get(pid) ?? (this.last.has(name) ? 0 : t.ms));
      }
      this.last.set(name, now);
      this.sums.set(name, (this.sums.get(name) ?? 0) + Math.max(0, add));
    }
  }
  /** Cores used by each group since the meter started (1 = one core busy the whole time). */
  async read() {
    await this.sample();
    const sec = (performance.now() - this.t0) / 1000;
    const m = machineTicks();
    const p = process.cpuUsage(this.p0);
    const cores: Record<string, number> = {};
    for (const [k, ms] of this.sums) cores[k] = ms / 1000 / sec;
    const totalTicks = Math.max(1, m.total - this.m0.total);
    return {
      seconds: sec, cores, loadGenerator: (p.user + p.system) / 1e6 / sec,
      machine: (1 - (m.idle - this.m0.idle) / totalTicks) * availableParallelism(),
    };
  }
}

// ---------------------------------------------------------------------------------------------------------
// The register the users meet

const STATES = [
  // [state, share, public]: pending work for every role, answers awaited from the parties, and a public register.
  ['formalities', 14], ['formalities-deficient', 8], ['classification', 10], ['examination', 12], ['provisionally-refused', 6],
  ['accepted', 8], ['published', 18], ['awaiting-registration', 6], ['registered', 18],
] as const;
const PUBLIC_STATES = new Set(['published', 'awaiting-registration', 'registered']);

async function seedOffice(office: Office) {
  const r = rng(seed);
  const t0 = performance.now();
  // Accounts: applicants and agents each with a party of their own and a funded current account; office staff.
  const portal: Account[] = []; const staff: Account[] = [];
  const roles = ['formalities', 'examiner', 'registrar'] as const;
  const plan: { username: string; role: string; party?: string }[] = [];
  for (let i = 1; i <= accounts; i++) {
    const agent = i % 2 === 1;
    plan.push({ username: `portal-${String(i).padStart(3, '0')}`, role: agent ? 'agent' : 'applicant', party: agent ? `Load Test IP Attorneys ${i} LLP` : `Load Test Products ${i} Ltd` });
  }
  for (let i = 1; i <= staffAccounts; i++) {
    const role = i % 5 === 0 ? roles[2] : i % 5 <= 2 ? roles[0] : roles[1]; // 40 % formalities, 40 % examiners, 20 % registrars
    plan.push({ username: `staff-${role}-${String(i).padStart(2, '0')}`, role });
  }
  const partyIds: string[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: 4 }, async () => {
    for (let k = next++; k < plan.length; k = next++) {
      const p = plan[k];
      await office.db.tx(async (q) => {
        const partyId = p.party ? await insertParty(q, { kind: 'legal', name: p.party, country: 'XX', address: `${k + 1} Register Street` }) : null;
        const uid = await office.access.createUser(q, { username: p.username, displayName: p.party ?? p.username, role: p.role as any, password: PASSWORD, partyId });
        if (partyId) { await q.query('UPDATE parties SET user_id = $1 WHERE id = $2', [uid, partyId]); partyIds.push(partyId); }
      });
    }
  }));
  for (const p of plan) (p.party ? portal : staff).push({ username: p.username, password: PASSWORD, role: p.role });
  await fundAccounts(office.accounts, partyIds, 100_000_000_00, 'bench-load-opening-deposit');
  const usersSec = secs(t0);

  const rows = await office.access.listUsers();
  const actor = (username: string) => actorOf(rows.find((u) => u.username === username)!) as Actor & { kind: 'user' };
  const portalActors = portal.map((a) => actor(a.username));
  const staffOf = (role: string) => staff.filter((a) => a.role === role).map((a) => actor(a.username));
  const [formalities, examiners, registrars] = [staffOf('formalities'), staffOf('examiner'), staffOf('registrar')];
  const one = <T>(xs: T[]) => xs[r.int(0, xs.length - 1)];

  // Cases: each filed by a portal account and taken to its state through the engine, in one transaction.
  const targets: string[] = [];
  for (const [state, share] of STATES) for (let i = Math.round((cases * share) / 100); i > 0; i--) targets.push(state);
  const steps = (state: string): [Actor[], string, Record<string, unknown>][] => {
    const f: [Actor[], string, Record<string, unknown>] = [formalities, 'accept-formalities', {}];
    const c: [Actor[], string, Record<string, unknown>] = [examiners, 'approve-classification', {}];
    switch (state) {
      case 'formalities': return [];
      case 'formalities-deficient': return [[formalities, 'notify-formal-deficiency', { deficiencies: [{ code: 'APPLICANT_ADDRESS', description: 'The address of the applicant is incomplete.' }] }]];
      case 'classification': return [f];
      case 'examination': return [f, c];
      case 'provisionally-refused': return [f, c, [examiners, 'refuse-provisionally', { grounds: [{ code: 'DESCRIPTIVE', explanation: 'The mark describes the goods.' }] }]];
      default: return [f, c, [examiners, 'accept', {}]]; // accepted, and the public ones before the gazette publishes them
    }
  };
  const today = new Date(`${office.clock.today()}T12:00:00Z`);
  const made: { id: string; state: string }[] = [];
  const write = async (list: string[]) => {
    let i = 0;
    await Promise.all(Array.from({ length: 8 }, async () => {
      for (let k = i++; k < list.length; k = i++) {
        const state = list[k];
        const filer = portalActors[k % portalActors.length];
        const f = trademarkFiling(r, today);
        const id = await office.db.tx(async (q) => {
          const c = await office.engine.file(q, { framework: 'model-law', right: 'trademark', payload: f.payload, actor: filer, payment: { ...f.payment, method: 'bank-transfer' } });
          for (const [who, act, payload] of steps(state)) await office.engine.perform(q, { caseId: c.caseId, act, payload, actor: one(who) });
          return c.caseId;
        });
        made.push({ id, state });
      }
    }));
  };
  // First the cases the public will see: accepted, then published by a gazette issue, then some taken further.
  const steps0 = performance.now();
  await write(targets.filter((s) => PUBLIC_STATES.has(s)));
  const writePublicSec = secs(steps0);
  const g0 = performance.now();
  const deps = gazetteDeps(office);
  const registrar = registrars[0];
  const issueId = await compileIssue(deps, registrar.id, { date: office.clock.today(), extraordinary: true });
  const issue = await publishIssue(deps, registrar, issueId);
  const gazetteSec = secs(g0);
  const later = made.filter((m) => m.state === 'awaiting-registration' || m.state === 'registered');
  let j = 0;
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let k = j++; k < later.length; k = j++) {
      await office.db.tx(async (q) => {
        await office.engine.perform(q, { caseId: later[k].id, act: 'close-opposition-period', payload: {}, actor: SYSTEM });
        if (later[k].state === 'registered') await office.engine.perform(q, { caseId: later[k].id, act: 'register', payload: {}, actor: one(registrars) });
      });
    }
  }));
  // Then the work in progress.
  const w0 = performance.now();
  await write(targets.filter((s) => !PUBLIC_STATES.has(s)));
  const writePendingSec = secs(w0);
  const casesSec = secs(t0) - usersSec;

  const jobs = Number((await office.db.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE status = 'pending'")).rows[0].n);

  const byState = Object.fromEntries((await office.db.query<{ state: string; n: number }>('SELECT state, count(*)::int AS n FROM cases GROUP BY 1 ORDER BY 2 DESC')).rows.map((x) => [x.state, x.n]));
  const publicNumbers = (await office.db.query<{ number: string }>('SELECT number FROM cases WHERE public ORDER BY number')).rows.map((x) => x.number);
  const hiddenCases = (await office.db.query<{ number: string; owner: string }>(
    'SELECT c.number, u.username AS owner FROM cases c JOIN users u ON u.id = c.filed_by WHERE NOT c.public ORDER BY c.number')).rows;
  const titles = (await office.db.query<{ title: string }>('SELECT title FROM cases WHERE public AND title IS NOT NULL')).rows.map((x) => x.title);
  const holders = (await office.db.query<{ name: string }>(
    `SELECT DISTINCT pa.name FROM cases c JOIN case_parties cp ON cp.case_id = c.id JOIN parties pa ON pa.id = cp.party_id
      WHERE c.public AND cp.role IN ('applicant', 'holder')`)).rows.map((x) => x.name);
  // What people type: the beginning of a word of a mark (3-5 letters), the first word of a holder's name.
  const titleFragments = [...new Set(Array.from({ length: 400 }, () => { const w = one(one(titles).split(' ')); return w.slice(0, r.int(3, 5)).toLowerCase(); }))];
  const holderFragments = [...new Set(holders.map((h) => h.split(' ')[0]).filter((w) => w.length >= 3))];
  return {
    world: { publicNumbers, hiddenCases, titleFragments, holderFragments, gazetteIssues: [issue.number], feedCursor: '0', portal, staff } satisfies Omit<World, 'servers'>,
    seeded: { accounts: portal.length, staff: Object.fromEntries(roles.map((x) => [x, staff.filter((a) => a.role === x).length])), cases: made.length, byState, gazetteIssue: { number: issue.number, entries: issue.performed }, jobs, usersSec, casesSec: round(casesSec, 1), casesSteps: { writePublicSec, gazetteSec, writePendingSec }, jobsSec: 0 },
  };
}

// ---------------------------------------------------------------------------------------------------------

function startPrivatePostgres(): string {
  return execFileSync(`${repo}scripts/ci-postgres.sh`, ['start', PG_DIR], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
}
function stopPrivatePostgres() {
  execFileSync(`${repo}scripts/ci-postgres.sh`, ['stop', PG_DIR], { stdio: ['ignore', 'ignore', 'inherit'] });
}

async function main() {
  const atStart = machine();
  const tmp = mkdtempSync(join(tmpdir(), 'registrum-bench-load-'));
  const given = str(flags, 'url', '') || process.env.BENCH_DATABASE_URL || '';
  const privateCluster = !given;
  const adminUrl = given || startPrivatePostgres();
  const pgdb = await freshDatabase(adminUrl, 'bench_load');
  const signing = benchSigningKey(tmp);
  const env: Record<string, string> = {
    REGISTRUM_MODE: 'production', ...signing, DATA_DIR: tmp, DATABASE_URL: pgdb.url, DB_POOL_SIZE: String(poolSize),
    WORKER_INTERVAL_MS: String(workerInterval), LOG_LEVEL: 'warn', WEB_DIR: join(tmp, 'no-web-app'),
    // Every anonymous user of this benchmark comes from 127.0.0.1: the per-address limit would count 280 people
    // as one. Signed-in users keep the per-account limit (each virtual user has an account of its own).
    RATE_LIMIT_ANONYMOUS: '0', RATE_LIMIT_SIGNED_IN: '6000',
  };
  const admin = new pg.Client({ connectionString: pgdb.url });
  const running: Awaited<ReturnType<typeof launchServe>>[] = [];
  let failed = false;
  try {
    // 1. The register, written in this process with the office's own code, before any server starts.
    console.log(`load: seeding ${accounts} portal accounts, ${staffAccounts} staff, ${cases} cases on PostgreSQL (${privateCluster ? `private server in ${PG_DIR}` : 'the server given'})`);
    const office = await openOffice(loadConfig({ ...env, LOG_LEVEL: 'silent' }), { log: { error: (o, m) => console.error(m, o), info: () => {} } });
    let seeded;
    try { seeded = await seedOffice(office); } finally { await office.close(); }
    const { world: base, seeded: seedFigures } = seeded;
    // The documents and notices of all that (rendered, signed, stored), the first register dump and the journal
    // sealed, by `registrum worker` processes, one a core: the run starts with an idle worker.
    const t1 = performance.now();
    const workers = Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts', 'worker'], {
      cwd: repo, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'inherit'],
    }));
    await admin.connect();
    try {
      for (;;) {
        await new Promise((ok) => setTimeout(ok, 1000));
        const left = (await admin.query<{ n: number }>("SELECT (SELECT count(*) FROM outbox WHERE status = 'pending' AND run_after <= now()) + (SELECT count(*) FROM acts WHERE seal_id IS NULL) AS n")).rows[0];
        if (Number(left.n) === 0) break;
        if (workers.some((w) => w.exitCode !== null)) throw new Error('a worker process ended before the jobs were done');
      }
    } finally {
      await Promise.all(workers.map((w) => new Promise((ok) => { if (w.exitCode !== null) return ok(null); w.once('exit', ok); w.kill('SIGTERM'); })));
    }
    seedFigures.jobsSec = secs(t1);
    const c = (await admin.query<{ seal_id: string; id: string }>('SELECT seal_id, id FROM acts WHERE seal_id IS NOT NULL ORDER BY seal_id DESC, id DESC OFFSET 1000 LIMIT 1')).rows[0];
    if (c) base.feedCursor = `${c.seal_id}.${c.id}`;
    console.log(`  ${seedFigures.jobs} worker jobs (documents, notices) done and the journal sealed by ${workers.length} worker processes in ${seedFigures.jobsSec} s`);
    const notDone = (await admin.query<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM outbox WHERE status <> 'done' GROUP BY 1")).rows;
    if (notDone.length) console.log(`  worker jobs not done after seeding: ${JSON.stringify(notDone)}`);
    await admin.query('VACUUM (ANALYZE)');
    console.log(`  accounts in ${seedFigures.usersSec} s, cases in ${seedFigures.casesSec} s: ${JSON.stringify(seedFigures.byState)}; gazette ${seedFigures.gazetteIssue.number} (${seedFigures.gazetteIssue.entries} entries)`);

    // 2. The servers: `registrum serve` processes (HTTP + their background worker) on the same database.
    for (let i = 0; i < servers; i++) running.push(await launchServe(env, 120_000));
    const world: World = { ...base, servers: running.map((s) => new URL(s.url)) };
    console.log(`  ${servers} server process${servers > 1 ? 'es' : ''} (pool ${poolSize} each): ${running.map((s) => `${s.url} pid ${s.child.pid}`).join(', ')}`);

    const postmaster = ticksOf(Number((await admin.query('SELECT pg_backend_pid() AS pid')).rows[0].pid))?.ppid ?? 0;
    const backends = async () => (await admin.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')).rows.map((x) => x.pid);
    const idleWait = num(flags, 'wait-idle', 0) > 0 ? await waitForIdle(num(flags, 'wait-idle', 0)) : null;
    if (idleWait) console.log(`  waited ${round(idleWait.waitedSec)} s for an idle machine: ${idleWait.idle ? 'idle' : 'still busy, running anyway'}`);

    // 3. The users.
    const runId = `load-${Date.now().toString(36)}`;
    const t0 = performance.now();
    const figures = new Figures(10_000, t0);
    console.log(`  ${users} users (${publicUsers} public, ${portalUsers} portal, ${staffUsers} office staff), ramp ${rampSec} s, then ${minutes} min measured; think time ${thinkMs} ms on average`);
    let meter: CpuMeter | null = null;
    let atWindowEnd: any = null;
    const backlog = async () => (await admin.query<{ pending: number; unsealed: number; cases: number }>(
      "SELECT (SELECT count(*)::int FROM outbox WHERE status = 'pending') AS pending, (SELECT count(*)::int FROM acts WHERE seal_id IS NULL) AS unsealed, (SELECT count(*)::int FROM cases) AS cases")).rows[0];
    const progress: any[] = [];
    let printed = 0;
    const tick = setInterval(() => {
      void (async () => {
        const now = performance.now();
        if (!meter && now >= figures.from) meter = new CpuMeter({ servers: () => running.map((s) => s.child.pid!), postgres: privateCluster ? () => clusterPids(postmaster) : backends });
        await meter?.sample();
        if (now >= figures.from && now < figures.to + 5000 && now - printed >= 30_000) {
          printed = now;
          const last = figures.series.slice(-4, -1); // the last three whole 10-second buckets
          const lat = Float64Array.from(last.flatMap((p) => p.latencies)).sort();
          const n = last.reduce((a, p) => a + p.requests, 0);
          const b = await backlog();
          const line = { atSec: round((now - figures.from) / 1000, 0), perSec: round(n / Math.max(1, last.length * 10), 1), p99Ms: round(percentile(lat, 99)), errors: figures.errors, workerPending: b.pending, cases: b.cases };
          progress.push(line);
          console.log(`  ${String(line.atSec).padStart(4)} s: ${line.perSec} req/s (last 30 s), p99 ${line.p99Ms} ms, errors so far ${line.errors}, worker jobs pending ${line.workerPending}, cases ${line.cases}`);
        }
        if (!atWindowEnd && now >= figures.to && meter) { atWindowEnd = { cpu: await meter.read(), backlog: await backlog() }; }
      })().catch((e) => console.error('monitor:', e));
    }, 5000);
    const run = await runUsers({
      world, publicUsers, portalUsers, staffUsers, rampMs: rampSec * 1000, measureMs: minutes * 60_000, thinkMs, timeoutMs, seed, runId, figures,
    });
    clearInterval(tick);
    if (!atWindowEnd) atWindowEnd = { cpu: meter ? await (meter as CpuMeter).read() : null, backlog: await backlog() };
    const windowSec = (figures.to - figures.from) / 1000;

    // 4. The servers stop; their logs are kept for errors the clients could not see.
    const serverLogs: string[] = [];
    for (const s of running) {
      s.child.kill('SIGTERM');
      await new Promise((ok) => { const t = setTimeout(() => { s.child.kill('SIGKILL'); ok(null); }, 30_000); s.child.once('exit', () => { clearTimeout(t); ok(null); }); });
      serverLogs.push(s.output());
    }
    const serverErrors = serverLogs.flatMap((l) => l.split('\n').filter((x) => /"level":(50|60)/.test(x)));
    const exitCodes = running.map((s) => s.child.exitCode);
    running.length = 0;

    // 5. After the run: the worker's backlog drained, the journal verified, every acknowledged filing and act found.
    const office2 = await openOffice(loadConfig({ ...env, LOG_LEVEL: 'silent' }), { log: { error: () => {}, info: () => {} } });
    let after;
    try {
      const t = performance.now();
      let jobs = 0;
      for (;;) { const w = await workOnce(office2.worker); jobs += w.jobs; if (w.jobs === 0 && w.sealed === 0) break; }
      const drain = { jobs, seconds: secs(t) };
      const failedJobs = Number((await office2.db.query<{ n: number }>("SELECT count(*)::int AS n FROM outbox WHERE status = 'failed'")).rows[0].n);
      const verify = await verifyJournal(office2.db);
      const ack = run.ack;
      const filed = (await office2.db.query<{ id: string; number: string; username: string | null }>(
        'SELECT c.id, c.number, u.username FROM cases c LEFT JOIN users u ON u.id = c.filed_by WHERE c.id = ANY($1::uuid[])', [ack.filings.map((f) => f.caseId)])).rows;
      const byId = new Map(filed.map((c) => [c.id, c]));
      const missingFilings = ack.filings.filter((f) => { const c = byId.get(f.caseId); return !c || c.number !== f.number || c.username !== f.username; });
      const keys = (await office2.db.query<{ n: number }>('SELECT count(DISTINCT c.id)::int AS n FROM idempotency_keys k JOIN cases c ON c.id::text = k.response -> \'case\' ->> \'id\' WHERE k.key = ANY($1::text[])', [ack.filings.map((f) => f.key)])).rows[0].n;
      const acts = (await office2.db.query<{ id: string; case_id: string; type: string; hash: string }>('SELECT id, case_id, type, hash FROM acts WHERE id = ANY($1::bigint[])', [ack.acts.map((a) => a.actId)])).rows;
      const actById = new Map(acts.map((a) => [Number(a.id), a]));
      const missingActs = ack.acts.filter((a) => { const x = actById.get(a.actId); return !x || x.case_id !== a.caseId || x.type !== a.act || x.hash !== a.hash; });
      const badReplays = ack.replays.filter((x) => x.second !== x.first || !x.flagged);
      const numbers = new Set(ack.filings.map((f) => f.number));
      after = {
        drain, failedJobs,
        journal: { ok: verify.ok, cases: verify.cases, acts: verify.acts, seals: verify.seals, unsealedActs: verify.unsealedActs, seconds: round(verify.seconds, 2), problems: verify.problems.slice(0, 5) },
        filings: { acknowledged: ack.filings.length, found: ack.filings.length - missingFilings.length, distinctNumbers: numbers.size, idempotencyKeysKept: keys, missing: missingFilings.slice(0, 5) },
        acts: { acknowledged: ack.acts.length, found: ack.acts.length - missingActs.length, missing: missingActs.slice(0, 5),
          byType: ack.acts.reduce<Record<string, number>>((m, a) => { m[a.act] = (m[a.act] ?? 0) + 1; return m; }, {}) },
        replays: { sent: ack.replays.length, sameCase: ack.replays.length - badReplays.length, bad: badReplays.slice(0, 5) },
        casesAtEnd: Number((await office2.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0].n),
      };
    } finally { await office2.close(); }

    // 6. Figures.
    const stat = (lat: number[]) => { const s = Float64Array.from(lat).sort(); return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s.at(-1) ?? NaN) }; };
    const all = [...figures.ops.values()];
    const measured = { requests: all.reduce((a, s) => a + s.count, 0), ok: all.reduce((a, s) => a + s.ok, 0), deliberate: all.reduce((a, s) => a + s.deliberate, 0), errors: all.reduce((a, s) => a + s.errors, 0) };
    const overall = { requestsPerSec: round(measured.requests / windowSec, 1), latencyMs: stat(all.flatMap((s) => s.latencies)), ...measured };
    const perOperation = Object.fromEntries([...figures.ops.entries()].sort((a, b) => b[1].count - a[1].count).map(([op, s]) => [op, {
      requests: s.count, perSec: round(s.count / windowSec, 2), latencyMs: stat(s.latencies), deliberate: s.deliberate, errors: s.errors, statuses: s.statuses,
    }]));
    const outsideWindow = { ...figures.outside, perOperation: Object.fromEntries([...figures.opsOutside.entries()].sort((a, b) => b[1].count - a[1].count).map(([op, s]) => [op, {
      requests: s.count, latencyMs: stat(s.latencies), deliberate: s.deliberate, errors: s.errors,
    }])) };
    const cpu = atWindowEnd?.cpu;
    const serverCores = cpu?.cores.servers ?? NaN; const pgCores = cpu?.cores.postgres ?? NaN;
    const cpuFigures = cpu ? {
      machineCores: round(cpu.machine, 2), serverProcessesCores: round(serverCores, 2), postgresCores: round(pgCores, 2),
      postgresMeasured: privateCluster ? 'the whole private cluster (backends, WAL writer, checkpointer...)' : 'the backends of the benchmark database',
      loadGeneratorCores: round(cpu.loadGenerator, 2), otherProcessesCores: round(Math.max(0, cpu.machine - serverCores - pgCores - cpu.loadGenerator), 2),
      cpuMsPerRequest: round(((serverCores + pgCores) * 1000) / overall.requestsPerSec, 2),
    } : null;
    const series = figures.series.map((p) => ({ t: p.t, perSec: round(p.requests / (figures.bucketMs / 1000), 1), p99Ms: round(percentile(Float64Array.from(p.latencies).sort(), 99)), errors: p.errors, deliberate: p.deliberate }));
    const errorKinds = Object.fromEntries(figures.errorKinds);
    const errors = figures.errors;
    const checks = errors === 0 && serverErrors.length === 0 && after.journal.ok && after.filings.found === after.filings.acknowledged
      && after.filings.distinctNumbers === after.filings.acknowledged && after.acts.found === after.acts.acknowledged && after.replays.sameCase === after.replays.sent && after.failedJobs === 0;
    const met = users >= TARGET.users && minutes >= TARGET.minutes ? checks : null;
    const figuresOut = {
      overall, perOperation, errors: { total: errors, byKind: errorKinds, samples: figures.sampleErrors, serverLoggedErrors: serverErrors.length, serverLogSamples: serverErrors.slice(0, 5), serverExitCodes: exitCodes },
      deliberate4xx: Object.fromEntries(figures.deliberateKinds), outsideWindow, signIns: run.signIns,
      cpu: cpuFigures, workerBacklogAtWindowEnd: atWindowEnd?.backlog, after, seeded: seedFigures, progress, series,
    };

    console.log(`\nmeasured ${round(windowSec / 60, 2)} min with ${users} users: ${overall.requestsPerSec} requests/s, latency p50/p95/p99 ${overall.latencyMs.p50}/${overall.latencyMs.p95}/${overall.latencyMs.p99} ms (max ${overall.latencyMs.max})`);
    console.log(`  ${measured.requests} requests: ${measured.ok} as expected, ${measured.deliberate} deliberate 4xx; errors over the whole run: ${errors}${errors ? ` ${JSON.stringify(errorKinds)}` : ''}; server-logged errors: ${serverErrors.length}`);
    console.log(`  ${'operation'.padEnd(42)} ${'req/s'.padStart(7)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'max'.padStart(7)}  deliberate errors`);
    for (const [op, s] of Object.entries(perOperation)) {
      console.log(`  ${op.padEnd(42)} ${String(s.perSec).padStart(7)} ${String(s.latencyMs.p50).padStart(7)} ${String(s.latencyMs.p95).padStart(7)} ${String(s.latencyMs.p99).padStart(7)} ${String(s.latencyMs.max).padStart(7)}  ${String(s.deliberate).padStart(10)} ${String(s.errors).padStart(6)}`);
    }
    const signIn = [figures.ops.get('sign in'), figures.opsOutside.get('sign in')].flatMap((x) => x?.latencies ?? []);
    console.log(`  sign-ins (whole run, mostly during the ramp): ${signIn.length}, latency p50/p95/p99 ${Object.values(stat(signIn)).slice(0, 3).join('/')} ms`);
    if (cpuFigures) console.log(`  CPU (cores, measured window): servers ${cpuFigures.serverProcessesCores}, PostgreSQL ${cpuFigures.postgresCores}, load generator ${cpuFigures.loadGeneratorCores}, others ${cpuFigures.otherProcessesCores}, machine ${cpuFigures.machineCores} of ${availableParallelism()}; ${cpuFigures.cpuMsPerRequest} CPU ms per request (servers + PostgreSQL)`);
    console.log(`  worker at the end of the window: ${JSON.stringify(atWindowEnd?.backlog)}; drained after in ${after.drain.seconds} s (${after.drain.jobs} jobs), failed jobs ${after.failedJobs}`);
    console.log(`  journal ${after.journal.ok ? 'OK' : 'NOT OK'} (${after.journal.cases} cases, ${after.journal.acts} acts, ${after.journal.seals} seals); filings acknowledged ${after.filings.acknowledged}, found ${after.filings.found}; acts acknowledged ${after.acts.acknowledged}, found ${after.acts.found}; same-key resubmissions ${after.replays.sent}, same case ${after.replays.sameCase}`);
    if (figures.sampleErrors.length) console.log('  sample errors:', figures.sampleErrors.slice(0, 10));
    if (serverErrors.length) console.log('  server log errors:', serverErrors.slice(0, 3));

    const line = `${users} users (${publicUsers} public, ${portalUsers} portal, ${staffUsers} staff) for ${round(windowSec / 60, 1)} min on ${servers} server process${servers > 1 ? 'es' : ''}: ${overall.requestsPerSec} req/s, p50/p95/p99 ${overall.latencyMs.p50}/${overall.latencyMs.p95}/${overall.latencyMs.p99} ms; `
      + `${errors} errors, ${measured.deliberate} deliberate 4xx; ${after.filings.acknowledged} filings and ${after.acts.acknowledged} acts acknowledged, all found: ${after.filings.found === after.filings.acknowledged && after.acts.found === after.acts.acknowledged ? 'yes' : 'NO'}; journal ${after.journal.ok ? 'OK' : 'NOT OK'}`
      + (cpuFigures ? `; CPU servers ${cpuFigures.serverProcessesCores} + PostgreSQL ${cpuFigures.postgresCores} cores (${cpuFigures.cpuMsPerRequest} ms/request), load generator ${cpuFigures.loadGeneratorCores}` : '');
    const file = record({
      name: 'load', db: 'postgres', machine: { ...atStart, loadavgAtEnd: machine().loadavg },
      params: { users, publicUsers, portalUsers, staffUsers, servers, minutes, rampSec, thinkMs, timeoutMs, poolSize, accounts, staffAccounts, cases, seed, workerIntervalMs: workerInterval, idleWait,
        rateLimits: { anonymousPerMinute: 0, signedInPerMinute: 6000, why: 'all anonymous users come from one address' }, postgres: await serverInfo(adminUrl), privateCluster },
      figures: figuresOut,
      target: { text: `${TARGET.users} users for ${TARGET.minutes} min: 0 errors other than deliberate 4xx, every acknowledged filing and act in the register, journal verified`, met },
      line,
    });
    console.log(`recorded ${file}`);
    failed = !checks;
  } finally {
    for (const s of running) s.child.kill('SIGKILL');
    await admin.end().catch(() => {});
    if (keep) console.log(`kept: database ${pgdb.url}, documents in ${tmp}`);
    else {
      await pgdb.drop().catch((e) => console.error('could not drop the database:', e.message));
      rmSync(tmp, { recursive: true, force: true });
      if (privateCluster) stopPrivatePostgres();
    }
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
