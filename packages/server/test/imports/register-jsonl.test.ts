// A register of marks as JSON lines, taken over in bulk (set-based batches, not the engine one act at a
// time): the rows written are exactly those the engine writes for the same take-over act, the journal
// verifies, the public marks are found by the public register search, every bad line is refused with
// its line number and code and stores nothing, and importing the same file again changes nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { importCommand, importRegister, ImportRun } from '../../src/modules/imports/index.ts';
import { mapJsonLine } from '../../src/modules/imports/jsonl.ts';
import { verifyJournal } from '../../src/procedure-engine/journal.ts';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, ok, tinyPng } from '../http/helpers.ts';
import { caseByNumber, depsOf, footprint, IMPORTER } from './support.ts';

let office: TestOffice;
let app: FastifyInstance;
let dir: string;

const holder = (name: string) => ({ name, country: 'GB', address: '1 Harbour Road, Port Town' });
const LINES: unknown[] = [
  { number: '1000001', text: 'AURORA', kind: 'Word', classes: [{ classNumber: 30, terms: ['coffee', 'tea'] }, { classNumber: 43, terms: 'café services; bar services' }],
    status: 'registered', filingDate: '2015-03-02', registrationDate: '2015-09-14', expiryDate: '2030-03-02', registrationNumber: 'R-77001', holder: holder('Aurora Coffee Ltd'),
    representative: { name: 'Marks & Partners' }, image: 'images/1000001.png', history: [{ date: '2015-03-02', code: 'FIL', text: 'Application filed' }] },
  { number: '1000002', text: 'BOREALIS', classes: [{ classNumber: 9, terms: ['computer software'] }], status: 'published', statusDate: '2026-02-10',
    filingDate: '2025-10-01', publicationDate: '2026-02-10', holder: holder('Borealis Labs SA') },
  { number: '1000003', text: 'CONFIDENTIA', classes: [{ classNumber: 35, terms: ['advertising'] }], status: 'examination', filingDate: '2025-12-01', holder: 'Confidentia GmbH' },
  '{"number": "1000004", "text": ',
  { number: '1000005', text: 'NINETY-NINE', classes: [{ classNumber: 99, terms: ['x'] }], status: 'registered', holder: holder('X') },
  { number: '1000006', text: 'NOBODY', classes: [{ classNumber: 9, terms: ['software'] }], status: 'registered' },
  { number: '1000007', text: 'LIMBO', classes: [{ classNumber: 9, terms: ['software'] }], status: 'in limbo', holder: holder('Limbo Ltd') },
  { number: '1000008', text: 'OLDMARK', classes: [{ classNumber: 25, terms: ['clothing'] }], status: 'expired', filingDate: '1990-05-05', registrationDate: '1991-01-01', expiryDate: '2010-05-05', holder: holder('Old Mark Ltd') },
  { number: 'TM-2026-000500', text: 'SERIES', classes: [{ classNumber: 3, terms: ['soaps'] }], status: 'registered', filingDate: '2020-01-02', registrationDate: '2020-06-01', expiryDate: '2030-01-02', holder: holder('Series Co') },
];
const text = (lines: unknown[]) => lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n\n';

before(async () => {
  office = await testOffice({ startDate: '2026-03-02' });
  app = await office.http();
  dir = mkdtempSync(join(tmpdir(), 'registrum-jsonl-'));
  mkdirSync(join(dir, 'images'));
  writeFileSync(join(dir, 'images', '1000001.png'), tinyPng(4, 4));
  // The first mark again, the same: a repeat in the file changes nothing.
  writeFileSync(join(dir, 'register.jsonl'), text([...LINES, LINES[0]]));
});
after(async () => { await office.shutdown(); rmSync(dir, { recursive: true, force: true }); });

test('the register is taken over in batches: good lines created, every bad line refused with its line number and code', async () => {
  const r = await importRegister(depsOf(office), IMPORTER, join(dir, 'register.jsonl'), { keep: 'all', batchSize: 3 });
  assert.deepEqual(r.counts, { created: 5, updated: 0, unchanged: 1, rejected: 4 });
  const refused = r.records.filter((x) => x.outcome === 'rejected').map((x) => [x.position, x.code]);
  assert.deepEqual(refused, [[4, 'IMPORT_JSONL_SYNTAX'], [5, 'IMPORT_INVALID_VALUE'], [6, 'IMPORT_MISSING_FIELD'], [7, 'IMPORT_UNKNOWN_STATUS']]);
  assert.deepEqual(r.records.filter((x) => x.outcome === 'unchanged').map((x) => [x.position, x.sourceId]), [[10, '1000001']]);
  for (const n of ['1000004', '1000005', '1000006', '1000007']) assert.equal(await caseByNumber(office, n), null, `${n}: nothing stored`);
  const logged = (await office.db.query('SELECT position, code FROM import_outcomes WHERE run_id = $1 ORDER BY position', [r.runId])).rows;
  assert.deepEqual(logged.map((l) => [l.position, l.code]), refused);
});

test('each mark is a case made by its take-over act: state, data, holder, image, time limits', async () => {
  const a = (await caseByNumber(office, '1000001'))!;
  assert.equal(a.state, 'registered');
  assert.equal(a.public, true);
  assert.equal(a.title, 'AURORA');
  assert.equal(a.filing_date, '2015-03-02');
  assert.deepEqual(a.data.goodsServices, [{ classNumber: 30, terms: ['coffee', 'tea'] }, { classNumber: 43, terms: ['café services', 'bar services'] }]);
  assert.deepEqual(a.parties.map((p: any) => [p.role, p.name]), [['holder', 'Aurora Coffee Ltd'], ['representative', 'Marks & Partners']]);
  assert.deepEqual(a.acts.map((x: any) => [x.type, x.seq, x.state_before, x.state_after, x.actor_role]), [['take-over', 1, null, 'registered', 'system']]);
  assert.deepEqual(a.acts[0].payload.history, [{ date: '2015-03-02', code: 'FIL', text: 'Application filed' }]);
  assert.equal(a.data.mark.image.mediaType, 'image/png');
  const doc = (await office.db.query('SELECT kind, media_type, sha256, act_id FROM documents WHERE case_id = $1', [a.id])).rows;
  assert.deepEqual(doc.map((d) => [d.kind, d.media_type, d.sha256, Number(d.act_id)]), [['mark-image', 'image/png', a.data.mark.image.sha256, Number(a.acts[0].id)]]);
  assert.ok(await office.storage.exists(a.data.mark.image.sha256));
  assert.deepEqual(a.limits.map((l: any) => [l.kind, l.due_on]), [['renewal', '2030-03-02']]);

  const b = (await caseByNumber(office, '1000002'))!;
  assert.deepEqual([b.state, b.public], ['published', true]);
  assert.deepEqual(b.limits.map((l: any) => [l.kind, l.due_on]), [['opposition', '2026-05-11']]);
  const c = (await caseByNumber(office, '1000003'))!;
  assert.deepEqual([c.state, c.public, c.parties[0].role], ['examination', false, 'applicant']);
  const old = (await caseByNumber(office, '1000008'))!;
  assert.deepEqual([old.state, old.limits.length], ['lapsed', 0]);
  // A number of the office's own series is the series' to give: the mark gets the next one and keeps its own in its data.
  const series = (await office.db.query("SELECT number, data FROM cases WHERE data -> 'takenOver' ->> 'number' = 'TM-2026-000500'")).rows[0];
  assert.equal(series.number, 'TM-2026-000001');
});

test('the journal verifies over the register taken over in bulk', async () => {
  const v = await verifyJournal(office.db);
  assert.ok(v.ok, JSON.stringify(v.problems));
  assert.equal(v.acts, (await footprint(office)).acts);
});

test('the public register search finds the public marks taken over, and not the unpublished application', async () => {
  const anon = client(app, null);
  const find = async (q: string) => ok(await anon.get(`/api/v1/cases?q=${encodeURIComponent(q)}`)).items.map((i: any) => i.number);
  assert.deepEqual(await find('AURORA'), ['1000001']);
  assert.deepEqual(await find('BOREALIS'), ['1000002']);
  assert.deepEqual(await find('CONFIDENTIA'), []);
  assert.deepEqual(ok(await anon.get('/api/v1/cases?holder=Aurora%20Coffee')).items.map((i: any) => i.number), ['1000001']);
  assert.deepEqual(ok(await anon.get('/api/v1/cases?classNumber=43')).items.map((i: any) => i.number), ['1000001']);
});

test('importing the same file again changes nothing; the bad lines are refused again', async () => {
  const before = await footprint(office);
  const r = await importRegister(depsOf(office), IMPORTER, join(dir, 'register.jsonl'), { batchSize: 4 });
  assert.deepEqual(r.counts, { created: 0, updated: 0, unchanged: 6, rejected: 4 });
  assert.deepEqual(await footprint(office), before);
});

test('a changed line is recorded by one take-over-update act through the engine', async () => {
  const changed = { ...(LINES[1] as object), status: 'registered', registrationDate: '2026-02-20', expiryDate: '2035-10-01', holder: holder('Borealis Holdings SA') };
  writeFileSync(join(dir, 'changed.jsonl'), text([LINES[0], changed]));
  const r = await importRegister(depsOf(office), IMPORTER, join(dir, 'changed.jsonl'), { keep: 'all' });
  assert.deepEqual(r.counts, { created: 0, updated: 1, unchanged: 1, rejected: 0 });
  const b = (await caseByNumber(office, '1000002'))!;
  assert.deepEqual(b.acts.map((a: any) => a.type), ['take-over', 'take-over-update']);
  assert.equal(b.state, 'registered');
  assert.deepEqual(b.parties.map((p: any) => [p.role, p.name]), [['holder', 'Borealis Holdings SA']]);
  assert.deepEqual(b.limits.map((l: any) => [l.kind, l.due_on]), [['renewal', '2035-10-01']]);
  assert.ok((await verifyJournal(office.db)).ok);
});

test('the rows written in bulk are exactly those the engine writes for the same take-over act', async () => {
  const line = { number: '2000001', text: 'TWIN', classes: [{ classNumber: 9, terms: ['software'] }], status: 'registered', filingDate: '2016-01-04',
    registrationDate: '2016-08-01', expiryDate: '2026-01-04', registrationNumber: 'R-2', holder: holder('Twin Ltd'), representative: { name: 'Agent LLP', country: 'FR' },
    image: 'images/1000001.png', history: [{ date: '2016-01-04', text: 'Filed' }] };
  writeFileSync(join(dir, 'twin.jsonl'), text([line]));
  // The same line in an office of its own, through the engine one record at a time.
  const other = await testOffice({ startDate: '2026-03-02' });
  try {
    const run = await new ImportRun(depsOf(other), IMPORTER, 'jsonl', { name: join(dir, 'twin.jsonl') }).start();
    const m = mapJsonLine(JSON.stringify(line), 1, { office: 'XX', states: other.engine.procedureOf({ framework: 'model-law', right_kind: 'trademark', procedure_version: '2026.1' }).procedure.states });
    assert.equal((await run.record(m, join(dir, 'twin.jsonl'), dir)).outcome, 'created');
    await importRegister(depsOf(office), IMPORTER, join(dir, 'twin.jsonl'));
    const [bulk, engine] = await Promise.all([rowsOf(office, '2000001'), rowsOf(other, '2000001')]);
    assert.deepEqual(bulk, engine);
    assert.ok((await verifyJournal(other.db)).ok);
  } finally { await other.shutdown(); }
});

/** Every row a case has, with the ids the database or the generator chose replaced by stable names. */
async function rowsOf(o: TestOffice, number: string) {
  const q = async (sql: string, p: unknown[]) => (await o.db.query(sql, p)).rows;
  const c = (await q('SELECT * FROM cases WHERE number = $1', [number]))[0];
  const acts = await q('SELECT * FROM acts WHERE case_id = $1 ORDER BY seq', [c.id]);
  assert.equal(acts.length, 1);
  const actId = Number(acts[0].id);
  const links = await q('SELECT cp.role, p.* FROM case_parties cp JOIN parties p ON p.id = cp.party_id WHERE cp.case_id = $1 ORDER BY cp.role', [c.id]);
  const ids = new Map<string, string>([[c.id, 'CASE'], ...links.map((l, i) => [l.id, `PARTY${i}`] as [string, string])]);
  const rename = (v: unknown) => JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'string' && ids.has(x) ? ids.get(x) : x)));
  const drop = (row: Record<string, unknown>, ...keys: string[]) => Object.fromEntries(Object.entries(row).filter(([k]) => !keys.includes(k)));
  const act = (row: Record<string, any>, key: string) => { assert.equal(Number(row[key]), actId, key); return { ...row, [key]: 'ACT' }; };
  return rename({
    case: drop(c, 'created_at', 'head_hash'),
    acts: acts.map((a) => drop(a, 'id', 'hash', 'prev_hash')),
    parties: links.map((l) => drop(l, 'created_at')),
    limits: (await q('SELECT * FROM time_limits WHERE case_id = $1 ORDER BY kind', [c.id])).map((t) => act(drop(t, 'id'), 'opened_by_act')),
    jobs: (await q('SELECT topic, payload, case_id, act_id, status, attempts FROM outbox WHERE case_id = $1', [c.id]))
      .map((j) => act({ ...j, payload: act(j.payload, 'actId') }, 'act_id')),
    documents: (await q('SELECT * FROM documents WHERE case_id = $1', [c.id])).map((d) => act(drop(d, 'id', 'created_at'), 'act_id')),
    record: (await q('SELECT source, source_id, case_id, content_hash FROM import_records WHERE case_id = $1', [c.id])),
    fees: (await q('SELECT count(*)::int AS n FROM fees WHERE case_id = $1', [c.id])),
  });
}

test('registrum import register --format jsonl: the report, per line, and the exit status', async () => {
  const out: string[] = [];
  const code = await importCommand(depsOf(office), ['register', '--format', 'jsonl', join(dir, 'register.jsonl'), '--batch', '2'], { out: (l) => out.push(l) });
  assert.equal(code, 1, 'some lines were refused');
  // The second line was changed by the import before: the file's own version is recorded again.
  assert.match(out[0], /^import jsonl: 10 records from 1 file in [\d.]+ s: 0 created, 1 updated, 5 unchanged, 4 rejected \(run [0-9a-f-]{36}\)$/);
  assert.ok(out.some((l) => /register\.jsonl line2 \(XX:trademark 1000002\): updated 1000002$/.test(l)), out.join('\n'));
  assert.ok(out.some((l) => /register\.jsonl line4: rejected IMPORT_JSONL_SYNTAX: Line 4 is not valid JSON/.test(l)), out.join('\n'));
  assert.equal(await importCommand(depsOf(office), ['register', '--format', 'csv', join(dir, 'register.jsonl')], { out: (l) => out.push(l) }), 2);
  assert.equal(await importCommand(depsOf(office), ['nothing'], { out: () => {} }), 2);
});
