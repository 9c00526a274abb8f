// Crash safety of filings: the office process (`registrum serve`, HTTP and worker) is killed with SIGKILL
// several times while agents file concurrently. After each restart: every filing the office acknowledged
// is there with its filing date; a filing sent again with its idempotency key gives the same case if it
// was recorded and files it once if it was not (never twice); the outbox resumes and issues each
// filing receipt exactly once; and `registrum journal verify` finds every chain intact. On the embedded
// database (its files in DATA_DIR) and, with DATABASE_URL, on PostgreSQL.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase } from '../../src/platform/db/db.ts';
import { usingPostgres } from '../support/harness.ts';
import { mulberry32 } from '../support/prng.ts';
import { launchServe } from '../../../../e2e/support/office.ts';

const root = new URL('../../../../', import.meta.url).pathname;
const ROUNDS = 3;
const LANES = 4;

let dataDir = '';
let databaseUrl = '';
let dropDatabase = async () => {};
const env = () => ({
  DATABASE_URL: databaseUrl, DATA_DIR: dataDir, REGISTRUM_MODE: 'demo', REGISTRUM_SEED_DEMO: 'true',
  LOG_LEVEL: 'warn', WORKER_INTERVAL_MS: '100', OCR: 'off', RATE_LIMIT_SIGNED_IN: '0', RATE_LIMIT_ANONYMOUS: '0', NODE_ENV: 'test',
});

const start = () => launchServe(env(), 90_000);

const kill = (child: ChildProcess) => new Promise<void>((resolve) => {
  if (child.exitCode !== null || child.signalCode) return resolve();
  child.once('exit', () => resolve());
  child.kill('SIGKILL');
});

async function login(url: string, username: string): Promise<string> {
  const r = await fetch(`${url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'registrum-demo' }) });
  assert.equal(r.status, 200);
  return (await r.json()).token;
}

const filing = (key: string) => ({
  right: 'trademark',
  payload: { mark: { kind: 'Word', text: `CRASH ${key.toUpperCase()}` }, applicant: { name: 'Crash Test Roasters Ltd', country: 'XX' }, goodsServices: [{ classNumber: 30, terms: ['coffee'] }] },
  payment: { amount: 250_00, currency: 'EUR' },
});

async function file(url: string, token: string, key: string): Promise<{ status: number; number?: string; filingDate?: string }> {
  const r = await fetch(`${url}/api/v1/cases`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key }, body: JSON.stringify(filing(key)),
  });
  const body = await r.json().catch(() => ({}));
  return { status: r.status, number: body?.case?.number, filingDate: body?.case?.filingDate };
}

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'registrum-crash-'));
  if (usingPostgres()) {
    const url = new URL(process.env.DATABASE_URL!);
    const name = `crash_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: url.toString() });
    await admin.connect(); await admin.query(`CREATE DATABASE "${name}"`); await admin.end();
    const own = new URL(url.toString()); own.pathname = `/${name}`;
    databaseUrl = own.toString();
    dropDatabase = async () => {
      const c = new pg.Client({ connectionString: url.toString() });
      await c.connect(); await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); await c.end();
    };
  }
});
after(async () => { await dropDatabase(); rmSync(dataDir, { recursive: true, force: true }); });

test(`SIGKILL ${ROUNDS} times during concurrent filings: nothing acknowledged is lost, nothing is filed twice, the journal verifies`, { timeout: 600_000 }, async () => {
  const random = mulberry32(20261121);
  const acknowledged = new Map<string, { number: string; filingDate: string }>();
  const unanswered = new Set<string>();
  let sent = 0;

  for (let round = 1; round <= ROUNDS + 1; round++) {
    const office = await start();
    try {
      const token = await login(office.url, 'agent');
      // What was acknowledged before any crash is there, with its filing date.
      for (const [key, a] of acknowledged) {
        const r = await fetch(`${office.url}/api/v1/cases/${a.number}`, { headers: { authorization: `Bearer ${token}` } });
        assert.equal(r.status, 200, `${key} (${a.number}) acknowledged before a crash is present`);
        const c = await r.json();
        assert.equal(c.filingDate, a.filingDate);
        assert.equal(c.acts[0].type, 'file');
      }
      // A filing whose answer was lost is sent again with its key: the same case if it was recorded, else filed now.
      for (const key of [...unanswered]) {
        const again = await file(office.url, token, key);
        assert.ok(again.status === 201 || again.status === 200, `${key} sent again: ${again.status}`);
        acknowledged.set(key, { number: again.number!, filingDate: again.filingDate! });
        unanswered.delete(key);
        const twice = await file(office.url, token, key);
        assert.equal(twice.number, again.number, `${key}: one case however often it is sent`);
      }
      if (round > ROUNDS) break;

      // Concurrent filings, killed in the middle.
      let stop = false;
      const lanes = Array.from({ length: LANES }, async (_, lane) => {
        for (let i = 0; !stop; i++) {
          const key = `r${round}-l${lane}-${i}`;
          sent++;
          try {
            const r = await file(office.url, token, key);
            if (r.status === 201) acknowledged.set(key, { number: r.number!, filingDate: r.filingDate! });
            else unanswered.add(key);
          } catch { unanswered.add(key); stop = true; }
        }
      });
      await new Promise((r) => setTimeout(r, 600 + Math.floor(random() * 1400)));
      await kill(office.child);
      stop = true;
      await Promise.all(lanes);
    } finally {
      await kill(office.child);
    }
  }
  assert.ok(acknowledged.size >= ROUNDS * 4, `enough filings acknowledged to mean something: ${acknowledged.size} of ${sent}`);

  // The worker resumes: every filing gets its receipt, exactly once.
  const office = await start();
  try {
    const token = await login(office.url, 'agent');
    const numbers = [...new Set([...acknowledged.values()].map((a) => a.number))];
    assert.equal(numbers.length, acknowledged.size, 'no two keys share a case');
    const deadline = Date.now() + 120_000;
    for (const n of numbers) {
      for (;;) {
        const c = await (await fetch(`${office.url}/api/v1/cases/${n}`, { headers: { authorization: `Bearer ${token}` } })).json();
        const receipts = c.documents.filter((d: any) => d.kind === 'filing-receipt');
        if (receipts.length === 1) break;
        assert.ok(receipts.length === 0 && Date.now() < deadline, `${n}: ${receipts.length} filing receipts`);
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } finally {
    await new Promise<void>((resolve) => { office.child.once('exit', () => resolve()); office.child.kill('SIGTERM'); });
  }

  // The database, read directly once the office has stopped: exactly the cases the agents were told of,
  // no half-written filing, each job done once.
  const db = await openDatabase({ databaseUrl: databaseUrl || null, dataDir, poolSize: 1 });
  try {
    const crash = (await db.query<{ number: string; acts: string; receipts: string }>(
      `SELECT c.number, (SELECT count(*) FROM acts a WHERE a.case_id = c.id) AS acts,
              (SELECT count(*) FROM documents d WHERE d.case_id = c.id AND d.kind = 'filing-receipt') AS receipts
         FROM cases c WHERE c.title LIKE 'CRASH %'`)).rows;
    assert.deepEqual(crash.map((c) => c.number).sort(), [...new Set([...acknowledged.values()].map((a) => a.number))].sort(), 'the cases recorded are exactly those acknowledged');
    for (const c of crash) assert.deepEqual([Number(c.acts), Number(c.receipts)], [1, 1], `${c.number}: one filing act, one receipt`);
    const jobs = (await db.query<{ status: string; n: string }>("SELECT status, count(*) AS n FROM outbox GROUP BY status")).rows;
    assert.ok(!jobs.some((j) => j.status === 'failed'), `no job failed: ${JSON.stringify(jobs)}`);
  } finally { await db.close(); }

  // The register, checked from outside the server.
  const verify = spawnSync(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts', 'journal', 'verify'], { cwd: root, env: { ...process.env, ...env() }, encoding: 'utf8' });
  assert.equal(verify.status, 0, `journal verify:\n${verify.stdout}${verify.stderr}`);
  console.log(`  ${sent} filings sent, ${acknowledged.size} recorded, ${ROUNDS} kills; journal verify: ${verify.stdout.trim().split('\n').at(-1)}`);
});
