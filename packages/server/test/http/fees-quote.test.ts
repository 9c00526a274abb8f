// Live fee quotes: the fees the engine will charge, for a filing being written (even unfinished) and
// for an act on a case the caller may see.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, filing, login, ok, opposition, type Client } from './helpers.ts';

let office: TestOffice;
let app: FastifyInstance;
let agent: Client, rival: Client, formalities: Client, examiner: Client, registrar: Client;
const anyone = () => client(app);

before(async () => {
  office = await testOffice({ startDate: '2026-01-05' });
  app = await office.http();
  await office.user('agent1', 'agent', 'Agent One LLP');
  await office.user('rival', 'applicant', 'Rival Beans SA');
  await office.user('formal1', 'formalities');
  await office.user('exam1', 'examiner');
  await office.user('reg1', 'registrar');
  [agent, rival, formalities, examiner, registrar] = await Promise.all(['agent1', 'rival', 'formal1', 'exam1', 'reg1'].map((u) => login(app, u)));
});
after(async () => { await office.shutdown(); });

const three = [{ classNumber: 9, terms: ['computer software'] }, { classNumber: 30, terms: ['coffee'] }, { classNumber: 43, terms: ['café services'] }];

test('a trademark filing: the application fee and each class beyond the first, as the engine then charges', async () => {
  const q = ok(await anyone().post('/api/v1/fees/quote', { right: 'trademark', payload: filing({ goodsServices: three }).payload }));
  assert.equal(q.currency, 'EUR');
  assert.deepEqual(q.items, [
    { code: 'application', title: 'Application fee (one class)', amount: 250_00, currency: 'EUR', quantity: 1 },
    { code: 'class', title: 'Fee for each class beyond the first', amount: 100_00, currency: 'EUR', quantity: 2 },
  ]);
  assert.equal(q.total, 350_00);
  assert.equal(q.complete, true);
  // The engine charges exactly that.
  const filed = ok(await agent.post('/api/v1/cases', filing({ goodsServices: three }, null)), 201);
  const fees = ok(await agent.get(`/api/v1/cases/${filed.case.id}`)).fees;
  assert.equal(fees.outstanding, q.total);
  const lines = (xs: any[]) => xs.map((f) => [f.code, f.amount, f.quantity]).sort();
  assert.deepEqual(lines(fees.items), lines(q.items));
});

test('an unfinished filing is quoted as far as it goes, never an error', async () => {
  const empty = ok(await anyone().post('/api/v1/fees/quote', { right: 'trademark', payload: {} }));
  assert.deepEqual(empty.items.map((i: any) => i.code), ['application']);
  assert.equal(empty.total, 250_00);
  const none = ok(await anyone().post('/api/v1/fees/quote', { right: 'trademark' }));
  assert.equal(none.total, 250_00);
  // A rule that cannot read the payload yet: its fee is left out and named.
  const odd = ok(await anyone().post('/api/v1/fees/quote', { right: 'trademark', payload: { goodsServices: 7 } }));
  assert.equal(odd.complete, false);
  assert.deepEqual(odd.pending.map((p: any) => p.code), ['class']);
  assert.equal(odd.total, 250_00);
  for (const payload of [{ claims: 'x' }, { claims: [null, 5] }, { priorityClaims: 3, requestExamination: 'yes' }, { applicants: [{}] }]) {
    for (const right of ['patent', 'utility-model', 'design', 'gi', 'trademark']) {
      const r = await anyone().post('/api/v1/fees/quote', { right, payload });
      assert.equal(r.statusCode, 200, `${right} ${JSON.stringify(payload)}: ${r.body.slice(0, 300)}`);
    }
  }
  const patent = ok(await anyone().post('/api/v1/fees/quote', { right: 'patent', payload: { requestExamination: true } }));
  assert.ok(patent.items.some((i: any) => i.code === 'examination'));
  assert.equal(patent.total, patent.items.reduce((s: number, i: any) => s + i.amount, 0));
});

test('refusals: unknown right, framework or act, an act that files nothing, a body that names neither', async () => {
  expectProblem(await anyone().post('/api/v1/fees/quote', { right: 'spaceship', payload: {} }), 400, 'UNKNOWN_RIGHT');
  expectProblem(await anyone().post('/api/v1/fees/quote', { right: 'trademark', framework: 'atlantis', payload: {} }), 400, 'UNKNOWN_FRAMEWORK');
  expectProblem(await anyone().post('/api/v1/fees/quote', { right: 'trademark', act: 'no-such-act' }), 404, 'UNKNOWN_ACT');
  expectProblem(await anyone().post('/api/v1/fees/quote', { right: 'trademark', act: 'publish' }), 400, 'NOT_AN_INITIAL_ACT');
  expectProblem(await anyone().post('/api/v1/fees/quote', { payload: {} }), 400, 'VALIDATION_FAILED');
  expectProblem(await anyone().post('/api/v1/fees/quote', { caseId: 'TM-2026-000001' }), 400, 'VALIDATION_FAILED');
});

test('an act on a case: a party and the office may quote it, the public only on a published case; an opposition quotes its own filing fee', async () => {
  const filed = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'QUOTED' } }), { 'idempotency-key': 'q1' }), 201);
  const id = filed.case.number;
  const amend = { caseId: id, act: 'pay-fees', payload: {} };
  const mine = ok(await agent.post('/api/v1/fees/quote', amend));
  assert.deepEqual({ total: mine.total, items: mine.items, complete: mine.complete }, { total: 0, items: [], complete: true });
  ok(await examiner.post('/api/v1/fees/quote', amend));
  expectProblem(await rival.post('/api/v1/fees/quote', amend), 404, 'CASE_NOT_FOUND');
  expectProblem(await anyone().post('/api/v1/fees/quote', amend), 404, 'CASE_NOT_FOUND');
  expectProblem(await agent.post('/api/v1/fees/quote', { caseId: id, act: 'no-such-act' }), 404, 'UNKNOWN_ACT');

  ok(await formalities.post(`/api/v1/cases/${id}/acts/accept-formalities`, {}), 201);
  ok(await examiner.post(`/api/v1/cases/${id}/acts/approve-classification`, {}), 201);
  ok(await examiner.post(`/api/v1/cases/${id}/acts/accept`, {}), 201);
  ok(await registrar.post(`/api/v1/cases/${id}/acts/publish`, {}), 201);
  const opp = ok(await rival.post('/api/v1/fees/quote', { caseId: id, act: 'file-opposition', payload: opposition('QUOTED') }));
  assert.deepEqual(opp.items.map((i: any) => [i.code, i.amount]), [['opposition', 320_00]]);
  assert.equal(opp.total, 320_00);
  ok(await anyone().post('/api/v1/fees/quote', { caseId: id, act: 'file-opposition', payload: {} }));
  // The opposition filed is charged what was quoted.
  const res = ok(await rival.post(`/api/v1/cases/${id}/acts/file-opposition`, { payload: opposition('QUOTED'), payment: { amount: opp.total, currency: opp.currency } }), 201);
  const child = ok(await rival.get(`/api/v1/cases/${res.child.caseId}`));
  assert.deepEqual(child.fees.items.map((f: any) => [f.code, f.amount]), opp.items.map((i: any) => [i.code, i.amount]));
});
