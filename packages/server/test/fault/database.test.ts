// Database faults on real PostgreSQL clusters of the test's own (scripts/ci-postgres.sh and
// scripts/pg-replica.sh, on ports from 56432 up), whatever DATABASE_URL says, and real `registrum serve`
// processes:
//  - which errors mean the database is out of reach (503 DATABASE_UNAVAILABLE), and the replica's settings;
//  - the pool: a statement prepared on a connection that was killed runs again on a new one; a
//    transaction whose connection is killed rolls back; a stopped database is reported at once and the
//    pool reconnects when it is back; waiting for a connection is bounded;
//  - (a) concurrent filings while the database restarts, stops and has its connections killed: every
//    answer is 201 or 503 DATABASE_UNAVAILABLE with Retry-After (never a 500, never a hang), the server
//    recovers without a restart, every acknowledged filing is there with its filing date, the worker
//    resumes, `journal verify` passes, and the log has the outage and no password;
//  - (b) a streaming replica (pg_basebackup -R) serving the public's reads: shown by pausing its replay
//    (the public does not see a new publication, its applicant does), then resuming it; stopped, the
//    public's reads fall back to the primary and /health says so; started again, reads return to it;
//  - (c) failover with synchronous replication: the primary stops dead during filings, the replica is
//    promoted, an office pointed at it has every filing acknowledged before, and the journal verifies.
// Skipped, saying why, when the PostgreSQL server binaries are not installed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { ConfigError, loadConfig } from '../../src/app/config.ts';
import { toProblem } from '../../src/app/problems.ts';
import { DatabaseUnavailableError, isDatabaseUnavailable, openDatabase, type AvailabilityChange } from '../../src/platform/db/db.ts';
import { apiAs, launchServe, trademarkBeforeExaminer } from '../../../../e2e/support/office.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const FIRST_PORT = '56432';

/** The directory of the PostgreSQL server binaries, or null when they are not installed. */
function pgBin(): string | null {
  const has = (d: string) => ['initdb', 'pg_ctl', 'pg_basebackup'].every((b) => existsSync(join(d, b)));
  if (process.env.PG_BIN) return has(process.env.PG_BIN) ? process.env.PG_BIN : null;
  const base = '/usr/lib/postgresql';
  const found = existsSync(base) ? readdirSync(base).map((v) => join(base, v, 'bin')).filter(has) : [];
  if (found.length) return found.sort((a, b) => parseInt(a.split('/')[4]) - parseInt(b.split('/')[4])).at(-1)!;
  const r = spawnSync('pg_config', ['--bindir'], { encoding: 'utf8' });
  return r.status === 0 && has(r.stdout.trim()) ? r.stdout.trim() : null;
}
const skip = pgBin() ? false : 'PostgreSQL server binaries (initdb, pg_ctl, pg_basebackup) are not installed: install the postgresql package (CI does) or set PG_BIN';

// ---- clusters ----
const id = `${process.pid}-${randomBytes(3).toString('hex')}`;
const primaryDir = join(tmpdir(), `registrum-dbfault-${id}-p`);
const replicaDir = join(tmpdir(), `registrum-dbfault-${id}-r`);
/** A password in every URL the office is given: trust authentication never asks for it, and no log may show it. */
const SECRET = `pw-${randomBytes(8).toString('hex')}`;
let primaryUrl = '';
let replicaUrl = '';
const withSecret = (url: string) => url.replace('postgres://postgres@', `postgres://postgres:${SECRET}@`);

function script(name: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [join(root, 'scripts', name), ...args], { env: { ...process.env, CI_PG_FIRST_PORT: FIRST_PORT }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = ''; let err = '';
    child.stdout.on('data', (d) => { out += d; });
    child.stderr.on('data', (d) => { err += d; });
    child.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`${name} ${args.join(' ')} exited ${code}:\n${err}`))));
  });
}
const ctl = (dir: string, ...args: string[]) => script('pg-replica.sh', ['ctl', dir, ...args]);

async function sql<R = any>(url: string, text: string, params: unknown[] = []): Promise<R[]> {
  const c = new pg.Client({ connectionString: url, application_name: 'fault-test' });
  await c.connect();
  try { return (await c.query(text, params as any[])).rows; } finally { await c.end(); }
}
/** Kills the office's connections (application_name 'registrum'), waiting until each is gone. */
const terminateOffice = (url: string) => sql<{ n: number }>(url,
  "SELECT count(*)::int AS n FROM pg_stat_activity, LATERAL pg_terminate_backend(pid, 5000) WHERE application_name = 'registrum' AND pid <> pg_backend_pid()");

// ---- the office ----
let dataDir = '';
const offices: ChildProcess[] = [];
const outputs: (() => string)[] = [];
const env = (extra: Record<string, string> = {}) => ({
  DATABASE_URL: withSecret(primaryUrl), DATABASE_READ_URL: '', DATA_DIR: dataDir, REGISTRUM_MODE: 'demo', REGISTRUM_SEED_DEMO: 'true',
  LOG_LEVEL: 'info', WORKER_INTERVAL_MS: '100', OCR: 'off', RATE_LIMIT_SIGNED_IN: '0', RATE_LIMIT_ANONYMOUS: '0', NODE_ENV: 'test',
  DB_CONNECT_TIMEOUT_MS: '5000', ...extra,
});
async function serve(extra: Record<string, string> = {}) {
  const office = await launchServe(env(extra), 90_000);
  offices.push(office.child);
  outputs.push(office.output);
  return office;
}
/** A test that, when it fails, shows the end of the logs of the offices it used (the last two started). */
const explained = (fn: () => Promise<void>) => async () => {
  try { await fn(); } catch (e) {
    for (const out of outputs.slice(-2)) console.log(`--- office log (end) ---\n${out().split('\n').slice(-40).join('\n')}`);
    throw e;
  }
};
function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode) return resolve();
    const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => { clearTimeout(t); resolve(); });
    child.kill('SIGTERM');
  });
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function login(url: string, username: string): Promise<string> {
  const r = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'registrum-demo' }) });
  assert.equal(r.status, 200, `sign-in of ${username}`);
  return (await r.json()).token;
}

async function waitHealthy(url: string, ms = 30_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const r = await fetch(`${url}/health`).catch(() => null);
    if (r?.status === 200) return r.json();
    assert.ok(Date.now() < deadline, `the office answers /health again (last: ${r?.status})`);
    await sleep(100);
  }
}

// ---- filings under faults ----
type Ack = { number: string; filingDate: string };
interface Tally { acknowledged: Map<string, Ack>; unanswered: Set<string>; unavailable: number; bad: string[] }
const tally = (): Tally => ({ acknowledged: new Map(), unanswered: new Set(), unavailable: 0, bad: [] });
const allAcknowledged = new Map<string, Ack>();
/** The marks (b) published. */
const publishedNumbers: string[] = [];

const filing = (key: string) => ({
  right: 'trademark',
  payload: { mark: { kind: 'Word', text: `DBFAULT ${key.toUpperCase()}` }, applicant: { name: 'Fault Tolerant Roasters Ltd', country: 'XX' }, goodsServices: [{ classNumber: 30, terms: ['coffee'] }] },
  payment: { amount: 250_00, currency: 'EUR' },
});

async function file(url: string, token: string, key: string): Promise<{ status: number; body: any; retryAfter: string | null }> {
  const r = await fetch(`${url}/api/v1/cases`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
    body: JSON.stringify(filing(key)), signal: AbortSignal.timeout(30_000),
  });
  return { status: r.status, body: await r.json().catch(() => null), retryAfter: r.headers.get('retry-after') };
}

/**
 * Files on `lanes` lanes (each at most ten a second, so a fast machine does not make the test long) until
 * told to stop; every answer must be 201, or 503 DATABASE_UNAVAILABLE with Retry-After.
 */
function fileConcurrently(url: string, token: string, prefix: string, t: Tally, lanes = 4) {
  let stopped = false;
  const running = Array.from({ length: lanes }, async (_, lane) => {
    for (let i = 0; !stopped; i++) {
      const key = `${prefix}-l${lane}-${i}`;
      try {
        const r = await file(url, token, key);
        if (r.status === 201) {
          t.acknowledged.set(key, { number: r.body.case.number, filingDate: r.body.case.filingDate });
          await sleep(100);
        }
        else if (r.status === 503 && r.body?.code === 'DATABASE_UNAVAILABLE' && r.body?.type && r.retryAfter && Number(r.retryAfter) > 0) {
          t.unavailable++; t.unanswered.add(key);
          await sleep(300); // a client waits before trying again (here less than Retry-After, to keep the pressure on)
        } else { t.bad.push(`${key}: ${r.status} ${JSON.stringify(r.body)} retry-after=${r.retryAfter}`); t.unanswered.add(key); }
      } catch (e) { t.bad.push(`${key}: no answer (${(e as Error).message})`); t.unanswered.add(key); }
    }
  });
  return { async stop() { stopped = true; await Promise.all(running); } };
}

/** Sends the unanswered filings again with their keys (four at a time): each is recorded once, whatever became of it. */
async function settle(url: string, token: string, t: Tally) {
  const keys = [...t.unanswered];
  await Promise.all([0, 1, 2, 3].map(async (lane) => {
    for (let k = keys.shift(); k; k = keys.shift()) {
      const again = await file(url, token, k);
      assert.ok(again.status === 201 || again.status === 200, `${k} sent again: ${again.status} ${JSON.stringify(again.body)}`);
      if (lane === 0) {
        const twice = await file(url, token, k);
        assert.equal(twice.body.case.number, again.body.case.number, `${k}: one case however often it is sent`);
      }
      t.acknowledged.set(k, { number: again.body.case.number, filingDate: again.body.case.filingDate });
    }
  }));
  t.unanswered.clear();
  for (const [k, a] of t.acknowledged) allAcknowledged.set(k, a);
}

/** Every acknowledged filing is in the database behind `databaseUrl` with its filing date; a sample of them read through the office too. */
async function checkAcknowledged(databaseUrl: string, url: string, token: string, acknowledged: Map<string, Ack>) {
  const kept = new Map((await sql<{ number: string; filing_date: string; acts: number }>(databaseUrl,
    "SELECT number, filing_date::text, (SELECT count(*)::int FROM acts a WHERE a.case_id = c.id AND a.type = 'file') AS acts FROM cases c WHERE number = ANY($1::text[])",
    [[...acknowledged.values()].map((a) => a.number)])).map((r) => [r.number, r]));
  for (const [key, a] of acknowledged) {
    assert.equal(kept.get(a.number)?.filing_date, a.filingDate, `${key} (${a.number}), acknowledged, is in the register with its filing date`);
    assert.equal(kept.get(a.number)?.acts, 1, `${a.number}: filed once`);
  }
  for (const [key, a] of [...acknowledged].filter((_, i) => i % Math.ceil(acknowledged.size / 12) === 0)) {
    const r = await fetch(`${url}/api/v1/cases/${a.number}`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(r.status, 200, `${key} (${a.number}), acknowledged, is in the register`);
    const c = await r.json();
    assert.equal(c.filingDate, a.filingDate, `${a.number}: the filing date acknowledged`);
    assert.equal(c.acts[0].type, 'file');
  }
}

function journalVerify(databaseUrl: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts', 'journal', 'verify'],
    { cwd: root, env: { ...process.env, ...env({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'warn' }) }, encoding: 'utf8' });
  assert.equal(r.status, 0, `journal verify:\n${r.stdout}${r.stderr}`);
  return r.stdout.split('\n').find((l) => l.startsWith('OK'));
}

/** A word mark filed by the agent and published by the registrar (so the public may see it). */
async function publishedMark(url: string, text: string): Promise<string> {
  const { number, examiner } = await trademarkBeforeExaminer(url, text, `${text} Ltd`);
  assert.equal((await examiner('POST', `/cases/${number}/acts/accept`, {})).status, 201);
  const registrar = await apiAs(url, 'registrar');
  const published = await registrar('POST', `/cases/${number}/acts/publish`, {});
  assert.equal(published.status, 201, JSON.stringify(published.body));
  return number;
}
const anonymous = (url: string, path: string) => fetch(`${url}/api/v1${path}`);
const searchHas = async (url: string, number: string) => {
  const r = await anonymous(url, `/cases?number=${encodeURIComponent(number)}`);
  assert.equal(r.status, 200);
  return (await r.json()).items.some((c: any) => c.number === number);
};

before(async () => {
  if (skip) return;
  dataDir = mkdtempSync(join(tmpdir(), 'registrum-dbfault-data-'));
  primaryUrl = await script('ci-postgres.sh', ['start', primaryDir]);
});

after(async () => {
  for (const child of offices) await stop(child);
  if (skip) return;
  await script('ci-postgres.sh', ['stop', replicaDir]).catch((e) => console.error(e.message));
  await script('ci-postgres.sh', ['stop', primaryDir]).catch((e) => console.error(e.message));
  rmSync(dataDir, { recursive: true, force: true });
});

test('what counts as the database being out of reach, its problem document, and the settings of a read replica', () => {
  const pgError = (code: string, message = 'x') => Object.assign(new Error(message), { code });
  for (const e of [pgError('57P01', 'terminating connection due to administrator command'), pgError('57P03', 'the database system is starting up'),
    pgError('ECONNREFUSED'), pgError('08006'), new Error('Connection terminated unexpectedly'), new Error('timeout exceeded when trying to connect'),
    new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')], 'each address refused')]) {
    assert.equal(isDatabaseUnavailable(e), true, e.message);
    const p = toProblem(e);
    assert.deepEqual([p.status, p.code, p.recorded], [503, 'DATABASE_UNAVAILABLE', 'unknown'], e.message);
  }
  for (const e of [pgError('23505', 'duplicate key'), pgError('22P02'), pgError('40001'), new Error('boom'), null, 'text']) {
    assert.equal(isDatabaseUnavailable(e), false, String(e));
  }
  const p = toProblem(new DatabaseUnavailableError('primary', 'ECONNREFUSED', 'not-recorded'));
  assert.deepEqual([p.status, p.code, p.recorded], [503, 'DATABASE_UNAVAILABLE', false]);
  assert.match(p.detail, /Nothing was recorded/);

  const config = loadConfig({ DATABASE_URL: 'postgres://a@db/r', DATABASE_READ_URL: 'postgres://b@replica/r', DB_CONNECT_TIMEOUT_MS: '2500' });
  assert.deepEqual([config.databaseReadUrl, config.databaseConnectTimeoutMs], ['postgres://b@replica/r', 2500]);
  assert.equal(loadConfig({}).databaseReadUrl, null);
  assert.equal(loadConfig({}).databaseConnectTimeoutMs, 10_000);
  assert.throws(() => loadConfig({ DATABASE_READ_URL: 'postgres://b@replica/r' }), (e) => e instanceof ConfigError && /DATABASE_READ_URL needs DATABASE_URL/.test(e.message));
  assert.throws(() => loadConfig({ DATABASE_URL: 'postgres://a@db/r', DATABASE_READ_URL: 'mysql://u:hunter2@replica/r' }),
    (e) => e instanceof ConfigError && /DATABASE_READ_URL must start with postgres/.test(e.message) && !e.message.includes('hunter2'));
  assert.throws(() => loadConfig({ DB_CONNECT_TIMEOUT_MS: '0' }), ConfigError);
});

test('the pool: a killed connection is replaced (its prepared statements prepared again), a transaction cut off rolls back, a stopped database answers at once and is reconnected to, waiting for a connection is bounded', { skip, timeout: 120_000 }, async () => {
  await sql(primaryUrl, 'CREATE TABLE fault_probe (x int)');
  const db = await openDatabase({ databaseUrl: withSecret(primaryUrl), dataDir: 'memory://', poolSize: 2, connectTimeoutMs: 800 });
  const events: AvailabilityChange[] = [];
  db.onAvailability((e) => events.push(e));
  try {
    const sum = 'SELECT $1::int + 1 AS n'; // parameterised: prepared on each connection
    assert.equal((await db.query(sum, [41])).rows[0].n, 42);
    assert.ok((await terminateOffice(primaryUrl))[0].n >= 1, 'the pool had a connection to kill');
    await sleep(200);
    assert.equal((await db.query(sum, [41])).rows[0].n, 42, 'prepared again on a new connection');

    // A transaction whose connection is killed half-way: an error saying nothing was recorded, and nothing was.
    await assert.rejects(db.tx(async (q) => {
      await q.query('INSERT INTO fault_probe (x) VALUES ($1)', [7]);
      const { pid } = (await q.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0];
      await sql(primaryUrl, 'SELECT pg_terminate_backend($1, 5000)', [pid]);
      await q.query('INSERT INTO fault_probe (x) VALUES ($1)', [8]);
    }), (e) => e instanceof DatabaseUnavailableError && e.outcome === 'not-recorded');
    assert.deepEqual(await sql(primaryUrl, 'SELECT x FROM fault_probe'), [], 'the transaction cut off left nothing');
    await db.tx((q) => q.query('INSERT INTO fault_probe (x) VALUES ($1)', [9]));
    assert.deepEqual(await sql(primaryUrl, 'SELECT x FROM fault_probe'), [{ x: 9 }], 'the next transaction commits');

    // Stopped: refused at once (not after a timeout); started: the same pool works again. One report each way.
    events.length = 0;
    await ctl(primaryDir, 'stop', '-m', 'fast');
    await sleep(100); // the idle connection's notice of the shutdown arrives
    const t0 = Date.now();
    await assert.rejects(db.query(sum, [1]), (e) => e instanceof DatabaseUnavailableError && e.outcome === 'not-recorded' && !e.message.includes(SECRET));
    await assert.rejects(db.tx((q) => q.query(sum, [1])), (e) => e instanceof DatabaseUnavailableError);
    assert.ok(Date.now() - t0 < 2_000, `a stopped database is reported at once (${Date.now() - t0} ms)`);
    assert.equal((await db.health()).available, false);
    await ctl(primaryDir, 'start');
    assert.equal((await db.query(sum, [1])).rows[0].n, 2);
    assert.deepEqual(events.map((e) => [e.role, e.available]), [['primary', false], ['primary', true]], 'down once, back once');
    assert.ok(events.every((e) => !JSON.stringify(e).includes(SECRET)));

    // Every connection taken (pool of 2): the next request gives up after the connect timeout, not never.
    const held: (() => void)[] = [];
    const holding = [0, 1].map(() => db.tx(() => new Promise<void>((r) => { held.push(r); })));
    while (held.length < 2) await sleep(10);
    const t1 = Date.now();
    await assert.rejects(db.query('SELECT 1'), (e) => e instanceof DatabaseUnavailableError && /timeout/.test(e.reason));
    const waited = Date.now() - t1;
    assert.ok(waited >= 700 && waited < 3_000, `waited ${waited} ms for a connection (timeout 800 ms)`);
    for (const r of held) r();
    await Promise.all(holding);
    assert.equal((await db.query(sum, [2])).rows[0].n, 3);
  } finally {
    await db.close();
  }
});

test('(a) filings while the database restarts, stops and has its connections killed: 201 or 503 DATABASE_UNAVAILABLE, never a 500; the office recovers by itself and keeps every acknowledged filing', { skip, timeout: 240_000 }, explained(async () => {
  const office = await serve();
  const token = await login(office.url, 'agent');
  const t = tally();
  const lanes = fileConcurrently(office.url, token, 'a', t);
  try {
    await sleep(800);
    await ctl(primaryDir, 'restart', '-m', 'fast');          // a restart: 57P01, then refused or 57P03 while it starts
    await sleep(1_000);
    await ctl(primaryDir, 'stop', '-m', 'fast');             // an outage of 2 s: connections refused, the worker backs off
    await sleep(2_000);
    await ctl(primaryDir, 'start');
    await waitHealthy(office.url);
    await sleep(600);
    for (let i = 0; i < 3; i++) { await terminateOffice(primaryUrl); await sleep(250); } // connections killed mid-work
    await sleep(800);
  } finally {
    await lanes.stop();
  }
  assert.deepEqual(t.bad, [], 'every answer was 201 or 503 DATABASE_UNAVAILABLE with Retry-After');
  assert.ok(t.unavailable > 0, 'the outages were seen by the clients (503s)');
  assert.ok(t.acknowledged.size >= 8, `filings were acknowledged around the faults: ${t.acknowledged.size}`);
  assert.equal(office.child.exitCode, null, 'the office was never restarted');

  // Recovered by itself: /health, new filings, the retried ones (once each), and all acknowledged are there.
  await waitHealthy(office.url);
  const after = await file(office.url, token, 'a-after');
  assert.equal(after.status, 201);
  t.acknowledged.set('a-after', { number: after.body.case.number, filingDate: after.body.case.filingDate });
  const sent = t.acknowledged.size + t.unanswered.size;
  await settle(office.url, token, t);
  await checkAcknowledged(primaryUrl, office.url, token, t.acknowledged);

  // The worker backed off and came back: every filing gets its receipt, exactly once.
  const numbers = [...t.acknowledged.values()].map((a) => a.number);
  for (let i = 0; ; i++) {
    const receipts = await sql<{ number: string; n: number }>(primaryUrl,
      `SELECT c.number, count(d.*)::int AS n FROM cases c LEFT JOIN documents d ON d.case_id = c.id AND d.kind = 'filing-receipt'
        WHERE c.number = ANY($1::text[]) GROUP BY c.number`, [numbers]);
    assert.equal(receipts.length, new Set(numbers).size);
    assert.ok(receipts.every((r) => r.n <= 1), 'never two receipts');
    if (receipts.every((r) => r.n === 1)) break;
    assert.ok(i < 450, `every filing gets its receipt: ${receipts.filter((r) => r.n === 0).length} still without`);
    await sleep(200);
  }
  await stop(office.child);

  // In the database: exactly the cases acknowledged, each with its one filing act; no job failed.
  const rows = await sql<{ number: string; acts: number }>(primaryUrl,
    "SELECT c.number, (SELECT count(*)::int FROM acts a WHERE a.case_id = c.id) AS acts FROM cases c WHERE c.title LIKE 'DBFAULT A-%'");
  assert.deepEqual(rows.map((r) => r.number).sort(), [...new Set([...t.acknowledged.values()].map((a) => a.number))].sort());
  assert.ok(rows.every((r) => r.acts === 1));
  assert.deepEqual(await sql(primaryUrl, "SELECT status FROM outbox WHERE status = 'failed'"), []);

  // The log: the outage reported (once per change, not per request), never a password, no request failed.
  const log = office.output();
  assert.ok(log.includes('database unavailable'), 'the outage is in the log');
  assert.ok(log.includes('database reachable again'), 'and its end');
  const reports = log.split('\n').filter((l) => l.includes('database unavailable')).length;
  assert.ok(reports <= 20, `outage reports: ${reports} for ${t.unavailable} answers 503`);
  assert.ok(!log.includes(SECRET), 'no password in the log');
  assert.ok(!log.includes('request failed'), 'no request failed otherwise');
  console.log(`  (a) ${sent} filings, ${t.unavailable} answered 503 and sent again, ${reports} outage reports; journal verify: ${journalVerify(withSecret(primaryUrl))}`);
}));

let replicaOffice: Awaited<ReturnType<typeof serve>> | null = null;

test('(b) a streaming replica serves the public\'s reads; signed-in users read the primary; the replica stopped, reads fall back to the primary', { skip, timeout: 240_000 }, explained(async () => {
  replicaUrl = await script('pg-replica.sh', ['replica', primaryDir, replicaDir]);
  const office = replicaOffice = await serve({ DATABASE_READ_URL: withSecret(replicaUrl) });
  let health = await waitHealthy(office.url);
  assert.equal(health.replica.status, 'ok');
  assert.equal(health.replica.inRecovery, true);
  assert.equal(typeof health.replica.behindBytes, 'number');

  // A publication on the primary reaches the public through the replica.
  const a = await publishedMark(office.url, 'REPLICA LANTERN');
  for (let i = 0; ; i++) {
    if ((await anonymous(office.url, `/cases/${a}`)).status === 200) break;
    assert.ok(i < 100, `${a} reaches the replica`);
    await sleep(100);
  }
  assert.ok(await searchHas(office.url, a), 'the public register search finds it');
  const readers = await sql<{ query: string }>(replicaUrl, "SELECT query FROM pg_stat_activity WHERE application_name = 'registrum-read'");
  assert.ok(readers.some((r) => /\bcases\b/.test(r.query)), `the replica served the register: ${JSON.stringify(readers)}`);
  // The gazette, open data and the change feed too: the replica's latest statement is the one each just needed.
  for (const [path, statement] of [['/gazette/issues', /FROM gazette_issues/], ['/open-data/dumps', /FROM opendata_dumps/], ['/changes', /a\.seal_id/]] as const) {
    assert.equal((await anonymous(office.url, path)).status, 200, path);
    const last = await sql<{ query: string }>(replicaUrl, "SELECT query FROM pg_stat_activity WHERE application_name = 'registrum-read' ORDER BY query_start DESC NULLS LAST LIMIT 1");
    assert.match(last[0]?.query ?? '', statement, `${path} is read from the replica`);
  }

  // Replay paused: the public does not see the next publication yet; its applicant (signed in) does.
  await sql(replicaUrl, 'SELECT pg_wal_replay_pause()');
  const b = await publishedMark(office.url, 'PAUSED LANTERN');
  const agent = await login(office.url, 'agent');
  assert.equal((await fetch(`${office.url}/api/v1/cases/${b}`, { headers: { authorization: `Bearer ${agent}` } })).status, 200, 'the applicant reads their own case from the primary');
  assert.equal((await anonymous(office.url, `/cases/${b}`)).status, 404, 'the public reads the replica, which has not replayed it');
  assert.equal(await searchHas(office.url, b), false);
  await sql(replicaUrl, 'SELECT pg_wal_replay_resume()');
  for (let i = 0; ; i++) {
    if ((await anonymous(office.url, `/cases/${b}`)).status === 200) break;
    assert.ok(i < 100, `${b} reaches the public once replay resumes`);
    await sleep(100);
  }
  assert.ok(await searchHas(office.url, b));

  // The replica stopped: the public's reads go to the primary (never an error), /health says so.
  await ctl(replicaDir, 'stop', '-m', 'fast');
  for (let i = 0; i < 5; i++) {
    assert.equal((await anonymous(office.url, `/cases/${b}`)).status, 200, 'read from the primary');
    assert.ok(await searchHas(office.url, a));
    for (const path of ['/gazette/issues', '/open-data/dumps', '/changes']) assert.equal((await anonymous(office.url, path)).status, 200, path);
  }
  const c = await publishedMark(office.url, 'LONE LANTERN');
  publishedNumbers.push(a, b, c);
  assert.equal((await anonymous(office.url, `/cases/${c}`)).status, 200, 'published while the replica is down: the public sees it on the primary');
  health = await (await fetch(`${office.url}/health`)).json();
  assert.equal(health.status, 'ok');
  assert.equal(health.replica.status, 'unavailable');

  // Started again: reads return to it once it answers.
  await ctl(replicaDir, 'start');
  for (let i = 0; ; i++) {
    health = await (await fetch(`${office.url}/health`)).json();
    const back = health.replica.status === 'ok'
      && (await anonymous(office.url, `/cases?number=${c}`)).status === 200
      // (since the restart, a connection of the office's replica pool has read the register, not only answered /health)
      && (await sql(replicaUrl, "SELECT 1 FROM pg_stat_activity WHERE application_name = 'registrum-read' AND query ~ '\\mcases\\M'")).length > 0;
    if (back) break;
    assert.ok(i < 200, 'the public\'s reads return to the replica');
    await sleep(100);
  }
  assert.ok(!office.output().includes(SECRET), 'no password in the log');
}));

test('(c) failover: with synchronous replication, the primary stops dead during filings, the replica is promoted, and the office pointed at it has every acknowledged filing', { skip, timeout: 240_000 }, explained(async () => {
  assert.ok(replicaOffice, 'the office of (b) with its replica');
  const office = replicaOffice!;
  // Acknowledged = flushed on the replica too (synchronous_commit 'on' with the replica named synchronous).
  await sql(primaryUrl, "ALTER SYSTEM SET synchronous_standby_names = 'registrum_replica'");
  await sql(primaryUrl, 'SELECT pg_reload_conf()');
  for (let i = 0; ; i++) {
    const s = await sql(primaryUrl, "SELECT sync_state FROM pg_stat_replication WHERE application_name = 'registrum_replica'");
    if (s[0]?.sync_state === 'sync') break;
    assert.ok(i < 100, `the replica is synchronous: ${JSON.stringify(s)}`);
    await sleep(100);
  }

  const token = await login(office.url, 'agent');
  const t = tally();
  const lanes = fileConcurrently(office.url, token, 'c', t);
  try {
    await sleep(1_500);
    await ctl(primaryDir, 'stop', '-m', 'immediate'); // the primary dies: nothing flushed or shut down properly
    await sleep(1_000);
  } finally {
    await lanes.stop();
  }
  assert.deepEqual(t.bad, [], 'every answer was 201 or 503 DATABASE_UNAVAILABLE with Retry-After');
  assert.ok(t.acknowledged.size >= 4, `filings acknowledged before the primary stopped: ${t.acknowledged.size}`);
  await stop(office.child);
  assert.ok(!office.output().includes(SECRET), 'no password in the log');

  // Promote the replica and point the office at it.
  await ctl(replicaDir, 'promote');
  assert.deepEqual(await sql(replicaUrl, 'SELECT pg_is_in_recovery() AS r'), [{ r: false }]);
  const promoted = await serve({ DATABASE_URL: withSecret(replicaUrl) });
  const token2 = await login(promoted.url, 'agent');
  await checkAcknowledged(replicaUrl, promoted.url, token2, t.acknowledged);
  // Those of (a) too, and the publications of (b).
  await checkAcknowledged(replicaUrl, promoted.url, token2, allAcknowledged);
  assert.equal(publishedNumbers.length, 3);
  assert.deepEqual(await sql(replicaUrl, 'SELECT count(*)::int AS n FROM cases WHERE public AND number = ANY($1::text[])', [publishedNumbers]), [{ n: 3 }]);
  await settle(promoted.url, token2, t);
  const fresh = await file(promoted.url, token2, 'c-after-failover');
  assert.equal(fresh.status, 201, 'the promoted node takes filings');
  await stop(promoted.child);
  console.log(`  (c) ${t.acknowledged.size} filings around the failover; journal verify on the promoted node: ${journalVerify(withSecret(replicaUrl))}`);
}));
