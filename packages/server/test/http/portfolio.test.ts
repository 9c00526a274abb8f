// The portfolio of an applicant or agent: their cases with the next deadline, the most urgent first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, filing, login, ok, type Client } from './helpers.ts';

let office: TestOffice;
let app: FastifyInstance;
let agent: Client, other: Client, client1: Client, formalities: Client;

before(async () => {
  office = await testOffice({ startDate: '2026-01-05' });
  app = await office.http();
  await office.user('agent1', 'agent', 'Agent One LLP');
  await office.user('agent2', 'agent', 'Agent Two LLP');
  await office.user('client1', 'applicant', 'Client One Ltd');
  await office.user('formal1', 'formalities');
  [agent, other, client1, formalities] = await Promise.all(['agent1', 'agent2', 'client1', 'formal1'].map((u) => login(app, u)));
});
after(async () => { await office.shutdown(); });

test("the user's cases with state, fees outstanding and the next time limit, nearest first; nobody else's", async () => {
  const a = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'ALPHA' } }, null)), 201);
  // No goods and services: the filing is incomplete and a time limit to complete it opens (2 months: 2026-03-05).
  const b = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'BRAVO' }, goodsServices: undefined }, null)), 201);
  const c = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'CHARLIE' } })), 201);
  ok(await other.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'NOT MINE' } })), 201);
  await office.setDate('2026-01-10');
  // A deficiency to remedy within 2 months: 2026-03-10.
  ok(await formalities.post(`/api/v1/cases/${c.case.id}/acts/notify-formal-deficiency`, { payload: { deficiencies: [{ code: 'X', description: 'A signature is missing.' }] } }), 201);

  await office.setDate('2026-01-15');
  const p = ok(await agent.get('/api/v1/portfolio'));
  assert.deepEqual(p.items.map((i: any) => i.title).sort(), ['ALPHA', 'BRAVO', 'CHARLIE']);
  const byTitle = Object.fromEntries(p.items.map((i: any) => [i.title, i]));
  assert.deepEqual(Object.keys(byTitle.ALPHA).filter((k) => !['currency'].includes(k)).sort(),
    ['filingDate', 'id', 'nextDeadline', 'number', 'outstanding', 'right', 'state', 'stateTitle', 'statusCategory', 'title'].sort());
  assert.equal(byTitle.ALPHA.outstanding, 250_00);
  assert.equal(byTitle.CHARLIE.outstanding, 0);
  assert.equal(byTitle.ALPHA.number, a.case.number);
  assert.equal(typeof byTitle.ALPHA.stateTitle, 'string');
  const deadlines = p.items.filter((i: any) => i.nextDeadline);
  assert.ok(deadlines.length >= 2, JSON.stringify(p.items));
  for (const i of deadlines) {
    assert.match(i.nextDeadline.dueDate, /^\d{4}-\d{2}-\d{2}$/);
    assert.equal(i.nextDeadline.daysLeft, Math.round((Date.parse(`${i.nextDeadline.dueDate}T00:00:00Z`) - Date.parse('2026-01-15T00:00:00Z')) / 86_400_000));
    assert.equal(typeof i.nextDeadline.kind, 'string');
    assert.ok('graceEnds' in i.nextDeadline);
  }
  // Ordered by the next deadline, cases without one last.
  assert.deepEqual(p.items.map((i: any) => [i.title, i.nextDeadline?.kind ?? null, i.nextDeadline?.dueDate ?? null]),
    [['BRAVO', 'complete-filing', '2026-03-05'], ['CHARLIE', byTitle.CHARLIE.nextDeadline.kind, '2026-03-10'], ['ALPHA', null, null]]);
  assert.equal(byTitle.BRAVO.nextDeadline.daysLeft, 49);
  assert.equal(byTitle.BRAVO.filingDate, null);
  const detail = ok(await agent.get(`/api/v1/cases/${b.case.id}`));
  assert.equal(byTitle.BRAVO.nextDeadline?.dueDate ?? null, detail.timeLimits.map((t: any) => t.dueOn).sort()[0] ?? null);
});

test('filters by right and text; cases filed for a client show in the client portfolio too', async () => {
  const named = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'DELTA' } })), 201);
  assert.deepEqual(ok(await agent.get('/api/v1/portfolio?q=delt')).items.map((i: any) => i.id), [named.case.id]);
  assert.deepEqual(ok(await agent.get(`/api/v1/portfolio?q=${named.case.number}`)).items.map((i: any) => i.id), [named.case.id]);
  assert.deepEqual(ok(await agent.get('/api/v1/portfolio?right=patent')).items, []);
  assert.equal(ok(await agent.get('/api/v1/portfolio?right=trademark')).items.length, 4);
  assert.deepEqual(ok(await other.get('/api/v1/portfolio?q=DELTA')).items, []);
  const own = ok(await client1.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'ECHO' } })), 201);
  assert.deepEqual(ok(await client1.get('/api/v1/portfolio')).items.map((i: any) => i.id), [own.case.id]);
});

test('for applicants and agents only; sign-in needed', async () => {
  expectProblem(await formalities.get('/api/v1/portfolio'), 403, 'FORBIDDEN');
  expectProblem(await client(app).get('/api/v1/portfolio'), 401, 'UNAUTHENTICATED');
  expectProblem(await agent.get('/api/v1/portfolio?limit=0'), 400, 'VALIDATION_FAILED');
});
