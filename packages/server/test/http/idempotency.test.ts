// Idempotent filing through the HTTP API: a retried submission with the same Idempotency-Key returns
// the first result and files nothing more, even when the retries race each other.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { testOffice, type TestOffice } from '../support/harness.ts';
import { expectProblem, filing, login, ok, type Client } from './helpers.ts';

let office: TestOffice;
let app: FastifyInstance;
let agent: Client, other: Client, examiner: Client;

const key = (k: string) => ({ 'idempotency-key': k });
/** Every case in the register, as the office sees it. */
const allCases = async () => ok(await examiner.get('/api/v1/cases?limit=200')).items as { id: string; number: string; title: string }[];
const casesTitled = async (title: string) => (await allCases()).filter((c) => c.title === title);

before(async () => {
  office = await testOffice({ startDate: '2026-01-05' });
  app = await office.http();
  await office.user('agent1', 'agent', 'Agent One LLP');
  await office.user('agent2', 'agent', 'Agent Two LLP');
  await office.user('exam1', 'examiner');
  [agent, other, examiner] = await Promise.all(['agent1', 'agent2', 'exam1'].map((u) => login(app, u)));
});
after(async () => { await office.shutdown(); });

test('the same key and body twice: the second response is the first, replayed, and one case exists', async () => {
  const body = filing({ mark: { kind: 'Word', text: 'ONCE' } });
  const first = await agent.post('/api/v1/cases', body, key('k-once'));
  const a = ok(first, 201);
  assert.equal(first.headers['idempotent-replayed'], undefined, 'the first response is not a replay');
  const second = await agent.post('/api/v1/cases', body, key('k-once'));
  const b = ok(second, 201);
  assert.equal(second.headers['idempotent-replayed'], 'true');
  assert.deepEqual(b, a);
  const found = await casesTitled('ONCE');
  assert.deepEqual(found.map((c) => c.id), [a.case.id]);
  const c = ok(await agent.get(`/api/v1/cases/${a.case.id}`));
  assert.equal(c.acts.length, 1, 'filed once');
  assert.equal(c.fees.payments.length, 1, 'paid once');
});

test('ten concurrent requests with the same key file exactly one case', async () => {
  const body = filing({ mark: { kind: 'Word', text: 'RACE' } });
  const responses = await Promise.all(Array.from({ length: 10 }, () => agent.post('/api/v1/cases', body, key('k-race'))));
  const codes = responses.map((r) => r.statusCode);
  assert.deepEqual(codes, Array(10).fill(201), responses.map((r) => r.body.slice(0, 200)).join('\n'));
  const bodies = responses.map((r) => r.json());
  assert.equal(new Set(bodies.map((b) => b.case.id)).size, 1, 'every response names the same case');
  for (const b of bodies) assert.deepEqual(b, bodies[0]);
  assert.equal(responses.filter((r) => r.headers['idempotent-replayed'] !== 'true').length, 1, 'one original, nine replays');
  const found = await casesTitled('RACE');
  assert.equal(found.length, 1);
  assert.equal(found[0].id, bodies[0].case.id);
  assert.equal(ok(await agent.get(`/api/v1/cases/${found[0].id}`)).fees.payments.length, 1);
});

test('the same key with a different body: 422 IDEMPOTENCY_KEY_REUSED, nothing filed', async () => {
  const first = ok(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'KEYED' } }), key('k-reuse')), 201);
  const total = (await allCases()).length;
  const variants = [
    filing({ mark: { kind: 'Word', text: 'KEYED-2' } }),
    filing({ mark: { kind: 'Word', text: 'KEYED' } }, { amount: 300_00, currency: 'EUR' }),
    filing({ mark: { kind: 'Word', text: 'KEYED' } }, null),
  ];
  for (const v of variants) expectProblem(await agent.post('/api/v1/cases', v, key('k-reuse')), 422, 'IDEMPOTENCY_KEY_REUSED');
  assert.equal((await allCases()).length, total);
  assert.deepEqual((await casesTitled('KEYED')).map((c) => c.id), [first.case.id]);
  assert.deepEqual(await casesTitled('KEYED-2'), []);
  // The original body still replays.
  const again = await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'KEYED' } }), key('k-reuse'));
  assert.equal(again.headers['idempotent-replayed'], 'true');
  assert.equal(ok(again, 201).case.id, first.case.id);
});

test('different keys, or no key, file separate cases; keys belong to the user who sent them', async () => {
  const body = filing({ mark: { kind: 'Word', text: 'TWICE' } });
  const a = ok(await agent.post('/api/v1/cases', body, key('k-a')), 201);
  const b = ok(await agent.post('/api/v1/cases', body, key('k-b')), 201);
  assert.notEqual(a.case.id, b.case.id);
  assert.notEqual(a.case.number, b.case.number);
  const c = ok(await agent.post('/api/v1/cases', body), 201);
  const d = await other.post('/api/v1/cases', body, key('k-a'));
  assert.equal(d.headers['idempotent-replayed'], undefined, 'another user\'s key k-a is not this one');
  const dd = ok(d, 201);
  assert.equal(new Set([a.case.id, b.case.id, c.case.id, dd.case.id]).size, 4);
  assert.equal((await casesTitled('TWICE')).length, 4);
  expectProblem(await other.get(`/api/v1/cases/${a.case.id}`), 404, 'CASE_NOT_FOUND');
});

test('a refused submission does not use up its key: the corrected one is filed', async () => {
  const total = (await allCases()).length;
  expectProblem(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'FIXED' }, goodsServices: [{ classNumber: 99, terms: ['x'] }] }), key('k-fix')), 400, 'UNKNOWN_NICE_CLASS');
  // Refused inside the filing transaction (after the key was claimed): rolled back with it.
  expectProblem(await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'FIXED' } }, { amount: 250_00, currency: 'USD' }), key('k-fix')), 422, 'CURRENCY_MISMATCH');
  assert.equal((await allCases()).length, total);
  const ok1 = await agent.post('/api/v1/cases', filing({ mark: { kind: 'Word', text: 'FIXED' } }), key('k-fix'));
  assert.equal(ok1.headers['idempotent-replayed'], undefined);
  assert.equal(ok(ok1, 201).case.state, 'formalities');
  assert.equal((await casesTitled('FIXED')).length, 1);
});

test('an Idempotency-Key longer than 200 characters is refused', async () => {
  expectProblem(await agent.post('/api/v1/cases', filing(), key('k'.repeat(201))), 400, 'VALIDATION_FAILED');
});
