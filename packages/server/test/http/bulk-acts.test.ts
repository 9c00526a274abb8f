// The registrar's worklist and a batch publication: the worklist shows who took each case and filters by
// right, title or number and "mine"; POST /api/v1/bulk/acts publishes a batch, each case in its own
// transaction, so a case that cannot be published is reported with its code and left exactly as it was
// while the others are published.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { client, expectProblem, filing, login, ok, type Client } from './helpers.ts';

let office: TestOffice;
let app: FastifyInstance;
let agent: Client, formalities: Client, examiner: Client, registrar: Client;
let registrarId = '';
const accepted: { id: string; number: string }[] = [];
let pending: { id: string; number: string };

const journalOf = async (id: string) => ok(await registrar.get(`/api/v1/cases/${id}/acts`)).items.map((a: any) => a.hash);

before(async () => {
  office = await testOffice({ startDate: '2026-01-05' });
  app = await office.http();
  await office.user('agent1', 'agent', 'Agent One LLP');
  await office.user('formal1', 'formalities');
  await office.user('exam1', 'examiner');
  registrarId = (await office.user('reg1', 'registrar', 'Rita Registrar')).id;
  [agent, formalities, examiner, registrar] = await Promise.all(['agent1', 'formal1', 'exam1', 'reg1'].map((u) => login(app, u)));
  for (const text of ['NORTH STAR', 'SOUTH WIND', 'EAST GATE']) {
    const filed = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text } })), 201);
    for (const [who, act] of [[formalities, 'accept-formalities'], [formalities, 'approve-classification'], [examiner, 'accept']] as const) {
      ok(await who.post(`/api/v1/cases/${filed.case.id}/acts/${act}`, {}), 201);
    }
    accepted.push({ id: filed.case.id, number: filed.case.number });
  }
  const still = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'WEST END' } })), 201);
  pending = { id: still.case.id, number: still.case.number };
});
after(() => office.shutdown());

test('the worklist shows who took a case and filters by right, title or number, and "mine"', async () => {
  const list = ok(await registrar.get('/api/v1/worklist'));
  assert.deepEqual(list.items.map((i: any) => i.number).sort(), accepted.map((c) => c.number).sort());
  assert.ok(list.items.every((i: any) => i.assignee === null), 'nobody took them yet');

  ok(await registrar.post(`/api/v1/cases/${accepted[1].id}/assignment`, { toMe: true }));
  const taken = ok(await registrar.get('/api/v1/worklist')).items.find((i: any) => i.id === accepted[1].id);
  assert.deepEqual(taken.assignee, { id: registrarId, name: 'Rita Registrar' });
  const mine = ok(await registrar.get('/api/v1/worklist?mine=true'));
  assert.deepEqual([mine.total, mine.items.map((i: any) => i.number)], [1, [accepted[1].number]]);

  assert.deepEqual(ok(await registrar.get('/api/v1/worklist?q=south')).items.map((i: any) => i.number), [accepted[1].number]);
  assert.deepEqual(ok(await registrar.get(`/api/v1/worklist?q=${accepted[2].number}`)).items.map((i: any) => i.number), [accepted[2].number]);
  assert.equal(ok(await registrar.get('/api/v1/worklist?right=patent')).total, 0);
  assert.equal(ok(await registrar.get('/api/v1/worklist?right=trademark')).total, 3);
  // The applicant's own list never says who in the office took the case.
  assert.ok(ok(await agent.get('/api/v1/cases')).items.every((i: any) => !('assignee' in i)));

  ok(await registrar.post(`/api/v1/cases/${accepted[1].id}/assignment`, { toMe: false }));
  assert.equal(ok(await registrar.get('/api/v1/worklist?mine=true')).total, 0);
});

test('only office staff act in bulk, on 1 to 200 cases', async () => {
  expectProblem(await client(app, null).post('/api/v1/bulk/acts', { act: 'publish', cases: [accepted[0].id] }), 401, 'UNAUTHENTICATED');
  expectProblem(await agent.post('/api/v1/bulk/acts', { act: 'withdraw', cases: [pending.id] }), 403, 'FORBIDDEN');
  expectProblem(await registrar.post('/api/v1/bulk/acts', { act: 'publish', cases: [] }), 400, 'VALIDATION_FAILED');
  expectProblem(await registrar.post('/api/v1/bulk/acts', { act: 'publish', cases: Array.from({ length: 201 }, (_, i) => `TM-2026-${i}`) }), 400, 'VALIDATION_FAILED');
  expectProblem(await registrar.post('/api/v1/bulk/acts', { act: 'publish' }), 400, 'VALIDATION_FAILED');
  assert.equal(ok(await agent.get(`/api/v1/cases/${pending.id}`)).state, 'formalities', 'the refused request changed nothing');
});

test('a refusal of every case (wrong role, unknown act) is reported per case and records nothing', async () => {
  const before = await Promise.all(accepted.map((c) => journalOf(c.id)));
  const wrongRole = ok(await formalities.post('/api/v1/bulk/acts', { act: 'publish', cases: accepted.map((c) => c.number) }));
  assert.deepEqual(wrongRole.results.map((r: any) => [r.case, r.ok, r.code]), accepted.map((c) => [c.number, false, 'ACT_NOT_PERMITTED']));
  const unknown = ok(await registrar.post('/api/v1/bulk/acts', { act: 'print', cases: [accepted[0].id] }));
  assert.deepEqual(unknown.results.map((r: any) => [r.ok, r.code]), [[false, 'UNKNOWN_ACT']]);
  assert.ok(unknown.results.every((r: any) => typeof r.detail === 'string' && r.detail.length > 0));
  assert.deepEqual(await Promise.all(accepted.map((c) => journalOf(c.id))), before);
});

test('the registrar publishes a batch: the accepted cases are published, the others are reported and untouched', async () => {
  const pendingJournal = await journalOf(pending.id);
  const res = ok(await registrar.post('/api/v1/bulk/acts', {
    act: 'publish',
    cases: [accepted[0].id, accepted[1].number, pending.number, 'TM-2099-999999', accepted[2].id, accepted[0].id],
  }));
  assert.deepEqual(res.results.map((r: any) => [r.case, r.ok, r.ok ? r.state : r.code]), [
    [accepted[0].id, true, 'published'],
    [accepted[1].number, true, 'published'],
    [pending.number, false, 'ACT_NOT_ALLOWED_IN_STATE'],
    ['TM-2099-999999', false, 'CASE_NOT_FOUND'],
    [accepted[2].id, true, 'published'],
    [accepted[0].id, false, 'ACT_NOT_ALLOWED_IN_STATE'],
  ], 'in the order asked, a case named twice is published once');
  assert.deepEqual(res.results.filter((r: any) => r.ok).map((r: any) => r.number), accepted.map((c) => c.number));
  assert.deepEqual([res.succeeded, res.failed], [3, 3]);

  for (const c of accepted) {
    const seen = ok(await client(app, null).get(`/api/v1/cases/${c.number}`));
    assert.equal(seen.state, 'published', `${c.number} is in the public register`);
  }
  assert.deepEqual(await journalOf(pending.id), pendingJournal, 'the refused case is exactly as it was');
  assert.equal(ok(await agent.get(`/api/v1/cases/${pending.id}`)).state, 'formalities');
  assert.equal(ok(await registrar.get('/api/v1/worklist')).total, 0, 'the batch left the worklist');
});
