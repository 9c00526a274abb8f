// Backup and restore: an office with real activity (rights of several kinds, uploads, outgoing documents,
// a published gazette issue, sealed acts) is backed up while it runs, restored into an empty database,
// and the restored register compared with the original table by table and blob by blob; the restored
// office then keeps working. A tampered archive, a non-empty target and a schema from the future are refused.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import pg from 'pg';
import { loadConfig } from '../../src/app/config.ts';
import { openOffice, type Office } from '../../src/app/office.ts';
import { workOnce } from '../../src/app/worker.ts';
import { performAct } from '../../src/modules/cases/index.ts';
import { compileIssue, gazetteDeps, publishIssue } from '../../src/modules/gazette/index.ts';
import {
  ArchiveReader, BackupError, checkArchive, checkRestored, makeBackup, NotEmptyError, restoreBackup, restoreBlobs, restoreDatabase, type BackupManifest,
} from '../../src/modules/backup/index.ts';
import { ArchiveWriter } from '../../src/modules/backup/archive.ts';
import { openDatabase, type Db } from '../../src/platform/db/db.ts';
import { verifyJournal } from '../../src/procedure-engine/journal.ts';
import { testOffice, usingPostgres, type TestOffice } from '../support/harness.ts';
import { cast, scene, type Cast } from '../gazette/scene.ts';

const START = new Date('2026-03-02T09:00:00Z');
let office: TestOffice;
let people: Cast;
const n: Record<string, string> = {};
const dir = mkdtempSync(join(tmpdir(), 'registrum-backup-'));
const archive = join(dir, 'office.tar');
let made: Awaited<ReturnType<typeof makeBackup>>;
const cleanups: (() => Promise<void>)[] = [];

/** An empty database: PGlite in memory, or a new PostgreSQL database when DATABASE_URL is set. */
async function emptyDatabase(): Promise<Db> {
  if (!usingPostgres()) return openDatabase({ databaseUrl: null, dataDir: 'memory://', poolSize: 1 });
  const url = new URL(process.env.DATABASE_URL!);
  const name = `t_restore_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect(); await admin.query(`CREATE DATABASE "${name}"`); await admin.end();
  const target = new URL(url.toString()); target.pathname = `/${name}`;
  const db = await openDatabase({ databaseUrl: target.toString(), dataDir: 'memory://', poolSize: 4 });
  cleanups.push(async () => {
    await db.close().catch(() => {});
    const c = new pg.Client({ connectionString: url.toString() });
    await c.connect(); await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`); await c.end();
  });
  return db;
}

/** Every table's rows as sorted canonical JSON (jsonb text orders keys). */
async function tableContents(db: Db): Promise<Record<string, string[]>> {
  const tables = (await db.query<{ relname: string }>(
    `SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace ORDER BY 1`)).rows.map((r) => r.relname);
  const out: Record<string, string[]> = {};
  for (const t of tables) out[t] = (await db.query<{ j: string }>(`SELECT to_jsonb(x)::text AS j FROM "${t}" x`)).rows.map((r) => r.j).sort();
  return out;
}

/** Copies the archive, changing entries (and the manifest) on the way. */
async function rewrite(to: string, change: { entry?: (name: string, data: Buffer) => Buffer; manifest?: (m: BackupManifest) => void }) {
  const src = await ArchiveReader.open(archive);
  const out = await ArchiveWriter.create(to);
  let manifest: BackupManifest | undefined;
  for (const name of src.entries.keys()) {
    const data = await src.read(name);
    if (name === 'manifest.json') { manifest = JSON.parse(data.toString()); continue; }
    await out.add(name, change.entry ? change.entry(name, data) : data);
  }
  change.manifest?.(manifest!);
  await out.add('manifest.json', Buffer.from(JSON.stringify(manifest)));
  await out.finish();
  await src.close();
}

/** A restored office: the database loaded, then the office opened on it and the documents put back. */
async function restoredOffice(file: string): Promise<{ office: Office; check: Awaited<ReturnType<typeof checkRestored>> }> {
  const db = await emptyDatabase();
  const { archive: a, manifest } = await checkArchive(file);
  try {
    await restoreDatabase(db, a, manifest);
    const config = { ...loadConfig({ REGISTRUM_MODE: 'demo', DATA_DIR: 'memory://', LOG_LEVEL: 'silent', REGISTRUM_FRAMEWORK: 'model-law' }) };
    const restored = await openOffice(config, { log: { error: () => {}, info: () => {} }, db, now: () => START });
    cleanups.push(() => restored.close().catch(() => {}));
    await restoreBlobs(restored.storage, a, manifest);
    return { office: restored, check: await checkRestored(db, manifest) };
  } finally {
    await a.close();
  }
}

before(async () => {
  office = await testOffice({ startDate: '2026-03-02' });
  people = await cast(office);
  const s = scene(office, people);
  n.aurora = await s.acceptedTrademark('AURORA');
  n.boreal = await s.acceptedTrademark('BOREAL', [30, 43]);
  n.gi = await s.acceptedGi();
  n.design = await s.acceptedDesign();
  n.um = await s.registeredUtilityModel();
  n.patent = await s.patentInExamination();
  await office.work(); // outgoing documents, notifications, a seal
  const deps = gazetteDeps(office);
  const id = await compileIssue(deps, people.registrar.id, {});
  const { rows } = await office.db.query<{ issue_date: string }>('SELECT issue_date FROM gazette_issues WHERE id = $1', [id]);
  await office.setDate(rows[0].issue_date);
  await publishIssue(deps, people.registrar, id);
  n.later = await s.acceptedTrademark('AFTER THE ISSUE');
  await office.work();
  await performAct(office.cases, people.agent, n.later, 'withdraw', {}); // recorded, not yet sealed
  made = await makeBackup({ db: office.db, storage: office.storage, framework: 'model-law' }, archive);
});

after(async () => {
  for (const c of cleanups.reverse()) await c();
  await office?.shutdown();
  rmSync(dir, { recursive: true, force: true });
});

test('the archive lists every table with its rows, the documents, the schema version and the latest seal', async () => {
  const m = made.manifest;
  const tables = (await office.db.query<{ relname: string }>(`SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace`)).rows.map((r) => r.relname);
  assert.deepEqual(m.tables.map((t) => t.name).sort(), tables.sort());
  const order = m.tables.map((t) => t.name);
  for (const [child, parent] of [['acts', 'cases'], ['documents', 'acts'], ['gazette_entries', 'gazette_issues'], ['case_parties', 'parties']]) {
    assert.ok(order.indexOf(parent) < order.indexOf(child), `${parent} before ${child}`);
  }
  for (const t of ['cases', 'acts', 'documents', 'journal_seals', 'gazette_issues', 'schema_migrations']) {
    const { rows } = await office.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`);
    assert.ok(rows[0].n > 0, `${t} has rows`);
    assert.equal(m.tables.find((x) => x.name === t)!.rows, rows[0].n, t);
  }
  const last = (await office.db.query<{ id: string }>('SELECT max(id) AS id FROM schema_migrations')).rows[0].id;
  assert.equal(m.schemaVersion, last);
  const seal = (await office.db.query<{ id: number; hash: string }>('SELECT id, hash FROM journal_seals ORDER BY id DESC LIMIT 1')).rows[0];
  assert.deepEqual(m.journal.latestSeal, { id: Number(seal.id), hash: seal.hash });
  assert.equal(m.journal.unsealedActs, 1);
  // Every document of a case and every published gazette file is in the archive.
  const named = (await office.db.query<{ sha256: string }>(
    `SELECT sha256 FROM documents UNION SELECT f->>'sha256' FROM gazette_issues, jsonb_array_elements(files) f`)).rows.map((r) => r.sha256);
  assert.ok(named.length > 5);
  for (const h of named) assert.ok(m.entries[`blobs/${h}`], `blob ${h}`);
  assert.deepEqual(m.blobs.missing, []);
  assert.equal(m.blobs.count, Object.keys(m.entries).filter((e) => e.startsWith('blobs/')).length);
  assert.deepEqual(m.office, { framework: 'model-law', code: m.office.code, name: m.office.name });
  assert.ok(m.office.code.length > 0);
});

test('a restored office holds the same register, row for row and blob for blob, and verifies', async () => {
  const { office: restored, check } = await restoredOffice(archive);
  assert.equal(check.ok, true, JSON.stringify(check));
  assert.equal(check.journal.acts, made.manifest.journal.acts);
  const [before, after] = [await tableContents(office.db), await tableContents(restored.db)];
  assert.deepEqual(Object.keys(after), Object.keys(before));
  for (const t of Object.keys(before)) assert.deepEqual(after[t], before[t], `table ${t}`);
  for (const name of Object.keys(made.manifest.entries).filter((e) => e.startsWith('blobs/'))) {
    const sha = name.slice(6);
    assert.deepEqual(await restored.storage.get(sha), await office.storage.get(sha), name);
  }

  // It keeps working: a new filing and its acts continue the identity sequence, the chains and the seals.
  const maxId = Number((await restored.db.query<{ m: string }>('SELECT max(id) AS m FROM acts')).rows[0].m);
  const fresh = await scene(restored as unknown as TestOffice, people).acceptedTrademark('RESTORED');
  const ids = (await restored.db.query<{ id: string }>('SELECT a.id FROM acts a JOIN cases c ON c.id = a.case_id WHERE c.number = $1', [fresh])).rows.map((x) => Number(x.id));
  assert.ok(ids.length >= 4 && ids.every((id) => id > maxId), `${ids} after ${maxId}`);
  await workOnce(restored.worker);
  const v = await verifyJournal(restored.db);
  assert.equal(v.ok, true, JSON.stringify(v.problems));
  assert.equal(v.unsealedActs, 0);
  assert.equal(v.acts, made.manifest.journal.acts + ids.length);
  assert.equal(v.seals, made.manifest.journal.latestSeal!.id + 1);
  // ... and the published gazette issue is still frozen.
  await assert.rejects(restored.db.query("UPDATE gazette_issues SET issue_date = '2030-01-01' WHERE status = 'published'"), /published and cannot change/);
});

test('a blob changed by one byte is refused before anything is written, naming the blob', async () => {
  const blob = Object.keys(made.manifest.entries).find((e) => e.startsWith('blobs/'))!;
  const bad = join(dir, 'blob-tampered.tar');
  await rewrite(bad, { entry: (name, data) => { if (name !== blob) return data; const c = Buffer.from(data); c[c.length >> 1] ^= 1; return c; } });
  const db = await emptyDatabase();
  try {
    await assert.rejects(restoreBackup({ db, storage: office.storage }, bad), (e: Error) => e instanceof BackupError && e.message.includes(blob) && /altered or damaged/.test(e.message));
    assert.equal((await db.query(`SELECT 1 FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace`)).rows.length, 0, 'nothing restored');
  } finally { if (!usingPostgres()) await db.close(); }
});

test('a row changed in the archive is refused, naming its table part; with a forged manifest the journal finds it', async () => {
  const part = made.manifest.tables.find((t) => t.name === 'acts')!.parts[0];
  const src = await ArchiveReader.open(archive);
  const original = gunzipSync(await src.read(part)).toString();
  await src.close();
  assert.ok(original.includes('"AURORA"'));
  const forged = gzipSync(original.replace('"AURORA"', '"AURORO"'));
  const bad = join(dir, 'row-tampered.tar');
  await rewrite(bad, { entry: (name, data) => (name === part ? forged : data) });
  await assert.rejects(checkArchive(bad), (e: Error) => e instanceof BackupError && e.message.includes(part) && /altered or damaged/.test(e.message));

  // Whoever also rewrites the manifest's hash gets past the archive check, not past the journal.
  const worse = join(dir, 'row-forged.tar');
  await rewrite(worse, {
    entry: (name, data) => (name === part ? forged : data),
    manifest: (m) => { m.entries[part] = { sha256: createHash('sha256').update(forged).digest('hex'), size: forged.length }; },
  });
  const { check } = await restoredOffice(worse);
  assert.equal(check.ok, false);
  assert.ok(check.journal.problems.some((p) => p.kind === 'act-altered'), JSON.stringify(check.journal.problems));
});

test('a database that is not empty is refused', async () => {
  const cases = Number((await office.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0].n);
  await assert.rejects(restoreBackup({ db: office.db, storage: office.storage }, archive),
    (e: Error) => e instanceof NotEmptyError && e.message.includes(`${cases} cases`) && /empty database/.test(e.message));
  assert.equal(Number((await office.db.query<{ n: number }>('SELECT count(*)::int AS n FROM cases')).rows[0].n), cases);
});

test('an archive of a schema newer than the code is refused', async () => {
  const future = join(dir, 'future.tar');
  await rewrite(future, { manifest: (m) => { m.migrations.push('999_future.sql'); m.schemaVersion = '999_future.sql'; } });
  const db = await emptyDatabase();
  try {
    await assert.rejects(restoreBackup({ db, storage: office.storage }, future), (e: Error) => e instanceof BackupError && /999_future\.sql.*does not know/.test(e.message));
    assert.equal((await db.query(`SELECT 1 FROM pg_class WHERE relkind = 'r' AND relnamespace = current_schema()::regnamespace`)).rows.length, 0);
  } finally { if (!usingPostgres()) await db.close(); }
});

test('a file that is not a backup is refused', async () => {
  const junk = join(dir, 'junk.tar');
  writeFileSync(junk, randomBytes(4096));
  await assert.rejects(checkArchive(junk), BackupError);
});
