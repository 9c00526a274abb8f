// The `registrum` command as an operator uses it: verify exits 0 on a sound register and 1, naming
// the case, after tampering; bad configuration stops with a clear message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../../src/app/config.ts';
import { openOffice } from '../../src/app/office.ts';
import { fileApplication } from '../../src/modules/cases/index.ts';
import { usingPostgres } from '../support/harness.ts';
import { actorOf } from '../../src/modules/access/index.ts';
import { insertParty } from '../../src/procedure-engine/journal.repository.ts';

const bin = fileURLToPath(new URL('../../bin/registrum.mjs', import.meta.url));
const run = (args: string[], env: Record<string, string>) => spawnSync(process.execPath, [bin, ...args], {
  encoding: 'utf8', env: { ...process.env, LOG_LEVEL: 'silent', REGISTRUM_SEED_DEMO: 'false', ...env }, timeout: 120_000,
});

test('registrum journal verify: 0 on a sound register, 1 naming the case after an act is edited in SQL', { timeout: 180_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'registrum-cli-'));
  let dbName: string | null = null;
  const env: Record<string, string> = { DATA_DIR: dir };
  try {
    if (usingPostgres()) {
      dbName = `t_cli_${Date.now().toString(36)}`;
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect(); await admin.query(`CREATE DATABASE "${dbName}"`); await admin.end();
      const u = new URL(process.env.DATABASE_URL!); u.pathname = `/${dbName}`;
      env.DATABASE_URL = u.toString();
    } else env.DATABASE_URL = '';
    const config = loadConfig({ ...env, REGISTRUM_MODE: 'demo', LOG_LEVEL: 'silent' });
    const office = await openOffice(config);
    let number: string;
    try {
      const uid = await office.db.tx(async (q) => {
        const partyId = await insertParty(q, { name: 'CLI Agent' });
        return office.access.createUser(q, { username: 'cliagent', displayName: 'CLI Agent', role: 'agent', password: 'test-password', partyId });
      });
      const user = (await office.access.listUsers()).find((x) => x.id === uid)!;
      const r = await fileApplication(office.cases, actorOf(user), { right: 'trademark', payload: { mark: { kind: 'Word', text: 'VERITAS' }, applicant: { name: 'Veritas SA' }, goodsServices: [{ classNumber: 9, terms: ['computer software'] }] } });
      number = r.body.case.number;
    } finally { await office.close(); }

    const ok = run(['journal', 'verify'], env);
    assert.equal(ok.status, 0, ok.stdout + ok.stderr);
    assert.match(ok.stdout, /^OK: 1 cases, 1 acts/m);

    const office2 = await openOffice(config);
    try { await office2.db.query(`UPDATE acts SET payload = jsonb_set(payload, '{mark,text}', '"VERITAX"')`); } finally { await office2.close(); }
    const bad = run(['journal', 'verify'], env);
    assert.equal(bad.status, 1, bad.stdout + bad.stderr);
    assert.match(bad.stdout, /TAMPERING DETECTED/);
    assert.ok(bad.stdout.includes(number), bad.stdout);
    assert.match(bad.stdout, /act-altered: .* act 1/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (dbName) {
      const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect(); await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`); await admin.end();
    }
  }
});

test('bad configuration stops the start with a message naming the setting', () => {
  const r = run(['serve'], { PORT: 'eighty', REGISTRUM_MODE: 'staging' });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /PORT must be an integer from 0 to 65535 \(got 'eighty'\)/);
  assert.match(r.stderr, /REGISTRUM_MODE must be one of demo, production/);
});

test('configuration is validated: DATABASE_URL must be a PostgreSQL URL, unknown frameworks are refused', () => {
  assert.throws(() => loadConfig({ DATABASE_URL: 'mysql://x' }), /DATABASE_URL must start with postgres:\/\//);
  assert.throws(() => loadConfig({ REGISTRUM_FRAMEWORK: 'atlantis' }), /REGISTRUM_FRAMEWORK must be one of model-law, ruritania/);
  const c = loadConfig({}, '/srv/office');
  assert.equal(c.port, 3000);
  assert.equal(c.dataDir, '/srv/office/data');
  assert.equal(c.databaseUrl, null);
});

test('two processes cannot open the same embedded data directory: the second is refused by the lock file', { skip: usingPostgres() ? 'PGlite only' : false, timeout: 120_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'registrum-lock-'));
  try {
    const config = loadConfig({ DATA_DIR: dir, LOG_LEVEL: 'silent' });
    const office = await openOffice(config);
    try {
      const r = run(['journal', 'verify'], { DATA_DIR: dir, DATABASE_URL: '' });
      assert.equal(r.status, 3, r.stdout + r.stderr);
      assert.match(r.stderr, /in use by process \d+/);
    } finally { await office.close(); }
    // A lock left by a process that died does not block the next start.
    writeFileSync(join(dir, 'registrum.lock'), '999999');
    const again = await openOffice(config);
    await again.close();
  } finally { rmSync(dir, { recursive: true, force: true }); }
});
