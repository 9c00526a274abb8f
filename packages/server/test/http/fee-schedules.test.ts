// Fee schedules as effective-dated office data (GET/POST /api/v1/admin/fees). The model law charges
// 250 EUR per application and 50 EUR per further class. On Mon 4 May 2026 the administrator adds a
// version in force from Mon 1 Jun 2026: application 275, class 60 (renewal unchanged). A filing of
// Fri 29 May pays the old amounts, one of 1 Jun the new ones, and each fee says which schedule version
// it was charged under. A version another process adds (straight into the database) is charged too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, filing, login, ok, type Client } from './helpers.ts';

let office: TestOffice;
let app: FastifyInstance;
let admin: Client, agent: Client, formalities: Client;

const VERSION = { right: 'trademark', effectiveFrom: '2026-06-01', amounts: { application: 275_00, class: 60_00 }, note: 'Fees Order 2026' };
const twoClasses = [{ classNumber: 30, terms: ['coffee'] }, { classNumber: 43, terms: ['café services'] }];
const trademark = async () => (ok(await admin.get('/api/v1/admin/fees')).items as any[]).find((i) => i.right === 'trademark');
const officeVersions = async () => Number((await office.db.query<{ n: string }>('SELECT count(*) AS n FROM fee_schedule_versions')).rows[0].n);

async function fileTwoClasses(payment: number) {
  const res = ok(await agent.post('/api/v1/cases', filing({ goodsServices: twoClasses }, { amount: payment, currency: 'EUR' })), 201);
  const fees = ok(await agent.get(`/api/v1/cases/${res.case.id}`)).fees.items as any[];
  return { act: res.act.fees.map((f: any) => [f.code, f.amount]), schedules: fees.map((f) => [f.code, f.schedule]).sort((a, b) => a[0].localeCompare(b[0])) };
}

before(async () => {
  office = await testOffice({ startDate: '2026-05-04' });
  app = await office.http();
  for (const [u, role, party] of [['admin1', 'admin'], ['agent1', 'agent', 'Agent One LLP'], ['formal1', 'formalities']] as const) await office.user(u, role, party);
  [admin, agent, formalities] = await Promise.all(['admin1', 'agent1', 'formal1'].map((u) => login(app, u)));
});
after(() => office.shutdown());

test('the listing shows, for each right and procedure version, the schedule in force and its history with its source', async () => {
  const body = ok(await formalities.get('/api/v1/admin/fees'));
  assert.deepEqual([body.framework, body.officeDate], ['model-law', '2026-05-04']);
  const tm = body.items.find((i: any) => i.right === 'trademark');
  assert.equal(tm.version, '2026.1');
  assert.deepEqual([tm.inForce.source, tm.inForce.effectiveFrom, tm.inForce.items.application.amount, tm.inForce.items.class.amount], ['law', '2000-01-01', 250_00, 50_00]);
  assert.deepEqual(tm.history.map((h: any) => [h.source, h.effectiveFrom, h.inForce]), [['law', '2000-01-01', true]]);
  assert.ok(body.items.some((i: any) => i.right === 'patent' && i.inForce.items.filing), 'every right is listed');
  expectProblem(await client(app, null).get('/api/v1/admin/fees'), 401, 'UNAUTHENTICATED');
  expectProblem(await agent.get('/api/v1/admin/fees'), 403, 'FORBIDDEN');
  expectProblem(await admin.get('/api/v1/admin/fees?framework=atlantis'), 404, 'UNKNOWN_FRAMEWORK');
});

test('only an administrator adds a version, from a date after today, for a known right and fee codes, in the schedule\'s currency; refusals write nothing', async () => {
  expectProblem(await agent.post('/api/v1/admin/fees', VERSION), 403, 'FORBIDDEN');
  expectProblem(await formalities.post('/api/v1/admin/fees', VERSION), 403, 'FORBIDDEN');
  expectProblem(await admin.post('/api/v1/admin/fees', { ...VERSION, effectiveFrom: '2026-05-04' }), 400, 'FEE_SCHEDULE_NOT_IN_FUTURE');
  expectProblem(await admin.post('/api/v1/admin/fees', { ...VERSION, effectiveFrom: '2026-02-30' }), 400, 'INVALID_DATE');
  const unknown = expectProblem(await admin.post('/api/v1/admin/fees', { ...VERSION, amounts: { application: 1, 'express-service': 100_00 } }), 400, 'UNKNOWN_FEE_CODE');
  assert.deepEqual(unknown.unknown, ['express-service']);
  assert.ok(unknown.known.includes('renewal'));
  expectProblem(await admin.post('/api/v1/admin/fees', { ...VERSION, right: 'copyright' }), 400, 'UNKNOWN_RIGHT');
  expectProblem(await admin.post('/api/v1/admin/fees', { ...VERSION, framework: 'atlantis' }), 400, 'UNKNOWN_FRAMEWORK');
  expectProblem(await admin.post('/api/v1/admin/fees', { ...VERSION, currency: 'USD' }), 400, 'CURRENCY_MISMATCH');
  expectProblem(await admin.post('/api/v1/admin/fees', { ...VERSION, amounts: {} }), 400, 'VALIDATION_FAILED');
  expectProblem(await admin.post('/api/v1/admin/fees', { ...VERSION, amounts: { application: -1 } }), 400, 'VALIDATION_FAILED');
  expectProblem(await admin.post('/api/v1/admin/fees', { ...VERSION, amounts: { application: 2.5 } }), 400, 'VALIDATION_FAILED');
  assert.equal(await officeVersions(), 0);
  assert.equal((await trademark()).history.length, 1);
});

test('a version in force from 1 Jun: a filing of 29 May pays 250 + 50, one of 1 Jun 275 + 60, and each fee names its schedule', async () => {
  const added = ok(await admin.post('/api/v1/admin/fees', { ...VERSION, currency: 'EUR' }), 201);
  assert.deepEqual([added.source, added.effectiveFrom, added.currency, added.changes, added.note], ['office', '2026-06-01', 'EUR', ['application', 'class'], 'Fees Order 2026']);
  assert.deepEqual([added.items.application.amount, added.items.class.amount, added.items.renewal.amount], [275_00, 60_00, 300_00], 'renewal carried over from the law');
  expectProblem(await admin.post('/api/v1/admin/fees', { ...VERSION, amounts: { application: 1 } }), 409, 'FEE_SCHEDULE_EXISTS');
  const listed = await trademark();
  assert.deepEqual(listed.history.map((h: any) => [h.source, h.effectiveFrom, h.inForce]), [['law', '2000-01-01', true], ['office', '2026-06-01', false]]);
  assert.equal(listed.inForce.source, 'law');

  await office.setDate('2026-05-29');
  const before = await fileTwoClasses(300_00);
  assert.deepEqual(before.act, [['application', 250_00], ['class', 50_00]]);
  assert.deepEqual(before.schedules, [['application', { source: 'law', effectiveFrom: '2000-01-01' }], ['class', { source: 'law', effectiveFrom: '2000-01-01' }]]);

  await office.setDate('2026-06-01');
  const after = await fileTwoClasses(335_00);
  assert.deepEqual(after.act, [['application', 275_00], ['class', 60_00]]);
  assert.deepEqual(after.schedules.map(([, s]: any) => s), [{ source: 'office', effectiveFrom: '2026-06-01' }, { source: 'office', effectiveFrom: '2026-06-01' }]);
  assert.deepEqual(((await trademark()).inForce).effectiveFrom, '2026-06-01');
});

test('a version another process added is seen before the next fee is charged, and amends the office version before it', async () => {
  await office.db.query(
    `INSERT INTO fee_schedule_versions (framework, right_kind, effective_from, currency, amounts, note)
     VALUES ('model-law', 'trademark', '2026-07-01', 'EUR', '{"application": 30000}', 'added elsewhere')`);
  await office.setDate('2026-07-01');
  const charged = await fileTwoClasses(360_00);
  assert.deepEqual(charged.act, [['application', 300_00], ['class', 60_00]], 'the class fee of the 1 Jun version carries over');
  assert.deepEqual(charged.schedules.map(([, s]: any) => s.effectiveFrom), ['2026-07-01', '2026-07-01']);
  const listed = await trademark();
  assert.deepEqual(listed.history.map((h: any) => [h.source, h.effectiveFrom, h.inForce]),
    [['law', '2000-01-01', false], ['office', '2026-06-01', false], ['office', '2026-07-01', true]]);
});
